"""Inline ``termcheck:`` directives: read them from comments, filter findings."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Final

import regex

from termcheck.model import Finding, Kind, Severity
from termcheck.text import LineIndex

__all__ = ["ACTIONS", "Directive", "Outcome", "apply_directives", "parse_directives"]

ACTIONS: Final = ("off", "on", "disable-next-line", "disable", "enable")
"""What a directive can say; ``off``/``on`` take no term ids."""

# A comment body that is a directive: "termcheck:", an action, then term ids
# separated by commas or spaces, and an optional " -- reason".
#   " termcheck: disable-next-line gsi, bri -- quoted " -> action, ids "gsi, bri"
# The ids end at the first " -- " or at the trailing white space, found by
# _REASON and _TRAILING_SPACE: the one pattern
# r"…(?P<ids>.*?)(?:\s--\s.*)?\s*" took quadratic time on long runs of spaces.
_DIRECTIVE: Final = regex.compile(
    r"\s*(?P<keyword>termcheck:)[ \t]*(?P<action>[^\s,]*)"
)
_REASON: Final = regex.compile(r"\s--\s")
_TRAILING_SPACE: Final = regex.compile(r"\s*", regex.REVERSE)
_ID: Final = regex.compile(r"[^\s,]+")


@dataclass(frozen=True, slots=True)
class Directive:
    """One directive; ``start``/``end`` bound its comment body in the file."""

    action: str
    ids: tuple[tuple[str, int], ...]  # each term id with its offset
    start: int
    end: int
    action_at: int
    keyword_at: int  # where "termcheck:" starts


@dataclass(frozen=True, slots=True)
class Outcome:
    """Findings kept, how many the directives suppressed, and directive problems."""

    findings: tuple[Finding, ...]
    suppressed: int = 0
    problems: tuple[Finding, ...] = field(default=())


def parse_directives(text: str, comments: Sequence[tuple[int, int]]) -> list[Directive]:
    """The directives among the comment bodies ``comments`` of ``text``."""
    found = []
    for start, end in comments:
        match = _DIRECTIVE.match(text, start, end)
        if match is None:
            continue
        ids_end = end  # before the trailing white space, and before any " -- "
        for stop in (
            _TRAILING_SPACE.match(text, match.end(), end),
            _REASON.search(text, match.end(), end),
        ):
            ids_end = min(ids_end, end if stop is None else stop.start())
        ids = tuple(
            (word.group(), word.start())
            for word in _ID.finditer(text, match.end(), ids_end)
        )
        found.append(
            Directive(
                match.group("action"),
                ids,
                start,
                end,
                match.start("action"),
                match.start("keyword"),
            )
        )
    return found


@dataclass(slots=True)
class _Region:
    """The suppression in force from one offset on."""

    offset: int
    off: bool
    all_terms: bool
    terms: frozenset[str]


def apply_directives(
    findings: Sequence[Finding],
    directives: Sequence[Directive],
    term_ids: Collection[str],
    text: str,
    path: str,
) -> Outcome:
    """Drop the findings the directives silence; report directives that are wrong."""
    lines = LineIndex(text)
    problems = [p for d in directives for p in _problems(d, term_ids, lines, path)]
    regions = _regions(directives, term_ids)
    offsets = [region.offset for region in regions]
    next_line: dict[int, set[str] | None] = {}
    for directive in directives:
        if directive.action == "disable-next-line":
            # The body ends where the comment's closer (if any) starts.
            line = lines.position(directive.end)[0] + 1
            ids = {term for term, _ in directive.ids}
            current = next_line.get(line, set())
            next_line[line] = None if not ids or current is None else current | ids
    kept = []
    for finding in findings:
        slot = bisect.bisect_right(offsets, finding.start) - 1
        region = regions[slot] if slot >= 0 else None
        silenced = region is not None and (
            region.off or region.all_terms or finding.term in region.terms
        )
        if finding.line in next_line:
            only = next_line[finding.line]
            silenced = silenced or only is None or finding.term in only
        if not silenced:
            kept.append(finding)
    suppressed = len(findings) - len(kept)
    merged = sorted([*kept, *problems], key=lambda f: (f.start, f.term))
    return Outcome(tuple(merged), suppressed, tuple(problems))


def _regions(
    directives: Sequence[Directive], term_ids: Collection[str]
) -> list[_Region]:
    """The suppression state after each region directive, in file order.

    Only the glossary's term ids are kept (no finding has another): thousands
    of directives naming unknown ids would otherwise grow a set copied at each.
    """
    regions: list[_Region] = []
    off, all_terms, terms = False, False, frozenset[str]()
    for directive in sorted(directives, key=lambda d: d.start):
        named = bool(directive.ids)
        ids = frozenset(term for term, _ in directive.ids if term in term_ids)
        action = directive.action
        if action == "off":
            off = True
        elif action == "on":
            off = False
        elif action == "disable":
            all_terms = all_terms or not named
            terms |= ids
        elif action == "enable":
            all_terms = all_terms and named
            terms = terms - ids if named else frozenset()
        else:
            continue
        offset = directive.end if action in ("off", "disable") else directive.start
        regions.append(_Region(offset, off, all_terms, terms))
    return regions


def _problems(
    directive: Directive, term_ids: Collection[str], lines: LineIndex, path: str
) -> list[Finding]:
    """Warnings for an unknown action, ids on off/on, and unknown term ids."""
    action = directive.action
    if action not in ACTIONS:
        what = f"unknown action {action!r}" if action else "no action"
        hint = _did_you_mean(action, ACTIONS) if action else ""
        message = (
            f"{what} in termcheck directive{hint} "
            f"(expected one of: {', '.join(ACTIONS)})"
        )
        word = action or "termcheck:"
        offset = directive.action_at if action else directive.keyword_at
        return [_warning(word, offset, message, lines, path, _closest(action, ACTIONS))]
    if directive.action in ("off", "on") and directive.ids:
        word, offset = directive.ids[0]
        message = (
            f"'termcheck: {directive.action}' takes no term ids; "
            f"use 'disable {word}' … 'enable {word}' for single terms"
        )
        return [_warning(word, offset, message, lines, path, None)]
    found = []
    for word, offset in directive.ids:
        if word in term_ids:
            continue
        message = (
            f"unknown term id {word!r} in termcheck directive; it silences "
            f"nothing{_did_you_mean(word, term_ids)}"
        )
        found.append(
            _warning(word, offset, message, lines, path, _closest(word, term_ids))
        )
    return found


def _closest(word: str, choices: Collection[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


def _did_you_mean(word: str, choices: Collection[str]) -> str:
    close = _closest(word, choices)
    return f"; did you mean {close!r}?" if close else ""


def _warning(
    word: str,
    offset: int,
    message: str,
    lines: LineIndex,
    path: str,
    replacement: str | None,
) -> Finding:
    line, column = lines.position(offset)
    end_line, end_column = lines.end_position(offset + len(word))
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=offset,
        end=offset + len(word),
        kind=Kind.DIRECTIVE,
        severity=Severity.WARNING,
        term=word,
        canonical="",
        matched=word,
        score=1.0,
        message=message,
        replacement=replacement,
    )
