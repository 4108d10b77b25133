"""Tests for the stderr lines of a run: errors, skips, warnings, fix results."""

from __future__ import annotations

from termcheck.model import FileResult, FixOutcome, Report, Skipped
from termcheck.notices import fix_notices, plural, problem_notices


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
