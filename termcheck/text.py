"""Offsets to editor positions: 1-based lines and code-point columns."""

from __future__ import annotations

import bisect
from typing import Final

import regex

__all__ = ["LineIndex"]

# Line breaks as editors count them: CRLF, lone CR, LF. U+2028/U+2029, form feeds
# and vertical tabs do not start new lines in common editors, so they don't here.
#   "a\r\nb\rc\nd" -> breaks after offsets 3, 5, 7
_LINE_BREAK: Final = regex.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps a code-point offset in ``text`` to ``(line, column)``, both 1-based."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of the character at ``offset`` (or one past the end)."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def end_position(self, end: int) -> tuple[int, int]:
        """Line and exclusive end column of a span ending at ``end``."""
        if end <= 0:
            return 1, 1
        line, column = self.position(end - 1)
        return line, column + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._starts[line - 1]
        stop = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:stop].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        """Number of lines (a final line break does not open an empty last line)."""
        return len(self._starts)
