"""Find the occurrences and near-misses of seed phrases in a text (for ``discover``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from termcheck.discover_model import Location
from termcheck.index import TermIndex
from termcheck.nearmiss import SLACK, resolve_word, score_window, word_similarity
from termcheck.phrases import MAX_WORDS, may_end, may_start, prose_tokens
from termcheck.text import LineIndex
from termcheck.tokens import FUNCTION_WORDS, Tokens

__all__ = ["MAX_EXAMPLES", "Scanner", "Seed", "Wording"]

MAX_EXAMPLES: Final = 3
_WIDEST: Final = MAX_WORDS + SLACK
_Window = tuple[int, int, int, float]  # first, last (token positions), seed, score


@dataclass(slots=True)
class Wording:
    """Occurrences of one exact wording, and where the first few are."""

    count: int = 0
    examples: list[Location] = field(default_factory=list)

    def add(self, count: int, examples: list[Location]) -> None:
        """Add occurrences (keeping at most ``MAX_EXAMPLES`` locations)."""
        self.count += count
        self.examples.extend(examples[: MAX_EXAMPLES - len(self.examples)])


@dataclass(slots=True)
class Seed:
    """A recurring phrase, with the wordings found for it in the texts."""

    key: str
    count: int
    wordings: dict[str, Wording] = field(default_factory=dict)  # by surface text
    near_of: set[int] = field(default_factory=set)  # seeds this one is a near-miss of


class Scanner:
    """Scores windows of text against the seeds, one text at a time.

    A window's first and last content words must stand for two words of a seed
    (the index's word pairs) before the near-miss scoring runs; scores are cached
    per seed form and window wording, so a wording is scored once.
    """

    def __init__(self, index: TermIndex, seeds: list[Seed], fuzzy: float) -> None:
        self.index = index
        self.seeds = seeds
        self.fuzzy = fuzzy
        self.by_key = {seed.key: number for number, seed in enumerate(seeds)}
        self.resolved: dict[str, list[tuple[int, float]]] = {}
        self.scores: dict[tuple[int, str], float] = {}
        # Stop words a seed starts or ends with ("on" of "single sign-on").
        self.edges = {ref.keys[0] for ref in index.refs} | {
            ref.keys[-1] for ref in index.refs
        }
        # Per form: vocabulary ids of its first and last content words, its length
        # in words and its number of content words.
        self.shapes = [
            (
                index.vocab[ref.keys[ref.content[0]]],
                index.vocab[ref.keys[ref.content[-1]]],
                len(ref.keys),
                len(ref.content),
            )
            if ref.content
            else (-1, -1, 0, 0)
            for ref in index.refs
        ]

    def scan(self, path: str, text: str) -> None:
        """Record the occurrences of every seed, and its near-misses, in ``text``."""
        tokens = prose_tokens(text)
        by_seed: dict[int, list[_Window]] = {}
        for window in self._windows(tokens):
            by_seed.setdefault(window[2], []).append(window)
        lines = LineIndex(text)
        for number, windows in by_seed.items():
            seed = self.seeds[number]
            for first, last in _select(windows):
                if _in_proper_name(text, tokens, first, last):
                    continue
                start, end = tokens.starts[first], tokens.ends[last]
                surface = " ".join(text[start:end].split())
                line, column = lines.position(start)
                seed.wordings.setdefault(surface, Wording()).add(
                    1, [Location(path, line, column)]
                )

    def _windows(self, tokens: Tokens) -> list[_Window]:
        """Exact seed windows (score 1.0) and near-miss windows of the text."""
        keys, seps = tokens.keys, tokens.seps
        found: list[_Window] = []
        for first in range(len(keys)):
            if not (may_start(tokens, first) or keys[first] in self.edges):
                continue
            phrase = keys[first]
            outer = [keys[first]] if keys[first] not in FUNCTION_WORDS else []
            content = len(outer)
            for last in range(first + 1, min(first + _WIDEST, len(keys))):
                if seps[last] is None:
                    break
                phrase = phrase + (seps[last] or "") + keys[last]
                if keys[last] not in FUNCTION_WORDS:
                    content += 1
                    outer = [outer[0] if outer else keys[last], keys[last]]
                if not (may_end(tokens, last) or keys[last] in self.edges):
                    continue
                own = self.by_key.get(phrase)
                if own is not None:
                    found.append((first, last, own, 1.0))
                if content >= 2:
                    for ref in self._refs(outer, last - first + 1, content):
                        self._score(tokens, (first, last), phrase, ref, own, found)
        return found

    def _refs(self, outer: list[str], size: int, content: int) -> set[int]:
        """Seed forms a window could be a near-miss of, by the scoring's hard limits.

        The window's first and last content words must stand for the form's
        (aligned), or the window must have as many content words as the form
        (word order changed); and it is at most ``SLACK`` words longer.
        """
        starts = resolve_word(self.index, outer[0], self.resolved)
        ends = resolve_word(self.index, outer[1], self.resolved) if starts else []
        found = set()
        for start, _ in starts:
            for end, _ in ends:
                pair = (start << 32 | end) if start <= end else (end << 32 | start)
                for ref in self.index.pairs.get(pair, ()):
                    shape = self.shapes[ref]
                    if size <= shape[2] + SLACK and (
                        (start, end) == shape[:2] or content == shape[3]
                    ):
                        found.add(ref)
        return found

    def _score(
        self,
        tokens: Tokens,
        span: tuple[int, int],
        phrase: str,
        ref: int,
        own: int | None,
        found: list[_Window],
    ) -> None:
        seed = self.index.refs[ref].term
        if own == seed:
            return
        score = self.scores.get((ref, phrase))
        if score is None:
            form = self.index.refs[ref]
            window = tokens.keys[span[0] : span[1] + 1]
            # Only a function word more or less at an edge ("single sign" of
            # "single sign-on") is a piece of the phrase, not a variant of it.
            score = (
                0.0
                if _not_a_variant(form.keys, window)
                else score_window(form, tokens, *span)
            )
            self.scores[(ref, phrase)] = score
        if score < self.fuzzy:
            return
        if own is None:  # an inflection (score 1.0) counts as the seed itself
            found.append((*span, seed, score))
        else:  # one seed is a near-miss of another: remember the link
            self.seeds[own].near_of.add(seed)


def _in_proper_name(text: str, tokens: Tokens, first: int, last: int) -> bool:
    """True for capitalised words inside a longer name, like "Climate Change" in
    "Framework Convention on Climate Change" (function words may come between)."""

    def capital(position: int) -> bool:
        return text[tokens.starts[position]].isupper()

    content = [
        p for p in range(first, last + 1) if tokens.keys[p] not in FUNCTION_WORDS
    ]
    if not all(capital(p) for p in content):
        return False
    for step, edge in ((-1, first), (1, last)):
        position = edge
        while True:
            joined = position if step < 0 else position + 1  # seps[i] joins i-1, i
            position += step
            if not 0 <= position < len(tokens.keys) or tokens.seps[joined] is None:
                break
            if tokens.keys[position] not in FUNCTION_WORDS:
                # A capital at a sentence start (nothing joined before) says nothing.
                starts_sentence = step < 0 and (
                    position == 0 or tokens.seps[position] is None
                )
                if capital(position) and not starts_sentence:
                    return True
                break
    return False


def _not_a_variant(form: Sequence[str], window: Sequence[str]) -> bool:
    """Near-misses the scoring accepts that discovery does not count as variants.

    A function word more or less at an edge ("single sign" of "single sign-on")
    is a piece of the phrase; function words put into a phrase that has none
    ("development that benefits" for "development benefits"), or around words
    put in another order ("countries in developing"), make another phrase.
    """
    if len(window) != len(form) and _core(window) == _core(form):
        return True
    form_function = sorted(k for k in form if k in FUNCTION_WORDS)
    window_function = sorted(k for k in window if k in FUNCTION_WORDS)
    if window_function == form_function:
        return False
    return not form_function or _reordered(form, window)


def _reordered(form: Sequence[str], window: Sequence[str]) -> bool:
    """True if the window's content words follow the form's in another order."""
    form_content = [k for k in form if k not in FUNCTION_WORDS]
    positions = []
    for key in (k for k in window if k not in FUNCTION_WORDS):
        similar = [i for i, f in enumerate(form_content) if word_similarity(f, key)]
        if similar:
            positions.append(similar[0])
    return positions != sorted(positions)


def _core(keys: Sequence[str]) -> tuple[str, ...]:
    """The words without the function words at either end."""
    first, last = 0, len(keys)
    while first < last and keys[first] in FUNCTION_WORDS:
        first += 1
    while last > first and keys[last - 1] in FUNCTION_WORDS:
        last -= 1
    return tuple(keys[first:last])


def _select(windows: list[_Window]) -> list[tuple[int, int]]:
    """Non-overlapping windows of one seed: longest first, exact before near."""
    taken: set[int] = set()
    chosen = []
    for first, last, _, _ in sorted(windows, key=lambda w: (w[0] - w[1], -w[3], w[0])):
        span = range(first, last + 1)
        if taken.isdisjoint(span):
            taken.update(span)
            chosen.append((first, last))
    return chosen
