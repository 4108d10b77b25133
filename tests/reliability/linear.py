"""Hostile shapes, and the check that a path through them takes linear time.

A *shape* is text whose structure, not its size, once made a stage quadratic:
a run that a pattern scans to its end and then retries from the next position
(a file ending in punctuation or in a code block, thousands of unclosed
``\\item[``, a row of thousands of table cells, ``link:x[`` repeated...).
:data:`SHAPES` is the table of them, per markup; each is put at the end of a
file, at its start and in its middle, between lines of prose.

:func:`growth` runs a check on a shape of ``n`` and of ``4n`` characters in
this process and compares the times: a linear path takes about 4 times as
long, a quadratic one about 16 times. ``n`` is the shape's ``min_size`` or, on
a faster path, doubled until one check takes :data:`TARGET_SECONDS` (at most
:data:`MAX_SIZE`), so that timer noise stays small; each time is the least of
a few runs, n and 4n in turn, with garbage collection held off, in processor
time (the time this process ran: on a machine shared with other work,
wall-clock time adds the time spent waiting for a processor, and more of it
the longer a run is).
Any callable ``check(markup, text)`` can be measured:
:func:`check_path` is termcheck's own (extract, tokenise, match, classify,
directives), and ``python -m tests.reliability.linear`` prints the table.
"""

from __future__ import annotations

import contextlib
import gc
import math
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

from termcheck.checker import check_document
from termcheck.glossary import parse_glossary

__all__ = [
    "POSITIONS",
    "RATIO_BOUND",
    "SHAPES",
    "Check",
    "Growth",
    "Shape",
    "cases",
    "check_path",
    "growth",
    "place",
]

Check = Callable[[str, str], object]
"""A check of one text: ``check(markup, text)``; its result is not looked at."""

RATIO_BOUND: Final = 6.0
"""Time for 4n over time for n must stay under this (linear: 4, quadratic: 16)."""
TARGET_SECONDS: Final = 0.005
MAX_SIZE: Final = 64_000
POSITIONS: Final = ("end", "start", "middle")

GLOSSARY: Final = parse_glossary(
    """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road, OBOR]
  - id: js
    canonical: JavaScript
    case: sensitive
    forbidden: [Javascript]
""",
    "linear.yaml",
)
"""Two terms: phrases, an abbreviation, a case-sensitive name, near-misses."""

_PROSE: Final = {
    "html": "<p>Loans under OBOR grew, said the Javascript team.</p>\n\n",
}
_PLAIN_PROSE: Final = "Loans under OBOR grew, said the Javascript team.\n\n"


def check_path(markup: str, text: str) -> object:
    """termcheck's whole check of one document, as the runner calls it."""
    return check_document(GLOSSARY, text, path=f"shape.{markup}", markup=markup)


@dataclass(frozen=True)
class Shape:
    """A hostile shape of one markup: ``make(size)`` is about ``size`` characters."""

    markup: str
    name: str
    make: Callable[[int], str]
    positions: tuple[str, ...] = POSITIONS
    min_size: int = 2_000

    @property
    def id(self) -> str:
        return f"{self.markup}-{self.name}"


