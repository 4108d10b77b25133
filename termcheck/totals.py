"""Running totals of a report, kept one file at a time, so findings can stream."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from termcheck.model import FileResult, Finding, Severity, Skipped

__all__ = ["Totals"]


@dataclass(slots=True)
class Totals:
    """Counts and per-file notes of the results seen so far.

    What is kept grows with the number of files and terms, never with the
    number of findings: counts, the files in error, skipped or cut short by
    ``--max-findings``, and the first finding of each term (SARIF rules).
    """

    files: int = 0  # results of every kind
    checked: int = 0  # neither in error nor skipped
    with_findings: int = 0
    unreadable: int = 0  # results with an error (not a failed fix)
    findings: int = 0
    baselined: int = 0
    by_severity: dict[Severity, int] = field(
        default_factory=lambda: dict.fromkeys(Severity, 0)
    )
    errors: list[tuple[str, str]] = field(default_factory=list)  # path, problem
    skipped: list[tuple[str, Skipped]] = field(default_factory=list)
    omitted: list[tuple[str, int]] = field(default_factory=list)  # path, count
    first: dict[str, Finding] = field(default_factory=dict)  # term id: first

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Totals:
        """The totals of ``results``."""
        totals = cls()
        for result in results:
            totals.add(result)
        return totals

    def add(self, result: FileResult) -> None:
        """Count one more file's result."""
        self.files += 1
        if result.error is None and result.skipped is None:
            self.checked += 1
        if result.error is not None:
            self.unreadable += 1
        problem = result.problem
        if problem is not None:
            self.errors.append((result.path, problem))
        if result.skipped is not None:
            self.skipped.append((result.path, result.skipped))
        if result.omitted:
            self.omitted.append((result.path, result.omitted))
        self.baselined += result.baselined
        if result.findings:
            self.with_findings += 1
            self.findings += len(result.findings)
            for finding in result.findings:
                self.by_severity[finding.severity] += 1
                if finding.term not in self.first:
                    self.first[finding.term] = finding

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return self.by_severity[severity]

    @property
    def omitted_count(self) -> int:
        """How many findings ``--max-findings`` left out."""
        return sum(count for _, count in self.omitted)
