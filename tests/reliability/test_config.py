"""Hostile project configs: unknown keys, wrong types, broken files, stray configs.

Through the real command line: one line naming the config file, line and
problem, exit status 2, no traceback. The parser's own cases (every key, every
hint) are in tests/test_config.py; discovery in its TestDiscovery.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.battery import GOOD_FINDING, run, write_project

CONFIG = ".termcheck.yaml"

# name: (config text, where, what the one error line says)
BROKEN = {
    "unknown-key": (
        "glossaries: [glossary.yaml]\nfailon: warning\n",
        "2:1",
        "unknown key 'failon' in the config; did you mean 'fail-on'?",
    ),
    "list-as-text": ("include: docs\n", "1:10", "'include' must be a list"),
    "number-as-level": ("fail-on: 3\n", "1:10", "'fail-on' must be"),
    "text-as-number": ("fuzzy: high\n", "1:8", "'fuzzy' must be a number"),
    "mapping-as-list": ("overrides: {paths: [a]}\n", "1:12", "must be a list"),
    "override-without-paths": (
        "overrides:\n  - fail-on: info\n",
        "2:5",
        "an override needs 'paths'",
    ),
    "broken-yaml": ("include: [docs\n", "2:1", "invalid YAML"),
    "python-object": (
        "format: !!python/object/apply:os.system [true]\n",
        "1:9",
        "tag '!!python/object/apply:os.system' not allowed",
    ),
    "not-a-mapping": ("- glossaries\n", "1:1", "the config must be a mapping"),
}


def configured(folder: Path, text: str, name: str = CONFIG) -> None:
    """Write ``text`` as the config of ``folder`` (a git repository root)."""
    (folder / ".git").mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


class TestBrokenConfig:
    """A broken config stops the run with one line: nothing can be trusted."""

    @pytest.mark.parametrize("case", sorted(BROKEN))
    def test_one_line_with_position(self, project, case):
        """Exit 2, nothing on stdout, ``.termcheck.yaml:LINE:COLUMN: problem``."""
        text, where, fragment = BROKEN[case]
        configured(project, text)
        outcome = run("check", "-g", "glossary.yaml", "good.md")
        assert outcome.code == 2
        assert outcome.stdout == ""
        (line,) = outcome.errors
        assert line.startswith(f"{CONFIG}:{where}: "), line
        assert fragment in line

    def test_broken_pyproject_table(self, project):
        """A [tool.termcheck] table with a wrong type is located in pyproject.toml."""
        configured(project, "[tool.termcheck]\ninclude = 'docs'\n", "pyproject.toml")
        outcome = run("check", "-g", "glossary.yaml", "good.md")
        assert outcome.code == 2
        (line,) = outcome.errors
        assert line.startswith("pyproject.toml:2:")
        assert "'include' must be a list" in line

    def test_broken_toml(self, project):
        """TOML that does not parse is one line too."""
        configured(project, "[tool.termcheck]\ninclude = [\n", "pyproject.toml")
        outcome = run("check", "-g", "glossary.yaml", "good.md")
        assert outcome.code == 2
        (line,) = outcome.errors
        assert line.startswith("pyproject.toml: invalid TOML: "), line

    def test_config_option_naming_a_folder(self, project):
        """``--config FOLDER`` says there is no such config file."""
        (project / "folder").mkdir()
        outcome = run("check", "--config", "folder", "-g", "glossary.yaml", "good.md")
        assert outcome.code == 2
        assert outcome.errors == ["folder: no such config file"]


class TestIncludePatterns:
    """Include patterns that match nothing are a warning, not an error."""

    def test_pattern_matching_nothing_warns(self, project):
        """The run goes on; stderr names the config and the pattern."""
        (project / "docs").mkdir()
        (project / "docs" / "a.md").write_text("OBOR\n", encoding="utf-8")
        configured(
            project,
            "glossaries: [glossary.yaml]\n"
            "include: ['docs/**/*.md', 'notes/**/*.txt', '!docs/old.md']\n",
        )
        outcome = run("check", "docs")
        assert outcome.code == 1
        assert "docs/a.md:1:1: error:" in outcome.stdout
        assert outcome.notes("warning") == [
            f"{CONFIG}: include pattern 'notes/**/*.txt' matched no file"
        ]

    def test_no_warning_for_files_named_one_by_one(self, project):
        """Named files (as pre-commit passes them) never go through include."""
        configured(project, "glossaries: [glossary.yaml]\ninclude: ['notes/*.txt']\n")
        outcome = run("check", "good.md")
        assert outcome.code == 1
        assert outcome.notes("warning") == []
        assert GOOD_FINDING in outcome.stdout


class TestStrayConfig:
    """A config above the repository root belongs to someone else."""

    def test_parent_config_outside_the_repository_is_ignored(
        self, tmp_path, monkeypatch
    ):
        """A broken config one folder above .git is never read."""
        (tmp_path / CONFIG).write_text("this: [is not, read\n", encoding="utf-8")
        repo = tmp_path / "repo"
        (repo / ".git").mkdir(parents=True)
        write_project(repo)
        monkeypatch.chdir(repo)
        outcome = run("check", "-g", "glossary.yaml", "good.md")
        assert outcome.code == 1
        assert outcome.errors == []
        assert GOOD_FINDING in outcome.stdout

    def test_config_inside_the_repository_is_used(self, tmp_path, monkeypatch):
        """The same config at the repository root is read (and here refused)."""
        repo = tmp_path / "repo"
        (repo / ".git").mkdir(parents=True)
        (repo / CONFIG).write_text("this: [is read\n", encoding="utf-8")
        write_project(repo)
        monkeypatch.chdir(repo)
        outcome = run("check", "-g", "glossary.yaml", "good.md")
        assert outcome.code == 2
        (line,) = outcome.errors
        assert line.startswith(f"{CONFIG}:2:1: invalid YAML")
