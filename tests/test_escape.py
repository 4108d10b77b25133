"""Tests for writing a replacement in the markup it lands in."""

from __future__ import annotations

import pytest

from termcheck.escape import ESCAPERS, Place, Refusal, escape
from termcheck.extractors import EXTRACTORS


def written(markup: str, text: str, matched: str, replacement: str) -> str | Refusal:
    """How ``replacement`` of ``matched`` (first occurrence) is written."""
    start = text.index(matched)
    return escape(markup, replacement, Place(text), start, start + len(matched))


def test_every_markup_has_an_escaper():
    """The registry covers every extractor."""
    assert set(ESCAPERS) == set(EXTRACTORS)


class TestLatex:
    """Every special character becomes a command or an escape."""

    @pytest.mark.parametrize(
        ("replacement", "expected"),
        [
            ("R&D", r"R\&D"),
            ("100% renewable", r"100\% renewable"),
            ("$5 plan", r"\$5 plan"),
            ("#1 and a_b", r"\#1 and a\_b"),
            ("{x}", r"\{x\}"),
            ("a~b^c\\d", r"a\textasciitilde{}b\textasciicircum{}c\textbackslash{}d"),
            ("a<b>|c", r"a\textless{}b\textgreater{}\textbar{}c"),
            ("plain words", "plain words"),
        ],
    )
    def test_specials(self, replacement, expected):
        """LaTeX's specials are escaped; other text is left alone."""
        assert written("latex", "Our X grew.", "X", replacement) == expected


class TestHtml:
    """Text and attribute values."""

    def test_text(self):
        """``&``, ``<`` and ``>`` become references in text."""
        assert written("html", "<p>An X.</p>", "X", 'a<b>c & "d"') == (
            'a&lt;b&gt;c &amp; "d"'
        )

    def test_attribute(self):
        """Inside a tag, quotes are escaped too."""
        text = '<img alt="An X" src=x.png>'
        assert written("html", text, "X", 'R&D\'s "best"') == (
            "R&amp;D&#39;s &quot;best&quot;"
        )


class TestMarkdown:
    """Backslashes where a mark would start markup; HTML rules in HTML."""

    @pytest.mark.parametrize(
        ("text", "replacement", "expected"),
        [
            ("It is X here.", "a*b", "a\\*b"),
            ("It is X here.", "`code`", "\\`code\\`"),
            ("It is X here.", "[link]", "\\[link\\]"),
            ("It is X here.", "a|b~c", "a\\|b\\~c"),
            ("It is X here.", "snake_case", "snake_case"),
            ("It does _X_ now.", "doesn't_", "doesn't\\_"),
            ("It is X here.", "<b>tag</b>", "\\<b>tag\\</b>"),
            ("It is X here.", "R&amp;D", "R\\&amp;D"),
            ("It is X here.", "R&D", "R&D"),
            ("It is X[y].", "Wow!", "Wow\\!"),
            ("X is first.", "# one", "\\# one"),
            ("X is first.", "- one", "\\- one"),
            ("X is first.", "1. one", "1\\. one"),
            ("- X is first.", "> one", "\\> one"),
            ("It is X here.", "# one", "# one"),
        ],
    )
    def test_marks(self, text, replacement, expected):
        """Emphasis, code, links, tables, tags, entities, block marks."""
        assert written("markdown", text, "X", replacement) == expected

    def test_html_inside_markdown(self):
        """An attribute or an HTML block in Markdown is escaped as HTML."""
        assert written("markdown", '<img alt="X">', "X", "a&b") == "a&amp;b"
        block = "Text.\n\n<div>\nAn X here\n</div>\n"
        assert written("markdown", block, "X", "a*b<c") == "a*b&lt;c"


class TestRst:
    """Backslashes for inline marks and line-start marks; ``::`` refused."""

    @pytest.mark.parametrize(
        ("text", "replacement", "expected"),
        [
            ("It is X here.", "a*b `c` |d|", "a\\*b \\`c\\` \\|d\\|"),
            ("It is X here.", "ref_ and snake_case", "ref\\_ and snake_case"),
            ("X is first.", "- one", "\\- one"),
            ("X is first.", ".. note", "\\.. note"),
            ("X is first.", "2. one", "2\\. one"),
        ],
    )
    def test_marks(self, text, replacement, expected):
        """Inline markup and block starts are escaped."""
        assert written("rst", text, "X", replacement) == expected

    def test_double_colon_refused(self):
        """A replacement holding ``::`` is refused with the reason."""
        refusal = written("rst", "It is X here.", "X", "Note:: this")
        assert isinstance(refusal, Refusal)
        assert "::" in refusal.reason


class TestAsciiDoc:
    """AsciiDoc refuses what it would render as markup."""

    @pytest.mark.parametrize(
        ("replacement", "marks"),
        [
            ("doesn't_", "_"),
            ("*bold*", "*"),
            ("a `b`", "`"),
            ("x^2^", "^"),
            ("{attr}", "{ }"),
            ("a -> b", "->"),
            ("R&amp;D", "&amp;"),
            ("(C) 2024", "(C)"),
        ],
    )
    def test_refused(self, replacement, marks):
        """Each refusal names the marks."""
        refusal = written("asciidoc", "It is X here.", "X", replacement)
        assert isinstance(refusal, Refusal)
        assert f"({marks})" in refusal.reason

    @pytest.mark.parametrize("replacement", ["R&D", "snake_case", "a<b", "e-mail"])
    def test_plain_enough(self, replacement):
        """Characters AsciiDoc escapes itself, and marks inside words, pass."""
        assert written("asciidoc", "It is X here.", "X", replacement) == replacement

    def test_line_start(self):
        """A replacement opening a line with a block mark is refused."""
        refusal = written("asciidoc", "X is first.", "X", "= Title")
        assert isinstance(refusal, Refusal)


class TestPlace:
    """Line starts, tags and HTML blocks, found once."""

    def test_line_start(self):
        """White space and block marks only, on the same line."""
        place = Place("a\n  - > X\nb X")
        assert place.line_start(8)
        assert place.line_start(0)
        assert not place.line_start(12)

    def test_in_tag(self):
        """After an unclosed ``<``."""
        place = Place('<a title="X">X</a>')
        assert place.in_tag(10)
        assert not place.in_tag(13)
