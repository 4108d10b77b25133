"""Autofix, pure: safe non-overlapping edits that create no finding; unified diffs."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Final

import regex

from termcheck.model import Finding, Kind

__all__ = [
    "FIXABLE",
    "Edit",
    "FixResult",
    "Skip",
    "apply_fixes",
    "unified_diff",
]

FIXABLE: Final = frozenset({Kind.FORBIDDEN, Kind.CASE})
"""Kinds that ``--fix`` rewrites; near-misses only above ``--fix-near-misses``."""

Checker = Callable[[str], Sequence[Finding]]

_GAP: Final = regex.compile(r"\s+")
_BREAK: Final = regex.compile(r"\r\n|\r|\n")
# Lines with their endings, as editors count them: CRLF, lone CR, LF.
_LINE: Final = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_NO_NEWLINE: Final = "\\ No newline at end of file\n"


@dataclass(frozen=True, slots=True)
class Edit:
    """One applied replacement: ``start``/``end`` are offsets in the original text."""

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
) -> FixResult:
    """Apply the replacements of ``findings`` (all findings of ``text``).

    FORBIDDEN and CASE findings are fixed, and NEAR_MISS findings scoring at least
    ``near_miss_min``. Findings in ``protected`` (baselined) are left alone.
    Overlapping findings are all skipped. With ``check``, the fixed text is
    checked again and every replacement that brings a finding the text did not
    have is undone, until none does.
    """
    wanted, skipped = _candidates(findings, near_miss_min, protected)
    edits, overlapping = _without_overlaps(wanted, findings)
    skipped.extend(overlapping)
    while True:
        fixed = _splice(text, edits)
        after = tuple(check(fixed)) if check is not None and edits else ()
        if check is not None and not edits:
            after = tuple(findings)
        new = _new_findings(findings, edits, after)
        if not new:
            order = sorted(skipped, key=lambda s: s.finding.start)
            return FixResult(fixed, tuple(edits), tuple(order), after)
        blamed = _blame(new, edits)
        for edit, finding in blamed.items():
            skipped.append(Skip(edit.finding, _would_create(finding)))
        edits = [edit for edit in edits if edit not in blamed]


def _candidates(
    findings: Sequence[Finding],
    near_miss_min: float | None,
    protected: Collection[Finding],
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
        if not finding.fixable:
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
            text = _fit_whitespace(finding.matched, finding.replacement)
            if _BREAK.findall(text) != _BREAK.findall(finding.matched):
                reason = (
                    "the text runs across lines and the replacement has no room "
                    "for the line break; edit by hand"
                )
                skipped.append(Skip(finding, reason))
                continue
            edits.append(Edit(finding.start, finding.end, text, finding))
    return edits, skipped


def _without_overlaps(
    edits: list[Edit], findings: Sequence[Finding]
) -> tuple[list[Edit], list[Skip]]:
    """Drop every edit whose span overlaps another finding's span."""
    overlapping: set[int] = set()
    active: list[tuple[int, int]] = []  # (end, number) of spans still open
    order = sorted(
        range(len(findings)), key=lambda i: (findings[i].start, findings[i].end)
    )
    for number in order:
        start = findings[number].start
        active = [(end, other) for end, other in active if end > start]
        if active:
            overlapping.add(number)
            overlapping.update(other for _end, other in active)
        active.append((max(findings[number].end, start + 1), number))
    flagged = {findings[number] for number in overlapping}
    kept = [edit for edit in edits if edit.finding not in flagged]
    skipped = [
        Skip(edit.finding, "overlaps another finding")
        for edit in edits
        if edit.finding in flagged
    ]
    return sorted(kept, key=lambda e: e.start), skipped


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


def unified_diff(path: str, before: str, after: str) -> str:
    """A ``git apply``-able unified diff of one file ("" when nothing changed).

    Line endings are kept as they are in the file; a last line without one is
    marked ``\\ No newline at end of file`` as diff(1) does.
    """
    if before == after:
        return ""
    old = _LINE.findall(before)
    new = _LINE.findall(after)
    out = []
    for line in difflib.unified_diff(old, new, f"a/{path}", f"b/{path}", lineterm="\n"):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)
