"""The bundled glossaries listed: ``termcheck glossary list`` and its renderers."""

from __future__ import annotations

import json
from pathlib import Path

from termcheck.bundled import (
    BundledGlossary,
    bundled_glossaries,
    bundled_json,
    bundled_text,
    describe_bundled,
)
from termcheck.glossary import load_glossary
from tests.cli_process import run_termcheck

SHIPPED = ("diplomacy-en", "diplomacy-zh", "en-us-gb", "tech-writing-en")
LANGUAGES = {
    "diplomacy-en": "en",
    "diplomacy-zh": "zh",
    "en-us-gb": "en",
    "tech-writing-en": "en",
}


class TestDescribeBundled:
    """Every shipped glossary is described by its own file."""

    def test_names_counts_and_descriptions(self) -> None:
        """Names in order, counts equal to the loaded glossary, a description each."""
        described = describe_bundled()
        assert tuple(item.name for item in described) == SHIPPED
        for item in described:
            glossary = load_glossary(item.name)
            assert item.terms == len(glossary) > 0
            assert item.description == glossary.description
            assert 40 <= len(item.description) <= 240, item.name
            assert "\n" not in item.description
            assert item.path == bundled_glossaries()[item.name]
            assert item.language == LANGUAGES[item.name]

    def test_text_table(self) -> None:
        """One header and one line per glossary, the columns aligned."""
        items = [
            BundledGlossary("a-b", "A", "en", 7, "Short one.", Path("a-b.yaml")),
            BundledGlossary("longer-name", "L", "zh", 1234, "", Path("l.yaml")),
        ]
        assert list(bundled_text(items)) == [
            "NAME         LANG  TERMS  DESCRIPTION",
            "a-b          en        7  Short one.",
            "longer-name  zh     1234  L",  # no description: the glossary's name
        ]

    def test_text_description_on_one_line(self) -> None:
        """A description written over several lines shows on one."""
        item = BundledGlossary("x", "X", "en", 1, "Two\n  lines.\x1b", Path("x.yaml"))
        assert list(bundled_text([item]))[1] == "x     en        1  Two lines.\\x1b"

    def test_json(self) -> None:
        """A list of objects with every field; the path as a string."""
        item = BundledGlossary("x", "X", "en", 2, "D.", Path("g") / "x.yaml")
        assert json.loads("".join(bundled_json([item]))) == [
            {
                "name": "x",
                "title": "X",
                "language": "en",
                "terms": 2,
                "description": "D.",
                "path": str(Path("g") / "x.yaml"),
            }
        ]


class TestGlossaryListCommand:
    """``termcheck glossary list`` in a real process."""

    def test_text(self, tmp_path: Path) -> None:
        """The table lists the three glossaries with their counts; exit 0."""
        proc = run_termcheck("glossary", "list", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert lines[0] == "NAME             LANG  TERMS  DESCRIPTION"
        counts = {line.split()[0]: int(line.split()[2]) for line in lines[1:]}
        assert counts == {name: len(load_glossary(name)) for name in SHIPPED}
        assert lines[1].startswith("diplomacy-en     en       21  Official English ")

    def test_json_names_usable_glossaries(self, tmp_path: Path) -> None:
        """Each listed name works with --glossary, and its path is the file."""
        proc = run_termcheck("glossary", "list", "--format", "json", cwd=tmp_path)
        listed = {item["name"]: item for item in json.loads(proc.stdout)}
        assert sorted(listed) == list(SHIPPED)
        (tmp_path / "a.md").write_text("Nothing to see.\n", encoding="utf-8")
        for name, item in listed.items():
            assert Path(item["path"]).name == f"{name}.yaml"
            assert item["terms"] == len(load_glossary(item["path"]))
            check = run_termcheck("check", "-g", name, "a.md", cwd=tmp_path)
            assert check.returncode == 0, check.stderr

    def test_unknown_format(self, tmp_path: Path) -> None:
        """--format csv is a one-line usage error."""
        proc = run_termcheck("glossary", "list", "--format", "csv", cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stderr.startswith("termcheck: error: invalid value for '--format'")
