"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from termcheck.formatters.text import summary
from termcheck.model import FileResult, Finding, Severity
from termcheck.notices import plural, shown
from termcheck.totals import Totals

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["escape_data", "escape_property", "format_finding", "format_report"]

COMMANDS: Final = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}
"""The workflow command of each severity."""


def format_report(
    results: Iterable[FileResult], options: FormatOptions
) -> Iterator[str]:
    """Yield an annotation per finding, then per file in error, skipped or cut
    short by ``--max-findings``, then the summary."""
    totals = Totals()
    for result in results:
        totals.add(result)
        for finding in result.findings:
            yield format_finding(finding)
    for path, problem in totals.errors:
        file = escape_property(path)
        yield f"::error file={file},title=termcheck::{escape_data(problem)}"
    for path, skipped in totals.skipped:
        file = escape_property(path)
        command = "warning" if skipped.warning else "notice"
        reason = escape_data("skipped: " + skipped.reason)
        yield f"::{command} file={file},title=termcheck::{reason}"
    for path, count in totals.omitted:
        file = escape_property(path)
        note = f"{plural(count, 'finding')} omitted by --max-findings"
        yield f"::notice file={file},title=termcheck::{note}"
    if not options.quiet:
        yield summary(totals)


def format_finding(finding: Finding) -> str:
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``."""
    properties = (
        ("file", finding.path),
        ("line", str(finding.line)),
        ("col", str(finding.column)),
        ("endLine", str(finding.end_line)),
        ("endColumn", str(finding.end_column)),
        ("title", f"termcheck: {finding.kind.value} ({finding.term})"),
    )
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = escape_data(shown(finding.message, line_breaks=True))
    return f"::{COMMANDS[finding.severity]} {joined}::{message}"


def escape_data(text: str) -> str:
    """Escape a message as the runner expects: ``%``, CR and LF."""
    # Same rules as @actions/core's command.ts (escapeData).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
