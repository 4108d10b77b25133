"""Compare termcheck with textlint-rule-terminology's recorded behaviour.

Run: ``python bench/conformance.py`` from the repository root, with the shared
test data beside the repository (``../shared/conformance/textlint-terminology``).
Each recorded case (textlint's own tests and behaviour probes) is run through
termcheck with the same terms, read as Markdown; the table lists where the two
report the same positions and where they differ, with the reason.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from termcheck.checker import check_document
from termcheck.model import Form, Glossary, Status, Term

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "conformance" / "textlint-terminology"
Entry = str | list[str]


def default_terms() -> list[Entry]:
    """textlint-rule-terminology's built-in list (JSON with comments)."""
    text = (DATA / "terms.jsonc").read_text(encoding="utf-8")
    # Comments run from "//" outside strings to the end of the line.
    without = re.sub(r'("(?:\\.|[^"\\])*")|//[^\n]*', lambda m: m.group(1) or "", text)
    loaded: list[Entry] = json.loads(re.sub(r",(\s*[\]}])", r"\1", without))
    return loaded


def to_glossary(entries: list[Entry]) -> Glossary:
    """A plain term keeps its exact case; a [pattern, replacement] pair is a regex.

    Glossaries are built in code, without the loader: textlint's lists have
    wordings that the loader would refuse (a regex forbidding its own canonical).
    """
    terms = []
    for number, entry in enumerate(entries):
        if isinstance(entry, str):
            terms.append(Term(f"t{number}", entry, case_sensitive=True, fuzzy=None))
        else:
            pattern, replacement = entry
            canonical = re.sub(r"\$\d", "", replacement)
            # textlint matches the pattern in any case and reports text that
            # differs from the replacement, letter case included.
            forbidden = (Form(f"(?i:{pattern})", Status.FORBIDDEN, regex=True),)
            terms.append(
                Term(
                    f"t{number}",
                    canonical,
                    forbidden=forbidden,
                    case_sensitive=True,
                    fuzzy=None,
                )
            )
    return Glossary(tuple(terms))


def positions(case: dict[str, object], glossary: Glossary) -> set[tuple[int, int]]:
    """termcheck's (line, column) findings; a regex hit equal to its replacement
    is fine, as in textlint."""
    findings = check_document(glossary, str(case["text"]), markup="markdown").findings
    return {
        (f.line, f.column)
        for f in findings
        if not (f.kind.value == "forbidden" and f.matched == f.canonical)
    }


def main() -> None:
    """Run every case and print the comparison."""
    if not DATA.is_dir():
        print(f"skipped: {DATA.name} test data not found beside the repository")
        return
    defaults = to_glossary(default_terms())
    cases = [
        *json.loads((DATA / "cases.json").read_text(encoding="utf-8")),
        *json.loads((DATA / "probes.json").read_text(encoding="utf-8")),
    ]
    same = 0
    for case in cases:
        terms = case["terms"]
        glossary = defaults if terms == "default" else to_glossary(terms)
        expected = {(e["line"], e["column"]) for e in case["errors"]}
        got = positions(case, glossary)
        if got == expected:
            same += 1
            continue
        note = case.get("note", case.get("origin", ""))
        print(f"{case['id']}: textlint {sorted(expected)} termcheck {sorted(got)}")
        print(f"    text: {case['text'][:90]!r}\n    note: {note}")
    print(f"{same} of {len(cases)} cases report the same positions")


if __name__ == "__main__":
    main()
