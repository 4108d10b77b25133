"""Autofix, pure: safe non-overlapping edits that create no finding.

An edit writes the canonical form escaped for the file's markup
(:mod:`termcheck.escape`), without repeating the canonical's words that
already stand beside the match (:mod:`termcheck.absorb`,
:mod:`termcheck.repeats`); quoted findings are left alone unless asked.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Final

from termcheck.diff import unified_diff
from termcheck.fix_edit import FIXABLE, QUOTED, WHOLE, Edit, Prose, Skip, candidates
from termcheck.model import Finding, Kind
from termcheck.repeats import change_of, without_repeats

__all__ = [
    "FIXABLE",
    "QUOTED",
    "WHOLE",
    "Edit",
    "FixResult",
    "Skip",
    "apply_fixes",
    "settle",
    "unified_diff",
]


Checker = Callable[[str], Sequence[Finding]]
FixOnce = Callable[[str, Sequence[Finding]], "FixResult"]

MAX_ROUNDS: Final = 8
"""Rounds :func:`settle` runs at most; a round that fixes nothing ends it."""


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
    prose = Prose(text, markup)
    wanted, skipped = candidates(
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


def settle(fix_once: FixOnce, text: str, findings: Sequence[Finding]) -> FixResult:
    """Fix, then fix the result again, until a round changes nothing.

    A fix that one round leaves alone because of its neighbours (a repeat, a
    new finding) may be possible once they are fixed; running the rounds here
    means a second ``--fix`` run finds nothing left to do. ``fix_once`` is one
    round (:func:`apply_fixes` with its options) on a text and its findings.
    The result's ``applied`` holds every round's edits (each in the text of its
    round), ``skipped`` the last round's, in the fixed text.
    """
    result = fix_once(text, findings)
    applied = list(result.applied)
    for _round in range(MAX_ROUNDS - 1):
        if not result.changed:
            break
        again = fix_once(result.text, result.findings)
        applied.extend(again.applied)
        result = again if again.changed else dataclasses.replace(again, applied=())
    return dataclasses.replace(result, applied=tuple(applied))


def _without_repeats(
    prose: Prose, edits: Sequence[Edit]
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
