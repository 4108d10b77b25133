"""Lines for standard error: files in error or skipped, and what --fix did. Pure."""

from __future__ import annotations

from termcheck.model import FileResult, Report

__all__ = [
    "ERROR",
    "file_notices",
    "fix_notices",
    "fixed_notices",
    "omitted_notice",
    "plural",
    "problem_notices",
]

ERROR = "termcheck: error: "
"""The start of every error line."""


def plural(count: int, noun: str) -> str:
    """``1 finding``, ``2 findings``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def problem_notices(report: Report) -> list[str]:
    """An error line per file that could not be checked, a note or warning per skip.

    The run's own warnings (an ``include`` pattern that matched nothing) come last.
    """
    lines = [f"{ERROR}{result.path}: {result.error}" for result in report.errors]
    for result in report.skipped:
        lines.extend(file_notices(result))
    lines.extend(f"termcheck: warning: {warning}" for warning in report.warnings)
    return lines


def file_notices(result: FileResult) -> list[str]:
    """The error line of a file that could not be checked, or its skip note."""
    if result.error is not None:
        return [f"{ERROR}{result.path}: {result.error}"]
    if result.skipped is not None:
        level = "warning" if result.skipped.warning else "note"
        reason = result.skipped.reason
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
        lines.append(f"termcheck: {where}: not fixed: {reason}")
    if outcome.problem is not None:
        lines.append(f"{ERROR}{result.path}: {outcome.problem}")
    return (outcome.diff if diff else ""), lines, outcome.problem is not None
