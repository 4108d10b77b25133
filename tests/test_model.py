"""Tests for termcheck.model's Report: sorted once, iterated in report order."""

from __future__ import annotations

from termcheck.model import ExitCode, FileResult, Report, Severity


def test_findings_are_sorted_once(make_finding):
    """Report.findings sorts on first use and gives the same tuple after."""
    report = Report(
        (
            FileResult("b.md", (make_finding(path="b.md"),)),
            FileResult("a.md", (make_finding(path="a.md", line=3),)),
        )
    )
    first = report.findings
    assert [f.path for f in first] == ["a.md", "b.md"]
    assert report.findings is first


def test_iteration_is_report_order(make_finding):
    """By path; each file's findings by line, column, term, with their
    fingerprints kept beside them."""
    late = make_finding(path="a.md", line=9, term="x")
    early = make_finding(path="a.md", line=2, term="y")
    report = Report(
        (
            FileResult("b.md"),
            FileResult("a.md", (late, early), fingerprints=("late", "early")),
        )
    )
    ordered = list(report)
    assert [r.path for r in ordered] == ["a.md", "b.md"]
    assert ordered[1] is report.results[0]  # already in order: not copied
    assert ordered[0].findings == (early, late)
    assert ordered[0].fingerprints == ("early", "late")


def test_exit_code_counts_omitted_findings(make_finding):
    listed = make_finding(severity=Severity.INFO)
    result = FileResult("a.md", (listed,), omitted=2, omitted_severity=Severity.ERROR)
    assert Report((result,)).exit_code(Severity.ERROR) is ExitCode.FINDINGS
    quiet = FileResult("a.md", (listed,), omitted=2, omitted_severity=Severity.INFO)
    assert Report((quiet,)).exit_code(Severity.WARNING) is ExitCode.OK
