"""Tests for writing glossary YAML: quoting, layout, comments, and reading back."""

from __future__ import annotations

import dataclasses

import yaml
from hypothesis import given
from hypothesis import strategies as st

from termcheck.glossary import parse_glossary
from termcheck.glossary_writer import TermComments, render_glossary, scalar
from termcheck.model import Examples, Form, Severity, Status, Term

# Text a glossary field can hold: no control characters, no surrounding space.
FIELD_TEXT = (
    st.text(
        st.characters(
            blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
            blacklist_characters="\ufeff\x85",
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


class TestScalar:
    """Scalars read back unchanged, plain where that is safe."""

    @given(FIELD_TEXT)
    def test_reads_back(self, text):
        """Any text survives a YAML round trip."""
        assert yaml.safe_load(f"key: {scalar(text)}")["key"] == text

    def test_plain_when_safe(self):
        """Ordinary wordings are written without quotes."""
        assert scalar("Belt and Road Initiative") == "Belt and Road Initiative"
        assert scalar("e-mail") == "e-mail"

    def test_quoted_when_yaml_would_change_it(self):
        """Words YAML reads as booleans or numbers, and indicators, are quoted."""
        for text in ("yes", "No", "null", "1.0", "a: b", "#tag", "- x", "x #y"):
            assert scalar(text).startswith('"'), text


class TestRenderGlossary:
    """A rendered glossary loads back to the same terms."""

    def test_round_trip(self):
        """Every field, defaults left out, reads back as written."""
        term = Term(
            id="bri",
            canonical="Belt and Road Initiative",
            allowed=(Form("the Belt and Road", Status.ALLOWED),),
            forbidden=(
                Form("OBOR", Status.FORBIDDEN),
                Form("One Belt, One Road", Status.FORBIDDEN, regex=True),
            ),
            case_sensitive=True,
            fuzzy=0.9,
            severity=Severity.WARNING,
            note='Say "initiative": yes.',
            examples=Examples(("OBOR loans",), ("BRI",)),
        )
        plain = Term(id="cica", canonical="CICA", fuzzy=None)
        written = render_glossary([term, plain], name="Test: names", language="en-GB")
        loaded = parse_glossary(written.text)
        assert (loaded.name, loaded.language) == ("Test: names", "en-GB")
        again = [
            dataclasses.replace(
                t,
                source="",
                line=0,
                allowed=tuple(dataclasses.replace(f, line=0) for f in t.allowed),
                forbidden=tuple(dataclasses.replace(f, line=0) for f in t.forbidden),
            )
            for t in loaded
        ]
        assert again == [term, plain]
        assert "severity: error" not in written.text

    def test_comments(self):
        """Header, per-term and per-form comments are written as YAML comments."""
        term = Term(
            id="q", canonical="quay", forbidden=(Form("kay", Status.FORBIDDEN),)
        )
        written = render_glossary(
            [term],
            header=["Made by a test."],
            comments={"q": TermComments(("seen 3 times",), {"kay": "1x"})},
        )
        assert written.text.startswith("# Made by a test.\n")
        assert "  # seen 3 times\n  - id: q\n" in written.text
        assert "      - kay  # 1x\n" in written.text
        assert len(parse_glossary(written.text)) == 1

    def test_line_map(self):
        """Each line is mapped to its term and form, for error repair."""
        term = Term(
            id="q", canonical="quay", forbidden=(Form("kay", Status.FORBIDDEN),)
        )
        written = render_glossary([term])
        lines = written.text.splitlines()
        assert written.lines[lines.index("      - kay")] == (0, "kay")
        assert written.lines[lines.index("version: 1")] == (-1, "")

    def test_empty(self):
        """No terms still gives a valid glossary."""
        assert len(parse_glossary(render_glossary([]).text)) == 0
