"""Write a replacement so that it reads as text in the markup it lands in.

One escaper per markup, in a registry written out by hand: LaTeX gets ``\\&``
for ``&``, HTML ``&amp;``, Markdown and reStructuredText a backslash before
what would start emphasis, code, a link or a list; AsciiDoc, where a backslash
shows wherever it escapes nothing, refuses a replacement holding markup.
A refusal is a :class:`Refusal` with the reason the fix report shows.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

import regex

from termcheck.extractors.mask import split_lines

__all__ = ["ESCAPERS", "Place", "Refusal", "escape"]


@dataclass(frozen=True, slots=True)
class Refusal:
    """A replacement that cannot be written safely here, and why."""

    reason: str


_LATEX: Final = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "{": r"\{",
        "}": r"\}",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
        "<": r"\textless{}",
        ">": r"\textgreater{}",
        "|": r"\textbar{}",
    }
)
_HTML_TEXT: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_HTML_ATTRIBUTE: Final = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
)
# Markdown: characters that start emphasis, code, links, tables, strikethrough
# or escapes anywhere; "<" before a tag or autolink; "&" before an entity.
#   "a*b" -> "a\*b";  "<b>" -> "\<b>";  "&amp;" -> "\&amp;"
_MARKDOWN: Final = regex.compile(
    r"[\\`*\[\]|~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|<(?=[A-Za-z/!?])"
    r"|&(?=#?\w+;)|!(?=\[)"
)
# Markdown and reStructuredText marks that open a block at a line's start.
#   "# x" "> x" "- x" "+ x" "* x" "1. x" "2) x"
_MARKDOWN_LINE: Final = regex.compile(r"(?:[#>]|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")
_RST: Final = regex.compile(r"[\\`*|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])")
_RST_LINE: Final = regex.compile(
    r"(?:\.\.|[-+*\u2022|:](?=\s|$)|>>>|#(?=[.)])|[\p{L}\p{N}]{1,9}(?=[.)](?:\s|$)))"
)
# AsciiDoc markup a replacement must not hold: formatting marks (a single *,
# _ or # inside a word is plain), passthroughs, attribute references, macros,
# cross references, replacements such as -> and (C), character references.
_ASCIIDOC: Final = regex.compile(
    r"[`^~+{}\[\]\\]|[*_#](?![\p{L}\p{N}])|(?<![\p{L}\p{N}])[*_#]|<<|>>|<-|->|=>|<="
    r"|--|\.\.\.|\((?:C|R|TM)\)|&#?\w+;"
)
_ASCIIDOC_LINE: Final = regex.compile(r"[=*\-.\[:/|>]|\d+\.")
_SEEN_AFTER: Final = 16  # characters after the span that a mark may look at
# Block marks a replacement may follow and still start a line's content.
_LINE_MARKS: Final = frozenset(" \t>-*+.)#0123456789")
# An HTML block in Markdown: a paragraph that opens with a tag.
_HTML_BLOCK_START: Final = regex.compile(r" {0,3}<[A-Za-z/!?]")


class Place:
    """Where replacements land in one text: lines, HTML tags, HTML blocks.

    What needs the whole text (tag and block positions) is found once, on
    first use, so escaping many replacements costs linear time.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._angles: tuple[list[int], list[int]] | None = None
        self._blocks: list[tuple[int, int]] | None = None

    def line_start(self, offset: int) -> bool:
        """Only white space and block marks (``>``, ``-``, ``1.``) stand before it."""
        position = offset - 1
        while position >= 0 and self.text[position] in _LINE_MARKS:
            position -= 1
        return position < 0 or self.text[position] in "\r\n"

    def in_tag(self, offset: int) -> bool:
        """Inside an HTML tag (an attribute value): after a ``<`` not yet closed."""
        if self._angles is None:
            opens = [m.start() for m in regex.finditer("<", self.text)]
            closes = [m.start() for m in regex.finditer(">", self.text)]
            self._angles = (opens, closes)
        opens, closes = self._angles
        last_open = bisect.bisect_left(opens, offset) - 1
        last_close = bisect.bisect_left(closes, offset) - 1
        return last_open >= 0 and (
            last_close < 0 or closes[last_close] < opens[last_open]
        )

    def in_html_block(self, offset: int) -> bool:
        """Inside a Markdown paragraph that opens with an HTML tag (raw HTML)."""
        if self._blocks is None:
            self._blocks = []
            start = -1
            for line in split_lines(self.text):
                if not self.text[line.start : line.end].strip():
                    if start >= 0:
                        self._blocks.append((start, line.start))
                    start = -1
                elif start < 0 and _HTML_BLOCK_START.match(
                    self.text, line.start, line.end
                ):
                    start = line.start
                elif start < 0:
                    start = -2  # a paragraph of Markdown: wait for a blank line
            if start >= 0:
                self._blocks.append((start, len(self.text)))
        slot = bisect.bisect_right(self._blocks, (offset, len(self.text) + 1)) - 1
        return slot >= 0 and self._blocks[slot][0] <= offset < self._blocks[slot][1]


