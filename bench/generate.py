"""Deterministic bench data: glossaries, prose-like Markdown corpora, planted cases.

Everything is derived from fixed seeds, so the same arguments always give the
same bytes. The vocabulary is built here: a few hundred real English words for
the frequent ranks, then made-up but pronounceable words for the long tail and
for the terms. Words are drawn with a Zipf-like distribution.

Glossaries are nested: the 1,000-term glossary starts with the 100 terms of the
100-term one, and so on. Cases are planted only for the first 100 terms, so
every glossary size can be scored on every corpus.

Planted cases (``cases.tsv`` beside the corpus files: file, line, column,
kind, term id, text):

- exact kinds (termcheck must find 100 %): ``forbidden`` (a forbidden form),
  ``forbidden-case`` (a forbidden form in other letter case), ``case`` (a
  case-sensitive term in the wrong case), ``wrapped`` (a forbidden form broken
  across two lines), ``regex`` (text a forbidden regex form matches);
- near-miss kinds (at least 95 %): ``typo``, ``inserted``, ``dropped``,
  ``swapped`` (word order) and ``hyphenated``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "EXACT_KINDS",
    "NEAR_KINDS",
    "BenchTerm",
    "build_terms",
    "write_corpus",
    "write_glossary",
]

EXACT_KINDS = ("forbidden", "forbidden-case", "case", "wrapped", "regex")
NEAR_KINDS = ("typo", "inserted", "dropped", "swapped", "hyphenated")
PLANTED_TERMS = 100
PLANT_SHARE = 0.03  # sentences that get a planted case
LINE_WIDTH = 78
FILE_BYTES = 100_000  # corpus files are about this size

# Frequent English words, most frequent first (function words lead).
_COMMON = (
    "the of and to a in that is was for it with as on be at by this had not are "
    "but from or have an they which one you were her all she there would their "
    "we him been has when who will more no if out so said what up its about into "
    "than them can only other new some could time these two may then do first any "
    "my now such like our over man me even most made after also did many before "
    "must through back years where much your way well down should because each "
    "just those people how too little state good very make world still own see "
    "men work long get here between both life being under never day same another "
    "know while last might us great old year off come since against go came right "
    "used take three states himself few house use during without again place "
    "around however home small found thought went say part once general high upon "
    "school every does got united left number course war until always away "
    "something fact though water less public put thing almost hand enough far "
    "took head yet government system better set told nothing night end why called "
    "didn't eyes find going look asked later knew point next program city business "
    "give group toward young days let room president side social given present "
    "several order national possible rather second face per among form important "
    "often things looked early white case become large big need four within felt "
    "along children saw best church ever least power development light thing "
    "report policy council member support service market region trade security "
    "agreement treaty cooperation partner partners meeting delegation minister "
    "committee framework initiative process principle rights economic regional "
    "international peace dialogue strategy summit sustainable community future"
).split()
_FUNCTION_INSERTS = ("the", "of", "and", "for", "with")
_ONSETS = (
    "b br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sc sh sl sp st "
    "str t th tr v w z"
).split()
_NUCLEI = "a e i o u a e i o ea ou ai io".split()
_CODAS = ("", "", "", "n", "r", "l", "s", "t", "m", "nd", "nt", "st", "rk", "x")


@dataclass(frozen=True, slots=True)
class BenchTerm:
    """One generated term: canonical, allowed and forbidden forms, settings."""

    id: str
    canonical: str
    allowed: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()  # forbidden regex forms
    regex_example: str = ""  # a text the first regex form matches
    case_sensitive: bool = False


def _made_up_words(
    rng: random.Random, count: int, taken: set[str], syllables: tuple[int, ...]
) -> list[str]:
    """Distinct pronounceable words of so many syllables."""
    words: list[str] = []
    while len(words) < count:
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_NUCLEI) + rng.choice(_CODAS)
            for _ in range(rng.choice(syllables))
        )
        if 3 <= len(word) <= 14 and word not in taken:
            taken.add(word)
            words.append(word)
    return words


@dataclass(slots=True)
class _Vocabulary:
    """The prose words by rank and the disjoint pool that terms are made of."""

    prose: list[str]
    term_words: list[str]
    all_words: set[str] = field(default_factory=set)


def _vocabulary(seed: int = 7) -> _Vocabulary:
    rng = random.Random(seed)
    taken = set(_COMMON)
    tail = _made_up_words(rng, 12_000, taken, (1, 2, 2, 2, 3))
    term_words = _made_up_words(rng, 60_000, taken, (2, 2, 3, 3, 4))
    # A few term words also occur in prose (rarely), as real domain words do.
    prose = list(_COMMON) + tail + term_words[:3_000]
    return _Vocabulary(prose, term_words, taken)


def build_terms(count: int, seed: int = 11) -> list[BenchTerm]:
    """``count`` terms; the first ones are the same for any larger ``count``."""
    vocab = _vocabulary()
    rng = random.Random(seed)
    used: set[str] = set()  # folded forms, unique across the glossary
    terms: list[BenchTerm] = []
    while len(terms) < count:
        term = _make_term(rng, vocab.term_words, len(terms), used)
        if term is not None:
            terms.append(term)
    return terms


def _make_term(
    rng: random.Random, pool: list[str], number: int, used: set[str]
) -> BenchTerm | None:
    shape = rng.random()
    if shape < 0.2:
        words = [rng.choice(pool) + rng.choice(pool)[:4]]  # one long word
    elif shape < 0.55:
        words = [rng.choice(pool) for _ in range(2)]
    elif shape < 0.8:
        words = [rng.choice(pool) for _ in range(3)]
        if rng.random() < 0.5:
            words.insert(rng.randint(1, 2), rng.choice(("of", "for", "and")))
    else:
        words = [rng.choice(pool) for _ in range(4)]
    case_sensitive = number % 20 == 7
    if case_sensitive:
        words = [w.capitalize() if w not in _FUNCTION_INSERTS else w for w in words]
    canonical = " ".join(words)
    content = [w for w in words if w not in _FUNCTION_INSERTS]
    if len(set(content)) < len(content):
        return None
    forbidden = [_forbidden_variant(rng, words, pool)]
    allowed = []
    if len(words) > 1 and rng.random() < 0.25:
        allowed.append("-".join(words))  # "alpha-beta" for "alpha beta"
    if len(content) >= 2 and rng.random() < 0.3:
        forbidden.append("".join(w[0] for w in content).upper() + rng.choice("XQZ"))
    regex: tuple[str, ...] = ()
    example = ""
    if number % 25 == 3 and len(words) >= 2:
        # A forbidden family: the first word, then a made-up second word ending in
        # -ix or -ixes ("alpha zorbix", "alpha zorbixes").
        stem = rng.choice(pool)[:5]
        regex = (f"{words[0]} {stem}ix(?:es)?",)
        example = f"{words[0]} {stem}ixes"
    forms = [canonical, *allowed, *forbidden, example]
    folded = {f.casefold() for f in forms if f}
    if len(folded) < len([f for f in forms if f]) or folded & used:
        return None
    used.update(folded)
    return BenchTerm(
        f"t{number}",
        canonical,
        tuple(allowed),
        tuple(forbidden),
        regex,
        example,
        case_sensitive,
    )


def _forbidden_variant(rng: random.Random, words: list[str], pool: list[str]) -> str:
    """An unapproved wording: one word swapped for an unrelated one."""
    variant = list(words)
    slot = rng.randrange(len(variant))
    while variant[slot] in _FUNCTION_INSERTS:
        slot = rng.randrange(len(variant))
    replacement = rng.choice(pool)
    if words[slot][:1].isupper():
        replacement = replacement.capitalize()
    variant[slot] = replacement
    return " ".join(variant)


def write_glossary(terms: list[BenchTerm], path: Path) -> None:
    """Write ``terms`` as a termcheck YAML glossary."""
    lines = ["version: 1", f"name: bench {len(terms)} terms", "terms:"]
    for term in terms:
        lines.append(f"  - id: {term.id}")
        lines.append(f"    canonical: {json.dumps(term.canonical)}")
        if term.allowed:
            lines.append(f"    allowed: {json.dumps(list(term.allowed))}")
        forms = [json.dumps(f) for f in term.forbidden]
        forms += ["{regex: " + json.dumps(r) + "}" for r in term.regex]
        lines.append(f"    forbidden: [{', '.join(forms)}]")
        if term.case_sensitive:
            lines.append("    case: sensitive")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class _Plant:
    kind: str
    term: str
    words: tuple[str, ...]  # the planted text, word by word
    wrap_after: int = -1  # force a line break after this word (wrapped kind)


def _near_variant(
    rng: random.Random, term: BenchTerm, kind: str, known: set[str]
) -> tuple[str, ...] | None:
    """A near-miss of the canonical form of the kind asked for, or None."""
    words = term.canonical.split()
    content = [i for i, w in enumerate(words) if w not in _FUNCTION_INSERTS]
    result: list[str] | None = None
    if kind == "typo":
        long = [i for i in content if len(words[i]) >= (9 if len(words) == 1 else 6)]
        if long:
            slot = rng.choice(long)
            result = list(words)
            result[slot] = _typo(rng, words[slot])
    elif kind == "inserted" and len(words) >= 3:
        # (A two-word form takes no word in between: "X and Y" is another thing.)
        result = list(words)
        extra = "national" if len(content) >= 3 else rng.choice(("the", "and"))
        result.insert(rng.randint(1, len(words) - 1), extra)
    elif kind == "dropped":
        function = [i for i, w in enumerate(words) if w in _FUNCTION_INSERTS]
        if function:
            result = [w for i, w in enumerate(words) if i != function[0]]
        elif len(content) >= 4:
            slot = rng.choice(content[1:-1])
            result = [w for i, w in enumerate(words) if i != slot]
    elif kind == "swapped" and len(content) == 2 and len(words) == 2:
        result = [words[1], words[0]]
    elif kind == "hyphenated":
        if len(words) == 2:
            result = [f"{words[0]}-{words[1]}"]
        elif len(words) == 1 and len(words[0]) >= 8:
            cut = len(words[0]) // 2
            result = [f"{words[0][:cut]}-{words[0][cut:]}"]
    if result is None:
        return None
    if " ".join(result).casefold() in known:
        return None
    return tuple(result)


def _typo(rng: random.Random, word: str) -> str:
    """One substitution, deletion or transposition inside the word."""
    at = rng.randint(2, len(word) - 3)
    choice = rng.randrange(3)
    if choice == 0:
        letter = rng.choice([c for c in "aeioulnrst" if c != word[at]])
        return word[:at] + letter + word[at + 1 :]
    if choice == 1:
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _plants(terms: list[BenchTerm], rng: random.Random) -> list[_Plant]:
    """A shuffled cycle of every applicable case for the planted terms."""
    known = {
        form.casefold()
        for term in terms
        for form in (term.canonical, *term.allowed, *term.forbidden)
    }
    plants: list[_Plant] = []
    for term in terms[:PLANTED_TERMS]:
        forbidden = term.forbidden[0].split()
        plants.append(_Plant("forbidden", term.id, tuple(forbidden)))
        upper = tuple(w.upper() for w in forbidden)
        plants.append(_Plant("forbidden-case", term.id, upper))
        if len(forbidden) >= 2:
            plants.append(_Plant("wrapped", term.id, tuple(forbidden), 0))
        if term.case_sensitive:
            wrong = tuple(w.lower() for w in term.canonical.split())
            plants.append(_Plant("case", term.id, wrong))
        if term.regex_example:
            plants.append(_Plant("regex", term.id, tuple(term.regex_example.split())))
        for kind in NEAR_KINDS:
            variant = _near_variant(rng, term, kind, known)
            if variant is not None:
                plants.append(_Plant(kind, term.id, variant))
        # Accepted uses too: they are what the near-miss search must stay quiet on.
        plants.append(_Plant("", term.id, tuple(term.canonical.split())))
    rng.shuffle(plants)
    return plants


class _Writer:
    """Lays words out in wrapped Markdown lines and remembers where plants land."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.width = 0
        self.done = 0  # characters in finished lines, line breaks included
        self.cases: list[tuple[int, int, str, str, str]] = []

    def word(self, word: str) -> None:
        if self.width and self.width + 1 + len(word) > LINE_WIDTH:
            self.newline()
        if self.width:
            self.current.append(" ")
            self.width += 1
        self.current.append(word)
        self.width += len(word)

    def unit(self, words: tuple[str, ...], plant: _Plant, suffix: str) -> None:
        """Plant words as one unbreakable run (or broken once, for ``wrapped``)."""
        text = " ".join(words)
        if plant.wrap_after >= 0:
            head = " ".join(words[: plant.wrap_after + 1])
            tail = " ".join(words[plant.wrap_after + 1 :]) + suffix
            self.word(head)
            self._record(plant, text, len(head))
            self.newline()
            self.word(tail)
            return
        full = text + suffix
        if self.width and self.width + 1 + len(full) > LINE_WIDTH:
            self.newline()
        if self.width:
            self.current.append(" ")
            self.width += 1
        self._record(plant, text, 0)
        self.current.append(full)
        self.width += len(full)

    def _record(self, plant: _Plant, text: str, back: int) -> None:
        if plant.kind:
            line = len(self.lines) + 1
            column = self.width + 1 - back
            self.cases.append((line, column, plant.kind, plant.term, text))

    def newline(self) -> None:
        self.done += self.width + 1
        self.lines.append("".join(self.current))
        self.current = []
        self.width = 0

    def blank(self) -> None:
        if self.current:
            self.newline()
        self.lines.append("")
        self.done += 1

    def size(self) -> int:
        return self.done + self.width


