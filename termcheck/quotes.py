"""Quotations: which spans of a document are someone's quoted words.

A finding inside a quotation is still reported, but its message says so and
``--fix`` leaves it alone unless asked (``--fix-quotes``). Quotation marks are
paired in one pass over the prose, never across a paragraph break, so an
unpaired mark quotes nothing; block quotes come from :mod:`termcheck.quote_blocks`.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from typing import Final

import regex

from termcheck.model import Finding, Kind
from termcheck.quote_blocks import block_quotes

__all__ = [
    "QUOTED_PREFIX",
    "Quotations",
    "as_quoted",
    "mark_quoted",
    "quotations",
    "quote_mark_spans",
]

QUOTED_PREFIX: Final = "in a quotation: "
"""Put before the message of a finding inside a quotation."""

# What the pass stops at: a paragraph break (a blank line, or a line whose
# first prose character is a block edge the extractor marked), the TeX marks
# `` and '', and every quotation mark.
#   'a\n\nb' -> the break;  '“x”' -> “ and ”
_MARKS: Final = regex.compile(
    r"(?P<para>(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n|\.))"
    r"|``|''"
    r"|[\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a"
    r"\u300c\u300d\u300e\u300f]"
)
# Each opening mark and the marks that close it.
_CLOSERS: Final = {
    "\u201c": "\u201d",  # “…” English
    "\u201e": "\u201c\u201d",  # „…“ German, „…” Polish
    "\u201a": "\u2018\u2019",  # ‚…‘ German single
    "\u2018": "\u2019",  # ‘…’
    "\u00ab": "\u00bb",  # «…» French
    "\u00bb": "\u00ab\u00bb",  # »…« German, »…» Swedish
    "\u2039": "\u203a",  # ‹…›
    "\u203a": "\u2039\u203a",  # ›…‹
    "\u300c": "\u300d",  # 「…」
    "\u300e": "\u300f",  # 『…』
    "\u201d": "\u201d",  # ”…” Swedish, Finnish
    '"': '"',
    "'": "'",
    "``": "''",  # TeX
}
# Marks that may close a quotation; of them, those that also open one
# ("…", ’…’ and »…» are written with the same mark on both sides).
_CLOSING: Final = frozenset(
    [*"\u201d\u201c\u2018\u2019\u00bb\u00ab\u203a\u2039\u300d\u300f\"'", "''"]
)
_SYMMETRIC: Final = frozenset(['"', "'", "\u2019", "\u201d", "\u00bb", "\u203a", "''"])
# Marks that open whatever stands around them.
_PLAIN_OPENERS: Final = frozenset("\u201c\u201e\u201a\u00ab\u2039\u300c\u300e")
# Apostrophes look like closing single quotes: between two letters they are
# never quotation marks ("it’s", "don't").
_APOSTROPHES: Final = frozenset("'\u2019")
# What may stand before a mark that opens only where a quotation can start.
_BEFORE_OPENING: Final = frozenset(
    "([{<\u2014\u2013-/\u201c\u201e\u2018\u201a\u00ab\u2039\"'"
)
_STACK_LIMIT: Final = 32  # unclosed marks kept per paragraph (oldest dropped)
_SEARCH_DEPTH: Final = 8  # open marks a closing mark looks through


@dataclasses.dataclass(frozen=True, slots=True)
class Quotations:
    """Quoted spans of a text, merged and sorted, looked up by bisection."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int]]) -> Quotations:
        """Merge overlapping spans."""
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return cls(tuple(s for s, _ in merged), tuple(e for _, e in merged))

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` reaches into a quoted span without holding
        it whole: a wording that carries its own quotation marks (``the “Belt
        and Road” Initiative``) is not a quotation; one inside them is."""
        first = bisect.bisect_right(self.ends, start)  # the first span ending after
        last = bisect.bisect_left(self.starts, max(end, start + 1)) - 1
        if first > last:
            return False  # no span overlaps; inner ones are held whole
        return self.starts[first] < start or self.ends[last] > end


def quotations(text: str, masked: str, markup: str) -> Quotations:
    """Every quoted span of ``text`` (``masked``: its prose) read as ``markup``."""
    spans, boundaries = block_quotes(text, markup)
    spans.extend(quote_mark_spans(masked, text, boundaries))
    return Quotations.of(spans)


def quote_mark_spans(
    masked: str, text: str, boundaries: Sequence[int] = ()
) -> list[tuple[int, int]]:
    """The spans from an opening quotation mark to its closing one, marks included.

    ``masked`` is the prose (the extractor's masked text) and ``text`` the
    original, to tell a block edge from a real full stop. ``boundaries`` are
    extra paragraph breaks (offsets, sorted), such as HTML block tags. Linear:
    each mark is looked at once, with a bounded stack.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    edge = 0  # next of ``boundaries`` not passed yet
    for found in _MARKS.finditer(masked):
        start = found.start()
        while edge < len(boundaries) and boundaries[edge] <= start:
            edge += 1
            stack.clear()
        if found.group("para") is not None:
            end = found.end()
            if masked[end - 1] != "." or text[end - 1] != ".":
                stack.clear()
            continue
        mark = found.group()
        before = masked[start - 1] if start else " "
        after = masked[found.end()] if found.end() < len(masked) else " "
        if _closes(mark, before, after):
            for depth in range(
                len(stack) - 1, max(len(stack) - _SEARCH_DEPTH, 0) - 1, -1
            ):
                opener, where = stack[depth]
                if mark in _CLOSERS[opener]:
                    spans.append((where, found.end()))
                    del stack[depth:]
                    break
            else:
                if _opens(mark, before, after):
                    _push(stack, mark, start)
            continue
        if _opens(mark, before, after):
            _push(stack, mark, start)
    return spans


def _closes(mark: str, before: str, after: str) -> bool:
    """Whether ``mark`` may close a quotation here."""
    if mark not in _CLOSING:
        return False
    if mark in _APOSTROPHES and before.isalnum() and after.isalnum():
        return False  # "it’s"
    # A same-on-both-sides mark after a space and before a word opens instead.
    return not (mark in _SYMMETRIC and before.isspace() and after.isalnum())


def _opens(mark: str, before: str, after: str) -> bool:
    """Whether ``mark`` may open a quotation here."""
    if mark not in _CLOSERS or (after.isspace() and mark != "\u00ab"):
        return False  # « may stand before a space, as French writes « mot »
    if mark in _PLAIN_OPENERS:
        return True
    if mark == "\u2018":
        return not before.isalnum()
    return before.isspace() or before in _BEFORE_OPENING


def _push(stack: list[tuple[str, int]], mark: str, start: int) -> None:
    stack.append((mark, start))
    if len(stack) > 2 * _STACK_LIMIT:  # trimmed now and then: amortised O(1)
        del stack[:-_STACK_LIMIT]


def mark_quoted(findings: Sequence[Finding], quoted: Quotations) -> list[Finding]:
    """``findings`` with those inside a quotation marked and their message saying so."""
    if not quoted.starts:
        return list(findings)
    marked = []
    for finding in findings:
        if finding.kind is not Kind.DIRECTIVE and quoted.covers(
            finding.start, finding.end
        ):
            finding = as_quoted(finding)
        marked.append(finding)
    return marked


def as_quoted(finding: Finding) -> Finding:
    """``finding`` marked as someone's quoted words, its message saying so."""
    return dataclasses.replace(
        finding, quoted=True, message=QUOTED_PREFIX + finding.message
    )
