"""A whole repository (git init, .gitignore, config with overrides): the right
files are checked, each with the right glossary, fail-on and disabled terms."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import cli
from termcheck.config import Config, Override
from termcheck.errors import ConfigError
from termcheck.model import ExitCode
from termcheck.project import Project

MAIN_GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [OBOR]
  - id: email
    canonical: email
    forbidden: [e-mail]
    severity: warning
"""
LEGAL_GLOSSARY = """\
version: 1
terms:
  - id: data-subject
    canonical: data subject
    forbidden: [data owner]
"""
CONFIG_YAML = """\
glossaries: [glossary.yaml]
exclude: [drafts/, "*.draft.md"]
markup: {.mdx: markdown}
overrides:
  - paths: ["legal/**"]
    glossaries: [legal/glossary.yaml]
    fail-on: never
  - paths: [docs/quoted.md]
    disable: [bri]
"""
CONFIG_TOML = """\
[project]
name = "example"

[tool.termcheck]
glossaries = ["glossary.yaml"]
exclude = ["drafts/", "*.draft.md"]
markup = {".mdx" = "markdown"}

[[tool.termcheck.overrides]]
paths = ["legal/**"]
glossaries = ["legal/glossary.yaml"]
fail-on = "never"

[[tool.termcheck.overrides]]
paths = ["docs/quoted.md"]
disable = ["bri"]
"""
FILES = {
    "glossary.yaml": MAIN_GLOSSARY,
    "legal/glossary.yaml": LEGAL_GLOSSARY,
    ".gitignore": "build/\n*.log.md\n",
    "README.md": "OBOR and e-mail.\n",
    "docs/guide.mdx": "Code `OBOR` is skipped, OBOR is not.\n",
    "docs/quoted.md": "They said OBOR by e-mail.\n",
    "legal/terms.md": "OBOR is not a legal term; the data owner is.\n",
    "notes/readme.txt": "Plain OBOR.\n",
    "build/out.md": "Generated OBOR.\n",
    "run.log.md": "Logged OBOR.\n",
    "private.md": "Private OBOR.\n",
    "drafts/x.md": "Draft OBOR.\n",
    "notes.draft.md": "Draft OBOR.\n",
    "code.py": "OBOR = 1\n",
}
WALKED = {
    ("README.md", "bri"),
    ("README.md", "email"),
    ("docs/guide.mdx", "bri"),
    ("docs/quoted.md", "email"),
    ("legal/terms.md", "data-subject"),
    ("notes/readme.txt", "bri"),
}


