"""Render discovered families as text, JSON, or a ready-to-edit glossary (YAML)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Final

import click

from termcheck.discover_model import Family, Member
from termcheck.errors import one_line
from termcheck.glossary_checks import fold_form
from termcheck.glossary_writer import TermComments
from termcheck.interchange.build import unique_ids, write_imported
from termcheck.interchange.model import Imported
from termcheck.matcher import find_matches
from termcheck.model import Form, Glossary, Status, Term
from termcheck.notices import escape_json

__all__ = ["DISCOVER_FORMATS", "format_json", "format_text", "format_yaml", "uncovered"]


def format_text(families: Sequence[Family], *, color: bool = False) -> Iterator[str]:
    """Each family: a title line, then one line per wording with a few locations."""
    for number, family in enumerate(families):
        if number:
            yield ""
        title = (  # wordings as found in the documents: escaped
            f"{one_line(family.canonical)}  ({len(family.members)} wordings, "
            f"{family.total} occurrences)"
        )
        yield click.style(title, bold=True) if color else title
        texts = [one_line(member.text) for member in family.members]
        width = max(len(text) for text in texts)
        count_width = len(str(family.members[0].count))
        for member, text in zip(family.members, texts, strict=True):
            places = ", ".join(str(place) for place in member.examples)
            yield (
                f"  {member.count:>{count_width}}  {text:<{width}}  {places}"
            ).rstrip()
    yield (
        f"{len(families)} famil{'y' if len(families) == 1 else 'ies'} of "
        "variant wordings"
    )


def format_json(families: Sequence[Family], *, color: bool = False) -> Iterator[str]:
    """One JSON document with every family, its wordings, counts and locations."""
    document = {
        "version": 1,
        "families": [
            {
                "canonical": family.canonical,
                "total": family.total,
                "wordings": [
                    {
                        "text": m.text,
                        "count": m.count,
                        "examples": [
                            {"path": e.path, "line": e.line, "column": e.column}
                            for e in m.examples
                        ],
                    }
                    for m in family.members
                ],
            }
            for family in families
        ],
    }
    yield escape_json(json.dumps(document, indent=2, ensure_ascii=False))


def format_yaml(families: Sequence[Family], *, color: bool = False) -> Iterator[str]:
    """A glossary: the most frequent wording of each family is the canonical form,
    the others are forbidden; wordings that differ only in letter case make the
    term case-sensitive instead. Counts and locations are comments."""
    terms: list[Term] = []
    comments: dict[str, TermComments] = {}
    for family in families:
        terms.append(_term(family)[0])
    terms = unique_ids(terms)
    for term, family in zip(terms, families, strict=True):
        comments[term.id] = _term(family)[1]
    imported = Imported(
        tuple(terms), name="Discovered variant families", comments=comments
    )
    written = write_imported(
        imported,
        "discover",
        title=("Variant families found by termcheck discover; review before use."),
    )
    yield written.text.removesuffix("\n")


def _term(family: Family) -> tuple[Term, TermComments]:
    canonical = family.members[0]
    forms: dict[str, str] = {canonical.text: _counted(canonical)}
    above = [f"{family.total} occurrences in {len(family.members)} wordings"]
    case_only = []
    forbidden: list[Form] = []
    seen = {fold_form(canonical.text)}
    for member in family.members[1:]:
        key = fold_form(member.text)
        if key in seen:
            case_only.append(member)
            continue
        seen.add(key)
        forbidden.append(Form(member.text, Status.FORBIDDEN))
        forms[member.text] = _counted(member)
    for member in case_only:
        above.append(
            f"also written {member.text!r}: {_counted(member)} (reported as wrong case)"
        )
    term = Term(
        id="",
        canonical=canonical.text,
        forbidden=tuple(forbidden),
        case_sensitive=bool(case_only),
    )
    return term, TermComments(tuple(above), forms)


def _counted(member: Member) -> str:
    where = f", e.g. {member.examples[0]}" if member.examples else ""
    return f"{member.count}\u00d7{where}"


def uncovered(families: Sequence[Family], glossary: Glossary) -> list[Family]:
    """The families that no term of ``glossary`` covers: none of their wordings
    holds a wording of a term, or a near-miss of one."""
    return [
        f
        for f in families
        if not any(find_matches(glossary, member.text) for member in f.members)
    ]


DISCOVER_FORMATS: Final[Mapping[str, Callable[..., Iterator[str]]]] = MappingProxyType(
    {"text": format_text, "json": format_json, "yaml": format_yaml}
)
"""Formatters by ``--format`` name."""
