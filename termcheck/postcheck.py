"""The step after checking one file: hide baselined findings, fix, write atomically."""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from termcheck.atomic import replace_text
from termcheck.baseline import Baseline, fingerprint
from termcheck.errors import InputError
from termcheck.extractors import markup_for
from termcheck.fix import Edit, FixResult, Skip, apply_fixes, settle, unified_diff
from termcheck.model import FileResult, Finding, FixOutcome

if TYPE_CHECKING:
    from termcheck.project import Project

__all__ = ["BASELINE_CONTEXT", "FixSettings", "PostCheck"]

Check = Callable[[str], Sequence[Finding]]

BASELINE_CONTEXT: Final = (
    "the fix would change the words around a baselined finding on the same "
    "line, which would then be reported again; edit by hand"
)


@dataclass(frozen=True, slots=True)
class FixSettings:
    """How ``--fix`` runs.

    ``near_miss_min``: fix near-misses scoring at least this (None: none).
    ``write``: rewrite files (False for ``--diff``). ``trees``: the real folders
    under check; a file is only written inside them. ``fix_quotes``: rewrite
    quoted findings too, whatever the config says (``--fix-quotes``).
    """

    near_miss_min: float | None = None
    write: bool = True
    trees: tuple[Path, ...] = ()
    fix_quotes: bool = False


@dataclass(frozen=True, slots=True)
class PostCheck:
    """Called by the runner with each checked file; returns its text and result.

    The text returned is the file's text after fixing (as written, or as the
    diff shows it), so that reports and context lines describe what is left.
    ``project`` gives each file its markup, its ``fix-quotes`` setting and its
    glossary (default: markup by file ending, quotes left alone).
    """

    fix: FixSettings | None = None
    baseline: Baseline | None = None
    project: Project | None = None

    def __call__(
        self,
        display: str,
        path: Path | None,
        text: str,
        findings: Sequence[Finding],
        check: Check,
    ) -> tuple[str, FileResult]:
        """Baseline, then fix, one file; ``path`` None is standard input."""
        hidden: list[Finding] = []
        if self.baseline is not None:
            hidden = self.baseline.split(text, findings)[1]
        outcome = None
        if self.fix is not None:
            result = self._fix(display, path, text, findings, check)
            outcome = self._finish(display, path, text, result, self.fix)
            if result.changed and outcome.problem is None:
                text, findings = result.text, result.findings
                if self.baseline is not None:  # by fingerprint, on the new text
                    hidden = self.baseline.split(text, findings)[1]
        hide = set(hidden)
        kept = [f for f in findings if f not in hide]
        return text, FileResult(
            display, findings=tuple(kept), baselined=len(hidden), fix=outcome
        )

    def _fix(
        self,
        display: str,
        path: Path | None,
        text: str,
        findings: Sequence[Finding],
        check: Check,
    ) -> FixResult:
        """Fix one text until a round changes nothing (see :func:`settle`)."""
        markup, fix_quotes, sensitive = self._file_settings(display, path)
        assert self.fix is not None
        fix = functools.partial(
            apply_fixes,
            near_miss_min=self.fix.near_miss_min,
            check=check,
            markup=markup,
            fix_quotes=fix_quotes or self.fix.fix_quotes,
            case_sensitive=sensitive,
        )

        def one_round(text: str, findings: Sequence[Finding]) -> FixResult:
            """Fix once, leaving the words around baselined findings as they are."""
            hidden = []
            if self.baseline is not None:
                hidden = self.baseline.split(text, findings)[1]
            protected = list(hidden)
            held: list[Skip] = []
            while True:
                result = fix(text, findings, protected=protected)
                blamed = _unhiding(text, result, hidden) if hidden else []
                if not blamed:
                    break
                held.extend(Skip(edit.finding, BASELINE_CONTEXT) for edit in blamed)
                protected.extend(edit.finding for edit in blamed)
            if held:
                skipped = sorted(
                    (*result.skipped, *held), key=lambda s: s.finding.start
                )
                result = dataclasses.replace(result, skipped=tuple(skipped))
            return result

        return settle(one_round, text, findings)

    def _file_settings(
        self, display: str, path: Path | None
    ) -> tuple[str, bool, Callable[[str], bool] | None]:
        """The file's markup, whether its quotes may be fixed, its terms' case."""
        if self.project is None:
            return markup_for(path), False, None
        settings = self.project.settings_for(display, path)
        if not settings.glossaries:
            return settings.markup, settings.fix_quotes, None
        glossary = self.project.glossary(settings.glossaries)

        def sensitive(term_id: str) -> bool:
            return term_id in glossary and glossary[term_id].case_sensitive

        return settings.markup, settings.fix_quotes, sensitive

    @staticmethod
    def _finish(
        display: str,
        path: Path | None,
        text: str,
        result: FixResult,
        settings: FixSettings,
    ) -> FixOutcome:
        """Write (or only diff) one file's fixes and describe what happened."""
        applied = tuple(edit.finding for edit in result.applied)
        skipped = tuple((skip.finding, skip.reason) for skip in result.skipped)
        diff = unified_diff(display, text, result.text)
        if not result.changed or not settings.write:
            return FixOutcome(applied, skipped, diff)
        if path is None:
            problem = "standard input cannot be fixed in place; use --diff"
            return FixOutcome((), skipped, diff, problem=problem)
        try:
            replace_text(path, text, result.text, settings.trees)
        except InputError as error:
            return FixOutcome((), skipped, diff, problem=error.problem)
        return FixOutcome(applied, skipped, diff, written=True)


def _unhiding(text: str, result: FixResult, hidden: list[Finding]) -> list[Edit]:
    """The edits that change the fingerprint of a baselined finding.

    A fingerprint holds the words around a finding on its own line(s), so an
    edit on those lines can change it; such a finding would be reported again
    after the fix, and a second fix would rewrite it.
    """
    if not result.applied:
        return []
    ordered = sorted(result.applied, key=lambda e: e.start)
    starts = [edit.start for edit in ordered]
    blamed: dict[Edit, None] = {}
    for finding in hidden:
        moved = dataclasses.replace(
            finding,
            start=result.map_offset(finding.start),
            end=result.map_offset(finding.end),
        )
        if fingerprint(moved, result.text) == fingerprint(finding, text):
            continue
        low, high = _line_bounds(text, finding.start, finding.end)
        first = bisect.bisect_left(starts, low) if low else 0
        for edit in ordered[max(first - 1, 0) :]:
            if edit.start >= high:
                break
            if edit.end > low:
                blamed[edit] = None
    return list(blamed)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the line(s) that ``[start, end)`` stands on."""
    low = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    stops = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    return low, min(stops) if stops else len(text)
