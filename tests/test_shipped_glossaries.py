"""Tests for the glossaries shipped in glossaries/: valid, self-tested, installable."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import cli
from termcheck.glossary import bundled_glossaries, load_glossary

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("diplomacy-en", "diplomacy-zh", "en-us-gb", "tech-writing-en")
GENERATED = {
    "en-us-gb": "build_en_us_gb.py",
    "tech-writing-en": "build_tech_writing.py",
}


def test_all_shipped():
    """The four glossaries are bundled under their names."""
    assert sorted(bundled_glossaries()) == list(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
class TestShippedGlossary:
    """Each shipped glossary validates and passes its own examples."""

    def test_validate(self, name):
        """termcheck glossary validate NAME exits 0."""
        result = CliRunner().invoke(cli, ["glossary", "validate", name])
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"{name}: ok (")

    def test_examples_pass(self, name):
        """termcheck glossary test NAME: every example behaves, none fails."""
        result = CliRunner().invoke(cli, ["glossary", "test", name])
        assert result.exit_code == 0, result.output
        assert result.output.rstrip().endswith(" 0 failed")

    def test_examples_on_a_third_of_terms(self, name):
        """At least a third of the terms carry examples."""
        glossary = load_glossary(name)
        with_examples = sum(1 for t in glossary if t.examples.bad or t.examples.good)
        assert with_examples * 3 >= len(glossary)


def test_sizes():
    """tech-writing-en has at least 300 terms, en-us-gb at least 500 pairs."""
    assert len(load_glossary("tech-writing-en")) >= 300
    assert len(load_glossary("en-us-gb")) >= 500


def test_exact_capitalization_of_names():
    """Product names are case-sensitive and written the way their makers write them."""
    glossary = load_glossary("tech-writing-en")
    for name in ("GitHub", "JavaScript", "macOS", "PostgreSQL", "iPhone", "npm"):
        term = next(t for t in glossary if t.canonical == name)
        assert term.case_sensitive, name


def test_en_us_gb_works_both_ways():
    """Either spelling alone is fine; mixing both of one word is reported."""
    from termcheck.checker import check_text

    glossary = load_glossary("en-us-gb")
    assert check_text(glossary, "The organisation chose a grey colour.") == []
    assert check_text(glossary, "The organization chose a gray color.") == []
    mixed = check_text(glossary, "The colour and the color differ.")
    assert [f.term for f in mixed] == ["color"]


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_file_is_current(tmp_path, name):
    """The generator in tools/ writes exactly the shipped file."""
    script = ROOT / "tools" / GENERATED[name]
    out = tmp_path / f"{name}.yaml"
    subprocess.run(
        [sys.executable, str(script), "-o", str(out)], check=True, capture_output=True
    )
    shipped = ROOT / "glossaries" / f"{name}.yaml"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


@pytest.mark.skipif(
    importlib.util.find_spec("hatchling") is None,
    reason="hatchling (the build backend) is not installed",
)
def test_installed_wheel_has_glossaries_by_name(tmp_path):
    """A wheel built from the repository ships the glossaries, usable by name."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("termcheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {f"termcheck/glossaries/{n}.yaml" for n in SHIPPED} <= set(names)
    assert not any(
        n.startswith("termcheck/glossaries/") and not n.endswith(".yaml") for n in names
    )
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    env = {**os.environ, "PYTHONPATH": str(installed)}
    result = subprocess.run(
        [sys.executable, "-m", "termcheck", "glossary", "validate", *SHIPPED],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == list(SHIPPED)
    located = subprocess.run(
        [sys.executable, "-c", "import termcheck; print(termcheck.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert located.stdout.startswith(str(installed))
