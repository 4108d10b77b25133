"""rST and AsciiDoc inline markup: the same matches as the one pattern gives.

``inline_matches`` decides the costly alternatives from facts found once; the
pattern's own ``finditer`` (quadratic on some paragraphs, fine on short ones)
is the reference. Their time is measured in tests/reliability/linear.py.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.extractors import asciidoc_inline, rst_inline
from tests.profiles import examples

RST_PIECES = [
    *["``", "`", ":", "::", "r", "a", "_", "__", "|", "*", "**", "[", "]", "]_"],
    *["#", " ", "\n", "<", ">", "\\", "-", "+", ".", "é", "x:`", ":r:`"],
]
ADOC_PIECES = [
    *["link:", "link::", "image::", "pass:", "stem:", "+++", "+", "`", "{", "}"],
    *["x", "a", "ab", "é", "[", "]", "-", "<<", ">>", "<", ">", ",", " ", "\t"],
    *["http://", "file://", "*", "_", "#", "~", "^", ":", "\u2003"],
]


def spans_and_groups(
    matches: Iterable[regex.Match[str]],
) -> list[tuple[tuple[int, int], dict[str, str | None], object]]:
    return [(m.span(), m.groupdict(), m.regs) for m in matches]


def texts(pieces: list[str]) -> st.SearchStrategy[tuple[str, int, int]]:
    """A text, and a start and end inside it (often the whole text)."""

    def bounds(text: str) -> st.SearchStrategy[tuple[str, int, int]]:
        inner = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
            lambda pair: (text, min(pair), max(pair))
        )
        return st.one_of(st.just((text, 0, len(text))), inner)

    return st.lists(st.sampled_from(pieces), max_size=40).map("".join).flatmap(bounds)


@settings(max_examples=examples(400), deadline=None)
@given(texts(RST_PIECES))
def test_rst_same_matches(case: tuple[str, int, int]) -> None:
    text, start, end = case
    expected = rst_inline.INLINE.finditer(text, start, end)
    assert spans_and_groups(
        rst_inline.inline_matches(text, start, end)
    ) == spans_and_groups(expected)


@settings(max_examples=examples(400), deadline=None)
@given(texts(ADOC_PIECES))
def test_asciidoc_same_matches(case: tuple[str, int, int]) -> None:
    text, start, end = case
    expected = asciidoc_inline.INLINE.finditer(text, start, end)
    assert spans_and_groups(
        asciidoc_inline.inline_matches(text, start, end)
    ) == spans_and_groups(expected)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("a ``lit`` b :ref:`t <x>` c", ["literal", "role"]),
        ("``a ``a ``a", []),  # never closed
        (":-:-:-:r:`x`", ["role"]),  # the run's one start that can close
        ("x :a::b:`y`", ["text"]),  # "::" in the name: no role, only `y`
    ],
)
def test_rst_examples(text: str, kinds: list[str]) -> None:
    found = list(rst_inline.inline_matches(text, 0, len(text)))
    assert [next(k for k in rst_inline.KINDS if m.group(k)) for m in found] == kinds


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("see link:u[label] and http://x.org[site]", ["macro", "url"]),
        ("link:x[link:x[link:x[", []),  # no "]": nothing
        ("http://x[http://x[", ["url", "url"]),  # URLs without labels
        ("<<a,b<<a,b>", []),  # no ">>"
        ("<<id,Some text>> and <<other>>", ["xref", "xref"]),
    ],
)
def test_asciidoc_examples(text: str, groups: list[str]) -> None:
    found = list(asciidoc_inline.inline_matches(text, 0, len(text)))
    names = ["code", "attribute", "pass", "macro", "url", "xref", "mark"]
    assert [next(g for g in names if m.group(g)) for m in found] == groups
