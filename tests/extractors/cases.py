"""Shared assertions for the extractor tests: which words a mask shows."""

from __future__ import annotations

import regex

from termcheck.extractors import EXTRACTORS

_WORD = regex.compile(r"\w+")


def shown_words(markup: str, text: str) -> list[str]:
    """The words left visible in ``text``'s mask."""
    return _WORD.findall(EXTRACTORS[markup](text).masked)


def assert_shown(markup: str, text: str, shown: str, hidden: str) -> None:
    """Every word of ``shown`` is visible and no word of ``hidden`` is."""
    words = shown_words(markup, text)
    for word in shown.split():
        assert word in words, (word, words)
    for word in hidden.split():
        assert word not in words, (word, words)
