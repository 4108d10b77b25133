"""Streamed reports are byte for byte the reports written before streaming.

``tests/data/stream/expected.*`` are the reports of ``docs/`` (four files in
four markups, every kind of finding) written by termcheck before reports were
streamed, as it held the whole report in memory. The command line must still
write exactly these bytes, in every format; the one intended change is the
JSON report's two new lists, ``errors`` and ``omitted`` (empty here), before
``summary``. (The files were written again once findings in a quotation,
the block quote on line 11 of ``a-overview.md``, said so in their message;
nothing else changed in them.) The SARIF root folder and termcheck's version
are replaced by ``ROOT`` and ``VERSION`` on both sides.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import termcheck

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "data" / "stream"
GOLDEN = {
    "text": "expected.txt",
    "json": "expected.json",
    "sarif": "expected.sarif.json",
    "github": "expected.github.txt",
    "junit": "expected.junit.xml",
    "gitlab": "expected.gitlab.json",
}
NEW_JSON_LISTS = '  "errors": [],\n  "omitted": [],\n'


def report(output_format: str, *jobs: str) -> str:
    """The report of ``docs`` in ``output_format``, machine details replaced."""
    command = [sys.executable, "-m", "termcheck", "check", "--no-cache"]
    command += ["--fail-on", "never", "--format", output_format, *jobs]
    result = subprocess.run(
        [*command, "-g", "glossary.yaml", "docs"],
        cwd=FIXTURE,
        env={"PYTHONPATH": str(ROOT), "PATH": "", "NO_COLOR": "1"},
        capture_output=True,
        check=True,
    )
    text = result.stdout.decode("utf-8")
    text = text.replace(FIXTURE.as_uri() + "/", "file:///ROOT/")
    return text.replace(f'"version": "{termcheck.__version__}"', '"version": "VERSION"')


def golden(output_format: str) -> str:
    """The reviewed report of the code before streaming (JSON: plus the lists)."""
    text = (FIXTURE / GOLDEN[output_format]).read_bytes().decode("utf-8")
    if output_format == "json":
        text = text.replace('  "summary": {', NEW_JSON_LISTS + '  "summary": {', 1)
    return text


@pytest.mark.parametrize("output_format", sorted(GOLDEN))
def test_same_bytes_as_before(output_format: str) -> None:
    assert report(output_format) == golden(output_format)


@pytest.mark.parametrize("output_format", ["text", "sarif", "junit"])
def test_same_bytes_with_workers(output_format: str, monkeypatch) -> None:
    """Files checked by two worker processes give the same report."""
    from click.testing import CliRunner

    from termcheck import parallel
    from termcheck.cli import cli

    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)  # spread even these
    monkeypatch.chdir(FIXTURE)
    args = ["check", "--no-cache", "--fail-on", "never", "--format", output_format]
    result = CliRunner().invoke(
        cli, [*args, "--jobs", "2", "-g", "glossary.yaml", "docs"]
    )
    text = result.stdout.replace(FIXTURE.as_uri() + "/", "file:///ROOT/")
    text = text.replace(f'"version": "{termcheck.__version__}"', '"version": "VERSION"')
    assert text == golden(output_format)


if (
    __name__ == "__main__"
):  # after a reviewed change: python -m tests.test_stream_golden
    for name, file_name in GOLDEN.items():
        written = report(name)
        if name == "json":
            written = written.replace(NEW_JSON_LISTS, "", 1)
        (FIXTURE / file_name).write_bytes(written.encode("utf-8"))
