"""Tests for the AsciiDoc extractor."""

from __future__ import annotations

import pytest

from termcheck.checker import check_text
from termcheck.extractors.asciidoc import extract
from tests.extractors.cases import assert_shown
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

CASES = [
    ("= Doc title\n:attr-name: attr value\n", "Doc title", "attr name value"),
    ("== Section words\n", "Section words", ""),
    ("para `mono code` after\n", "para after", "mono code"),
    ("para {attr_ref} after\n", "para after", "attr_ref"),
    (
        "link:https://h.org/target[label words] end\n",
        "label words end",
        "https target link",
    ),
    ("https://h.org/url_target[url label] end\n", "url label end", "url_target"),
    ("<<anchor_id,xref words>> end\n", "xref words end", "anchor_id"),
    ("image:pic/file.png[] end\n", "end", "pic file png"),
    ("// comment words\nafter\n", "after", "comment words"),
    ("////\nblock comment\n////\nafter\n", "after", "block comment"),
    ("----\nlisting_body\n----\nafter\n", "after", "listing_body"),
    ("....\nliteral_body\n....\nafter\n", "after", "literal_body"),
    ("++++\npass_body\n++++\nafter\n", "after", "pass_body"),
    (
        "[source,python]\n----\nsource_body\n----\nafter\n",
        "after",
        "source_body python",
    ),
    ("[source]\nsource_paragraph\n\nafter\n", "after", "source_paragraph"),
    (" literal indented paragraph\n\nafter\n", "after", "literal indented"),
    ("****\nsidebar words\n****\n", "sidebar words", ""),
    ("====\nexample words\n====\n", "example words", ""),
    (".Block title words\n", "Block title words", ""),
    ("* list *strong* item\n", "list strong item", ""),
    ("|===\n| cell words | more\n|===\n", "cell words more", ""),
    ("include::chapter/file.adoc[]\n", "", "chapter file adoc include"),
    ("[[anchor_name]]\n[NOTE]\nnote words\n", "note words", "anchor_name NOTE"),
]


class TestAsciidocConstructs:
    """Each construct is shown or skipped as the issue lists."""

    @pytest.mark.parametrize(("text", "shown", "hidden"), CASES)
    def test_construct(self, text, shown, hidden):
        """Recall (shown words stay) and precision (skipped words go)."""
        assert_shown("asciidoc", text, shown, hidden)

    def test_line_comment_reported(self):
        """A ``//`` comment's body is reported for directives."""
        text = "// termcheck: off\n"
        (span,) = extract(text).comments
        assert text[span[0] : span[1]] == " termcheck: off"


class TestAsciidocPhrases:
    """Phrases across formatting marks are found; positions stay exact."""

    @pytest.mark.parametrize(
        "text",
        ["a community of *human* destiny\n", "a community of _human_ destiny\n"],
    )
    def test_phrase_across_marks(self, text):
        """The phrase is found and ``matched`` is the original text."""
        (finding,) = check_text(GLOSSARY, text, markup="asciidoc")
        assert finding.term == "shared-future"
        assert finding.matched == text[finding.start : finding.end]

    def test_position_after_listing(self):
        """Lines count the skipped listing block."""
        text = "----\nOBOR\n----\nThen OBOR.\n"
        (finding,) = check_text(GLOSSARY, text, markup="asciidoc")
        assert (finding.line, finding.column) == (4, 6)
