"""Wordings with punctuation inside or around them: quotes, guillemets, 《》, &.

Such a wording matches as written: the punctuation between its words is part
of the lookup key (typographic variants of quotes are one key: “ ” „ « » and
" are all ``"``), and punctuation before its first or after its last word must
stand there in the text too. A wording that can never match (no word at all,
or a URL inside) is refused when the glossary is loaded.
"""

from __future__ import annotations

from typing import Final

import regex

from termcheck.tokens import Tokens, tokenize

__all__ = [
    "MAX_GAP",
    "edge_keys",
    "gap_key",
    "never_matches",
    "punctuation_key",
    "with_edges",
]

MAX_GAP: Final = 16  # longer runs of punctuation are never inside a wording
_QUOTES: Final = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_SPACES: Final = regex.compile(r"\s+")
# As tokens._NOT_PROSE: a URL or an e-mail address is never read as words.
_NOT_PROSE: Final = regex.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.|\w@[\w-]+\.\w")


def punctuation_key(gap: str) -> str:
    """The key of a run of punctuation and space: quotes folded, spaces one."""
    return _SPACES.sub(" ", gap.translate(_QUOTES))


def gap_key(text: str, tokens: Tokens, position: int) -> str | None:
    """The key of the punctuation between word ``position - 1`` and ``position``
    (None when it is too long to be part of a wording)."""
    start, end = tokens.ends[position - 1], tokens.starts[position]
    if end - start > MAX_GAP:
        return None
    return punctuation_key(text[start:end])


def edge_keys(text: str, tokens: Tokens) -> tuple[str, str]:
    """Keys of the punctuation before the first and after the last word."""
    before = text[: tokens.starts[0]].strip() if tokens.starts else ""
    after = text[tokens.ends[-1] :].strip() if tokens.ends else ""
    return punctuation_key(before), punctuation_key(after)


def never_matches(text: str) -> str | None:
    """Why the literal wording ``text`` can never match, or None."""
    plain = "://" not in text and "@" not in text and "www." not in text
    if plain and any(char.isalnum() for char in text):
        return None
    tokens = tokenize(text)
    if not tokens.keys:
        return "it has no word (letters or digits) to match"
    if _NOT_PROSE.search(text):
        return "it contains a URL or an e-mail address, which is never prose"
    return None


def with_edges(
    text: str, start: int, end: int, before: str, after: str
) -> tuple[int, int] | None:
    """The span with the punctuation the wording starts or ends with, if the text
    has it there (None if not)."""
    if before:
        size = next(
            (
                k
                for k in range(len(before), MAX_GAP + 1)
                if punctuation_key(text[max(start - k, 0) : start]) == before
            ),
            0,
        )
        if not size or size > start:
            return None
        start -= size
    if after:
        size = next(
            (
                k
                for k in range(len(after), MAX_GAP + 1)
                if punctuation_key(text[end : end + k]) == after
            ),
            0,
        )
        if not size:
            return None
        end += size
    return start, end
