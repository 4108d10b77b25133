"""AsciiDoc prose: a line scanner for blocks, a regex pass for inline markup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from termcheck.extractors.asciidoc_inline import inline_matches
from termcheck.extractors.mask import Extraction, Line, Mask, split_lines

__all__ = ["VERBATIM_DELIMITERS", "extract"]

VERBATIM_DELIMITERS: Final = frozenset("-.+/")
"""Delimited blocks that are not prose: listing ----, literal ...., pass ++++,
comment ////."""

# A block delimiter line: four or more of one character (or an open block "--").
#   "----" "......" "////" "===="
_DELIMITER: Final = regex.compile(r"([-.+/=*_])\1{3,}[ \t]*|--[ \t]*")
# A block attribute line that makes the next paragraph or block verbatim.
#   "[source,python]" "[listing]" "[literal]"
_VERBATIM_STYLE: Final = regex.compile(
    r"\[(?:source|listing|literal|pass|stem|latexmath|asciimath)\b[^\]]*\][ \t]*"
)
# Other lines that carry no prose: attribute entries, block attributes, anchors,
# directives such as include:: and ifdef::.
#   ":toc: left" "[NOTE]" "[[anchor]]" "include::a.adoc[]"
_META: Final = regex.compile(
    r":!?[\w-]+!?:(?:[ \t].*)?|\[\[?[^\]]*\]\]?[ \t]*"
    r"|(?:include|ifdef|ifndef|ifeval|endif)::.*"
)
# A section title.  "== Section" "= Document"
_TITLE: Final = regex.compile(r"={1,6}[ \t]+\S")
_LABELLED_MACROS: Final = frozenset({"link", "xref", "mailto", "footnote", "image"})


@dataclass(slots=True)
class _State:
    """Where the line scanner is between lines."""

    closing: str = ""  # the delimiter that ends the current verbatim block
    verbatim_next: bool = False  # a [source] line: the next block is verbatim
    paragraph_verbatim: bool = False  # inside a verbatim paragraph
    literal_paragraph: bool = False  # inside an indented literal paragraph
    in_paragraph: bool = False


def extract(text: str) -> Extraction:
    """Mask listing/literal/pass/comment blocks, attribute lines and comments."""
    mask = Mask(text)
    state = _State()
    for line in split_lines(text):
        _line(mask, state, line)
    return mask.extraction()


def _line(mask: Mask, state: _State, line: Line) -> None:
    content = mask.text[line.start : line.end]
    if state.closing:
        mask.hide(line.start, line.end)
        if content.rstrip() == state.closing:
            state.closing = ""
        return
    if not content.strip():
        state.paragraph_verbatim = state.literal_paragraph = False
        state.in_paragraph = False
        return
    if state.paragraph_verbatim or state.literal_paragraph:
        mask.hide(line.start, line.end)
        return
    if content.startswith("//") and not content.startswith("////"):
        mask.hide(line.start, line.end, barrier=True)
        mask.comment(line.start + 2, line.end)
        return
    if _block_start(mask, state, line, content):
        return
    if _VERBATIM_STYLE.fullmatch(content):
        mask.hide(line.start, line.end, barrier=True)
        state.verbatim_next = True
        return
    if not state.in_paragraph and _META.fullmatch(content):
        mask.hide(line.start, line.end, barrier=True)
        return
    if state.verbatim_next or (not state.in_paragraph and content[0] in " \t"):
        state.verbatim_next = False
        state.paragraph_verbatim = True
        mask.hide(line.start, line.end, barrier=True)
        return
    # A section or document title is a block of its own: attribute entries may
    # follow it directly (the document header).
    state.in_paragraph = not _TITLE.match(content)
    _inline(mask, line)


def _block_start(mask: Mask, state: _State, line: Line, content: str) -> bool:
    """A delimiter line: open a verbatim block, or mark a prose block's edge."""
    delimiter = _DELIMITER.fullmatch(content)
    if delimiter is None:
        return False
    mask.hide(line.start, line.end, barrier=True)
    marker = content.rstrip()
    if (marker[0] in VERBATIM_DELIMITERS and marker != "--") or state.verbatim_next:
        state.closing = marker
    state.verbatim_next = False
    state.in_paragraph = False
    return True


def _inline(mask: Mask, line: Line) -> None:
    for found in inline_matches(mask.text, line.start, line.end):
        start, end = found.span()
        if found.group("code") or found.group("attribute") or found.group("pass"):
            mask.hide(start, end, barrier=True)
        elif found.group("macro"):
            name = found.group("macro").split(":", 1)[0]
            _labelled(mask, start, end, found.span("label"), name in _LABELLED_MACROS)
        elif found.group("url"):
            _labelled(mask, start, end, found.span("url_label"), True)
        elif found.group("xref"):
            _labelled(mask, start, end, found.span("xref_label"), True)
        else:
            mask.hide(start, end)  # a formatting mark: *strong*, _emphasis_


def _labelled(
    mask: Mask, start: int, end: int, label: tuple[int, int], shown: bool
) -> None:
    """Hide a macro or link but its label, when the label is prose."""
    if shown and label[0] >= 0 and label[1] > label[0]:
        mask.hide(start, label[0], barrier=True)
        mask.hide(label[1], end)
    else:
        mask.hide(start, end, barrier=True)
