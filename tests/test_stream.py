"""Tests for termcheck.stream: windowed checking equals checking in one go."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from termcheck import stream
from termcheck.checker import check_text
from termcheck.errors import InputError
from termcheck.files import read_text
from termcheck.model import Form, Glossary, Status, Term
from termcheck.stream import check_large_file


@pytest.fixture
def glossary() -> Glossary:
    """Forbidden, allowed (for inconsistency), case-sensitive and fuzzy terms."""
    bri = Term(
        "bri",
        "Belt and Road Initiative",
        allowed=(Form("Belt and Road", Status.ALLOWED),),
        forbidden=(Form("One Belt One Road", Status.FORBIDDEN),),
    )
    gsi = Term("gsi", "Global Security Initiative", case_sensitive=True)
    return Glossary((bri, gsi))


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows of 300 characters with 80 characters of overlap."""
    monkeypatch.setattr(stream, "WINDOW", 300)
    monkeypatch.setattr(stream, "OVERLAP", 80)


PARTS = (
    "Loans under One Belt One Road grew.",
    "The Belt and Road Initiative met the Belt and Road.",
    "A global security initiative was noted by the Global Security Initiative.",
    "The Belt and Raod Initiative came up.",
    "Some words with nothing to find in them at all, just filler text here.",
    "One Belt",  # a phrase wrapped over the line break that follows
)


def _text(newline: str, count: int = 40) -> str:
    parts = [PARTS[k % len(PARTS)] for k in range(count)]
    return newline.join(parts) + " One Road ends it." + newline


class TestCheckLargeFile:
    """Findings, positions and order are those of check_text on the whole file."""

    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", " "])
    def test_same_as_whole_text(self, glossary, tmp_path, small_windows, newline):
        """Every line-ending style, and a text without any line break."""
        path = tmp_path / "big.md"
        path.write_bytes(_text(newline).encode("utf-8"))
        whole = check_text(glossary, read_text(path), path="big.md")
        windowed = check_large_file(glossary, path, "big.md")
        assert windowed == whole
        assert {f.kind.value for f in whole} >= {
            "forbidden",
            "case",
            "inconsistent",
            "near-miss",
        }

    def test_utf16_with_bom_and_non_ascii(self, glossary, tmp_path, small_windows):
        """Decoding follows files.decode: BOMs, and columns count code points."""
        path = tmp_path / "wide.md"
        text = _text("\n").replace("Loans", "Prêts 人类")
        path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
        whole = check_text(glossary, read_text(path), path="w")
        assert check_large_file(glossary, path, "w") == whole

    def test_decode_error_names_the_same_byte(self, glossary, tmp_path, monkeypatch):
        """A bad byte deep in the file gets the message files.read_text gives."""
        monkeypatch.setattr(stream, "_READ", 64)
        path = tmp_path / "bad.md"
        path.write_bytes(("é" * 100).encode("utf-8") + b"\xff tail")
        with pytest.raises(InputError) as expected:
            read_text(path)
        with pytest.raises(InputError) as got:
            check_large_file(glossary, path, "bad.md")
        assert got.value.problem == expected.value.problem
        assert "byte 200" in got.value.problem

    def test_missing_file(self, glossary, tmp_path):
        """A file that cannot be opened is an InputError, as for read_text."""
        with pytest.raises(InputError, match="cannot read file"):
            check_large_file(glossary, tmp_path / "gone.md", "gone.md")


class TestThreshold:
    """The runner takes windows only for big plain-text files without directives."""

    def _spy(self, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
        used: list[Path] = []
        real = stream.check_large_file

        def spy(glossary, path, *rest):
            used.append(path)
            return real(glossary, path, *rest)

        monkeypatch.setattr(stream, "WINDOW_THRESHOLD", 100)
        monkeypatch.setattr(stream, "check_large_file", spy)
        return used

    def test_big_plain_file_in_windows(
        self, glossary, tmp_path, monkeypatch, small_windows
    ):
        """Same report through the runner, with the windowed path taken."""
        from termcheck.runner import check_paths

        path = tmp_path / "big.txt"
        path.write_text(_text("\n"), encoding="utf-8")
        expected = check_paths(glossary, [str(path)])
        used = self._spy(monkeypatch)
        assert check_paths(glossary, [str(path)]) == expected
        assert used == [path]

    def test_directives_make_it_whole(
        self, glossary, tmp_path, monkeypatch, small_windows
    ):
        """A directive anywhere sends the file back to one-piece checking."""
        from termcheck.runner import check_paths

        path = tmp_path / "big.txt"
        text = _text("\n") + "# termcheck: disable bri\n" + _text("\n")
        path.write_text(text, encoding="utf-8")
        expected = check_paths(glossary, [str(path)])
        used = self._spy(monkeypatch)
        assert check_paths(glossary, [str(path)]) == expected
        assert used == [path]  # tried, then given up
        directive_line = text[: text.index("# termcheck")].count("\n") + 1
        bri_lines = [f.line for f in expected.findings if f.term == "bri"]
        assert bri_lines
        assert max(bri_lines) < directive_line

    def test_markup_files_are_read_whole(
        self, glossary, tmp_path, monkeypatch, small_windows
    ):
        """Markdown (and every other markup) is parsed in one piece."""
        from termcheck.runner import check_paths

        path = tmp_path / "big.md"
        path.write_text(_text("\n"), encoding="utf-8")
        used = self._spy(monkeypatch)
        assert check_paths(glossary, [str(path)]).findings
        assert used == []

    def test_binary_file_in_a_folder_is_passed_over(self, glossary, tmp_path,
                                                     monkeypatch):
        """Like the one-piece path: a walked binary file gives no result."""
        from termcheck.runner import check_paths

        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "blob.txt").write_bytes(b"abc\0def" * 50)
        self._spy(monkeypatch)
        assert check_paths(glossary, [str(tmp_path / "docs")]).results == ()
        named = check_paths(glossary, [str(tmp_path / "docs" / "blob.txt")])
        assert "binary file" in (named.results[0].error or "")
