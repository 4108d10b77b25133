"""Tests for termcheck.output: batches, report files, the spool of results."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from termcheck.errors import InputError
from termcheck.model import FileResult, FixOutcome, Kind, Severity, Skipped
from termcheck.output import Console, LineBuffer, ReportFile, ResultSpool, names_stream


class TestLineBuffer:
    """Lines are written in batches, each ending with a line break."""

    def test_batches(self):
        chunks: list[str] = []
        lines = LineBuffer(chunks.append, batch=10)
        lines.extend(["abc", "defg"])  # 9 characters with line breaks
        assert chunks == []
        lines.add("h")  # 11: written
        assert chunks == ["abc\ndefg\nh\n"]
        lines.add("tail")
        lines.flush()
        lines.flush()  # nothing left: nothing written
        assert chunks == ["abc\ndefg\nh\n", "tail\n"]

    def test_console_keeps_order(self):
        """A line for standard error comes after the report lines before it."""
        seen: list[tuple[str, str]] = []
        console = Console(
            lambda t: seen.append(("out", t)), lambda t: seen.append(("err", t))
        )
        console.lines.add("a.md:1:1: finding")
        console.notice("termcheck: error: b.md: no such file")
        console.lines.add("summary")
        console.lines.flush()
        assert seen == [
            ("out", "a.md:1:1: finding\n"),
            ("err", "termcheck: error: b.md: no such file"),
            ("out", "summary\n"),
        ]


class TestReportFile:
    """Regular files are replaced atomically; failures name the file."""

    def test_new_file_appears_at_close(self, tmp_path):
        path = tmp_path / "report.json"
        report = ReportFile(str(path))
        report.write("{\n")
        assert not path.exists()  # nothing under the name before close
        report.write("}\n")
        report.close()
        assert path.read_text(encoding="utf-8") == "{\n}\n"
        assert [p.name for p in tmp_path.iterdir()] == ["report.json"]

    def test_abort_leaves_the_old_file(self, tmp_path):
        path = tmp_path / "report.json"
        path.write_text("old", encoding="utf-8")
        report = ReportFile(str(path))
        report.write("new")
        report.abort()
        assert path.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["report.json"]

    def test_missing_folder_is_named(self, tmp_path):
        name = str(tmp_path / "missing" / "out.json")
        with pytest.raises(InputError) as caught:
            ReportFile(name)
        assert str(caught.value) == f"{name}: cannot write: No such file or directory"

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    def test_full_device_is_named(self):
        report = ReportFile("/dev/full")
        with pytest.raises(InputError) as caught:
            report.write("x" * 100_000)  # more than the buffer: written now
        assert str(caught.value) == "/dev/full: cannot write: No space left on device"

    def test_names_stream(self, tmp_path):
        path = tmp_path / "log.txt"
        with path.open("w", encoding="utf-8") as stream:
            assert names_stream(str(path), stream)
            assert not names_stream(str(tmp_path / "other.txt"), stream)
        assert not names_stream(str(path), io.StringIO())  # no descriptor
        with Path(os.devnull).open("w", encoding="utf-8") as null:
            assert names_stream(os.devnull, null)


@pytest.mark.parametrize("piece", [7, 50, ResultSpool.PIECE])
def test_spool_gives_back_what_it_kept(make_finding, monkeypatch, piece):
    """Results come back equal, in order, however many and however large
    (a file's findings kept in several pieces or in one)."""
    monkeypatch.setattr(ResultSpool, "PIECE", piece)
    results = [
        FileResult(
            f"f{n}.md",
            tuple(make_finding(path=f"f{n}.md", line=k + 1) for k in range(n * 50)),
            fingerprints=tuple(f"{n}-{k}" for k in range(n * 50)),
            omitted=n,
            omitted_severity=Severity.WARNING if n else None,
        )
        for n in range(4)
    ]
    results.append(FileResult("gone.md", error="no such file"))
    results.append(FileResult("big.md", skipped=Skipped("over 1 MB", "over 1 MB")))
    fixed = make_finding(kind=Kind.CASE)
    results.append(FileResult("fix.md", fix=FixOutcome(applied=(fixed,), written=True)))
    spool = ResultSpool()
    for result in results:
        spool.add(result)
    assert list(spool.replay()) == results
