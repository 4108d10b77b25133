"""reStructuredText prose: a line scanner for blocks, a regex pass for inline markup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from termcheck.extractors.mask import Extraction, Line, Mask, split_lines
from termcheck.extractors.rst_inline import KINDS, inline_matches

__all__ = ["CODE_DIRECTIVES", "PROSE_ROLES", "extract"]

CODE_DIRECTIVES: Final = frozenset(
    "code code-block sourcecode literalinclude highlight parsed-literal math raw "
    "include toctree index graphviz graph digraph doctest testcode testoutput "
    "testsetup testcleanup ipython jupyter-execute code-cell productionlist "
    "mermaid plantuml csv-table-file".split()
)
"""Directives whose whole block (arguments, options, content) is not prose."""

_PROSE_ARGUMENT: Final = frozenset(
    "note warning tip hint important caution danger error attention seealso "
    "admonition topic sidebar rubric table list-table csv-table deprecated "
    "versionadded versionchanged todo centered".split()
)
PROSE_ROLES: Final = frozenset(
    "emphasis strong title-reference title t sub subscript sup superscript abbr "
    "term dfn guilabel menuselection".split()
)
"""Roles whose text is shown as written; other roles name a target or code."""
_CODE_ROLES: Final = frozenset(
    "code math literal samp kbd file command program envvar option makevar "
    "regexp".split()
)

# An explicit markup start: ".. " (or ".." alone) and what follows it.
#   ".. note:: Hi" -> directive "note", argument "Hi"
_DIRECTIVE: Final = regex.compile(r"\.\.[ \t]+(?P<name>[\w:+.-]+?)::(?=[ \t]|$)")
_FOOTNOTE: Final = regex.compile(r"\.\.[ \t]+\[[^\]\s]+\](?=[ \t]|$)")
_TARGET: Final = regex.compile(r"\.\.[ \t]+(?:_|\|)")
_FIELD: Final = regex.compile(r":(?:[^:\s]|\\:)(?:[^:]|\\:)*:(?=[ \t]|$)")
# A role's or link's text with an explicit target.  "Title <target>" -> Title
_TITLED: Final = regex.compile(r"(?P<title>.*?\S)\s*<[^<>]+>", regex.DOTALL)


@dataclass(slots=True)
class _State:
    """Where the block scanner is between lines."""

    skip_indent: int = -1  # hide lines indented deeper than this (-1: none)
    until_blank: bool = False  # hide lines up to the next blank one
    options: bool = False  # directive options may follow
    literal_after: int = -1  # a paragraph ended with "::" at this indent
    saw_blank: bool = False
    paragraph: tuple[int, int] | None = None  # prose waiting for the inline pass


def extract(text: str) -> Extraction:
    """Mask literal blocks, code directives, options, roles' targets and comments."""
    mask = Mask(text)
    state = _State()
    for line in split_lines(text):
        _line(mask, state, line)
    _flush(mask, state)
    return mask.extraction()


def _line(mask: Mask, state: _State, line: Line) -> None:
    content = mask.text[line.start : line.end]
    body = content.lstrip(" \t")
    indent = len(content) - len(body)
    if not body.strip():
        _flush(mask, state)
        state.until_blank = state.options = False
        state.saw_blank = True
        return
    if _skipped(mask, state, line, indent):
        return
    state.saw_blank = False
    start = line.start + indent
    if body.startswith("..") and (len(body) == 2 or body[2] in " \t"):
        _flush(mask, state)
        _explicit(mask, state, start, line.end, indent)
        return
    if state.options and body.startswith(":"):
        mask.hide(start, line.end)
        return
    state.options = False
    if body.startswith(">>>"):
        _flush(mask, state)
        mask.hide(start, line.end, barrier=True)
        state.until_blank = True
        return
    field = _FIELD.match(body)
    if field:
        _flush(mask, state)
        mask.hide(start, start + field.end(), barrier=True)
        start += field.end()
    first = state.paragraph[0] if state.paragraph else start
    state.paragraph = (first, line.end)
    if body.rstrip().endswith("::"):
        state.literal_after = indent


