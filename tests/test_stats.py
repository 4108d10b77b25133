"""Tests for usage statistics and their text, JSON and CSV renderings."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from termcheck.cli import cli
from termcheck.glossary import load_glossary
from termcheck.stats import usage_stats
from termcheck.stats_format import format_text

DATA = Path(__file__).resolve().parent / "data" / "stats"


@pytest.fixture(name="glossary")
def _glossary():
    """The stats test glossary."""
    return load_glossary(DATA / "glossary.yaml")


def wordings(glossary, *texts: str) -> dict[str, list[tuple[str, str, int]]]:
    """``{term: [(text, kind, total)]}`` for texts given as strings."""
    stats = usage_stats(glossary, [(f"t{n}.md", t) for n, t in enumerate(texts)])
    return {
        term.term: [(f.text, f.kind, f.total) for f in term.forms]
        for term in stats.terms
    }


class TestUsageStats:
    """Every match is counted under its wording, kind and file."""

    def test_kinds(self, glossary):
        """Canonical, allowed, forbidden, case variant and near-miss are told apart."""
        found = wordings(
            glossary,
            "the Belt and Road Initiative, the belt and road initiative, One Belt One "
            "Road; a community with a shared future for humanity and a community of "
            "shared destny.",
        )
        assert found["bri"] == [
            ("Belt and Road Initiative", "canonical", 1),
            ("One Belt One Road", "forbidden", 1),
            ("belt and road initiative", "case", 1),
        ]
        assert found["shared-future"] == [
            ("community with a shared future for humanity", "allowed", 1),
            ("community of shared destny", "near-miss", 1),
        ]

    def test_inflections_and_sentence_start_count_as_the_form(self, glossary):
        """Plurals and a capital first letter are the form itself, not a variant."""
        found = wordings(
            glossary,
            "Communities of human destiny. A community of "
            "human destiny. Community of human destiny.",
        )
        assert found["shared-future"] == [
            ("community of human destiny", "forbidden", 3)
        ]

    def test_case_variant_of_insensitive_term(self, glossary):
        """A form written in other letter case is listed by its own text."""
        found = wordings(glossary, "The Shanghai COOPERATION Organisation met.")
        assert found["sco"] == [("Shanghai COOPERATION Organisation", "case", 1)]

    def test_regex_forms_by_text(self, glossary):
        """Regex matches are grouped by the text that matched."""
        found = wordings(glossary, "One Belt, One Road and One Belt, One Road.")
        assert found["bri"] == [("One Belt, One Road", "forbidden", 2)]

    def test_per_file_counts(self, glossary):
        """Counts are kept per file, in file order, and totalled."""
        stats = usage_stats(
            glossary,
            [
                ("a.md", "OBOR is not a form. One Belt One Road."),
                ("b.md", "One Belt One Road, One Belt One Road."),
            ],
        )
        (form,) = next(t for t in stats.terms if t.term == "bri").forms
        assert form.counts == (("a.md", 1), ("b.md", 2))
        assert form.total == 3
        assert stats.files == ("a.md", "b.md")

    def test_silent_on_other_text(self, glossary):
        """Text without any wording of a term gives no counts at all."""
        found = wordings(glossary, "A road, a belt and a shared meal in Shanghai.")
        assert found == {"bri": [], "sco": [], "shared-future": []}

    def test_terms_sorted_by_id(self, glossary):
        """Terms come sorted by id, whatever the glossary order."""
        stats = usage_stats(glossary, [])
        assert [t.term for t in stats.terms] == ["bri", "sco", "shared-future"]


class TestFormats:
    """Golden outputs of the three formats on the stats fixture."""

    @pytest.mark.parametrize("output_format", ["text", "json", "csv"])
    def test_golden(self, monkeypatch, output_format):
        """termcheck stats prints exactly the recorded output."""
        from click.testing import CliRunner

        monkeypatch.chdir(DATA)
        result = CliRunner().invoke(
            cli,
            [
                "stats",
                "-g",
                "glossary.yaml",
                "speech.md",
                "notes.txt",
                "--format",
                output_format,
                "--no-color",
            ],
        )
        assert result.exit_code == 0, result.output
        expected = (DATA / f"expected.{output_format}").read_text(encoding="utf-8")
        assert result.output == expected

    def test_colour_marks_kinds(self, glossary):
        """With colour, each kind is styled; without, the text is plain."""
        stats = usage_stats(glossary, [("a.md", "One Belt One Road")])
        coloured = "\n".join(format_text(stats, color=True))
        assert click.style("forbidden", fg="red") in coloured
        assert "\x1b[" not in "\n".join(format_text(stats))
