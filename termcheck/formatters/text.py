"""The human-readable ``path:line:column: severity: message`` format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import click

from termcheck.errors import one_line
from termcheck.model import FileResult, Finding, Report, Severity
from termcheck.notices import shown_context
from termcheck.totals import Totals

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = [
    "clip",
    "format_finding",
    "format_report",
    "format_result",
    "skipped_summary",
    "split_lines",
    "summary",
    "underline",
]

COLORS: dict[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}
"""The colour of each severity label."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

INDENT = "    "
"""Put before the quoted source line and its underline."""

CONTEXT_WIDTH = 100
"""Code points of context kept on each side of a match in a long line."""


def format_report(
    results: Iterable[FileResult], options: FormatOptions
) -> Iterator[str]:
    """Yield one line per finding (plus context lines), then a summary line."""
    totals = Totals()
    for result in results:
        totals.add(result)
        yield from format_result(result, options)
    if not options.quiet:
        yield summary(totals)


def format_result(result: FileResult, options: FormatOptions) -> Iterator[str]:
    """Yield the lines of one file's findings (each with its context if asked)."""
    source = options.sources.get(result.path) if options.context else None
    lines = split_lines(source) if source is not None and result.findings else []
    for finding in result.findings:
        yield format_finding(finding, color=options.color)
        if source is not None:
            yield from _context(finding, lines, color=options.color)


def format_finding(finding: Finding, *, color: bool = False) -> str:
    """Render ``path:line:column: severity: message [kind term]``."""
    label = finding.severity.label
    if color:
        label = click.style(label, fg=COLORS[finding.severity], bold=True)
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {label}: "
        f"{one_line(finding.message)} [{finding.kind.value} {finding.term}]"
    )


def summary(totals: Totals | Report) -> str:
    """Render ``N findings (E errors, W warnings, I info) in F files``.

    ``, B baselined`` follows when ``--baseline`` hid some findings,
    ``, S skipped (over 50 MiB: 1, ...)`` when files were passed over, and
    ``, M omitted by --max-findings`` when findings were left out.
    """
    if isinstance(totals, Report):
        totals = Totals.of(totals)
    errors = totals.count(Severity.ERROR)
    warnings = totals.count(Severity.WARNING)
    info = totals.count(Severity.INFO)
    line = (
        f"{_plural(totals.findings, 'finding')} "
        f"({_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {info} info) "
        f"in {_plural(totals.checked, 'file')}"
    )
    if totals.baselined:
        line += f", {totals.baselined} baselined"
    line += skipped_summary(totals)
    if totals.omitted:
        line += f", {totals.omitted_count} omitted by --max-findings"
    return line


def skipped_summary(totals: Totals | Report) -> str:
    """``, 2 skipped (over 50 MiB: 1, not a regular file: 1)``, or nothing."""
    if isinstance(totals, Report):
        totals = Totals.of(totals)
    labels: dict[str, int] = {}
    for _, skipped in totals.skipped:
        labels[skipped.label] = labels.get(skipped.label, 0) + 1
    if not labels:
        return ""
    counts = ", ".join(f"{label}: {count}" for label, count in labels.items())
    return f", {len(totals.skipped)} skipped ({counts})"


def _plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _context(finding: Finding, lines: list[str], *, color: bool) -> Iterator[str]:
    """Yield the finding's source line and a ``^~~~`` mark under the match."""
    if not 1 <= finding.line <= len(lines):
        return
    line = lines[finding.line - 1]
    last = finding.end_column if finding.end_line == finding.line else None
    line, column, last = shown_context(*clip(line, finding.column, last))
    mark = underline(line, column, last)
    if color:
        mark = click.style(mark, fg=COLORS[finding.severity], bold=True)
    yield INDENT + line
    yield INDENT + mark


def clip(line: str, column: int, end_column: int | None) -> tuple[str, int, int | None]:
    """A long line cut to ``CONTEXT_WIDTH`` code points around a match, with ``…``.

    Returns the shown line and the match's columns in it, so that a finding in
    a megabyte-long line (minified text, a data blob) prints two short lines.
    """
    start = column - 1
    stop = start if end_column is None else max(end_column - 1, start)
    first = max(start - CONTEXT_WIDTH, 0)
    last = min(stop + CONTEXT_WIDTH, start + 3 * CONTEXT_WIDTH, len(line))
    if first == 0 and last == len(line):
        return line, column, end_column
    if end_column is None or end_column - 1 > last:
        end_column = None  # the match runs past what is shown: mark to the end
    head = "…" if first else ""
    shown = head + line[first:last] + ("…" if last < len(line) else "")
    shift = len(head) - first
    return shown, column + shift, None if end_column is None else end_column + shift


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
