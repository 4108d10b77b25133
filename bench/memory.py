"""Peak memory of a report with a million findings, in every format.

Run from the repository root::

    python bench/memory.py                       # 10^6 findings, every format
    python bench/memory.py --findings 100000     # smaller
    python bench/memory.py --one-file            # all findings in one 4 MB file
    python bench/memory.py --against REV         # also an older revision

The input (generated into the temporary folder, ``termcheck-bench-memory``) is text in
which every word is ``the``, 20 to a line, checked against a glossary that
forbids ``the``: one finding per word, 4 bytes of text each. By default the
findings are spread over 100 files (10,000 each); ``--one-file`` puts them all
in one file. Each run is the real command line (``python -m termcheck check
--format F --max-findings 0 --max-findings-per-file 0``) with its standard
output read and counted here, so the report is complete but never stored.
Peak RSS is the largest resident set of the command and its worker processes
(``wait4``); ``--against REV`` runs ``git archive REV`` of this repository the
same way, for a before/after table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Outside the repository: git ignores bench/.cache/, and so would a folder walk.
CACHE = Path(tempfile.gettempdir()) / "termcheck-bench-memory"
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
# What starts (or is) one finding in each format, to count them as they stream.
MARKERS = {
    "text": b": error: ",
    "json": b'      "kind": ',
    "sarif": b'"ruleIndex": ',
    "github": b"::error file=",
    "junit": b"<failure ",
    "gitlab": b'"check_name": ',
}
GLOSSARY = """\
version: 1
terms:
  - id: article
    canonical: a
    forbidden: [the]
    fuzzy: false
"""
WORDS_PER_LINE = 20


@dataclass(frozen=True, slots=True)
class Measure:
    """One run: seconds, peak RSS in MB, bytes and findings written, exit code."""

    seconds: float
    rss_mb: float
    out_bytes: int
    findings: int
    code: int


def make_input(findings: int, files: int) -> Path:
    """``files`` files holding ``findings`` words ``the`` in all; the folder."""
    folder = CACHE / f"{findings}-{files}"
    done = folder / ".done"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "docs").mkdir(parents=True)
    (folder / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    line = " ".join(["the"] * WORDS_PER_LINE) + "\n"
    per_file = findings // files
    for number in range(files):
        lines, rest = divmod(per_file, WORDS_PER_LINE)
        text = line * lines + (" ".join(["the"] * rest) + "\n" if rest else "")
        (folder / "docs" / f"part{number:04d}.txt").write_text(text, encoding="utf-8")
    done.write_text("", encoding="utf-8")
    return folder


def measure(source: Path, folder: Path, output_format: str, jobs: int) -> Measure:
    """Run termcheck from ``source`` on ``folder``; count what it writes."""
    command = [
        sys.executable, "-m", "termcheck", "check", "--no-cache",
        "--fail-on", "never", "--format", output_format,
        "--jobs", str(jobs), "-g", "glossary.yaml", "docs",
    ]  # fmt: skip
    if (source / "termcheck" / "caps.py").exists():  # the option is there
        command[-3:-3] = ["--max-findings", "0", "--max-findings-per-file", "0"]
    env = {**os.environ, "PYTHONPATH": str(source), "TERMCHECK_CACHE_DIR": ""}
    marker = MARKERS[output_format]
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    size = found = 0
    tail = b""
    while chunk := process.stdout.read(1 << 20):
        size += len(chunk)
        found += (tail + chunk).count(marker)  # a marker cut in two is counted once
        tail = chunk[-(len(marker) - 1) :]
        found -= tail.count(marker)
    found += tail.count(marker)
    errors = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    if errors.strip():
        print(errors.decode(errors="replace"), file=sys.stderr)
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KB or B
    return Measure(seconds, usage.ru_maxrss / scale, size, found, process.returncode)


def archive(revision: str) -> Path:
    """The source of ``revision``, unpacked into a temporary folder."""
    target = Path(tempfile.mkdtemp(prefix="termcheck-rev-"))
    data = subprocess.run(
        ["git", "archive", revision], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=data, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--one-file", action="store_true")
    parser.add_argument("--jobs", type=int, action="append")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--against", metavar="REV")
    args = parser.parse_args()
    files = 1 if args.one_file else args.files
    folder = make_input(args.findings, files)
    sources = [("this tree", ROOT)]
    if args.against:
        sources.append((args.against, archive(args.against)))
    size = 4 * args.findings / files  # bytes of text in each file
    shown = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} KB"
    print(
        f"{args.findings:,} findings in {files} file(s) of {shown}; Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs"
    )
    print(
        f"{'code':<12} {'format':<7} {'jobs':>4} {'findings':>9} {'output':>9} "
        f"{'seconds':>8} {'peak RSS':>9}"
    )
    for name, source in sources:
        for output_format in args.formats.split(","):
            for jobs in args.jobs or [1, 2]:
                run = measure(source, folder, output_format, jobs)
                status = "" if run.code == 0 else f"  exit {run.code}"
                print(
                    f"{name:<12} {output_format:<7} {jobs:>4} {run.findings:>9,} "
                    f"{run.out_bytes / 1e6:>7.0f} MB {run.seconds:>7.1f}s "
                    f"{run.rss_mb:>6.0f} MB{status}",
                    flush=True,
                )
    for _, source in sources[1:]:
        shutil.rmtree(source, ignore_errors=True)


if __name__ == "__main__":
    main()
