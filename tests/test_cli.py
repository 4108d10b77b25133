"""Tests for the command line: exit codes, streams and messages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck import cli as cli_module
from termcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent

GLOSSARY = """\
version: 1
name: test terms
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road]
    examples:
      bad: ["They praised One Belt One Road."]
      good: ["They praised the Belt and Road Initiative."]
  - id: gsi
    canonical: Global Security Initiative
    case: sensitive
    severity: warning
  - id: un-charter
    canonical: Charter of the United Nations
    forbidden: [UN Charter]
    severity: info
    fuzzy: false
"""

TEXTS = {
    "clean.md": "The Belt and Road Initiative came up twice.\n",
    "error.md": "Older notes say One Belt One Road.\n",
    "warning.md": "They cited the global security initiative.\n",
    "info.md": "Everyone quoted the UN Charter.\n",
}


@pytest.fixture
def runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart (on every click version)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always separates them
        return CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder holding ``glossary.yaml`` and the sample texts."""
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(runner: CliRunner, *args: str, stdin: str | None = None):
    """Run ``termcheck check -g glossary.yaml ARGS``."""
    return runner.invoke(cli, ["check", "-g", "glossary.yaml", *args], input=stdin)


class TestCheckExitCodes:
    """``check`` exits 0, 1 or 2 as documented."""

    def test_clean_file_exits_0(self, runner, workdir):
        """A file without findings exits 0 and says so in the summary."""
        result = _check(runner, "clean.md")
        assert result.exit_code == 0, result.output
        assert result.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"
        assert result.stderr == ""

    def test_error_finding_exits_1(self, runner, workdir):
        """An error-level finding fails the default --fail-on error."""
        result = _check(runner, "error.md")
        assert result.exit_code == 1
        assert result.stdout.startswith("error.md:1:17: error: ")
        assert "[forbidden bri]" in result.stdout

    @pytest.mark.parametrize(
        ("fail_on", "name", "code"),
        [
            ("error", "warning.md", 0),
            ("warning", "warning.md", 1),
            ("warning", "info.md", 0),
            ("info", "info.md", 1),
            ("info", "clean.md", 0),
            ("never", "error.md", 0),
        ],
    )
    def test_fail_on_levels(self, runner, workdir, fail_on, name, code):
        """--fail-on sets the lowest severity that makes the run exit 1."""
        result = _check(runner, "--fail-on", fail_on, name)
        assert result.exit_code == code, result.output

    def test_missing_path_exits_2_after_checking_the_rest(self, runner, workdir):
        """A missing path is named on stderr, other files are still reported, exit 2."""
        result = _check(runner, "gone.md", "error.md")
        assert result.exit_code == 2
        assert result.stderr == "termcheck: error: gone.md: no such file or directory\n"
        assert "error.md:1:17: error:" in result.stdout
        assert result.stdout.endswith("in 1 file\n")

    def test_missing_path_beats_fail_on_never(self, runner, workdir):
        """Input errors exit 2 even when findings never fail the run."""
        assert _check(runner, "--fail-on", "never", "gone.md").exit_code == 2

    def test_undecodable_file_exits_2(self, runner, workdir):
        """A file that is not UTF-8 is reported with its byte offset; exit 2."""
        (workdir / "latin1.md").write_bytes("café".encode("latin-1"))
        result = _check(runner, "latin1.md", "clean.md")
        assert result.exit_code == 2
        assert result.stderr.startswith("termcheck: error: latin1.md: ")
        assert "byte 3" in result.stderr
        assert "in 1 file" in result.stdout

    def test_no_glossary_is_usage_error(self, runner, workdir):
        """Without --glossary the run stops with a usage error, exit 2."""
        result = runner.invoke(cli, ["check", "clean.md"])
        assert result.exit_code == 2
        assert "no glossary given; use --glossary" in result.stderr

    def test_no_paths_checks_the_current_folder(self, runner, workdir):
        """Without paths the current folder is walked, its files named without ./."""
        result = _check(runner)
        assert result.exit_code == 1
        assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
            "error.md",
            "info.md",
            "warning.md",
            "3 findings (1 error, 1 warning, 1 info) in 4 files",
        ]

    def test_unknown_format_is_usage_error(self, runner, workdir):
        """An unknown --format value is refused with exit 2 and one line."""
        result = _check(runner, "--format", "xml", "clean.md")
        assert result.exit_code == 2
        assert result.stderr.startswith("termcheck: error: invalid value for ")
        assert len(result.stderr.splitlines()) == 1

    def test_invalid_glossary_exits_2_with_one_line(self, runner, workdir):
        """A broken glossary gives one ``termcheck: error:`` line and no traceback."""
        (workdir / "bad.yaml").write_text(
            "version: 1\nterms:\n  - id: x\n", encoding="utf-8"
        )
        result = runner.invoke(cli, ["check", "-g", "bad.yaml", "clean.md"])
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("termcheck: error: bad.yaml:3:")
        assert result.stdout == ""

    def test_missing_glossary_exits_2(self, runner, workdir):
        """A glossary that does not exist is an error line naming it."""
        result = runner.invoke(cli, ["check", "-g", "nope.yaml", "clean.md"])
        assert result.exit_code == 2
        assert result.stderr.startswith("termcheck: error: nope.yaml: ")

    def test_os_error_at_the_edge_is_one_line(self, runner, workdir, monkeypatch):
        """An unexpected OSError is reported in one line, exit 2, no traceback."""
        import termcheck.runner

        def broken(*args, **kwargs):
            raise PermissionError(13, "Permission denied", "somewhere.md")

        monkeypatch.setattr(termcheck.runner, "iter_checked", broken)
        result = _check(runner, "clean.md")
        assert result.exit_code == 2
        assert result.stderr == "termcheck: error: somewhere.md: Permission denied\n"


