"""Count recurring phrases of 2 to 8 words in bounded memory: a sketch, then exact.

A phrase is a run of words inside one sentence part (no punctuation between
them) that neither starts nor ends with a stop word, a number or a single letter.
Phrases are counted under their matching key: case-folded words joined by their
separators, so "Belt-and-Road" and "belt and road" are different phrases and
"Belt and Road" and "belt and road" the same one.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from termcheck.tokens import FUNCTION_WORDS, Tokens, tokenize

__all__ = [
    "MAX_WORDS",
    "MIN_WORDS",
    "STOP_WORDS",
    "PhraseCounts",
    "count_phrases",
    "is_edge_word",
    "may_end",
    "may_start",
    "phrase_windows",
    "prose_tokens",
]

MIN_WORDS: Final = 2
MAX_WORDS: Final = 8
STOP_WORDS: Final = FUNCTION_WORDS | frozenset(
    (
        "not no also all any both each every either neither some such more most "
        "other others another same very just only even still yet so then thus "
        "however therefore which who whom whose what when where why how while "
        "it it's we us they them he him she i you me our ours itself themselves "
        "has have had having do does did doing will would shall should can could "
        "may might must being am there here if because since until although "
        "though whether up down out off again further once many much few less "
        "own well one two three four five first second new"
    ).split()
)
"""Words a discovered phrase may contain but not start or end with."""

# A blank line (paragraph break, or a heading's end) ends every phrase.
_BLANK_LINE: Final = re.compile(r"\n[ \t]*\r?\n|\r[ \t]*\r")
_SKETCH_BITS: Final = 22  # 4 M counters a row, two rows: 32 MB, whatever the input
_MASK: Final = (1 << _SKETCH_BITS) - 1


def prose_tokens(text: str) -> Tokens:
    """``tokenize(text)``, with no phrase running across a blank line."""
    tokens = tokenize(text)
    for blank in _BLANK_LINE.finditer(text):
        following = bisect.bisect_left(tokens.starts, blank.end())
        if following < len(tokens.seps):
            tokens.seps[following] = None
    return tokens


def is_edge_word(key: str) -> bool:
    """True if a phrase may start or end with this (case-folded) word."""
    return len(key) > 1 and key not in STOP_WORDS and not key.isdigit()


def may_start(tokens: Tokens, position: int) -> bool:
    """A phrase may start here: not a stop word, unless hyphenated on ("on-call")."""
    key = tokens.keys[position]
    if is_edge_word(key):
        return True
    following = position + 1
    return (
        following < len(tokens.keys)
        and tokens.seps[following] == "-"
        and key.isalpha()
        and len(key) > 1
    )


def may_end(tokens: Tokens, position: int) -> bool:
    """A phrase may end here: not a stop word, unless hyphenated to ("sign-on")."""
    key = tokens.keys[position]
    if is_edge_word(key):
        return True
    return tokens.seps[position] == "-" and key.isalpha() and len(key) > 1


def phrase_windows(tokens: Tokens) -> Iterator[tuple[int, int, str]]:
    """``(first, last, key)`` of every phrase in ``tokens`` (positions inclusive)."""
    keys, seps = tokens.keys, tokens.seps
    size = len(keys)
    for first in range(size):
        if not may_start(tokens, first):
            continue
        phrase = keys[first]
        for last in range(first + 1, min(first + MAX_WORDS, size)):
            sep = seps[last]
            if sep is None:
                break
            phrase = phrase + sep + keys[last]
            if may_end(tokens, last):
                yield first, last, phrase


@dataclass(frozen=True, slots=True)
class PhraseCounts:
    """Exact counts of the phrases seen at least ``threshold`` times, and of words."""

    phrases: dict[str, int]
    words: Counter[str]
    threshold: int


def count_phrases(
    token_streams: Iterable[Tokens], threshold: int, second_pass: Iterable[Tokens]
) -> PhraseCounts:
    """Count phrases occurring at least ``threshold`` times.

    The first pass counts every phrase into a fixed-size count sketch (two rows of
    counters indexed by independent bits of the phrase's hash) and the words
    exactly; the second pass (the same texts again) counts exactly only the
    phrases whose sketch estimate reaches ``threshold``. Memory is the sketch plus
    the phrases that pass it, not every distinct phrase of the corpus.
    """
    low = array("I", bytes(4 << _SKETCH_BITS))
    high = array("I", bytes(4 << _SKETCH_BITS))
    words: Counter[str] = Counter()
    for tokens in token_streams:
        words.update(tokens.keys)
        for _, _, phrase in phrase_windows(tokens):
            code = hash(phrase)
            low[code & _MASK] += 1
            high[(code >> _SKETCH_BITS) & _MASK] += 1
    phrases: dict[str, int] = {}
    for tokens in second_pass:
        for _, _, phrase in phrase_windows(tokens):
            count = phrases.get(phrase)
            if count is not None:
                phrases[phrase] = count + 1
                continue
            code = hash(phrase)
            estimate = min(low[code & _MASK], high[(code >> _SKETCH_BITS) & _MASK])
            if estimate >= threshold:
                phrases[phrase] = 1
    kept = {phrase: count for phrase, count in phrases.items() if count >= threshold}
    return PhraseCounts(kept, words, threshold)
