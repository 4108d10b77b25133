"""Hostile paths: missing, wrong kind, unreadable, links, special files, odd names.

Each case runs the real command line next to ``good.md`` (one finding), and
asserts one clear line naming the path and the problem, the exit status, no
traceback, and that ``good.md`` was still checked.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.reliability.battery import GOOD_FINDING, check, run_process

PermissionDenier = Callable[[Path], None]
GOOD = "good.md"


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch) -> Iterator[PermissionDenier]:
    """Take read (and search) permission away from a path.

    Root reads everything, so there the system calls that would fail for an
    ordinary user are made to fail the same way (EACCES) for that path.
    """
    denied: list[Path] = []

    def refuse(name: object) -> None:
        path = Path(os.fsdecode(name)).absolute()  # type: ignore[arg-type]
        if any(path == d or d in path.parents for d in denied):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))

    if os.geteuid() == 0:
        real_open, real_scandir, real_stat = os.open, os.scandir, os.stat

        def fake_open(name: object, *args: object, **kwargs: object) -> int:
            refuse(name)
            return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

        def fake_scandir(name: object = ".") -> object:
            refuse(name)
            return real_scandir(name)  # type: ignore[call-overload]

        def fake_stat(name: object, *args: object, **kwargs: object) -> object:
            path = Path(os.fsdecode(name)).absolute()  # type: ignore[arg-type]
            if any(d in path.parents for d in denied):  # no search permission
                refuse(name)
            return real_stat(name, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "scandir", fake_scandir)
        monkeypatch.setattr(os, "stat", fake_stat)

    def deny_path(path: Path) -> None:
        denied.append(path.absolute())
        path.chmod(0)

    yield deny_path
    for path in denied:
        path.chmod(0o700 if path.is_dir() else 0o600)


class TestMissingOrWrongKind:
    """Paths that are not there, or not what the option expects."""

    def test_missing_file(self, project):
        """A missing file is named; the run goes on and exits 2."""
        outcome = check("missing.md", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("missing.md") == "no such file or directory"
        assert GOOD_FINDING in outcome.stdout

    def test_file_used_as_a_folder(self, project):
        """A path through a file (``good.md/inner.md``) says so."""
        outcome = check("good.md/inner.md", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("good.md/inner.md") == (
            "no such file: a folder in its path is a file"
        )
        assert GOOD_FINDING in outcome.stdout

    @pytest.mark.parametrize(
        ("option", "problem"),
        [
            ("--glossary", "cannot read glossary: Is a directory"),
            ("--baseline", "cannot read baseline: Is a directory"),
            ("--write-baseline", "cannot write: Is a directory"),
        ],
    )
    def test_folder_where_a_file_is_expected(self, project, option, problem):
        """A folder given to a file option is one error line naming it."""
        (project / "folder").mkdir()
        args = ["-g", "glossary.yaml"] if option != "--glossary" else []
        outcome = check(*args, option, "folder", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("folder") == problem
        assert not list(project.glob(".folder*"))  # no temporary file left

    def test_folder_as_output_is_a_usage_error(self, project):
        """``--output FOLDER`` is refused before anything runs."""
        (project / "folder").mkdir()
        outcome = check("--output", "folder", "good.md")
        assert outcome.code == 2
        assert outcome.stderr == (
            "termcheck: error: invalid value for '--output': File 'folder' is a "
            "directory; try 'cli check --help'\n"
        )

    def test_output_to_a_stream_is_written_not_replaced(self, project):
        """``--output`` to a character device writes to it and leaves it be."""
        outcome = check("--format", "json", "--output", os.devnull, "good.md")
        assert outcome.code == 1
        assert Path(os.devnull).is_char_device()
        assert GOOD_FINDING in outcome.stdout


class TestPermissions:
    """Unreadable files and folders are errors for themselves only."""

    def test_unreadable_file(self, project, deny):
        """A file without read permission is named with the system's reason."""
        (project / "secret.md").write_text("OBOR\n", encoding="utf-8")
        deny(project / "secret.md")
        outcome = check("secret.md", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("secret.md") == "cannot read file: Permission denied"
        assert GOOD_FINDING in outcome.stdout

    def test_unlistable_folder_inside_a_walk(self, project, deny):
        """Files before and after an unlistable folder are still checked."""
        docs = project / "docs"
        (docs / "locked").mkdir(parents=True)
        (docs / "a.md").write_text("OBOR first\n", encoding="utf-8")
        (docs / "locked" / "b.md").write_text("OBOR hidden\n", encoding="utf-8")
        (docs / "z.md").write_text("OBOR last\n", encoding="utf-8")
        deny(docs / "locked")
        outcome = check("docs", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("docs/locked") == (
            "cannot list directory: Permission denied"
        )
        assert "docs/a.md:1:1:" in outcome.stdout
        assert "docs/z.md:1:1:" in outcome.stdout
        assert "b.md" not in outcome.stdout
        assert GOOD_FINDING in outcome.stdout

    def test_file_in_a_folder_without_search_permission(self, project, deny):
        """A path through a folder one may not enter is named, not a crash."""
        (project / "private").mkdir()
        (project / "private" / "c.md").write_text("OBOR\n", encoding="utf-8")
        deny(project / "private")
        outcome = check("private/c.md", "good.md")
        assert outcome.code == 2
        problem = outcome.only_error("private/c.md")
        assert problem in ("cannot access: Permission denied", "permission denied")
        assert GOOD_FINDING in outcome.stdout


class TestSymbolicLinks:
    """Broken links are errors when named, notes when met in a folder."""

    @pytest.fixture
    def links(self, project: Path) -> Path:
        """``docs/`` with a link loop, a dangling link and a link to the folder."""
        docs = project / "docs"
        docs.mkdir()
        (docs / "real.md").write_text("OBOR inside\n", encoding="utf-8")
        (docs / "loop-a.md").symlink_to("loop-b.md")
        (docs / "loop-b.md").symlink_to("loop-a.md")
        (docs / "dangling.md").symlink_to("nowhere.md")
        (docs / "again").symlink_to(".", target_is_directory=True)
        return docs

    def test_loop_named_explicitly(self, links):
        """A link loop is an error naming the loop."""
        outcome = check("docs/loop-a.md", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("docs/loop-a.md") == (
            "symbolic link loop (the link leads back to itself)"
        )
        assert GOOD_FINDING in outcome.stdout

    def test_dangling_named_explicitly(self, links):
        """A dangling link is an error naming its missing target."""
        outcome = check("docs/dangling.md", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("docs/dangling.md") == (
            "broken symbolic link (its target 'nowhere.md' does not exist)"
        )
        assert GOOD_FINDING in outcome.stdout

    def test_met_while_walking(self, links):
        """In a walk, broken links are notes; the folder link is not followed."""
        outcome = check("docs", "good.md")
        assert outcome.code == 1  # the findings, not an error
        assert outcome.errors == []
        notes = outcome.notes("note")
        assert "docs/dangling.md: skipped: broken symbolic link" in notes[0]
        assert notes[1].startswith("docs/loop-a.md: skipped: symbolic link loop")
        assert notes[2].startswith("docs/loop-b.md: skipped: symbolic link loop")
        assert outcome.stdout.count("docs/real.md:1:1:") == 1  # not via docs/again
        assert "3 skipped (broken link: 3)" in outcome.stdout
        assert GOOD_FINDING in outcome.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and sockets are POSIX")
class TestSpecialFiles:
    """FIFOs, devices and sockets are never opened (run as a process: no hang)."""

    def test_fifo_named_explicitly(self, project):
        """A FIFO on the command line is an error, after the other files."""
        os.mkfifo(project / "pipe.md")
        outcome = run_process(project, "check", "-g", "glossary.yaml", "pipe.md", GOOD)
        assert outcome.code == 2
        assert outcome.only_error("pipe.md") == (
            "not a regular file (a FIFO); not read "
            "(to check standard input, name it as -)"
        )
        assert GOOD_FINDING in outcome.stdout

    def test_device_named_explicitly(self, project):
        """A device (here one that never ends) is refused unread."""
        outcome = check("/dev/zero", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("/dev/zero") == (
            "not a regular file (a character device); not read"
        )
        assert GOOD_FINDING in outcome.stdout

    def test_met_while_walking(self, project):
        """In a walk a FIFO, a link to a device and a socket are skipped with notes."""
        docs = project / "docs"
        docs.mkdir()
        os.mkfifo(docs / "pipe.md")
        (docs / "zero.md").symlink_to("/dev/zero")
        listener = socket.socket(socket.AF_UNIX)
        try:
            listener.bind(str(docs / "sock.md"))
        except OSError:  # socket paths are short on some systems
            listener.close()
            listener = None  # type: ignore[assignment]
        try:
            started = time.monotonic()
            outcome = run_process(project, "check", "-g", "glossary.yaml", "docs", GOOD)
        finally:
            if listener is not None:
                listener.close()
        assert time.monotonic() - started < 30
        assert outcome.code == 1
        assert outcome.errors == []
        notes = outcome.notes("note")
        assert "docs/pipe.md: skipped: not a regular file (a FIFO); not read" in notes
        assert (
            "docs/zero.md: skipped: not a regular file (a character device); not read"
            in notes
        )
        if listener is not None:
            assert "docs/sock.md: skipped: not a regular file (a socket); not read" in (
                notes
            )
        assert GOOD_FINDING in outcome.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="forked workers: Linux")
class TestWorkers:
    """With --jobs 2 (forked workers) a hostile folder gives the same report."""

    def test_same_report_as_one_job(self, project):
        """Skips, notes, errors and findings match a one-process run exactly."""
        docs = project / "docs"
        docs.mkdir()
        text = "Plain words. " * 8000 + "OBOR\n"
        for number in range(8):  # enough bytes for the work to be spread
            (docs / f"f{number}.md").write_text(text, encoding="utf-8")
        (docs / "big.md").write_text("x" * 300_000, encoding="utf-8")
        (docs / "loop.md").symlink_to("loop.md")
        (docs / "gone.md").symlink_to("nowhere.md")
        (docs / "bad.md").write_bytes(b"caf\xe9 OBOR\n")
        os.mkfifo(docs / "pipe.md")
        args = ("check", "-g", "glossary.yaml", "--max-file-size", "200K", "docs")
        one = run_process(project, *args, "--jobs", "1")
        two = run_process(project, *args, "--jobs", "2")
        assert two == one
        assert one.code == 2
        assert one.only_error("docs/bad.md").startswith("cannot decode as UTF-8")
        assert len(one.notes("note")) == 3
        assert one.notes("warning") == [
            "docs/big.md: skipped: 293 KiB is larger than the 200 KiB limit "
            "(--max-file-size)"
        ]
        assert one.stdout.count("OBOR") == 8


class TestNames:
    """Names with spaces, non-ASCII letters, line breaks or undecodable bytes."""

    def test_reported_on_one_line_each(self, project):
        """Each finding stays on one line; control characters are escaped."""
        docs = project / "docs"
        docs.mkdir()
        for name in ("two words.md", "café ünïcode.md", "line\nbreak.md", "tab\t.md"):
            (docs / name).write_text("Then OBOR.\n", encoding="utf-8")
        outcome = check("docs", "good.md")
        assert outcome.code == 1
        lines = outcome.stdout.splitlines()
        for shown in (
            "docs/two words.md",
            "docs/café ünïcode.md",
            "docs/line\\nbreak.md",
            "docs/tab\\t.md",
        ):
            assert f"{shown}:1:6: error:" in "\n".join(lines)
        assert len([line for line in lines if ": error: " in line]) == 5

    @pytest.mark.skipif(sys.platform != "linux", reason="byte file names: Linux")
    def test_bytes_that_are_not_utf8(self, project):
        """A name in Latin-1 bytes is shown with \\x escapes and still checked."""
        docs = project / "docs"
        docs.mkdir()
        (docs / os.fsdecode(b"caf\xe9.md")).write_text("OBOR\n", encoding="utf-8")
        outcome = check("--format", "json", "docs")
        assert outcome.code == 1
        assert '"path": "docs/caf\\\\xe9.md"' in outcome.stdout

    def test_fix_writes_the_oddly_named_file(self, project):
        """--fix rewrites the file behind an escaped name, not another one."""
        odd = project / "new\nline é.md"
        odd.write_text("Then OBOR.\n", encoding="utf-8")
        outcome = check("--fix", str(odd.name))
        assert outcome.code == 0
        assert odd.read_text(encoding="utf-8") == "Then Belt and Road Initiative.\n"
        assert "termcheck: fixed 1 finding in new\\nline é.md" in outcome.stderr


@pytest.mark.slow
class TestManyFiles:
    """A folder of 10,000 files is walked and checked in one run."""

    def test_ten_thousand_files_in_one_folder(self, project):
        """Every file is checked once, in sorted order, within seconds."""
        docs = project / "docs"
        docs.mkdir()
        for number in range(10_000):
            text = "OBOR\n" if number % 1000 == 7 else "Plain words.\n"
            (docs / f"f{number:05d}.md").write_text(text, encoding="utf-8")
        started = time.monotonic()
        outcome = check("docs", "good.md")
        elapsed = time.monotonic() - started
        assert outcome.code == 1
        found = [line.split(":")[0] for line in outcome.stdout.splitlines()[:-1]]
        assert found == [f"docs/f{n:05d}.md" for n in range(7, 10_000, 1000)] + [
            "good.md"
        ]
        assert outcome.stdout.splitlines()[-1].endswith("in 10001 files")
        assert elapsed < 60, elapsed