class TestCheckOutput:
    """``check`` options that shape the output."""

    def test_several_glossaries_combine(self, runner, workdir):
        """Repeating --glossary merges the glossaries."""
        (workdir / "more.yaml").write_text(
            "version: 1\nterms:\n  - id: cbm\n"
            "    canonical: Confidence-Building Measures\n"
            "    forbidden: [Confidence Building Measures]\n",
            encoding="utf-8",
        )
        (workdir / "both.md").write_text(
            "One Belt One Road and Confidence Building Measures.\n", encoding="utf-8"
        )
        result = runner.invoke(
            cli, ["check", "-g", "glossary.yaml", "--glossary", "more.yaml", "both.md"]
        )
        assert result.exit_code == 1
        assert "[forbidden bri]" in result.stdout
        assert "[forbidden cbm]" in result.stdout

    def test_json(self, runner, workdir):
        """--format json writes the versioned document and nothing else."""
        result = _check(runner, "--format", "json", "error.md", "clean.md")
        data = json.loads(result.stdout)
        assert data["version"] == 1
        assert [f["term"] for f in data["findings"]] == ["bri"]
        assert data["summary"]["files"] == 2
        assert result.exit_code == 1

    def test_quiet(self, runner, workdir):
        """--quiet leaves only the finding lines."""
        result = _check(runner, "-q", "error.md", "clean.md")
        assert result.stdout.splitlines() == [
            line for line in result.stdout.splitlines() if line.startswith("error.md:")
        ]
        assert len(result.stdout.splitlines()) == 1

    def test_quiet_clean_prints_nothing(self, runner, workdir):
        """--quiet with nothing to report prints nothing at all."""
        assert _check(runner, "--quiet", "clean.md").stdout == ""

    def test_context(self, runner, workdir):
        """--context quotes the line and marks the match."""
        result = _check(runner, "--context", "error.md")
        lines = result.stdout.splitlines()
        assert lines[1] == "    Older notes say One Belt One Road."
        assert lines[2] == "                    ^" + "~" * 16

    def test_color_forced(self, runner, workdir):
        """--color writes escape sequences even when stdout is not a terminal."""
        assert "\x1b[31m" in _check(runner, "--color", "error.md").stdout

    def test_color_off_when_not_a_terminal(self, runner, workdir):
        """By default no colour is written to a pipe or file."""
        assert "\x1b" not in _check(runner, "error.md").stdout

    def test_stdin(self, runner, workdir):
        """``-`` checks standard input, reported as ``<stdin>``."""
        result = _check(runner, "-", stdin="See One Belt One Road.\n")
        assert result.stdout.startswith("<stdin>:1:5: error:")
        assert result.exit_code == 1

    def test_folder(self, runner, workdir):
        """A folder is checked recursively, in sorted order, skipping hidden files."""
        (workdir / "docs" / ".drafts").mkdir(parents=True)
        (workdir / "docs" / "b.md").write_text("One Belt One Road\n", encoding="utf-8")
        (workdir / "docs" / "a.txt").write_text("One Belt One Road\n", encoding="utf-8")
        (workdir / "docs" / ".drafts" / "c.md").write_text(
            "One Belt One Road\n", encoding="utf-8"
        )
        result = _check(runner, "-q", "docs")
        paths = [line.split(":")[0] for line in result.stdout.splitlines()]
        assert paths == ["docs/a.txt", "docs/b.md"]


