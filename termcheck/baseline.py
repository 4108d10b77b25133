"""Baselines: fingerprint findings without line numbers; load, write and apply them."""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import regex

from termcheck.errors import ConfigError
from termcheck.guard import read_named
from termcheck.model import FileResult, Finding, Report
from termcheck.notices import escape_json

__all__ = [
    "CONTEXT_WORDS",
    "VERSION",
    "Baseline",
    "BaselineBuilder",
    "baseline_document",
    "baseline_path",
    "fingerprint",
    "fingerprints",
    "hidden",
    "hidden_report",
    "load_baseline",
    "write_baseline",
]

VERSION: Final = 1
"""The ``version`` of the baseline file format."""

CONTEXT_WORDS: Final = 4
"""Words taken on each side of a finding, on its own line(s), for its fingerprint."""

# Words for the context of a fingerprint; punctuation and spacing do not count.
#   "loans (to OBOR) grew" -> "loans", "to", "OBOR", "grew"
_WORD: Final = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def baseline_path(display: str) -> str:
    """The path a fingerprint uses: ``/``-separated, relative where possible.

    ``./docs/a.md``, ``docs//a.md`` and an absolute path inside the current
    folder all become ``docs/a.md``, so a baseline fits however files are named.
    """
    path = display.replace(os.sep, "/") if os.sep != "/" else display
    if posixpath.isabs(path) or (len(path) > 1 and path[1] == ":"):
        absolute, here = Path(display), Path.cwd()
        if absolute.is_relative_to(here):
            path = absolute.relative_to(here).as_posix()
    return posixpath.normpath(path)


def fingerprint(finding: Finding, text: str) -> str:
    """A stable id of ``finding``: path, term, matched text and the words around it.

    Only words on the finding's own line(s) count, so editing or inserting other
    lines keeps the fingerprint; line numbers are not part of it.
    """
    start, end = finding.start, finding.end
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start))
    ends = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    line_end = min(ends) if ends else len(text)
    before = _WORD.findall(text, line_start + 1, finding.start)[-CONTEXT_WORDS:]
    after = _WORD.findall(text, finding.end, line_end)[:CONTEXT_WORDS]
    parts = (
        baseline_path(finding.path),
        finding.term,
        " ".join(finding.matched.split()),
        " ".join(before),
        " ".join(after),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Baseline:
    """How many findings with each fingerprint are accepted."""

    counts: Mapping[str, int] = field(default_factory=dict)

    def split(
        self, text: str, findings: Iterable[Finding]
    ) -> tuple[list[Finding], list[Finding]]:
        """Findings to report and findings the baseline hides, in text order.

        A fingerprint hides as many findings as its count, the first ones in the
        text; further copies are new and reported.
        """
        left = dict(self.counts)
        kept: list[Finding] = []
        hidden: list[Finding] = []
        for finding in sorted(findings, key=lambda f: (f.start, f.term)):
            key = fingerprint(finding, text)
            if left.get(key, 0) > 0:
                left[key] -= 1
                hidden.append(finding)
            else:
                kept.append(finding)
        return kept, hidden


def load_baseline(path: str) -> Baseline:
    """Read a baseline file written by :func:`write_baseline`.

    Raises ConfigError naming the file when it is missing or not a baseline.
    """
    try:
        data = json.loads(read_named(Path(path)).decode("utf-8"))
    except OSError as error:
        problem = f"cannot read baseline: {error.strerror or error}"
        raise ConfigError(problem, path=path) from error
    except ValueError as error:  # bad JSON or bad UTF-8
        raise ConfigError(f"not a termcheck baseline: {error}", path=path) from error
    except RecursionError:  # the json module parses nested arrays recursively
        problem = "not a termcheck baseline: JSON nested too deeply"
        raise ConfigError(problem, path=path) from None
    counts: dict[str, int] = {}
    for entry in _entries(data, path):
        key = entry["fingerprint"]
        counts[key] = counts.get(key, 0) + entry["count"]
    return Baseline(counts)


def _entries(data: Any, path: str) -> list[dict[str, Any]]:
    """The ``findings`` of a baseline document, checked."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ConfigError(f"not a termcheck baseline (version {VERSION})", path=path)
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise ConfigError("not a termcheck baseline: no findings list", path=path)
    for number, entry in enumerate(entries, start=1):
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("fingerprint"), str)
            and isinstance(entry.get("count"), int)
            and not isinstance(entry.get("count"), bool)
            and entry["count"] >= 1
        ):
            problem = f"baseline entry {number} needs a fingerprint and a count >= 1"
            raise ConfigError(problem, path=path)
    return entries


def baseline_document(report: Report, sources: Mapping[str, str]) -> dict[str, Any]:
    """The baseline of every finding in ``report`` (``sources``: each file's text)."""
    builder = BaselineBuilder()
    for result in report.results:
        builder.add(result, sources.get(result.path, ""))
    return builder.document()


class BaselineBuilder:
    """A baseline gathered one file at a time (``--write-baseline``).

    It keeps one entry per distinct fingerprint, not the findings.
    """

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, Any]] = {}
        self.count = 0

    def add(self, result: FileResult, text: str = "") -> None:
        """Record the findings of ``result``; ``text`` is the file's text, needed
        unless the result carries its fingerprints."""
        keys = result.fingerprints
        if len(keys) != len(result.findings):
            keys = tuple(fingerprints(result.findings, {result.path: text}))
        for finding, key in zip(result.findings, keys, strict=True):
            entry = self._entries.setdefault(
                key,
                {
                    "path": baseline_path(finding.path),
                    "term": finding.term,
                    "matched": " ".join(finding.matched.split()),
                    "fingerprint": key,
                    "count": 0,
                },
            )
            entry["count"] += 1
        self.count += len(result.findings)

    def document(self) -> dict[str, Any]:
        """The baseline document: entries sorted by path, term, matched text."""
        ordered = sorted(
            self._entries.values(),
            key=lambda e: (e["path"], e["term"], e["matched"], e["fingerprint"]),
        )
        return {"version": VERSION, "findings": ordered}

    def text(self) -> str:
        """The file's text: sorted keys and a final newline, so that it diffs well."""
        document = self.document()
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
        return escape_json(text) + "\n"  # C1 and bidi controls as \\u escapes


def write_baseline(path: str, report: Report, sources: Mapping[str, str]) -> int:
    """Write the baseline of ``report`` to ``path`` atomically; return its size.

    Keys are sorted and the file ends with a newline, so that it diffs well.
    """
    from termcheck.atomic import write_atomic

    builder = BaselineBuilder()
    for result in report.results:
        builder.add(result, sources.get(result.path, ""))
    write_atomic(Path(path), builder.text().encode("utf-8"))
    return builder.count


def hidden(result: FileResult) -> FileResult:
    """``result`` with every finding counted as baselined (after writing one)."""
    return replace(
        result,
        findings=(),
        fingerprints=(),
        baselined=result.baselined + len(result.findings),
    )


def hidden_report(report: Report) -> Report:
    """``report`` with every finding counted as baselined (after writing one)."""
    return Report(tuple(hidden(r) for r in report.results), warnings=report.warnings)


def fingerprints(findings: Sequence[Finding], sources: Mapping[str, str]) -> list[str]:
    """The fingerprint of each finding, its text looked up in ``sources``."""
    return [fingerprint(f, sources.get(f.path, "")) for f in findings]
