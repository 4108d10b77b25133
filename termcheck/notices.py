"""Lines for standard error: files in error or skipped, and what --fix did. Pure."""

from __future__ import annotations

from termcheck.model import Report

__all__ = ["ERROR", "fix_notices", "plural", "problem_notices"]

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
        if result.skipped is not None:
            level = "warning" if result.skipped.warning else "note"
            reason = result.skipped.reason
            lines.append(f"termcheck: {level}: {result.path}: skipped: {reason}")
    lines.extend(f"termcheck: warning: {warning}" for warning in report.warnings)
    return lines


def fix_notices(report: Report, diff: bool) -> tuple[list[str], list[str], int]:
    """The diff chunks (``diff``), stderr lines and failed-file count of a fix run."""
    chunks: list[str] = []
    lines: list[str] = []
    failed = 0
    for result in report.results:
        outcome = result.fix
        if outcome is None:
            continue
        if diff and outcome.diff:
            chunks.append(outcome.diff)
        if outcome.written:
            count = plural(len(outcome.applied), "finding")
            lines.append(f"termcheck: fixed {count} in {result.path}")
        for finding, reason in outcome.skipped:
            where = f"{finding.path}:{finding.line}:{finding.column}"
            lines.append(f"termcheck: {where}: not fixed: {reason}")
        if outcome.problem is not None:
            lines.append(f"{ERROR}{result.path}: {outcome.problem}")
            failed += 1
    return chunks, lines, failed
