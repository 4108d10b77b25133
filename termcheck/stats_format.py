"""Render usage statistics as an aligned table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

import click

from termcheck.errors import one_line
from termcheck.notices import escape_json
from termcheck.stats import TermUsage, UsageStats

__all__ = ["STATS_FORMATS", "format_csv", "format_json", "format_text"]

_COLORS: Final = {
    "canonical": "green",
    "allowed": "cyan",
    "forbidden": "red",
    "case": "yellow",
    "near-miss": "magenta",
}
_HEADER: Final = ("TERM", "WORDING", "KIND", "TOTAL", "FILES")


def format_text(stats: UsageStats, *, color: bool = False) -> Iterator[str]:
    """An aligned table: one row per wording, terms sorted by id; then the terms not
    found and a summary."""
    rows = [row for term in stats.terms for row in _rows(term)]
    widths = [max(len(row[i]) for row in [_HEADER, *rows]) for i in range(3)]
    total_width = max(len(row[3]) for row in [_HEADER, *rows])

    def line(row: tuple[str, str, str, str, str]) -> str:
        kind = row[2].ljust(widths[2])
        if color and row[2] in _COLORS:
            kind = click.style(kind, fg=_COLORS[row[2]])
        cells = (
            row[0].ljust(widths[0]),
            row[1].ljust(widths[1]),
            kind,
            row[3].rjust(total_width),
            row[4],
        )
        return "  ".join(cells).rstrip()

    yield line(_HEADER)
    yield from (line(row) for row in rows)
    missing = [term.term for term in stats.terms if not term.forms]
    if missing:
        yield f"not found ({len(missing)}): {', '.join(missing)}"
    found = sum(term.total for term in stats.terms)
    used = sum(1 for term in stats.terms if term.total)
    yield (
        f"{found} occurrence{'s' * (found != 1)} of {used} of "
        f"{len(stats.terms)} terms in {len(stats.files)} "
        f"file{'s' * (len(stats.files) != 1)}"
    )


def _rows(term: TermUsage) -> Iterator[tuple[str, str, str, str, str]]:
    for number, form in enumerate(term.forms):
        files = ", ".join(f"{path} {count}" for path, count in form.counts)
        yield (
            term.term if number == 0 else "",
            one_line(form.text),  # a wording as found in a document
            form.kind,
            str(form.total),
            files,
        )


def format_json(stats: UsageStats, *, color: bool = False) -> Iterator[str]:
    """One JSON document: every term with its wordings and counts per file."""
    document = {
        "version": 1,
        "files": list(stats.files),
        "terms": [
            {
                "term": term.term,
                "canonical": term.canonical,
                "total": term.total,
                "wordings": [
                    {
                        "text": form.text,
                        "kind": form.kind,
                        "form": form.form,
                        "total": form.total,
                        "files": dict(form.counts),
                    }
                    for form in term.forms
                ],
            }
            for term in stats.terms
        ],
    }
    yield escape_json(json.dumps(document, indent=2, ensure_ascii=False))


def format_csv(stats: UsageStats, *, color: bool = False) -> Iterator[str]:
    """One row per wording: term, wording, kind, form, total, then a column a file."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("term", "text", "kind", "form", "total", *stats.files))
    for term in stats.terms:
        for form in term.forms:
            counts = dict(form.counts)
            writer.writerow(
                (
                    term.term,
                    form.text,
                    form.kind,
                    form.form,
                    form.total,
                    *(counts.get(path, 0) for path in stats.files),
                )
            )
    yield out.getvalue().removesuffix("\n")


STATS_FORMATS: Final[Mapping[str, Callable[..., Iterator[str]]]] = MappingProxyType(
    {"text": format_text, "json": format_json, "csv": format_csv}
)
"""Formatters by ``--format`` name."""
