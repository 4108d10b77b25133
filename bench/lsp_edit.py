"""Benchmark: re-checking a 1 MB document after an edit, as the language server does.

Run: ``python bench/lsp_edit.py`` (``--mb``, ``--edits``, ``--markup`` to vary).
For each markup it writes a deterministic document of prose (with the bundled
``diplomacy-en`` glossary's forbidden forms planted, headings, code blocks,
lists and inline markup), checks it once, then makes ``--edits`` edits at
positions spread over the document (a word typed into a paragraph) and times
the re-check of each (median), next to ``check_document`` on the whole text
(median of 3). Each re-check's findings are compared with ``check_document``'s.
Times are wall-clock and, in brackets, the CPU time of the process (on a
machine shared with other jobs, the CPU time is what an idle machine's wall
time would be).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from termcheck.checker import check_document
from termcheck.glossary import load_glossary
from termcheck.lsp.incremental import DocumentChecker

WORDS = (
    "the of and to a in that is for it with as on be at by this from or have an "
    "which one were all there would their we been has when who will more no if "
    "out so said what up its about into than them can only other new some could "
    "time these two may then first any now such like our over even most made "
    "after also many before must through back years where much way well down "
    "should because each just people how little state good very make world own "
    "work long here between both life being under never day same another know "
    "while last great year come since against right used take three states "
    "development report policy council member support service market region trade "
    "security agreement treaty cooperation partner meeting delegation minister "
    "committee framework initiative process principle rights economic regional "
    "international peace dialogue strategy summit sustainable community future"
).split()
PLANTS = ("OBOR", "One Belt One Road", "community of human destiny", "BRICs")

Block = Callable[[random.Random, str, int], str]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.15:
        words.insert(rng.randint(0, len(words)), rng.choice(PLANTS))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
    lines, line = [], ""
    for word in text.split(" "):  # wrapped at 78 columns, as prose usually is
        if line and len(line) + len(word) > 77:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


BLOCKS: dict[str, Block] = {
    "markdown": lambda rng, p, n: (
        f"## Section {n}\n\n{p} `code` and *emphasis*.\n\n"
        + ("```\ncode OBOR\n\nmore code\n```\n\n" if n % 5 == 0 else "")
        + ("- a list item about trade\n- another item\n\n" if n % 7 == 0 else "")
    ),
    "rst": lambda rng, p, n: (
        f"Section {n}\n{'=' * (8 + len(str(n)))}\n\n{p} ``code``.\n\n"
        + (".. code-block:: text\n\n   code OBOR\n\n" if n % 5 == 0 else "")
    ),
    "html": lambda rng, p, n: (
        f"<h2>Section {n}</h2>\n<p>{p} <em>emphasis</em>.</p>\n\n"
        + ("<pre>\ncode OBOR\n\nmore\n</pre>\n\n" if n % 5 == 0 else "")
    ),
    "latex": lambda rng, p, n: (
        f"\\section{{Section {n}}}\n\n{p} \\emph{{emphasis}} $x+y$.\n\n"
        + ("\\begin{verbatim}\ncode OBOR\n\\end{verbatim}\n\n" if n % 5 == 0 else "")
    ),
    "asciidoc": lambda rng, p, n: (
        f"== Section {n}\n\n{p} `code`.\n\n"
        + ("----\ncode OBOR\n\nmore\n----\n\n" if n % 5 == 0 else "")
    ),
    "plain": lambda rng, p, n: f"Section {n}\n\n{p}\n\n",
}


def document(markup: str, megabytes: float, seed: int = 1) -> str:
    """A deterministic document of about ``megabytes`` MB in ``markup``."""
    rng = random.Random(seed)
    parts: list[str] = []
    size, number = 0, 0
    while size < megabytes * 1_000_000:
        number += 1
        part = BLOCKS[markup](rng, _paragraph(rng), number)
        parts.append(part)
        size += len(part)
    if markup == "html":
        return "<html><body>\n" + "".join(parts) + "</body></html>\n"
    return "".join(parts)


def _edits(text: str, count: int, seed: int = 2) -> list[str]:
    """Versions of ``text``, each with one more word typed after a space."""
    rng = random.Random(seed)
    versions = []
    for number in range(count):
        at = text.index(" ", int(len(text) * (number + 0.5) / count))
        text = text[:at] + " " + rng.choice(WORDS + list(PLANTS)) + text[at:]
        versions.append(text)
    return versions


Timing = tuple[float, float]  # wall-clock and CPU seconds


def _timed(action: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def _median(timings: list[Timing]) -> Timing:
    return (
        statistics.median(t[0] for t in timings),
        statistics.median(t[1] for t in timings),
    )


def run(markup: str, megabytes: float, edits: int) -> tuple[Timing, Timing, Timing]:
    """Median whole check, first incremental check, median re-check."""
    glossary = load_glossary("diplomacy-en")
    text = document(markup, megabytes)
    whole = [
        _timed(lambda: check_document(glossary, text, markup=markup)) for _ in range(3)
    ]
    checker = DocumentChecker(markup)
    first = _timed(lambda: checker.check(glossary, text))
    times = []
    for version in _edits(text, edits):
        times.append(_timed(lambda v=version: checker.check(glossary, v)))
        got = checker.check(glossary, version)  # cached: the same outcome
        if got != check_document(glossary, version, markup=markup):
            raise SystemExit(f"{markup}: the re-check differs from check_document")
    return _median(whole), first, _median(times)


def _ms(timing: Timing) -> str:
    return f"{timing[0] * 1000:>6.0f} ({timing[1] * 1000:>5.0f}) ms"


def main() -> None:
    """Print one line per markup."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--markup", action="append", choices=sorted(BLOCKS))
    options = parser.parse_args()
    print(f"document: {options.mb:g} MB, median of {options.edits} edits")
    print("times: wall-clock (CPU) in ms; ratio: whole / re-check, CPU")
    print(f"{'markup':<9} {'whole':>17} {'first':>17} {'re-check':>17} {'ratio':>6}")
    for markup in options.markup or list(BLOCKS):
        whole, first, again = run(markup, options.mb, options.edits)
        ratio = whole[1] / again[1] if again[1] else float("inf")
        print(f"{markup:<9} {_ms(whole)} {_ms(first)} {_ms(again)} {ratio:>5.1f}x")


if __name__ == "__main__":
    main()