def make_repo(root: Path, config_name: str, config_text: str) -> Path:
    """Write the files, the config and a binary file; ``git init`` the folder."""
    environment = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root),
        "XDG_CONFIG_HOME": str(root),
    }
    done = subprocess.run(
        ["git", "init", "-q"],
        cwd=root,
        env=environment,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for name, text in {**FILES, config_name: config_text}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00OBOR")
    (root / ".git" / "info").mkdir(exist_ok=True)
    (root / ".git" / "info" / "exclude").write_text("private.md\n", encoding="utf-8")
    return root


@pytest.fixture
def runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart (on every click version)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always separates them
        return CliRunner()


def run_json(runner: CliRunner, *args: str):
    """Run ``termcheck check --format json ARGS``; the result and its pairs."""
    result = runner.invoke(cli, ["check", "--format", "json", *args])
    document = json.loads(result.stdout) if result.stdout else {"findings": []}
    pairs = {(f["path"], f["term"]) for f in document["findings"]}
    return result, pairs


@pytest.fixture(
    params=[(".termcheck.yaml", CONFIG_YAML), ("pyproject.toml", CONFIG_TOML)],
    ids=["yaml", "pyproject"],
)
def repo(request, tmp_path: Path, monkeypatch) -> Path:
    """The repository, with its config as .termcheck.yaml or in pyproject.toml."""
    name, text = request.param
    make_repo(tmp_path, name, text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


class TestRepository:
    """Walking the repository applies .gitignore, exclude, markup and overrides."""

    def test_walk_checks_the_right_files_with_the_right_glossaries(self, runner, repo):
        """Ignored, excluded, binary and unknown-ending files are left out; legal/
        uses its own glossary; bri is disabled in docs/quoted.md."""
        result, pairs = run_json(runner, ".")
        assert {(path.removeprefix("./"), term) for path, term in pairs} == WALKED
        assert result.exit_code == 1, result.stderr  # README's bri is an error
        assert result.stderr == ""  # the binary file was passed over silently

    def test_explicit_files_checked_unless_excluded(self, runner, repo):
        """Named files are checked even if git ignores them, but not if excluded."""
        result, pairs = run_json(
            runner,
            "build/out.md",
            "run.log.md",
            "drafts/x.md",
            "notes.draft.md",
            "private.md",
        )
        assert pairs == {
            ("build/out.md", "bri"),
            ("run.log.md", "bri"),
            ("private.md", "bri"),
        }
        assert result.exit_code == 1

    def test_explicit_binary_file_is_an_error(self, runner, repo):
        """A binary file named on the command line is an error (exit 2)."""
        result, pairs = run_json(runner, "image.md", "README.md")
        assert result.exit_code == 2
        assert "image.md: binary file (NUL byte at byte 8)" in result.stderr
        assert ("README.md", "bri") in pairs  # the other file is still checked

    def test_override_fail_on(self, runner, repo):
        """legal/ has fail-on: never, so its error findings exit 0."""
        result, pairs = run_json(runner, "legal/terms.md")
        assert pairs == {("legal/terms.md", "data-subject")}
        assert result.exit_code == 0

    def test_cli_fail_on_wins_over_overrides(self, runner, repo):
        """--fail-on on the command line applies to every file."""
        result, _ = run_json(runner, "--fail-on", "error", "legal/terms.md")
        assert result.exit_code == 1

    def test_config_found_from_a_subfolder(self, runner, repo, monkeypatch):
        """From docs/, the config at the root is found; patterns stay root-relative."""
        monkeypatch.chdir(repo / "docs")
        result, pairs = run_json(runner, ".", "../legal")
        assert pairs == {  # files found under . are named without ./
            ("guide.mdx", "bri"),
            ("quoted.md", "email"),
            ("../legal/terms.md", "data-subject"),
        }
        assert result.exit_code == 1

    def test_stdin_takes_the_settings_of_its_name(self, repo):
        """With ``stdin_name``, standard input gets that file's markup, overrides
        and fail-on, and is reported under the name (what --stdin-filename uses)."""
        from termcheck.runner import check_paths

        project = Project.load()
        project.stdin_name = "legal/new.mdx"
        text = "A data owner and OBOR.\n`data owner` in code.\n"
        report = check_paths(None, ["-"], stdin=io.StringIO(text), project=project)
        found = [(f.path, f.term, f.line, f.column) for f in report.findings]
        assert found == [("legal/new.mdx", "data-subject", 1, 3)]
        assert project.settings_for("legal/new.mdx", None).markup == "markdown"
        assert project.exit_code(report) == ExitCode.OK  # legal's fail-on: never
        project.stdin_name = None
        plain = check_paths(None, ["-"], stdin=io.StringIO(text), project=project)
        unnamed = [(f.path, f.term, f.line) for f in plain.findings]
        assert unnamed == [("<stdin>", "bri", 1)]

    def test_cli_glossary_replaces_config_glossaries(self, runner, repo):
        """--glossary applies to every file, overrides included."""
        result, pairs = run_json(runner, "-g", "glossary.yaml", "legal/terms.md")
        assert pairs == {("legal/terms.md", "bri")}
        assert result.exit_code == 0  # the override's fail-on: never still applies


class TestProjectValidation:
    """Overrides are checked against their glossaries before any file is read."""

    def test_unknown_disabled_id(self, tmp_path):
        """An override disabling an unknown term id is a ConfigError at its line."""
        (tmp_path / "g.yaml").write_text(MAIN_GLOSSARY, encoding="utf-8")
        config = Config(
            path="c.yaml",
            glossaries=(str(tmp_path / "g.yaml"),),
            overrides=(Override(paths=("*",), disable=("emial",), line=4),),
        )
        with pytest.raises(ConfigError) as caught:
            Project(config).validate()
        assert str(caught.value) == (
            "c.yaml:4: unknown term id 'emial' in 'disable'; did you mean 'email'?"
        )

    def test_no_glossary_anywhere(self):
        """Without any glossary, validation says how to give one."""
        with pytest.raises(ConfigError, match="no glossary given"):
            Project(Config()).validate()


class TestFixQuotes:
    """``fix-quotes`` per file: the config's value, overrides applied in order."""

    def test_settings_for(self, tmp_path):
        """A later matching override wins; other files keep the top-level value."""
        from termcheck.config import parse_config
        from termcheck.project import Project

        config = parse_config(
            "fix-quotes: true\noverrides:\n"
            "  - paths: [keep/]\n    fix-quotes: false\n"
            "  - paths: [keep/open/]\n    fix-quotes: true\n",
            str(tmp_path / ".termcheck.yaml"),
        )
        project = Project(config, glossaries=["diplomacy-en"])
        for name, expected in [
            ("a.md", True),
            ("keep/a.md", False),
            ("keep/open/a.md", True),
        ]:
            path = tmp_path / name
            assert project.settings_for(name, path).fix_quotes is expected, name
        assert project.settings_for("<stdin>", None).fix_quotes is True
