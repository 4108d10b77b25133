"""Tests for the text and JSON formatters, on hand-built reports."""

from __future__ import annotations

import json
from typing import Any

import click
import pytest

from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.formatters.text import format_finding, split_lines, summary, underline
from termcheck.model import FileResult, Kind, Report, Severity

PLAIN = FormatOptions()


def _text(report: Report, options: FormatOptions = PLAIN) -> list[str]:
    """Run the text formatter."""
    return list(FORMATTERS["text"](report, options))


class TestRegistry:
    """FORMATTERS lists every output format by its --format name."""

    def test_names(self):
        """The registry holds every format, text first (the default)."""
        names = ["text", "json", "sarif", "github", "junit", "gitlab"]
        assert list(FORMATTERS) == names

    def test_read_only(self):
        """The registry cannot be changed at run time."""
        with pytest.raises(TypeError):
            FORMATTERS["xml"] = FORMATTERS["text"]  # type: ignore[index]


class TestTextFormatter:
    """The text format: one line per finding, then a summary."""

    def test_finding_line(self, make_finding):
        """A finding renders as path:line:column: severity: message [kind term]."""
        finding = make_finding(
            path="docs/a.md",
            line=3,
            column=7,
            kind=Kind.NEAR_MISS,
            severity=Severity.WARNING,
            term="shared-future",
            message="did you mean 'X'?",
        )
        assert format_finding(finding) == (
            "docs/a.md:3:7: warning: did you mean 'X'? [near-miss shared-future]"
        )

    def test_sorted_by_path_line_column(self, make_finding):
        """Findings from several files come out sorted by path, line and column."""
        b = make_finding(path="b.md", line=1, column=1)
        a2 = make_finding(path="a.md", line=2, column=1)
        a1 = make_finding(path="a.md", line=1, column=9)
        report = Report((FileResult("b.md", (b,)), FileResult("a.md", (a2, a1))))
        heads = [line.split(": ")[0] for line in _text(report)[:-1]]
        assert heads == ["a.md:1:9", "a.md:2:1", "b.md:1:1"]

    def test_summary_counts_and_plurals(self, make_finding):
        """The summary counts findings per severity and files, in plural."""
        findings = (
            make_finding(severity=Severity.ERROR),
            make_finding(severity=Severity.WARNING, column=5),
            make_finding(severity=Severity.WARNING, column=9),
            make_finding(severity=Severity.INFO, column=12),
        )
        report = Report((FileResult("doc.md", findings), FileResult("other.md")))
        assert summary(report) == "4 findings (1 error, 2 warnings, 1 info) in 2 files"

    def test_summary_singular(self, make_finding):
        """One finding in one file reads ``1 finding ... in 1 file``."""
        report = Report((FileResult("doc.md", (make_finding(),)),))
        assert _text(report)[-1] == "1 finding (1 error, 0 warnings, 0 info) in 1 file"

    def test_files_in_error_not_counted(self):
        """Files that could not be read do not count as checked files."""
        report = Report((FileResult("a.md"), FileResult("gone.md", error="missing")))
        assert _text(report) == ["0 findings (0 errors, 0 warnings, 0 info) in 1 file"]

    def test_errors_not_printed(self):
        """File errors are the CLI's business; the formatter prints none."""
        report = Report((FileResult("gone.md", error="no such file or directory"),))
        assert not any("no such file" in line for line in _text(report))

    def test_quiet_drops_summary(self, make_finding):
        """With quiet, only finding lines come out."""
        report = Report((FileResult("doc.md", (make_finding(),)),))
        lines = _text(report, FormatOptions(quiet=True))
        assert lines == [format_finding(make_finding())]

    def test_quiet_and_clean_is_silent(self):
        """With quiet and no findings there is no output at all."""
        assert _text(Report((FileResult("a.md"),)), FormatOptions(quiet=True)) == []

    def test_color_marks_severity_only(self, make_finding):
        """With color, the severity label is styled and the rest is plain."""
        finding = make_finding(severity=Severity.WARNING)
        line = format_finding(finding, color=True)
        assert click.style("warning", fg="yellow", bold=True) in line
        assert click.unstyle(line) == format_finding(finding)

    @pytest.mark.parametrize(
        ("severity", "code"),
        [
            (Severity.ERROR, "\x1b[31m"),
            (Severity.WARNING, "\x1b[33m"),
            (Severity.INFO, "\x1b[34m"),
        ],
    )
    def test_color_per_severity(self, make_finding, severity, code):
        """Errors are red, warnings yellow, info blue."""
        assert code in format_finding(make_finding(severity=severity), color=True)

    def test_no_color_no_escapes(self, make_finding):
        """Without color, no escape sequence is written."""
        report = Report((FileResult("doc.md", (make_finding(),)),))
        assert not any("\x1b" in line for line in _text(report))


