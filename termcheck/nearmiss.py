"""Near-miss search: candidate windows from indexed word pairs, scored by alignment.

The score of a window against a form starts at 1.0 and loses, per difference:

============================================  ===============================
difference                                    penalty
============================================  ===============================
typo in a content word (similarity ``s``)     ``(1 - s) / content words``
function word added, dropped or changed       0.03
hyphen vs space between two words             0.02
content word inserted or dropped (interior)   ``0.26 / content words``
content word replaced (forms of 6+ words)     0.08
word order changed                            0.06
a single-word form written as two words       0.04
============================================  ===============================

Hard limits keep other concepts out, however high the score would be: the first
and last content words must correspond; at most one content word inserted and one
dropped; a content word may be replaced only in forms of six or more words (one
per six); a window with a dropped word keeps at least three words; a window never
starts or ends with a function word unless the form does; a two-word form takes no
function word in between.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz.distance import OSA

from termcheck.index import MIN_FUZZY_WORD, FormRef, TermIndex
from termcheck.nearmiss_lang import (
    character_score,
    character_windows,
    ending_similarity,
    plain_similarity,
)
from termcheck.spans import Overlaps
from termcheck.tokens import DOT, FUNCTION_WORDS, LONG_WORD, Tokens, deinflect

__all__ = [
    "NearMiss",
    "find_near_misses",
    "resolve_word",
    "score_window",
    "word_similarity",
]

TYPO_MIN: Final = 0.75  # per-word similarity below this is another word
FUNCTION_COST: Final = 0.03
SEPARATOR_COST: Final = 0.02
INSERT_DROP_WEIGHT: Final = 0.26
REPLACE_COST: Final = 0.08
ORDER_COST: Final = 0.06
SPLIT_COST: Final = 0.04
WORDS_PER_REPLACEMENT: Final = 6
MIN_WORDS_AFTER_DROP: Final = 3
SLACK: Final = 2  # a window may be this many words longer than its form
MAX_PAIR_DISTANCE: Final = 10  # two words of one form are at most this far apart
_IMPOSSIBLE: Final = 99.0
RESOLVED_LIMIT: Final = 400_000  # text words whose resolution the index remembers


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A window of tokens ``first..last`` (inclusive) that resembles form ``ref``."""

    ref: int
    first: int
    last: int
    score: float


def find_near_misses(
    index: TermIndex,
    tokens: Tokens,
    exact: Mapping[int, Sequence[tuple[int, int]]] | None = None,
) -> list[NearMiss]:
    """Every window of ``tokens`` that scores at or above its term's threshold.

    ``exact`` maps a term number to the token spans of its exact matches: a window
    that overlaps one of them, or equals any exact span, is not scored at all.
    """
    if not index.vocab:
        return []
    exact = exact or {}
    exact_spans = {span for spans in exact.values() for span in spans}
    overlaps = {term: Overlaps(spans) for term, spans in exact.items()}
    windows = _candidate_windows(index, tokens)
    best: dict[tuple[int, int], NearMiss] = {}
    # In form order, so that of two forms scoring the same the first wins, wherever
    # the window is (the set's order depends on the token positions).
    for ref_no, first, last in sorted(windows):
        ref = index.refs[ref_no]
        same_term = overlaps.get(ref.term)
        if (first, last) in exact_spans or (
            same_term is not None and same_term.hit(first, last)
        ):
            continue
        threshold = index.glossary.terms[ref.term].fuzzy
        score = score_window(ref, tokens, first, last)
        if threshold is None or score >= 1.0 or score < threshold:
            continue
        current = best.get((first, last))
        if current is None or score > current.score:
            best[(first, last)] = NearMiss(ref_no, first, last, score)
    return sorted(best.values(), key=lambda n: (n.first, n.last))


