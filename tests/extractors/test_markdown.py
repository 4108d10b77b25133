"""Tests for the Markdown extractor: what is prose, what is skipped, where it is."""

from __future__ import annotations

import pytest

from termcheck.checker import check_text
from termcheck.extractors.markdown import extract
from tests.extractors.cases import assert_shown
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

# (text, words that must be shown, words that must be hidden)
CASES = [
    ("# Title word\n", "Title word", ""),
    ("Setext title\n============\n", "Setext title", ""),
    ("para `code` after\n", "para after", "code"),
    ("para ``co`de`` after\n", "para after", "co de"),
    ('[label](https://host.org/target "tip")\n', "label", "https host target tip"),
    ("[label][ref]\n\n[ref]: https://host.org/target\n", "label", "host target ref"),
    ("![alt words](pic/file.png)\n", "alt words", "pic file png"),
    ("<https://host.org/auto>\n", "", "https host auto"),
    ("- item one\n- item two\n", "item one two", ""),
    ("1. first\n2. second\n", "first second", ""),
    ("> quoted words\n", "quoted words", ""),
    ("| head | cell |\n|---|---|\n| data | more |\n", "head cell data more", ""),
    ("```py\nfenced = 1\n```\n", "", "py fenced"),
    ("~~~\ntilde\n~~~\n", "", "tilde"),
    ("text\n\n    indented code\n", "text", "indented code"),
    ("<!-- hidden note -->\n", "", "hidden note"),
    ("inline <!-- hidden --> shown\n", "inline shown", "hidden"),
    ("x <b>bold</b> y\n", "x bold y", "b"),
    ("x <code>tag code</code> y\n", "x y", "tag code"),
    ('<img alt="alt shown" src="src/hidden.png">\n', "alt shown", "src hidden"),
    (
        "<div>\n<p>block text</p>\n<script>js_code()</script>\n</div>\n",
        "block text",
        "js_code div",
    ),
    (
        "---\ntitle: Front title\nauthor: Someone\n---\nbody\n",
        "Front title body",
        "author Someone",
    ),
    (
        '+++\ndescription = "Toml text"\ndraft = true\n+++\nbody\n',
        "Toml text body",
        "draft true",
    ),
    ("a \\*literal\\* star\n", "a literal star", ""),
    ("~~struck~~ text\n", "struck text", ""),
    ("- item\n\tcontinued tabbed\n", "item continued tabbed", ""),
    ("- a\n\n\tpara in item\n", "a para in item", ""),
]


class TestMarkdownConstructs:
    """Each construct is shown or skipped as the issue lists."""

    @pytest.mark.parametrize(("text", "shown", "hidden"), CASES)
    def test_construct(self, text, shown, hidden):
        """Recall (shown words stay) and precision (skipped words go)."""
        assert_shown("markdown", text, shown, hidden)

    def test_front_matter_needs_its_closing_line(self):
        """An opening --- without a closing one is a thematic break, not metadata."""
        assert_shown("markdown", "---\nauthor: Someone\n", "author Someone", "")

    def test_entities_decoded_in_place(self):
        """``&amp;`` becomes ``&`` at its first offset; the rest are spaces."""
        masked = extract("A&amp;B&nbsp;C\n").masked
        assert masked == "A&    B      C\n"

    def test_comment_spans_reported(self):
        """HTML comments, inline or in a block, are reported for directives."""
        text = "<!-- one -->\n\ntext <!-- two --> more\n"
        comments = extract(text).comments
        assert [text[a:b] for a, b in comments] == [" one ", " two "]

    def test_comment_in_code_block_is_not_a_comment(self):
        """A comment shown inside a fenced code block is code, not a comment."""
        assert extract("```\n<!-- termcheck: off -->\n```\n").comments == ()


class TestMarkdownPhrases:
    """Phrases run across inline markup and stop at skipped content."""

    @pytest.mark.parametrize(
        "text",
        [
            "a community of *human* destiny\n",
            "a community of **human** destiny\n",
            "a community of _human_ destiny\n",
            "a [community of human](https://x.org) destiny\n",
            "a community of <em>human</em> destiny\n",
            "a community of\nhuman destiny\n",
            "> a community of\n> human destiny\n",
        ],
    )
    def test_phrase_across_markup_found(self, text):
        """The forbidden phrase is found, and ``matched`` is the original text."""
        (finding,) = check_text(GLOSSARY, text, markup="markdown")
        assert finding.term == "shared-future"
        assert finding.matched == text[finding.start : finding.end]
        assert finding.matched.startswith("community")

    @pytest.mark.parametrize(
        "text",
        [
            "One Belt `x` One Road\n",
            "| One Belt | One Road |\n|---|---|\n",
            "- One Belt\n- One Road\n",
            "One Belt\n```\ncode\n```\nOne Road\n",
            "One Belt ![pic](a.png) One Road\n",
        ],
    )
    def test_phrase_across_skipped_content_not_found(self, text):
        """Code, cell edges, list items and images end a phrase."""
        assert [f.term for f in check_text(GLOSSARY, text, markup="markdown")] == []


class TestEmphasisDelimiters:
    """Only delimiters that CommonMark pairs into emphasis are markup."""

    @pytest.mark.parametrize(
        ("text", "masked"),
        [
            ("snake_case_name here", "snake_case_name here"),
            ("a * b * c", "a * b * c"),
            ("a _b_ c", "a  b  c"),
            ("***x***", "   x   "),
            ("a **b* c", "a * b  c"),
            ("~~gone~~ and ~x", "  gone   and ~x"),
        ],
    )
    def test_masking(self, text: str, masked: str) -> None:
        """Paired runs are hidden; intraword underscores and lone stars stay text."""
        assert extract(text).masked == masked

    def test_term_inside_snake_case_is_not_matched(self) -> None:
        """``foo_yaml_bar`` is one word, not emphasis around ``yaml``."""
        assert check_text(GLOSSARY, "see the_e-mail_field\n", markup="markdown") == []


class TestMarkdownPositions:
    """Findings point into the original file, whatever was skipped before them."""

    def test_column_after_link_target_and_code(self):
        """A term after a long link target and inline code keeps its column."""
        text = "See [x](https://a.org/very/long/path) and `code` then OBOR.\n"
        (finding,) = check_text(GLOSSARY, text, markup="markdown")
        assert finding.column == text.index("OBOR") + 1

    def test_line_after_front_matter_and_fence(self):
        """Lines count the front matter and fences that were skipped."""
        text = "---\ntitle: t\n---\n```\nx\n```\n\nNow OBOR here.\n"
        (finding,) = check_text(GLOSSARY, text, markup="markdown")
        assert (finding.line, finding.column) == (8, 5)

    def test_table_cell_with_escaped_pipe(self):
        """A cell with an escaped pipe still maps each character back."""
        text = "| a \\| b OBOR | c |\n|---|---|\n"
        (finding,) = check_text(GLOSSARY, text, markup="markdown")
        assert finding.column == text.index("OBOR") + 1

    def test_entity_before_term(self):
        """An entity before a term does not shift the term's column."""
        text = "Caf&eacute; &amp; OBOR\n"
        (finding,) = check_text(GLOSSARY, text, markup="markdown")
        assert finding.column == text.index("OBOR") + 1
