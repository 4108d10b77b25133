"""Where a document can be cut so that every piece reads alone as it does in the whole.

Two kinds of cut, both at the start of a line that follows a blank line:

- An *extraction* cut leaves no markup construct open across it, so masking
  each piece on its own gives the same masked text as masking the whole.
  Markdown, reStructuredText, AsciiDoc and plain text are cut this way; HTML
  and LaTeX are masked whole (their readers keep state across blank lines).
- A *matching* cut, found in the masked text, follows punctuation that ends a
  phrase, so no match, near-miss or phrase runs across it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from markdown_it.rules_block.html_block import HTML_SEQUENCES

from termcheck.extractors import asciidoc

__all__ = ["MarkdownContext", "extraction_cuts", "matching_cuts"]

# A line with its break: CRLF, lone CR or LF, as editors and termcheck count lines.
_LINE: Final = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# A line feed, then a blank line.  "a.\n\nB" -> a cut before "B"
_BLANK_LINE: Final = re.compile(r"\n[ \t]*\r?\n")
# A blank line, then a line at the left margin.  "a\n\nB" -> a cut before "B"
_RST_CUT: Final = re.compile(r"\n[ \t]*\r?\n(?=[^ \t\r\n])")
# Characters that end a phrase when they are the last thing before a blank line.
_PHRASE_ENDS: Final = frozenset('.!?:;,)]}"”»…。！？')

# Markdown (CommonMark) constructs that may hold blank lines.
#   "```py" "~~~~"      -> a fence of that character and length
_FENCE_OPEN: Final = re.compile(r"(`{3,}|~{3,})(.*)")
_FENCE_CLOSE: Final = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*")
# List and quote marks, then what starts a link reference definition.
#   "> - [label]: /url" -> a definition (possibly)
_DEFINITION: Final = re.compile(
    r"(?:[ \t]*(?:[-+*>]|\d{1,9}[.)])(?=[ \t]))*[ \t]{0,3}\[(?:[^\]\\]|\\.)*\]:"
)
_CONTAINER_MARKS: Final = re.compile(r"(?:[ \t]*(?:[-+*>]|\d{1,9}[.)])(?=\s|$))+")
_DEEP_MARKS: Final = 8  # this many list/quote marks on a line: maybe past the
_DEEP_INDENT: Final = 16  # parser's nesting limit, so the file is masked whole
_DEEP_LEADS: Final = frozenset(" \t-+*>0123456789")
# What an AsciiDoc line that is not plain paragraph text starts with: delimiters,
# [source] and other attribute lines, :attribute: entries, include:: and ifdef::.
_ADOC_LEADS: Final = frozenset("-.+/=*_:[ie")
_OPENERS: Final = ("`", "~", "<")  # what a fence or an HTML block starts with
_FRONT_MATTER: Final = {"---": ("---", "..."), "+++": ("+++",)}


@dataclass(frozen=True, slots=True)
class MarkdownContext:
    """The link reference definitions of a Markdown file, which every piece may use.

    ``blocks`` are the definition paragraphs, each starting after a blank line;
    a piece is masked with those whose label it mentions appended after it.
    """

    blocks: tuple[tuple[str, str], ...] = ()  # (normalised label, paragraph)

    def suffix_for(self, piece: str) -> str:
        """The definitions ``piece`` may refer to, to append after it."""
        if not self.blocks or "]" not in piece:
            return ""
        folded = " ".join(piece.casefold().split())
        used = [block for label, block in self.blocks if not label or label in folded]
        return "".join("\n\n" + block for block in used)


def extraction_cuts(text: str, markup: str) -> tuple[list[int], MarkdownContext] | None:
    """Offsets where ``text`` may be cut for masking, and the Markdown context.

    None: mask the text whole.
    """
    cutter = _CUTTERS.get(markup)
    return None if cutter is None else cutter(text)


def _rst_cuts(text: str) -> tuple[list[int], MarkdownContext]:
    """A line at the left margin after a blank line closes every rST block.

    (Literal blocks, directive bodies, comments and options are all indented.)
    """
    return [m.end() for m in _RST_CUT.finditer(text)], MarkdownContext()


def _plain_cuts(text: str) -> tuple[list[int], MarkdownContext]:
    """Plain text is read line by line: any blank line will do."""
    return [m.end() for m in _BLANK_LINE.finditer(text)], MarkdownContext()


def _asciidoc_cuts(text: str) -> tuple[list[int], MarkdownContext]:
    """After a blank line, with no delimited block open and no ``[source]``-style
    line waiting for its block, AsciiDoc's line reader is where it starts.

    The lines are read as ``extractors.asciidoc`` reads them (with its patterns).
    """
    cuts: list[int] = []
    closing = ""  # the delimiter that ends the open verbatim block
    verbatim_next = verbatim = in_paragraph = False
    blank_before = False
    for line in _LINE.finditer(text):
        content = line.group().rstrip("\r\n")
        if closing:
            if content.rstrip() == closing:
                closing = ""
            continue
        if not content.strip():
            verbatim = in_paragraph = False
            blank_before = True
            continue
        if blank_before and not verbatim_next:
            cuts.append(line.start())
        blank_before = False
        lead = content[0]
        if verbatim or (lead == "/" and content.startswith("//")
                        and not content.startswith("////")):  # fmt: skip
            continue
        if lead in _ADOC_LEADS:
            if asciidoc._DELIMITER.fullmatch(content):
                marker = content.rstrip()
                if (marker[0] in asciidoc.VERBATIM_DELIMITERS and marker != "--") or (
                    verbatim_next
                ):
                    closing = marker
                verbatim_next = in_paragraph = False
                continue
            if asciidoc._VERBATIM_STYLE.fullmatch(content):
                verbatim_next = True
                continue
            if not in_paragraph and asciidoc._META.fullmatch(content):
                continue
        if verbatim_next or (not in_paragraph and lead in " \t"):
            verbatim_next, verbatim = False, True
            continue
        in_paragraph = not (lead == "=" and asciidoc._TITLE.match(content))
    return cuts, MarkdownContext()


@dataclass(slots=True)
class _Open:
    """A Markdown construct open across lines: a fence or an HTML block (kinds 1-5)."""

    closer: Callable[[str], bool]
    indent: int  # more than 0: maybe inside a list item, which may end it


def _markdown_cuts(text: str) -> tuple[list[int], MarkdownContext] | None:
    """Cuts between top-level blocks: after a blank line, at the left margin, with
    no fence or HTML block open and no front matter around.

    None where the parser could read the structure otherwise than this scan (a
    list item that may have ended inside a fence, an HTML tag line that may be
    text) or where nesting may pass the parser's limit: mask the file whole.
    """
    lines = [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text)]
    start = _front_matter_end(lines)
    cuts: list[int] = []
    definitions: list[tuple[str, str]] = []
    current: _Open | None = None
    until_blank = False  # inside an HTML block of kind 6 or 7
    unsure = False  # a line that is an HTML block, or text of a paragraph
    previous_blank = False
    definition: list[str] | None = None  # the definition paragraph being read
    for number, (offset, content) in enumerate(lines):
        blank = not content.strip(" \t")
        margin = not blank and content[0] not in " \t"
        if definition is not None:
            if blank:
                definitions.append(_labelled(definition))
                definition = None
            else:
                definition.append(content)
        if number <= start:
            previous_blank = blank
            continue
        if current is not None:
            if current.indent and not blank and _indent(content) < current.indent:
                return None  # a list item may have ended here, and its blocks too
            if current.closer(content):
                current = None
        elif blank:
            until_blank = unsure = False
        elif not until_blank:
            if margin and previous_blank and content.rstrip() not in _FRONT_MATTER:
                cuts.append(offset)
            if content[:1] in _DEEP_LEADS and _too_deep(content):
                return None
            if definition is None and "[" in content and _DEFINITION.match(content):
                if not previous_blank and number:
                    return None  # a definition right after other text: mask whole
                definition = [content]
            if content.lstrip(" ")[:1] in _OPENERS:
                kind = _opened(content, previous_blank or number == start + 1)
                if kind is not None and unsure:
                    return None
                if isinstance(kind, _Open):
                    current = kind
                elif kind == "until-blank":
                    until_blank = True
                elif kind == "unsure":
                    unsure = True
        previous_blank = blank
    if definition is not None:
        definitions.append(_labelled(definition))
    return cuts, MarkdownContext(tuple(definitions))


def _front_matter_end(lines: list[tuple[int, str]]) -> int:
    """The number of the front matter's last line (-1 when there is none)."""
    if not lines:
        return -1
    closers = _FRONT_MATTER.get(lines[0][1].rstrip())
    if closers is None:
        return -1
    for number in range(1, len(lines)):
        if lines[number][1].rstrip() in closers:
            return number
    return -1


