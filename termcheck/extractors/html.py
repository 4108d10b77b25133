"""HTML prose: text nodes and ``alt``/``title`` values, entities decoded in place.

A small tokenizer after the HTML standard's (tags, attributes, comments, raw
text elements); unlike ``html.parser`` on older Pythons it stays linear on
hostile input such as thousands of unclosed ``<a`` tags.
"""

from __future__ import annotations

import html
import html.entities
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
_RAW_TEXT: Final = {
    name: regex.compile(rf"</{name}(?=[\s/>]|$)", regex.IGNORECASE)
    for name in ("script", "style")
}
_PROSE_ATTRIBUTES: Final = frozenset({"alt", "title"})
# A tag name after "<" or "</".  "<h1 class" -> "h1"
_TAG_NAME: Final = regex.compile(r"[A-Za-z][^\s/>]*")
# An attribute name, and an unquoted value.  'alt=x' -> "alt", "x"
_ATTRIBUTE_NAME: Final = regex.compile(r"[^\s/>=][^\s/>=]*")
_UNQUOTED: Final = regex.compile(r"[^\s>]+")
# A character reference: named (semicolon optional, as browsers read legacy
# ones), decimal or hexadecimal.  "&amp;" "&nbsp" "&#233;" "&#x2014;"
_REFERENCE: Final = regex.compile(
    r"&(?:[A-Za-z][A-Za-z0-9]*;?|#[0-9]+;?|#[xX][0-9A-Fa-f]+;?)"
)

_Attribute = tuple[str, int, int]  # lower-case name, value start, value end


def extract(text: str) -> Extraction:
    """Mask all but the text nodes and the ``alt``/``title`` values."""
    mask = Mask(text, hidden=True)
    _Scanner(mask).run()
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


class _Scanner:
    """Walks the document and shows what a reader of the rendered page reads."""

    def __init__(self, mask: Mask) -> None:
        self.mask = mask
        self.text = mask.text
        self.open: list[tuple[str, bool]] = []  # (tag, not prose)
        self.open_counts: dict[str, int] = {}  # how many of each tag are open
        self.skipping = 0

    def run(self) -> None:
        text, position = self.text, 0
        while position < len(text):
            bracket = text.find("<", position)
            stop = len(text) if bracket < 0 else bracket
            if not self.skipping:
                show_decoded(self.mask, position, stop)
            if bracket < 0:
                return
            position = self.markup(bracket)

    def markup(self, at: int) -> int:
        """Handle what starts with ``<`` at ``at``; return where text resumes."""
        text = self.text
        if text.startswith("<!--", at):
            return self.comment(at)
        following = text[at + 1 : at + 2]
        if following in ("!", "?"):  # doctype, CDATA, processing instruction
            return self.until_bracket(at, at + 2)
        if following == "/" and _TAG_NAME.match(text, at + 2):
            return self.end_tag(at)
        if _TAG_NAME.match(text, at + 1):
            return self.start_tag(at)
        if not self.skipping:
            self.mask.show(at, at + 1)  # a lone "<" is text
        return at + 1

    def until_bracket(self, at: int, position: int, *, barrier: bool = True) -> int:
        """One past the ``>`` after ``position``; the markup from ``at`` is hidden."""
        close = self.text.find(">", position)
        if barrier:
            self.mask.barrier(at, at + 1)
        return len(self.text) if close < 0 else close + 1

    def comment(self, at: int) -> int:
        text = self.text
        if text.startswith(("<!-->", "<!--->"), at):  # empty comments
            return text.index(">", at) + 1
        close = text.find("-->", at + 4)
        body_end = len(text) if close < 0 else close
        self.mask.barrier(at, at + 1)
        self.mask.comment(at + 4, body_end)
        return len(text) if close < 0 else close + 3

    def end_tag(self, at: int) -> int:
        name_match = _TAG_NAME.match(self.text, at + 2)
        assert name_match is not None
        name = name_match.group().lower()
        if self.open_counts.get(name):  # else the stack is not searched: linear time
            while True:
                tag, skip = self.open.pop()
                self.skipping -= skip
                self.open_counts[tag] -= 1
                if tag == name:
                    break
        inline = name in INLINE_ELEMENTS
        return self.until_bracket(at, name_match.end(), barrier=not inline)

    def start_tag(self, at: int) -> int:
        name_match = _TAG_NAME.match(self.text, at + 1)
        assert name_match is not None
        name = name_match.group().lower()
        parsed = self.attributes(name_match.end())
        if parsed is None:  # the tag runs to the end of the file
            return len(self.text)
        end, attributes, closed = parsed
        skip = name in SKIPPED_ELEMENTS or any(
            attribute == "translate" and self.text[a:b].strip().lower() == "no"
            for attribute, a, b in attributes
        )
        if name not in INLINE_ELEMENTS or skip:
            self.mask.barrier(at, at + 1)
        if not self.skipping and not skip:
            for attribute, start, stop in attributes:
                if attribute in _PROSE_ATTRIBUTES:
                    self.mask.barrier(start - 1, start)
                    show_decoded(self.mask, start, stop)
                    self.mask.barrier(stop, stop + 1)
        if name in _RAW_TEXT and not closed:  # script and style: no tags inside
            found = _RAW_TEXT[name].search(self.text, end)
            return len(self.text) if found is None else found.start()
        if not closed and name not in _VOID:
            self.open.append((name, skip))
            self.open_counts[name] = self.open_counts.get(name, 0) + 1
            self.skipping += skip
        return end

    def attributes(self, position: int) -> tuple[int, list[_Attribute], bool] | None:
        """Read attributes up to the tag's ``>``: (end, attributes, self-closed)."""
        text = self.text
        found: list[_Attribute] = []
        closed = False
        while True:
            position = _skip_space(text, position)
            if position >= len(text):
                return None
            char = text[position]
            if char == ">":
                return position + 1, found, closed
            closed = char == "/"
            if closed:
                position += 1
                continue
            name = _ATTRIBUTE_NAME.match(text, position)
            if name is None:  # a stray "=": skip it
                position += 1
                continue
            position = _skip_space(text, name.end())
            if text[position : position + 1] != "=":
                continue
            position = _skip_space(text, position + 1)
            quote = text[position : position + 1]
            if quote in ("'", '"'):
                close = text.find(quote, position + 1)
                if close < 0:
                    return None
                found.append((name.group().lower(), position + 1, close))
                position = close + 1
            else:
                value = _UNQUOTED.match(text, position)
                stop = value.end() if value else position
                found.append((name.group().lower(), position, stop))
                position = stop


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
