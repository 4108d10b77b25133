"""One finding to one edit: absorb the canonical's neighbours, keep the line
breaks, escape for the markup; or the reason the finding is left alone."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Final

import regex

from termcheck.absorb import absorb
from termcheck.escape import Place, Refusal, escape
from termcheck.extractors import EXTRACTORS
from termcheck.model import Finding, Kind
from termcheck.quotes import Quotations, quotations

__all__ = ["FIXABLE", "QUOTED", "WHOLE", "Edit", "Prose", "Skip", "candidates"]

FIXABLE: Final = frozenset({Kind.FORBIDDEN, Kind.CASE})
"""Kinds that ``--fix`` rewrites; near-misses only above ``--fix-near-misses``."""

QUOTED: Final = "the text is quoted (someone's words); --fix-quotes rewrites it"
"""Why a quoted finding is not fixed."""
WHOLE: Final = "the words beside it already spell the canonical form; edit by hand"
"""Why a finding right beside its whole canonical form is not fixed."""

_GAP: Final = regex.compile(r"\s+")
_BREAK: Final = regex.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Edit:
    """One applied replacement: ``start``/``end`` are offsets in the original text.

    The span is the finding's, widened over the canonical's words it absorbs.
    """

    start: int
    end: int
    text: str
    finding: Finding


@dataclass(frozen=True, slots=True)
class Skip:
    """A fixable finding that was left alone, and why."""

    finding: Finding
    reason: str


class Prose:
    """The text being fixed, its prose (masked on first use) and its places."""

    def __init__(self, text: str, markup: str) -> None:
        self.text = text
        self.markup = markup
        self.place = Place(text)
        self._masked: str | None = None
        self._quotes: Quotations | None = None

    @property
    def masked(self) -> str:
        """The text with everything but prose blanked, as the checker reads it."""
        if self._masked is None:
            extractor = EXTRACTORS.get(self.markup, EXTRACTORS["plain"])
            self._masked = extractor(self.text).masked
        return self._masked

    @property
    def quotes(self) -> Quotations:
        """The quoted spans of the text."""
        if self._quotes is None:
            self._quotes = quotations(self.text, self.masked, self.markup)
        return self._quotes


def candidates(
    prose: Prose,
    findings: Sequence[Finding],
    near_miss_min: float | None,
    protected: Collection[Finding],
    fix_quotes: bool,
    case_sensitive: Callable[[str], bool] | None,
) -> tuple[list[Edit], list[Skip]]:
    """The edits wanted, and the fixable findings that have no usable replacement."""
    edits: list[Edit] = []
    skipped: list[Skip] = []
    keep = set(protected)
    for finding in findings:
        eligible = finding.kind in FIXABLE or (
            finding.kind is Kind.NEAR_MISS
            and near_miss_min is not None
            and finding.score >= near_miss_min
        )
        if not eligible or finding in keep:
            continue
        if finding.quoted and not fix_quotes:
            skipped.append(Skip(finding, QUOTED))
        elif not finding.fixable:
            reason = finding.fix_note or (
                "the text runs across markup, which a rewrite would lose; edit by hand"
            )
            skipped.append(Skip(finding, reason))
        elif finding.replacement is None:
            reason = (
                "the canonical form has no regular plural or possessive; edit by hand"
            )
            skipped.append(Skip(finding, reason))
        elif finding.replacement != finding.matched:
            sensitive = case_sensitive is not None and case_sensitive(finding.term)
            made = _edit(prose, finding, finding.replacement, sensitive, fix_quotes)
            if isinstance(made, Skip):
                skipped.append(made)
            elif made is not None:
                edits.append(made)
    return edits, skipped


def _edit(
    prose: Prose,
    finding: Finding,
    replacement: str,
    sensitive: bool,
    fix_quotes: bool,
) -> Edit | Skip | None:
    """The edit that fixes ``finding``, a Skip saying why none can, or None."""
    text, start, end = prose.text, finding.start, finding.end
    absorbed = absorb(
        text, prose.masked, start, end, replacement, case_sensitive=sensitive
    )
    reaches_out = (absorbed.start, absorbed.end) != (start, end)
    if (
        sensitive
        and reaches_out
        and not fix_quotes
        and prose.quotes.covers(absorbed.start, absorbed.end)
    ):  # absorbed words in a quotation keep the writer's case
        absorbed = absorb(
            text, prose.masked, start, end, replacement, case_sensitive=False
        )
    if absorbed.whole:
        return Skip(finding, WHOLE)
    inner = _fit_whitespace(finding.matched, absorbed.inner)
    if _BREAK.findall(inner) != _BREAK.findall(finding.matched):
        reason = (
            "the text runs across lines and the replacement has no room "
            "for the line break; edit by hand"
        )
        return Skip(finding, reason)
    written = escape(prose.markup, inner, prose.place, start, end)
    if isinstance(written, Refusal):
        return Skip(finding, written.reason)
    new = absorbed.head + written + absorbed.tail
    if new == text[absorbed.start : absorbed.end]:
        return None
    return Edit(absorbed.start, absorbed.end, new, finding)


def _fit_whitespace(matched: str, replacement: str) -> str:
    """Keep the line breaks of a matched span that ran across lines."""
    if _BREAK.search(replacement):
        return replacement  # placed by the matcher already (text without spaces)
    breaks = [gap for gap in _GAP.finditer(matched) if "\n" in gap[0] or "\r" in gap[0]]
    spaces = [gap.start() for gap in _GAP.finditer(replacement)]
    if not breaks or not spaces:
        return replacement
    chars = list(replacement)
    free = list(spaces)
    for gap in breaks:
        ratio = gap.start() / max(len(matched), 1)
        spot = min(free, key=lambda s: abs(s / len(replacement) - ratio))
        free.remove(spot)
        chars[spot] = gap[0]
        if not free:
            break
    return "".join(chars)
