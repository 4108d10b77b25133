"""Tests for discover's output: golden text/JSON/YAML, glossary filtering, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import cli
from termcheck.discover_format import format_text, uncovered
from termcheck.discover_model import Family, Location, Member
from termcheck.glossary import parse_glossary

DATA = Path(__file__).resolve().parent / "data" / "discover"


def family(*members: tuple[str, int]) -> Family:
    """A family from ``(text, count)`` pairs, located in a.md."""
    return Family(
        tuple(Member(text, count, (Location("a.md", 1, 1),)) for text, count in members)
    )


class TestGolden:
    """termcheck discover prints exactly the recorded outputs."""

    @pytest.mark.parametrize("output_format", ["text", "json", "yaml"])
    def test_small_fixture(self, monkeypatch, output_format):
        """Text, JSON and YAML output of the small fixture."""
        monkeypatch.chdir(DATA)
        result = CliRunner().invoke(
            cli,
            [
                "discover",
                "small.md",
                "--min-count",
                "2",
                "--format",
                output_format,
                "--no-color",
            ],
        )
        assert result.exit_code == 0, result.output
        golden = DATA / f"small.expected.{output_format}"
        expected = golden.read_text(encoding="utf-8")
        assert result.output == expected

    def test_yaml_is_a_glossary(self):
        """The YAML output loads; a case-only variant makes the term case-sensitive."""
        text = (DATA / "small.expected.yaml").read_text(encoding="utf-8")
        glossary = parse_glossary(text)
        engineer = glossary["build-engineer"]
        assert engineer.case_sensitive
        assert [f.text for f in engineer.forbidden] == ["build-engineer"]
        assert "also written 'Build Engineer'" in text


class TestText:
    """The text format."""

    def test_counts_aligned(self):
        """Counts are right-aligned and wordings padded to one column."""
        lines = list(format_text([family(("tide table", 12), ("tide-table", 3))]))
        assert lines == [
            "tide table  (2 wordings, 15 occurrences)",
            "  12  tide table  a.md:1:1",
            "   3  tide-table  a.md:1:1",
            "1 family of variant wordings",
        ]

    def test_none(self):
        """No family: only the count line."""
        assert list(format_text([])) == ["0 families of variant wordings"]


class TestUncovered:
    """--glossary leaves out the families a term already covers."""

    def test_covered_family_left_out(self):
        """A family with a wording of a term (or a near-miss of one) is dropped."""
        glossary = parse_glossary("version: 1\nterms:\n  - canonical: tide table\n")
        kept = uncovered(
            [
                family(("tide-table", 2), ("tide table", 1)),
                family(("build engineer", 2), ("build-engineer", 1)),
            ],
            glossary,
        )
        assert [f.canonical for f in kept] == ["build engineer"]

    def test_cli_option(self, tmp_path, monkeypatch):
        """termcheck discover --glossary prints only uncovered families."""
        monkeypatch.chdir(DATA)
        glossary = tmp_path / "g.yaml"
        glossary.write_text(
            "version: 1\nterms:\n  - canonical: release candidate\n", encoding="utf-8"
        )
        result = CliRunner().invoke(
            cli, ["discover", "small.md", "--min-count", "2", "-g", str(glossary)]
        )
        assert result.exit_code == 0
        assert "release" not in result.output
        assert result.output.startswith("build engineer  (3 wordings")