class TestColorChoice:
    """Colour is on by default only on a terminal without NO_COLOR."""

    class _Tty:
        def isatty(self) -> bool:
            return True

    def test_terminal_gets_colour(self, monkeypatch):
        """On a terminal, with NO_COLOR unset, colour is on."""
        monkeypatch.setattr(sys, "stdout", self._Tty())
        assert cli_module._use_color(None) is True

    def test_no_color_variable(self, monkeypatch):
        """A non-empty NO_COLOR turns automatic colour off."""
        monkeypatch.setattr(sys, "stdout", self._Tty())
        monkeypatch.setenv("NO_COLOR", "1")
        assert cli_module._use_color(None) is False

    def test_flag_wins(self, monkeypatch):
        """--color and --no-color override the environment."""
        monkeypatch.setenv("NO_COLOR", "1")
        assert cli_module._use_color(True) is True
        assert cli_module._use_color(False) is False


class TestVersion:
    """``--version`` prints the version and exits 0."""

    def test_version(self, runner):
        """The output is ``termcheck X.Y.Z``."""
        result = runner.invoke(cli, ["--version"])
        assert result.exit_code == 0
        assert re.fullmatch(r"termcheck \d+\.\d+\.\d+\S*\n", result.stdout)


class TestGlossaryValidate:
    """``glossary validate`` loads each file on its own."""

    def test_valid(self, runner, workdir):
        """A valid glossary prints ``FILE: ok (N terms)`` and exits 0."""
        result = runner.invoke(cli, ["glossary", "validate", "glossary.yaml"])
        assert result.exit_code == 0
        assert result.stdout == "glossary.yaml: ok (3 terms)\n"

    def test_invalid_among_valid(self, runner, workdir):
        """An invalid file gives one error line; the others are still validated."""
        (workdir / "bad.yaml").write_text("version: 2\nterms: []\n", encoding="utf-8")
        result = runner.invoke(
            cli, ["glossary", "validate", "bad.yaml", "glossary.yaml"]
        )
        assert result.exit_code == 2
        assert result.stdout == "glossary.yaml: ok (3 terms)\n"
        (line,) = result.stderr.splitlines()
        assert line.startswith("termcheck: error: bad.yaml:1:")

    def test_singular(self, runner, workdir):
        """A one-term glossary says ``1 term``."""
        (workdir / "one.yaml").write_text(
            "version: 1\nterms:\n  - canonical: Charter of the United Nations\n",
            encoding="utf-8",
        )
        result = runner.invoke(cli, ["glossary", "validate", "one.yaml"])
        assert result.stdout == "one.yaml: ok (1 term)\n"

    def test_needs_a_file(self, runner):
        """Without files it is a usage error."""
        assert runner.invoke(cli, ["glossary", "validate"]).exit_code == 2


class TestGlossaryTest:
    """``glossary test`` runs each term's examples."""

    def test_passing(self, runner, workdir):
        """All examples behave: summary and exit 0."""
        result = runner.invoke(cli, ["glossary", "test", "glossary.yaml"])
        assert result.exit_code == 0, result.output
        assert result.stdout == "2 examples, 0 failed\n"

    def test_failing(self, runner, workdir):
        """A bad example the checker misses is printed, and the run exits 1."""
        text = GLOSSARY.replace(
            'bad: ["They praised One Belt One Road."]',
            'bad: ["They praised One Belt One Road.", "Nothing wrong here."]',
        )
        (workdir / "failing.yaml").write_text(text, encoding="utf-8")
        result = runner.invoke(cli, ["glossary", "test", "failing.yaml"])
        assert result.exit_code == 1
        lines = result.stdout.splitlines()
        assert lines[-1] == "3 examples, 1 failed"
        assert "'Nothing wrong here.'" in lines[0]
        assert lines[0].startswith("failing.yaml:4: term 'bri': bad example")

    def test_example_glossary_passes(self, runner, monkeypatch):
        """The examples of the shipped example glossary all pass."""
        monkeypatch.chdir(ROOT)
        result = runner.invoke(cli, ["glossary", "test", "examples/glossary.yaml"])
        assert result.exit_code == 0, result.output
        assert result.stdout.endswith(" failed\n")

    def test_invalid_glossary(self, runner, workdir):
        """An invalid glossary exits 2 with one error line."""
        (workdir / "bad.yaml").write_text("terms: []\n", encoding="utf-8")
        result = runner.invoke(cli, ["glossary", "test", "bad.yaml"])
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1


