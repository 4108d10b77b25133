"""The machine-readable JSON format (``"version": 1``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from termcheck.model import Finding, Report, Severity
from termcheck.notices import escape_json

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["VERSION", "format_report", "to_dict"]

VERSION = 1
"""Raised when the JSON shape changes incompatibly."""


def format_report(report: Report, options: FormatOptions) -> Iterator[str]:
    """Yield the report as indented JSON, line by line; ``options`` are ignored."""
    del options  # colour, context and quiet do not apply to JSON
    yield from escape_json(
        json.dumps(to_dict(report), ensure_ascii=False, indent=2)
    ).split("\n")


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON document as plain Python values, keys in output order."""
    return {
        "version": VERSION,
        "findings": [_finding(f) for f in report.findings],
        "skipped": [
            {"path": r.path, "reason": r.skipped.reason}
            for r in report.results
            if r.skipped is not None
        ],
        "summary": {
            "files": report.checked,
            "findings": len(report.findings),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "baselined": report.baselined,
            "skipped": len(report.skipped),
        },
    }


def _finding(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object."""
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "kind": finding.kind.value,
        "severity": finding.severity.label,
        "term": finding.term,
        "canonical": finding.canonical,
        "matched": finding.matched,
        "score": round(float(finding.score), 3),
        "message": finding.message,
        "replacement": finding.replacement,
    }
