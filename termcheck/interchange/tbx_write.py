"""Write a glossary as TBX-Basic v3 (ISO 30042:2019, DCA style) that reads back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from typing import Final

from termcheck.errors import GlossaryError
from termcheck.glossary_writer import DEFAULT_FUZZY
from termcheck.interchange.model import Exported
from termcheck.interchange.tbx import METADATA_PREFIX
from termcheck.interchange.xmlsafe import XML_LANG
from termcheck.model import Form, Glossary, Severity, Status, Term

__all__ = ["TBX_NAMESPACE", "write_tbx"]

TBX_NAMESPACE: Final = "urn:iso:std:iso:30042:ed-2"
_STATUS_VALUES: Final = {
    Status.CANONICAL: "preferredTerm-admn-sts",
    Status.ALLOWED: "admittedTerm-admn-sts",
    Status.FORBIDDEN: "deprecatedTerm-admn-sts",
}


def _tag(name: str) -> str:
    return f"{{{TBX_NAMESPACE}}}{name}"


def _add(
    parent: ElementTree.Element, name: str, text: str = "", **attributes: str
) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, _tag(name), attributes)
    if text:
        element.text = text
    return element


def write_tbx(glossary: Glossary, source: str = "") -> Exported:
    """TBX-Basic v3 text: one conceptEntry per term, one termSec per literal form.

    The canonical form is a preferred term, allowed forms admitted terms and
    forbidden forms deprecated terms. Good examples become contexts of the
    preferred term, bad ones contexts of the first deprecated term. What TBX has
    no element for (case, fuzzy, severity, regex forms) goes into a concept note
    starting with ``termcheck: ``, which ``read_tbx`` reads back.
    """
    if not glossary.terms:
        raise GlossaryError(
            "cannot export an empty glossary: TBX needs at least one concept", source
        )
    ElementTree.register_namespace("", TBX_NAMESPACE)
    language = glossary.language
    root = ElementTree.Element(
        _tag("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: language}
    )
    file_description = _add(_add(root, "tbxHeader"), "fileDesc")
    if glossary.name:
        _add(_add(file_description, "titleStmt"), "title", glossary.name)
    source_description = _add(file_description, "sourceDesc")
    _add(
        source_description,
        "p",
        "Exported by termcheck" + (f" from {source}" if source else "") + ".",
    )
    body = _add(_add(root, "text"), "body")
    for term in glossary.terms:
        _concept(body, term, language)
    ElementTree.indent(root, space="  ")
    text = ElementTree.tostring(root, encoding="unicode", xml_declaration=False)
    return Exported('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")


def xml_id(term_id: str) -> str:
    """An XML ID (NCName) for a term id: ids starting with a digit get a ``_``."""
    return term_id if term_id[:1].isalpha() else "_" + term_id


def _concept(body: ElementTree.Element, term: Term, language: str) -> None:
    concept = _add(body, "conceptEntry", id=xml_id(term.id))
    if term.note:
        _add(concept, "note", term.note)
    literal_forbidden = [f for f in term.forbidden if not f.regex]
    metadata = _metadata(term, has_bad_home=bool(literal_forbidden))
    if metadata:
        _add(
            concept, "note", METADATA_PREFIX + json.dumps(metadata, ensure_ascii=False)
        )
    section = _add(concept, "langSec", **{XML_LANG: language})
    canonical = Form(term.canonical, Status.CANONICAL)
    for form in (canonical, *term.allowed, *term.forbidden):
        if form.regex:
            continue
        term_section = _add(section, "termSec")
        _add(term_section, "term", form.text)
        _add(
            term_section,
            "termNote",
            _STATUS_VALUES[form.status],
            type="administrativeStatus",
        )
        contexts: tuple[str, ...] = ()
        if form is canonical:
            contexts = term.examples.good
        elif literal_forbidden and form is literal_forbidden[0]:
            contexts = term.examples.bad
        for context in contexts:
            _add(term_section, "descrip", context, type="context")


def _metadata(term: Term, *, has_bad_home: bool) -> dict[str, object]:
    metadata: dict[str, object] = {}
    if term.case_sensitive:
        metadata["case"] = "sensitive"
    if term.fuzzy is None:
        metadata["fuzzy"] = False
    elif term.fuzzy != DEFAULT_FUZZY:
        metadata["fuzzy"] = term.fuzzy
    if term.severity is not Severity.ERROR:
        metadata["severity"] = term.severity.label
    if term.width_strict is not None:
        metadata["width"] = "strict" if term.width_strict else "fold"
    if term.inflections:
        metadata["inflections"] = [[w, list(forms)] for w, forms in term.inflections]
    regexes = [
        {"status": form.status.value, "index": index, "pattern": form.text}
        for forms in (term.allowed, term.forbidden)
        for index, form in enumerate(forms)
        if form.regex
    ]
    if regexes:
        metadata["regex"] = regexes
    if term.examples.bad and not has_bad_home:
        metadata["bad"] = list(term.examples.bad)
    return metadata
