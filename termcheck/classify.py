"""Matches to findings: decide the kind, severity, message and replacement."""

from __future__ import annotations

from collections.abc import Sequence

from termcheck.casing import carry_case, sentence_start
from termcheck.index import fold_form, head_word, tokenize_form
from termcheck.langfix import adjust_for_language
from termcheck.model import Finding, Form, Glossary, Kind, Match, Severity, Status, Term
from termcheck.text import LineIndex
from termcheck.tokens import inflect

__all__ = ["classify"]


def classify(
    glossary: Glossary, matches: Sequence[Match], text: str, path: str
) -> list[Finding]:
    """Turn the matches of one document into findings, sorted by position."""
    lines = LineIndex(text)
    findings: list[Finding] = []
    accepted: dict[str, list[Match]] = {}
    for match in matches:
        term = glossary[match.term_id]
        if not match.exact:
            kind = Kind.NEAR_MISS
        elif match.form.status is Status.FORBIDDEN:
            kind = Kind.FORBIDDEN
        elif (term.case_sensitive or term.strict_width) and not match.case_exact:
            kind = Kind.CASE
        else:
            if not _is_abbreviation(match.form.text):
                accepted.setdefault(term.id, []).append(match)
            continue
        findings.append(
            _finding(
                term,
                match,
                kind,
                _message(term, match, kind, text[match.start : match.end]),
                text,
                lines,
                path,
            )
        )
    for term_id, uses in accepted.items():
        findings.extend(_inconsistent(glossary[term_id], uses, text, lines, path))
    return sorted(findings, key=lambda f: (f.start, f.term))


def _is_abbreviation(form: str) -> bool:
    """True for "SCO", "G20": a name spelled out, then abbreviated, is consistent."""
    return 2 <= len(form) <= 8 and form.isupper() and form.isalnum()


def _message(term: Term, match: Match, kind: Kind, found: str) -> str:
    canonical = term.canonical
    quoted = '"' + " ".join(found.split()) + '"'  # a wrapped span, shown on one line
    if kind is Kind.FORBIDDEN:
        text = f'{quoted} is an unapproved variant; use "{canonical}"'
    elif kind is Kind.CASE:
        expected = _expected_case(term, match.form)
        text = f'{quoted} has the wrong letter case; write "{expected}"'
    else:
        closest = match.form.text
        like = "" if closest == canonical else f'closest form "{closest}", '
        text = (
            f'{quoted} is a near-miss of "{canonical}" '
            f'({like}score {match.score:.2f}); use "{canonical}"'
        )
    return f"{text}. {term.note}" if term.note else text


def _expected_case(term: Term, form: Form) -> str:
    return form.text if form.status.accepted else term.canonical


def _inconsistent(
    term: Term, uses: list[Match], text: str, lines: LineIndex, path: str
) -> list[Finding]:
    counts: dict[str, int] = {}
    for use in uses:
        counts[use.form.text] = counts.get(use.form.text, 0) + 1
    if len(counts) < 2:
        return []
    # The most frequent form sets the document's usage; ties go to the canonical,
    # then to the form used first.
    order = {use.form.text: i for i, use in reversed(list(enumerate(uses)))}
    majority = max(counts, key=lambda f: (counts[f], f == term.canonical, -order[f]))
    tally = ", ".join(
        f'"{form}" {count}\u00d7'
        for form, count in sorted(
            counts.items(), key=lambda item: (-item[1], order[item[0]])
        )
    )
    found = []
    for use in uses:
        if use.form.text == majority:
            continue
        message = (
            f'inconsistent usage of "{term.canonical}" in this file ({tally}); '
            f"use one form throughout"
        )
        # The fix follows the document's own majority, which may be an allowed form.
        found.append(
            _finding(term, use, Kind.INCONSISTENT, message, text, lines, path, majority)
        )
    return found


def _finding(
    term: Term,
    match: Match,
    kind: Kind,
    message: str,
    text: str,
    lines: LineIndex,
    path: str,
    replacement: str | None = None,
) -> Finding:
    line, column = lines.position(match.start)
    end_line, end_column = lines.end_position(match.end)
    severity = term.severity
    if kind in (Kind.NEAR_MISS, Kind.INCONSISTENT):
        severity = min(severity, Severity.WARNING)
    finding = Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=match.start,
        end=match.end,
        kind=kind,
        severity=severity,
        term=term.id,
        canonical=term.canonical,
        matched=text[match.start : match.end],
        score=match.score,
        message=message,
        replacement=_in_case(
            term,
            match,
            text,
            replacement if replacement is not None else _replacement(term, match),
        ),
    )
    return adjust_for_language(term, finding, text)


def _in_case(
    term: Term, match: Match, text: str, replacement: str | None
) -> str | None:
    """The replacement in the letter case of the text it replaces."""
    if replacement is None:
        return None
    return carry_case(
        replacement,
        text[match.start : match.end],
        None if match.form.regex else match.form.text,
        case_sensitive=term.case_sensitive,
        sentence_start=sentence_start(text, match.start),
    )


def _replacement(term: Term, match: Match) -> str | None:
    """The canonical form, carrying the plural or possessive of the matched text."""
    if not match.inflection:
        return term.canonical
    if match.inflection.startswith("#"):
        return listed_replacement(term, int(match.inflection[1:]))
    matched_form = tokenize_form(match.form.text)
    canonical = tokenize_form(term.canonical)
    if matched_form is None or canonical is None:
        return None
    on_last = match.inflected_word == len(matched_form[0]) - 1
    target = len(canonical[0]) - 1 if on_last else head_word(canonical[0])
    if target < 0:
        return None
    words = list(canonical[1])
    inflected = inflect(words[target], match.inflection)
    if inflected is None:
        return None
    words[target] = inflected
    return "".join(sep + word for sep, word in zip(canonical[2], words, strict=True))


def listed_replacement(term: Term, number: int) -> str | None:
    """The canonical's own ``number``-th listed inflection, if the term lists it."""
    wanted = fold_form(term.canonical)
    for wording, forms in term.inflections:
        if fold_form(wording) == wanted and number < len(forms):
            return forms[number]
    return None
