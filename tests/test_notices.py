"""Tests for the stderr lines of a run: errors, skips, warnings, fix results."""

from __future__ import annotations

from termcheck.model import FileResult, FixOutcome, Report, Skipped
from termcheck.notices import (
    escape_json,
    fix_notices,
    plural,
    problem_notices,
    shown,
    shown_context,
)


class TestProblemNotices:
    """Errors first, then skips (warning or note), then the run's warnings."""

    def test_order_and_levels(self):
        """Each kind of line has its prefix."""
        report = Report(
            (
                FileResult("a.md", error="cannot read file: Permission denied"),
                FileResult(
                    "big.md", skipped=Skipped("2 KiB is larger…", "1 KiB", True)
                ),
                FileResult("p.md", skipped=Skipped("not a regular file (a FIFO)", "x")),
                FileResult("ok.md"),
            ),
            warnings=(".termcheck.yaml: include pattern 'x' matched no file",),
        )
        assert problem_notices(report) == [
            "termcheck: error: a.md: cannot read file: Permission denied",
            "termcheck: warning: big.md: skipped: 2 KiB is larger…",
            "termcheck: note: p.md: skipped: not a regular file (a FIFO)",
            "termcheck: warning: .termcheck.yaml: include pattern 'x' matched no file",
        ]


class TestFixNotices:
    """What --fix did, per file."""

    def test_written_skipped_and_failed(self, make_finding):
        """A fixed file, a finding left alone and a file that could not be written."""
        finding = make_finding(path="a.md", line=3, column=5)
        report = Report(
            (
                FileResult("a.md", fix=FixOutcome((finding,), written=True, diff="d")),
                FileResult("b.md", fix=FixOutcome(skipped=((finding, "no room"),))),
                FileResult("c.md", fix=FixOutcome(problem="not fixed: read-only")),
            )
        )
        chunks, lines, failed = fix_notices(report, diff=True)
        assert chunks == ["d"]
        assert lines == [
            "termcheck: fixed 1 finding in a.md",
            "termcheck: a.md:3:5: not fixed: no room",
            "termcheck: error: c.md: not fixed: read-only",
        ]
        assert failed == 1

    def test_plural(self):
        """One finding, two findings."""
        assert plural(1, "finding") == "1 finding"
        assert plural(2, "finding") == "2 findings"


class TestShown:
    """What a human-readable report prints of document and glossary text."""

    def test_controls_escaped(self):
        """Every control, on one line."""
        assert shown("a\x1b]0;x\x07\nb\u202e") == "a\\x1b]0;x\\x07\\nb\\u202e"

    def test_line_breaks_kept_on_request(self):
        """For a format that encodes CR and LF itself; the rest is escaped."""
        assert shown("a\r\nb\x1b\nc\rd", line_breaks=True) == "a\r\nb\\x1b\nc\rd"


class TestShownContext:
    """A --context line, escaped, with the match's columns moved along."""

    def test_columns_follow_the_escapes(self):
        """An escape before the match widens the line; the match moves with it."""
        line, column, end = shown_context("\x1bx One\x1dBelt y", 4, 12)
        assert line == "\\x1bx One\\x1dBelt y"
        assert end is not None
        assert line[column - 1 : end - 1] == "One\\x1dBelt"

    def test_tabs_kept_and_open_end(self):
        """Tabs stay; a match to the end of the line keeps None."""
        assert shown_context("\tab", 2, None) == ("\tab", 2, None)

    def test_columns_out_of_range_are_bounded(self):
        """A column past the line does not fail."""
        assert shown_context("ab", 9, 12) == ("ab", 3, 3)


class TestEscapeJson:
    """JSON text with C1 and bidi controls as \\u escapes: the same data."""

    def test_reads_back_exactly(self):
        """json.loads gives the original text; no raw control is left."""
        import json

        value = {"matched": "a\x9b31m\u202eb\u2028c\x1b"}
        text = escape_json(json.dumps(value, ensure_ascii=False))
        assert text == '{"matched": "a\\u009b31m\\u202eb\\u2028c\\u001b"}'
        assert json.loads(text) == value

    def test_plain_text_untouched(self):
        """Nothing to escape: the same string."""
        text = '{"a": "é 中文"}'
        assert escape_json(text) is text
