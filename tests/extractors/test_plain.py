"""Tests for the plain-text extractor: nothing masked, ``#`` lines are comments."""

from __future__ import annotations

from termcheck.extractors.plain import extract


class TestPlain:
    """Plain text is all prose; only directives in ``#`` lines are special."""

    def test_text_unchanged(self):
        """The masked text is the text itself, markup characters included."""
        text = "`code` <b>x</b> *y* \\emph{z}\r\n"
        assert extract(text).masked == text

    def test_hash_lines_are_comments(self):
        """Lines whose first non-blank character is ``#`` are reported, body only."""
        text = "prose # not a comment\n  # a comment\r# another\n"
        comments = extract(text).comments
        assert [text[a:b] for a, b in comments] == [" a comment", " another"]
