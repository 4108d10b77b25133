"""Tokenising and normalising text and glossary forms the same way."""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from typing import Final

import regex

from termcheck.addresses import address_spans
from termcheck.normalize import fold_key

__all__ = [
    "CHARACTER_SCRIPTS",
    "FUNCTION_WORDS",
    "LONG_WORD",
    "Tokens",
    "deinflect",
    "inflect",
    "is_cjk",
    "normalize_word",
    "tokenize",
]

# Scripts written without spaces between words: each character (with its marks)
# is a word. The prolonged sound marks ー and ｰ and the iteration marks are kana
# or Han although their script is Common: "サーバーAPI" is サ ー バ ー API.
# Thai, Lao, Khmer and Myanmar are split the same way unless a dictionary
# segmenter is installed (see termcheck.segmenters).
_CJK: Final = (
    r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u30fc\uff70\u3005\u3006\u303b"
    r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
)
CHARACTER_SCRIPTS: Final = _CJK
_LETTERS: Final = rf"[^\W{_CJK}]"
# A word: letters/digits (soft hyphens inside allowed), inner apostrophes, and the
# apostrophe of a plural possessive; CJK characters are words on their own.
#   "communities’ plan" -> "communities’", "plan";  "人类" -> "人", "类"
_WORD: Final = regex.compile(
    rf"[{_CJK}]\p{{M}}*|(?:{_LETTERS}|\u00ad)+(?:['\u2019]{_LETTERS}+)*"
    r"(?:(?<=[sS])['\u2019](?!\w))?"
)
_CJK_CHAR: Final = regex.compile(rf"[{_CJK}]\p{{M}}*")
# The same words in ASCII-only text, for the standard library's faster engine: no
# CJK, soft hyphen or typographic apostrophe can occur there.
_ASCII_WORD: Final = re.compile(r"\w+(?:'\w+)*(?:(?<=[sS])'(?!\w))?", re.ASCII)
# Each word with the gap before it: the next word starts at the first word character.
# The "|\Z" lets a trailing gap end the scan instead of failing: a failed match
# would be retried from every later position, in quadratic time (a file ending in
# a long run of punctuation, or of masked markup).
_ASCII_GAP_WORD: Final = re.compile(
    r"(\W*)(\w+(?:'\w+)*(?:(?<=[sS])'(?!\w))?|\Z)", re.ASCII
)
# Hyphen-like joiners between two words; a dash with white space before it is
# punctuation, not a joiner ("peace – and" is two phrases).
_JOINER: Final = regex.compile(r"[-\u2010\u2011\u2012\u2013\u2212]\s*")

FUNCTION_WORDS: Final = frozenset(
    (
        "a an the of for with to in on at by from and or nor as into onto upon over "
        "under about between among within without via per than that this these those "
        "its their our your his her my is are was were be been"
    ).split()
)
SPACE: Final = " "
HYPHEN: Final = "-"
JOINED: Final = ""  # CJK characters side by side
DOT: Final = "."  # "Node.js", "draft.md": one compound, matched only as a whole


@dataclass(frozen=True, slots=True)
class Tokens:
    """Parallel lists describing the words of a text.

    ``seps[i]`` tells how word ``i`` joins word ``i - 1``: ``" "`` (any white
    space, line breaks included), ``"-"`` (a hyphen), ``"."`` (a dot with no
    space: ``Node.js``, ``draft.md``), ``""`` (CJK neighbours) or ``None``
    (punctuation or markup in between: no phrase runs across it).
    """

    starts: list[int]
    ends: list[int]
    keys: list[str]
    seps: list[str | None]

    def __len__(self) -> int:
        return len(self.keys)


LONG_WORD: Final = 64
"""Words longer than this (a base64 blob, a minified line) are matched exactly
only: never cached, never looked up as typos, so they cost linear time."""

_KEY_CACHE: dict[str, str] = {}


def normalize_word(word: str) -> str:
    """NFKC, typographic folding and case folding of one word."""
    key = _KEY_CACHE.get(word)
    if key is None:
        key = fold_key(word)
        if len(_KEY_CACHE) < 500_000 and len(word) <= LONG_WORD:
            _KEY_CACHE[word] = key
    return key


def _separator(gap: str, left_cjk: bool, right_cjk: bool) -> str | None:
    if not gap:
        return JOINED
    if gap.isspace():
        return JOINED if (left_cjk and right_cjk) else SPACE
    if _JOINER.fullmatch(gap):
        return HYPHEN
    if gap == "." and not (left_cjk or right_cjk):
        return DOT
    return None


