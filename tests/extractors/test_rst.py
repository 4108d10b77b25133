"""Tests for the reStructuredText extractor."""

from __future__ import annotations

import pytest

from termcheck.checker import check_text
from termcheck.extractors.rst import extract
from tests.extractors.cases import assert_shown
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

CASES = [
    ("Title words\n===========\n", "Title words", ""),
    ("para ``literal code`` after\n", "para after", "literal code"),
    ("para :code:`role code` after\n", "para after", "role code"),
    ("para :math:`x_math` after\n", "para after", "x_math"),
    ("para :py:func:`domain_func` after\n", "para after", "domain_func py func"),
    ("para :ref:`bare-target` after\n", "para after", "bare target ref"),
    (
        "para :ref:`Shown title <the-target>` after\n",
        "para Shown title after",
        "the target ref",
    ),
    ("para :emphasis:`prose role` after\n", "para prose role after", "emphasis"),
    ("para :term:`glossary word` after\n", "glossary word", "term"),
    (
        "para `link text <https://h.org/target>`_ after\n",
        "para link text after",
        "https target",
    ),
    ("para `interpreted words` after\n", "interpreted words", ""),
    ("para |subst| after\n", "para after", "subst"),
    ("para [1]_ after\n", "para after", ""),
    ("Text::\n\n    literal block\n\nBack\n", "Text Back", "literal block"),
    ("Text:\n\n::\n\n    literal two\n", "Text", "literal two"),
    (
        "Text::\nstill paragraph\n\n    quote, not literal\n",
        "still paragraph quote",
        "",
    ),
    (
        ".. code-block:: python\n   :caption: cap\n\n   code_here = 1\n\nAfter\n",
        "After",
        "python caption cap code_here",
    ),
    (".. code:: sh\n\n   ls -la\n", "", "code sh ls la"),
    (
        ".. note:: Note argument\n   :class: klass\n\n   Note body.\n",
        "Note argument body",
        "klass class",
    ),
    (".. image:: pic/file.png\n   :alt: alt words\n", "", "pic file alt words"),
    (
        ".. a comment line\n   continued comment\n\nAfter\n",
        "After",
        "comment continued",
    ),
    (".. _target-name: https://h.org\n", "", "target name https"),
    (".. |subst| replace:: replacement words\n", "", "replacement words"),
    (".. [#] Footnote words.\n", "Footnote words", ""),
    (":Field: field value\n", "field value", "Field"),
    (">>> doctest_code()\noutput_line\n\nAfter\n", "After", "doctest_code output_line"),
    (".. toctree::\n   :maxdepth: 2\n\n   intro_page\n", "", "intro_page maxdepth"),
    ("- item *emph* words\n", "item emph words", ""),
]


class TestRstConstructs:
    """Each construct is shown or skipped as the issue lists."""

    @pytest.mark.parametrize(("text", "shown", "hidden"), CASES)
    def test_construct(self, text, shown, hidden):
        """Recall (shown words stay) and precision (skipped words go)."""
        assert_shown("rst", text, shown, hidden)

    def test_comments_reported_but_not_targets(self):
        """``.. text`` is a comment (for directives); ``.. _x:`` is a target."""
        text = ".. termcheck: off\n\n.. _x: https://h.org\n\n.. note:: n\n"
        comments = extract(text).comments
        assert [text[a:b] for a, b in comments] == [" termcheck: off"]


class TestRstPhrases:
    """Phrases across inline markup are found, at the right place."""

    @pytest.mark.parametrize(
        "text",
        [
            "a community of *human* destiny\n",
            "a community of **human** destiny\n",
            "a `community of human destiny <https://x.org>`_ here\n",
            "a community of\nhuman destiny\n",
        ],
    )
    def test_phrase_found(self, text):
        """The phrase is found and ``matched`` is the original text."""
        (finding,) = check_text(GLOSSARY, text, markup="rst")
        assert finding.term == "shared-future"
        assert finding.matched == text[finding.start : finding.end]

    def test_phrase_stops_at_literal(self):
        """An inline literal ends a phrase."""
        assert check_text(GLOSSARY, "One Belt ``x`` One Road\n", markup="rst") == []

    def test_position_after_hidden_block(self):
        """Line and column count the skipped code block."""
        text = ".. code-block:: py\n\n   OBOR = 1\n\nThen OBOR.\n"
        (finding,) = check_text(GLOSSARY, text, markup="rst")
        assert (finding.line, finding.column) == (5, 6)
