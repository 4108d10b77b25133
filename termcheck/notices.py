"""Lines for standard error (files in error or skipped, what --fix did), and the
escaping of everything a human-readable report prints. Pure."""

from __future__ import annotations

import re

from termcheck.errors import one_line
from termcheck.model import FileResult, Report

__all__ = [
    "ERROR",
    "escape_json",
    "file_notices",
    "fix_notices",
    "fixed_notices",
    "omitted_notice",
    "plural",
    "problem_notices",
    "shown",
    "shown_context",
]

_BREAK = re.compile("(\r\n|\r|\n)")


def shown(text: str, *, line_breaks: bool = False) -> str:
    """Text from a document or a glossary as a report prints it.

    Every C0 and C1 control, line break, tab, line separator and
    bidirectional control is escaped (``\\x1b``, ``\\n``, ``\\u202e``), so it
    stays on its line and cannot drive the terminal. Every human-readable
    format prints messages through it. ``line_breaks`` keeps CR and LF for a
    format that encodes them itself (GitHub's ``%0A``).
    """
    if not line_breaks:
        return one_line(text)
    parts = _BREAK.split(text)  # odd items are the breaks themselves
    return "".join(part if n % 2 else one_line(part) for n, part in enumerate(parts))


def shown_context(
    line: str, column: int, end_column: int | None
) -> tuple[str, int, int | None]:
    """A source line for ``--context``, escaped as :data:`shown`, tabs kept.

    Returns the line and the match's 1-based columns in it (``end_column``
    exclusive, None: to the end), so that the ``^~~~`` mark still sits under
    the match when an escape before it (``\\x1b``) widened the line.
    """
    start = min(max(column - 1, 0), len(line))
    stop = (
        len(line) if end_column is None else min(max(end_column - 1, start), len(line))
    )
    head = one_line(line[:start], tabs=True)
    body = one_line(line[start:stop], tabs=True)
    tail = one_line(line[stop:], tabs=True)
    end = None if end_column is None else len(head) + len(body) + 1
    return head + body + tail, len(head) + 1, end


# What json.dumps(ensure_ascii=False) writes raw although a terminal showing
# the file could act on it or reorder a line: C1 controls, DEL, line
# separators and bidirectional controls (C0 controls it escapes itself).
_RAW_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def escape_json(text: str) -> str:
    """JSON text with those characters written as ``\\u`` escapes: same data.

    They can stand only inside JSON strings, where ``\\u009b`` means the
    same character, so the document reads back exactly as before.
    """
    if _RAW_IN_JSON.search(text) is None:
        return text
    return _RAW_IN_JSON.sub(lambda char: f"\\u{ord(char[0]):04x}", text)


ERROR = "termcheck: error: "
"""The start of every error line."""


def plural(count: int, noun: str) -> str:
    """``1 finding``, ``2 findings``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def problem_notices(report: Report) -> list[str]:
    """An error line per file that could not be checked, a note or warning per skip.

    The run's own warnings (an ``include`` pattern that matched nothing) come last.
    """
    lines = [
        f"{ERROR}{result.path}: {shown(result.error or '')}" for result in report.errors
    ]
    for result in report.skipped:
        lines.extend(file_notices(result))
    lines.extend(f"termcheck: warning: {shown(warning)}" for warning in report.warnings)
    return lines


def file_notices(result: FileResult) -> list[str]:
    """The error line of a file that could not be checked, or its skip note."""
    if result.error is not None:
        return [f"{ERROR}{result.path}: {shown(result.error)}"]
    if result.skipped is not None:
        level = "warning" if result.skipped.warning else "note"
        reason = shown(result.skipped.reason)
        return [f"termcheck: {level}: {result.path}: skipped: {reason}"]
    return []


def omitted_notice(result: FileResult) -> str:
    """The note of a file some of whose findings ``--max-findings`` left out."""
    count = plural(result.omitted, "finding")
    return f"termcheck: note: {result.path}: {count} omitted by --max-findings"


def fix_notices(report: Report, diff: bool) -> tuple[list[str], list[str], int]:
    """The diff chunks (``diff``), stderr lines and failed-file count of a fix run."""
    chunks: list[str] = []
    lines: list[str] = []
    failed = 0
    for result in report.results:
        chunk, more, problem = fixed_notices(result, diff)
        if chunk:
            chunks.append(chunk)
        lines.extend(more)
        failed += problem
    return chunks, lines, failed


def fixed_notices(result: FileResult, diff: bool) -> tuple[str, list[str], bool]:
    """One file's diff (``diff``), its stderr lines, and whether its fix failed."""
    outcome = result.fix
    if outcome is None:
        return "", [], False
    lines: list[str] = []
    if outcome.written:
        count = plural(len(outcome.applied), "finding")
        lines.append(f"termcheck: fixed {count} in {result.path}")
    for finding, reason in outcome.skipped:
        where = f"{finding.path}:{finding.line}:{finding.column}"
        lines.append(f"termcheck: {where}: not fixed: {shown(reason)}")
    if outcome.problem is not None:
        lines.append(f"{ERROR}{result.path}: {shown(outcome.problem)}")
    return (outcome.diff if diff else ""), lines, outcome.problem is not None
