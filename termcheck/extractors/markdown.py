"""Markdown prose: CommonMark blocks by markdown-it-py, inline spans placed by rule."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

import regex

from termcheck.extractors import html as html_extractor
from termcheck.extractors.mask import Extraction, Line, Mask, split_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

__all__ = ["extract"]

_RECORDS: Final = "termcheck.spans"  # the key of the span list in markdown-it's env
# Opening and closing lines of YAML (---) and TOML (+++) front matter.
_FRONT_MATTER: Final = {"---": ("---", "..."), "+++": ("+++",)}
# A front matter line whose value is prose: title and description, in YAML or
# TOML, quoted or not.  'title: "A B"' -> value 'A B'
_PROSE_KEY: Final = regex.compile(
    r"""[ \t]*(?:title|description)[ \t]*[:=][ \t]*"""
    r"""(?:"(?P<v>[^"]*)"|'(?P<v>[^']*)'|(?P<v>[^\s|>'"#](?:[^#]*[^# \t])?))"""
    r"""[ \t]*(?:\#.*)?"""
)
# Blocks whose lines the extractor decides on; others are containers or nothing.
_LEAVES: Final = frozenset({"inline", "fence", "code_block", "hr", "html_block"})
_MAX_NESTING: Final = 20  # markdown-it's commonmark preset: deeper is not parsed
# List and quote marks opening a line.  "  - > 1. text" -> "  - > 1. "
_CONTAINER_MARKS: Final = regex.compile(r"(?:[ \t]*(?:[-+*>]|\d{1,9}[.)])(?=\s|$))*\s*")
# The name of an inline HTML tag.  "</code >" -> ("/", "code")
_TAG: Final = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# What any recorded inline rule needs to match: without it only "newline" could,
# and with no indentation after a line break that hides nothing in the file.
_INLINE_MARKUP: Final = regex.compile(r"[\\`~*_\[!<&]|\n[ \t]")
# A pipe that ends a table cell; one after a backslash is in the cell.
_CELL_PIPE: Final = regex.compile(r"(?<!\\)\|")


@dataclass(slots=True)
class _Span:
    """Where one inline rule matched, in the coordinates of ``state.src``."""

    state: StateInline
    rule: str
    start: int
    end: int
    tokens: list[Token]
    label_end: int = -1  # links and images: where the text in brackets ends
    # Emphasis and strikethrough: which delimiter tokens became markup. CommonMark
    # leaves some runs as text (the "_" of snake_case, a lone "*"): those stay prose.
    markup: list[bool] = field(default_factory=list)


@dataclass(slots=True)
class _Row:
    """Where the pieces of one source line are: table cells share a line.

    Each piece is looked for after the one before, and a cell within two cells
    of its own (a search to the end of the line for each cell took quadratic
    time on a row of thousands).
    """

    cursor: int = 0
    pieces: int = 0
    pipes: list[int] | None = None

    def align(self, piece: str, source: str) -> list[int] | None:
        start, limit, number = self.cursor, len(source), self.pieces
        self.pieces += 1
        if number:
            if self.pipes is None:
                self.pipes = [pipe.start() for pipe in _CELL_PIPE.finditer(source)]
            if number - 1 < len(self.pipes):
                start = max(start, self.pipes[number - 1])
            if number + 1 < len(self.pipes):
                limit = self.pipes[number + 1]
        columns = _align(piece, source, start, limit)
        if columns and columns[-1] >= 0:
            self.cursor = columns[-1] + 1
        return columns


@dataclass(slots=True)
class _Inline:
    """One inline block's content and, per character, its offset in the file."""

    content: str
    offsets: list[int] = field(default_factory=list)  # -1: not in the file