def resolve_word(
    index: TermIndex, key: str, cache: dict[str, list[tuple[int, float]]]
) -> list[tuple[int, float]]:
    """Vocabulary words a text word stands for: itself, its base, or a typo of one."""
    found = cache.get(key)
    if found is not None:
        return found
    found = []
    word_id = index.vocab.get(key)
    if word_id is not None:
        found.append((word_id, 1.0))
    for base, _ending in deinflect(key):
        base_id = index.vocab.get(base)
        if base_id is not None:
            found.append((base_id, 1.0))
    if not found and MIN_FUZZY_WORD <= len(key) <= LONG_WORD + 1:
        found = _typo_candidates(index, key)
    cache[key] = found
    return found


def _typo_candidates(index: TermIndex, key: str) -> list[tuple[int, float]]:
    ids: set[int] = set(index.deletes.get(key, ()))
    for position in range(len(key)):
        shorter = key[:position] + key[position + 1 :]
        exact = index.vocab.get(shorter)
        if exact is not None:
            ids.add(exact)
        ids.update(index.deletes.get(shorter, ()))
    found = []
    for word_id in ids:
        similarity = OSA.normalized_similarity(key, index.words[word_id])
        if similarity >= TYPO_MIN:
            found.append((word_id, similarity))
    return found


def _candidate_windows(index: TermIndex, tokens: Tokens) -> set[tuple[int, int, int]]:
    keys, seps = tokens.keys, tokens.seps
    cache = index.resolved
    if len(cache) > RESOLVED_LIMIT:
        cache.clear()
    pairs, singles = index.pairs, index.singles
    recent: deque[tuple[int, int]] = deque()  # (position, vocab id) hits in this phrase
    spots: dict[int, set[int]] = {}  # form ref -> positions of its words
    windows: set[tuple[int, int, int]] = set()
    split_words = index.split_words
    function_words = index.function_words
    for position, key in enumerate(keys):
        sep = seps[position]
        if sep is None or sep == DOT:
            recent.clear()
        elif split_words and position and sep != "":
            # A single-word form written as two words: "Git Hub", "e mail".
            split = split_words.get(keys[position - 1] + key)
            if split:
                windows.update((ref_no, position - 1, position) for ref_no in split)
        if key in function_words:
            continue
        hits = cache.get(key)
        if hits is None:
            hits = resolve_word(index, key, cache)
        if not hits:
            continue
        while recent and position - recent[0][0] > MAX_PAIR_DISTANCE:
            recent.popleft()
        for word_id, similarity in hits:
            if similarity < 1.0 and word_id in singles:
                windows.update((r, position, position) for r in singles[word_id])
            for earlier, other in recent:
                if earlier == position:
                    continue
                pair = (
                    (other << 32 | word_id)
                    if other <= word_id
                    else (word_id << 32 | other)
                )
                for ref_no in pairs.get(pair, ()):
                    spots.setdefault(ref_no, set()).update((earlier, position))
        recent.extend((position, word_id) for word_id, _ in hits)
    for ref_no, positions in spots.items():
        windows.update(_cluster(index.refs[ref_no], ref_no, sorted(positions), tokens))
    return windows


def _cluster(
    ref: FormRef, ref_no: int, positions: list[int], tokens: Tokens
) -> list[tuple[int, int, int]]:
    """Windows from one hit of the form to a later one, in one phrase, within length."""
    limit = len(ref.keys) + SLACK
    found = []
    for at, first in enumerate(positions):
        for later in range(at + 1, len(positions)):  # no slice copy: stays linear
            last = positions[later]
            if last - first + 1 > limit or any(
                tokens.seps[p] in (None, DOT) for p in range(first + 1, last + 1)
            ):
                break
            found.append((ref_no, *_extend(ref, tokens, first, last)))
            if ref.characters:
                found.extend(
                    (ref_no, *window)
                    for window in character_windows(ref, tokens, first, last)
                )
    return found