class TestContext:
    """With context, each finding is followed by its line and a ``^~~`` mark."""

    def test_line_and_underline(self, make_finding):
        """The mark starts under the match and spans it."""
        text = "first line\nWe back One Belt One Road here.\r\nlast"
        finding = make_finding(line=2, column=9, end_line=2, end_column=26)
        report = Report((FileResult("doc.md", (finding,)),))
        lines = _text(report, FormatOptions(context=True, sources={"doc.md": text}))
        assert lines[1:3] == [
            "    We back One Belt One Road here.",
            "            ^" + "~" * 16,
        ]

    def test_multiline_span_marked_to_end_of_line(self, make_finding):
        """A span that goes on to the next line is marked to the end of its first."""
        text = "a community of common\ndestiny"
        finding = make_finding(line=1, column=3, end_line=2, end_column=8)
        report = Report((FileResult("doc.md", (finding,)),))
        lines = _text(report, FormatOptions(context=True, sources={"doc.md": text}))
        assert lines[2] == "      ^" + "~" * 18

    def test_lines_counted_like_the_matcher(self):
        """CRLF, a lone CR and LF each end a line, and are not part of it."""
        assert split_lines("a\r\nb\rc\nd\n") == ["a", "b", "c", "d", ""]

    def test_without_source_no_context(self, make_finding):
        """A finding whose file text is unknown gets no context lines."""
        report = Report((FileResult("doc.md", (make_finding(),)),))
        assert len(_text(report, FormatOptions(context=True))) == 2

    def test_context_off_by_default(self, make_finding):
        """Sources alone do not turn context on."""
        report = Report((FileResult("doc.md", (make_finding(),)),))
        assert len(_text(report, FormatOptions(sources={"doc.md": "OBOR"}))) == 2

    def test_underline_keeps_tabs_and_counts_wide(self):
        """Tabs before the match stay tabs; wide characters take two cells."""
        assert underline("\t中x OBOR", 5, 9) == "\t    ^~~~"
        assert underline("中文", 1, 3) == "^~~~"

    def test_underline_zero_width_span(self):
        """An empty span still gets a caret."""
        assert underline("abc", 2, 2) == " ^"


class TestJsonFormatter:
    """The JSON format has a fixed, versioned shape."""

    def _load(self, report: Report) -> dict[str, Any]:
        """Run the JSON formatter and parse its output."""
        data: dict[str, Any] = json.loads("\n".join(FORMATTERS["json"](report, PLAIN)))
        return data

    def test_shape_and_key_order(self, make_finding):
        """Keys appear in the documented order with the documented values."""
        finding = make_finding(
            kind=Kind.NEAR_MISS,
            severity=Severity.WARNING,
            score=0.912345,
            matched="comunity",
            replacement=None,
        )
        data = self._load(Report((FileResult("doc.md", (finding,)),)))
        assert list(data) == [
            "version",
            "findings",
            "skipped",
            "errors",
            "omitted",
            "summary",
        ]
        assert data["version"] == 1
        (entry,) = data["findings"]
        assert list(entry) == [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "kind",
            "severity",
            "term",
            "canonical",
            "matched",
            "score",
            "message",
            "replacement",
        ]
        assert entry["kind"] == "near-miss"
        assert entry["severity"] == "warning"
        assert entry["score"] == 0.912
        assert entry["replacement"] is None
        assert data["summary"] == {
            "files": 1,
            "findings": 1,
            "errors": 0,
            "warnings": 1,
            "info": 0,
            "baselined": 0,
            "skipped": 0,
        }

    def test_not_ascii_escaped_and_indented(self, make_finding):
        """Non-ASCII text is written as is, with an indent of two."""
        finding = make_finding(path="ä.md", matched="Zürich\ncommunity")
        lines = list(
            FORMATTERS["json"](Report((FileResult("ä.md", (finding,)),)), PLAIN)
        )
        assert lines[0] == "{"
        assert lines[1] == '  "version": 1,'
        assert any('"ä.md"' in line for line in lines)
        assert all("\n" not in line for line in lines)

    def test_options_ignored(self, make_finding):
        """Colour, context and quiet do not change JSON output."""
        report = Report((FileResult("doc.md", (make_finding(),)),))
        fancy = FormatOptions(
            color=True, context=True, quiet=True, sources={"doc.md": "x"}
        )
        assert list(FORMATTERS["json"](report, fancy)) == list(
            FORMATTERS["json"](report, PLAIN)
        )

    def test_empty_report(self):
        """A clean run still writes the full document."""
        data = self._load(Report())
        assert data == {
            "version": 1,
            "findings": [],
            "skipped": [],
            "errors": [],
            "omitted": [],
            "summary": {
                "files": 0,
                "findings": 0,
                "errors": 0,
                "warnings": 0,
                "info": 0,
                "baselined": 0,
                "skipped": 0,
            },
        }
