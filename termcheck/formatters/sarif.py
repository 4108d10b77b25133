"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from termcheck.files import STDIN_NAME
from termcheck.model import Finding, Report, Severity
from termcheck.notices import escape_json

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["ROOT_ID", "SCHEMA", "format_report", "to_sarif"]

SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
"""The ``$schema`` of the log: the OASIS SARIF 2.1.0 schema."""

ROOT_ID: Final = "%SRCROOT%"
"""The ``uriBaseId`` that relative file URIs are resolved against."""

FINGERPRINT: Final = "termcheck/v1"
"""The key of termcheck's line-independent fingerprint in ``partialFingerprints``."""

LEVELS: Final = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}


def format_report(report: Report, options: FormatOptions) -> Iterator[str]:
    """Yield the SARIF log as indented JSON, line by line."""
    log = to_sarif(report, options)
    yield from escape_json(json.dumps(log, ensure_ascii=False, indent=2)).split("\n")


def to_sarif(report: Report, options: FormatOptions) -> dict[str, Any]:
    """The SARIF log: one run, one rule per term that has a finding."""
    findings = report.findings
    terms = sorted({f.term for f in findings})
    index = {term: number for number, term in enumerate(terms)}
    first = {f.term: f for f in reversed(findings)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "termcheck",
                "version": _version(),
                "rules": [_rule(first[term], options) for term in terms],
            }
        },
        "invocations": [_invocation(report)],
        "originalUriBaseIds": {ROOT_ID: _root(options.root)},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.term], options) for f in findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _version() -> str:
    import termcheck

    return str(termcheck.__version__)


def _root(root: str | None) -> dict[str, Any]:
    """The base folder of relative URIs: a ``file:`` URI ending in ``/``."""
    described = {"description": {"text": "The folder termcheck was run in."}}
    if root is None:
        return described
    uri = Path(root).as_uri()
    return {"uri": uri if uri.endswith("/") else uri + "/", **described}


def _rule(finding: Finding, options: FormatOptions) -> dict[str, Any]:
    """A rule for the term of ``finding``: canonical form, note, severity."""
    glossary = options.glossary
    term = glossary[finding.term] if glossary and finding.term in glossary else None
    note = term.note if term and term.note else f'Use "{finding.canonical}".'
    level = LEVELS[term.severity if term else finding.severity]
    return {
        "id": finding.term,
        "shortDescription": {"text": finding.canonical},
        "help": {"text": note},
        "defaultConfiguration": {"level": level},
    }


def artifact_location(path: str) -> dict[str, Any]:
    """A file's location: a relative URI under ``%SRCROOT%`` where possible."""
    from termcheck.baseline import baseline_path

    if path == STDIN_NAME:
        return {"description": {"text": "standard input"}}
    relative = baseline_path(path)
    if posixpath.isabs(relative) or Path(relative).is_absolute():
        return {"uri": Path(relative).as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": ROOT_ID}


def _result(finding: Finding, rule: int, options: FormatOptions) -> dict[str, Any]:
    """One finding: where it is, what it says, how to fix it."""
    from termcheck.baseline import fingerprint  # uses regex: load on use

    location = artifact_location(finding.path)
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": finding.matched},
    }
    text = options.sources.get(finding.path, "")
    result: dict[str, Any] = {
        "ruleId": finding.term,
        "ruleIndex": rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": location, "region": region}}
        ],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding, text)},
        "properties": {"kind": finding.kind.value, "score": round(finding.score, 3)},
    }
    if finding.replacement is not None and finding.fixable:
        result["fixes"] = [
            {
                "description": {"text": f'Replace with "{finding.replacement}"'},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    k: v for k, v in region.items() if k != "snippet"
                                },
                                "insertedContent": {"text": finding.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _invocation(report: Report) -> dict[str, Any]:
    """Whether every file could be read; the ones that could not, as notifications."""
    return {
        "executionSuccessful": not report.errors,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": result.error or ""},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact_location(result.path)
                        }
                    }
                ],
            }
            for result in report.errors
        ]
        + [
            {
                "level": "warning" if result.skipped.warning else "note",
                "message": {"text": "skipped: " + result.skipped.reason},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact_location(result.path)
                        }
                    }
                ],
            }
            for result in report.results
            if result.skipped is not None
        ],
    }
