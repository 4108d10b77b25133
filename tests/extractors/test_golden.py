"""Golden tests per markup: terms in skipped constructs are silent, the rest found.

Each ``tests/data/markup/sample.*`` holds the term "OBOR" (and other forbidden
wordings) inside every construct its format skips and every construct it
checks; ``sample.*.expected`` lists, reviewed by hand, exactly the findings of
the checked ones as ``line:column: kind term "matched"``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from termcheck.checker import check_text
from termcheck.extractors import markup_for
from termcheck.glossary import load_glossary
from termcheck.text import LineIndex

DATA = Path(__file__).resolve().parents[1] / "data" / "markup"
GLOSSARY = load_glossary(DATA / "glossary.yaml")
SAMPLES = sorted(p.name for p in DATA.glob("sample.*") if p.suffix != ".expected")
FORMATS = {"markdown", "html", "rst", "latex", "asciidoc", "plain"}


def findings(name: str, markup: str | None = None):
    """The findings of one sample, read with its own markup unless told."""
    text = (DATA / name).read_bytes().decode("utf-8")
    chosen = markup if markup is not None else markup_for(name)
    return text, check_text(GLOSSARY, text, path=name, markup=chosen)


def render(found) -> list[str]:
    """Findings as the lines of a ``.expected`` file."""
    return [
        f"{f.line}:{f.column}: {f.kind.value} {f.term} "
        f"{json.dumps(f.matched, ensure_ascii=False)}"
        for f in found
    ]


class TestGolden:
    """Each format's sample gives exactly the reviewed findings."""

    def test_every_format_has_a_sample(self):
        """There is one sample per supported markup."""
        assert {markup_for(name) for name in SAMPLES} == FORMATS

    @pytest.mark.parametrize("name", SAMPLES)
    def test_findings_equal_expected_file(self, name):
        """Kinds, terms, lines, columns and matched text equal the golden file."""
        expected = (DATA / f"{name}.expected").read_text(encoding="utf-8")
        assert render(findings(name)[1]) == expected.splitlines()

    @pytest.mark.parametrize("name", SAMPLES)
    def test_positions_select_the_matched_text(self, name):
        """Start, end, line and column of every finding point at ``matched``."""
        text, found = findings(name)
        lines = LineIndex(text)
        for finding in found:
            assert text[finding.start : finding.end] == finding.matched
            assert lines.position(finding.start) == (finding.line, finding.column)

    @pytest.mark.parametrize("name", [n for n in SAMPLES if not n.endswith(".txt")])
    def test_skipped_constructs_hold_terms(self, name):
        """Read as plain text, the sample has more OBOR findings than with its
        markup: the skipped constructs really contain the term."""
        text, found = findings(name)
        occurrences = len(regex.findall(r"(?i)\bOBOR\b", text))
        marked = sum(1 for f in found if f.matched == "OBOR")
        assert occurrences > marked >= 5

    def test_plain_sample_checks_everything(self):
        """In plain text every occurrence is found, comments and backticks too."""
        text, found = findings("sample.txt")
        assert sum(1 for f in found if f.matched == "OBOR") == text.count("OBOR")
