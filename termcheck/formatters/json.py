"""The machine-readable JSON format (``"version": 1``), written as files finish."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from termcheck.formatters.jsonlines import dump_lines, items
from termcheck.model import FileResult, Finding, Report, Severity
from termcheck.totals import Totals

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["VERSION", "format_report", "to_dict"]

VERSION = 1
"""Raised when the JSON shape changes incompatibly."""


def format_report(
    results: Iterable[FileResult], options: FormatOptions
) -> Iterator[str]:
    """Yield the report as indented JSON, line by line; ``options`` are ignored.

    The findings are written as each file's result arrives; the lists and the
    summary that follow them come from running totals. The bytes are those of
    ``json.dumps(to_dict(report), ensure_ascii=False, indent=2)``.
    """
    del options  # colour, context and quiet do not apply to JSON
    totals = Totals()
    yield "{"
    yield f'  "version": {VERSION},'
    findings = (
        _finding(finding)
        for result in results
        for finding in _counted(totals, result).findings
    )
    yield from items('  "findings": ', findings, indent=4, last=False)
    yield from _closing(totals)
    yield "}"


def _counted(totals: Totals, result: FileResult) -> FileResult:
    totals.add(result)
    return result


def _closing(totals: Totals) -> Sequence[str]:
    """The keys after ``findings``, at the same indentation as the whole dump."""
    return dump_lines(_tail(totals))[1:-1]


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON document as plain Python values, keys in output order."""
    totals = Totals.of(report)
    return {
        "version": VERSION,
        "findings": [_finding(f) for result in report for f in result.findings],
        **_tail(totals),
    }


def _tail(totals: Totals) -> dict[str, Any]:
    """Skipped files, files in error, findings omitted, and the summary."""
    return {
        "skipped": [
            {"path": path, "reason": skipped.reason} for path, skipped in totals.skipped
        ],
        "errors": [
            {"path": path, "message": problem} for path, problem in totals.errors
        ],
        "omitted": [
            {"path": path, "findings": count} for path, count in totals.omitted
        ],
        "summary": {
            "files": totals.checked,
            "findings": totals.findings,
            "errors": totals.count(Severity.ERROR),
            "warnings": totals.count(Severity.WARNING),
            "info": totals.count(Severity.INFO),
            "baselined": totals.baselined,
            "skipped": len(totals.skipped),
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
