"""Tests for looking before reading: sizes, names, special files, bounded reads."""

from __future__ import annotations

import io
import os
import signal
import sys
from pathlib import Path

import pytest

from termcheck.errors import FileSkipped, InputError
from termcheck.guard import (
    format_size,
    missing_reason,
    parse_size,
    printable,
    read_file,
    read_named,
    read_stream,
    unwind_on_sigterm,
)


class TestSizes:
    """``--max-file-size`` values, and sizes in messages."""

    @pytest.mark.parametrize(
        ("text", "size"),
        [
            ("0", 0),
            ("100", 100),
            ("500K", 512_000),
            ("1.5k", 1536),
            ("50M", 50 * 1024**2),
            ("2 GB", 2 * 1024**3),
            ("10MiB", 10 * 1024**2),
            ("1KiB", 1024),
            ("1 kib", 1024),
            ("1KB", 1024),
            ("3g", 3 * 1024**3),
        ],
    )
    def test_parse(self, text, size):
        """Numbers with K, M or G (powers of 1024), spaces and a B allowed."""
        assert parse_size(text) == size

    @pytest.mark.parametrize("text", ["", "M", "-1", "10x", "1e3", "five"])
    def test_parse_refuses(self, text):
        """Anything else is a ValueError that says what is expected."""
        with pytest.raises(ValueError, match="is not a size"):
            parse_size(text)

    @pytest.mark.parametrize(
        ("size", "shown"),
        [
            (1, "1 byte"),
            (900, "900 bytes"),
            (1536, "1.5 KiB"),
            (50 * 1024**2, "50 MiB"),
            (200 * 1024**2 + 1, "200 MiB"),
            (3 * 1024**3, "3 GiB"),
        ],
    )
    def test_format(self, size, shown):
        """Sizes read the way people write them."""
        assert format_size(size) == shown


class TestPrintable:
    """Names shown on one line, as what they are."""

    @pytest.mark.parametrize(
        ("name", "shown"),
        [
            ("plain.md", "plain.md"),
            ("two words é.md", "two words é.md"),
            ("nb\u00a0space.md", "nb\u00a0space.md"),
            ("a\nb.md", "a\\nb.md"),
            ("tab\t.md", "tab\\t.md"),
            ("esc\x1b[31m.md", "esc\\x1b[31m.md"),
            ("rev\u202egnp.md", "rev\\u202egnp.md"),
            (os.fsdecode(b"caf\xe9.md"), "caf\\xe9.md"),
            ("back\\slash.md", "back\\slash.md"),
            ("back\\slash\n.md", "back\\\\slash\\n.md"),
            ("\U0001f469\u200d\U0001f467.md", "\U0001f469\u200d\U0001f467.md"),
        ],
    )
    def test_escapes(self, name, shown):
        """Control, separator, bidi and undecodable characters are escaped."""
        assert printable(name) == shown


class TestMissingReason:
    """Why a path cannot be opened, in words."""

    def test_reasons(self, tmp_path):
        """A loop, a dangling link, nothing, a file used as a folder."""
        (tmp_path / "loop").symlink_to("loop")
        (tmp_path / "dangling").symlink_to("gone.md")
        (tmp_path / "file").write_text("x", encoding="utf-8")
        assert missing_reason(tmp_path / "loop").startswith("symbolic link loop")
        assert missing_reason(tmp_path / "dangling") == (
            "broken symbolic link (its target 'gone.md' does not exist)"
        )
        assert missing_reason(tmp_path / "nothing") == "no such file or directory"
        assert missing_reason(tmp_path / "file" / "x") == (
            "no such file: a folder in its path is a file"
        )


class TestReadFile:
    """Files to check: regular files only, and not over the limit."""

    def test_regular_file(self, tmp_path):
        """A regular file's bytes come back whole."""
        (tmp_path / "a.md").write_bytes(b"abc")
        data = read_file(tmp_path / "a.md", name="a.md", walked=False, max_size=10)
        assert data == b"abc"

    def test_over_the_limit_is_skipped_with_a_warning(self, tmp_path):
        """A file over max_size raises FileSkipped, a warning, unread."""
        (tmp_path / "a.md").write_bytes(b"x" * 2048)
        with pytest.raises(FileSkipped) as caught:
            read_file(tmp_path / "a.md", name="a.md", walked=True, max_size=1024)
        assert caught.value.warning
        assert caught.value.label == "over 1 KiB"
        assert caught.value.problem == (
            "2 KiB is larger than the 1 KiB limit (--max-file-size)"
        )

    @pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
    def test_fifo(self, tmp_path):
        """A FIFO is refused when named and noted when walked, never opened."""
        os.mkfifo(tmp_path / "p.md")
        with pytest.raises(InputError, match=r"not a regular file \(a FIFO\)"):
            read_file(tmp_path / "p.md", name="p.md", walked=False, max_size=None)
        with pytest.raises(FileSkipped) as caught:
            read_file(tmp_path / "p.md", name="p.md", walked=True, max_size=None)
        assert not caught.value.warning
        assert caught.value.label == "not a regular file"


class TestReadStream:
    """Standard input and pipes are read in chunks up to the limit."""

    def test_under_and_over(self):
        """Up to the limit the bytes come back; past it, FileSkipped."""
        assert read_stream(io.BytesIO(b"x" * 100), name="-", max_size=100) == (
            b"x" * 100
        )
        with pytest.raises(FileSkipped):
            read_stream(io.BytesIO(b"x" * 101), name="-", max_size=100)
        assert read_stream(io.BytesIO(b"abc"), name="-", max_size=None) == b"abc"


class TestReadNamed:
    """Files a run depends on: regular files or pipes, bounded."""

    def test_regular_and_refusals(self, tmp_path):
        """A file is read; a folder, a device and a file over the limit are not."""
        (tmp_path / "g.yaml").write_bytes(b"version: 1\n")
        assert read_named(tmp_path / "g.yaml") == b"version: 1\n"
        with pytest.raises(IsADirectoryError):
            read_named(tmp_path)
        with pytest.raises(OSError, match="larger than 8 bytes"):
            read_named(tmp_path / "g.yaml", limit=8)
        if Path(os.devnull).is_char_device():
            with pytest.raises(OSError, match="a character device"):
                read_named(Path(os.devnull))


class TestSigterm:
    """SIGTERM becomes SystemExit(143), so ``finally`` blocks run."""

    @pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
    def test_unwinds(self):
        """The handler raises SystemExit with 128 + the signal number."""
        previous = signal.getsignal(signal.SIGTERM)
        try:
            unwind_on_sigterm()
            with pytest.raises(SystemExit) as caught:
                os.kill(os.getpid(), signal.SIGTERM)
            assert caught.value.code == 128 + signal.SIGTERM
        finally:
            signal.signal(signal.SIGTERM, previous)