def repeat(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """``head``, then ``unit`` repeated to about ``size`` characters, then ``tail``."""
    return lambda size: head + unit * max(1, size // len(unit)) + tail


def _table(size: int) -> str:
    cells = max(1, size // 9)
    return "|" + "a|" * cells + "\n|" + "-|" * cells + "\n|" + "a\\|b|" * cells


def _address_runs(size: int) -> str:
    half = max(1, size // 4)
    return "a-" * half + "@ " + "a+" * half + "://"


# Every markup: runs the tokeniser and the matcher once scanned from every start.
_COMMON: Final = (
    ("punctuation-run", repeat("=")),
    ("hyphen-chain-of-a-term", repeat("OBOR-")),
    ("address-runs", _address_runs),
    ("thousands-of-findings", repeat("One Belt One Road, OBOR and Javascript. ")),
    ("cjk-run", repeat("人类")),
)
# How each markup opens and closes a comment, where directives stand.
_COMMENTS: Final = {
    "plain": ("# ", "\n"),
    "markdown": ("<!-- ", " -->\n"),
    "html": ("<!-- ", " -->\n"),
    "rst": (".. ", "\n"),
    "latex": ("% ", "\n"),
    "asciidoc": ("// ", "\n"),
}


def _directive_spaces(markup: str) -> Callable[[int], str]:
    """A directive whose ids are followed by a long run of spaces."""
    start, end = _COMMENTS[markup]
    return repeat(" ", head=start + "termcheck: disable bri ", tail="x" + end)


def _directive_lines(markup: str) -> Callable[[int], str]:
    """A directive per line, each naming a term id of its own (unknown ones)."""
    start, end = _COMMENTS[markup]

    def make(size: int) -> str:
        count = max(1, size // 30)
        return "".join(f"{start}termcheck: disable a{n}{end}" for n in range(count))

    return make


_SPECIFIC: Final = (
    Shape("plain", "comment-lines", repeat("# x\n")),
    Shape("markdown", "unclosed-code-block", repeat("x = 1;\n", head="```\n")),
    Shape("markdown", "code-block", repeat("x = 1;\n", head="```\n", tail="```\n")),
    Shape("markdown", "inline-code-tags", repeat("<code>")),
    Shape("markdown", "script-tags", repeat("<script>")),
    Shape("markdown", "open-brackets", repeat("[")),
    Shape(
        "markdown", "nested-images", lambda n: "![" * (n // 6) + "a" + "](x)" * (n // 6)
    ),  # the images' alt texts nest
    Shape("markdown", "unclosed-link-targets", repeat("[a](")),
    Shape("markdown", "emphasis-openers", repeat("*a")),
    Shape("markdown", "backtick-runs", repeat("`a``")),
    Shape("markdown", "angle-brackets", repeat("<")),
    Shape("markdown", "backslashes", repeat("\\")),
    Shape("markdown", "entity-starts", repeat("&#")),
    Shape("markdown", "nested-quotes", repeat("> ")),
    Shape("markdown", "nested-lists", repeat("- ")),
    Shape("markdown", "html-blocks", repeat("<div>\n")),
    # A quadratic search here runs in C: it shows only on a larger table.
    Shape("markdown", "wide-table", _table, min_size=32_000),
    Shape(
        "markdown",
        "front-matter-spaces",
        lambda n: "---\ntitle: a" + " " * n + "b\n---\n",
        positions=("start",),
    ),
    Shape("html", "nested-divs", repeat("<div>")),
    Shape(
        "html",
        "unmatched-end-tags",
        lambda n: "<div>" * (n // 12) + "</span>" * (n // 12),
    ),
    Shape("html", "script-tags", repeat("<script>")),
    Shape("html", "comment-openers", repeat("<!--")),
    Shape("html", "unclosed-tags", repeat("<a ")),
    Shape("html", "unclosed-attribute", repeat("<a title='")),
    Shape("html", "entity-starts", repeat("&amp")),
    Shape("latex", "unknown-command-brackets", repeat("\\foo[")),
    Shape("latex", "item-brackets", repeat("\\item[")),
    Shape("latex", "unknown-command-braces", repeat("\\foo{")),
    Shape("latex", "open-braces", repeat("{")),
    Shape("latex", "comment-lines", repeat("%x\n")),
    Shape("latex", "comment-lines-cr", repeat("%x\r")),
    Shape("latex", "verb-lines", repeat("\\verb|x\n")),
    Shape("latex", "escaped-dollars", repeat("\\$", head="$")),
    Shape("latex", "begin-braces", repeat("\\begin{")),
    Shape("latex", "math-openers", repeat("\\(")),
    Shape("rst", "unclosed-literals", repeat("``a ")),
    Shape("rst", "role-name-run", repeat(":-")),
    Shape("rst", "role-openers", repeat(":r:`")),
    Shape("rst", "substitution-openers", repeat("|a ")),
    Shape("rst", "emphasis-openers", repeat("*a ")),
    Shape("rst", "reference-ends", repeat("a_ ")),
    Shape("rst", "footnote-openers", repeat("[a ")),
    Shape("rst", "field-escapes", repeat("\\:", head=":a")),
    Shape("rst", "comment-lines", repeat(".. x\n")),
    Shape("rst", "code-directive", repeat("  x\n", head=".. code::\n\n")),
    Shape("asciidoc", "link-macros", repeat("link:x[")),
    Shape("asciidoc", "link-targets", repeat("link:")),
    Shape("asciidoc", "pass-macros", repeat("pass:[")),
    Shape("asciidoc", "triple-pluses", repeat("+++a")),
    Shape("asciidoc", "url-labels", repeat("http://x[")),
    Shape("asciidoc", "cross-references", repeat("<<a")),
    Shape("asciidoc", "cross-reference-labels", repeat("<<a,b", tail=">")),
    Shape("asciidoc", "backticks", repeat("`a ")),
    Shape("asciidoc", "listing-block", repeat("x\n", head="----\n")),
    Shape("asciidoc", "attribute-lines", repeat(":a: b\n")),
)
MARKUPS: Final = ("plain", "markdown", "html", "rst", "latex", "asciidoc")

SHAPES: Final[tuple[Shape, ...]] = (
    *(Shape(markup, name, make) for markup in MARKUPS for name, make in _COMMON),
    *(
        Shape(markup, "directive-spaces", _directive_spaces(markup))
        for markup in MARKUPS
    ),
    *(Shape(markup, "directive-lines", _directive_lines(markup)) for markup in MARKUPS),
    # Thousands of directives: how suppression regions are kept (any markup).
    Shape("plain", "directive-lines-many", _directive_lines("plain"), min_size=64_000),
    *_SPECIFIC,
)
"""Every hostile shape, per markup: the shapes of any text first, then each
markup's own."""


def place(shape: Shape, size: int, position: str) -> str:
    """The shape of ``size`` characters at ``position`` in a file of prose."""
    prose = _PROSE.get(shape.markup, _PLAIN_PROSE)
    chunk = shape.make(size)
    if position == "end":
        return prose + chunk
    if position == "start":
        return chunk + "\n\n" + prose
    return prose + chunk + "\n\n" + prose


def cases(shapes: tuple[Shape, ...] = SHAPES) -> Iterator[tuple[Shape, str]]:
    """Every (shape, position) pair to measure."""
    for shape in shapes:
        for position in shape.positions:
            yield shape, position


@dataclass(frozen=True)
class Growth:
    """How one check's time grew from a shape of ``size`` to one of 4 times it."""

    size: int
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / self.small if self.small > 0 else math.inf

    @property
    def linear(self) -> bool:
        return self.ratio < RATIO_BOUND


_SIZES: dict[tuple[int, str], int] = {}


def growth(check: Check, shape: Shape, position: str) -> Growth:
    """Time ``check`` on the shape at ``position``, at n and at 4n characters.

    Runs alternate, n then 4n, so that both sizes see the same load on the
    machine: two pairs, and up to eight more while the ratio is over the bound
    but not clearly quadratic (a busy moment). Each time is the least of its
    runs: noise only ever slows a run down.
    """
    size = _size(check, shape)
    small_text = place(shape, size, position)
    large_text = place(shape, 4 * size, position)
    small = large = math.inf
    with _collection_held_off():
        for pair in range(10):
            small = min(small, _seconds(check, shape.markup, small_text))
            large = min(large, _seconds(check, shape.markup, large_text))
            if pair >= 1 and (
                large < RATIO_BOUND * small or large > 3 * RATIO_BOUND * small
            ):
                break
    return Growth(size, small, large)


def _size(check: Check, shape: Shape) -> int:
    """The shape's size n: its minimum, doubled while one check stays quick."""
    key = (id(check), shape.id)
    size = _SIZES.get(key)
    if size is None:
        with _collection_held_off():
            _seconds(check, shape.markup, place(shape, 100, "end"))  # warm caches
            size = shape.min_size
            while size < MAX_SIZE and _quick(check, shape, size):
                size *= 2
        _SIZES[key] = size
    return size


def _quick(check: Check, shape: Shape, size: int) -> bool:
    text = place(shape, size, "end")
    return min(_seconds(check, shape.markup, text) for _ in range(2)) < TARGET_SECONDS


@contextlib.contextmanager
def _collection_held_off() -> Iterator[None]:
    """No garbage collection pass inside a timed run (it comes after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _seconds(check: Check, markup: str, text: str) -> float:
    """The processor time of one check."""
    started = time.process_time()
    check(markup, text)
    return time.process_time() - started


def main() -> None:
    """Print every case's sizes, times and ratio (for reports and new paths)."""
    failed = 0
    for shape, position in cases():
        result = growth(check_path, shape, position)
        failed += not result.linear
        print(
            f"{shape.id:40} {position:6} n={result.size:>9,} "
            f"{result.small * 1000:9.1f} ms {result.large * 1000:9.1f} ms "
            f"x{result.ratio:5.1f}{'' if result.linear else '  NOT LINEAR'}",
            flush=True,
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
