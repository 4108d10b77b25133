"""HTML prose: text nodes and ``alt``/``title`` values, entities decoded in place."""

from __future__ import annotations

import html
import html.entities
from html.parser import HTMLParser
from typing import Final

import regex

from termcheck.extractors.mask import Extraction, Mask

__all__ = ["INLINE_ELEMENTS", "SKIPPED_ELEMENTS", "extract", "show_decoded"]

SKIPPED_ELEMENTS: Final = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "template", "svg", "math"}
)
"""Elements whose content is never prose (nor is an element with translate="no")."""

INLINE_ELEMENTS: Final = frozenset(
    "a abbr b bdi bdo big br cite data del dfn em font i ins mark nobr q s small "
    "span strong sub sup time tt u var wbr".split()
)
"""Elements that sit inside a sentence: a phrase runs across their tags."""

_VOID: Final = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_PROSE_ATTRIBUTES: Final = frozenset({"alt", "title"})
# One attribute of a start tag; group 2, 3 or 4 holds the value.
#   'alt="A &amp; B" hidden' -> ("alt", "A &amp; B"), ("hidden", -)
_ATTRIBUTE: Final = regex.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
# A character reference: named (semicolon optional, as browsers read legacy
# ones), decimal or hexadecimal.  "&amp;" "&nbsp" "&#233;" "&#x2014;"
_REFERENCE: Final = regex.compile(
    r"&(?:[A-Za-z][A-Za-z0-9]*;?|#[0-9]+;?|#[xX][0-9A-Fa-f]+;?)"
)


def extract(text: str) -> Extraction:
    """Mask all but the text nodes and the ``alt``/``title`` values."""
    mask = Mask(text, hidden=True)
    scanner = _Scanner(text, mask)
    # HTMLParser counts only "\n" as a line break; a same-length copy with every
    # "\r" turned into "\n" keeps its (line, column) positions one to one.
    scanner.feed(text.replace("\r", "\n"))
    scanner.close()
    return mask.extraction()


def show_decoded(mask: Mask, start: int, end: int) -> None:
    """Show ``[start, end)`` with each character reference decoded at its place."""
    position = start
    for reference in _REFERENCE.finditer(mask.text, start, end):
        mask.show(position, reference.start())
        _put_reference(mask, reference.start(), reference.end())
        position = reference.end()
    mask.show(position, end)


def _put_reference(mask: Mask, start: int, end: int) -> None:
    """Decode one whole reference; anything else stays text as written."""
    raw = mask.text[start:end]
    known = raw.startswith("&#") or raw[1:] in html.entities.html5
    decoded = html.unescape(raw) if known else raw
    if decoded == raw:
        mask.show(start, end)
    else:
        mask.put(start, end, decoded)


class _Scanner(HTMLParser):
    """Walks the document and shows what a reader of the rendered page reads."""

    def __init__(self, text: str, mask: Mask) -> None:
        super().__init__(convert_charrefs=False)
        self._text = text
        self._mask = mask
        self._starts = [0]
        self._starts.extend(i + 1 for i, char in enumerate(text) if char in "\r\n")
        self._open: list[tuple[str, bool]] = []  # (tag, not prose)
        self._skipping = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(
        self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool
    ) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        skip = tag in SKIPPED_ELEMENTS or any(
            name == "translate" and (value or "").strip().lower() == "no"
            for name, value in attrs
        )
        if tag not in INLINE_ELEMENTS or skip:
            self._mask.barrier(start, start + 1)
        if not self._skipping and not skip:
            self._attributes(start, raw, len(tag) + 1)
        if not closed:
            self._open.append((tag, skip))
            self._skipping += skip

    def _attributes(self, start: int, raw: str, name_end: int) -> None:
        for attribute in _ATTRIBUTE.finditer(raw, name_end):
            if attribute.group(1).lower() not in _PROSE_ATTRIBUTES:
                continue
            group = next((g for g in (2, 3, 4) if attribute.group(g) is not None), 0)
            if not group:
                continue
            value_start = start + attribute.start(group)
            value_end = start + attribute.end(group)
            self._mask.barrier(value_start - 1, value_start)
            show_decoded(self._mask, value_start, value_end)
            self._mask.barrier(value_end, value_end + 1)

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE_ELEMENTS:
            start = self._offset()
            self._mask.barrier(start, start + 1)
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                self._skipping -= sum(skip for _, skip in self._open[depth:])
                del self._open[depth:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            start = self._offset()
            self._mask.show(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, size: int) -> None:
        if self._skipping:
            return
        start = self._offset()
        end = start + size
        if self._text[end : end + 1] == ";":
            end += 1
        _put_reference(self._mask, start, end)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self._mask.barrier(start, start + 1)
        self._mask.comment(start + 4, start + 4 + len(data))
