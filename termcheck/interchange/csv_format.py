"""Glossaries as CSV: ``id,canonical,variant,status[,note]``, one row per form."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from termcheck.errors import GlossaryError, excerpt
from termcheck.glossary_checks import fold_form
from termcheck.glossary_writer import DEFAULT_FUZZY
from termcheck.guard import read_named
from termcheck.interchange.build import make_id
from termcheck.interchange.model import Exported, Imported
from termcheck.model import Form, Glossary, Severity, Status, Term

__all__ = ["COLUMNS", "read_csv", "write_csv"]

COLUMNS: Final = ("id", "canonical", "variant", "status", "note")
_REQUIRED: Final = COLUMNS[:4]


@dataclass(slots=True)
class _Draft:
    """A term being assembled from its rows."""

    id: str
    canonical: str
    row: int
    allowed: list[Form] = field(default_factory=list)
    forbidden: list[Form] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_csv(path: Path, lang: str | None = None) -> Imported:
    """Read a CSV glossary; any problem is a GlossaryError citing the row's line."""
    shown = str(path)
    try:
        text = read_named(path).decode("utf-8-sig")
    except OSError as error:
        raise GlossaryError(f"cannot read: {error.strerror or error}", shown) from None
    except UnicodeDecodeError as error:
        raise GlossaryError(f"not UTF-8 text (byte {error.start})", shown) from None
    drafts: dict[str, _Draft] = {}
    owners: dict[str, int] = {}  # form key -> row that first used it
    for line, row in _rows(text, shown):
        _add_row(drafts, owners, row, line, shown)
    terms = tuple(
        Term(
            id=d.id,
            canonical=d.canonical,
            allowed=tuple(d.allowed),
            forbidden=tuple(d.forbidden),
            note=" ".join(d.notes),
        )
        for d in drafts.values()
    )
    return Imported(terms, language=lang or "en")


def _rows(text: str, shown: str) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, row)`` for every data row, keyed by lower-case column name."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    header: list[str] | None = None
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = _header(cells, start, shown)
                continue
            if len(cells) > len(header):
                raise GlossaryError(
                    f"{len(cells)} cells, but the header names {len(header)} columns",
                    shown,
                    start,
                )
            yield (
                start,
                {
                    name: cells[i].strip() if i < len(cells) else ""
                    for i, name in enumerate(header)
                },
            )
    except csv.Error as error:
        raise GlossaryError(f"malformed CSV: {error}", shown, line) from None
    if header is None:
        raise GlossaryError(
            f"the CSV file is empty; expected a header row {','.join(COLUMNS)}", shown
        )


def _header(cells: list[str], line: int, shown: str) -> list[str]:
    names = [cell.strip().lower() for cell in cells]
    unknown = [name for name in names if name not in COLUMNS]
    missing = [name for name in _REQUIRED if name not in names]
    if unknown or missing or len(set(names)) != len(names):
        raise GlossaryError(
            f"the header row must name the columns {','.join(_REQUIRED)}[,note], "
            f"got {excerpt(','.join(cells))}",
            shown,
            line,
        )
    return names


def _add_row(
    drafts: dict[str, _Draft],
    owners: dict[str, int],
    row: dict[str, str],
    line: int,
    shown: str,
) -> None:
    canonical = " ".join(row["canonical"].split())
    variant = " ".join(row["variant"].split()) or canonical
    status_text = row["status"].lower()
    if status_text not in ("canonical", "allowed", "forbidden"):
        raise GlossaryError(
            f"status {excerpt(row['status'])} must be canonical, allowed or forbidden",
            shown,
            line,
        )
    if not canonical:
        raise GlossaryError("the canonical column is empty", shown, line)
    term_id = row["id"] or make_id(canonical)
    if term_id not in drafts:
        drafts[term_id] = _Draft(term_id, canonical, line)
        owners.setdefault(fold_form(canonical), line)
    draft = drafts[term_id]
    if draft.canonical != canonical:
        raise GlossaryError(
            f"term {excerpt(term_id)} has canonical {excerpt(draft.canonical)} "
            f"on line {draft.row}, not {excerpt(canonical)}",
            shown,
            line,
        )
    status = Status(status_text)
    if status is Status.CANONICAL and variant != canonical:
        raise GlossaryError(
            f"a canonical row's variant must be its canonical "
            f"{excerpt(canonical)}, not {excerpt(variant)}",
            shown,
            line,
        )
    key = fold_form(variant)
    first = owners.setdefault(key, line)
    if first != line and not (
        status is Status.CANONICAL
        and fold_form(canonical) == key
        and first == draft.row
    ):
        raise GlossaryError(
            f"{excerpt(variant)} is already listed on line {first}", shown, line
        )
    if status is Status.ALLOWED:
        draft.allowed.append(Form(variant, status))
    elif status is Status.FORBIDDEN:
        draft.forbidden.append(Form(variant, status))
    note = " ".join(row.get("note", "").split())
    if note and note not in draft.notes:
        draft.notes.append(note)


def write_csv(glossary: Glossary, source: str = "") -> Exported:
    """One row per literal form, canonical first; the note on the canonical row.

    Regex forms, examples and the case, fuzzy and severity settings have no
    column: they are listed in the warnings.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    lost: dict[str, list[str]] = {}
    for term in glossary.terms:
        writer.writerow(
            (term.id, term.canonical, term.canonical, "canonical", term.note)
        )
        for form in (*term.allowed, *term.forbidden):
            if not form.regex:
                writer.writerow(
                    (term.id, term.canonical, form.text, form.status.value, "")
                )
        for what in _settings_lost(term):
            lost.setdefault(what, []).append(term.id)
    warnings = tuple(
        f"{what} ({len(ids)} term{'s' * (len(ids) > 1)}: {', '.join(ids)})"
        for what, ids in lost.items()
    )
    return Exported(out.getvalue(), warnings)


def _settings_lost(term: Term) -> Iterator[str]:
    """What CSV has no column for, in this term."""
    if any(form.regex for form in (*term.allowed, *term.forbidden)):
        yield "regex forms"
    if term.case_sensitive:
        yield "case: sensitive"
    if term.fuzzy != DEFAULT_FUZZY:
        yield "fuzzy settings"
    if term.severity is not Severity.ERROR:
        yield "severities"
    if term.examples.bad or term.examples.good:
        yield "examples"