def _extend(ref: FormRef, tokens: Tokens, first: int, last: int) -> tuple[int, int]:
    """Take in the function words a form starts or ends with, if present."""
    leading = ref.content[0] if ref.content else 0
    while (
        leading
        and first > 0
        and tokens.seps[first] is not None
        and tokens.keys[first - 1] in ref.function_words
    ):
        first, leading = first - 1, leading - 1
    trailing = len(ref.keys) - 1 - ref.content[-1] if ref.content else 0
    while (
        trailing
        and last + 1 < len(tokens.keys)
        and tokens.seps[last + 1] is not None
        and tokens.keys[last + 1] in ref.function_words
    ):
        last, trailing = last + 1, trailing - 1
    return first, last


def score_window(ref: FormRef, tokens: Tokens, first: int, last: int) -> float:
    """Similarity in [0, 1] of tokens ``first..last`` to form ``ref`` (1.0: same)."""
    words = tokens.keys[first : last + 1]
    seps = ["", *tokens.seps[first + 1 : last + 1]]
    if ref.characters:
        return character_score(ref, words)
    if len(ref.keys) == 1:
        return _single_word_score(ref, ref.keys[0], words)
    fw = ref.function_words
    if len(ref.keys) == 2 and not set(ref.keys) & fw and set(words) & fw:
        return 0.0  # "true to multilateralism" is not "true multilateralism"
    if words[0] in fw and ref.keys[0] not in fw:
        return 0.0
    if words[-1] in fw and ref.keys[-1] not in fw:
        return 0.0
    aligned = _align(ref, words, [s or "" for s in seps])
    return max(aligned, _reordered_score(ref, words), 0.0)


def _single_word_score(ref: FormRef, form: str, words: list[str]) -> float:
    if len(words) == 2:
        return 1.0 - SPLIT_COST if words[0] + words[1] == form else 0.0
    return _similar(ref, form, words[0]) if len(form) >= MIN_FUZZY_WORD else 0.0


def _similar(ref: FormRef, form_word: str, word: str) -> float:
    """``word_similarity`` by the rules of the wording's language."""
    if ref.english:
        return word_similarity(form_word, word)
    inflected = ending_similarity(form_word, word) if ref.inflects else None
    if inflected is not None:
        return inflected
    return plain_similarity(form_word, word, ref.function_words)


_SIMILARITY: dict[tuple[str, str], float] = {}


def word_similarity(form_word: str, word: str) -> float:
    """1.0 for the word or an inflection of it, OSA similarity for a typo, else 0."""
    if form_word == word:
        return 1.0
    cached = _SIMILARITY.get((form_word, word))
    if cached is not None:
        return cached
    similarity = 0.0
    if any(base == form_word for base, _ in deinflect(word)):
        similarity = 1.0
    elif len(form_word) >= 4 and form_word not in FUNCTION_WORDS:
        similarity = OSA.normalized_similarity(form_word, word)
        similarity = similarity if similarity >= TYPO_MIN else 0.0
    if len(_SIMILARITY) < 200_000 and len(word) <= LONG_WORD:
        _SIMILARITY[(form_word, word)] = similarity
    return similarity


def _pair_cost(
    ref: FormRef, form_word: str, word: str, content_share: float, replace_cost: float
) -> float:
    similarity = (
        word_similarity(form_word, word)
        if ref.english
        else _similar(ref, form_word, word)
    )
    fw = ref.function_words
    form_function = form_word in fw
    if similarity > 0:
        return (1.0 - similarity) * content_share
    if form_function and word in fw:
        return FUNCTION_COST
    if not form_function and word not in fw:
        return replace_cost
    return _IMPOSSIBLE


