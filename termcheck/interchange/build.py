"""Turn imported terms into a glossary file that loads: settle conflicts, then write."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from termcheck.errors import GlossaryError
from termcheck.glossary import parse_glossary
from termcheck.glossary_checks import fold_form
from termcheck.glossary_writer import render_glossary
from termcheck.interchange.model import Imported
from termcheck.model import Form, Term

__all__ = ["GlossaryFile", "make_id", "unique_ids", "write_imported"]

_MAX_REPAIRS: Final = 500
_NOT_ID: Final = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class GlossaryFile:
    """A generated glossary: its YAML text, term count and the warnings raised."""

    text: str
    terms: int
    warnings: tuple[str, ...]


def make_id(text: str) -> str:
    """A glossary id for ``text``: lower-case, other characters become ``-``."""
    slug = _NOT_ID.sub("-", text.lower()).strip("-._")
    if slug:
        return slug
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
    return "term-" + digest[:8]


def unique_ids(terms: Iterable[Term]) -> list[Term]:
    """The terms with ids made valid and unique (``-2``, ``-3``... on repeats)."""
    seen: set[str] = set()
    out = []
    for term in terms:
        base = make_id(term.id) if term.id else make_id(term.canonical)
        term_id, number = base, 1
        while term_id in seen:
            number += 1
            term_id = f"{base}-{number}"
        seen.add(term_id)
        out.append(dataclasses.replace(term, id=term_id))
    return out


def write_imported(
    imported: Imported, source: str, title: str | None = None
) -> GlossaryFile:
    """Write ``imported`` as glossary YAML that ``parse_glossary`` accepts.

    A literal wording already used by an earlier term (or twice in one) is dropped,
    and so is any form the loader still rejects; each drop becomes a warning.
    ``title`` is the first header comment (default: where it was imported from).
    """
    title = title or f"Imported by termcheck from {source}."
    warnings = list(imported.warnings)
    terms = _dedupe(unique_ids(imported.terms), warnings)
    header = [title, *_header_warnings(warnings)]
    for _ in range(_MAX_REPAIRS):
        written = render_glossary(
            terms,
            name=imported.name,
            language=imported.language,
            header=header,
            comments=imported.comments,
        )
        try:
            parse_glossary(written.text, source)
        except GlossaryError as error:
            number, form = written.lines[error.line - 1] if error.line else (-1, "")
            if number < 0:
                raise
            terms = _drop(terms, number, form, error.problem, warnings)
            header = [title, *_header_warnings(warnings)]
            continue
        return GlossaryFile(written.text, len(terms), tuple(warnings))
    raise GlossaryError("too many conflicting entries to import", source)


def _header_warnings(warnings: Sequence[str]) -> list[str]:
    if not warnings:
        return []
    return [
        "",
        "Not carried over (check these by hand):",
        *(f"- {warning}" for warning in warnings),
    ]


def _dedupe(terms: list[Term], warnings: list[str]) -> list[Term]:
    """Drop literal forms whose wording an earlier term or form already has."""
    owners: dict[str, tuple[str, str]] = {}  # key -> (term id, exact text)
    out = []
    for term in terms:
        key = fold_form(term.canonical)
        owner = owners.get(key)
        if owner is not None:
            warnings.append(
                f"{term.canonical!r}: already a wording of term "
                f"{owner[0]!r}; entry skipped"
            )
            continue
        owners[key] = (term.id, term.canonical)
        allowed = _keep_new(term, term.allowed, owners, warnings)
        forbidden = _keep_new(term, term.forbidden, owners, warnings)
        out.append(dataclasses.replace(term, allowed=allowed, forbidden=forbidden))
    return out


def _keep_new(
    term: Term,
    forms: Sequence[Form],
    owners: dict[str, tuple[str, str]],
    warnings: list[str],
) -> tuple[Form, ...]:
    kept = []
    for form in forms:
        if form.regex:
            kept.append(form)
            continue
        key = fold_form(form.text)
        owner = owners.get(key)
        if owner is None or (
            owner[0] == term.id and term.case_sensitive and owner[1] != form.text
        ):
            owners.setdefault(key, (term.id, form.text))
            kept.append(form)
            continue
        where = "this term" if owner[0] == term.id else f"term {owner[0]!r}"
        warnings.append(
            f"{form.text!r} ({form.status.value} in {term.id!r}): "
            f"already a wording of {where}; dropped"
        )
    return tuple(kept)


def _drop(
    terms: list[Term],
    number: int,
    form_text: str,
    problem: str,
    warnings: list[str],
) -> list[Term]:
    """Remove the form (or, for its canonical or other lines, the term) at fault."""
    term = terms[number]
    if form_text and form_text != term.canonical:
        warnings.append(f"{form_text!r} (in {term.id!r}) dropped: {problem}")
        shorter = dataclasses.replace(
            term,
            allowed=tuple(f for f in term.allowed if f.text != form_text),
            forbidden=tuple(f for f in term.forbidden if f.text != form_text),
        )
        return [*terms[:number], shorter, *terms[number + 1 :]]
    warnings.append(f"term {term.id!r} skipped: {problem}")
    return [*terms[:number], *terms[number + 1 :]]
