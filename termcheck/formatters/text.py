"""The human-readable ``path:line:column: severity: message`` format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from termcheck.model import Finding, Report, Severity

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["format_finding", "format_report", "split_lines", "summary", "underline"]

COLORS: dict[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}
"""The colour of each severity label."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

INDENT = "    "
"""Put before the quoted source line and its underline."""


def format_report(report: Report, options: FormatOptions) -> Iterator[str]:
    """Yield one line per finding (plus context lines), then a summary line."""
    lines: dict[str, list[str]] = {}  # each source split once, on first use
    for finding in report.findings:
        yield format_finding(finding, color=options.color)
        if options.context and finding.path in options.sources:
            if finding.path not in lines:
                lines[finding.path] = split_lines(options.sources[finding.path])
            yield from _context(finding, lines[finding.path], color=options.color)
    if not options.quiet:
        yield summary(report)


def format_finding(finding: Finding, *, color: bool = False) -> str:
    """Render ``path:line:column: severity: message [kind term]``."""
    label = finding.severity.label
    if color:
        label = click.style(label, fg=COLORS[finding.severity], bold=True)
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {label}: "
        f"{finding.message} [{finding.kind.value} {finding.term}]"
    )


def summary(report: Report) -> str:
    """Render ``N findings (E errors, W warnings, I info) in F files``.

    ``, B baselined`` follows when ``--baseline`` hid some findings.
    """
    files = len(report.results) - len(report.errors)
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    info = report.count(Severity.INFO)
    line = (
        f"{_plural(len(report.findings), 'finding')} "
        f"({_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {info} info) "
        f"in {_plural(files, 'file')}"
    )
    return f"{line}, {report.baselined} baselined" if report.baselined else line


def _plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _context(finding: Finding, lines: list[str], *, color: bool) -> Iterator[str]:
    """Yield the finding's source line and a ``^~~~`` mark under the match."""
    if not 1 <= finding.line <= len(lines):
        return
    line = lines[finding.line - 1]
    last = finding.end_column if finding.end_line == finding.line else None
    mark = underline(line, finding.column, last)
    if color:
        mark = click.style(mark, fg=COLORS[finding.severity], bold=True)
    yield INDENT + line
    yield INDENT + mark


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their endings.

    Lines end at ``\\r\\n``, a lone ``\\r`` or ``\\n``, as the matcher counts them.
    """
    return _LINE_BREAK.split(text)


def underline(line: str, column: int, end_column: int | None) -> str:
    """A ``^~~~`` mark under columns ``column`` to ``end_column`` (exclusive).

    ``end_column=None`` marks to the end of the line. Tabs before the mark are
    kept so the mark lines up, and wide characters count two cells.
    """
    start = max(column - 1, 0)
    stop = len(line) if end_column is None else min(end_column - 1, len(line))
    pad = "".join("\t" if ch == "\t" else " " * _width(ch) for ch in line[:start])
    cells = sum(_width(ch) for ch in line[start:stop])
    return pad + "^" + "~" * max(cells - 1, 0)


def _width(char: str) -> int:
    """Terminal cells one code point takes: 0 combining, 2 wide, else 1."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
