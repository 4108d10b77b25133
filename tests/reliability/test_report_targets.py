"""``--output`` and ``--write-baseline`` aimed at streams, devices and links.

An existing FIFO or character device (``/dev/stdout``, ``/dev/null``, a named
pipe, a link to one) is written in place, never renamed over; a regular file
is replaced atomically, through links; a write that fails names the file.
Every case runs the real command line in a separate process, with standard
output redirected as a shell would.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.reliability.battery import GOOD_FINDING, Outcome, assert_clean

ROOT = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")


def termcheck(
    folder: Path, *args: str, stdout: int | object = subprocess.PIPE
) -> Outcome:
    """``termcheck check -g glossary.yaml ARGS`` in ``folder`` (stdout: a file or
    a pipe)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "termcheck", "check", "-g", "glossary.yaml"]
    result = subprocess.run(
        [*command, *args],
        cwd=folder,
        env=env,
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    printed = result.stdout.decode() if result.stdout is not None else ""
    outcome = Outcome(result.returncode, printed, result.stderr.decode())
    assert_clean(outcome)
    return outcome


def is_link(path: str) -> bool:
    return Path(path).is_symlink()


@pytest.mark.skipif(not Path("/dev/stdout").is_symlink(), reason="no /dev/stdout link")
class TestStandardOutput:
    """``--output /dev/stdout``: standard output gets the report, nothing else."""

    def test_redirected_to_a_file(self, project):
        """``> report.json``: the file holds the JSON report; /dev/stdout stays."""
        with (project / "report.json").open("wb") as sink:
            outcome = termcheck(
                project, "--format", "json", "--output", "/dev/stdout", "good.md",
                stdout=sink,
            )  # fmt: skip
        assert outcome.code == 1
        assert is_link("/dev/stdout")
        report = json.loads((project / "report.json").read_text(encoding="utf-8"))
        assert report["summary"]["findings"] == 1
        assert report["findings"][0]["path"] == "good.md"

    def test_redirected_to_a_pipe(self, project):
        """``| jq``: the pipe carries the JSON document alone, not the text too."""
        outcome = termcheck(
            project, "--format", "json", "--output", "/dev/stdout", "good.md"
        )
        assert outcome.code == 1
        assert json.loads(outcome.stdout)["findings"][0]["line"] == 1
        assert GOOD_FINDING not in outcome.stdout
        assert is_link("/dev/stdout")

    def test_baseline_to_standard_output(self, project):
        """``--write-baseline /dev/stdout > base.json`` writes the baseline there."""
        with (project / "base.json").open("wb") as sink:
            outcome = termcheck(
                project, "--write-baseline", "/dev/stdout", "good.md", stdout=sink
            )
        assert outcome.code == 0
        assert is_link("/dev/stdout")
        baseline = json.loads((project / "base.json").read_text(encoding="utf-8"))
        assert [entry["matched"] for entry in baseline["findings"]] == ["OBOR"]
        assert "termcheck: wrote 1 finding to /dev/stdout" in outcome.stderr


class TestDevices:
    """Character devices are written to in place."""

    @pytest.mark.parametrize("option", ["--output", "--write-baseline"])
    def test_dev_null(self, project, option):
        """``/dev/null`` takes the report and stays the device it was."""
        outcome = termcheck(project, "--format", "sarif", option, os.devnull, "good.md")
        assert outcome.errors == []
        assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
        if option == "--output":
            assert GOOD_FINDING in outcome.stdout  # the text report still printed

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    @pytest.mark.parametrize("option", ["--output", "--write-baseline"])
    def test_dev_full_names_the_file(self, project, option):
        """A full device: one error line naming it, exit 2."""
        outcome = termcheck(project, "--format", "json", option, "/dev/full", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("/dev/full") == (
            "cannot write: No space left on device"
        )

    def test_link_to_a_device(self, project):
        """A link the user made to /dev/null is written through and stays a link."""
        (project / "sink").symlink_to(os.devnull)
        outcome = termcheck(project, "--format", "json", "--output", "sink", "good.md")
        assert outcome.code == 1
        assert (project / "sink").is_symlink()
        assert str((project / "sink").readlink()) == os.devnull


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
class TestFifo:
    """A named pipe (or a link to one) is written to, and stays a pipe."""

    @pytest.mark.parametrize("via_link", [False, True])
    @pytest.mark.parametrize("option", ["--output", "--write-baseline"])
    def test_fifo(self, project, option, via_link):
        fifo = project / "pipe"
        os.mkfifo(fifo)
        name = "pipe"
        if via_link:
            (project / "link").symlink_to(fifo)
            name = "link"
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        try:
            outcome = termcheck(project, "--format", "json", option, name, "good.md")
        finally:
            if reader.is_alive():  # the run failed before opening the pipe
                with fifo.open("wb"):
                    pass
            reader.join(timeout=30)
        assert outcome.errors == []
        document = json.loads(received[0])  # the report, or the baseline
        assert document["findings"][0]["path"] == "good.md"
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
        if via_link:
            assert (project / "link").is_symlink()


class TestRegularFiles:
    """Regular files are replaced atomically, through links."""

    def test_link_to_a_file_stays_a_link(self, project):
        """``report.json -> out/report.json``: the target gets the report."""
        (project / "out").mkdir()
        (project / "out" / "report.json").write_text("old", encoding="utf-8")
        (project / "report.json").symlink_to(Path("out") / "report.json")
        outcome = termcheck(
            project, "--format", "json", "--output", "report.json", "good.md"
        )
        assert outcome.code == 1
        assert (project / "report.json").is_symlink()
        written = (project / "out" / "report.json").read_text(encoding="utf-8")
        assert json.loads(written)["summary"]["findings"] == 1
        assert sorted(p.name for p in (project / "out").iterdir()) == ["report.json"]

    @pytest.mark.skipif(not LINUX, reason="/proc/self/fd: Linux")
    def test_standard_output_file_is_not_replaced(self, project):
        """``> log.txt`` and ``--output`` naming that same file: written through
        standard output, so the file is neither replaced nor truncated."""
        log = project / "log.txt"
        with log.open("wb") as sink:
            outcome = termcheck(
                project, "--format", "json", "--output", str(log), "good.md",
                stdout=sink,
            )  # fmt: skip
            inode = os.fstat(sink.fileno()).st_ino
        assert outcome.code == 1
        assert log.stat().st_ino == inode
        assert json.loads(log.read_text(encoding="utf-8"))["summary"]["files"] == 1
