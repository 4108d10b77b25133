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
    """The runner switches to windows only for files over WINDOW_THRESHOLD."""

    def test_runner_uses_windows_for_big_files(
        self, glossary, tmp_path, monkeypatch, small_windows
    ):
        """Same report through the runner, with the windowed path taken."""
        from termcheck.runner import check_paths

        path = tmp_path / "big.md"
        path.write_text(_text("\n"), encoding="utf-8")
        expected = check_paths(glossary, [str(path)])
        used: list[Path] = []
        real = stream.check_large_file

        def spy(glossary, path, display):
            used.append(path)
            return real(glossary, path, display)

        monkeypatch.setattr(stream, "WINDOW_THRESHOLD", 100)
        monkeypatch.setattr(stream, "check_large_file", spy)
        assert check_paths(glossary, [str(path)]) == expected
        assert used == [path]
