"""URL and e-mail spans: the ones the pattern finds (time: tests/reliability)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.addresses import ADDRESS, address_spans
from tests.profiles import examples

# Pieces that make runs, anchors and their near misses meet.
PIECES = [
    *'abwA1_.+-:/@ \n,!)<"`é',
    "www.",
    "://",
    "http",
    "ww",
    "ß",
    "\u0301",
    "x@y.z",
]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("see https://example.org/a-b?q=1. Then", [(4, 31)]),
        ("mail ann.lee+tag@mail.example.com, then", [(5, 33)]),
        ("go to www.example.org)", [(6, 21)]),
        ("a@b.c+d@e.f", [(0, 5), (5, 11)]),  # a later match starts mid-run
        ("no address here", []),
        ("an @ sign and a :// alone", []),
        ("x://.", []),  # nothing after the scheme but punctuation
    ],
)
def test_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Found where the pattern finds them, and nowhere else."""
    assert address_spans(text) == spans
    assert [m.span() for m in ADDRESS.finditer(text)] == spans


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_same_spans_as_the_pattern(text: str) -> None:
    """The spans of ADDRESS.finditer, always."""
    assert address_spans(text) == [m.span() for m in ADDRESS.finditer(text)]
