"""The command group: usage errors as one line, --help, -V/--version."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from termcheck.cli_group import usage_line
from tests.cli_process import run_termcheck


class TestUsageErrors:
    """Click's usage errors print one ``termcheck: error:`` line and exit 2."""

    @pytest.mark.parametrize(
        ("args", "start", "end"),
        [
            (
                ["check", "--format", "xml"],
                "invalid value for '--format': 'xml' is not one of 'text', ",
                "; try 'termcheck check --help'",
            ),
            (["check", "--fixx"], "no such option", "; did you mean '--fix'?"),
            (
                ["check", "-j", "0"],
                "invalid value for '-j' / '--jobs': 0 is not in the range",
                "; try 'termcheck check --help'",
            ),
            (["chek"], "no such command 'chek'", "; did you mean 'check'?"),
            (["--bogus"], "no such option", "--bogus'; try 'termcheck --help'"),
            (
                ["glossary", "validate"],
                "missing argument 'FILE...'",
                "; try 'termcheck glossary validate --help'",
            ),
            (
                ["glossary", "export", "a.yaml", "--to", "xls"],
                "invalid value for '--to': 'xls' is not one of 'tbx', 'csv'",
                "; try 'termcheck glossary export --help'",
            ),
            (["stats", "a.md"], "no glossary given; use --glossary", "--glossary"),
        ],
    )
    def test_one_line(
        self, tmp_path: Path, args: list[str], start: str, end: str
    ) -> None:
        """The whole of stderr is one line in the house style; nothing on stdout;
        exit 2. (The words between are click's, and vary with its version.)"""
        proc = run_termcheck(*args, cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert proc.stderr.startswith(f"termcheck: error: {start}")
        assert proc.stderr.endswith(f"{end}\n")
        assert proc.stderr.count("\n") == 1
        assert "Usage:" not in proc.stderr

    def test_help_still_works(self, tmp_path: Path) -> None:
        """--help and -h print the usage and options on stdout, exit 0."""
        for flag in ("--help", "-h"):
            proc = run_termcheck("check", flag, cwd=tmp_path)
            assert proc.returncode == 0
            assert proc.stdout.startswith("Usage: termcheck check [OPTIONS] [PATH...]")
            assert "--stdin-filename NAME" in proc.stdout
            assert "--exit-zero" in proc.stdout
            assert proc.stderr == ""

    def test_group_without_command_shows_its_help(self, tmp_path: Path) -> None:
        """``termcheck glossary`` alone lists its commands (click's behaviour)."""
        proc = run_termcheck("glossary", cwd=tmp_path)
        assert "Usage: termcheck glossary" in proc.stdout + proc.stderr
        assert "list " in proc.stdout + proc.stderr
        assert "termcheck: error" not in proc.stderr


class TestUsageLine:
    """``usage_line`` rewrites click's messages in the house style."""

    def test_suggestion_joins_with_semicolon(self) -> None:
        """``No such option: x Did you mean y?`` reads ``...; did you mean y?``."""
        problem = click.UsageError("No such option: --fixx Did you mean --fix?")
        assert usage_line(problem) == "no such option: --fixx; did you mean --fix?"

    def test_hint_names_the_command(self) -> None:
        """With a context, the line ends with the command's help."""
        command = click.Command("check")
        ctx = click.Context(command, info_name="check")
        problem = click.UsageError("Missing argument 'PATH'.", ctx)
        assert usage_line(problem) == "missing argument 'PATH'; try 'check --help'"

    def test_upper_case_word_kept(self) -> None:
        """Only a capitalised first word is lowered: ``FILE`` stays."""
        assert usage_line(click.ClickException("FILE is gone.")) == "FILE is gone"

    def test_control_characters_escaped(self) -> None:
        """An option value with a line break or escape cannot break the line."""
        problem = click.ClickException("Bad value 'a\nb\x1b[31m'")
        assert usage_line(problem) == "bad value 'a b\\x1b[31m'"


class TestVersion:
    """-V is --version."""

    def test_short_and_long(self, tmp_path: Path) -> None:
        """Both print ``termcheck X.Y.Z`` and exit 0."""
        import termcheck

        for flag in ("-V", "--version"):
            proc = run_termcheck(flag, cwd=tmp_path)
            assert proc.returncode == 0
            assert proc.stdout == f"termcheck {termcheck.__version__}\n"
