"""Write seed files for the atheris targets from the hostile shapes.

Usage (from the repository root; atheris is not needed)::

    python fuzz/seeds.py corpus
    python fuzz/fuzz.py extractors -timeout=10 corpus/extractors

Each shape of tests/reliability/linear.py, in each position, becomes one seed
of ``corpus/extractors`` (a first byte naming the markup, as the target reads
it, then the text) and one of ``corpus/matcher`` (the text alone). Seeds are
short (about 400 characters): the fuzzer grows and mixes them, and
``-timeout`` reports an input that takes too long, as a quadratic path would.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from termcheck.extractors import EXTRACTORS
from tests.reliability.linear import cases, place

SEED_SIZE = 400
_MARKUPS = sorted(EXTRACTORS)  # the order fuzz.py picks a markup in


def write_seeds(folder: Path) -> int:
    """Write the seeds under ``folder``; return how many files were written."""
    extractors, matcher = folder / "extractors", folder / "matcher"
    extractors.mkdir(parents=True, exist_ok=True)
    matcher.mkdir(parents=True, exist_ok=True)
    written = 0
    for shape, position in cases():
        text = place(shape, SEED_SIZE, position).encode("utf-8")
        name = f"shape-{shape.id}-{position}"
        markup = bytes([_MARKUPS.index(shape.markup)])
        (extractors / name).write_bytes(markup + text)
        (matcher / name).write_bytes(text)
        written += 2
    return written


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python fuzz/seeds.py CORPUS_FOLDER")
    print(f"{write_seeds(Path(sys.argv[1]))} seed files written")


if __name__ == "__main__":
    main()
