"""The editor's copy of a document: incremental edits, offsets and LSP positions.

LSP lines end at CRLF, CR or LF only (as termcheck counts them; U+2028 or a
form feed is no line break), and a position's ``character`` counts the code
units of the negotiated encoding: UTF-16 (the default), UTF-32 (code points)
or UTF-8.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final

__all__ = ["Position", "TextDocument", "Units"]

_BREAK: Final = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Position:
    """A zero-based line and a character offset in code units."""

    line: int
    character: int


class Units:
    """Counts the code units of a position encoding: utf-16, utf-32 or utf-8."""

    def __init__(self, encoding: str = "utf-16") -> None:
        self.encoding = encoding

    def count(self, text: str) -> int:
        """Code units of ``text``."""
        if self.encoding == "utf-32" or text.isascii():
            return len(text)
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)

    def chars(self, line: str, units: int) -> int:
        """How many characters of ``line`` take ``units`` code units (clamped)."""
        if self.encoding == "utf-32" or line.isascii():
            return min(units, len(line))
        used = 0
        for index, char in enumerate(line):
            size = self.count(char)
            if used + size > units:
                return index
            used += size
        return len(line)


class TextDocument:
    """One open document: its text, version and line starts."""

    def __init__(self, uri: str, text: str, version: int | None, language: str) -> None:
        self.uri = uri
        self.version = version
        self.language = language
        self._text = text
        self._starts: list[int] | None = None

    @property
    def text(self) -> str:
        """The whole text."""
        return self._text

    def replace(self, text: str, version: int | None) -> None:
        """A full-text change."""
        self._text, self._starts, self.version = text, None, version

    def edit(self, start: Position, end: Position, new: str, units: Units) -> None:
        """Replace the range ``start``-``end`` (client positions) with ``new``."""
        first = self.offset_at(start, units)
        last = max(self.offset_at(end, units), first)
        self._text = self._text[:first] + new + self._text[last:]
        self._starts = None

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _BREAK.finditer(self._text))]
        return self._starts

    def line_text(self, line: int) -> str:
        """The text of a zero-based line, without its line break ("" past the end)."""
        starts = self._line_starts()
        if line >= len(starts):
            return ""
        stop = starts[line + 1] if line + 1 < len(starts) else len(self._text)
        return self._text[starts[line] : stop].rstrip("\r\n")

    def offset_at(self, position: Position, units: Units) -> int:
        """The code-point offset of a client position (clamped into the text)."""
        starts = self._line_starts()
        if position.line >= len(starts):
            return len(self._text)
        line = self.line_text(position.line)
        return starts[position.line] + units.chars(line, position.character)

    def position_at(self, offset: int, units: Units) -> Position:
        """The client position of a code-point offset."""
        starts = self._line_starts()
        line = bisect.bisect_right(starts, offset) - 1
        prefix = self._text[starts[line] : offset]
        return Position(line, units.count(prefix))

    def position_of(self, line: int, column: int, units: Units) -> Position:
        """The client position of termcheck's 1-based ``line``/``column``."""
        text = self.line_text(line - 1)
        return Position(line - 1, units.count(text[: column - 1]))
