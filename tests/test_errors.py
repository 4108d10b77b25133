"""Tests for termcheck.errors: escaping what messages print, and short quotes."""

from __future__ import annotations

import pytest

from termcheck.errors import GlossaryError, clipped, excerpt, one_line
from termcheck.guard import printable


class TestOneLine:
    """Every control character is escaped; ordinary text is left as it is."""

    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            ("plain text, é, 中文, emoji 🙂", "plain text, é, 中文, emoji 🙂"),
            ("a\nb\r\nc", "a\\nb\\r\\nc"),
            ("tab\there", "tab\\there"),
            ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
            ("\x1b[31mred", "\\x1b[31mred"),
            ("c1 \x9b31m \x85", "c1 \\x9b31m \\x85"),
            ("del \x7f", "del \\x7f"),
            (
                "rtl \u202eabc\u202c \u2066x\u2069",
                "rtl \\u202eabc\\u202c \\u2066x\\u2069",
            ),
            ("marks \u200e\u200f\u061c", "marks \\u200e\\u200f\\u061c"),
            ("sep \u2028\u2029", "sep \\u2028\\u2029"),
            ("byte \udce9", "byte \\xe9"),
            (
                "no-break\u00a0space, zero\u200bwidth",
                "no-break\u00a0space, zero\u200bwidth",
            ),
        ],
    )
    def test_escapes(self, text, shown):
        """C0, C1, DEL, line separators, bidi controls and stray bytes."""
        assert one_line(text) == shown

    def test_tabs_kept_on_request(self):
        """A source line keeps its tabs, and nothing else."""
        assert one_line("\ta\x1b\tb\n", tabs=True) == "\ta\\x1b\tb\\n"

    def test_same_characters_as_paths(self):
        """Messages escape exactly what paths escape (guard.printable)."""
        for code in range(0x10000):
            char = chr(code)
            assert (one_line(char) != char) == (printable(char) != char), hex(code)

    def test_errors_are_escaped(self):
        """A TermcheckError prints on one line whatever its problem holds."""
        error = GlossaryError("bad \x1b[2J value\nnext", "g\x1b.yaml", 3, 4)
        assert str(error) == "g\\x1b.yaml:3:4: bad \\x1b[2J value\\nnext"


class TestExcerpt:
    """A message quotes a few characters of a file, never its content."""

    def test_short_text_is_quoted_whole(self):
        """Up to 32 characters: as repr quotes them."""
        assert excerpt("high") == "'high'"
        assert excerpt("x" * 32) == repr("x" * 32)

    def test_long_text_is_cut_and_counted(self):
        """Longer: 31 characters, an ellipsis and the length."""
        assert excerpt("k" * 1000) == f"'{'k' * 31}…' (1000 characters)"

    def test_raw_keeps_backslashes(self):
        """A regex keeps single backslashes."""
        assert excerpt(r"\bfoo\w+", raw=True) == r"'\bfoo\w+'"

    def test_clipped(self):
        """Unquoted, for names in angle brackets or lists."""
        assert clipped("abc", 5) == "abc"
        assert clipped("abcdefgh", 5) == "abcd…"
