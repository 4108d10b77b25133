"""Near-miss rules that depend on the language: characters (CJK) and endings.

Kept apart from the scoring in ``termcheck.nearmiss`` so that each rule is one
small function:

- ``character_score``: a wording written in characters (Chinese, Japanese,
  Korean) is never matched out of order; one character replaced, added or left
  out is a near-miss when the wording has at least four characters.
- ``character_windows``: windows as long as such a wording around the
  characters found, so that a typo in its first or last character is seen.
- ``ending_similarity``: in a language whose endings carry grammar and that has
  no built-in inflection rules, a word that differs from a wording's word only
  in its ending is that word inflected, not a typo of it.
"""

from __future__ import annotations

from typing import Final

from rapidfuzz.distance import OSA, Levenshtein

from termcheck.index import FormRef
from termcheck.tokens import JOINED, Tokens

__all__ = [
    "MIN_CHARACTERS",
    "character_score",
    "character_windows",
    "ending_similarity",
]

MIN_CHARACTERS: Final = 4  # shorter character wordings have no near-misses
CHARACTER_COST: Final = 0.4  # divided by the wording's length
TYPO_MIN: Final = 0.75
_MAX_ENDING: Final = 3  # letters of an ending that may differ
_MIN_STEM: Final = 4


def character_score(ref: FormRef, words: list[str]) -> float:
    """Score of a window against a wording written in characters."""
    size = len(ref.keys)
    if size < MIN_CHARACTERS or abs(len(words) - size) > 1:
        return 0.0
    if Levenshtein.distance(list(ref.keys), words) != 1:
        return 0.0  # the same characters reordered, or more than one typo
    return 1.0 - CHARACTER_COST / size


def character_windows(
    ref: FormRef, tokens: Tokens, first: int, last: int
) -> list[tuple[int, int]]:
    """Windows of the wording's length (and one more or less) that start at
    ``first`` or end at ``last``, inside one run of joined characters."""
    size = len(ref.keys)
    found = []
    for length in (size - 1, size, size + 1):
        for start, end in ((first, first + length - 1), (last - length + 1, last)):
            if 0 <= start <= end < len(tokens.keys) and all(
                tokens.seps[p] == JOINED for p in range(start + 1, end + 1)
            ):
                found.append((start, end))
    return found


def ending_similarity(form_word: str, word: str) -> float | None:
    """1.0 when ``word`` is ``form_word`` with another ending; None otherwise."""
    shorter = min(len(form_word), len(word))
    stem = 0
    while stem < shorter and form_word[stem] == word[stem]:
        stem += 1
    if (
        stem >= _MIN_STEM
        and stem * 2 >= shorter
        and len(form_word) - stem <= _MAX_ENDING
        and len(word) - stem <= _MAX_ENDING
    ):
        return 1.0
    return None


def plain_similarity(
    form_word: str, word: str, function_words: frozenset[str]
) -> float:
    """OSA similarity of two words of a language without inflection rules."""
    if form_word == word:
        return 1.0
    if len(form_word) < 4 or form_word in function_words:
        return 0.0
    similarity = OSA.normalized_similarity(form_word, word)
    return similarity if similarity >= TYPO_MIN else 0.0
