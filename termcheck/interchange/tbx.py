"""Read TBX: v3 (ISO 30042:2019, DCA and DCT styles) and the older v2 martif."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from termcheck.errors import GlossaryError, clipped
from termcheck.glossary_writer import DEFAULT_FUZZY
from termcheck.guard import read_named
from termcheck.interchange.model import Imported
from termcheck.interchange.xmlsafe import XML_LANG, local_name, parse_xml
from termcheck.model import Examples, Form, Severity, Status, Term

__all__ = ["METADATA_PREFIX", "read_tbx"]

METADATA_PREFIX: Final = "termcheck: "
"""A concept note starting with this holds settings TBX has no place for (JSON)."""

_CONCEPTS: Final = frozenset({"conceptEntry", "termEntry"})
_LANGUAGES: Final = frozenset({"langSec", "langSet"})
_TERMS: Final = frozenset({"termSec", "tig", "ntig"})
# Elements whose ``type`` attribute names the data category (DCA style).
_TYPED: Final = frozenset({"termNote", "descrip", "admin"})
_STATUS_CATEGORIES: Final = ("administrativeStatus", "normativeAuthorization")
# administrativeStatus values (TBX-Basic picklist, "-admn-sts" removed), and the
# older TBX v2 / normativeAuthorization spellings.
_STATUSES: Final = {
    "preferredterm": Status.CANONICAL,
    "standardizedterm": Status.CANONICAL,
    "admittedterm": Status.ALLOWED,
    "legalterm": Status.ALLOWED,
    "regulatedterm": Status.ALLOWED,
    "deprecatedterm": Status.FORBIDDEN,
    "supersededterm": Status.FORBIDDEN,
    "obsolete": Status.FORBIDDEN,
}


@dataclass(slots=True)
class _TermEntry:
    """One term of a concept in the chosen language."""

    text: str
    status: Status | None
    contexts: list[str] = field(default_factory=list)


def read_tbx(path: Path, lang: str | None = None) -> Imported:
    """Read one TBX file; each concept with terms in language ``lang`` is a term."""
    shown = str(path)
    try:
        data = read_named(path)
    except OSError as error:
        raise GlossaryError(f"cannot read: {error.strerror or error}", shown) from None
    root = parse_xml(data, shown)
    if local_name(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(
            f"not a TBX file: the root element is <{clipped(local_name(root.tag))}>, "
            "expected <tbx> (TBX v3) or <martif> (TBX v2)",
            shown,
        )
    concepts = [e for e in root.iter() if local_name(e.tag) in _CONCEPTS]
    language = _choose_language(root, concepts, lang, shown)
    warnings: list[str] = []
    terms = []
    rejected_only = []
    for concept in concepts:
        if not any(
            _matches(section.get(XML_LANG, ""), language)
            for section in _children(concept, _LANGUAGES)
        ):
            continue  # the concept has no terms in this language
        term = _concept_term(concept, language, warnings)
        if term is None:
            rejected_only.append(concept.get("id", "?"))
        else:
            terms.append(term)
    if rejected_only:
        warnings.append(
            f"concept(s) {', '.join(rejected_only)} have only deprecated "
            f"{language!r} terms and nothing to suggest; skipped"
        )
    return Imported(tuple(terms), _title(root), language, tuple(warnings))


def _title(root: ElementTree.Element) -> str:
    for element in root.iter():
        if local_name(element.tag) == "title":
            return _text(element)
    return ""


def _text(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _children(
    element: ElementTree.Element, names: frozenset[str]
) -> Iterator[ElementTree.Element]:
    return (child for child in element if local_name(child.tag) in names)


def _matches(tag: str, lang: str) -> bool:
    tag, lang = tag.casefold(), lang.casefold()
    return tag == lang or tag.startswith(lang + "-")


def _choose_language(
    root: ElementTree.Element,
    concepts: list[ElementTree.Element],
    lang: str | None,
    shown: str,
) -> str:
    present = sorted(
        {
            section.get(XML_LANG, "")
            for concept in concepts
            for section in _children(concept, _LANGUAGES)
        }
        - {""}
    )
    if lang is not None:
        if any(_matches(tag, lang) for tag in present):
            return lang
        raise GlossaryError(
            f"no terms in language {lang!r}; languages present: "
            f"{clipped(', '.join(present)) if present else 'none'}",
            shown,
        )
    default = root.get(XML_LANG)
    if default and any(_matches(tag, default) for tag in present):
        return default
    if len(present) == 1:
        return present[0]
    if not present:
        raise GlossaryError("no terms found (no language section has any)", shown)
    raise GlossaryError(
        f"the file has several languages ({clipped(', '.join(present))}); "
        "choose one with --lang",
        shown,
    )


def _concept_term(
    concept: ElementTree.Element, language: str, warnings: list[str]
) -> Term | None:
    concept_id = concept.get("id", "")
    notes, metadata = _notes(concept)
    entries: list[_TermEntry] = []
    for section in _children(concept, _LANGUAGES):
        if _matches(section.get(XML_LANG, ""), language):
            section_notes, _ = _notes(section)
            notes += section_notes
            for container in _children(section, _TERMS):
                entry, term_note = _term_entry(container, concept_id, warnings)
                if entry is not None:
                    entries.append(entry)
                if term_note:
                    notes.append(term_note)
    return _term(concept_id, entries, " ".join(notes), metadata)


def _notes(element: ElementTree.Element) -> tuple[list[str], dict[str, object]]:
    """Plain notes of ``element`` and the termcheck metadata note, if any."""
    notes: list[str] = []
    metadata: dict[str, object] = {}
    for note in _children(element, frozenset({"note"})):
        text = _text(note)
        if text.startswith(METADATA_PREFIX):
            try:
                loaded = json.loads(text[len(METADATA_PREFIX) :])
            except (ValueError, RecursionError):  # deep nesting: a plain note
                loaded = None
            if isinstance(loaded, dict):
                metadata = loaded
                continue
        if text:
            notes.append(text)
    return notes, metadata


def _categories(container: ElementTree.Element) -> Iterator[tuple[str, str]]:
    """``(data category, value)`` pairs below a term container, DCA or DCT style."""
    for element in container.iter():
        name = local_name(element.tag)
        if name in _TYPED:
            yield element.get("type", ""), _text(element)
        elif element.tag.startswith("{") and not element.tag.startswith(
            "{urn:iso:std:iso:30042"
        ):
            yield name, _text(element)  # DCT: <min:administrativeStatus>...


def _term_entry(
    container: ElementTree.Element, concept_id: str, warnings: list[str]
) -> tuple[_TermEntry | None, str]:
    term_element = next(
        (e for e in container.iter() if local_name(e.tag) == "term"), None
    )
    text = _text(term_element) if term_element is not None else ""
    if not text:
        return None, ""
    entry = _TermEntry(text, None)
    term_types: list[str] = []
    for category, value in _categories(container):
        if category in _STATUS_CATEGORIES:
            entry.status = _status(value, text, concept_id, warnings)
        elif category == "termType" and value:
            term_types.append(value)
        elif category == "context" and value:
            entry.contexts.append(value)
    notes = [_text(n) for n in container.iter() if local_name(n.tag) == "note"]
    described = "; ".join(filter(None, [*term_types, *notes]))
    if described and described[-1] not in ".!?":
        described += "."
    return entry, f'"{text}": {described}' if described else ""


def _status(
    value: str, text: str, concept_id: str, warnings: list[str]
) -> Status | None:
    key = value.casefold().removesuffix("-admn-sts")
    status = _STATUSES.get(key)
    if status is None:
        warnings.append(
            f"concept {concept_id or '?'}: unknown status {value!r} of "
            f"{text!r}; imported as allowed"
        )
        return Status.ALLOWED
    return status


def _term(
    concept_id: str,
    entries: list[_TermEntry],
    note: str,
    metadata: dict[str, object],
) -> Term | None:
    accepted = [e for e in entries if e.status is not Status.FORBIDDEN]
    if not accepted:
        return None
    canonical = next((e for e in accepted if e.status is Status.CANONICAL), accepted[0])
    others = [e for e in accepted if e is not canonical]
    rejected = [e for e in entries if e.status is Status.FORBIDDEN]
    good = [c for e in [canonical, *others] for c in e.contexts]
    bad = [c for e in rejected for c in e.contexts]
    allowed = [Form(e.text, Status.ALLOWED) for e in others]
    forbidden = [Form(e.text, Status.FORBIDDEN) for e in rejected]
    for status, index, pattern in _regex_forms(metadata):
        target = allowed if status is Status.ALLOWED else forbidden
        target.insert(min(index, len(target)), Form(pattern, status, regex=True))
    extra_bad = metadata.get("bad")
    if isinstance(extra_bad, list):
        bad += [text for text in extra_bad if isinstance(text, str)]
    severity = metadata.get("severity")
    return Term(
        id=concept_id,
        canonical=canonical.text,
        allowed=tuple(allowed),
        forbidden=tuple(forbidden),
        case_sensitive=metadata.get("case") == "sensitive",
        fuzzy=_fuzzy(metadata.get("fuzzy", DEFAULT_FUZZY)),
        severity=Severity.from_label(severity)
        if severity in ("error", "warning", "info")
        else Severity.ERROR,
        note=note,
        examples=Examples(tuple(bad), tuple(good)),
        width_strict={"strict": True, "fold": False}.get(str(metadata.get("width"))),
        inflections=_inflections(metadata.get("inflections")),
    )


def _inflections(value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Listed inflections stored by termcheck's export: ``[[wording, [forms]]]``."""
    found = []
    for item in value if isinstance(value, list) else ():
        if (
            isinstance(item, list)
            and len(item) == 2
            and isinstance(item[0], str)
            and isinstance(item[1], list)
            and all(isinstance(form, str) for form in item[1])
        ):
            found.append((item[0], tuple(item[1])))
    return tuple(found)


def _fuzzy(value: object) -> float | None:
    if value is False:
        return None
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and (0 < value <= 1)
    ):
        return float(value)
    return DEFAULT_FUZZY


def _regex_forms(metadata: dict[str, object]) -> Iterator[tuple[Status, int, str]]:
    """Regex forms stored by termcheck's export: status, position, pattern."""
    items = metadata.get("regex")
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict):
            continue
        pattern, status, index = (
            item.get("pattern"),
            item.get("status"),
            item.get("index", 1_000_000),
        )
        if (
            isinstance(pattern, str)
            and status in ("allowed", "forbidden")
            and (isinstance(index, int))
        ):
            yield Status(status), index, pattern
