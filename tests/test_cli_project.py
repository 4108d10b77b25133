"""Command-line options added for markup, directives, config, encoding and init."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import MARKUPS, cli
from termcheck.config import load_config
from termcheck.extractors import EXTRACTORS
from termcheck.glossary import load_glossary
from termcheck.starter import CONFIG_NAME, GLOSSARY_NAME

GLOSSARY = """\
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


@pytest.fixture
def runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart (on every click version)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always separates them
        return CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder (a repository root) holding ``g.yaml``."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    """Write UTF-8 text, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestMarkupOptions:
    """--markup and --no-inline-config."""

    def test_markup_names_match_the_registry(self):
        """The CLI's --markup choices are exactly the extractors."""
        assert set(MARKUPS) == set(EXTRACTORS)

    def test_markup_overrides_the_file_ending(self, runner, workdir):
        """A .txt file read as Markdown skips its inline code."""
        write(workdir / "a.txt", "Code `OBOR` here.\n")
        plain = runner.invoke(cli, ["check", "-g", "g.yaml", "-q", "a.txt"])
        markdown = runner.invoke(
            cli, ["check", "-g", "g.yaml", "-q", "--markup", "markdown", "a.txt"]
        )
        assert plain.exit_code == 1
        assert (markdown.exit_code, markdown.stdout) == (0, "")

    def test_markup_applies_to_stdin(self, runner, workdir):
        """Standard input is plain text unless --markup says otherwise."""
        args = ["check", "-g", "g.yaml", "-q", "-"]
        assert runner.invoke(cli, args, input="`OBOR`\n").exit_code == 1
        result = runner.invoke(cli, [*args, "--markup", "markdown"], input="`OBOR`\n")
        assert result.exit_code == 0

    def test_no_inline_config(self, runner, workdir):
        """Directives apply by default and not with --no-inline-config."""
        write(workdir / "a.md", "<!-- termcheck: off -->\nOBOR\n")
        args = ["check", "-g", "g.yaml", "-q", "a.md"]
        assert runner.invoke(cli, args).exit_code == 0
        result = runner.invoke(cli, [*args, "--no-inline-config"])
        assert result.exit_code == 1
        assert result.stdout.startswith("a.md:2:1: error:")

    def test_directive_warning_printed(self, runner, workdir):
        """An unknown id in a directive is printed as a directive warning."""
        write(workdir / "a.md", "<!-- termcheck: disable-next-line brri -->\nOBOR\n")
        result = runner.invoke(cli, ["check", "-g", "g.yaml", "-q", "a.md"])
        assert result.stdout.splitlines()[0] == (
            "a.md:1:35: warning: unknown term id 'brri' in termcheck directive; it "
            "silences nothing; did you mean 'bri'? [directive brri]"
        )


