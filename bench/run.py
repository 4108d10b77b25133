"""termcheck's benchmark suite: one command, every table.

Run from the repository root::

    python bench/run.py            # the full suite (about an hour on 2 cores)
    python bench/run.py --quick    # 1 MB and 10 MB, 100/1,000/10,000 terms, short
    python bench/run.py --record   # also rewrite bench/RESULTS.md

Data (corpora, glossaries, planted cases) is generated deterministically into
``bench/.cache/`` and reused; the raw outputs go to ``bench/out/``. Peers are
run where present: ripgrep (``rg``) and textlint with
textlint-rule-terminology, which the suite installs with ``npm`` into
``bench/.cache/npm``. A missing peer is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402

CACHE = ROOT / "bench" / ".cache"
DATA = CACHE / "data"
NPM = CACHE / "npm"
OUT = ROOT / "bench" / "out"
TEXTLINT = ("textlint@15.8.0", "textlint-rule-terminology@5.2.16")
# GNU time measures a command's peak RSS without counting this process's own.
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
# The finding kind each planted exact case must produce.
EXPECTED_KIND = {
    kind: ("case" if kind == "case" else "forbidden") for kind in generate.EXACT_KINDS
}


@dataclass(frozen=True, slots=True)
class Run:
    """One process run: wall seconds, peak RSS (MB) and how it ended."""

    seconds: float
    rss_mb: float
    status: str  # ok, timeout, failed
    cpu: float = 0.0  # user + system seconds of the process and its workers

    @property
    def ok(self) -> bool:
        """True when the process finished in time with a usable exit status."""
        return self.status == "ok"


def run(
    command: Sequence[str],
    *,
    timeout: float,
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
    ok_codes: Sequence[int] = (0,),
) -> Run:
    """Run ``command``; measure wall time and the peak RSS of its largest process.

    Linux counts a child's peak RSS from before its exec, that is this (large)
    process's; GNU time, when installed, starts the command from a small
    process instead and reports the command's own peak and CPU time.
    """
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    err = (OUT / "last-stderr.txt").open("wb")
    measured = OUT / "last-time.txt"
    measured.unlink(missing_ok=True)
    wrapper = [GNU_TIME, "-f", "%M %U %S", "-o", str(measured)] if GNU_TIME else []
    started = time.perf_counter()
    process = subprocess.Popen(
        [*wrapper, *command], stdout=out, stderr=err, env=env, start_new_session=True
    )
    status = "ok"
    while True:
        pid, code, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - started > timeout:
            os.killpg(process.pid, signal.SIGKILL)
            pid, code, usage = os.wait4(process.pid, 0)
            status = "timeout"
            break
        time.sleep(0.004)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(code)
    if stdout:
        out.close()  # type: ignore[union-attr]
    err.close()
    if status == "ok" and process.returncode not in ok_codes:
        status = "failed"
        message = (OUT / "last-stderr.txt").read_text(errors="replace")[-300:]
        print(f"    ! {Path(command[0]).name} exited {process.returncode}: {message}")
    rss, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    if GNU_TIME and measured.exists():
        fields = measured.read_text().split()[-3:]
        if len(fields) == 3 and fields[0].isdigit():
            rss, cpu = int(fields[0]) / 1024, float(fields[1]) + float(fields[2])
    return Run(seconds, rss, status, cpu)


# --------------------------------------------------------------------- data


def prepare(sizes: Sequence[int], counts: Sequence[int], big: int) -> None:
    """Generate what is missing; wipe everything when the generator changed."""
    stamp = DATA / "generator.stamp"
    source = (ROOT / "bench" / "generate.py").read_bytes()
    if stamp.exists() and stamp.read_bytes() != source:
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True, exist_ok=True)
    stamp.write_bytes(source)
    if not (DATA / ".git").exists():
        # termcheck skips what git ignores when it walks a folder, and the outer
        # repository ignores bench/.cache/: make the data a repository of its own.
        git = shutil.which("git")
        if git is None or subprocess.run(
            [git, "init", "-q", str(DATA)], check=False
        ).returncode:
            (DATA / ".git").mkdir()
    terms: list[generate.BenchTerm] = []
    for count in counts:
        if not (DATA / f"g{count}.yaml").exists():
            terms = terms or generate.build_terms(max(counts))
            print(f"  writing the {count:,}-term glossary")
            _write_glossary_files(terms[:count], count)
    for megabytes in sizes:
        folder = DATA / f"c{megabytes}"
        if not (DATA / f"c{megabytes}.cases.tsv").exists():
            terms = terms or generate.build_terms(max(counts))
            print(f"  writing the {megabytes} MB corpus")
            shutil.rmtree(folder, ignore_errors=True)
            generate.write_corpus(folder, megabytes, terms[: generate.PLANTED_TERMS])
    small = DATA / "small.md"
    if not small.exists():
        text = (DATA / "c1" / "part000" / "doc00000.md").read_text(encoding="utf-8")
        small.write_text(text[:3000].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    if big and not (DATA / f"big{big}.txt").exists():
        print(f"  writing a single {big} MB file")
        generate.write_big_file(DATA / f"big{big}.txt", big)


def _write_glossary_files(terms: list[generate.BenchTerm], count: int) -> None:
    generate.write_glossary(terms, DATA / f"g{count}.yaml")
    forms, plain, pairs = [], [], []
    for term in terms:
        forms += [term.canonical, *term.allowed, *term.forbidden]
        plain += [term.canonical, *term.allowed]
        pairs += [[f.replace(" ", r"\s+"), term.canonical] for f in term.forbidden]
        pairs += [[pattern, term.canonical] for pattern in term.regex]
    (DATA / f"forms{count}.txt").write_text("\n".join(forms) + "\n", encoding="utf-8")
    for kind, terms_list in (("plain", plain), ("pairs", pairs)):
        terms_file = DATA / f"textlint-{kind}{count}.json"
        terms_file.write_text(json.dumps(terms_list), encoding="utf-8")
        options = {"defaultTerms": False, "skip": [], "terms": str(terms_file)}
        config = {"rules": {"terminology": options}}
        (DATA / f"textlintrc-{kind}{count}.json").write_text(json.dumps(config))


# -------------------------------------------------------------------- tools


def textlint_command() -> str | None:
    """The textlint executable, installing it into the cache with npm if needed."""
    binary = NPM / "node_modules" / ".bin" / "textlint"
    if binary.exists():
        return str(binary)
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        print("  textlint: skipped (node/npm not installed)")
        return None
    print("  installing textlint and textlint-rule-terminology with npm ...")
    NPM.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(NPM), "--no-audit", "--no-fund", *TEXTLINT],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not binary.exists():
        print(f"  textlint: skipped (npm install failed: {result.stderr[-200:]})")
        return None
    return str(binary)


def versions(textlint: str | None) -> dict[str, str]:
    """Versions of everything measured."""
    found = {"python": platform.python_version()}
    found["termcheck"] = _output([sys.executable, "-m", "termcheck", "--version"])
    found["termcheck commit"] = os.environ.get("BENCH_COMMIT") or _output(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"]
    )
    if shutil.which("rg"):
        found["ripgrep"] = _output(["rg", "--version"]).splitlines()[0]
    if textlint:
        found["node"] = _output(["node", "--version"])
        package = NPM / "node_modules" / "textlint-rule-terminology" / "package.json"
        rule = json.loads(package.read_text())["version"]
        found["textlint"] = _output([textlint, "--version"])
        found["textlint-rule-terminology"] = rule
    return found


def machine() -> dict[str, str]:
    """CPU, cores, memory, OS and load."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(meminfo.read_text().split()[1])
        memory = f"{kilobytes / 1024 / 1024:.0f} GiB"
    return {
        "cpu": model or platform.processor(),
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": platform.platform(),
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _output(command: Sequence[str]) -> str:
    try:
        return subprocess.run(
            list(command), capture_output=True, text=True, check=False, env=_env()
        ).stdout.strip()
    except OSError:
        return "?"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p
    )
    env["TERMCHECK_CACHE_DIR"] = str(CACHE / "index-cache")
    for name in ("CI", "NO_COLOR"):
        env.pop(name, None)
    return env