def tokenize(text: str) -> Tokens:
    """Split ``text`` into words, their normalised keys and separators."""
    if text.isascii():
        return _tokenize_ascii(text)
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    seps: list[str | None] = []
    last_end = -1
    last_cjk = False
    skip = _non_prose_spans(text)
    for match in _WORD.finditer(text):
        start, end = match.span()
        if skip and _inside(skip, start):
            last_end, last_cjk = start, False  # breaks any phrase across it
            continue
        word = match.group()
        # A word starting with such a character is one (with its marks).
        cjk = _CJK_CHAR.match(word) is not None
        seps.append(
            None if last_end < 0 else _separator(text[last_end:start], last_cjk, cjk)
        )
        starts.append(start)
        ends.append(end)
        keys.append(normalize_word(word))
        last_end, last_cjk = end, cjk
    return Tokens(starts, ends, keys, seps)


def _tokenize_ascii(text: str) -> Tokens:
    """``tokenize`` for ASCII text: same result, about twice as fast."""
    if "://" not in text and "www." not in text and "@" not in text:
        return _tokenize_plain_ascii(text)
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    seps: list[str | None] = []
    last_end = -1
    skip = _non_prose_spans(text)
    known = _KEY_CACHE
    for match in _ASCII_WORD.finditer(text):
        start, end = match.span()
        if skip and _inside(skip, start):
            last_end = start  # breaks any phrase across it
            continue
        if last_end < 0:
            seps.append(None)
        else:
            gap = text[last_end:start]
            seps.append(SPACE if gap == " " else _separator(gap, False, False))
        word = match.group()
        key = known.get(word)
        starts.append(start)
        ends.append(end)
        keys.append(key if key is not None else normalize_word(word))
        last_end = end
    return Tokens(starts, ends, keys, seps)


def _tokenize_plain_ascii(text: str) -> Tokens:
    """ASCII text without URLs or e-mail addresses: words and gaps in one C call."""
    pairs = _ASCII_GAP_WORD.findall(text)
    while pairs and not pairs[-1][1]:
        pairs.pop()  # the trailing gap, and the empty match at the very end
    if not pairs:
        return Tokens([], [], [], [])
    starts: list[int] = []
    ends: list[int] = []
    seps: list[str | None] = [None]
    known = _KEY_CACHE
    position = 0
    for gap, word in pairs:
        position += len(gap)
        starts.append(position)
        position += len(word)
        ends.append(position)
        if gap == " ":
            seps.append(SPACE)
        else:
            seps.append(_separator(gap, False, False))
    del seps[1]  # the first word's gap joins nothing
    keys = [known.get(w) or normalize_word(w) for _, w in pairs]
    return Tokens(starts, ends, keys, seps)


def _non_prose_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses: never prose, in any format."""
    return address_spans(text)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    slot = bisect.bisect_right(spans, (offset, sys.maxsize)) - 1
    return slot >= 0 and spans[slot][0] <= offset < spans[slot][1]


def is_cjk(word: str) -> bool:
    """True for a single CJK character (with its marks)."""
    return _CJK_CHAR.fullmatch(word) is not None


_DEINFLECT_CACHE: dict[str, tuple[tuple[str, str], ...]] = {}


def deinflect(key: str) -> tuple[tuple[str, str], ...]:
    """Possible base forms of an English word key, with the ending removed.

    Returns ``(base, ending)`` pairs; ``ending`` is ``"plural"``, ``"possessive"``
    or ``"plural-possessive"``. Short words are left alone.
    """
    cached = _DEINFLECT_CACHE.get(key)
    if cached is not None:
        return cached
    found: list[tuple[str, str]] = []
    if len(key) >= 3:
        if key.endswith("'s"):
            found.append((key[:-2], "possessive"))
        elif key.endswith("s'"):
            found.extend(_plural_bases(key[:-1], "plural-possessive"))
        elif key.endswith("s") and not key.endswith("ss"):
            found.extend(_plural_bases(key, "plural"))
    result = tuple(found)
    if len(_DEINFLECT_CACHE) < 500_000 and len(key) <= LONG_WORD:
        _DEINFLECT_CACHE[key] = result
    return result


def _plural_bases(key: str, ending: str) -> list[tuple[str, str]]:
    bases = [(key[:-1], ending)]
    if key.endswith("ies") and len(key) > 4:
        bases.append((key[:-3] + "y", ending))
    elif key.endswith("es"):
        bases.append((key[:-2], ending))
    return bases


def inflect(word: str, ending: str) -> str | None:
    """Apply an English ending to ``word``; None where the plural is irregular."""
    if not ending:
        return word
    if ending == "possessive":
        return word + "'s"
    lower = word.lower()
    if not lower[-1:].isalpha() or lower.endswith(("man", "child", "person")):
        return None
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        plural = word[:-1] + ("IES" if word.isupper() else "ies")
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + ("ES" if word.isupper() else "es")
    else:
        plural = word + ("S" if word.isupper() else "s")
    return plural + "'" if ending == "plural-possessive" else plural
