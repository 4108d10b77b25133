"""The small limits of a run: closed standard streams, deep nesting, no home
folder, where the config search stops, and the units of sizes.

Each case runs ``python -m termcheck`` as a process (the shell closes standard
output for ``>&-``) and asserts one clear line, the exit status and no
internal error.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.battery import GOOD_FINDING, Outcome, run_process, write_project

ROOT = Path(__file__).resolve().parents[2]


def shell(folder: Path, command: str, env: dict[str, str] | None = None) -> Outcome:
    """Run ``command`` with ``sh`` in ``folder``; ``termcheck`` is this checkout."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    result = subprocess.run(
        ["sh", "-c", command.replace("termcheck", f"{sys.executable} -m termcheck")],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    outcome = Outcome(result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in outcome.stderr
    assert "internal error" not in outcome.stderr
    return outcome


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with ``glossary.yaml`` and ``good.md`` (one finding)."""
    return write_project(tmp_path)


class TestClosedStandardStreams:
    """``>&-``, ``2>&-``, ``<&-``: one line or quiet, never an internal error."""

    def test_closed_output_with_findings(self, project):
        """The report cannot be written: one line on stderr, exit 2."""
        outcome = shell(project, "termcheck check -g glossary.yaml good.md >&-")
        assert outcome.code == 2
        assert outcome.stderr == (
            "termcheck: error: standard output is closed; the report could not "
            "be written\n"
        )

    def test_closed_output_with_nothing_to_print(self, project):
        """``--quiet`` and no finding: nothing was lost, exit 0."""
        (project / "clean.md").write_text("Nothing to see.\n", encoding="utf-8")
        outcome = shell(project, "termcheck check -q -g glossary.yaml clean.md >&-")
        assert outcome.code == 0
        assert outcome.stderr == ""

    def test_files_opened_never_take_the_closed_descriptor(self, project):
        """--fix and --output still write exactly their files, not the report."""
        outcome = shell(
            project,
            "termcheck check -g glossary.yaml --fix --format json "
            "--output report.json good.md >&-",
        )
        assert outcome.code == 2  # the text report for stdout was lost
        assert (project / "good.md").read_text(encoding="utf-8") == (
            "Loans under Belt and Road Initiative grew.\n"
        )
        assert '"findings": []' in (project / "report.json").read_text("utf-8")

    def test_closed_error_stream(self, project):
        """Without stderr the report still goes to stdout and the status holds."""
        outcome = shell(
            project, "termcheck check -g glossary.yaml nowhere.md good.md 2>&-"
        )
        assert outcome.code == 2
        assert GOOD_FINDING in outcome.stdout

    def test_closed_input(self, project):
        """``-`` with standard input closed reads as empty input."""
        outcome = shell(project, "termcheck check -g glossary.yaml - <&-")
        assert outcome.code == 0
        assert outcome.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"


class TestDeepNesting:
    """Nesting Python's parsers would recurse into is one error line."""

    def test_baseline_of_brackets(self, project):
        """A baseline of 100,000 ``[``."""
        (project / "base.json").write_text("[" * 100_000, encoding="utf-8")
        outcome = run_process(
            project,
            "check",
            "-g",
            "glossary.yaml",
            "--baseline",
            "base.json",
            "good.md",
        )
        assert outcome.code == 2
        assert outcome.errors == [
            "base.json: not a termcheck baseline: JSON nested too deeply"
        ]

    @pytest.mark.parametrize("opener", ["[", "{a="])
    def test_pyproject_nested_arrays(self, project, opener):
        """A [tool.termcheck] table holding a 100,000-deep array or table."""
        (project / ".git").mkdir()
        (project / "pyproject.toml").write_text(
            "[tool.termcheck]\nx = " + opener * 100_000 + "\n", encoding="utf-8"
        )
        outcome = run_process(project, "check", "-g", "glossary.yaml", "good.md")
        assert outcome.code == 2
        assert outcome.errors == [
            "pyproject.toml: invalid TOML: nested too deeply (arrays or tables in "
            "one another)"
        ]

    def test_tbx_metadata_note(self, project):
        """A TBX note ``termcheck: [[[…`` is a plain note, not a crash."""
        note = "termcheck: " + "[" * 100_000
        (project / "t.tbx").write_text(
            '<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" '
            'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
            f'<note>{note}</note><langSec xml:lang="en"><termSec><term>Belt'
            "</term></termSec></langSec></conceptEntry></body></text></tbx>",
            encoding="utf-8",
        )
        outcome = run_process(project, "glossary", "import", "t.tbx", "--from", "tbx")
        assert outcome.code == 0, outcome.stderr
        assert "canonical: Belt" in outcome.stdout


class TestNoHomeFolder:
    """The cache is optional: without a home for it, the run goes on without."""

    @pytest.mark.parametrize("home", ["", "relative", "file"])
    def test_unusable_home(self, project, home):
        """Empty, relative, or a regular file: checked, and no cache in the way."""
        if home == "file":
            (project / "home-file").write_text("", encoding="utf-8")
            home = str(project / "home-file")
        env = {"HOME": home, "XDG_CACHE_HOME": "", "TERMCHECK_CACHE_DIR": ""}
        outcome = shell(project, "termcheck check -v -g glossary.yaml good.md", env)
        assert outcome.code == 1, outcome.stderr
        assert GOOD_FINDING in outcome.stdout
        assert not (project / ".cache").exists()
        assert not (project / "relative").exists()

    def test_no_home_at_all(self, project):
        """HOME unset and no user entry (a container user): no cache, no error."""
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_CACHE_HOME": "",
            "TERMCHECK_CACHE_DIR": "",
        }
        env.pop("HOME", None)
        code = (
            "import pwd, sys\n"
            "def nobody(*args):\n"
            "    raise KeyError('no such user')\n"
            "pwd.getpwuid = nobody\n"
            "from termcheck.cli import main\n"
            "main(sys.argv[1:])\n"
        )
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                "check",
                "-v",
                "-g",
                "glossary.yaml",
                "good.md",
            ],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert GOOD_FINDING in result.stdout
        assert "termcheck: index cache: off (no home folder to keep it in)" in (
            result.stderr.splitlines()
        )


