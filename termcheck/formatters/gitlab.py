"""GitLab Code Quality JSON (a subset of the Code Climate issue format)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from termcheck.formatters.jsonlines import items
from termcheck.model import FileResult, Finding, Report, Severity

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["SEVERITIES", "format_report", "to_issues"]

SEVERITIES: Final = {
    Severity.ERROR: "major",
    Severity.WARNING: "minor",
    Severity.INFO: "info",
}
"""Code Quality severity of each termcheck severity."""


def format_report(
    results: Iterable[FileResult], options: FormatOptions
) -> Iterator[str]:
    """Yield the JSON array of issues, line by line, as files finish.

    Files that could not be checked have no place in this format: they are
    reported on standard error and make the exit status 2.
    """
    issues = (issue for result in results for issue in _file_issues(result, options))
    yield from items("", issues, indent=2, last=True)


def to_issues(report: Report, sources: Mapping[str, str]) -> list[dict[str, Any]]:
    """One Code Quality issue per finding, each with a unique fingerprint.

    The fingerprint does not depend on line numbers, so GitLab keeps matching an
    issue to the same finding when lines are added above it.
    """
    from termcheck.formatters import FormatOptions

    options = FormatOptions(sources=sources)
    return [issue for result in report for issue in _file_issues(result, options)]


def _file_issues(
    result: FileResult, options: FormatOptions
) -> Iterator[dict[str, Any]]:
    """The issues of one file; equal fingerprints get an occurrence number."""
    from termcheck.baseline import fingerprints  # uses regex: load on use

    base = list(result.fingerprints)
    if len(base) != len(result.findings):
        base = fingerprints(result.findings, options.sources)
    from termcheck.baseline import baseline_path

    path = baseline_path(result.path)
    seen: dict[str, int] = {}
    for finding, key in zip(result.findings, base, strict=True):
        copy = seen[key] = seen.get(key, 0) + 1
        unique = hashlib.sha256(f"{key}#{copy}".encode()).hexdigest()[:32]
        yield _issue(finding, unique, path)


def _issue(finding: Finding, unique: str, path: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": finding.term,
        "description": finding.message,
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": unique,
        "location": {
            "path": path,
            "lines": {"begin": finding.line},
        },
    }
