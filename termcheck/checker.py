"""Check one document: mask its markup, match, classify, apply directives. No I/O."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from termcheck.classify import classify
from termcheck.directives import (
    Directive,
    Outcome,
    apply_directives,
    parse_directives,
)
from termcheck.extractors import EXTRACTORS
from termcheck.extractors.mask import blank
from termcheck.matcher import find_matches
from termcheck.model import Finding, Glossary, Match
from termcheck.quotes import mark_quoted, quotations

__all__ = [
    "Prose",
    "check_document",
    "check_text",
    "extract_prose",
    "report_matches",
]


def check_text(
    glossary: Glossary,
    text: str,
    *,
    path: str = "<string>",
    markup: str | None = None,
    inline_config: bool = True,
) -> list[Finding]:
    """All findings of ``glossary``'s terms in ``text``, sorted by position.

    ``markup`` names an extractor (``markdown``, ``rst``...; None: plain text).
    With ``inline_config``, ``termcheck:`` directives in comments apply.
    """
    outcome = check_document(
        glossary, text, path=path, markup=markup, inline_config=inline_config
    )
    return list(outcome.findings)


def check_document(
    glossary: Glossary,
    text: str,
    *,
    path: str = "<string>",
    markup: str | None = None,
    inline_config: bool = True,
    disabled: Collection[str] = (),
) -> Outcome:
    """Like :func:`check_text`, and count what directives suppressed.

    Findings of the terms in ``disabled`` are dropped (not counted).
    """
    prose = extract_prose(text, markup=markup, inline_config=inline_config)
    matches = find_matches(glossary, prose.masked)
    return report_matches(glossary, matches, text, prose, path=path, disabled=disabled)


@dataclass(frozen=True, slots=True)
class Prose:
    """A text's prose for the matcher: ``masked`` (see ``extractors``), with the
    bodies of ``directives`` blanked too; ``markup`` tells quotations apart."""

    masked: str
    directives: tuple[Directive, ...] = ()
    markup: str = "plain"


def extract_prose(
    text: str, *, markup: str | None = None, inline_config: bool = True
) -> Prose:
    """The first stage of :func:`check_document`: mask markup, read directives."""
    extraction = EXTRACTORS[markup or "plain"](text)
    masked = extraction.masked
    directives = parse_directives(text, extraction.comments) if inline_config else []
    if directives:  # a directive is never prose, even where comments are
        parts, position = [], 0
        for directive in sorted(directives, key=lambda d: d.start):
            body = blank(text[directive.start : directive.end])
            parts += [masked[position : directive.start], body]
            position = directive.end
        masked = "".join([*parts, masked[position:]])
    return Prose(masked, tuple(directives), markup or "plain")


def report_matches(
    glossary: Glossary,
    matches: Sequence[Match],
    text: str,
    prose: Prose,
    *,
    path: str = "<string>",
    disabled: Collection[str] = (),
) -> Outcome:
    """The last stage of :func:`check_document`: the matches of ``prose.masked``
    (all of them, in order) as findings, with directives and ``disabled`` applied."""
    findings = classify(glossary, matches, text, path)
    if prose.masked is not text:
        findings = [_mark_markup(f, text, prose.masked) for f in findings]
    if findings:  # someone's quoted words: said in the message, not fixed
        findings = mark_quoted(findings, quotations(text, prose.masked, prose.markup))
    if disabled:
        findings = [f for f in findings if f.term not in disabled]
    if not prose.directives:
        return Outcome(tuple(findings))
    term_ids = {term.id for term in glossary}
    return apply_directives(findings, prose.directives, term_ids, text, path)


def _mark_markup(finding: Finding, text: str, masked: str) -> Finding:
    """A span whose markup was masked cannot be rewritten without losing it."""
    original = text[finding.start : finding.end]
    prose = masked[finding.start : finding.end]
    if original.split() == prose.split():
        return finding
    return dataclasses.replace(finding, fixable=False)
