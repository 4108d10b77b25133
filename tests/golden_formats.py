"""Golden files of the CI formats: render, compare, regenerate after review."""

from __future__ import annotations

from pathlib import Path

from termcheck.formatters import FORMATTERS, FormatOptions
from tests.ci_report import GLOSSARY, report, sources

DATA = Path(__file__).parent / "data" / "formats"

GOLDEN = {
    "github": "expected.github.txt",
    "junit": "expected.junit.xml",
    "gitlab": "expected.gitlab.json",
}
"""The golden file of each format with one, in tests/data/formats."""


def render(name: str) -> str:
    """The sample report in format ``name``, as the CLI writes it to a file."""
    options = FormatOptions(sources=sources(), glossary=GLOSSARY, root="/project")
    return "".join(line + "\n" for line in FORMATTERS[name](report(), options))


def golden(name: str) -> str:
    """The reviewed output of format ``name``."""
    return (DATA / GOLDEN[name]).read_bytes().decode("utf-8")


if __name__ == "__main__":  # regenerate after a reviewed change
    for format_name, file_name in GOLDEN.items():
        (DATA / file_name).write_bytes(render(format_name).encode("utf-8"))
