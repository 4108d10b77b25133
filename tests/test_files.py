"""Tests for termcheck.files: finding files to check and decoding them."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from termcheck.errors import InputError
from termcheck.files import collect_files, decode, read_text


def _touch(root: Path, *names: str) -> None:
    """Create empty files (and their folders) under ``root``."""
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


class TestCollectFiles:
    """collect_files expands folders and keeps the user's spelling of paths."""

    def test_walks_folders_in_sorted_order(self, tmp_path, monkeypatch):
        """Files come out sorted by path parts, whatever the creation order."""
        _touch(tmp_path, "docs/z.md", "docs/b/2.txt", "docs/a.rst", "docs/b/1.md")
        monkeypatch.chdir(tmp_path)
        displays = [display for display, _ in collect_files(["docs"])]
        assert displays == ["docs/a.rst", "docs/b/1.md", "docs/b/2.txt", "docs/z.md"]

    def test_skips_hidden_files_and_folders(self, tmp_path, monkeypatch):
        """Dot files and everything under dot folders are left out of a walk."""
        _touch(
            tmp_path, "d/.hidden.md", "d/.git/notes.md", "d/.cache/x/y.txt", "d/ok.md"
        )
        monkeypatch.chdir(tmp_path)
        assert [display for display, _ in collect_files(["d"])] == ["d/ok.md"]

    def test_walk_keeps_known_extensions_only(self, tmp_path, monkeypatch):
        """A walk takes prose extensions in any letter case and skips the rest."""
        _touch(tmp_path, "d/a.py", "d/b.HTML", "d/c.tex", "d/d.adoc", "d/e.json", "d/f")
        monkeypatch.chdir(tmp_path)
        displays = [display for display, _ in collect_files(["d"])]
        assert displays == ["d/b.HTML", "d/c.tex", "d/d.adoc"]

    def test_explicit_file_taken_whatever_its_extension(self, tmp_path, monkeypatch):
        """A file named on the command line is checked even if not prose-like."""
        _touch(tmp_path, "notes.py", ".hidden.txt")
        monkeypatch.chdir(tmp_path)
        result = list(collect_files(["notes.py", ".hidden.txt"]))
        assert result == [
            ("notes.py", Path("notes.py")),
            (".hidden.txt", Path(".hidden.txt")),
        ]

    def test_display_path_keeps_user_prefix(self, tmp_path, monkeypatch):
        """``./d/`` stays ``./d/...`` and a trailing slash is not doubled."""
        _touch(tmp_path, "d/a.md")
        monkeypatch.chdir(tmp_path)
        assert [d for d, _ in collect_files(["./d/"])] == ["./d/a.md"]

    def test_absolute_folder_gives_absolute_paths(self, tmp_path):
        """An absolute folder yields absolute display paths under it."""
        _touch(tmp_path, "a.md")
        ((display, path),) = collect_files([str(tmp_path)])
        assert display == f"{tmp_path.as_posix()}/a.md"
        assert path == tmp_path / "a.md"

    def test_dash_is_standard_input(self):
        """``-`` stands for standard input, shown as ``<stdin>``, with no Path."""
        assert list(collect_files(["-"])) == [("<stdin>", None)]

    def test_dash_with_a_name(self, tmp_path):
        """With ``stdin_name``, ``-`` is shown as that name, escaped, still no Path."""
        assert list(collect_files(["-"], stdin_name="docs/a.md")) == [
            ("docs/a.md", None)
        ]
        assert list(collect_files(["-"], stdin_name="a\nb.md")) == [("a\\nb.md", None)]
        assert list(collect_files(["-", "-"], stdin_name="a.md")) == [("a.md", None)]

    def test_dash_with_an_excluded_name(self, tmp_path, monkeypatch):
        """A name that ``exclude`` matches is left out, as a named file is."""
        from termcheck.config import Config
        from termcheck.selection import Selection

        monkeypatch.chdir(tmp_path)
        selection = Selection(Config(root=tmp_path, exclude=("drafts/",)))
        assert list(collect_files(["-"], selection, stdin_name="drafts/a.md")) == []
        assert list(collect_files(["-"], selection, stdin_name="docs/a.md")) == [
            ("docs/a.md", None)
        ]

    def test_current_folder_has_no_prefix(self, tmp_path, monkeypatch):
        """Files found under ``.`` are named without ``./``; ``./`` keeps it."""
        _touch(tmp_path, "d/a.md", "b.md")
        monkeypatch.chdir(tmp_path)
        assert [d for d, _ in collect_files(["."])] == ["b.md", "d/a.md"]
        assert [d for d, _ in collect_files(["./"])] == ["./b.md", "./d/a.md"]

    def test_duplicates_yielded_once(self, tmp_path, monkeypatch):
        """A file named twice, or also reached through its folder, comes once."""
        _touch(tmp_path, "d/a.md")
        monkeypatch.chdir(tmp_path)
        displays = [d for d, _ in collect_files(["d/a.md", "d", "d/a.md", "-", "-"])]
        assert displays == ["d/a.md", "<stdin>"]

    def test_missing_path_raises_input_error(self, tmp_path, monkeypatch):
        """A path that does not exist raises InputError naming it."""
        monkeypatch.chdir(tmp_path)
        with pytest.raises(InputError) as caught:
            list(collect_files(["nowhere.md"]))
        assert str(caught.value) == "nowhere.md: no such file or directory"
        assert caught.value.path == "nowhere.md"

    def test_files_before_missing_path_are_yielded(self, tmp_path, monkeypatch):
        """Paths before a missing one are yielded before the error is raised."""
        _touch(tmp_path, "a.md")
        monkeypatch.chdir(tmp_path)
        found = collect_files(["a.md", "gone.md"])
        assert next(found)[0] == "a.md"
        with pytest.raises(InputError):
            next(found)


