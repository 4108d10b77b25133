"""Coverage-guided fuzzing of termcheck's entry points with atheris (not run in CI).

Usage (from the repository root, after ``pip install atheris``)::

    python fuzz/fuzz.py TARGET [libFuzzer options] [CORPUS_DIR ...]
    python fuzz/fuzz.py glossary -max_total_time=600 fuzz/corpus/glossary

TARGET is ``glossary`` (the YAML loader), ``matcher`` (glossary and text
together) or ``extractors`` (every markup extractor, then the whole check).
``python fuzz/seeds.py corpus`` writes seeds for the last two from the hostile
shapes of tests/reliability/linear.py; run them with ``-timeout=10`` so that
an input taking too long (a path gone quadratic) is reported.
The invariants are the ones the hypothesis tests check
(``tests/invariants.py``): only termcheck's own error types, one-line
messages, every span inside the text.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["termcheck", "yaml", "tests", "markdown_it"]):
    from termcheck import matcher
    from termcheck.checker import check_document
    from termcheck.errors import MatchTimeoutError
    from termcheck.extractors import EXTRACTORS
    from termcheck.glossary import parse_glossary
    from termcheck.text import LineIndex
    from tests import invariants

# A backtracking regex stops in a second, not five (instrumented code is slow,
# so a much smaller budget would stop ordinary patterns too).
matcher.REGEX_BUDGET_SECONDS = 1.0
_CASES = ("insensitive", "sensitive")
_MARKUPS = sorted(EXTRACTORS)
_GLOSSARY = parse_glossary(
    "version: 1\nterms:\n"
    "  - canonical: Belt and Road Initiative\n    forbidden: [OBOR, One Belt]\n"
    "  - canonical: e-mail address\n    case: sensitive\n"
    "    forbidden: [{regex: 'e ?mail addr(ess)?'}]\n",
    "fuzz.yaml",
)


def fuzz_glossary(data: bytes) -> None:
    """Any text given to the glossary loader: a Glossary or one GlossaryError line."""
    # As the file loader reads it (bad UTF-8 is its own, separately tested error).
    invariants.check_glossary_text(data.decode("utf-8", errors="replace"))


def fuzz_matcher(data: bytes) -> None:
    """A small glossary made from the input, then a text mixing its forms and noise."""
    provider = atheris.FuzzedDataProvider(data)
    pool = [provider.ConsumeUnicodeNoSurrogates(12) for _ in range(6)]
    terms = []
    for number in range(provider.ConsumeIntInRange(1, 3)):
        term: dict[str, object] = {
            "id": f"t{number}",
            "canonical": provider.PickValueInList(pool) or "x",
            "forbidden": [provider.PickValueInList(pool) or "y"],
            "case": provider.PickValueInList(list(_CASES)),
            "fuzzy": provider.ConsumeProbability() or False,
        }
        if provider.ConsumeBool():
            term["allowed"] = [provider.PickValueInList(pool) or "z"]
        if provider.ConsumeBool():
            term["forbidden"].append(  # type: ignore[attr-defined]
                {"regex": provider.ConsumeUnicodeNoSurrogates(16) or "q"}
            )
        terms.append(term)
    glossary = invariants.glossary_from_parts(terms)
    if glossary is None:
        return
    pieces = []
    while provider.remaining_bytes():
        if provider.ConsumeBool():
            pieces.append(provider.PickValueInList(pool))
        else:
            pieces.append(provider.ConsumeUnicodeNoSurrogates(8))
    invariants.check_findings(glossary, "".join(pieces))


def fuzz_extractors(data: bytes) -> None:
    """Markup of any kind: the contract of each extractor, then the whole check."""
    if not data:
        return
    markup = _MARKUPS[data[0] % len(_MARKUPS)]
    text = data[1:].decode("utf-8", errors="replace")
    extraction = EXTRACTORS[markup](text)
    if len(extraction.masked) != len(text):
        raise AssertionError(f"{markup}: masked length differs")
    breaks = [(i, c) for i, c in enumerate(text) if c in "\r\n"]
    if [(i, c) for i, c in enumerate(extraction.masked) if c in "\r\n"] != breaks:
        raise AssertionError(f"{markup}: line breaks moved")
    if any(not 0 <= a <= b <= len(text) for a, b in extraction.comments):
        raise AssertionError(f"{markup}: a comment outside the text")
    try:
        outcome = check_document(_GLOSSARY, text, path="f", markup=markup)
    except MatchTimeoutError:  # the one error a text may cause: a slow regex
        return
    lines = LineIndex(text)
    for finding in outcome.findings:
        if finding.matched != text[finding.start : finding.end]:
            raise AssertionError(f"{markup}: matched text is not at its span")
        if (finding.line, finding.column) != lines.position(finding.start):
            raise AssertionError(f"{markup}: wrong line or column")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "glossary": fuzz_glossary,
    "matcher": fuzz_matcher,
    "extractors": fuzz_extractors,
}


def main() -> None:
    """Pick the target named by the first argument and hand the rest to libFuzzer."""
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python fuzz/fuzz.py {{{','.join(TARGETS)}}} [options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
