"""Tests for safe writing: encodings kept, atomic replace, crashes, symlinks."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from termcheck.atomic import (
    Snapshot,
    checked_trees,
    encode_like,
    replace_text,
    write_atomic,
    write_target,
)
from termcheck.errors import InputError
from termcheck.files import decode

ROOT = Path(__file__).resolve().parent.parent
OLD = "Line one, OBOR.\r\nLine two\u2014caf\u00e9.\r\n"
NEW = OLD.replace("OBOR", "Belt and Road Initiative")


def _leftovers(folder: Path) -> list[str]:
    """Temporary files left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


class TestEncodeLike:
    """The new text is written in the encoding and BOM the file had."""

    @pytest.mark.parametrize(
        ("bom", "codec"),
        [
            (b"", "utf-8"),
            (codecs.BOM_UTF8, "utf-8"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"),
            (codecs.BOM_UTF32_LE, "utf-32-le"),
        ],
    )
    def test_round_trip(self, bom, codec):
        """BOM, codec and CRLF line endings survive; only the fix changes."""
        original = bom + OLD.encode(codec)
        assert decode(original) == OLD
        data = encode_like(original, OLD, NEW, name="a.md")
        assert data.startswith(bom)
        assert data == bom + NEW.encode(codec)
        assert decode(data) == NEW
        assert data.count("\r\n".encode(codec)) == 2

    def test_refuses_when_bytes_would_change(self):
        """A text that does not encode back to the file's bytes is refused."""
        with pytest.raises(InputError, match="cannot write it back"):
            encode_like(b"other bytes", OLD, NEW, name="a.md")


class TestWriteAtomic:
    """The file is replaced whole or not at all, with its mode bits."""

    @pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o444])
    def test_keeps_permission_bits(self, tmp_path, mode):
        """Mode bits (including execute and read-only) are carried over."""
        path = tmp_path / "a.md"
        path.write_bytes(b"old")
        path.chmod(mode)
        write_atomic(path, b"new")
        assert path.read_bytes() == b"new"
        assert stat.S_IMODE(path.stat().st_mode) == mode
        assert _leftovers(tmp_path) == []

    def test_new_file_gets_umask_mode(self, tmp_path):
        """A file that did not exist gets the usual 0o666 minus umask."""
        mask = os.umask(0o022)
        try:
            write_atomic(tmp_path / "new.json", b"{}\n")
        finally:
            os.umask(mask)
        assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644

    @pytest.mark.parametrize("error", [OSError(28, "No space left"), KeyboardInterrupt])
    def test_failure_mid_write_leaves_original(self, tmp_path, monkeypatch, error):
        """If the write fails before the rename, the original is intact, no temp."""
        path = tmp_path / "a.md"
        path.write_bytes(b"original")

        def broken_fsync(handle: int) -> None:
            raise error

        monkeypatch.setattr(os, "fsync", broken_fsync)
        with pytest.raises(type(error) if isinstance(error, OSError) else error):
            write_atomic(path, b"replacement")
        assert path.read_bytes() == b"original"
        assert _leftovers(tmp_path) == []

    def test_process_killed_before_rename_leaves_original(self, tmp_path):
        """A process dying at the rename itself leaves the file as it was.

        Only in the instant between naming the finished temporary file and the
        rename can a kill leave that file behind (before it, on Linux, the
        file has no name: see tests/reliability/test_fix_faults.py).
        """
        path = tmp_path / "a.md"
        path.write_bytes(b"original")
        code = (
            "import os, pathlib\n"
            "from termcheck.atomic import write_atomic\n"
            "pathlib.Path.replace = lambda self, target: os._exit(9)\n"
            f"write_atomic(pathlib.Path({str(path)!r}), b'replacement' * 1000)\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-c", code], env=env, timeout=60, check=False
        )
        assert proc.returncode == 9
        assert path.read_bytes() == b"original"
        (temporary,) = _leftovers(tmp_path)  # the crash left it; the file is safe
        assert (tmp_path / temporary).read_bytes() == b"replacement" * 1000

    def test_changed_on_disk_is_not_overwritten(self, tmp_path):
        """When the file no longer holds what was checked, it is left alone."""
        path = tmp_path / "a.md"
        path.write_bytes(b"as checked")
        _, snapshot = Snapshot.take(path)
        path.write_bytes(b"edited meanwhile")
        with pytest.raises(InputError, match="changed on disk"):
            write_atomic(path, b"fixed", expected=snapshot)
        assert path.read_bytes() == b"edited meanwhile"
        assert _leftovers(tmp_path) == []


class TestSymlinks:
    """Links are followed only while they stay in the checked tree."""

    def test_link_inside_tree_writes_target(self, tmp_path):
        """A link to a file in the tree updates that file; the link stays a link."""
        (tmp_path / "real.md").write_text(OLD, encoding="utf-8", newline="")
        (tmp_path / "link.md").symlink_to("real.md")
        replace_text(tmp_path / "link.md", OLD, NEW, (tmp_path.resolve(),))
        assert (tmp_path / "link.md").is_symlink()
        assert (tmp_path / "real.md").read_bytes() == NEW.encode()

    def test_link_out_of_tree_is_refused(self, tmp_path):
        """A link pointing outside every checked tree is never written through."""
        outside = tmp_path / "outside.md"
        outside.write_text(OLD, encoding="utf-8", newline="")
        tree = tmp_path / "docs"
        tree.mkdir()
        (tree / "link.md").symlink_to(outside)
        with pytest.raises(
            InputError, match="a symbolic link leads it outside the checked repository"
        ):
            replace_text(tree / "link.md", OLD, NEW, (tree.resolve(),))
        assert outside.read_bytes() == OLD.encode()

    def test_dangling_link_is_refused(self, tmp_path):
        """A link to nothing is reported, not created."""
        (tmp_path / "link.md").symlink_to("missing.md")
        with pytest.raises(InputError, match="cannot fix"):
            write_target(tmp_path / "link.md", (tmp_path.resolve(),))
        assert not (tmp_path / "missing.md").exists()

    def test_checked_trees(self, tmp_path):
        """Folder arguments are trees; file arguments belong to the current folder."""
        (tmp_path / "docs").mkdir()
        (tmp_path / "a.md").write_text("x", encoding="utf-8")
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "b.md").write_text("x", encoding="utf-8")
        project = tmp_path / "project"
        project.mkdir()
        (project / "c.md").write_text("x", encoding="utf-8")
        trees = checked_trees(
            ["../docs", "c.md", "../elsewhere/b.md", "-"], cwd=project
        )
        assert trees == (
            (tmp_path / "docs").resolve(),
            project.resolve(),
            elsewhere.resolve(),
        )
