"""Tests for the GitLab Code Quality format."""

from __future__ import annotations

import json
from typing import Any

from termcheck.checker import check_text
from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.formatters.gitlab import to_issues
from termcheck.model import FileResult, Report
from tests.ci_report import GLOSSARY, PATH, TEXT
from tests.golden_formats import golden, render


class TestGitlabFormat:
    """A JSON array of Code Quality issues."""

    def test_matches_golden_file(self):
        """The sample report renders exactly as reviewed."""
        assert render("gitlab") == golden("gitlab")

    def test_required_fields_and_severities(self):
        """Each issue has the fields GitLab requires; severities are mapped."""
        issues = json.loads(render("gitlab"))
        for issue in issues:
            assert {"description", "check_name", "fingerprint", "severity"} <= set(
                issue
            )
            assert isinstance(issue["location"]["lines"]["begin"], int)
        assert [i["severity"] for i in issues] == [
            "major",
            "major",
            "major",
            "major",
            "info",
            "minor",
        ]

    def test_fingerprints_unique_and_line_independent(self):
        """Duplicates get distinct fingerprints; lines above change none."""
        double = TEXT + TEXT.splitlines(True)[2]
        moved = "Intro.\n\n" + double
        first = _issues(double)
        second = _issues(moved)
        prints = [i["fingerprint"] for i in first]
        assert len(set(prints)) == len(prints)
        assert prints == [i["fingerprint"] for i in second]
        assert [i["location"]["lines"]["begin"] for i in first] != [
            i["location"]["lines"]["begin"] for i in second
        ]

    def test_empty_report_is_empty_array(self):
        """A clean run writes ``[]``."""
        assert list(FORMATTERS["gitlab"](Report(), FormatOptions())) == ["[]"]


def _issues(text: str) -> list[dict[str, Any]]:
    """Issues for ``text`` checked as the sample file."""
    found = tuple(check_text(GLOSSARY, text, path=PATH))
    return to_issues(Report((FileResult(PATH, found),)), {PATH: text})
