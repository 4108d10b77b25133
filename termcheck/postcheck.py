"""The step after checking one file: hide baselined findings, fix, write atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from termcheck.atomic import replace_text
from termcheck.baseline import Baseline
from termcheck.errors import InputError
from termcheck.fix import FixResult, apply_fixes, unified_diff
from termcheck.model import FileResult, Finding, FixOutcome, Kind

__all__ = ["FixSettings", "PostCheck"]

Check = Callable[[str], Sequence[Finding]]


@dataclass(frozen=True, slots=True)
class FixSettings:
    """How ``--fix`` runs.

    ``near_miss_min``: fix near-misses scoring at least this (None: none).
    ``write``: rewrite files (False for ``--diff``). ``trees``: the real folders
    under check; a file is only written inside them.
    """

    near_miss_min: float | None = None
    write: bool = True
    trees: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class PostCheck:
    """Called by the runner with each checked file; returns its text and result.

    The text returned is the file's text after fixing (as written, or as the
    diff shows it), so that reports and context lines describe what is left.
    """

    fix: FixSettings | None = None
    baseline: Baseline | None = None

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
            result = apply_fixes(
                text,
                findings,
                near_miss_min=self.fix.near_miss_min,
                check=check,
                protected=hidden,
            )
            outcome = self._finish(display, path, text, result, self.fix)
            if result.changed and outcome.problem is None:
                hidden = _moved(hidden, result)
                text, findings = result.text, result.findings
        hide = set(hidden)
        kept = [f for f in findings if f not in hide]
        return text, FileResult(
            display, findings=tuple(kept), baselined=len(hidden), fix=outcome
        )

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


def _moved(hidden: list[Finding], result: FixResult) -> list[Finding]:
    """The baselined findings as they appear in the fixed text."""
    keys = {(f.term, f.kind, f.matched, result.map_offset(f.start)) for f in hidden}
    return [f for f in result.findings if _key(f) in keys]


def _key(finding: Finding) -> tuple[str, Kind, str, int]:
    return (finding.term, finding.kind, finding.matched, finding.start)
