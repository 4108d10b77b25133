"""Language-dependent splitting of words: elided articles and attached prefixes.

``tokens.tokenize`` finds the words; the glossary's languages may ask for more
splits. French, Italian and Catalan elided articles and pronouns are words of
their own (``l'Initiative`` -> ``l'`` ``Initiative``); Arabic and Hebrew letters
attached to a word (``و``, ``ו``) are split off where the rest is a glossary
word. The parts join with ``""``, like CJK characters.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Final

import regex

from termcheck.tokens import JOINED, Tokens

__all__ = [
    "SEGMENTERS",
    "join_words",
    "segmenter_missing",
    "split_elisions",
    "split_prefixes",
]

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


SEGMENTERS: Final = ("jieba",)
"""Dictionary word segmenters a glossary may ask for (``segmenter:``), each an
optional extra: ``jieba`` for Chinese (``pip install 'termcheck[zh]'``)."""


def segmenter_missing(name: str) -> str | None:
    """Why segmenter ``name`` cannot run here, or None when it can."""
    if importlib.util.find_spec(name) is None:
        return f"the {name} package is not installed (pip install 'termcheck[zh]')"
    return None


def join_words(tokens: Tokens, segmenter: str) -> Tokens:
    """``tokens`` with each run of Han characters regrouped into the words a
    dictionary segmenter finds in it (人 类 命 运 -> 人类 命运)."""
    if not segmenter or not any(_HAN.match(key) for key in tokens.keys):
        return tokens
    out = Tokens([], [], [], [])
    position = 0
    size = len(tokens.keys)
    while position < size:
        end = position
        while (
            end < size
            and _HAN.match(tokens.keys[end]) is not None
            and (end == position or tokens.seps[end] == JOINED)
        ):
            end += 1
        if end - position < 2:
            _append(
                out,
                tokens.starts[position],
                tokens.ends[position],
                tokens.keys[position],
                tokens.seps[position],
            )
            position += 1
            continue
        run = tokens.keys[position:end]
        taken = position
        for word in _cut("".join(run)):
            count, length = 0, 0
            while length < len(word) and taken + count < end:
                length += len(tokens.keys[taken + count])
                count += 1
            last = taken + count - 1
            _append(
                out,
                tokens.starts[taken],
                tokens.ends[last],
                "".join(tokens.keys[taken : last + 1]),
                tokens.seps[taken],
            )
            taken = last + 1
        position = end
    return out


_HAN: Final = regex.compile(r"\p{Han}")


def _cut(run: str) -> list[str]:
    import jieba  # type: ignore[import-untyped]  # an optional extra, checked

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return [word for word in jieba.cut(run, HMM=False) if word]
