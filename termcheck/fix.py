"""Autofix, pure: safe non-overlapping edits that create no finding.

An edit writes the canonical form escaped for the file's markup
(:mod:`termcheck.escape`), without repeating the canonical's words that
already stand beside the match (:mod:`termcheck.absorb`,
:mod:`termcheck.repeats`); quoted findings are left alone unless asked.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Final

import regex

from termcheck.absorb import absorb
from termcheck.diff import unified_diff
from termcheck.escape import Place, Refusal, escape
from termcheck.extractors import EXTRACTORS
from termcheck.model import Finding, Kind
from termcheck.quotes import Quotations, quotations
from termcheck.repeats import change_of, without_repeats

__all__ = [
    "FIXABLE",
    "QUOTED",
    "WHOLE",
    "Edit",
    "FixResult",
    "Skip",
    "apply_fixes",
    "unified_diff",
]

FIXABLE: Final = frozenset({Kind.FORBIDDEN, Kind.CASE})
"""Kinds that ``--fix`` rewrites; near-misses only above ``--fix-near-misses``."""

Checker = Callable[[str], Sequence[Finding]]

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


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, what was applied and skipped, and the fixed text's findings.

    ``findings`` is the re-check of ``text`` (empty when no checker was given).
    """

    text: str
    applied: tuple[Edit, ...] = ()
    skipped: tuple[Skip, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def changed(self) -> bool:
        """True when at least one replacement was made."""
        return bool(self.applied)

    def map_offset(self, offset: int) -> int:
        """Where an offset of the original text (outside any edit) moved to."""
        return _shifter(self.applied)(offset)


def apply_fixes(
    text: str,
    findings: Sequence[Finding],
    *,
    near_miss_min: float | None = None,
    check: Checker | None = None,
    protected: Collection[Finding] = (),
    markup: str = "plain",
    fix_quotes: bool = False,
    case_sensitive: Callable[[str], bool] | None = None,
) -> FixResult:
    """Apply the replacements of ``findings`` (all findings of ``text``).

    FORBIDDEN and CASE findings are fixed, and NEAR_MISS findings scoring at least
    ``near_miss_min``. Findings in ``protected`` (baselined) are left alone, and
    so are quoted ones unless ``fix_quotes``. Words of the canonical form that
    already stand next to a match are absorbed, not repeated; the replacement is
    escaped for ``markup`` (or refused). Overlapping findings are all skipped.
    With ``check``, the fixed text is checked again and every replacement that
    brings a finding the text did not have is undone, until none does; so is
    every replacement that puts a word sequence twice in a row.
    ``case_sensitive`` tells, by term id, whether absorbed words take the
    canonical's case (default: they keep the writer's).
    """
    prose = _Prose(text, markup)
    wanted, skipped = _candidates(
        prose, findings, near_miss_min, protected, fix_quotes, case_sensitive
    )
    pool, overlapping = _without_overlaps(wanted, findings)
    skipped.extend(overlapping)
    while True:
        edits, repeating = _without_repeats(prose, pool)
        fixed = _splice(text, edits)
        after = tuple(check(fixed)) if check is not None and edits else ()
        if check is not None and not edits:
            after = tuple(findings)
        new = _new_findings(findings, edits, after)
        if not new:
            order = sorted([*skipped, *repeating], key=lambda s: s.finding.start)
            return FixResult(fixed, tuple(edits), tuple(order), after)
        blamed = _blame(new, edits)
        for edit, finding in blamed.items():
            skipped.append(Skip(edit.finding, _would_create(finding)))
        pool = [edit for edit in pool if edit not in blamed]


class _Prose:
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


def _candidates(
    prose: _Prose,
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
            reason = (
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
    prose: _Prose,
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


def _without_repeats(
    prose: _Prose, edits: Sequence[Edit]
) -> tuple[list[Edit], list[Skip]]:
    """Drop the edits that would put a word sequence twice in a row."""
    if not edits:
        return [], []
    changes = [
        change_of(
            prose.masked,
            (edit.start, edit.end),
            edit.text,
            (edit.finding.start, edit.finding.end),
            edit.finding.matched,
        )
        for edit in edits
    ]
    kept, refused = without_repeats(prose.masked, changes)
    skipped = [
        Skip(
            edits[number].finding,
            f'the replacement would put "{" ".join(sequence)}" twice in a row; '
            "edit by hand",
        )
        for number, sequence in refused.items()
    ]
    return [edits[number] for number in kept], skipped


def _without_overlaps(
    edits: list[Edit], findings: Sequence[Finding]
) -> tuple[list[Edit], list[Skip]]:
    """Drop every edit whose span overlaps another finding's or edit's span.

    An edit's span takes in the words it absorbs; a finding without an edit
    keeps its own span.
    """
    by_finding = {edit.finding: edit for edit in edits}
    spans = []
    for finding in findings:
        edit = by_finding.get(finding)
        start, end = (edit.start, edit.end) if edit else (finding.start, finding.end)
        spans.append((start, max(end, start + 1), finding))
    spans.sort(key=lambda span: (span[0], span[1]))
    flagged: set[Finding] = set()
    active: list[tuple[int, Finding]] = []  # (end, finding) of spans still open
    for start, end, finding in spans:
        active = [(stop, other) for stop, other in active if stop > start]
        if active:
            flagged.add(finding)
            flagged.update(other for _stop, other in active)
        active.append((end, finding))
    kept = [edit for edit in edits if edit.finding not in flagged]
    skipped = [
        Skip(edit.finding, "overlaps another finding")
        for edit in edits
        if edit.finding in flagged
    ]
    return sorted(kept, key=lambda e: e.start), skipped


def _fit_whitespace(matched: str, replacement: str) -> str:
    """Keep the line breaks of a matched span that ran across lines."""
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


def _splice(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits; original offsets hold for every one of them.

    Equivalent to replacing right to left, built in one pass so that thousands
    of edits in a large file cost linear time.
    """
    pieces: list[str] = []
    done = 0
    for edit in sorted(edits, key=lambda e: e.start):
        pieces.append(text[done : edit.start])
        pieces.append(edit.text)
        done = edit.end
    pieces.append(text[done:])
    return "".join(pieces)


def _shifter(edits: Sequence[Edit]) -> Callable[[int], int]:
    """Map an original offset outside all edits to where the edits moved it."""
    ordered = sorted(edits, key=lambda e: e.start)
    ends = [edit.end for edit in ordered]
    moved = [0]
    for edit in ordered:
        moved.append(moved[-1] + len(edit.text) - (edit.end - edit.start))

    def shift(offset: int) -> int:
        return offset + moved[bisect.bisect_right(ends, offset)]

    return shift


def _key(finding: Finding, start: int) -> tuple[str, Kind, str, int]:
    return (finding.term, finding.kind, finding.matched, start)


def _new_findings(
    before: Sequence[Finding], edits: Sequence[Edit], after: Sequence[Finding]
) -> list[Finding]:
    """Findings of the fixed text that are neither old ones nor fixed ones."""
    fixed = {edit.finding for edit in edits}
    shift = _shifter(edits)
    old = {_key(f, shift(f.start)) for f in before if f not in fixed}
    return [f for f in after if _key(f, f.start) not in old]


def _blame(new: list[Finding], edits: list[Edit]) -> dict[Edit, Finding]:
    """The edits to undo: those touching a new finding, else those of its term."""
    placed = []
    shift = _shifter(edits)
    for edit in edits:
        start = shift(edit.start)
        placed.append((start, start + len(edit.text), edit))
    blamed: dict[Edit, Finding] = {}
    for finding in new:
        near = [e for s, t, e in placed if finding.start <= t and s <= finding.end]
        same_term = [e for e in edits if e.finding.term == finding.term]
        for edit in near or same_term or edits:
            blamed.setdefault(edit, finding)
    return blamed


def _would_create(finding: Finding) -> str:
    return (
        f"the replacement would create a new {finding.kind.value} finding "
        f'("{finding.matched}", {finding.term})'
    )