def _too_deep(content: str) -> bool:
    marks = _CONTAINER_MARKS.match(content)
    if marks and len(re.findall(r"[-+*>]|\d+[.)]", marks.group())) >= _DEEP_MARKS:
        return True
    return _indent(content) >= _DEEP_INDENT


def _labelled(paragraph: list[str]) -> tuple[str, str]:
    """A definition paragraph with its label (empty: unknown, always appended)."""
    first = paragraph[0]
    opening = first.index("[")
    closing = first.find("]", opening)
    label = first[opening + 1 : closing] if closing > opening else ""
    return " ".join(label.casefold().split()), "\n".join(paragraph)


def _indent(content: str) -> int:
    return len(content.expandtabs(4)) - len(content.expandtabs(4).lstrip())


def _opened(content: str, block_start: bool) -> _Open | str | None:
    """What ``content`` opens: a fence or HTML block left open (an :class:`_Open`),
    an HTML block that ends at a blank line (``"until-blank"``), a tag line that
    is an HTML block only where a block may start (``"unsure"``), or nothing."""
    indent = _indent(content)
    if indent > 3:
        return None  # indented code, or inside a list item: ends with the item
    body = content.lstrip(" ")
    fence = _FENCE_OPEN.fullmatch(body)
    if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
        marker = fence.group(1)

        def closes_fence(line: str) -> bool:
            found = _FENCE_CLOSE.fullmatch(line)
            return bool(
                found
                and found.group(1)[0] == marker[0]
                and len(found.group(1)) >= len(marker)
            )

        return _Open(closes_fence, indent)
    for opener, closer, interrupts in HTML_SEQUENCES:
        if not opener.search(body):
            continue
        if closer.pattern == "^$":  # kinds 6 and 7 end at a blank line
            return "until-blank" if interrupts or block_start else "unsure"
        if closer.search(body):
            return None  # closed on its own line

        def closes_html(line: str, closer: re.Pattern[str] = closer) -> bool:
            return closer.search(line) is not None

        return _Open(closes_html, indent)
    return None


_CUTTERS: Final[
    dict[str, Callable[[str], tuple[list[int], MarkdownContext] | None]]
] = {
    "markdown": _markdown_cuts,
    "rst": _rst_cuts,
    "plain": _plain_cuts,
    "asciidoc": _asciidoc_cuts,
}


def matching_cuts(masked: str) -> list[int]:
    """Offsets in a masked text where matching may be cut: after a blank line
    (with line feeds, so a new paragraph is seen the same way on both sides) that
    follows punctuation ending a phrase."""
    cuts = []
    last = ""  # the last visible character before the previous blank line
    done = 0  # where the previous blank line ended: only look back to there
    for found in _BLANK_LINE.finditer(masked):
        position = found.start() - 1
        while position >= done and masked[position].isspace():
            position -= 1
        if position >= done:
            last = masked[position]
        if last in _PHRASE_ENDS:
            cuts.append(found.end())
        done = found.end()
    return cuts
