"""Nothing is lost: --fix under crashes, full disks, read-only files and races.

Each fault hits ``a.md`` while ``b.md`` is fixed in the same run. Afterwards
``a.md`` holds its original bytes (or the other process's), no temporary file
is left in the folder, and the run says what happened in one line. Unit tests
of the writer itself are in tests/test_atomic.py.
"""

from __future__ import annotations

import codecs
import errno
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from termcheck.cli import cli
from termcheck.fix import apply_fixes
from tests.reliability.battery import Outcome, run

ORIGINAL = codecs.BOM_UTF8 + b"Loans under OBOR grew.\r\nOBOR again\r\n"
OTHER = b"Someone else wrote this meanwhile.\n"
B_TEXT = b"B mentions OBOR.\n"
B_FIXED = b"B mentions Belt and Road Initiative.\n"
ROOT = Path(__file__).resolve().parents[2]
# No index cache: its own atomic write would take the first of the faults below.
FIX_ARGS = ("check", "--no-cache", "-g", "glossary.yaml", "--fix", "a.md", "b.md")


@pytest.fixture
def files(project: Path) -> Path:
    """``a.md`` (BOM, CRLF) and ``b.md`` to fix, in the current folder."""
    (project / "a.md").write_bytes(ORIGINAL)
    (project / "b.md").write_bytes(B_TEXT)
    return project


