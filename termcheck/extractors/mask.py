"""The masked copy an extractor builds: same length, line breaks kept, prose shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

__all__ = ["BARRIER", "Extraction", "Line", "Mask", "blank", "split_lines"]

BARRIER: Final = "."
"""Written into a masked span that must also end a phrase (code, math, cell edges).

A space joins the words on both sides into one phrase (right for ``*human*`` or
``<em>``); a barrier does not, as punctuation in the original would not.
"""

# Anything but a line break: what masking turns into spaces.
#   "a\r\nb" -> "  \r\n "
_NOT_BREAK: Final = regex.compile(r"[^\r\n]")
# Line breaks as LineIndex counts them; U+2028/U+2029 and form feeds are not ones.
#   "a\r\nb\rc" -> breaks at 1-3 and 4-5
_BREAK: Final = regex.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Extraction:
    """An extractor's result.

    ``masked`` has the length and line breaks of the original text; everything
    that is not prose is a space (or a :data:`BARRIER`). ``comments`` are the
    ``(start, end)`` offsets of the bodies of the file's comments, where inline
    ``termcheck:`` directives may stand.
    """

    masked: str
    comments: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``start``/``end`` bound its content, ``next`` its break."""

    start: int
    end: int
    next: int


def blank(text: str) -> str:
    """``text`` with every character but the line breaks turned into a space."""
    return _NOT_BREAK.sub(" ", text)


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` as editors count them (CRLF, CR, LF)."""
    lines: list[Line] = []
    start = 0
    for brk in _BREAK.finditer(text):
        lines.append(Line(start, brk.start(), brk.end()))
        start = brk.end()
    lines.append(Line(start, len(text), len(text)))
    return lines


class Mask:
    """A masked copy of ``text`` under construction."""

    __slots__ = ("_chars", "_comments", "text")

    def __init__(self, text: str, *, hidden: bool = False) -> None:
        self.text = text
        self._chars = list(_NOT_BREAK.sub(" ", text) if hidden else text)
        self._comments: list[tuple[int, int]] = []

    def hide(self, start: int, end: int, *, barrier: bool = False) -> None:
        """Blank ``[start, end)``; with ``barrier``, the span also ends a phrase."""
        if end <= start:
            return
        self._chars[start:end] = _NOT_BREAK.sub(" ", self.text[start:end])
        if barrier:
            self.barrier(start, end)

    def show(self, start: int, end: int) -> None:
        """Copy ``[start, end)`` of the original text into the masked copy."""
        if end > start:
            self._chars[start:end] = self.text[start:end]

    def put(self, start: int, end: int, value: str) -> None:
        """Stand ``value`` (say a decoded entity) for ``[start, end)``, space-padded."""
        value = " " if value.isspace() else value[: end - start]
        self._chars[start:end] = value.ljust(end - start)

    def barrier(self, start: int, end: int | None = None) -> None:
        """Write a barrier on the span's first position if it is blank.

        A line break or a visible character there is left alone.
        """
        stop = len(self._chars) if end is None else min(end, len(self._chars))
        if 0 <= start < stop and self._chars[start] == " ":
            self._chars[start] = BARRIER

    def overlay(self, offset: int, inner: Extraction) -> None:
        """Copy an extraction of ``text[offset:offset + len]`` into this mask."""
        self._chars[offset : offset + len(inner.masked)] = inner.masked
        self._comments.extend((offset + a, offset + b) for a, b in inner.comments)

    def comment(self, start: int, end: int) -> None:
        """Record ``[start, end)`` as a comment body (where directives may be)."""
        self._comments.append((start, end))

    def extraction(self) -> Extraction:
        """The finished result."""
        return Extraction("".join(self._chars), tuple(sorted(self._comments)))