class TestConfigSearchStops:
    """The search climbs to the repository root, else to home, else nowhere."""

    def test_outside_repository_and_home_only_the_current_folder(self, tmp_path):
        """A config one folder up (a shared /tmp) is never read."""
        (tmp_path / ".termcheck.yaml").write_text("fail-on: [broken\n", "utf-8")
        work = tmp_path / "work"
        work.mkdir()
        write_project(work)
        outcome = shell(
            work,
            "termcheck check -v -g glossary.yaml good.md",
            {"HOME": str(tmp_path / "home")},
        )
        assert outcome.code == 1, outcome.stderr
        assert (
            "termcheck: config: none found (looked in the current folder only: it is "
            "outside any repository and home)"
        ) in outcome.stderr.splitlines()

    def test_inside_home_up_to_home(self, tmp_path):
        """Under the home folder (no repository), a config at home is found."""
        home = tmp_path / "home"
        work = home / "notes" / "week"
        work.mkdir(parents=True)
        write_project(work)
        (home / ".termcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
        (tmp_path / ".termcheck.yaml").write_text("fail-on: [broken\n", "utf-8")
        outcome = shell(
            work, "termcheck check -v -g glossary.yaml good.md", {"HOME": str(home)}
        )
        assert outcome.code == 0, outcome.stderr
        assert "termcheck: config: ../../.termcheck.yaml (found)" in (
            outcome.stderr.splitlines()
        )

    def test_in_a_repository_up_to_its_root(self, tmp_path):
        """In a repository: its root, and nothing above it."""
        repo = tmp_path / "repo"
        (repo / ".git").mkdir(parents=True)
        (repo / "docs").mkdir()
        write_project(repo / "docs")
        (tmp_path / ".termcheck.yaml").write_text("fail-on: [broken\n", "utf-8")
        outcome = run_process(
            repo / "docs", "check", "-v", "-g", "glossary.yaml", "good.md"
        )
        assert outcome.code == 1
        assert outcome.notes("config") == [
            "none found (looked in the current folder and 1 above it, up to the "
            f"repository root {repo.resolve().as_posix()})"
        ]
        assert outcome.notes("glossaries") == [
            "glossary.yaml (from --glossary, 1 term)"
        ]


class TestSizeUnits:
    """``--max-file-size`` reads K and KiB alike and says KiB."""

    @pytest.mark.parametrize("size", ["1K", "1KiB", "1kib", "1 KB", "1024"])
    def test_spellings(self, project, size):
        """Every spelling of 1024 bytes; the message names the binary unit."""
        (project / "two.md").write_text("OBOR " * 400, encoding="utf-8")
        outcome = run_process(
            project,
            "check",
            "-g",
            "glossary.yaml",
            "--max-file-size",
            size,
            "two.md",
            "good.md",
        )
        assert outcome.notes("warning") == [
            "two.md: skipped: 2 KiB is larger than the 1 KiB limit (--max-file-size)"
        ]
        assert outcome.stdout.splitlines()[-1].endswith(", 1 skipped (over 1 KiB: 1)")
