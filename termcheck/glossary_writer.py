"""Write terms as a commented, ready-to-edit glossary YAML file (format version 1)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

import yaml

from termcheck.model import Form, Severity, Term

__all__ = ["DEFAULT_FUZZY", "TermComments", "WrittenGlossary", "render_glossary"]

DEFAULT_FUZZY: Final = 0.88
# Text that YAML reads back unchanged without quotes: starts with a letter or digit,
# no ": " or " #", no trailing colon, and not a word YAML 1.1 gives a meaning to.
#   "Belt and Road Initiative" -> plain;  "yes", "a: b", "#x", "1.0" -> quoted
_PLAIN: Final = re.compile(r"[A-Za-z\u00c0-\uffff][\w\u00c0-\uffff .,'’()/&+-]*")
_YAML_WORDS: Final = frozenset("y n yes no true false on off null ~".split())


@dataclass(frozen=True, slots=True)
class TermComments:
    """Comment lines written above a term, and trailing comments by form text."""

    above: tuple[str, ...] = ()
    forms: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class WrittenGlossary:
    """The YAML text, and which term and form each line holds (for error mapping).

    ``lines[n]`` is ``(term index, form text)`` for line ``n + 1``; the form text is
    empty on lines that belong to a term but to none of its forms, and the term
    index is -1 on lines outside any term.
    """

    text: str
    lines: tuple[tuple[int, str], ...]


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back unchanged: plain or quoted."""
    if (
        _PLAIN.fullmatch(text)
        and text.casefold() not in _YAML_WORDS
        and text == text.strip()
        and "  " not in text
    ):
        return text
    dumped: str = yaml.safe_dump(
        text, default_style='"', allow_unicode=True, width=1_000_000
    )
    return dumped.rstrip("\n").removesuffix("\n...").rstrip("\n")


def render_glossary(
    terms: Sequence[Term],
    *,
    name: str = "",
    language: str = "en",
    header: Sequence[str] = (),
    comments: Mapping[str, TermComments] | None = None,
) -> WrittenGlossary:
    """Render ``terms`` as a glossary that ``parse_glossary`` reads back as written.

    ``header`` lines become comments at the top; ``comments`` maps term ids to the
    comments written with that term. Settings equal to the defaults are left out.
    """
    comments = comments or {}
    out: list[tuple[int, str, str]] = [
        (-1, "", "# " + line if line else "#") for line in header
    ]
    if header:
        out.append((-1, "", ""))
    out.append((-1, "", "version: 1"))
    if name:
        out.append((-1, "", f"name: {scalar(name)}"))
    out.append((-1, "", f"language: {scalar(language)}"))
    out.append((-1, "", "terms:" if terms else "terms: []"))
    for number, term in enumerate(terms):
        if number:
            out.append((number, "", ""))
        lines = _term_lines(term, comments.get(term.id, TermComments()))
        out.extend((number, form, line) for form, line in lines)
    text = "\n".join(line for _, _, line in out) + "\n"
    return WrittenGlossary(text, tuple((number, form) for number, form, _ in out))


def _term_lines(term: Term, notes: TermComments) -> Iterator[tuple[str, str]]:
    """``(form text or "", line)`` pairs of one term's entry."""
    for line in notes.above:
        yield "", f"  # {line}".rstrip()
    yield "", f"  - id: {scalar(term.id)}"
    yield (
        term.canonical,
        _with_comment(
            f"    canonical: {scalar(term.canonical)}", notes.forms.get(term.canonical)
        ),
    )
    for key, forms in (("allowed", term.allowed), ("forbidden", term.forbidden)):
        if forms:
            yield "", f"    {key}:"
            for form in forms:
                yield (
                    form.text,
                    _with_comment(f"      - {_form(form)}", notes.forms.get(form.text)),
                )
    yield from (("", line) for line in _settings(term))
    if term.note:
        yield "", f"    note: {scalar(term.note)}"
    if term.examples.bad or term.examples.good:
        yield "", "    examples:"
        for key, texts in (("bad", term.examples.bad), ("good", term.examples.good)):
            if texts:
                yield "", f"      {key}:"
                yield from (("", f"        - {scalar(text)}") for text in texts)


def _form(form: Form) -> str:
    return f"regex: {scalar(form.text)}" if form.regex else scalar(form.text)


def _with_comment(line: str, comment: str | None) -> str:
    return f"{line}  # {comment}" if comment else line


def _settings(term: Term) -> Iterator[str]:
    if term.case_sensitive:
        yield "    case: sensitive"
    if term.fuzzy is None:
        yield "    fuzzy: false"
    elif term.fuzzy != DEFAULT_FUZZY:
        yield f"    fuzzy: {term.fuzzy!r}"
    if term.severity is not Severity.ERROR:
        yield f"    severity: {term.severity.label}"
    if term.width_strict is not None:
        yield f"    width: {'strict' if term.width_strict else 'fold'}"
    if term.inflections:
        yield "    inflections:"
        for wording, forms in term.inflections:
            listed = ", ".join(scalar(form) for form in forms)
            yield f"      {scalar(wording)}: [{listed}]"
