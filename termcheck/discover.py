"""Discover families of phrase variants in a corpus, without a glossary.

1. Count phrases (``phrases.count_phrases``). The *seeds* are the phrases seen at
   least twice that are set phrases rather than chance neighbours (they account
   for a good share of the uses of their rarest word) and are not just a piece
   of a longer recurring phrase.
2. Index the seeds as glossary terms and read the texts once more. Every window
   whose first and last content words stand for two words of a seed is scored
   with the matcher's own near-miss scoring (``nearmiss.score_window``): typos,
   inserted or dropped words, word order, hyphenation; letter case is kept apart
   by counting each exact wording on its own.
3. A seed joins the family of the most frequent seed it is a near-miss of. A
   family is reported when it has two or more wordings and at least
   ``min_count`` occurrences, unless each of its wordings only extends a wording
   of a larger family.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from termcheck.discover_model import Family, Member
from termcheck.discover_scan import Scanner, Seed, Wording
from termcheck.glossary_writer import DEFAULT_FUZZY
from termcheck.index import build_index
from termcheck.model import Glossary, Term
from termcheck.phrases import (
    PhraseCounts,
    count_phrases,
    phrase_windows,
    prose_tokens,
)
from termcheck.tokens import FUNCTION_WORDS, deinflect, normalize_word, tokenize

__all__ = ["COHESION", "DEFAULT_FUZZY", "discover_families", "select_seeds"]

SEED_COUNT: Final = 2  # a wording seen once cannot seed a family
SUBSUMED: Final = 0.8  # a seed seen mostly inside one longer seed is dropped
COHESION: Final = 0.25
"""A seed accounts for at least this share of the uses of its rarest content word:
set phrases ("data protection officer") pass, chance neighbours ("development of
Africa", where "development" is everywhere) do not."""


def discover_families(
    texts: Sequence[tuple[str, str]],
    *,
    min_count: int = 3,
    fuzzy: float = DEFAULT_FUZZY,
) -> list[Family]:
    """Families of variant wordings in ``(path, text)`` pairs, most frequent first."""
    counts = count_phrases(
        (prose_tokens(t) for _, t in texts),
        SEED_COUNT,
        (prose_tokens(t) for _, t in texts),
    )
    seeds = [Seed(key, count) for key, count in select_seeds(counts)]
    if not seeds:
        return []
    glossary = Glossary(
        tuple(
            Term(str(number), seed.key, fuzzy=fuzzy)
            for number, seed in enumerate(seeds)
        )
    )
    scanner = Scanner(build_index(glossary), seeds, fuzzy)
    for path, text in texts:
        scanner.scan(path, text)
    return _families(seeds, min_count)


def select_seeds(counts: PhraseCounts) -> list[tuple[str, int]]:
    """Recurring set phrases that are not mostly part of one longer recurring phrase.

    Sorted by count, highest first, then alphabetically.
    """
    inside = _inside_counts(counts)
    seeds = [
        (phrase, count)
        for phrase, count in counts.phrases.items()
        if inside.get(phrase, 0) < SUBSUMED * count
        and count >= COHESION * _rarest_word(phrase, counts)
    ]
    return sorted(seeds, key=lambda item: (-item[1], item[0]))


def _rarest_word(phrase: str, counts: PhraseCounts) -> int:
    """How often the phrase's least frequent content word occurs in the corpus."""
    keys = tokenize(phrase).keys
    return min((counts.words[k] for k in keys if k not in FUNCTION_WORDS), default=0)


def _inside_counts(counts: PhraseCounts) -> dict[str, int]:
    """For each phrase, how many of its uses lie inside longer recurring phrases.

    The larger of: the count of the most frequent longer phrase containing it,
    and the summed counts of the phrases that extend it by one word on one side
    ("single sign" inside "single sign-on" and "single sign on").
    """
    inside: dict[str, int] = {}
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    for phrase, count in counts.phrases.items():
        tokens = tokenize(phrase)
        last = len(tokens) - 1
        for first, end, key in phrase_windows(tokens):
            if (first, end) == (0, last):
                continue
            inside[key] = max(inside.get(key, 0), count)
            if (first, end) == (0, last - 1):
                right[key] = right.get(key, 0) + count
            elif (first, end) == (1, last):
                left[key] = left.get(key, 0) + count
    for key, count in (*left.items(), *right.items()):
        inside[key] = max(inside[key], count)
    return inside


def _families(seeds: list[Seed], min_count: int) -> list[Family]:
    """Group seeds under the most frequent seed they are a near-miss of."""
    near: dict[int, set[int]] = {}
    for number, seed in enumerate(seeds):
        for other in seed.near_of:
            near.setdefault(number, set()).add(other)
            near.setdefault(other, set()).add(number)
    center_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for number in range(len(seeds)):  # seeds are sorted by count, highest first
        centers = [
            other for other in near.get(number, ()) if center_of.get(other) == other
        ]
        center = min(centers) if centers else number
        center_of[number] = center
        groups.setdefault(center, []).append(number)
    families = [_family([seeds[n] for n in group]) for group in groups.values()]
    kept = [f for f in families if len(f.members) >= 2 and f.total >= min_count]
    kept.sort(key=lambda f: (-f.total, f.canonical))
    return _drop_extensions(kept)


def _family(group: list[Seed]) -> Family:
    wordings: dict[str, Wording] = {}
    for seed in group:
        for surface, wording in seed.wordings.items():
            wordings.setdefault(surface, Wording()).add(wording.count, wording.examples)
    merged = _merge_inflections(wordings)
    members = sorted(
        (
            Member(text, w.count, tuple(sorted(w.examples)))
            for text, w in merged.items()
        ),
        key=lambda m: (-m.count, m.text),
    )
    return Family(tuple(members))


def _merge_inflections(wordings: dict[str, Wording]) -> dict[str, Wording]:
    """Count a plural or possessive, or a capital first letter (as at the start of a
    sentence), with the plain wording: "Release candidates" with "release candidate".
    """
    order = sorted(
        wordings, key=lambda t: (len(t), t[:1].isupper(), -wordings[t].count, t)
    )
    merged: dict[str, Wording] = {}
    for text in order:
        base = next((other for other in merged if _inflects(text, other)), text)
        merged.setdefault(base, Wording()).add(
            wordings[text].count, wordings[text].examples
        )
    return merged


def _inflects(text: str, base: str) -> bool:
    """True if ``text`` is ``base`` with English endings or a capital first letter."""
    words, base_words = text.split(), base.split()
    if len(words) != len(base_words):
        return False
    for position, (word, wanted) in enumerate(zip(words, base_words, strict=True)):
        if position == 0:
            word, wanted = word[:1].lower() + word[1:], wanted[:1].lower() + wanted[1:]
        if word != wanted and not any(
            word[: len(stem)] == wanted for stem, _ in deinflect(normalize_word(word))
        ):
            return False
    return True


def _drop_extensions(families: list[Family]) -> list[Family]:
    """Leave out a family that only repeats the variation of another one.

    A family is redundant next to another when each of its wordings is a wording
    of the other with the same words added ("said that the Belt and Road
    Initiative" next to "Belt and Road Initiative") or taken away ("translation
    engine" next to "machine translation engine"). When each is redundant next to
    the other, the longer one is kept if it is nearly as frequent as the shorter
    one (the shorter mostly occurs inside it), else the shorter one.
    """
    dropped: set[int] = set()
    for number, family in enumerate(families):
        for other_number, other in enumerate(families):
            if number in dropped:
                break
            if other_number == number or other_number in dropped:
                continue
            if _redundant(family, other):
                if not _redundant(other, family):
                    dropped.add(number)
                    continue
                short, long = sorted(
                    (number, other_number), key=lambda n: len(families[n].canonical)
                )
                keep_long = families[long].total >= SUBSUMED * families[short].total
                dropped.add(short if keep_long else long)
    return [f for n, f in enumerate(families) if n not in dropped]


def _redundant(family: Family, other: Family) -> bool:
    """Each wording of ``family`` is one of ``other`` with the same words taken
    away, or each is one of ``other`` with the same words added."""
    return _common_context(family, other, inside=True) or _common_context(
        family, other, inside=False
    )


def _common_context(family: Family, other: Family, *, inside: bool) -> bool:
    """Every wording of ``family`` lies inside (or holds) a wording of ``other``
    between the same words before and after."""
    common: set[tuple[str, str]] | None = None
    for member in family.members:
        contexts = set()
        for other_member in other.members:
            outer, inner = (
                (other_member.text, member.text)
                if inside
                else (member.text, other_member.text)
            )
            position = outer.find(inner)
            if position >= 0 and len(outer) > len(inner):
                folded = outer.casefold()
                contexts.add((folded[:position], folded[position + len(inner) :]))
        common = contexts if common is None else common & contexts
        if not common:
            return False
    return bool(common)
