"""Shared by the hostile-input battery: a project folder and a strict CLI runner.

Every run goes through the real command line and asserts what each case of the
battery promises: no traceback, every stderr line a ``termcheck:`` line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from termcheck.cli import cli

__all__ = [
    "GLOSSARY",
    "GOOD_FINDING",
    "Outcome",
    "assert_clean",
    "check",
    "run",
    "run_process",
    "write_project",
]

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road, OBOR]
"""

GOOD_TEXT = "Loans under OBOR grew.\n"
GOOD_FINDING = "good.md:1:13: error:"
"""The finding of ``good.md``: its presence proves the other files were checked."""


@dataclass(frozen=True)
class Outcome:
    """Exit status and output streams of one run."""

    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        """The ``termcheck: error: `` lines, without that prefix."""
        prefix = "termcheck: error: "
        return [
            line[len(prefix) :]
            for line in self.stderr.splitlines()
            if line.startswith(prefix)
        ]

    def notes(self, level: str) -> list[str]:
        """The ``termcheck: LEVEL: `` lines (warning, note), without the prefix."""
        prefix = f"termcheck: {level}: "
        return [
            line[len(prefix) :]
            for line in self.stderr.splitlines()
            if line.startswith(prefix)
        ]

    def only_error(self, path: str) -> str:
        """The one error line about ``path`` (the problem after ``path: ``)."""
        found = [e for e in self.errors if e.startswith(f"{path}: ")]
        assert len(found) == 1, self.stderr
        return found[0][len(path) + 2 :]


def assert_clean(outcome: Outcome) -> None:
    """No traceback and no internal error; stderr holds termcheck's lines only
    (click's usage errors included)."""
    for stream in (outcome.stdout, outcome.stderr):
        assert "Traceback" not in stream, stream
    assert "internal error" not in outcome.stderr, outcome.stderr
    for line in outcome.stderr.splitlines():
        assert line.startswith("termcheck: "), line


def run(*args: str, stdin: str | bytes | None = None) -> Outcome:
    """Run ``termcheck ARGS`` in this process; a Python exception fails the test."""
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    outcome = Outcome(result.exit_code, result.stdout, result.stderr)
    assert_clean(outcome)
    return outcome


def check(*args: str) -> Outcome:
    """``termcheck check -g glossary.yaml ARGS`` in the current folder."""
    return run("check", "-g", "glossary.yaml", *args)


def run_process(folder: Path, *args: str, timeout: float = 60) -> Outcome:
    """Run ``python -m termcheck ARGS`` in ``folder``, as a user would; must end."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-m", "termcheck", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )
    outcome = Outcome(result.returncode, result.stdout, result.stderr)
    assert_clean(outcome)
    return outcome


def write_project(folder: Path) -> Path:
    """Put ``glossary.yaml`` and ``good.md`` (one finding) in ``folder``."""
    (folder / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (folder / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    return folder