def _align(ref: FormRef, words: list[str], seps: list[str]) -> float:
    """Word-by-word alignment score, or 0.0 when a hard limit is broken."""
    form = ref.keys
    fw = ref.function_words
    content_count = max(len(ref.content), 1)
    share = 1.0 / content_count
    gap = INSERT_DROP_WEIGHT / content_count
    replace = REPLACE_COST if len(form) >= WORDS_PER_REPLACEMENT else _IMPOSSIBLE
    rows, cols = len(form) + 1, len(words) + 1
    cost = [[0.0] * cols for _ in range(rows)]
    move = [[""] * cols for _ in range(rows)]
    for a in range(1, rows):
        cost[a][0] = cost[a - 1][0] + (FUNCTION_COST if form[a - 1] in fw else gap)
        move[a][0] = "drop"
    for b in range(1, cols):
        cost[0][b] = cost[0][b - 1] + (FUNCTION_COST if words[b - 1] in fw else gap)
        move[0][b] = "insert"
    for a in range(1, rows):
        for b in range(1, cols):
            pair = _pair_cost(ref, form[a - 1], words[b - 1], share, replace)
            if a > 1 and b > 1 and ref.seps[a - 1] != seps[b - 1]:
                pair += SEPARATOR_COST
            options = (
                (cost[a - 1][b - 1] + pair, "pair"),
                (
                    cost[a - 1][b] + (FUNCTION_COST if form[a - 1] in fw else gap),
                    "drop",
                ),
                (
                    cost[a][b - 1] + (FUNCTION_COST if words[b - 1] in fw else gap),
                    "insert",
                ),
            )
            cost[a][b], move[a][b] = min(options)
    if cost[-1][-1] >= _IMPOSSIBLE or not _within_limits(ref, words, move):
        return 0.0
    return 1.0 - cost[-1][-1]


def _within_limits(ref: FormRef, words: list[str], move: list[list[str]]) -> bool:
    a, b = len(ref.keys), len(words)
    fw = ref.function_words
    drops = inserts = replaced = 0
    pairs: dict[int, int] = {}  # form position -> window position
    while a or b:
        step = move[a][b]
        if step == "pair":
            a, b = a - 1, b - 1
            pairs[a] = b
            if _similar(ref, ref.keys[a], words[b]) == 0 and ref.keys[a] not in fw:
                replaced += 1
        elif step == "drop":
            a -= 1
            drops += ref.keys[a] not in fw
        else:
            b -= 1
            inserts += words[b] not in fw
    if drops > 1 or inserts > 1 or replaced > len(ref.keys) // WORDS_PER_REPLACEMENT:
        return False
    if drops and len(words) < MIN_WORDS_AFTER_DROP:
        return False  # "human community" is too little of "human security community"
    content = [i for i, w in enumerate(words) if w not in fw]
    first, last = ref.content[0], ref.content[-1]
    return (
        bool(content)
        and pairs.get(first) == content[0]
        and pairs.get(last) == content[-1]
        and _similar(ref, ref.keys[first], words[content[0]]) > 0
        and _similar(ref, ref.keys[last], words[content[-1]]) > 0
    )


def _reordered_score(ref: FormRef, words: list[str]) -> float:
    """Score for the same content words in another order ("X of Y" for "Y X")."""
    fw = ref.function_words
    form_content = [ref.keys[i] for i in ref.content]
    window_content = [w for w in words if w not in fw]
    if len(form_content) < 2 or len(window_content) != len(form_content):
        return 0.0
    remaining = list(window_content)
    typo_cost = 0.0
    for form_word in form_content:
        best = max(remaining, key=lambda w: _similar(ref, form_word, w))
        similarity = _similar(ref, form_word, best)
        if similarity == 0:
            return 0.0
        typo_cost += (1.0 - similarity) / len(form_content)
        remaining.remove(best)
    if window_content == form_content:
        return 0.0  # same order: the alignment already scored it
    form_function = sorted(k for k in ref.keys if k in fw)
    window_function = sorted(w for w in words if w in fw)
    function_changes = _multiset_difference(form_function, window_function)
    return 1.0 - ORDER_COST - typo_cost - FUNCTION_COST * function_changes


def _multiset_difference(left: list[str], right: list[str]) -> int:
    remaining = list(right)
    unmatched = 0
    for word in left:
        if word in remaining:
            remaining.remove(word)
        else:
            unmatched += 1
    return unmatched + len(remaining)
