"""A ``--jobs`` worker killed (``kill -9``, the out-of-memory killer) mid-run.

The run must end with exit status 2 and one error line naming the file that
worker was checking, and report every other file as ``--jobs 1`` does. The
test makes the worker that takes ``docs/f2.md`` stop itself
(``TERMCHECK_TEST_STALL``), finds it among the command's child processes, and
kills it with SIGKILL, through the real command line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.battery import Outcome, assert_clean

pytestmark = pytest.mark.skipif(
    not (hasattr(os, "fork") and Path("/proc/self/stat").exists()),
    reason="needs fork and /proc (Linux)",
)

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Delegates spoke of One Belt One Road and of trade in the region. "
VICTIM = "docs/f2.md"


def children(pid: int) -> dict[int, str]:
    """The child processes of ``pid`` and their state letter (``T``: stopped)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended meanwhile
        state, parent = stat[stat.rindex(")") + 2 :].split()[:2]
        if int(parent) == pid:
            found[int(entry.name)] = state
    return found


def stopped_child(pid: int, patience: float = 120) -> int:
    """The child of ``pid`` that stopped itself; waits for it, up to ``patience``."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        stopped = [child for child, state in children(pid).items() if state == "T"]
        if stopped:
            return stopped[0]
        time.sleep(0.05)
    raise AssertionError("no worker stopped itself")


@pytest.fixture
def docs(project: Path) -> Path:
    """Six Markdown files, 150 KB each: enough to go to worker processes."""
    folder = project / "docs"
    folder.mkdir()
    for number in range(6):
        body = (SENTENCE * 12 + f"File {number}.\n\n") * 190
        (folder / f"f{number}.md").write_text(body, encoding="utf-8")
    return project


def run_cli(
    folder: Path, *args: str, stall: str | None = None
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TERMCHECK_TEST_STALL", None)
    if stall is not None:
        env["TERMCHECK_TEST_STALL"] = stall
    command = [sys.executable, "-m", "termcheck", "check", "-g", "glossary.yaml"]
    return subprocess.Popen(
        [*command, "--max-findings-per-file", "20", *args],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def finish(process: subprocess.Popen[bytes]) -> Outcome:
    try:
        stdout, stderr = process.communicate(timeout=120)  # a hang fails here
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    outcome = Outcome(process.returncode, stdout.decode(), stderr.decode())
    assert_clean(outcome)
    return outcome


def test_killed_worker_names_its_file(docs: Path) -> None:
    """kill -9 of the worker checking f2.md: exit 2, one line naming f2.md, the
    other five files reported exactly as ``--jobs 1`` reports them."""
    process = run_cli(docs, "--jobs", "2", "docs", stall=VICTIM)
    try:
        os.kill(stopped_child(process.pid), signal.SIGKILL)
    finally:
        outcome = finish(process)
    assert outcome.code == 2
    assert outcome.errors == [
        f"{VICTIM}: not checked: its worker process was killed by SIGKILL "
        "(out of memory?)"
    ]
    serial = finish(run_cli(docs, "--jobs", "1", "docs"))
    assert serial.code == 1
    findings = [line for line in outcome.stdout.splitlines() if ": error: " in line]
    expected = [
        line
        for line in serial.stdout.splitlines()
        if ": error: " in line and not line.startswith(VICTIM)
    ]
    assert findings == expected
    assert {line.split(":")[0] for line in findings} == {
        f"docs/f{n}.md" for n in (0, 1, 3, 4, 5)
    }
    assert outcome.stdout.splitlines()[-1].startswith("100 findings (100 errors")


def test_the_stall_hook_alone_changes_nothing_in_one_process(docs: Path) -> None:
    """The hook only acts in worker processes: with --jobs 1 the file is checked."""
    outcome = finish(run_cli(docs, "--jobs", "1", "docs", stall=VICTIM))
    assert outcome.code == 1
    assert any(line.startswith(f"{VICTIM}:") for line in outcome.stdout.splitlines())
