"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from termcheck.files import STDIN_NAME
from termcheck.formatters.jsonlines import dump_lines, items
from termcheck.model import FileResult, Finding, Report, Severity
from termcheck.notices import plural
from termcheck.totals import Totals

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


def format_report(
    results: Iterable[FileResult], options: FormatOptions
) -> Iterator[str]:
    """Yield the SARIF log as indented JSON, line by line.

    The rules and the invocation come before the results in the log, so they
    need the totals of the whole run: ``options.totals`` when the caller kept
    them, else ``results`` is read twice (a Report can be; a one-shot iterator
    is first made a list).
    """
    totals = options.totals
    if totals is None:
        if iter(results) is results:
            results = list(results)
        totals = Totals.of(results)
    terms = sorted(totals.first)
    index = {term: number for number, term in enumerate(terms)}
    lines = dump_lines(_log(totals, terms, options))
    # The log ends with '"results": []' and three closing lines.
    yield from lines[:-4]
    found = (
        finding for result in results for finding in _results(result, index, options)
    )
    yield from items('      "results": ', found, indent=8, last=True)
    yield from lines[-3:]


def to_sarif(report: Report, options: FormatOptions) -> dict[str, Any]:
    """The SARIF log: one run, one rule per term that has a finding."""
    totals = Totals.of(report)
    terms = sorted(totals.first)
    index = {term: number for number, term in enumerate(terms)}
    log = _log(totals, terms, options)
    log["runs"][0]["results"] = [
        finding for result in report for finding in _results(result, index, options)
    ]
    return log


def _log(totals: Totals, terms: list[str], options: FormatOptions) -> dict[str, Any]:
    """The log with every part but the results (an empty list, last)."""
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "termcheck",
                "version": _version(),
                "rules": [_rule(totals.first[term], options) for term in terms],
            }
        },
        "invocations": [_invocation(totals)],
        "originalUriBaseIds": {ROOT_ID: _root(options.root)},
        "columnKind": "unicodeCodePoints",
        "results": [],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _results(
    result: FileResult, index: dict[str, int], options: FormatOptions
) -> Iterator[dict[str, Any]]:
    """The SARIF results of one file's findings."""
    location = artifact_location(result.path)
    marks = _fingerprints(result, options)
    for finding, mark in zip(result.findings, marks, strict=True):
        yield _result(finding, index[finding.term], mark, location)


def _fingerprints(result: FileResult, options: FormatOptions) -> list[str]:
    """Each finding's ``partialFingerprints`` value, distinct within the file.

    The first finding with a given baseline fingerprint keeps it; a later one
    with the same (the same words on an identical line) gets a hash of it and
    its occurrence number, so that each alert stays its own alert.
    """
    from termcheck.baseline import fingerprints

    base = list(result.fingerprints)
    if len(base) != len(result.findings):
        base = fingerprints(result.findings, options.sources)
    seen: dict[str, int] = {}
    marks = []
    for key in base:
        copy = seen[key] = seen.get(key, 0) + 1
        marks.append(key if copy == 1 else _nth(key, copy))
    return marks


def _nth(key: str, copy: int) -> str:
    return hashlib.sha256(f"{key}#{copy}".encode()).hexdigest()[:16]


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


def _result(
    finding: Finding, rule: int, mark: str, location: dict[str, Any]
) -> dict[str, Any]:
    """One finding: where it is, what it says, how to fix it."""
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": finding.matched},
    }
    result: dict[str, Any] = {
        "ruleId": finding.term,
        "ruleIndex": rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": location, "region": region}}
        ],
        "partialFingerprints": {FINGERPRINT: mark},
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


def _invocation(totals: Totals) -> dict[str, Any]:
    """Whether every file could be checked; the problems, as notifications.

    Files that could not be read (or whose fix could not be written) are
    errors, skipped files warnings or notes, files with findings left out by
    ``--max-findings`` notes.
    """
    notes = [_note("error", problem, path) for path, problem in totals.errors]
    notes += [
        _note(
            "warning" if skipped.warning else "note", "skipped: " + skipped.reason, path
        )
        for path, skipped in totals.skipped
    ]
    notes += [
        _note("note", f"{plural(count, 'finding')} omitted by --max-findings", path)
        for path, count in totals.omitted
    ]
    return {
        "executionSuccessful": not totals.errors,
        "toolExecutionNotifications": notes,
    }


def _note(level: str, text: str, path: str) -> dict[str, Any]:
    location = {"physicalLocation": {"artifactLocation": artifact_location(path)}}
    return {"level": level, "message": {"text": text}, "locations": [location]}
