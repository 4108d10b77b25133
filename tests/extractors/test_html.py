"""Tests for the HTML extractor: text nodes and alt/title shown, the rest masked."""

from __future__ import annotations

import time

import pytest

from termcheck.checker import check_text
from termcheck.extractors.html import extract
from tests.extractors.cases import assert_shown
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

CASES = [
    ("<p>para words</p>", "para words", "p"),
    ('<h2 id="anchor">head</h2>', "head", "anchor h2"),
    ('<a href="https://h.org/target">link text</a>', "link text", "href target"),
    ('<img src="pic/file.png" alt="alt text">', "alt text", "pic file png src"),
    ('<abbr title="title text">T</abbr>', "title text T", "abbr"),
    ('<span class="klass" data-x="data">s</span>', "s", "klass data"),
    ("<script>var hidden = 1;</script>after", "after", "var hidden"),
    ("<style>.hidden { color: red }</style>after", "after", "hidden color red"),
    ("<code>code words</code> after", "after", "code words"),
    ("<pre>pre words\nmore</pre>after", "after", "pre words more"),
    ('<p translate="no">keep <b>this</b></p>after', "after", "keep this"),
    ('<p translate="no"><img alt="no alt"></p>after', "after", "no alt"),
    ("<!-- comment words -->after", "after", "comment words"),
    ("<!DOCTYPE html><html>x</html>", "x", "DOCTYPE html"),
    ("<p>unclosed <b>bold", "unclosed bold", ""),
    ("<ul><li>one<li>two</ul>", "one two", "ul li"),
    ("<script>if (a < b) { x('<p>not_text</p>'); }</script>after", "after", "not_text"),
    ("<img alt=unquoted_alt src=x>", "unquoted_alt", "src"),
    ("<?xml version='1'?><![CDATA[cdata_text]]>after", "after", "xml cdata_text"),
    ("a < b and c", "a b and c", ""),
    ("<p title='single quoted'>x</p>", "single quoted x", ""),
]


class TestHtmlConstructs:
    """Each construct is shown or skipped as the issue lists."""

    @pytest.mark.parametrize(("text", "shown", "hidden"), CASES)
    def test_construct(self, text, shown, hidden):
        """Recall (shown words stay) and precision (skipped words go)."""
        assert_shown("html", text, shown, hidden)

    @pytest.mark.parametrize(
        ("text", "masked"),
        [
            ("a&amp;b", "a&    b"),
            ("a&nbsp;b", "a      b"),
            ("caf&eacute;", "café" + " " * 7),
            ("&#x41;&#66;", "A     B    "),
            ("&notanentity; x", "&notanentity; x"),
            ("&amp x", "&    x"),
        ],
    )
    def test_entities_decoded_at_their_offset(self, text, masked):
        """A reference is replaced by its character, padded to its length."""
        assert extract(text).masked == masked

    def test_attribute_entities_decoded(self):
        """Entities inside an alt value are decoded in place too."""
        masked = extract('<img alt="A&amp;B">').masked
        assert masked.strip(" .") == "A&    B"

    def test_comment_reported(self):
        """A comment's body is reported (for directives), and masked."""
        text = "x <!-- termcheck: off --> y"
        result = extract(text)
        (span,) = result.comments
        assert text[span[0] : span[1]] == " termcheck: off "
        assert "termcheck" not in result.masked


class TestHtmlUnclosed:
    """Unclosed markup masks to the end of the file, in linear time."""

    @pytest.mark.parametrize(
        "text",
        [
            "text <a href='open",
            "text <!-- open comment",
            "text <script>open",
            "text <p class=x",
        ],
    )
    def test_unclosed_runs_to_end(self, text):
        """Only the text before the unclosed construct is shown."""
        assert extract(text).masked.strip(" .") == "text"

    def test_many_unclosed_tags_are_fast(self):
        """Fifty thousand unclosed tags take seconds at most, not minutes."""
        started = time.perf_counter()
        extract("<a " * 50_000)
        assert time.perf_counter() - started < 5


class TestHtmlPhrasesAndPositions:
    """Phrases run across inline tags only; positions stay exact."""

    def test_phrase_across_inline_tag(self):
        """``community of <em>human</em> destiny`` is one phrase."""
        text = "<p>a community of <em>human</em> destiny</p>"
        (finding,) = check_text(GLOSSARY, text, markup="html")
        assert finding.matched == "community of <em>human</em> destiny"

    def test_phrase_across_entities(self):
        """``One&nbsp;Belt One&#32;Road`` reads as the phrase, matched as written."""
        text = "<p>One&nbsp;Belt One&#32;Road</p>"
        (finding,) = check_text(GLOSSARY, text, markup="html")
        assert finding.matched == "One&nbsp;Belt One&#32;Road"

    @pytest.mark.parametrize(
        "text",
        [
            "<p>One Belt</p><p>One Road</p>",
            "<td>One Belt</td><td>One Road</td>",
            "<p>One Belt <code>x</code> One Road</p>",
            "<li>One Belt<li>One Road",
        ],
    )
    def test_phrase_stops_at_block_tags_and_code(self, text):
        """Block boundaries and skipped elements end a phrase."""
        assert check_text(GLOSSARY, text, markup="html") == []

    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
    def test_line_and_column_with_any_line_ending(self, newline):
        """HTMLParser's positions map back for LF, CRLF and CR files."""
        text = newline.join(["<html>", "<p>x &amp; y</p>", "<p>see OBOR</p>"])
        (finding,) = check_text(GLOSSARY, text, markup="html")
        assert (finding.line, finding.column) == (3, 8)
