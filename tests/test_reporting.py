"""The command line's report as files finish: --max-findings, errors in every
format, the order of standard output and standard error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road, OBOR]
  - id: gsi
    canonical: Global Security Initiative
    case: sensitive
    severity: warning
"""


@pytest.fixture
def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always separates them
        return CliRunner()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``a.md`` (3 findings), ``b.md`` (3), ``c.md`` (3), and the glossary."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    for name in ("a", "b", "c"):
        text = f"In {name}: OBOR.\nAgain OBOR.\nAnd OBOR once more.\n"
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    return tmp_path


def check(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["check", "-g", "glossary.yaml", *args])
    return result.exit_code, result.stdout, result.stderr


def heads(stdout: str) -> list[str]:
    """``path:line`` of each finding line."""
    return [":".join(line.split(":")[:2]) for line in stdout.splitlines()[:-1]]


class TestMaxFindings:
    """--max-findings caps what is listed; the summary and exit say the rest."""

    def test_per_file(self, runner, folder):
        code, out, err = check(
            runner, "--max-findings-per-file", "2", "a.md", "b.md", "c.md"
        )
        assert code == 1
        assert heads(out) == [
            "a.md:1",
            "a.md:2",
            "b.md:1",
            "b.md:2",
            "c.md:1",
            "c.md:2",
        ]
        assert out.splitlines()[-1] == (
            "6 findings (6 errors, 0 warnings, 0 info) in 3 files, "
            "3 omitted by --max-findings"
        )
        assert err.splitlines() == [
            f"termcheck: note: {name}.md: 1 finding omitted by --max-findings"
            for name in "abc"
        ]

    def test_per_run(self, runner, folder):
        """The run's cap is reached in b.md; c.md is left out as a whole."""
        code, out, err = check(
            runner, "--max-findings", "4", "--format", "json", "a.md", "b.md", "c.md"
        )
        assert code == 1
        report = json.loads(out)
        assert [(f["path"], f["line"]) for f in report["findings"]] == [
            ("a.md", 1),
            ("a.md", 2),
            ("a.md", 3),
            ("b.md", 1),
        ]
        assert report["omitted"] == [
            {"path": "b.md", "findings": 2},
            {"path": "c.md", "findings": 3},
        ]
        assert report["summary"]["findings"] == 4
        assert err.splitlines() == [
            "termcheck: note: b.md: 2 findings omitted by --max-findings",
            "termcheck: note: 3 more findings in 1 more file omitted by "
            "--max-findings (at most 4 in a run)",
        ]

    def test_zero_lists_all(self, runner, folder):
        _, out, _ = check(
            runner, "--max-findings", "0", "--max-findings-per-file", "0",
            "a.md", "b.md", "c.md",
        )  # fmt: skip
        assert len(heads(out)) == 9

    def test_exit_status_counts_omitted_findings(self, runner, folder):
        """A listed warning and an omitted error: --fail-on error still fails."""
        text = "The global security initiative.\nOBOR.\n"
        (folder / "mixed.md").write_text(text, encoding="utf-8")
        args = ("--max-findings-per-file", "1", "--fail-on", "error", "mixed.md")
        code, out, _ = check(runner, *args)
        assert heads(out) == ["mixed.md:1"]
        assert ": warning: " in out
        assert code == 1
        code, _, _ = check(runner, *args[:2], "--fail-on", "never", "mixed.md")
        assert code == 0

    def test_config_keys(self, runner, folder):
        (folder / ".termcheck.yaml").write_text(
            "glossaries: [glossary.yaml]\nmax-findings: 5\nmax-findings-per-file: 1\n",
            encoding="utf-8",
        )
        result = runner.invoke(cli, ["check", "a.md", "b.md", "c.md"])
        assert heads(result.stdout) == ["a.md:1", "b.md:1", "c.md:1"]
        result = runner.invoke(
            cli, ["check", "--max-findings-per-file", "3", "a.md", "b.md", "c.md"]
        )
        assert len(heads(result.stdout)) == 5  # the config's run cap still holds

    @pytest.mark.parametrize("value", ["-1", "many", "2.5"])
    def test_bad_config_value(self, runner, folder, value):
        (folder / ".termcheck.yaml").write_text(
            f"glossaries: [glossary.yaml]\nmax-findings: {value}\n", encoding="utf-8"
        )
        result = runner.invoke(cli, ["check", "a.md", "b.md", "c.md"])
        assert result.exit_code == 2
        assert result.stderr.startswith("termcheck: error: .termcheck.yaml:2:")
        assert "'max-findings' must be a whole number (0: no limit)" in result.stderr

    def test_every_format_says_what_was_omitted(self, runner, folder):
        args = ("--max-findings-per-file", "1", "a.md")
        _, github, _ = check(runner, "--format", "github", *args)
        assert (
            "::notice file=a.md,title=termcheck::2 findings omitted by --max-findings"
            in github.splitlines()
        )
        _, junit, _ = check(runner, "--format", "junit", *args)
        case = ET.fromstring(junit.split("\n", 1)[1]).find("testsuite/testcase")
        assert case is not None
        assert case.findtext("system-out") == "2 findings omitted by --max-findings"
        _, sarif, _ = check(runner, "--format", "sarif", *args)
        notes = json.loads(sarif)["runs"][0]["invocations"][0][
            "toolExecutionNotifications"
        ]
        assert [n["message"]["text"] for n in notes] == [
            "2 findings omitted by --max-findings"
        ]