def _run(
    *args: str, cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m termcheck ARGS`` in a real child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "termcheck", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


class TestPackage:
    """The ``termcheck`` package exposes its API without loading it all up front."""

    def test_public_names_resolve(self):
        """Every name in ``termcheck.__all__`` can be imported."""
        import termcheck

        for name in termcheck.__all__:
            assert getattr(termcheck, name) is not None, name
        assert callable(termcheck.check_paths)
        assert isinstance(termcheck.__version__, str)

    def test_unknown_name(self):
        """Unknown attributes still raise AttributeError."""
        import termcheck

        with pytest.raises(AttributeError):
            _ = termcheck.no_such_thing

    def test_cli_import_is_light(self, tmp_path):
        """Importing the CLI loads neither YAML, regex, rapidfuzz nor the matcher."""
        code = (
            "import sys, termcheck.cli\n"
            "heavy = ('yaml', 'regex', 'rapidfuzz', 'termcheck.checker',"
            " 'termcheck.glossary')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy"
            " or m in heavy))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-c", code],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert proc.stdout == "[]\n"


class TestSubprocess:
    """The installed entry point behaves the same in a real process."""

    def test_version(self, tmp_path):
        """``python -m termcheck --version`` prints the version, exit 0."""
        proc = _run("--version", cwd=tmp_path)
        assert proc.returncode == 0
        assert proc.stdout.startswith("termcheck ")

    def test_check_findings_exit_1(self, workdir):
        """A real run with findings exits 1 and prints no escape codes into a pipe."""
        proc = _run("check", "-g", "glossary.yaml", "error.md", "clean.md", cwd=workdir)
        assert proc.returncode == 1
        assert proc.stdout.splitlines()[-1] == (
            "1 finding (1 error, 0 warnings, 0 info) in 2 files"
        )
        assert "\x1b" not in proc.stdout

    def test_stdin_and_missing_file(self, workdir):
        """stdin is checked, a missing file is reported on stderr, exit 2."""
        proc = _run(
            "check",
            "-g",
            "glossary.yaml",
            "-",
            "gone.md",
            cwd=workdir,
            stdin="One Belt One Road\r\n",
        )
        assert proc.returncode == 2
        assert proc.stdout.startswith("<stdin>:1:1: error:")
        assert proc.stderr == "termcheck: error: gone.md: no such file or directory\n"

    def test_invalid_glossary_no_traceback(self, workdir):
        """A broken glossary gives exactly one line on stderr, exit 2."""
        (workdir / "bad.yaml").write_text("version: 1\nterms: {}\n", encoding="utf-8")
        proc = _run("check", "-g", "bad.yaml", "clean.md", cwd=workdir)
        assert proc.returncode == 2
        assert len(proc.stderr.splitlines()) == 1
        assert "Traceback" not in proc.stderr

    def test_quickstart_example(self):
        """The README Quickstart check exits 0 and finds each planted variant."""
        proc = _run(
            "check",
            "--fail-on",
            "never",
            "--glossary",
            "examples/glossary.yaml",
            "examples/draft.md",
            cwd=ROOT,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.endswith(" in 1 file\n")
        found = [
            line.split(": ")[0] + " " + line.split(" [")[-1]
            for line in proc.stdout.splitlines()[:-1]
        ]
        assert found == [
            "examples/draft.md:9:21 forbidden shared-future]",
            "examples/draft.md:10:22 near-miss shared-future]",
            "examples/draft.md:12:1 forbidden shared-future]",
            "examples/draft.md:17:13 forbidden bri]",
            "examples/draft.md:18:23 case gsi]",
            "examples/draft.md:23:1 near-miss cbm]",
        ]