def _zipf_weights(count: int) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights for ranks 0 .. count - 1."""
    weights: list[float] = []
    total = 0.0
    for rank in range(count):
        total += 1.0 / (rank + 2.7) ** 1.1
        weights.append(total)
    return weights


def _sentences(
    rng: random.Random, prose: list[str], weights: list[float]
) -> Iterator[list[str]]:
    """Endless sentences of 6 to 24 words drawn by Zipf-like rank."""
    while True:
        batch = rng.choices(prose, cum_weights=weights, k=4096)
        at = 0
        while at + 24 < len(batch):
            size = rng.randint(6, 24)
            yield batch[at : at + size]
            at += size


def write_corpus(
    folder: Path, megabytes: int, terms: list[BenchTerm], seed: int = 3
) -> int:
    """Write ``megabytes`` MB of Markdown into ``folder``; return the case count."""
    folder.mkdir(parents=True, exist_ok=True)
    vocab = _vocabulary()
    rng = random.Random(seed * 1_000 + megabytes)
    weights = _zipf_weights(len(vocab.prose))
    plants = _plants(terms, random.Random(seed))
    files = max(1, megabytes * 1_000_000 // FILE_BYTES)
    sentences = _sentences(rng, vocab.prose, weights)
    planted = 0
    rows: list[str] = []
    for number in range(files):
        name = f"part{number // 100:03d}/doc{number:05d}.md"
        writer = _Writer()
        writer.word("#")
        for word in next(sentences)[:5]:
            writer.word(word.capitalize())
        writer.blank()
        while writer.size() < FILE_BYTES:
            for _ in range(rng.randint(2, 7)):
                words = next(sentences)
                words[0] = words[0].capitalize()
                plant_at = (
                    rng.randint(1, len(words) - 1) if rng.random() < PLANT_SHARE else -1
                )
                for position, word in enumerate(words):
                    if position == plant_at:
                        plant = plants[planted % len(plants)]
                        planted += 1
                        writer.unit(plant.words, plant, "")
                    last = position == len(words) - 1
                    writer.word(word + ("." if last else ""))
            writer.blank()
        writer.newline()
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(writer.lines), encoding="utf-8")
        for line, column, kind, term, text in writer.cases:
            rows.append(f"{name}\t{line}\t{column}\t{kind}\t{term}\t{text}")
    (folder.parent / f"{folder.name}.cases.tsv").write_text(
        "\n".join(rows) + "\n", encoding="utf-8"
    )
    return len(rows)


def write_big_file(path: Path, megabytes: int, seed: int = 5) -> None:
    """One Markdown file of ``megabytes`` MB (for the bounded-memory check)."""
    vocab = _vocabulary()
    rng = random.Random(seed)
    weights = _zipf_weights(len(vocab.prose))
    sentences = _sentences(rng, vocab.prose, weights)
    target = megabytes * 1_000_000
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            writer = _Writer()
            while writer.size() < 1_000_000:
                for _ in range(rng.randint(2, 7)):
                    words = next(sentences)
                    for position, word in enumerate(words):
                        last = position == len(words) - 1
                        writer.word(word + ("." if last else ""))
                writer.blank()
            chunk = "\n".join(writer.lines) + "\n"
            out.write(chunk)
            written += len(chunk)
