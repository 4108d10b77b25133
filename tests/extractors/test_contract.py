"""The extractor contract, for every format: same length, line breaks kept, no crash."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from termcheck.extractors import (
    BARRIER,
    EXTRACTORS,
    SUFFIXES,
    extractor_for,
    markup_for,
)
from tests.profiles import examples

# Pieces of markup of every supported format, so that random texts hit the
# parsers' interesting paths rather than plain prose only.
PIECES = [
    "OBOR",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u2028",
    "\x0c",
    "\0",
    "é",
    "人",
    "```",
    "~~~",
    "`",
    "*",
    "_",
    "**",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<",
    ">",
    "<!--",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#x41;",
    "&bogus;",
    "---",
    "+++",
    "|",
    "# ",
    "> ",
    "- ",
    "1. ",
    "    ",
    "http://x.org/OBOR",
    "<em>",
    "</em>",
    "<script>",
    "</script>",
    "<pre>",
    "<code>",
    "<img alt='OBOR'>",
    'title="T"',
    'translate="no"',
    ".. ",
    "::",
    ":ref:",
    ":code:",
    "``",
    "`_",
    "|s|",
    ".. code-block:: py",
    ".. note::",
    "\\",
    "\\section{",
    "\\emph{",
    "{",
    "}",
    "$",
    "$$",
    "\\[",
    "\\]",
    "\\(",
    "\\)",
    "%",
    "\\begin{verbatim}",
    "\\end{verbatim}",
    "\\begin{equation}",
    "\\verb|",
    "----",
    "....",
    "////",
    "++++",
    "//",
    "[source]",
    ":attr: v",
    "{attr}",
    "link:u[",
    "<<id,",
    ">>",
    "title: ",
    "description: ",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40
).map("".join)


def line_breaks(text: str) -> list[tuple[int, str]]:
    """Positions and characters of every CR and LF in ``text``."""
    return [(i, c) for i, c in enumerate(text) if c in "\r\n"]


class TestContract:
    """Every extractor returns a same-length mask with the line breaks in place."""

    @pytest.mark.parametrize("markup", list(EXTRACTORS))
    @settings(max_examples=examples(400), deadline=None)
    @given(text=texts)
    @example(text="OBOR<!--\r-->")  # a lone CR inside inline HTML (long profile)
    def test_length_and_line_breaks_kept(self, markup, text):
        """The masked text has the input's length and its CR/LF at the same offsets."""
        result = EXTRACTORS[markup](text)
        assert len(result.masked) == len(text)
        assert line_breaks(result.masked) == line_breaks(text)

    @pytest.mark.parametrize("markup", list(EXTRACTORS))
    @settings(max_examples=examples(200), deadline=None)
    @given(text=texts)
    def test_masked_characters_are_original_blank_or_barrier(self, markup, text):
        """A masked character is the original one, a space, a barrier or a decoded
        entity (HTML and Markdown only)."""
        result = EXTRACTORS[markup](text)
        decodes = markup in ("html", "markdown")
        for original, masked in zip(text, result.masked, strict=True):
            assert masked in (original, " ", BARRIER) or (
                decodes and original == "&"
            ), (original, masked)

    @pytest.mark.parametrize("markup", list(EXTRACTORS))
    @settings(max_examples=examples(200), deadline=None)
    @given(text=texts)
    def test_comments_lie_inside_the_text(self, markup, text):
        """Comment spans are ordered, non-empty-or-empty ranges within the text."""
        comments = EXTRACTORS[markup](text).comments
        assert list(comments) == sorted(comments)
        assert all(0 <= start <= end <= len(text) for start, end in comments)


class TestLookup:
    """The extractor is chosen by file ending; overrides win; the rest is plain."""

    @pytest.mark.parametrize(("name", "markup"), sorted(SUFFIXES.items()))
    def test_known_endings(self, name, markup):
        """Each known ending maps to its markup, in any letter case."""
        assert markup_for(f"dir/file{name.upper()}") == markup
        assert extractor_for(f"file{name}") is EXTRACTORS[markup]

    def test_unknown_ending_and_stdin_are_plain(self):
        """An unknown ending and standard input (None) are read as plain text."""
        assert markup_for("notes.org") == "plain"
        assert markup_for(None) == "plain"

    def test_overrides_win(self):
        """A configured ending maps to its markup, even a known one."""
        overrides = {".mdx": "markdown", ".txt": "rst"}
        assert markup_for("a.MDX", overrides) == "markdown"
        assert markup_for("a.txt", overrides) == "rst"
