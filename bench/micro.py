"""Micro-benchmark: matcher throughput on a generated 5 MB corpus, 100 vs 10,000 terms.

Run: ``python bench/micro.py`` (add ``--mb 1`` for a quick look). Prints MB/s per
glossary size and the ratio between them; the per-token cost must not depend on
the glossary size, so the ratio should stay well under 2.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from termcheck.checker import check_text
from termcheck.matcher import index_for
from termcheck.model import Form, Glossary, Status, Term

FUNCTION = "the of and to a in for with on by as at from that this".split()


def pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Pronounceable made-up words, distinct, 3 to 11 letters."""
    vowels, consonants = (
        "aeiou",
        "".join(c for c in string.ascii_lowercase if c not in "aeiou"),
    )
    words: set[str] = set()
    while len(words) < count:
        size = rng.randint(2, 5)
        words.add(
            "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(size))[
                : rng.randint(3, 11)
            ]
        )
    return sorted(words)


def make_glossary(rng: random.Random, vocabulary: list[str], size: int) -> Glossary:
    """``size`` terms of 1 to 5 words, each with a forbidden variant."""
    terms = []
    seen: set[str] = set()
    while len(terms) < size:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 5))]
        if len(words) > 2:
            words.insert(rng.randint(1, len(words) - 1), rng.choice(FUNCTION[:6]))
        canonical = " ".join(words)
        variant = " ".join(reversed(words)) if len(words) > 1 else words[0] + "x"
        if canonical in seen or variant in seen or canonical == variant:
            continue
        seen.update((canonical, variant))
        terms.append(
            Term(
                f"t{len(terms)}",
                canonical,
                forbidden=(Form(variant, Status.FORBIDDEN),),
            )
        )
    return Glossary(tuple(terms))


def make_corpus(
    rng: random.Random, vocabulary: list[str], megabytes: float, plants: list[str]
) -> str:
    """Zipf-distributed prose, wrapped lines, one planted phrase every ~2 KB."""
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    pool = rng.choices(vocabulary, weights, k=200_000) + FUNCTION * 8_000
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        words = [rng.choice(pool) for _ in range(rng.randint(6, 24))]
        if rng.random() < 0.08:
            words.insert(rng.randint(0, len(words)), rng.choice(plants))
        sentence = " ".join(words)
        line = (
            sentence.capitalize() + ".\n"
            if rng.random() < 0.3
            else sentence.capitalize() + ". "
        )
        parts.append(line)
        size += len(line)
    return "".join(parts)


def measure(glossary: Glossary, text: str, repeats: int) -> float:
    """Median seconds of check_text over ``repeats`` runs (index built beforehand)."""
    index_for(glossary)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        check_text(glossary, text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Generate, measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    rng = random.Random(20261129)
    vocabulary = pseudo_words(rng, 30_000)
    # Glossary words are domain words: the corpus has them, but rarely (rank 2,000+).
    large = make_glossary(random.Random(10_000), vocabulary[2_000:], 10_000)
    small = Glossary(large.terms[:100])
    plants = [form.text for term in small.terms for form in term.forbidden]
    corpus = make_corpus(rng, vocabulary[:8_000], options.mb, plants)
    megabytes = len(corpus.encode("utf-8")) / 1_000_000
    print(f"corpus: {megabytes:.1f} MB, median of {options.repeats} runs")
    results = {}
    for glossary in (small, large):
        seconds = measure(glossary, corpus, options.repeats)
        found = len(check_text(glossary, corpus))
        results[len(glossary)] = seconds
        print(
            f"{len(glossary):>6} terms: {seconds:6.2f} s"
            f"  {megabytes / seconds:6.2f} MB/s  {found} findings"
        )
    print(f"ratio 10,000 / 100 terms: {results[10_000] / results[100]:.2f}x")


if __name__ == "__main__":
    main()
