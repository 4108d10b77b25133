"""Tests for termcheck.caps: what --max-findings lists and what it counts."""

from __future__ import annotations

from termcheck.caps import PER_FILE, PER_RUN, RunCap, cut, limits
from termcheck.model import FileResult, Severity


def result(make_finding, *severities: Severity, path: str = "a.md") -> FileResult:
    findings = tuple(
        make_finding(path=path, line=n + 1, severity=s)
        for n, s in enumerate(severities)
    )
    prints = tuple(f"print{n}" for n in range(len(findings)))
    return FileResult(path, findings, fingerprints=prints)


class TestCut:
    """cut keeps the first findings and counts the rest."""

    def test_keeps_the_first_and_counts_the_rest(self, make_finding):
        whole = result(make_finding, Severity.INFO, Severity.WARNING, Severity.ERROR)
        kept = cut(whole, 1)
        assert kept.findings == whole.findings[:1]
        assert kept.fingerprints == ("print0",)
        assert kept.omitted == 2
        assert kept.omitted_severity is Severity.ERROR

    def test_nothing_to_cut(self, make_finding):
        whole = result(make_finding, Severity.INFO, Severity.INFO)
        assert cut(whole, 2) is whole
        assert cut(whole, None) is whole

    def test_cut_twice_adds_up(self, make_finding):
        whole = result(make_finding, Severity.WARNING, Severity.ERROR, Severity.INFO)
        twice = cut(cut(whole, 2), 0)
        assert twice.findings == ()
        assert twice.omitted == 3
        assert twice.omitted_severity is Severity.ERROR

    def test_omitted_findings_still_fail(self, make_finding):
        """reaches() sees the severity of what was cut."""
        whole = result(make_finding, Severity.INFO, Severity.ERROR)
        kept = cut(whole, 1)
        assert kept.reaches(Severity.ERROR)
        assert not cut(result(make_finding, Severity.INFO), 0).reaches(Severity.WARNING)


class TestRunCap:
    """A run's cap is shared by the files in order."""

    def test_spread_over_files(self, make_finding):
        cap = RunCap(3)
        first = cap(result(make_finding, *[Severity.ERROR] * 2, path="a.md"))
        second = cap(result(make_finding, *[Severity.ERROR] * 2, path="b.md"))
        third = cap(result(make_finding, Severity.INFO, path="c.md"))
        assert [len(r.findings) for r in (first, second, third)] == [2, 1, 0]
        assert [r.omitted for r in (first, second, third)] == [0, 1, 1]

    def test_no_limit(self, make_finding):
        whole = result(make_finding, *[Severity.ERROR] * 5)
        assert RunCap(None)(whole) is whole


class TestLimits:
    """Command line, then config, then the defaults; 0 is no limit."""

    def test_defaults(self):
        assert limits(None, None) == (PER_RUN, PER_FILE)

    def test_config_then_command_line(self):
        assert limits(None, None, (50, 5)) == (50, 5)
        assert limits(7, None, (50, 5)) == (7, 5)
        assert limits(0, 0, (50, 5)) == (None, None)
