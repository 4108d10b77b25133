"""Tests for termcheck.totals: counts kept file by file."""

from __future__ import annotations

from termcheck.model import FileResult, FixOutcome, Report, Severity, Skipped
from termcheck.totals import Totals


def test_counts_match_the_report(make_finding):
    """Totals of a report agree with the Report's own counts."""
    results = (
        FileResult(
            "a.md",
            (
                make_finding(path="a.md", term="bri", severity=Severity.ERROR),
                make_finding(path="a.md", line=2, term="gsi", severity=Severity.INFO),
            ),
            baselined=2,
        ),
        FileResult("b.md", (make_finding(path="b.md", term="bri", line=9),)),
        FileResult("c.md", error="no such file"),
        FileResult("d.md", skipped=Skipped("over 1 MB", "over 1 MB", warning=True)),
        FileResult("e.md", omitted=4, omitted_severity=Severity.WARNING),
        FileResult("f.md", fix=FixOutcome(problem="cannot write: read-only")),
    )
    report = Report(results)
    totals = Totals.of(report)
    assert totals.files == 6
    assert totals.checked == report.checked == 4
    assert totals.findings == len(report.findings) == 3
    assert totals.with_findings == 2
    assert totals.unreadable == 1
    assert totals.baselined == report.baselined == 2
    for severity in Severity:
        assert totals.count(severity) == report.count(severity)
    assert totals.errors == [
        ("c.md", "no such file"),
        ("f.md", "cannot write: read-only"),
    ]
    assert [path for path, _ in totals.skipped] == ["d.md"]
    assert totals.omitted == [("e.md", 4)]
    assert totals.omitted_count == 4
    assert {term: f.path for term, f in totals.first.items()} == {
        "bri": "a.md",
        "gsi": "a.md",
    }
