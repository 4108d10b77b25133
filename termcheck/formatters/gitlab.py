"""GitLab Code Quality JSON (a subset of the Code Climate issue format)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from termcheck.model import Finding, Report, Severity
from termcheck.notices import escape_json

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["SEVERITIES", "format_report", "to_issues"]

SEVERITIES: Final = {
    Severity.ERROR: "major",
    Severity.WARNING: "minor",
    Severity.INFO: "info",
}
"""Code Quality severity of each termcheck severity."""


def format_report(report: Report, options: FormatOptions) -> Iterator[str]:
    """Yield the JSON array of issues, line by line."""
    issues = to_issues(report, options.sources)
    yield from escape_json(json.dumps(issues, ensure_ascii=False, indent=2)).split("\n")


def to_issues(report: Report, sources: Mapping[str, str]) -> list[dict[str, Any]]:
    """One Code Quality issue per finding, each with a unique fingerprint.

    The fingerprint does not depend on line numbers, so GitLab keeps matching an
    issue to the same finding when lines are added above it.
    """
    from termcheck.baseline import fingerprint  # uses regex: load on use

    seen: dict[str, int] = {}
    issues = []
    for finding in report.findings:
        base = fingerprint(finding, sources.get(finding.path, ""))
        copy = seen[base] = seen.get(base, 0) + 1
        unique = hashlib.sha256(f"{base}#{copy}".encode()).hexdigest()[:32]
        issues.append(_issue(finding, unique))
    return issues


def _issue(finding: Finding, unique: str) -> dict[str, Any]:
    from termcheck.baseline import baseline_path

    return {
        "type": "issue",
        "check_name": finding.term,
        "description": finding.message,
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": unique,
        "location": {
            "path": baseline_path(finding.path),
            "lines": {"begin": finding.line},
        },
    }
