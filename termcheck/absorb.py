"""Replacements and the words beside them: absorb what the canonical repeats.

"a community of common destiny for mankind" fixed to "community with a shared
future for mankind" must not read "...for mankind for mankind": the words of
the canonical form that already stand next to the match are kept as written
and the replacement brings only the rest (:mod:`termcheck.repeats` then
checks that no fix put a word sequence twice in a row).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from termcheck.tokens import SPACE, deinflect, tokenize

__all__ = ["Absorbed", "Word", "absorb", "prose_words"]

# Line breaks in a gap between two words; two of them make a paragraph break.
_BREAK: Final = regex.compile(r"\r\n|\r|\n")
_REACH: Final = 256  # characters looked at beyond the words needed


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the prose: its key, and offsets in the text."""

    key: str
    start: int
    end: int
    joined: bool  # joined to the word before by white space within a paragraph


@dataclass(frozen=True, slots=True)
class Absorbed:
    """The span to replace and its new text, words beside the match included."""

    start: int
    end: int
    head: str  # the leading words absorbed, as written (or re-cased)
    inner: str  # the part of the replacement that is new
    tail: str  # the trailing words absorbed
    whole: bool = False  # the words beside it already spell the whole canonical


def prose_words(masked: str, start: int, end: int) -> list[Word]:
    """The words of ``masked[start:end]`` with absolute offsets.

    Words join only across white space holding at most one line break, as a
    phrase does; punctuation, a block edge and a blank line separate them.
    """
    tokens = tokenize(masked[start:end])
    words = []
    for number, key in enumerate(tokens.keys):
        begin, finish = start + tokens.starts[number], start + tokens.ends[number]
        joined = False
        if number and tokens.seps[number] == SPACE:
            gap = masked[start + tokens.ends[number - 1] : begin]
            joined = len(_BREAK.findall(gap)) <= 1
        words.append(Word(_base(key), begin, finish, joined))
    return words


def _base(key: str) -> str:
    """A key without a possessive ending: "mankind's" and "mankind" repeat."""
    if key.endswith("'s"):
        return key[:-2]
    return key[:-1] if key.endswith("s'") else key


def absorb(
    text: str,
    masked: str,
    start: int,
    end: int,
    replacement: str,
    *,
    case_sensitive: bool,
) -> Absorbed:
    """Extend a replacement of ``text[start:end]`` over the canonical's own words.

    The trailing words of ``replacement`` that already follow the match (the
    last one may carry a plural or possessive) and its leading words that
    already precede it are left in the text, with their case and separators;
    a ``case_sensitive`` term's absorbed words take the canonical's case.
    """
    own = prose_words(replacement, 0, len(replacement))
    if not own:
        return Absorbed(start, end, "", replacement, "")
    reach = len(replacement) + _REACH
    after = _following(masked, end, min(len(masked), end + reach), len(own))
    before = _preceding(masked, max(0, start - reach), start, len(own))
    # Only words the fix would bring count: where the matched text already
    # ends (or starts) with them, a repeat beside it was there before.
    matched = [w.key for w in prose_words(masked, start, end)]
    trail = _overlap_after(own, after, matched)
    lead = _overlap_before(own, before, matched)
    if trail + lead >= len(own):
        return Absorbed(start, end, "", replacement, "", whole=True)
    inner = replacement[
        own[lead].start if lead else 0 : own[-trail - 1].end if trail else None
    ]
    low = before[-lead].start if lead else start
    high = after[trail - 1].end if trail else end
    head, tail = text[low:start], text[end:high]
    if case_sensitive:  # the canonical's case wins over the writer's
        head = _recase(
            text, (low, start), before[-lead:] if lead else [], own[:lead], replacement
        )
        tail = _recase(
            text, (end, high), after[:trail], own[len(own) - trail :], replacement
        )
    return Absorbed(low, high, head, inner, tail)


def _following(masked: str, end: int, limit: int, count: int) -> list[Word]:
    """Up to ``count`` words joined to the match's end and to each other."""
    words = prose_words(masked, end, limit)
    if limit < len(masked) and words and words[-1].end == limit:
        words.pop()  # perhaps cut in two by the limit
    taken: list[Word] = []
    for word in words[:count]:
        gap = masked[(taken[-1].end if taken else end) : word.start]
        if not gap or not gap.isspace() or len(_BREAK.findall(gap)) > 1:
            break
        taken.append(word)
    return taken


def _preceding(masked: str, low: int, start: int, count: int) -> list[Word]:
    """Up to ``count`` words joined to the match's start and to each other."""
    words = prose_words(masked, low, start)
    if low > 0 and words and words[0].start == low:
        words.pop(0)
    taken: list[Word] = []
    for word in reversed(words[-count:] if count else []):
        gap = masked[word.end : (taken[-1].start if taken else start)]
        if not gap or not gap.isspace() or len(_BREAK.findall(gap)) > 1:
            break
        taken.append(word)
    return taken[::-1]


def _overlap_after(own: list[Word], after: list[Word], matched: list[str]) -> int:
    """The most trailing words of ``own`` that ``after`` starts with and that
    the ``matched`` words do not end with."""
    for size in range(min(len(own), len(after)), 0, -1):
        suffix = own[len(own) - size :]
        if [w.key for w in suffix] == matched[max(len(matched) - size, 0) :]:
            return 0
        if suffix[0] is not own[0] and not suffix[0].joined:
            continue
        if any(not w.joined for w in suffix[1:]):
            continue
        if all(
            _same(a.key, b.key, i == size - 1)
            for i, (a, b) in enumerate(zip(suffix, after[:size], strict=True))
        ):
            return size
    return 0


def _overlap_before(own: list[Word], before: list[Word], matched: list[str]) -> int:
    """The most leading words of ``own`` that ``before`` ends with and that
    the ``matched`` words do not start with."""
    for size in range(min(len(own), len(before)), 0, -1):
        prefix = own[:size]
        if [w.key for w in prefix] == matched[:size]:
            return 0
        if size < len(own) and not own[size].joined:
            continue
        if any(not w.joined for w in prefix[1:]):
            continue
        if all(
            a.key == b.key
            for a, b in zip(prefix, before[len(before) - size :], strict=True)
        ):
            return size
    return 0


def _same(own: str, written: str, last: bool) -> bool:
    """A word of the canonical and one of the text; the last may be inflected."""
    return own == written or (
        last and any(base == own for base, _ in deinflect(written))
    )


def _recase(
    text: str,
    stretch: tuple[int, int],
    written: list[Word],
    own: list[Word],
    replacement: str,
) -> str:
    """``text[stretch]`` with each absorbed word in the canonical's case."""
    pieces, position = [], stretch[0]
    for word, model in zip(written, own, strict=True):
        form = replacement[model.start : model.end]
        current = text[word.start : word.end]
        if current[: len(form)].casefold() == form.casefold():
            current = form + current[len(form) :]  # keep an added "'s"
        pieces += [text[position : word.start], current]
        position = word.end
    pieces.append(text[position : stretch[1]])
    return "".join(pieces)