class TestReadText:
    """read_text decodes UTF-8 and BOM-marked UTF-16/32 without touching line ends."""

    def test_plain_utf8(self, tmp_path):
        """UTF-8 without a BOM decodes as is."""
        path = tmp_path / "a.md"
        path.write_bytes("Zürich – 中文\n".encode())
        assert read_text(path) == "Zürich – 中文\n"

    def test_utf8_bom_is_stripped(self, tmp_path):
        """A UTF-8 byte order mark is removed, so columns start at the text."""
        path = tmp_path / "a.md"
        path.write_bytes(codecs.BOM_UTF8 + b"Charter")
        assert read_text(path) == "Charter"

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
    def test_utf16_and_utf32_with_bom(self, tmp_path, encoding):
        """UTF-16 and UTF-32 in either byte order decode when they carry a BOM."""
        boms = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}
        data = boms.get(encoding, b"") + "naïve\r\ntext".encode(encoding)
        path = tmp_path / "a.txt"
        path.write_bytes(data)
        assert read_text(path) == "naïve\r\ntext"

    def test_crlf_and_lone_cr_kept(self, tmp_path):
        """Line endings are not translated: ``\\r\\n`` and ``\\r`` survive."""
        path = tmp_path / "a.txt"
        path.write_bytes(b"one\r\ntwo\rthree\n")
        assert read_text(path) == "one\r\ntwo\rthree\n"

    def test_invalid_utf8_names_file_and_offset(self, tmp_path):
        """An undecodable byte gives an InputError with the path and byte offset."""
        path = tmp_path / "bad.md"
        path.write_bytes(b"abc\xffdef")
        with pytest.raises(InputError) as caught:
            read_text(path)
        assert caught.value.path == str(path)
        assert "byte 3" in caught.value.problem
        assert "UTF-8" in caught.value.problem

    def test_offset_counts_the_bom(self, tmp_path):
        """The byte offset is into the file, BOM included."""
        path = tmp_path / "bad.md"
        path.write_bytes(codecs.BOM_UTF8 + b"ab\xc3")
        with pytest.raises(InputError, match="byte 5"):
            read_text(path)

    def test_unreadable_path_is_input_error(self, tmp_path):
        """A folder passed to read_text fails as InputError, not OSError."""
        with pytest.raises(InputError, match="cannot read file"):
            read_text(tmp_path)

    def test_permission_denied(self, tmp_path, monkeypatch):
        """A file without read permission fails as InputError naming the reason."""
        path = tmp_path / "secret.md"
        path.write_text("x", encoding="utf-8")
        path.chmod(0)
        if os.geteuid() == 0:  # root reads anything: make the OS say no as it would

            def refuse(self: Path) -> bytes:
                raise PermissionError(13, "Permission denied", str(self))

            monkeypatch.setattr(Path, "read_bytes", refuse)
        with pytest.raises(InputError, match="cannot read file: Permission denied"):
            read_text(path)


class TestDecode:
    """decode is read_text without the file."""

    def test_empty(self):
        """No bytes decode to the empty string."""
        assert decode(b"") == ""

    def test_utf16_truncated_reports_offset(self):
        """A UTF-16 file with an odd byte at the end reports where it breaks."""
        with pytest.raises(InputError, match=r"UTF-16 at byte 4") as caught:
            decode(codecs.BOM_UTF16_LE + b"a\x00b", name="x.txt")
        assert caught.value.path == "x.txt"