def extract(text: str) -> Extraction:
    """Mask code, URLs, link targets, HTML and front matter; keep the prose."""
    mask = Mask(text, hidden=True)
    lines = split_lines(text)
    sources = [text[line.start : line.end].replace("\0", "\ufffd") for line in lines]
    _front_matter(mask, lines, sources)
    parser = _parser()
    env: dict[str, object] = {}
    rows: dict[int, _Row] = {}
    covered: set[int] = set()  # lines the parser turned into blocks we handled
    too_deep = False
    for token in parser.parse("\n".join(sources), env):
        too_deep |= token.nesting == 1 and token.level >= _MAX_NESTING - 1
        if token.map is None:
            continue
        first, last = token.map
        if token.type in _LEAVES:
            covered.update(range(first, max(last, first + 1)))
        if token.type == "inline":
            inline = _locate(token.content, first, lines, sources, rows)
            _show_inline(mask, parser, env, inline)
        elif token.type in ("fence", "code_block", "hr"):
            mask.barrier(lines[first].start, lines[first].end)
        elif token.type == "html_block":
            start, end = lines[first].start, lines[max(last - 1, first)].end
            mask.overlay(start, html_extractor.extract(text[start:end]))
    if too_deep:
        _show_too_deep(mask, lines, sources, covered)
    return mask.extraction()


def _show_too_deep(
    mask: Mask, lines: list[Line], sources: list[str], covered: set[int]
) -> None:
    """Lines markdown-it left unparsed below its nesting limit, as plain prose.

    Past ``maxNesting`` levels of lists or quotes, markdown-it skips the rest of
    the container (so that it cannot recurse without end); the text there is
    still checked, without its list and quote marks.
    """
    for number, line in enumerate(lines):
        if number in covered or not sources[number].strip():
            continue
        marks = _CONTAINER_MARKS.match(sources[number])
        skip = marks.end() if marks else 0
        mask.show(line.start + skip, line.end)


def _front_matter(mask: Mask, lines: list[Line], sources: list[str]) -> None:
    """Blank YAML/TOML front matter for the parser; show its title and description."""
    closers = _FRONT_MATTER.get(sources[0].rstrip())
    if closers is None:
        return
    end = next(
        (i for i in range(1, len(sources)) if sources[i].rstrip() in closers), None
    )
    if end is None:
        return
    mask.barrier(lines[0].start, lines[0].end)
    for number in range(end + 1):
        value = _PROSE_KEY.fullmatch(sources[number]) if 0 < number < end else None
        if value is not None:
            start = lines[number].start
            mask.show(start + value.start("v"), start + value.end("v"))
            mask.barrier(start, start + value.start("v"))
        sources[number] = ""


def _locate(
    content: str,
    first: int,
    lines: list[Line],
    sources: list[str],
    rows: dict[int, _Row],
) -> _Inline:
    """Map each character of an inline block's content back into the file.

    Content line ``j`` comes from source line ``first + j``, less the block's
    indentation and container markers; table cells share a line, so each line
    is a :class:`_Row`. A backslash the parser dropped (``\\|`` in a table) is
    skipped.
    """
    inline = _Inline(content)
    for j, piece in enumerate(content.split("\n")):
        number = first + j
        if j:
            inline.offsets.append(-1)  # the "\n" between content lines
        if number >= len(lines):
            inline.offsets.extend([-1] * len(piece))
            continue
        columns = rows.setdefault(number, _Row()).align(piece, sources[number])
        if columns is None:
            inline.offsets.extend([-1] * len(piece))
            continue
        base = lines[number].start
        inline.offsets.extend(base + c if c >= 0 else -1 for c in columns)
    return inline


def _align(piece: str, source: str, cursor: int, limit: int) -> list[int] | None:
    """Columns of ``piece``'s characters in ``source[cursor:limit]``, or None."""
    at = source.find(piece, cursor, limit)
    if at >= 0:
        return list(range(at, at + len(piece)))
    body = piece.lstrip(" \t")
    if len(body) < len(piece):  # indentation the parser expanded from tabs
        located = _align(body, source, cursor, limit)
        return None if located is None else [-1] * (len(piece) - len(body)) + located
    if not piece:
        return []
    column = source.find(piece[0], cursor, limit)
    columns: list[int] = []
    for char in piece:
        if column < len(source) - 1 and source[column] == "\\" != char:
            column += 1  # an escape the parser removed
        if column < 0 or column >= len(source) or source[column] != char:
            return None
        columns.append(column)
        column += 1
    return columns


