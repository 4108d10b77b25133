"""Do the streamed reports equal an older revision's, byte for byte?

Run from the repository root::

    python bench/same_output.py --against REV            # about 50,000 findings
    python bench/same_output.py --against REV --copies 500

Two inputs, generated into the temporary folder ``termcheck-bench-same``:

- ``dense``: the four documents of ``tests/data/stream/docs`` (Markdown,
  text, reStructuredText, HTML; every kind of finding) copied ``--copies``
  times into nested folders, with the fixture's glossary: 20 findings a copy;
- ``corpus``: the benchmark's 1 MB generated Markdown corpus with its
  1,000-term glossary (planted forbidden, case, regex and near-miss variants).

Each is checked by ``git archive REV`` and by this tree, in every format, in
one process (``--jobs 1``) and, for this tree, in two (``--jobs 2``); the
outputs must be the same bytes. The one difference allowed is the JSON
report's two new lists, ``errors`` and ``omitted``, which this tree adds
before ``summary`` (both empty here).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "termcheck-bench-same"
FIXTURE = ROOT / "tests" / "data" / "stream"
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
NEW_JSON_LISTS = b'  "errors": [],\n  "omitted": [],\n'


def dense(copies: int) -> Path:
    """The fixture's documents, ``copies`` times over, and its glossary."""
    folder = WORK / f"dense-{copies}"
    if (folder / ".done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    docs = sorted(p for p in (FIXTURE / "docs").rglob("*") if p.is_file())
    for number in range(copies):
        for doc in docs:
            relative = doc.relative_to(FIXTURE / "docs")
            target = folder / "docs" / f"set{number // 50:03d}" / f"c{number:05d}"
            target = target / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(doc, target)
    shutil.copyfile(FIXTURE / "glossary.yaml", folder / "glossary.yaml")
    (folder / ".done").write_text("", encoding="utf-8")
    return folder


def corpus() -> Path:
    """The benchmark's 1 MB corpus and 1,000-term glossary."""
    folder = WORK / "corpus"
    if (folder / ".done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    generate.write_glossary(generate.build_terms(1_000), folder / "glossary.yaml")
    generate.write_corpus(folder / "docs", 1, generate.build_terms(1_000))
    (folder / ".done").write_text("", encoding="utf-8")
    return folder


def report(source: Path, folder: Path, output_format: str, jobs: int) -> bytes:
    """The report of ``folder`` by the termcheck in ``source``."""
    command = [
        sys.executable, "-m", "termcheck", "check", "--no-cache",
        "--fail-on", "never", "--format", output_format, "--jobs", str(jobs),
    ]  # fmt: skip
    if (source / "termcheck" / "caps.py").exists():
        command += ["--max-findings", "0", "--max-findings-per-file", "0"]
    env = {**os.environ, "PYTHONPATH": str(source), "NO_COLOR": "1"}
    result = subprocess.run(
        [*command, "-g", "glossary.yaml", "docs"],
        cwd=folder,
        env=env,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0 or result.stderr:
        sys.exit(f"{source}: {output_format}: {result.stderr.decode()[:500]}")
    return result.stdout


def count(output: bytes, output_format: str) -> int:
    """How many findings a text report lists (its summary line says)."""
    if output_format != "text":
        return -1
    return int(output.rsplit(b"\n", 2)[-2].split(b" ", 1)[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", metavar="REV", required=True)
    parser.add_argument("--copies", type=int, default=2_500)
    args = parser.parse_args()
    old = Path(tempfile.mkdtemp(prefix="termcheck-rev-"))
    archive = subprocess.run(
        ["git", "archive", args.against], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    failures = 0
    print(f"{'input':<12} {'format':<7} {'findings':>9} {'bytes':>12}  same bytes")
    for name, folder in (("dense", dense(args.copies)), ("corpus", corpus())):
        findings = 0
        for output_format in FORMATS:
            before = report(old, folder, output_format, 1)
            after = report(ROOT, folder, output_format, 1)
            spread = report(ROOT, folder, output_format, 2)
            if output_format == "json":
                after = after.replace(NEW_JSON_LISTS, b"", 1)
                spread = spread.replace(NEW_JSON_LISTS, b"", 1)
            findings = max(findings, count(before, output_format))
            same = before == after == spread
            failures += not same
            verdict = "yes" if same else f"NO (jobs 1: {before == after}, "
            verdict += "" if same else f"jobs 2: {before == spread})"
            shown = f"{findings:,}" if findings >= 0 else "?"
            size = f"{len(before):,}"
            print(f"{name:<12} {output_format:<7} {shown:>9} {size:>12}  {verdict}")
    shutil.rmtree(old, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
