"""Benchmark: ``termcheck discover`` on a generated 10 MB corpus; prints the median.

Run: ``python bench/discover_bench.py`` (``--mb 1`` for a quick look,
``--runs 5`` for more runs). The corpus is generated from termcheck's own test
texts (``tests/data/discover/corpus``) by a word-pair Markov chain, with one word
in twenty changed by a typo, and split into files of about 100 kB. Text made
this way repeats phrases far more than real prose, so it is a hard case for the
clustering step. Each run is a fresh ``termcheck discover`` process, timed from
start to exit.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "discover" / "corpus"
FILE_SIZE = 100_000


def generate(folder: Path, megabytes: float, seed: int = 6) -> int:
    """Write the corpus into ``folder``; return its size in bytes."""
    rng = random.Random(seed)
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(SOURCE.glob("*.md")))
    tokens = words.split()
    chain: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        chain[(a, b)].append(c)
    target, total, number = int(megabytes * 1_000_000), 0, 0
    state = (tokens[0], tokens[1])
    while total < target:
        out: list[str] = []
        size = 0
        while size < FILE_SIZE:
            following = chain.get(state)
            word = rng.choice(following) if following else rng.choice(tokens)
            if len(word) > 4 and rng.random() < 0.05:  # a typo: two letters swapped
                at = rng.randrange(1, len(word) - 2)
                word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            out.append(word)
            size += len(word) + 1
            state = (state[1], word)
            if word.endswith(".") and rng.random() < 0.15:
                out.append("\n\n")
        text = " ".join(out) + "\n"
        (folder / f"part{number:04d}.md").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        number += 1
    return total


def main() -> int:
    """Generate the corpus, run discover ``--runs`` times, print the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB")
    parser.add_argument("--runs", type=int, default=3, help="number of timed runs")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        size = generate(Path(folder), options.mb)
        print(
            f"corpus: {size / 1e6:.1f} MB in {len(list(Path(folder).iterdir()))} files",
            flush=True,
        )
        timings = []
        for run in range(options.runs):
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "termcheck", "discover", folder],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            )
            timings.append(time.perf_counter() - start)
            families = result.stdout.strip().splitlines()[-1]
            print(f"run {run + 1}: {timings[-1]:.1f} s ({families})", flush=True)
    print(f"median: {statistics.median(timings):.1f} s for {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