def _show_inline(
    mask: Mask, parser: MarkdownIt, env: dict[str, object], inline: _Inline
) -> None:
    """Show an inline block's text, then hide what its inline rules marked."""
    offsets = inline.offsets
    located = [p for p in offsets if p >= 0]
    for start, end in _runs(located):
        mask.show(start, end)
    if located:  # a block's edges end its phrases (list markers, table pipes)
        mask.barrier(located[0] - 1, located[0])
        mask.barrier(located[-1] + 1, located[-1] + 2)
    if _INLINE_MARKUP.search(inline.content) is None:
        return  # plain prose: no recorded rule can match (speed)
    spans: list[_Span] = []
    env[_RECORDS] = spans
    parser.inline.parse(inline.content, parser, env, [])
    skipped_from: int | None = None
    skipped_tag = ""
    for span in spans:
        if skipped_from is not None and span.rule == "html_inline":
            closing = _TAG.match(span.state.src, span.start)
            if closing and closing.group(1) and closing.group(2).lower() == skipped_tag:
                _hide(mask, offsets, skipped_from, span.start, barrier=True)
                skipped_from = None
        _apply(mask, offsets, span)
        if skipped_from is None and span.rule == "html_inline":
            opening = _TAG.match(span.state.src, span.start)
            name = opening.group(2).lower() if opening and not opening.group(1) else ""
            if name in html_extractor.SKIPPED_ELEMENTS:
                skipped_from, skipped_tag = span.end, name
    if skipped_from is not None:
        _hide(mask, offsets, skipped_from, len(offsets), barrier=True)


def _apply(mask: Mask, offsets: Sequence[int], span: _Span) -> None:
    """Hide or rewrite the file's characters that one inline span covers."""
    rule, start, end = span.rule, span.start, span.end
    if rule == "newline":
        _hide(mask, offsets, start, end)
    elif rule == "emphasis":  # one token per delimiter character
        for position, is_markup in enumerate(span.markup, start=start):
            if is_markup:
                _hide(mask, offsets, position, position + 1)
    elif rule == "strikethrough":  # one token per "~~": hide the run if it paired
        if span.markup and all(span.markup):
            _hide(mask, offsets, start, end)
    elif rule == "escape":
        token = span.tokens[-1] if span.tokens else None  # after any pending text
        if token is None or token.type == "hardbreak":
            _hide(mask, offsets, start, end)
        elif token.content != token.markup:
            _hide(mask, offsets, start, start + 1)  # the backslash of ``\*``
    elif rule in ("backticks", "autolink"):
        if any(t.type in ("code_inline", "link_open") for t in span.tokens):
            _hide(mask, offsets, start, end, barrier=True)
    elif rule == "link":
        _hide(mask, offsets, start, start + 1)
        _hide(mask, offsets, span.label_end, end)
    elif rule == "image":
        _hide(mask, offsets, start, start + 2, barrier=True)
        _hide(mask, offsets, span.label_end, end, barrier=True)
    elif rule == "entity" and span.tokens:
        positions = [offsets[i] for i in range(start, end) if offsets[i] >= 0]
        if len(positions) == end - start:
            mask.put(positions[0], positions[-1] + 1, span.tokens[-1].content)
    elif rule == "html_inline":
        _html_inline(mask, offsets, span)


def _html_inline(mask: Mask, offsets: Sequence[int], span: _Span) -> None:
    """Tags are markup (their alt/title are prose); comments may hold directives."""
    positions = [offsets[i] for i in range(span.start, span.end)]
    raw = span.state.src[span.start : span.end]
    contiguous = positions[0] >= 0 and positions[-1] - positions[0] == len(raw) - 1
    if not contiguous:
        _hide(mask, offsets, span.start, span.end)
        return
    # The file's own characters: the parser saw each line break as "\n".
    inner = html_extractor.extract(mask.text[positions[0] : positions[-1] + 1])
    mask.overlay(positions[0], inner)
    if raw.startswith("<!--"):
        mask.barrier(positions[0], positions[0] + 1)


