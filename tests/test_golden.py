"""Golden test: every case of the matching semantics in one draft, findings pinned."""

from __future__ import annotations

import json
from pathlib import Path

from termcheck.checker import check_text
from termcheck.glossary import load_glossary

DATA = Path(__file__).parent / "data" / "semantics"
FIELDS = (
    "line",
    "column",
    "end_line",
    "end_column",
    "kind",
    "severity",
    "term",
    "matched",
    "score",
    "replacement",
)


def current_findings() -> list[dict[str, object]]:
    """The semantics draft's findings, reduced to the pinned fields."""
    glossary = load_glossary(DATA / "glossary.yaml")
    text = (DATA / "draft.md").read_bytes().decode("utf-8")
    rows = []
    for finding in check_text(glossary, text, path="draft.md"):
        row = {name: getattr(finding, name) for name in FIELDS}
        row["kind"] = finding.kind.value
        row["severity"] = finding.severity.label
        row["score"] = round(finding.score, 3)
        rows.append(row)
    return rows


class TestSemanticsDraft:
    """The draft with every matching rule gives exactly the expected findings."""

    def test_matches_golden_file(self) -> None:
        """Kinds, terms, positions, scores and replacements equal the reviewed file."""
        expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
        assert current_findings() == expected

    def test_positions_point_at_matched_text(self) -> None:
        """Line/column/end of each finding select exactly ``matched`` in the file."""
        lines = (DATA / "draft.md").read_bytes().decode("utf-8").split("\n")
        for row in current_findings():
            first, last = int(str(row["line"])) - 1, int(str(row["end_line"])) - 1
            span = "\n".join(lines[first : last + 1])
            start = int(str(row["column"])) - 1
            end = len(span) - len(lines[last]) + int(str(row["end_column"])) - 1
            assert span[start:end] == row["matched"]


if (
    __name__ == "__main__"
):  # regenerate after a reviewed change: python -m tests.test_golden
    (DATA / "expected.json").write_text(
        json.dumps(current_findings(), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
