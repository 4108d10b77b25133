"""Block quotations of each markup: Markdown ``>``, HTML ``<blockquote>``/``<q>``,
reStructuredText block quotes, AsciiDoc quote blocks, LaTeX ``quote``.

Each reader takes the original text and returns the quoted spans and the
offsets of paragraph breaks that only the markup shows (HTML block tags), in
one pass over the lines or the tags. Only what the markup states is a quote;
an element opened and never closed quotes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

import regex

from termcheck.extractors.mask import split_lines

__all__ = ["BLOCK_QUOTES", "BlockQuotes", "block_quotes"]

Spans = list[tuple[int, int]]
BlockQuotes = tuple[Spans, list[int]]
"""Quoted spans, and extra paragraph breaks (sorted offsets)."""

# A Markdown block quote line, also inside list items.  "  - > text" -> quoted
_MD_QUOTE: Final = regex.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*>")
# A line that starts another block, so a quote's lazy continuation ends.
_MD_BLOCK: Final = regex.compile(r"[ \t]*(?:#|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|<)")
# HTML quote elements and block tags.  "<q cite=x>" "</blockquote >" "<p>"
_HTML_TAG: Final = regex.compile(
    r"<(?P<close>/?)(?P<name>blockquote|q|p|div|li|ul|ol|dl|dt|dd|td|th|tr|table"
    r"|h[1-6]|section|article|header|footer|nav|aside|figure|figcaption|main"
    r"|pre|hr|details|summary|body)(?=[\s/>])[^<>]*>",
    regex.IGNORECASE,
)
_HTML_QUOTES: Final = frozenset({"blockquote", "q"})
# reStructuredText: explicit markup, list items, fields, quote directives.
#   ".. note::" "- item" "1. item" "#) item" ":field: x"
_RST_EXPLICIT: Final = regex.compile(r"\.\.(?:[ \t]|$)")
_RST_QUOTE_DIRECTIVE: Final = regex.compile(
    r"\.\.[ \t]+(?:epigraph|pull-quote|highlights)::(?=[ \t]|$)"
)
_RST_ITEM: Final = regex.compile(
    r"(?:[-*+\u2022\u2023\u2043]|\(?(?:\d+|[a-zA-Z]|#)[.)])(?:[ \t]+|$)"
)
_RST_OTHER: Final = regex.compile(r":[^:\s][^:]*:(?:[ \t]|$)|[+=]{3,}|>>>")
# AsciiDoc: delimiters, quote styles, verbatim blocks.
#   "____" "[quote, Author]" "[verse]" "----"
_ADOC_DELIMITER: Final = regex.compile(r"(?:_{4,}|-{4,}|\.{4,}|\+{4,}|/{4,}|--)[ \t]*")
_ADOC_QUOTE_STYLE: Final = regex.compile(r"\[(?:quote|verse)\b[^\]]*\][ \t]*")
# LaTeX quote environments and csquotes commands, with what could hide braces.
_TEX: Final = regex.compile(
    r"\\(?P<env>begin|end)[ \t]*\{(?P<name>quote|quotation|verse)\}"
    r"|\\(?:enquote|textquote)\*?(?:\[[^\]\r\n]*\])?(?P<command>\{)"
    r"|\\[\\{}%]|%[^\r\n]*|(?P<open>\{)|(?P<close>\})"
)


def _none(_text: str) -> BlockQuotes:
    return [], []


def _markdown(text: str) -> BlockQuotes:
    """``>`` lines and their lazy continuation lines; HTML quote elements."""
    spans: Spans = []
    quoting = False
    for line in split_lines(text):
        if _MD_QUOTE.match(text, line.start, line.end):
            quoting = True
        else:
            blank = not text[line.start : line.end].strip()
            ends = blank or _MD_BLOCK.match(text, line.start, line.end)
            quoting = quoting and not ends  # lazy continuation of a quote
        if quoting:
            spans.append((line.start, line.end))
    quoted, boundaries = _html(text)
    return spans + quoted, boundaries


def _html(text: str) -> BlockQuotes:
    """``<blockquote>`` and ``<q>`` elements; block tags end paragraphs."""
    spans: Spans = []
    boundaries: list[int] = []
    open_at: dict[str, int] = {}
    depth: dict[str, int] = {}
    for tag in _HTML_TAG.finditer(text):
        name = tag.group("name").lower()
        if name not in _HTML_QUOTES:
            boundaries.append(tag.start())
            continue
        if name == "blockquote":
            boundaries.append(tag.start())
        level = depth.get(name, 0)
        if not tag.group("close"):
            if level == 0:
                open_at[name] = tag.start()
            depth[name] = level + 1
        elif level > 0:
            depth[name] = level - 1
            if level == 1:
                spans.append((open_at[name], tag.end()))
    return spans, boundaries


def _rst(text: str) -> BlockQuotes:
    """Indented blocks after a paragraph, and epigraph/pull-quote/highlights bodies."""
    spans: Spans = []
    blank = True  # a blank line (or the start) came before
    quote = -1  # indent of the block quote under way (-1: none)
    owner, owner_quotes = -1, False  # a directive or "::" owns deeper lines
    context, text_before = 0, False  # the last paragraph's content indent, kind
    for line in split_lines(text):
        content = text[line.start : line.end]
        body = content.lstrip(" \t")
        if not body:
            blank = True
            continue
        indent = len(content[: len(content) - len(body)].expandtabs(8))
        if quote >= 0 and indent >= quote:
            spans.append((line.start, line.end))
            blank = False
            continue
        quote = -1
        if owner >= 0 and indent > owner:
            if owner_quotes:
                spans.append((line.start, line.end))
            blank = False
            continue
        owner = -1
        if blank and text_before and indent > context:
            quote = indent
            spans.append((line.start, line.end))
            blank = False
            continue
        blank = False
        if _RST_EXPLICIT.match(body):
            owner, owner_quotes = indent, bool(_RST_QUOTE_DIRECTIVE.match(body))
            text_before = False
            continue
        if body.rstrip().endswith("::"):
            owner, owner_quotes = indent, False
        item = _RST_ITEM.match(body)
        context = indent + (item.end() if item else 0)
        text_before = not _RST_OTHER.match(body)
    return spans, []


def _asciidoc(text: str) -> BlockQuotes:
    """``____`` blocks, ``[quote]``/``[verse]`` paragraphs and blocks, ``>`` lines."""
    spans: Spans = []
    verbatim = ""  # the delimiter closing a listing/literal/pass/comment block
    open_blocks: list[tuple[str, int, bool]] = []  # delimiter, start, quoting
    styled = False  # a [quote] line: the next block or paragraph is a quote
    paragraph = -1  # start of a [quote] paragraph under way
    for line in split_lines(text):
        content = text[line.start : line.end].rstrip(" \t")
        if verbatim:
            verbatim = "" if content == verbatim else verbatim
            continue
        if paragraph >= 0 and not content:
            spans.append((paragraph, line.start))
            paragraph = -1
        if _ADOC_DELIMITER.fullmatch(content):
            if open_blocks and open_blocks[-1][0] == content:
                _delimiter, start, quoting = open_blocks.pop()
                if quoting:
                    spans.append((start, line.end))
            elif content[0] in "-./+" and content != "--":
                verbatim = content
            else:
                quoting = content.startswith("_") or styled
                open_blocks.append((content, line.start, quoting))
            styled = False
            continue
        if _ADOC_QUOTE_STYLE.fullmatch(content):
            styled = True
            continue
        if styled and content and paragraph < 0:
            paragraph, styled = line.start, False
        if content.startswith(">"):
            spans.append((line.start, line.end))
    if paragraph >= 0:
        spans.append((paragraph, len(text)))
    return spans, []


def _latex(text: str) -> BlockQuotes:
    """``quote``, ``quotation`` and ``verse`` environments; ``\\enquote{…}``."""
    spans: Spans = []
    depth, start = 0, 0
    braces: list[int] = []  # open braces; negative: an \enquote{ at -(offset + 1)
    for found in _TEX.finditer(text):
        if found.group("env"):
            if found.group("env") == "begin":
                start = found.start() if depth == 0 else start
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0:
                    spans.append((start, found.end()))
        elif found.group("command"):
            braces.append(-(found.start() + 1))
        elif found.group("open"):
            braces.append(found.start())
        elif found.group("close") and braces:
            opened = braces.pop()
            if opened < 0:
                spans.append((-opened - 1, found.end()))
    return spans, []


BLOCK_QUOTES: Final[Mapping[str, Callable[[str], BlockQuotes]]] = {
    "plain": _none,
    "markdown": _markdown,
    "html": _html,
    "rst": _rst,
    "latex": _latex,
    "asciidoc": _asciidoc,
}
"""The block quotation reader of each markup."""


def block_quotes(text: str, markup: str) -> BlockQuotes:
    """The block quotations of ``text`` read as ``markup`` (unknown: none)."""
    return BLOCK_QUOTES.get(markup, _none)(text)
