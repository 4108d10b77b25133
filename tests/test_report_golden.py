"""Golden files: the text and JSON reports of the bundled example, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "data" / "example"
FORMATS = {"text": "report.txt", "json": "report.json"}


def run_report(output_format: str) -> str:
    """The example's report in ``output_format``, as the command line prints it."""
    command = [
        sys.executable,
        "-m",
        "termcheck",
        "check",
        "--fail-on",
        "never",
        "--format",
        output_format,
        "--glossary",
        "examples/glossary.yaml",
        "examples/draft.md",
    ]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True
    )
    return result.stdout


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_example_report_matches_golden_file(output_format: str) -> None:
    """The report equals the reviewed golden file exactly."""
    expected = (GOLDEN / FORMATS[output_format]).read_text(encoding="utf-8")
    assert run_report(output_format) == expected


if (
    __name__ == "__main__"
):  # regenerate after a reviewed change: python -m tests.test_report_golden
    for name, file_name in FORMATS.items():
        (GOLDEN / file_name).write_text(run_report(name), encoding="utf-8")
