"""Tests for the block quotations of each markup."""

from __future__ import annotations

import time

import pytest

from termcheck.quote_blocks import BLOCK_QUOTES, block_quotes
from termcheck.quotes import Quotations


def quoted(text: str, markup: str) -> list[str]:
    """The quoted stretches of ``text`` (block quotations only), merged."""
    found = Quotations.of(block_quotes(text, markup)[0])
    return [text[s:e] for s, e in zip(found.starts, found.ends, strict=True)]


class TestMarkdown:
    """``>`` lines, lazy continuation, quotes in lists, HTML elements."""

    def test_quote_and_lazy_continuation(self):
        """A quote runs to the blank line, over lines without ``>``."""
        text = "Intro OBOR.\n> Quoted OBOR\nlazy OBOR\n\nAfter OBOR.\n"
        assert quoted(text, "markdown") == ["> Quoted OBOR", "lazy OBOR"]

    def test_new_block_ends_lazy_continuation(self):
        """A heading or list item after a quote line is not quoted."""
        text = "> Quoted\n# Heading OBOR\n- item OBOR\n"
        assert quoted(text, "markdown") == ["> Quoted"]

    def test_quote_inside_list_item(self):
        """``- > text`` is a quotation inside a list item."""
        assert quoted("- > OBOR\n- OBOR\n", "markdown") == ["- > OBOR"]

    def test_html_quote_elements(self):
        """``<q>`` and ``<blockquote>`` in Markdown are quotations too."""
        text = "A <q>OBOR</q> and OBOR.\n"
        assert quoted(text, "markdown") == ["<q>OBOR</q>"]


class TestHtml:
    """Paired elements only; block tags break paragraphs."""

    def test_q_and_nested_blockquote(self):
        """Nested blockquotes make one quotation; ``<q>`` its own."""
        text = (
            "<p><q cite=x>OBOR</q> OBOR</p>"
            "<BLOCKQUOTE><blockquote>OBOR</blockquote>OBOR</BLOCKQUOTE>OBOR"
        )
        assert quoted(text, "html") == [
            "<q cite=x>OBOR</q>",
            "<BLOCKQUOTE><blockquote>OBOR</blockquote>OBOR</BLOCKQUOTE>",
        ]

    def test_unclosed_element_quotes_nothing(self):
        """A ``<blockquote>`` never closed leaves the rest unquoted."""
        assert quoted("<blockquote><p>OBOR</p> OBOR", "html") == []

    def test_block_tags_are_breaks(self):
        """Block tags are paragraph breaks; ``<q>`` is not."""
        text = "<p>a</p><div>b<q>c</q></div>"
        assert block_quotes(text, "html")[1] == [0, 4, 8, 22]


class TestRst:
    """Indented blocks after a paragraph, and quote directives."""

    def test_block_quote_after_paragraph(self):
        """A deeper block after a blank line is a block quote."""
        text = "Text OBOR.\n\n   Quoted OBOR.\n   More.\n\nText OBOR.\n"
        assert quoted(text, "rst") == ["   Quoted OBOR.", "   More."]

    def test_list_item_body_is_not_a_quote(self):
        """A paragraph at a list item's content indent belongs to the item."""
        text = "- item OBOR\n\n  more OBOR\n\n1. item\n\n   more\n"
        assert quoted(text, "rst") == []

    def test_quote_inside_list_item(self):
        """Deeper than the item's content, it is a quote inside the item."""
        text = "- item\n\n      quoted OBOR\n"
        assert quoted(text, "rst") == ["      quoted OBOR"]

    def test_directive_bodies(self):
        """A note's body is not a quote; an epigraph's is."""
        text = (
            ".. note::\n\n   Note OBOR.\n\n"
            ".. epigraph::\n\n   Epigraph OBOR.\n\n   -- Author\n\nAfter.\n"
        )
        assert quoted(text, "rst") == ["   Epigraph OBOR.", "   -- Author"]

    def test_literal_and_definitions(self):
        """A literal block after ``::`` and a definition are not quotes."""
        text = "Example::\n\n   code OBOR\n\nterm\n   definition OBOR\n"
        assert quoted(text, "rst") == []


class TestAsciiDoc:
    """``____`` blocks, ``[quote]`` paragraphs, ``>`` lines; verbatim ignored."""

    def test_quote_blocks(self):
        """A ``____`` block, a styled open block and a styled paragraph."""
        text = (
            "[quote, Someone]\n____\nOBOR\n____\n\n"
            "[verse]\n--\nOBOR\n--\n\n"
            "[quote]\nOBOR paragraph\n\nOBOR free\n> OBOR md\n"
        )
        assert quoted(text, "asciidoc") == [
            "____\nOBOR\n____",
            "--\nOBOR\n--",
            "OBOR paragraph\n",
            "> OBOR md",
        ]

    def test_delimiters_in_listing_are_not_blocks(self):
        """A ``____`` line inside a listing block opens nothing."""
        text = "----\n____\n----\nOBOR\n____x\n"
        assert quoted(text, "asciidoc") == []

    def test_plain_open_block_is_not_a_quote(self):
        """``--`` without a quote style is an open block, not a quotation."""
        assert quoted("--\nOBOR\n--\n", "asciidoc") == []


class TestLatex:
    """Quote environments and csquotes commands."""

    def test_environments_and_enquote(self):
        r"""``quote``/``quotation``/``verse`` and ``\enquote{...}``."""
        text = (
            "\\begin{quote}OBOR \\begin{verse}x\\end{verse}\\end{quote} OBOR "
            "\\enquote{OBOR {y}} \\textquote[cite]{OBOR} {OBOR}"
        )
        assert quoted(text, "latex") == [
            "\\begin{quote}OBOR \\begin{verse}x\\end{verse}\\end{quote}",
            "\\enquote{OBOR {y}}",
            "\\textquote[cite]{OBOR}",
        ]

    def test_comments_and_escaped_braces(self):
        r"""Commented environments and ``\{`` do not count."""
        text = "% \\begin{quote}\nOBOR \\enquote{a \\} b} OBOR\n"
        assert quoted(text, "latex") == ["\\enquote{a \\} b}"]


@pytest.mark.parametrize("markup", sorted(BLOCK_QUOTES))
def test_linear_time(markup):
    """Hostile repeats of each reader's marks cost linear time."""
    unit = {
        "markdown": "> a\n<q>\n",
        "html": "<q><blockquote><p>",
        "rst": "a\n\n  b\n\n.. x::\n",
        "latex": "\\enquote{{\\begin{quote}",
        "asciidoc": "____\n[quote]\n----\n",
        "plain": "a\n",
    }[markup]

    def seconds(size: int) -> float:
        begun = time.perf_counter()
        block_quotes(unit * size, markup)
        return time.perf_counter() - begun

    seconds(100)
    # Sizes where a run takes tens of milliseconds, above a shared machine's noise.
    small = min(seconds(8_000) for _ in range(3))
    large = min(seconds(32_000) for _ in range(3))
    assert large / max(small, 1e-6) < 6, (small, large)