# --------------------------------------------------------------- termcheck


def termcheck(
    corpus: Path, count: int, *, jobs: int | None = None, timeout: float = 3600
) -> tuple[Run, Path]:
    """Run termcheck with JSON output on ``corpus``; return the run and output."""
    output = OUT / f"termcheck-{corpus.name}-{count}-j{jobs or 0}.json"
    command = [sys.executable, "-m", "termcheck", "check", "--format", "json"]
    command += ["--fail-on", "never", "-g", str(DATA / f"g{count}.yaml")]
    command += ["--max-findings", "0", "--max-findings-per-file", "0"]  # all
    if jobs:
        command += ["--jobs", str(jobs)]
    return run([*command, str(corpus)], timeout=timeout, stdout=output, env=_env()), (
        output
    )


def recall(corpus: Path, output: Path) -> tuple[float, float, int]:
    """Recall of exact and near-miss planted cases, and the number of findings."""
    report = json.loads(output.read_text(encoding="utf-8"))
    prefix = str(corpus) + "/"
    found: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for finding in report["findings"]:
        found[(str(finding["path"])[len(prefix) :], str(finding["term"]))].append(
            finding
        )
    wanted: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    cases = (DATA / f"{corpus.name}.cases.tsv").read_text(encoding="utf-8")
    for row in cases.splitlines():
        name, line_text, column_text, kind, term, text = row.split("\t")
        line, column = int(line_text), int(column_text)
        group = "exact" if kind in generate.EXACT_KINDS else "near"
        wanted[group] += 1
        kind_wanted = EXPECTED_KIND.get(kind, "near-miss")
        for finding in found[(name, term)]:
            start = (finding["line"], finding["column"])
            end = (finding["end_line"], finding["end_column"])
            if (
                finding["kind"] == kind_wanted
                and start <= (line, column + len(text))  # type: ignore[operator]
                and end > (line, column)  # type: ignore[operator]
            ):
                hit[group] += 1
                break
    return (
        hit["exact"] / max(wanted["exact"], 1),
        hit["near"] / max(wanted["near"], 1),
        len(report["findings"]),
    )


