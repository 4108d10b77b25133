"""Fuzzing with hypothesis: loader, matcher, extractors, config and TBX reader.

Whatever the input, only termcheck's own error types come out, messages are
one line naming the file, and every reported span lies inside the text with
the right line and column (tests/invariants.py). Example counts follow the
hypothesis profile (HYPOTHESIS_PROFILE=long for a thorough run); the atheris
harness in fuzz/ drives the same checks for hours. More loader fuzzing is in
tests/test_glossary.py (TestNeverCrashes), more extractor contract checks in
tests/extractors/test_contract.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from termcheck import matcher
from termcheck.checker import check_document
from termcheck.config import parse_config
from termcheck.errors import ConfigError, GlossaryError, MatchTimeoutError
from termcheck.extractors import EXTRACTORS
from termcheck.glossary import load_glossary, parse_glossary
from termcheck.interchange.tbx import read_tbx
from termcheck.text import LineIndex
from tests.extractors.test_contract import PIECES
from tests.invariants import (
    assert_one_line,
    check_findings,
    check_glossary_text,
    glossary_from_parts,
)
from tests.profiles import examples
from tests.reliability.strategies import glossaries_and_texts

FAST = settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces of YAML syntax and of the glossary format, to reach the parser's
# corners: anchors, tags, flow and block collections, block scalars, documents.
YAML_PIECES = [
    "version: 1\n",
    "terms:\n",
    "  - canonical: ",
    "    forbidden: ",
    "    allowed: ",
    "      - regex: ",
    "    case: sensitive\n",
    "    fuzzy: ",
    "defaults:",
    "examples: {bad: [",
    "&a ",
    "*a",
    "!!str ",
    "!!python/object:os.system ",
    "!x ",
    "<<: ",
    "? ",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "|\n",
    ">-\n",
    "'",
    '"',
    "\\",
    "#",
    "\n",
    "  ",
    "\t",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "\ufeff",
    "\x00",
    "\u2028",
    "0.5",
    "1e400",
    "~",
    "yes",
    "é",
]
yaml_texts = st.lists(
    st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=5)), max_size=30
).map("".join)

class TestGlossaryLoader:
    """YAML soup and raw bytes: a Glossary or one GlossaryError line."""

    @FAST
    @given(yaml_texts)
    def test_yaml_soup(self, text):
        """Fragments of YAML and glossary syntax in any order never crash."""
        check_glossary_text(text)

    @FAST
    @given(st.binary(max_size=200))
    def test_bytes_from_a_file(self, tmp_path_factory, data):
        """A glossary file of arbitrary bytes: only a GlossaryError, one line."""
        path = tmp_path_factory.mktemp("g") / "fuzz.yaml"
        path.write_bytes(b"version: 1\nterms:\n" + data)
        try:
            load_glossary(str(path))
        except GlossaryError as error:
            assert_one_line(error, str(path))


class TestMatcher:
    """Generated glossaries against texts made of their own words."""

    @FAST
    @given(glossaries_and_texts())
    @example(([{"id": "t0", "canonical": "x", "forbidden": [{"regex": "- ??"}]}], "a"))
    def test_spans_inside_the_text(self, case):
        """Matches never overlap; findings quote the text at their position."""
        terms, text = case
        glossary = glossary_from_parts(terms)
        if glossary is not None:
            check_findings(glossary, text)

    @FAST
    @given(glossaries_and_texts(), st.sampled_from(sorted(EXTRACTORS)))
    def test_through_every_extractor(self, case, markup):
        """The whole pipeline with markup and directives keeps spans right."""
        terms, text = case
        glossary = glossary_from_parts(terms)
        if glossary is None:
            return
        try:
            outcome = check_document(glossary, text, path="f.x", markup=markup)
        except MatchTimeoutError:
            return
        lines = LineIndex(text)
        for finding in outcome.findings:
            assert 0 <= finding.start < finding.end <= len(text)
            assert finding.matched == text[finding.start : finding.end]
            assert (finding.line, finding.column) == lines.position(finding.start)

    def test_regex_budget_stops_a_pathological_form(self, monkeypatch):
        """A backtracking form gives MatchTimeoutError naming the term, in time."""
        monkeypatch.setattr(matcher, "REGEX_BUDGET_SECONDS", 0.2)
        glossary = glossary_from_parts(
            [{"id": "slow", "canonical": "x y", "forbidden": [{"regex": "(a|a)+$"}]}]
        )
        assert glossary is not None
        with pytest.raises(MatchTimeoutError, match="of term 'slow'"):
            check_document(glossary, "a" * 200 + "!")


class TestExtractors:
    """Every markup extractor keeps the contract on markup soup."""

    @FAST
    @given(
        st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6))).map(
            "".join
        ),
        st.sampled_from(sorted(EXTRACTORS)),
    )
    def test_comments_inside_the_text(self, text, markup):
        """Same length, and every comment span (for directives) inside the text."""
        extraction = EXTRACTORS[markup](text)
        assert len(extraction.masked) == len(text)
        for start, end in extraction.comments:
            assert 0 <= start <= end <= len(text)


class TestOtherInputs:
    """Config files and TBX files are parsed from untrusted text too."""

    @FAST
    @given(yaml_texts)
    def test_config_soup(self, text):
        """A config of YAML soup: a Config or one ConfigError line."""
        try:
            parse_config(text, ".termcheck.yaml")
        except ConfigError as error:
            assert_one_line(error, ".termcheck.yaml")

    @FAST
    @given(
        st.lists(
            st.sampled_from(
                [
                    "<tbx>",
                    "</tbx>",
                    "<text><body>",
                    "<conceptEntry id='c'>",
                    "</conceptEntry>",
                    "<langSec xml:lang='en'>",
                    "</langSec>",
                    "<termSec><term>",
                    "</term></termSec>",
                    "alpha",
                    "&amp;",
                    "&x;",
                    "<!DOCTYPE tbx>",
                    "<![CDATA[",
                    "]]>",
                    "<!--",
                    "-->",
                    "\x00",
                    "é",
                ]
            ),
            max_size=25,
        ).map("".join)
    )
    def test_tbx_soup(self, tmp_path_factory, text):
        """A TBX file of XML soup: imported, or one GlossaryError line."""
        path: Path = tmp_path_factory.mktemp("t") / "fuzz.tbx"
        path.write_text(text, encoding="utf-8")
        try:
            read_tbx(path)
        except GlossaryError as error:
            assert_one_line(error, str(path))


def test_parse_glossary_names_the_given_path() -> None:
    """The helper's contract: errors start with the path they are given."""
    with pytest.raises(GlossaryError) as caught:
        parse_glossary("[", "some/where.yaml")
    assert_one_line(caught.value, "some/where.yaml")
