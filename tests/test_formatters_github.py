"""Tests for the GitHub Actions workflow-command format."""

from __future__ import annotations

from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.formatters.github import escape_data, escape_property, format_finding
from termcheck.model import FileResult, Report, Severity
from tests.golden_formats import golden, render


class TestGithubFormat:
    """One ``::error``/``::warning``/``::notice`` command per finding."""

    def test_matches_golden_file(self):
        """The sample report renders exactly as reviewed."""
        assert render("github") == golden("github")

    def test_escaping(self):
        """``%``, CR and LF are escaped everywhere; ``:`` and ``,`` in properties."""
        assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
        assert escape_property("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d"

    def test_severity_commands(self, make_finding):
        """error, warning and info become error, warning and notice."""
        commands = [
            format_finding(make_finding(severity=level)).split(" ")[0]
            for level in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        ]
        assert commands == ["::error", "::warning", "::notice"]

    def test_every_line_is_a_command_but_the_summary(self):
        """Findings and unreadable files are commands; quiet drops the summary."""
        lines = render("github").splitlines()
        assert all(line.startswith("::") for line in lines[:-1])
        assert not lines[-1].startswith("::")
        assert all("\r" not in line for line in lines)

    def test_quiet(self, make_finding):
        """--quiet prints the commands only."""
        report = Report((FileResult("a.md", (make_finding(path="a.md"),)),))
        lines = list(FORMATTERS["github"](report, FormatOptions(quiet=True)))
        assert len(lines) == 1
        assert lines[0].startswith("::error file=a.md,line=1,col=1,endLine=1,")