def _skipped(mask: Mask, state: _State, line: Line, indent: int) -> bool:
    """Hide the line if it belongs to a block that is not prose."""
    if state.until_blank:
        mask.hide(line.start, line.end)
        return True
    if state.skip_indent >= 0:
        if indent > state.skip_indent:
            mask.hide(line.start, line.end)
            return True
        state.skip_indent = -1
    if state.literal_after >= 0:
        literal_indent, state.literal_after = state.literal_after, -1
        if state.saw_blank and indent > literal_indent:  # "Para::", blank, indented
            _flush(mask, state)
            state.skip_indent = literal_indent
            mask.hide(line.start, line.end, barrier=True)
            return True
    return False


def _explicit(mask: Mask, state: _State, start: int, end: int, indent: int) -> None:
    """A line starting with ``..``: directive, footnote, target or comment."""
    text = mask.text
    directive = _DIRECTIVE.match(text, start, end)
    if directive:
        name = directive.group("name").lower()
        if name in CODE_DIRECTIVES or name.startswith("auto"):
            mask.hide(start, end, barrier=True)
            state.skip_indent = indent
            return
        mask.hide(start, directive.end(), barrier=True)
        if name in _PROSE_ARGUMENT:
            state.paragraph = (directive.end(), end)
        else:
            mask.hide(directive.end(), end)
        state.options = True
        return
    footnote = _FOOTNOTE.match(text, start, end)
    if footnote:
        mask.hide(start, footnote.end(), barrier=True)
        state.paragraph = (footnote.end(), end)
        return
    mask.hide(start, end, barrier=True)
    state.skip_indent = indent
    if not _TARGET.match(text, start, end):
        mask.comment(start + 2, end)


def _flush(mask: Mask, state: _State) -> None:
    """Run the inline pass over the paragraph gathered so far."""
    if state.paragraph is None:
        return
    start, end = state.paragraph
    state.paragraph = None
    for found in inline_matches(mask.text, start, end):
        _inline(mask, found)


def _inline(mask: Mask, found: regex.Match[str]) -> None:
    start, end = found.span()
    kind = next(name for name in KINDS if found.group(name) is not None)
    if kind in ("literal", "subst", "footnote"):
        mask.hide(start, end, barrier=True)
    elif kind in ("open", "close", "ref"):
        mask.hide(start, end)
    elif kind == "role":
        _role(mask, found.group("role"), start, end, found.span("roled"))
    elif kind == "text":
        post = found.group("post") or ""
        if post.startswith(":"):
            _role(mask, post, start, end, found.span("text"))
        else:  # `title <url>`_ or `title reference`: the title is prose
            _titled(mask, start, end, found.span("text"), bare_is_prose=True)


def _role(mask: Mask, role: str, start: int, end: int, inner: tuple[int, int]) -> None:
    """Hide a role's markup; its text is prose for prose roles and titled refs."""
    name = role.strip(":").lower()
    if name in PROSE_ROLES:
        _titled(mask, start, end, inner, bare_is_prose=True)
    elif name in _CODE_ROLES or name.startswith("py:") or ":" in name:
        mask.hide(start, end, barrier=True)
    else:
        _titled(mask, start, end, inner, bare_is_prose=False)


def _titled(
    mask: Mask, start: int, end: int, inner: tuple[int, int], *, bare_is_prose: bool
) -> None:
    """Show ``title`` of ``title <target>``; hide the rest of the markup."""
    titled = _TITLED.fullmatch(mask.text, *inner)
    if titled:
        mask.hide(start, inner[0])
        mask.hide(titled.end("title"), end)
    elif bare_is_prose:
        mask.hide(start, inner[0])
        mask.hide(inner[1], end)
    else:
        mask.hide(start, end, barrier=True)
