"""Input handling: encodings, --encoding, binary files, and line endings in
every markup (CRLF, CR and LF count; U+2028, U+2029 and form feeds do not)."""

from __future__ import annotations

import codecs

import pytest

from termcheck.checker import check_text
from termcheck.errors import BinaryFileError, InputError
from termcheck.extractors import EXTRACTORS
from termcheck.files import check_encoding, decode
from termcheck.runner import check_paths
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()
TEXT = "Première ligne\nThen OBOR here.\n"


class TestEncodings:
    """UTF-8 with or without BOM, UTF-16/32 with BOM, and forced codecs."""

    @pytest.mark.parametrize(
        "data",
        [
            TEXT.encode("utf-8"),
            codecs.BOM_UTF8 + TEXT.encode("utf-8"),
            codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
            codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
            codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
            codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
        ],
        ids=["utf8", "utf8-bom", "utf16le", "utf16be", "utf32le", "utf32be"],
    )
    def test_detected(self, data):
        """Each encoding decodes to the same text, BOM dropped."""
        assert decode(data) == TEXT

    @pytest.mark.parametrize(
        ("encoding", "data"),
        [
            ("latin-1", TEXT.encode("latin-1")),
            ("cp1252", TEXT.encode("cp1252")),
            ("utf-16-le", TEXT.encode("utf-16-le")),
            ("utf-16", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
            ("utf-8", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ],
    )
    def test_forced(self, encoding, data):
        """--encoding decodes with that codec (its own BOM still dropped)."""
        assert decode(data, encoding=encoding) == TEXT

    def test_latin1_without_encoding_is_an_error(self):
        """Latin-1 bytes are not UTF-8: an error naming the byte offset."""
        with pytest.raises(InputError, match=r"cannot decode as UTF-8 at byte 5"):
            decode(TEXT.encode("latin-1"), name="f.txt")

    def test_unknown_encoding(self):
        """An unknown codec name is an InputError."""
        with pytest.raises(InputError, match="unknown encoding 'nope'"):
            check_encoding("nope")

    def test_binary(self):
        """A NUL byte in the first 8 KiB means binary, unless the file is UTF-16."""
        with pytest.raises(BinaryFileError, match="NUL byte at byte 3"):
            decode(b"abc\0def")
        assert decode(b"x" * 9000 + b"\0") == "x" * 9000 + "\0"
        assert decode("a".encode("utf-16-le"), encoding="utf-16-le") == "a"


class TestRunnerInput:
    """Files are read, decoded and reported one by one."""

    def test_undecodable_file_reported_others_checked(self, tmp_path, monkeypatch):
        """A bad file is an error result; the run goes on; exit 2 at the end."""
        (tmp_path / "bad.md").write_bytes(b"OBOR \xff\n")
        (tmp_path / "good.md").write_text("OBOR\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        report = check_paths(GLOSSARY, ["bad.md", "good.md"])
        assert [r.error is not None for r in report.results] == [True, False]
        assert len(report.results[1].findings) == 1
        assert int(report.exit_code(None)) == 2

    def test_forced_encoding_in_a_run(self, tmp_path, monkeypatch):
        """``encoding`` applies to every file of the run."""
        (tmp_path / "a.txt").write_bytes("Café OBOR\n".encode("cp1252"))
        monkeypatch.chdir(tmp_path)
        report = check_paths(GLOSSARY, ["a.txt"], encoding="cp1252")
        (finding,) = report.findings
        assert finding.column == 6

    def test_binary_in_folder_skipped_named_is_error(self, tmp_path, monkeypatch):
        """Walking passes over a binary file; naming it is an error."""
        (tmp_path / "d").mkdir()
        (tmp_path / "d" / "blob.md").write_bytes(b"OBOR\0")
        (tmp_path / "d" / "text.md").write_text("OBOR\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        walked = check_paths(GLOSSARY, ["d"])
        assert [r.path for r in walked.results] == ["d/text.md"]
        named = check_paths(GLOSSARY, ["d/blob.md"])
        assert named.results[0].error == "binary file (NUL byte at byte 4)"


# A term on the third line of each markup's sample, after two lines of prose.
SAMPLES = {
    "plain": ["first line", "second line", "third OBOR"],
    "markdown": ["# first", "second *line*", "third OBOR"],
    "html": ["<p>first</p>", "<p>second</p>", "<p>third OBOR</p>"],
    "rst": ["first", "=====", "third OBOR"],
    "latex": ["\\section{first}", "second % note", "third OBOR"],
    "asciidoc": ["= first", "second", "third OBOR"],
}


class TestLineEndings:
    """Line numbers are the editor's for every line ending and markup."""

    @pytest.mark.parametrize("markup", sorted(EXTRACTORS))
    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
    def test_line_and_column(self, markup, newline):
        """The term is on line 3, column 7, whatever ends the lines."""
        text = newline.join(SAMPLES[markup]) + newline
        (finding,) = check_text(GLOSSARY, text, markup=markup)
        column = SAMPLES[markup][2].index("OBOR") + 1
        assert (finding.line, finding.column) == (3, column)

    @pytest.mark.parametrize("markup", sorted(EXTRACTORS))
    @pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c"])
    def test_unicode_separators_do_not_start_lines(self, markup, separator):
        """U+2028, U+2029 and form feeds stay inside their line."""
        lines = [*SAMPLES[markup][:2], f"x{separator}OBOR"]
        text = "\n".join(lines) + "\n"
        (finding,) = check_text(GLOSSARY, text, markup=markup)
        assert (finding.line, finding.column) == (3, 3)

    @pytest.mark.parametrize("markup", sorted(EXTRACTORS))
    def test_mixed_endings(self, markup):
        """A file mixing CRLF, CR and LF counts each as one line break."""
        first, second, third = SAMPLES[markup]
        text = f"{first}\r\n{second}\r{third}\n"
        (finding,) = check_text(GLOSSARY, text, markup=markup)
        assert finding.line == 3
