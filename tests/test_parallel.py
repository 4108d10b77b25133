"""Tests for termcheck.parallel: worker processes give the serial report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck import parallel
from termcheck.cli import cli
from termcheck.model import Form, Glossary, Status, Term
from termcheck.runner import check_paths

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    allowed: [Belt and Road]
    forbidden: [One Belt One Road, OBOR]
  - id: gsi
    canonical: Global Security Initiative
    case: sensitive
"""
SENTENCES = (
    "Loans under One Belt One Road grew.",
    "The Belt and Road Initiative and the Belt and Road met.",
    "The global security initiative was discussed.",
    "Critics wrote about the Belt and Raod Initiative.",
    "Nothing to see in this sentence at all.",
)


@pytest.fixture
def glossary() -> Glossary:
    """Two terms with forbidden, allowed and case-sensitive forms."""
    bri = Term(
        "bri",
        "Belt and Road Initiative",
        allowed=(Form("Belt and Road", Status.ALLOWED),),
        forbidden=(
            Form("One Belt One Road", Status.FORBIDDEN),
            Form("OBOR", Status.FORBIDDEN),
        ),
    )
    gsi = Term("gsi", "Global Security Initiative", case_sensitive=True)
    return Glossary((bri, gsi))


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of 12 files with findings, a bad file, and glossary.yaml."""
    folder = tmp_path / "docs"
    for number in range(12):
        lines = [SENTENCES[(number + k) % len(SENTENCES)] for k in range(number + 3)]
        sub = folder / f"part{number % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{number:02d}.md").write_text("\n".join(lines), encoding="utf-8")
    (folder / "part1" / "broken.md").write_bytes(b"One Belt \xff One Road")
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


class TestCheckTargets:
    """check_paths with jobs > 1 returns exactly the serial report."""

    def test_two_jobs_equal_one_job(self, glossary, corpus, monkeypatch):
        """Same results, same order, same findings, errors in place."""
        monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
        paths = ["docs", "missing.md", "docs/part0/doc00.md"]
        serial = check_paths(glossary, paths, jobs=1)
        spread = check_paths(glossary, paths, jobs=2)
        assert spread == serial
        assert [r.path for r in spread.results][:2] == [
            "docs/part0/doc00.md",
            "docs/part0/doc03.md",
        ]
        assert any(r.error for r in spread.results)
        assert len(spread.findings) > 12

    def test_workers_really_run(self, glossary, corpus, monkeypatch):
        """With enough files and bytes, the files are checked in other processes."""
        monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
        used: list[int] = []
        real = parallel._in_workers

        def spy(*args, **kwargs):
            used.append(1)
            yield from real(*args, **kwargs)

        monkeypatch.setattr(parallel, "_in_workers", spy)
        check_paths(glossary, ["docs"], jobs=2)
        assert used == [1]

    def test_small_input_stays_in_process(self, glossary, corpus, monkeypatch):
        """Below MIN_PARALLEL_BYTES no pool is started (startup would cost more)."""
        used: list[int] = []
        monkeypatch.setattr(parallel, "_in_workers", lambda *a: used.append(1))
        report = check_paths(glossary, ["docs"], jobs=2)
        assert used == []
        assert report.findings

    def test_sources_and_stdin_with_workers(self, glossary, corpus, monkeypatch):
        """--context texts and standard input work the same with workers."""
        monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
        reports = []
        texts = []
        for jobs in (1, 2):
            sources: dict[str, str] = {}
            stdin = io.StringIO("Talk of OBOR again.")
            reports.append(
                check_paths(
                    glossary, ["docs", "-"], jobs=jobs, sources=sources, stdin=stdin
                )
            )
            texts.append(sources)
        assert reports[0] == reports[1]
        assert texts[0] == texts[1]
        assert texts[1]["<stdin>"] == "Talk of OBOR again."
        assert reports[1].results[0].path == "<stdin>"  # "<" sorts before letters

    def test_default_jobs_is_positive(self):
        """The default is the number of usable CPUs, at least one."""
        assert parallel.default_jobs() >= 1


class TestCliJobs:
    """``--jobs 2`` and ``--jobs 1`` print the same bytes."""

    @pytest.mark.parametrize("output_format", ["text", "json"])
    def test_identical_output(self, corpus, monkeypatch, output_format):
        """Text and JSON output do not depend on the number of workers."""
        monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
        outputs = []
        for jobs in ("1", "2"):
            result = CliRunner().invoke(
                cli,
                [
                    "check",
                    "-g",
                    "glossary.yaml",
                    "--format",
                    output_format,
                    "--jobs",
                    jobs,
                    "docs",
                    "--context",
                ],
            )
            assert result.exit_code == 2, result.output  # broken.md is an error
            outputs.append((result.stdout, result.stderr))
        assert outputs[0] == outputs[1]
        assert "broken.md" in outputs[0][1]

    def test_jobs_must_be_positive(self, corpus):
        """--jobs 0 is a usage error."""
        result = CliRunner().invoke(
            cli, ["check", "-g", "glossary.yaml", "-j", "0", "docs"]
        )
        assert result.exit_code == 2
        assert "--jobs" in result.stderr
