"""Tests for the Mask builder and line splitting shared by the extractors."""

from __future__ import annotations

from termcheck.extractors.mask import BARRIER, Mask, blank, split_lines


class TestMask:
    """Masking keeps the length and line breaks; barriers go on blanks only."""

    def test_hide_keeps_line_breaks(self):
        """Hidden text becomes spaces, but CR and LF stay."""
        mask = Mask("ab\r\ncd\ref")
        mask.hide(0, 9)
        assert mask.extraction().masked == "  \r\n  \r  "

    def test_show_after_hidden_start(self):
        """A hidden-from-start mask shows only what is shown."""
        mask = Mask("one two\nthree", hidden=True)
        mask.show(4, 7)
        assert mask.extraction().masked == "    two\n     "

    def test_barrier_only_on_a_blank(self):
        """A barrier replaces a blank; a visible character or a break is kept."""
        mask = Mask("a`b`\nc")
        mask.hide(1, 4, barrier=True)
        mask.barrier(0, 1)
        mask.barrier(4, 5)
        assert mask.extraction().masked == f"a{BARRIER}  \nc"

    def test_put_pads_to_the_span(self):
        """A decoded value stands at the span's start, padded with spaces."""
        mask = Mask("x&amp;y")
        mask.put(1, 6, "&")
        mask.put(0, 1, "\u00a0")
        assert mask.extraction().masked == " &    y"

    def test_blank(self):
        """blank() turns all but line breaks into spaces."""
        assert blank("a\r\nb\u2028c") == " \r\n   "


class TestSplitLines:
    """Lines end at CRLF, CR and LF only."""

    def test_line_bounds(self):
        """Start, end and next offsets for each kind of break, and none."""
        text = "a\r\nbb\rc\nd\u2028e\x0cf"
        bounds = [(line.start, line.end, line.next) for line in split_lines(text)]
        assert bounds == [(0, 1, 3), (3, 5, 6), (6, 7, 8), (8, 13, 13)]