Escaper = Callable[[str, Place, int, int], str | Refusal]
"""(replacement, place, start, end of the replaced span) -> text to write."""


def _plain(replacement: str, _place: Place, _start: int, _end: int) -> str:
    return replacement


def _latex(replacement: str, _place: Place, _start: int, _end: int) -> str:
    return replacement.translate(_LATEX)


def _html(replacement: str, place: Place, start: int, _end: int) -> str:
    table = _HTML_ATTRIBUTE if place.in_tag(start) else _HTML_TEXT
    return replacement.translate(table)


def _backslashed(
    replacement: str,
    place: Place,
    span: tuple[int, int],
    inline: regex.Pattern[str],
    line: regex.Pattern[str],
) -> str:
    """A backslash before each mark; before a block mark at a line's start too."""
    start, end = span
    before = place.text[start - 1 : start] if start else ""
    # The neighbours on both sides, so that marks at the ends see them.
    marked = before + replacement + place.text[end : end + _SEEN_AFTER]
    stop = len(before) + len(replacement)
    pieces, position = [], len(before)
    for found in inline.finditer(marked, len(before)):
        if found.start() >= stop:
            break
        pieces += [marked[position : found.start()], "\\", found.group()]
        position = found.end()
    escaped = "".join([*pieces, marked[position:stop]])
    if place.line_start(start) and (opening := line.match(escaped)):
        cut = opening.end() if opening.group()[-1:].isdigit() else 0
        escaped = escaped[:cut] + "\\" + escaped[cut:]
    return escaped


def _markdown(replacement: str, place: Place, start: int, end: int) -> str:
    if place.in_tag(start):
        return replacement.translate(_HTML_ATTRIBUTE)
    if place.in_html_block(start):
        return replacement.translate(_HTML_TEXT)
    return _backslashed(replacement, place, (start, end), _MARKDOWN, _MARKDOWN_LINE)


def _rst(replacement: str, place: Place, start: int, end: int) -> str | Refusal:
    if "::" in replacement:
        return Refusal(
            'the replacement holds "::", which reStructuredText reads as the start '
            "of a literal block; edit by hand"
        )
    return _backslashed(replacement, place, (start, end), _RST, _RST_LINE)


def _asciidoc(replacement: str, place: Place, start: int, _end: int) -> str | Refusal:
    marks = sorted({m.group() for m in _ASCIIDOC.finditer(replacement)})
    if place.line_start(start) and _ASCIIDOC_LINE.match(replacement):
        marks.insert(0, replacement[0])
    if not marks:
        return replacement
    shown = " ".join(marks)
    return Refusal(
        f"the replacement holds AsciiDoc markup ({shown}), which would change how "
        "the text renders; edit by hand"
    )


ESCAPERS: Final[Mapping[str, Escaper]] = {
    "plain": _plain,
    "markdown": _markdown,
    "html": _html,
    "rst": _rst,
    "latex": _latex,
    "asciidoc": _asciidoc,
}
"""The escaper of each markup (the names of ``--markup``)."""


def escape(
    markup: str, replacement: str, place: Place, start: int, end: int
) -> str | Refusal:
    """``replacement`` of ``place.text[start:end]`` as it must be written there."""
    return ESCAPERS.get(markup, _plain)(replacement, place, start, end)
