"""Language-dependent splitting of words: elided articles and attached prefixes.

``tokens.tokenize`` finds the words; the glossary's languages may ask for more
splits. French, Italian and Catalan elided articles and pronouns are words of
their own (``l'Initiative`` -> ``l'`` ``Initiative``); Arabic and Hebrew letters
attached to a word (``و``, ``ו``) are split off where the rest is a glossary
word. The parts join with ``""``, like CJK characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import regex

from termcheck.tokens import JOINED, Tokens

__all__ = ["split_elisions", "split_prefixes"]

# An elision comes before a vowel or a mute h.
_VOWEL_START: Final = regex.compile(r"[aeiouyhàâäáéèêëíìîïóòôöúùûüœæ]")
_MARK: Final = regex.compile(r"[\p{M}\u0640]")


def split_elisions(tokens: Tokens, elisions: frozenset[str]) -> Tokens:
    """``tokens`` with each elided article split from the word it leans on."""
    if not elisions or not any("'" in key for key in tokens.keys):
        return tokens
    out = Tokens([], [], [], [])
    for start, end, key, sep in zip(
        tokens.starts, tokens.ends, tokens.keys, tokens.seps, strict=True
    ):
        cut = key.find("'") + 1
        if (
            cut
            and key[:cut] in elisions
            and len(key) > cut
            and _VOWEL_START.match(key, cut) is not None
        ):
            _append(out, start, start + cut, key[:cut], sep)
            _append(out, start + cut, end, key[cut:], JOINED)
        else:
            _append(out, start, end, key, sep)
    return out


def split_prefixes(
    tokens: Tokens,
    text: str,
    prefixes: tuple[str, ...],
    known: Callable[[str], bool],
) -> Tokens:
    """``tokens`` with attached prefixes split off words that are not ``known``
    themselves but whose rest is (``prefixes`` longest first)."""
    if not prefixes:
        return tokens
    out = Tokens([], [], [], [])
    for start, end, key, sep in zip(
        tokens.starts, tokens.ends, tokens.keys, tokens.seps, strict=True
    ):
        prefix = ""
        if not known(key):
            prefix = next(
                (
                    p
                    for p in prefixes
                    if key.startswith(p)
                    and len(key) - len(p) >= 2
                    and known(key[len(p) :])
                ),
                "",
            )
        if prefix:
            cut = _after_letters(text, start, len(prefix))
            _append(out, start, cut, prefix, sep)
            _append(out, cut, end, key[len(prefix) :], JOINED)
        else:
            _append(out, start, end, key, sep)
    return out


def _after_letters(text: str, start: int, count: int) -> int:
    """The offset after ``count`` letters from ``start``, with their marks."""
    position = start
    for _ in range(count):
        position += 1
        while position < len(text) and _MARK.match(text, position):
            position += 1
    return position


def _append(out: Tokens, start: int, end: int, key: str, sep: str | None) -> None:
    out.starts.append(start)
    out.ends.append(end)
    out.keys.append(key)
    out.seps.append(sep)
