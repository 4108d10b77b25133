"""Checks across all loaded terms: unique ids, one owner per form, no contradictions."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import regex

from termcheck.errors import excerpt
from termcheck.index import first_key, first_words, fold_form
from termcheck.model import Form, Term
from termcheck.yamlnodes import Where

__all__ = ["Located", "check_terms", "fold_form"]

# Contradiction checks of regexes that start with no literal word try every
# literal form; past this many pairs they stop (the check is a courtesy).
_UNANCHORED_PAIR_BUDGET: Final = 200_000
# All regex-against-literal trials of one load together stop after this long, so
# a glossary of backtracking patterns cannot stall loading (each trial: 0.1 s).
CHECK_BUDGET_SECONDS: Final = 2.0


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed term and where its id and forms were written, for later checks."""

    term: Term
    id_at: Where
    id_derived: bool
    forms_at: tuple[Where, ...]  # parallel to term.forms


_Placed = tuple[Term, Form, Where]


def check_terms(located: Sequence[Located]) -> None:
    """Checks that need all terms at once, possibly from several files."""
    _check_unique_ids(located)
    _check_literal_forms(located)
    _check_regex_contradictions(located)


def _check_unique_ids(located: Sequence[Located]) -> None:
    seen: dict[str, Located] = {}
    for item in located:
        first = seen.setdefault(item.term.id, item)
        if first is not item:
            derived = " (derived from 'canonical'; add an 'id')" * item.id_derived
            raise item.id_at.error(
                f"duplicate id {excerpt(item.term.id)}{derived}; already used by "
                f"the term at {first.id_at}"
            )


def _placed_forms(located: Sequence[Located], regex_forms: bool) -> list[_Placed]:
    """Every literal (or every regex) form with its term and position, in order."""
    return [
        (item.term, form, where)
        for item in located
        for form, where in zip(item.term.forms, item.forms_at, strict=True)
        if form.regex is regex_forms
    ]


def _check_literal_forms(located: Sequence[Located]) -> None:
    """Each literal form belongs to one term only, and appears there once."""
    owners: dict[str, list[_Placed]] = {}
    for term, form, where in _placed_forms(located, regex_forms=False):
        earlier = owners.setdefault(fold_form(form.text), [])
        for other_term, other, other_at in earlier:
            # Case-sensitive terms may own forms that differ only in letter case.
            both_sensitive = term.case_sensitive and other_term.case_sensitive
            if both_sensitive and form.text != other.text:
                continue
            if other_term is term:
                raise where.error(
                    f"form {excerpt(form.text)} is listed twice in term "
                    f"{excerpt(term.id)} (first at {other_at})"
                )
            raise where.error(
                f"form {excerpt(form.text)} also belongs to term "
                f"{excerpt(other_term.id)} ({other_at})"
            )
        earlier.append((term, form, where))


def _check_regex_contradictions(located: Sequence[Located]) -> None:
    """A regex must not forbid a text that a literal form accepts, or the reverse.

    A regex with literal first words is only tried on literal forms that start with
    one of them, so the check stays linear in the glossary size.
    """
    literals = _placed_forms(located, regex_forms=False)
    by_first_word: dict[str, list[_Placed]] = {}
    for placed in literals:
        first = first_key(placed[1].text)
        by_first_word.setdefault(first, []).append(placed)
    budget = _UNANCHORED_PAIR_BUDGET
    deadline = time.monotonic() + CHECK_BUDGET_SECONDS
    for term, form, where in _placed_forms(located, regex_forms=True):
        anchors = first_words(form.text)
        if anchors is None:
            candidates, budget = literals[: max(budget, 0)], budget - len(literals)
        else:
            candidates = [p for word in anchors for p in by_first_word.get(word, ())]
        _check_one_regex(term, form, where, candidates, deadline)


def _check_one_regex(
    term: Term, form: Form, where: Where, literals: list[_Placed], deadline: float
) -> None:
    flags = 0 if term.case_sensitive else regex.IGNORECASE
    compiled = regex.compile(form.text, flags)
    for other_term, literal, literal_at in literals:
        if literal.status.accepted == form.status.accepted:
            continue
        remaining = min(deadline - time.monotonic(), 0.1)
        if remaining <= 0:
            return  # out of time: the check is a courtesy, loading goes on
        try:
            contradicts = (
                compiled.fullmatch(literal.text, timeout=remaining) is not None
            )
        except TimeoutError:  # pathological backtracking: give the benefit of doubt
            continue
        if contradicts:
            verb = "accepts" if literal.status.accepted else "forbids"
            raise where.error(
                f"{form.status.value} regex {excerpt(form.text, raw=True)} matches "
                f"{excerpt(literal.text)}, which term {excerpt(other_term.id)} {verb} "
                f"({literal_at})"
            )