class TestErrorsInEveryFormat:
    """A file that cannot be read is an entry of every format that has a place."""

    def test_json(self, runner, folder):
        code, out, err = check(runner, "--format", "json", "a.md", "missing.md")
        assert code == 2
        report = json.loads(out)
        assert report["errors"] == [
            {"path": "missing.md", "message": "no such file or directory"}
        ]
        assert err == "termcheck: error: missing.md: no such file or directory\n"

    def test_sarif(self, runner, folder):
        code, out, _ = check(runner, "--format", "sarif", "a.md", "missing.md")
        assert code == 2
        (invocation,) = json.loads(out)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        (note,) = invocation["toolExecutionNotifications"]
        assert (note["level"], note["message"]["text"]) == (
            "error",
            "no such file or directory",
        )

    def test_sarif_successful_without_errors(self, runner, folder):
        _, out, _ = check(runner, "--format", "sarif", "a.md")
        (invocation,) = json.loads(out)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is True

    def test_github_and_junit(self, runner, folder):
        _, github, _ = check(runner, "--format", "github", "missing.md")
        assert (
            "::error file=missing.md,title=termcheck::no such file or directory"
            in github
        )
        _, junit, _ = check(runner, "--format", "junit", "missing.md")
        assert '<error message="no such file or directory" type="input">' in junit

    def test_gitlab_has_no_place_for_them(self, runner, folder):
        """Code Quality lists issues in code: an unreadable file is an error line
        and exit status 2, not an issue."""
        code, out, err = check(runner, "--format", "gitlab", "missing.md")
        assert (code, out) == (2, "[]\n")
        assert err == "termcheck: error: missing.md: no such file or directory\n"


def test_errors_stand_at_their_file_and_the_summary_comes_last(folder):
    """Standard output and standard error into one pipe: each file's lines in
    file order, an error line at its file's place, the summary last."""
    (folder / "b.md").write_bytes(b"Bad \xff byte.\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "termcheck",
            "check",
            "-g",
            "glossary.yaml",
            "a.md",
            "b.md",
            "c.md",
        ],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=120,
        check=False,
    )
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 2
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "a.md",
        "a.md",
        "a.md",
        "termcheck",
        "c.md",
        "c.md",
        "c.md",
    ]
    assert lines[3].startswith("termcheck: error: b.md: cannot decode")
    assert lines[-1] == "6 findings (6 errors, 0 warnings, 0 info) in 2 files"


def test_a_files_notes_follow_its_findings(folder):
    """A file's note (findings omitted) comes after its own findings, before
    the next file's."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "termcheck", "check", "-g", "glossary.yaml"]
    result = subprocess.run(
        [*command, "--max-findings-per-file", "2", "a.md", "b.md"],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=120,
        check=False,
    )
    lines = result.stdout.decode().splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        "a.md:1:7",
        "a.md:2:7",
        "termcheck",
        "b.md:1:7",
        "b.md:2:7",
        "termcheck",
        "4 findings (4 errors, 0 warnings, 0 info) in 2 files, "
        "2 omitted by --max-findings",
    ]
    assert lines[2] == "termcheck: note: a.md: 1 finding omitted by --max-findings"


def test_context_follows_each_file(runner, folder):
    """--context prints each finding's own line while the report streams."""
    _, out, _ = check(runner, "--context", "a.md", "b.md")
    lines = out.splitlines()
    assert lines[0].startswith("a.md:1:7:")
    assert lines[1] == "    In a: OBOR."
    assert lines[2] == "          ^~~~"
    assert lines[9].startswith("b.md:1:7:")
    assert lines[10] == "    In b: OBOR."
