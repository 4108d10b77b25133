"""Chains of joined words: a match inside a file or package name is none."""

from __future__ import annotations

import pytest

from termcheck.chains import Chains
from termcheck.tokens import tokenize


def held(text: str, first: int, last: int) -> bool:
    return Chains(text, tokenize(text)).hold(first, last)


@pytest.mark.parametrize(
    ("text", "first", "last", "expected"),
    [
        ("use javascript-some-plugin now", 1, 1, True),  # 3 lower-case parts
        ("use javascript-some-plugin now", 1, 3, False),  # the whole chain
        ("javascript-based tools", 0, 0, False),  # two parts: prose
        ("the Javascript-Based-Tool", 1, 1, False),  # capitals: prose
        ("open foo.javascript.txt", 2, 2, True),  # a dot: a name
        ("plain words only", 1, 1, False),
    ],
)
def test_hold(text: str, first: int, last: int, expected: bool) -> None:
    """Hyphen chains of 3+ lower-case parts and dotted chains name things."""
    assert held(text, first, last) is expected