def leftovers(folder: Path) -> list[str]:
    """Temporary files of the writer left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def fix() -> Outcome:
    """``termcheck check -g glossary.yaml --fix a.md b.md``."""
    return run(*FIX_ARGS)


def on_first_call(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, fault: Callable[..., Any]
) -> None:
    """Make ``owner.name`` run ``fault`` (then itself) on its first call only."""
    real = getattr(owner, name)
    calls = []

    def patched(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == 1:
            fault(*args, **kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, patched)


class TestCrash:
    """A crash between writing the new file and renaming it over the old one."""

    @pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
    def test_killed_after_the_write(self, files, how):
        """Killed once the new text is on disk: the old file, no temporary file.

        SIGTERM unwinds (the temporary file is removed); SIGKILL cannot be
        caught, and leaves nothing because the file has no name yet (O_TMPFILE).
        """
        if how == "SIGKILL" and not hasattr(os, "O_TMPFILE"):
            pytest.skip("unnamed temporary files need Linux (O_TMPFILE)")
        code = (
            "import os, signal, sys\n"
            "from termcheck import cli\n"
            "real = os.fsync\n"
            "def fsync(handle):\n"
            "    real(handle)\n"
            f"    os.kill(os.getpid(), signal.{how})\n"
            "os.fsync = fsync\n"
            "cli.main(sys.argv[1:])\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(
            [sys.executable, "-c", code, *FIX_ARGS],
            cwd=files,
            env=env,
            capture_output=True,
            timeout=60,
            check=False,
        )
        expected = -signal.SIGKILL if how == "SIGKILL" else 128 + signal.SIGTERM
        assert result.returncode == expected, result.stderr
        assert b"Traceback" not in result.stderr
        assert (files / "a.md").read_bytes() == ORIGINAL
        assert (files / "b.md").read_bytes() == B_TEXT  # never reached
        assert leftovers(files) == []

    def test_rename_fails(self, files, monkeypatch):
        """The rename itself failing (EIO) is one error line for that file."""

        def broken(*_args: Any, **_kwargs: Any) -> None:
            raise OSError(errno.EIO, "Input/output error")

        on_first_call(monkeypatch, Path, "replace", broken)
        outcome = fix()
        assert outcome.code == 2
        assert outcome.only_error("a.md") == "cannot write: Input/output error"
        assert (files / "a.md").read_bytes() == ORIGINAL
        assert (files / "b.md").read_bytes() == B_FIXED
        assert leftovers(files) == []

    def test_interrupted_at_the_rename(self, files, monkeypatch):
        """Ctrl-C at the worst moment leaves the old file and no temporary file."""

        def interrupt(*_args: Any, **_kwargs: Any) -> None:
            raise KeyboardInterrupt

        on_first_call(monkeypatch, Path, "replace", interrupt)
        result = CliRunner().invoke(cli, list(FIX_ARGS))
        assert result.exit_code == 1  # click's "Aborted!"
        assert result.stderr == "\nAborted!\n"
        assert (files / "a.md").read_bytes() == ORIGINAL
        assert leftovers(files) == []


class TestFullDisk:
    """The disk fills up while the new file is written."""

    def test_no_space_left(self, files, monkeypatch):
        """ENOSPC on write: the old file, no temporary file, one error line."""

        def full(*_args: Any) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        on_first_call(monkeypatch, os, "write", full)
        outcome = fix()
        assert outcome.code == 2
        assert outcome.only_error("a.md") == "cannot write: No space left on device"
        assert (files / "a.md").read_bytes() == ORIGINAL
        assert (files / "b.md").read_bytes() == B_FIXED
        assert leftovers(files) == []

    @pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE: Linux")
    def test_kernel_refuses_the_write(self, files):
        """A real write failure (a file size limit: EFBIG), in a real process."""
        long_text = ORIGINAL + b"More words and OBOR. " * 20  # grows when fixed
        (files / "a.md").write_bytes(long_text)
        limit = len(long_text) + 10

        def cap_file_size() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(
            [sys.executable, "-m", "termcheck", *FIX_ARGS],
            cwd=files,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            preexec_fn=cap_file_size,
        )
        assert result.returncode == 2, result.stderr
        assert "termcheck: error: a.md: cannot write: File too large" in (
            result.stderr
        )
        assert "Traceback" not in result.stderr
        assert (files / "a.md").read_bytes() == long_text
        assert (files / "b.md").read_bytes() == B_FIXED
        assert leftovers(files) == []


class TestReadOnly:
    """Files and folders that may not be written."""

    def test_read_only_file_is_left_alone(self, files):
        """A file without write permission is not replaced behind its back."""
        (files / "a.md").chmod(0o444)
        outcome = fix()
        assert outcome.code == 2
        assert outcome.only_error("a.md") == "not fixed: the file is read-only"
        assert (files / "a.md").read_bytes() == ORIGINAL
        assert (files / "b.md").read_bytes() == B_FIXED
        assert leftovers(files) == []

    def test_folder_refusing_new_files(self, files, monkeypatch):
        """No temporary file can be made: one error line, the old file."""
        import tempfile

        def refuse(*_args: Any, **_kwargs: Any) -> None:
            raise PermissionError(errno.EACCES, "Permission denied")

        real_open = os.open

        def no_unnamed(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1):
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", no_unnamed)
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
        outcome = fix()
        assert outcome.code == 2
        assert outcome.only_error("a.md") == "cannot write: Permission denied"
        assert outcome.only_error("b.md") == "cannot write: Permission denied"
        assert (files / "a.md").read_bytes() == ORIGINAL
        assert leftovers(files) == []


class TestChangedMeanwhile:
    """Another process writes the file while termcheck works on it."""

    def test_changed_after_the_check(self, files, monkeypatch):
        """Changed between reading and fixing: skipped, the other text kept."""
        real = apply_fixes

        def edit_then_fix(text: str, *args: Any, **kwargs: Any) -> Any:
            if text.startswith("Loans"):
                (files / "a.md").write_bytes(OTHER)
            return real(text, *args, **kwargs)

        monkeypatch.setattr("termcheck.postcheck.apply_fixes", edit_then_fix)
        outcome = fix()
        assert outcome.code == 2
        assert outcome.only_error("a.md") == (
            "not fixed: changed on disk since it was checked"
        )
        assert (files / "a.md").read_bytes() == OTHER
        assert (files / "b.md").read_bytes() == B_FIXED
        assert leftovers(files) == []

    @pytest.mark.parametrize(
        "change",
        ["same size, other bytes", "grown", "touched only"],
    )
    def test_changed_while_being_written(self, files, monkeypatch, change):
        """Size, modification time or hash differing before the rename: skipped."""
        path = files / "a.md"

        def meddle(_handle: int) -> None:
            if change == "same size, other bytes":
                path.write_bytes(ORIGINAL.replace(b"Loans", b"Debts"))
            elif change == "grown":
                path.write_bytes(ORIGINAL + b"more\r\n")
            info = path.stat()
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))

        before = path.read_bytes()
        on_first_call(monkeypatch, os, "fsync", meddle)
        outcome = fix()
        assert outcome.code == 2
        assert outcome.only_error("a.md") == (
            "not fixed: changed on disk while being fixed"
        )
        after = path.read_bytes()
        assert after != before.replace(b"OBOR", b"Belt and Road Initiative")
        if change == "touched only":
            assert after == ORIGINAL
        assert (files / "b.md").read_bytes() == B_FIXED
        assert leftovers(files) == []