class TestConfigOptions:
    """The config file sets defaults; command-line options win."""

    def test_glossary_format_and_fail_on_from_config(self, runner, workdir):
        """No -g needed; the config's format and fail-on apply."""
        write(
            workdir / ".termcheck.yaml",
            "glossaries: [g.yaml]\nformat: json\nfail-on: warning\n",
        )
        write(workdir / "a.md", "An e-mail.\n")
        result = runner.invoke(cli, ["check", "a.md"])
        assert result.exit_code == 1, result.stderr
        assert json.loads(result.stdout)["findings"][0]["term"] == "email"

    def test_command_line_wins(self, runner, workdir):
        """--format and --fail-on given on the command line override the config."""
        write(
            workdir / ".termcheck.yaml",
            "glossaries: [g.yaml]\nformat: json\nfail-on: warning\n",
        )
        write(workdir / "a.md", "An e-mail.\n")
        result = runner.invoke(
            cli, ["check", "--format", "text", "--fail-on", "error", "a.md"]
        )
        assert result.exit_code == 0
        assert result.stdout.startswith("a.md:1:4: warning:")

    def test_explicit_config(self, runner, workdir):
        """--config names a config file anywhere, here a pyproject.toml."""
        write(
            workdir / "conf" / "pyproject.toml",
            "[tool.termcheck]\nglossaries = ['../g.yaml']\n",
        )
        write(workdir / "a.md", "OBOR\n")
        result = runner.invoke(
            cli, ["check", "--config", "conf/pyproject.toml", "a.md"]
        )
        assert result.exit_code == 1, result.stderr

    def test_unknown_key_is_one_line_exit_2(self, runner, workdir):
        """A config typo: exit 2, one line with file, line and a suggestion."""
        write(workdir / ".termcheck.yaml", "glossaries: [g.yaml]\nexlude: [x]\n")
        write(workdir / "a.md", "OBOR\n")
        result = runner.invoke(cli, ["check", "a.md"])
        assert result.exit_code == 2
        assert result.stderr == (
            "termcheck: error: .termcheck.yaml:2:1: unknown key 'exlude' in the "
            "config; did you mean 'exclude'?\n"
        )

    def test_no_glossary_anywhere_is_a_usage_error(self, runner, workdir):
        """Neither --glossary nor a config: exit 2 saying how to give one."""
        write(workdir / "a.md", "OBOR\n")
        result = runner.invoke(cli, ["check", "a.md"])
        assert result.exit_code == 2
        assert "no glossary given; use --glossary" in result.stderr

    def test_unknown_encoding(self, runner, workdir):
        """An unknown --encoding is one error line and exit 2."""
        write(workdir / "a.md", "OBOR\n")
        result = runner.invoke(
            cli, ["check", "-g", "g.yaml", "--encoding", "nope", "a.md"]
        )
        assert result.exit_code == 2
        assert result.stderr == "termcheck: error: unknown encoding 'nope'\n"

    def test_encoding_option(self, runner, workdir):
        """--encoding decodes the files with that codec."""
        (workdir / "a.txt").write_bytes("Café OBOR\n".encode("cp1252"))
        args = ["check", "-g", "g.yaml", "-q", "a.txt"]
        assert runner.invoke(cli, args).exit_code == 2
        result = runner.invoke(cli, [*args, "--encoding", "cp1252"])
        assert result.stdout.startswith("a.txt:1:6: error:")


class TestInit:
    """``termcheck init`` writes a working starter and never overwrites."""

    def test_writes_working_files(self, runner, workdir):
        """Both files are written; the config loads and points at the glossary,
        which validates and passes its own examples."""
        result = runner.invoke(cli, ["init"])
        assert result.exit_code == 0, result.stderr
        config = load_config()
        assert config.glossaries == (GLOSSARY_NAME,)
        assert len(load_glossary(GLOSSARY_NAME)) == 1
        assert runner.invoke(cli, ["glossary", "test", GLOSSARY_NAME]).exit_code == 0
        write(workdir / "a.md", "Send an e-mail.\n")
        check = runner.invoke(cli, ["check", "a.md"])
        assert "[forbidden email]" in check.stdout

    @pytest.mark.parametrize("existing", [CONFIG_NAME, GLOSSARY_NAME])
    def test_refuses_to_overwrite(self, runner, workdir, existing):
        """If either file exists, nothing is written and the exit status is 2."""
        write(workdir / existing, "mine\n")
        result = runner.invoke(cli, ["init"])
        assert result.exit_code == 2
        assert "already exists; not overwriting it" in result.stderr
        assert (workdir / existing).read_text(encoding="utf-8") == "mine\n"
        others = {CONFIG_NAME, GLOSSARY_NAME} - {existing}
        assert not any((workdir / name).exists() for name in others)

    def test_into_a_folder(self, runner, workdir):
        """A folder argument writes the files there."""
        (workdir / "sub").mkdir()
        result = runner.invoke(cli, ["init", "sub"])
        assert result.exit_code == 0
        assert (workdir / "sub" / CONFIG_NAME).is_file()


class TestFixWithMarkup:
    """--fix and --diff see the file as its markup does."""

    def test_diff_leaves_code_alone(self, runner, workdir):
        """Only the prose occurrence is rewritten; the inline code one stays."""
        write(workdir / "a.md", "Code `OBOR` and prose OBOR.\n")
        result = runner.invoke(cli, ["check", "-g", "g.yaml", "--diff", "a.md"])
        assert "+Code `OBOR` and prose Belt and Road Initiative.\n" in result.stdout

    def test_fix_keeps_directive_silenced_text(self, runner, workdir):
        """A line silenced by a directive is not rewritten."""
        text = "<!-- termcheck: disable-next-line -->\nQuoted OBOR.\nOwn OBOR.\n"
        path = write(workdir / "a.md", text)
        result = runner.invoke(cli, ["check", "-g", "g.yaml", "--fix", "a.md"])
        assert result.exit_code == 0, result.stderr
        assert path.read_text(encoding="utf-8") == text.replace(
            "Own OBOR", "Own Belt and Road Initiative"
        )