def median_runs(
    corpus: Path, count: int, repeats: int, jobs: int | None = None
) -> tuple[Run, Path]:
    """The median-time run of ``repeats`` warm runs (after one warm-up run)."""
    termcheck(corpus, count, jobs=jobs)  # fills the index cache
    runs = []
    output = OUT
    for _ in range(repeats):
        result, output = termcheck(corpus, count, jobs=jobs)
        runs.append(result)
    runs.sort(key=lambda r: r.seconds)
    return runs[len(runs) // 2], output


def corpus_mb(corpus: Path) -> float:
    """Size of the corpus files in MB (10^6 bytes)."""
    if corpus.is_file():
        return corpus.stat().st_size / 1e6
    return sum(p.stat().st_size for p in corpus.rglob("*.md")) / 1e6


MEASURE_LOAD = """
import gc, json, sys, time
from pathlib import Path
from termcheck.cache import load_indexed
path, folder = sys.argv[1], Path(sys.argv[2])
started = time.perf_counter()
load_indexed([path], use_cache=False)
cold = time.perf_counter() - started
load_indexed([path], folder=folder)  # writes the cache file
started = time.perf_counter()
load_indexed([path], folder=folder)
warm = time.perf_counter() - started
print(json.dumps({"cold": cold, "warm": warm}))
"""


def measure_load(count: int) -> dict[str, float]:
    """Seconds to load + index a glossary without cache, and from the cache."""
    folder = CACHE / "load-cache"
    shutil.rmtree(folder, ignore_errors=True)
    output = OUT / f"load-{count}.json"
    command = [sys.executable, "-c", MEASURE_LOAD, str(DATA / f"g{count}.yaml")]
    result = run([*command, str(folder)], timeout=1800, stdout=output, env=_env())
    if not result.ok:
        return {"cold": float("nan"), "warm": float("nan"), "rss": result.rss_mb}
    return {**json.loads(output.read_text()), "rss": result.rss_mb}


def one_file(count: int, repeats: int, cold: bool = False) -> float:
    """Median wall time of ``termcheck check`` on one small file."""
    command = [sys.executable, "-m", "termcheck", "check", "-q", "--fail-on"]
    command += ["never", "-g", str(DATA / f"g{count}.yaml"), str(DATA / "small.md")]
    env = _env()
    if cold:
        env["TERMCHECK_CACHE_DIR"] = str(CACHE / "cold-cache")
    else:
        run(command, timeout=1800, env=env)  # warm the cache
    times = []
    for _ in range(repeats):
        if cold:
            shutil.rmtree(CACHE / "cold-cache", ignore_errors=True)
        times.append(run(command, timeout=1800, env=env).seconds)
    return statistics.median(times)


# ------------------------------------------------------------------ tables


def fmt_time(result: Run | None) -> str:
    """Seconds, or why there are none."""
    if result is None:
        return "skipped"
    if result.status == "timeout":
        return f"> {result.seconds:.0f} s (timeout)"
    if result.status == "failed":
        return "failed"
    return f"{result.seconds:.2f} s"


def ratio(peer: Run | None, ours: Run) -> str:
    """How many times slower the peer is (a lower bound when it timed out)."""
    if peer is None or peer.status == "failed":
        return "–"
    value = peer.seconds / ours.seconds
    return f"{'> ' if peer.status == 'timeout' else ''}{value:.1f}×"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    """Generate, run and print every table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--record", action="store_true", help="write RESULTS.md")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0, help="per peer run")
    options = parser.parse_args(argv)
    quick = options.quick
    sizes = [1, 10] if quick else [1, 10, 100]
    counts = [100, 1_000, 10_000] if quick else [100, 1_000, 10_000, 100_000]
    peer_sets = [(1, 1_000), (10, 10_000)]
    big = 0 if quick else 200
    timeout = min(options.timeout, 120) if quick else options.timeout
    OUT.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []

    def say(*text: str) -> None:
        for line in text:
            print(line, flush=True)
            lines.append(line)

    print("preparing data ...")
    prepare(sizes, counts, big)
    textlint = textlint_command()
    rg = shutil.which("rg")
    if rg is None:
        print("  ripgrep: skipped (rg not installed)")
    started_at = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    say("# termcheck benchmark results", "")
    say(f"Date: {started_at}. Command: `python bench/run.py{' --quick' * quick}`.", "")
    say("Machine:", "")
    say(*table(["what", "value"], list(machine().items())), "")
    say("Versions:", "")
    say(*table(["tool", "version"], list(versions(textlint).items())), "")

    # 1. The matrix.
    say("## termcheck: corpus × glossary", "")
    say(
        f"Warm index cache, default `--jobs` ({os.cpu_count()} CPUs), median of "
        f"{options.repeats} runs (1 run for 100 MB). Recall is over the planted "
        "cases: exact kinds (forbidden, other case, wrong case, line-wrapped, "
        "regex) and near-misses (typo, inserted/dropped word, word order, "
        "hyphenation).",
        "",
    )
    matrix: dict[tuple[int, int], Run] = {}
    rows = []
    worst_exact, worst_near = 1.0, 1.0
    for megabytes in sizes:
        corpus = DATA / f"c{megabytes}"
        size = corpus_mb(corpus)
        for count in counts:
            repeats = 1 if megabytes >= 100 else options.repeats
            result, output = median_runs(corpus, count, repeats)
            matrix[(megabytes, count)] = result
            if not result.ok:
                rows.append([f"{megabytes} MB", f"{count:,}", fmt_time(result)])
                continue
            exact, near, findings = recall(corpus, output)
            worst_exact, worst_near = min(worst_exact, exact), min(worst_near, near)
            rows.append(
                [
                    f"{megabytes} MB",
                    f"{count:,}",
                    fmt_time(result),
                    f"{size / result.seconds:.2f}",
                    f"{result.rss_mb:.0f} MB",
                    f"{exact:.1%}",
                    f"{near:.1%}",
                    f"{findings:,}",
                ]
            )
            print(f"  {rows[-1]}", flush=True)
    header = ["corpus", "terms", "wall", "MB/s", "peak RSS", "recall exact"]
    say(*table([*header, "recall near", "findings"], rows), "")

    # 2. Peers.
    say("## Side by side", "")
    say(
        "Same corpus, same terms converted to each tool's format. textlint "
        "plain-string: canonical and allowed forms as plain strings (it reports "
        "other letter case only); regex-pair: each forbidden form as a "
        "`[pattern, replacement]` pair. ripgrep: `rg -i -F -f forms.txt` as the "
        "issue asks and `rg -F` (case-sensitive), exact matches only. Ratios: "
        "peer time / termcheck time (default jobs). textlint and rg each use one "
        "core for this work; the `termcheck -j1` column is termcheck on one core.",
        "",
    )
    peers: dict[tuple[int, int, str], Run | None] = {}
    peer_rows = []
    for megabytes, count in peer_sets:
        corpus = DATA / f"c{megabytes}"
        ours = matrix[(megabytes, count)]
        single, _ = median_runs(corpus, count, 1 if megabytes >= 10 else 3, jobs=1)
        peers[(megabytes, count, "termcheck -j1")] = single
        forms = str(DATA / f"forms{count}.txt")
        commands: dict[str, list[str] | None] = {
            "rg -i -F": (
                [rg, "-i", "-F", "-c", "-f", forms, str(corpus)] if rg else None
            ),
            "rg -F": [rg, "-F", "-c", "-f", forms, str(corpus)] if rg else None,
        }
        for kind in ("plain", "pairs"):
            label = f"textlint {'plain-string' if kind == 'plain' else 'regex-pair'}"
            config = str(DATA / f"textlintrc-{kind}{count}.json")
            commands[label] = (
                [textlint, "--config", config, "--format", "unix", f"{corpus}/**/*.md"]
                if textlint
                else None
            )
        for label, command in commands.items():
            if command is None:
                peers[(megabytes, count, label)] = None
                continue
            print(f"  {label} on {megabytes} MB × {count:,} terms ...", flush=True)
            output = OUT / f"{label.replace(' ', '_')}-{megabytes}-{count}.txt"
            peers[(megabytes, count, label)] = run(
                command, timeout=timeout, stdout=output, ok_codes=(0, 1)
            )
        for label in ("termcheck -j1", *commands):
            peer = peers[(megabytes, count, label)]
            peer_rows.append(
                [
                    f"{megabytes} MB",
                    f"{count:,}",
                    label,
                    fmt_time(peer),
                    f"{peer.rss_mb:.0f} MB" if peer and peer.ok else "–",
                    ratio(peer, ours),
                ]
            )
        peer_rows.append(
            [f"{megabytes} MB", f"{count:,}", "**termcheck**", fmt_time(ours),
             f"{ours.rss_mb:.0f} MB", "1.0×"]
        )
    say(*table(["corpus", "terms", "tool", "wall", "peak RSS", "ratio"], peer_rows))
    say("")

    # 3. Glossary size, load, startup.
    say("## Glossary size, load time and startup", "")
    scale_rows = []
    for megabytes in sizes:
        low, high = matrix.get((megabytes, 1_000)), matrix.get((megabytes, counts[-1]))
        if low and high and low.ok and high.ok:
            scale_rows.append(
                [f"{megabytes} MB", f"{counts[-1]:,} / 1,000 terms",
                 f"{high.seconds / low.seconds:.2f}×"]
            )
    say(*table(["corpus", "glossaries", "time ratio"], scale_rows), "")
    load_rows = []
    loads = {}
    for count in counts:
        loads[count] = measure_load(count)
        load_rows.append(
            [f"{count:,}", f"{loads[count]['cold']:.2f} s",
             f"{loads[count]['warm']:.2f} s", f"{loads[count]['rss']:.0f} MB"]
        )
    say(*table(["terms", "load + index (no cache)", "from cache", "peak RSS"],
               load_rows), "")
    one_rows = []
    single_file: dict[tuple[int, str], float] = {}
    for count in counts:
        for state in ("cold", "warm"):
            seconds = one_file(count, 3 if count >= 100_000 else 5, state == "cold")
            single_file[(count, state)] = seconds
            one_rows.append([f"{count:,}", state, f"{seconds:.2f} s"])
    say(
        "`termcheck check` on one 3 KB file (the pre-commit case), whole process "
        "wall time; cold = empty index cache, warm = cache filled:",
        "",
    )
    say(*table(["terms", "cache", "wall"], one_rows), "")

    # 4. Parallelism and memory.
    parallel_rows = []
    par = None
    if not quick:
        corpus = DATA / "c100"
        serial, out1 = median_runs(corpus, 10_000, 1, jobs=1)
        twice, out2 = median_runs(corpus, 10_000, 1, jobs=2)
        same = out1.read_bytes() == out2.read_bytes()
        par = (serial, twice, same)
        parallel_rows.append(
            ["100 MB, 1,000 files", "10,000", fmt_time(serial), fmt_time(twice),
             f"{serial.seconds / twice.seconds:.2f}×",
             f"{serial.cpu:.1f} s / {twice.cpu:.1f} s", "yes" if same else "NO",
             f"{serial.rss_mb:.0f} MB"]
        )
        say("## Parallel runs and memory", "")
        say(
            "CPU = user + system seconds of termcheck and its workers. On an idle "
            "2-core machine the speed-up approaches (CPU of -j1) / (CPU of -j2 / 2); "
            "when other processes take a core, wall times cannot show it.",
            "",
        )
        header = ["corpus", "terms", "--jobs 1", "--jobs 2", "speed-up", "CPU"]
        say(*table([*header, "same output", "peak RSS (-j1)"], parallel_rows), "")
    big_run = None
    if big:
        big_file = DATA / f"big{big}.txt"
        big_run, _ = termcheck(big_file, 10_000, jobs=1)
        say(
            f"A single {big} MB file, 10,000 terms, `--jobs 1`: "
            f"{fmt_time(big_run)}, peak RSS {big_run.rss_mb:.0f} MB.",
            "",
        )

    # 5. Targets.
    say("## Targets", "")
    target_rows = []

    def target(name: str, measured: str, met: bool | None) -> None:
        verdict = "n/a" if met is None else ("met" if met else "**not met**")
        target_rows.append([name, measured, verdict])

    tc = matrix.get((10, 10_000))
    plain = peers.get((10, 10_000, "textlint plain-string"))
    if tc and plain and tc.ok:
        target("10 MB × 10k: ≥ 10× faster than textlint plain-string",
               ratio(plain, tc), plain.seconds / tc.seconds >= 10)
    rg_i = peers.get((10, 10_000, "rg -i -F"))
    rg_f = peers.get((10, 10_000, "rg -F"))
    if tc and rg_i and rg_i.status != "failed":
        target("10 MB × 10k: within 25× of `rg -i -F`",
               f"termcheck / rg = {tc.seconds / rg_i.seconds:.2f}×",
               tc.seconds / rg_i.seconds <= 25)
    if tc and rg_f and rg_f.ok:
        target("(stricter floor) within 25× of `rg -F`",
               f"termcheck / rg = {tc.seconds / rg_f.seconds:.2f}×",
               tc.seconds / rg_f.seconds <= 25)
    for megabytes in sizes:
        low, high = matrix.get((megabytes, 1_000)), matrix.get((megabytes, counts[-1]))
        if low and high and low.ok and high.ok and megabytes >= 10:
            share = high.seconds / low.seconds
            target(f"{megabytes} MB: {counts[-1]:,} vs 1,000 terms ≤ 1.5× time",
                   f"{share:.2f}×", share <= 1.5)
    top = counts[-1]
    target(f"load + index {top:,} terms < 3 s (no cache)",
           f"{loads[top]['cold']:.2f} s", loads[top]["cold"] < 3)
    target(f"load + index {top:,} terms < 3 s (from cache)",
           f"{loads[top]['warm']:.2f} s", loads[top]["warm"] < 3)
    for count in counts[1:]:
        seconds = single_file[(count, "warm")]
        target(f"pre-commit: one file, {count:,} terms, warm cache, well < 0.5 s",
               f"{seconds:.2f} s", seconds < 0.4)
    seconds = single_file[(1_000, "warm")]
    target("startup: one small file, 1,000 terms < 0.3 s (warm cache)",
           f"{seconds:.2f} s", seconds < 0.3)
    seconds = single_file[(1_000, "cold")]
    target("startup: one small file, 1,000 terms < 0.3 s (first run, no cache)",
           f"{seconds:.2f} s", seconds < 0.3)
    if par:
        serial, twice, same = par
        target("peak RSS on 100 MB (10k terms, --jobs 1) < 300 MB",
               f"{serial.rss_mb:.0f} MB", serial.rss_mb < 300)
        target("--jobs 2 vs --jobs 1 on 100 MB / 1,000 files ≥ 1.7×",
               f"{serial.seconds / twice.seconds:.2f}×",
               serial.seconds / twice.seconds >= 1.7)
        target("--jobs 2 output identical to --jobs 1", "yes" if same else "no", same)
    if big_run:
        target(f"single {big} MB file: bounded memory (< 300 MB)",
               f"{big_run.rss_mb:.0f} MB", big_run.ok and big_run.rss_mb < 300)
    target("recall, exact kinds = 100 % (every combination)",
           f"worst {worst_exact:.1%}", worst_exact >= 1.0)
    target("recall, near-misses ≥ 95 % (every combination)",
           f"worst {worst_near:.1%}", worst_near >= 0.95)
    say(*table(["target", "measured", "verdict"], target_rows), "")
    say(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.")
    say(
        "",
        "Notes: wall times are medians of the runs stated; the machine is shared, "
        "so compare ratios within one table rather than absolute times across "
        "runs. Peak RSS is that of the largest single process (workers each have "
        "their own), measured with GNU time where it is installed. termcheck "
        "writes JSON findings, which the recall check reads.",
    )
    text = "\n".join(lines) + "\n"
    (OUT / "results.md").write_text(text, encoding="utf-8")
    if options.record:
        (ROOT / "bench" / "RESULTS.md").write_text(text, encoding="utf-8")
        print("wrote bench/RESULTS.md")


if __name__ == "__main__":
    main()
