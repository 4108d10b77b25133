"""Tests for termcheck.runner.check_paths, with a stand-in matcher."""

from __future__ import annotations

import io

import pytest

from termcheck.model import ExitCode, Severity
from termcheck.runner import check_paths

pytestmark = pytest.mark.usefixtures("fake_checker")


class TestCheckPaths:
    """check_paths gives one FileResult per file and never stops at a bad one."""

    def test_one_result_per_file_in_order(self, small_glossary, tmp_path, monkeypatch):
        """Each file gets a result, in the order of the paths (the report order)."""
        (tmp_path / "b.md").write_text("One Belt One Road", encoding="utf-8")
        (tmp_path / "a.md").write_text("nothing here", encoding="utf-8")
        (tmp_path / "a").mkdir()
        (tmp_path / "a" / "z.md").write_text("One Belt One Road", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        report = check_paths(small_glossary, ["b.md", "a", "a.md"])
        # "a.md" < "a/z.md": the order of the paths, not the order given or walked
        assert [r.path for r in report.results] == ["a.md", "a/z.md", "b.md"]
        assert [len(r.findings) for r in report.results] == [0, 1, 1]
        assert report.results[2].findings[0].path == "b.md"

    def test_folder_paths_relative_and_posix(
        self, small_glossary, tmp_path, monkeypatch
    ):
        """Files found in a folder are shown under the folder as the user typed it."""
        (tmp_path / "docs" / "sub").mkdir(parents=True)
        (tmp_path / "docs" / "sub" / "x.md").write_text(
            "one belt one road", encoding="utf-8"
        )
        monkeypatch.chdir(tmp_path)
        report = check_paths(small_glossary, ["docs"])
        assert report.findings[0].path == "docs/sub/x.md"

    def test_missing_path_recorded_and_run_goes_on(
        self, small_glossary, tmp_path, monkeypatch
    ):
        """A missing path becomes an error result; later files are still checked."""
        (tmp_path / "ok.md").write_text("One Belt One Road", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        report = check_paths(small_glossary, ["gone.md", "ok.md"])
        assert report.results[0].path == "gone.md"
        assert report.results[0].error == "no such file or directory"
        assert len(report.results[1].findings) == 1
        assert report.exit_code(Severity.ERROR) is ExitCode.ERROR

    def test_undecodable_file_recorded(self, small_glossary, tmp_path, monkeypatch):
        """A file that is not valid UTF-8 becomes an error result naming the offset."""
        (tmp_path / "bad.md").write_bytes(b"ok \xfe")
        (tmp_path / "good.md").write_text("fine", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        report = check_paths(small_glossary, ["bad.md", "good.md"])
        (error,) = report.errors
        assert error.path == "bad.md"
        assert error.error is not None
        assert "byte 3" in error.error
        assert report.results[1].error is None

    def test_stdin_text_stream(self, small_glossary):
        """``-`` reads the given text stream and reports it as ``<stdin>``."""
        report = check_paths(
            small_glossary, ["-"], stdin=io.StringIO("x One Belt One Road")
        )
        (finding,) = report.findings
        assert (finding.path, finding.column) == ("<stdin>", 3)

    def test_stdin_bytes_decoded_without_newline_translation(self, small_glossary):
        """A stream's raw bytes are decoded here: BOM dropped, CRLF kept."""
        raw = io.BytesIO(b"\xef\xbb\xbfa\r\nOne Belt One Road")
        stream = io.TextIOWrapper(raw, encoding="utf-8")
        sources: dict[str, str] = {}
        report = check_paths(small_glossary, ["-"], stdin=stream, sources=sources)
        assert sources == {"<stdin>": "a\r\nOne Belt One Road"}
        assert report.findings[0].line == 2

    def test_sources_collected_only_for_checked_files(
        self, small_glossary, tmp_path, monkeypatch
    ):
        """``sources`` receives the text of each file that could be read."""
        (tmp_path / "a.md").write_text("alpha\r\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        sources: dict[str, str] = {}
        check_paths(small_glossary, ["a.md", "gone.md"], sources=sources)
        assert sources == {"a.md": "alpha\r\n"}

    def test_same_file_twice_checked_once(self, small_glossary, tmp_path, monkeypatch):
        """A file named twice, or named and inside a named folder, is checked once."""
        (tmp_path / "d").mkdir()
        (tmp_path / "d" / "a.md").write_text("One Belt One Road", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        report = check_paths(small_glossary, ["d/a.md", "d", "d/a.md"])
        assert [r.path for r in report.results] == ["d/a.md"]

    def test_empty_folder_gives_empty_report(self, small_glossary, tmp_path):
        """A folder without prose files is not an error; it just adds nothing."""
        report = check_paths(small_glossary, [str(tmp_path)])
        assert report.results == ()
        assert report.exit_code(Severity.INFO) is ExitCode.OK
