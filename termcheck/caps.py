"""``--max-findings``: how many findings a report lists, per file and per run."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from termcheck.model import FileResult

__all__ = ["PER_FILE", "PER_RUN", "RunCap", "cut", "limits"]

PER_FILE: Final = 1_000
"""Default ``--max-findings-per-file``: more in one file is a glossary problem."""

PER_RUN: Final = 10_000
"""Default ``--max-findings``: under GitHub code scanning's 25,000 per SARIF run."""


def limits(
    per_run: int | None,
    per_file: int | None,
    config: tuple[int | None, int | None] = (None, None),
) -> tuple[int | None, int | None]:
    """The caps per run and per file (None: no limit).

    The command line's value wins, then the config's (``config``), then the
    default; 0 means no limit.
    """
    run = next(n for n in (per_run, config[0], PER_RUN) if n is not None)
    file = next(n for n in (per_file, config[1], PER_FILE) if n is not None)
    return run or None, file or None


def cut(result: FileResult, keep: int | None) -> FileResult:
    """``result`` listing only its first ``keep`` findings (None: all).

    The rest are counted in ``omitted``, and the highest severity among them
    is kept in ``omitted_severity``, so that the exit status still counts them.
    """
    if keep is None or len(result.findings) <= keep:
        return result
    dropped = result.findings[keep:]
    worst = max(finding.severity for finding in dropped)
    if result.omitted_severity is not None:
        worst = max(worst, result.omitted_severity)
    return replace(
        result,
        findings=result.findings[:keep],
        fingerprints=result.fingerprints[:keep],
        omitted=result.omitted + len(dropped),
        omitted_severity=worst,
    )


class RunCap:
    """Lists at most ``limit`` findings over a whole run (None: no limit)."""

    def __init__(self, limit: int | None) -> None:
        self.left = limit

    def __call__(self, result: FileResult) -> FileResult:
        """``result`` cut to what the run may still list."""
        if self.left is None:
            return result
        result = cut(result, self.left)
        self.left -= len(result.findings)
        return result