def _hide(
    mask: Mask, offsets: Sequence[int], start: int, end: int, *, barrier: bool = False
) -> None:
    """Hide content positions ``[start, end)`` wherever they are in the file."""
    located = [offsets[i] for i in range(max(start, 0), min(end, len(offsets)))]
    located = [p for p in located if p >= 0]
    for run_start, run_end in _runs(located):
        mask.hide(run_start, run_end)
    if barrier and located:
        mask.barrier(located[0], located[0] + 1)


def _runs(positions: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Ascending positions grouped into ``[start, end)`` runs of neighbours."""
    start = previous = -2
    for position in positions:
        if position != previous + 1:
            if start >= 0:
                yield start, previous + 1
            start = position
        previous = position
    if start >= 0:
        yield start, previous + 1


def _recording(
    name: str, rule: Callable[[StateInline, bool], bool]
) -> Callable[[StateInline, bool], bool]:
    """Wrap an inline rule so that each match leaves a :class:`_Span` in env."""

    def run(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        start, count = state.pos, len(state.tokens)
        spans: list[_Span] = state.env.setdefault(_RECORDS, [])
        mark = len(spans)
        if not rule(state, silent):
            return False
        span = _Span(state, name, start, state.pos, state.tokens[count:])
        if name in ("link", "image"):
            span.label_end = _label_end(state, start + (name == "image"), name)
        if name == "image":
            # The alt text was parsed as a string of its own: move its spans here.
            for inner in spans[mark:]:
                if inner.state is not state:
                    inner.start += start + 2
                    inner.end += start + 2
                    inner.state = state
        spans.append(span)
        return True

    return run


def _label_end(state: StateInline, bracket: int, name: str) -> int:
    """Where the ``[label]`` opened at ``bracket`` closes (the rule has run)."""
    saved = state.pos, state.posMax
    end: int = state.md.helpers.parseLinkLabel(state, bracket, name == "link")
    state.pos, state.posMax = saved
    return end


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark plus tables and strikethrough, with recording inline rules."""
    from markdown_it import MarkdownIt, rules_inline

    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
    parser.enable(["table", "strikethrough"])
    parser.disable("inline")  # inline content is parsed per block, by _show_inline
    rules: dict[str, Callable[[StateInline, bool], bool]] = {
        "newline": rules_inline.newline,
        "escape": rules_inline.escape,
        "backticks": rules_inline.backtick,
        "strikethrough": rules_inline.strikethrough.tokenize,
        "emphasis": rules_inline.emphasis.tokenize,
        "link": rules_inline.link,
        "image": rules_inline.image,
        "autolink": rules_inline.autolink,
        "html_inline": rules_inline.html_inline,
        "entity": rules_inline.entity,
    }
    for name, rule in rules.items():
        parser.inline.ruler.at(name, _recording(name, rule))
    parser.inline.ruler2.before("fragments_join", "termcheck_markup", _note_markup)
    return parser


def _note_markup(state: StateInline) -> None:
    """After pairing, before text is joined: note which delimiters became markup.

    A paired delimiter turns into an ``*_open``/``*_close`` token or into an
    empty text token (the second character of ``**``); an unpaired one stays a
    text token holding its character.
    """
    spans: list[_Span] = state.env.get(_RECORDS, [])
    for span in spans:
        if span.state is not state or span.rule not in ("emphasis", "strikethrough"):
            continue
        # The rule's own tokens come last (pending text is flushed before them):
        # one per character of an emphasis run, one per "~~" (and a lone "~").
        length = span.end - span.start
        count = length if span.rule == "emphasis" else (length + 1) // 2
        delimiters = span.tokens[-count:] if count else []
        span.markup = [t.type != "text" or t.content == "" for t in delimiters]
