"""Usage statistics: how often each wording of each term occurs, per file and total."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from termcheck.index import tokenize_form
from termcheck.matcher import find_matches
from termcheck.model import Glossary, Match

__all__ = ["KINDS", "FormUsage", "TermUsage", "UsageStats", "usage_stats"]

KINDS: Final = ("canonical", "allowed", "forbidden", "case", "near-miss")
"""What a counted wording is: a glossary form as written, a glossary form in
another letter case, or a near-miss of a form."""


@dataclass(frozen=True, slots=True)
class FormUsage:
    """One wording as found in the texts, with its counts per file.

    ``text`` is the glossary form for exact matches in the form's own letter case,
    else the wording as written (white space collapsed). ``form`` is the glossary
    form it was matched to (the pattern, for a regex form).
    """

    text: str
    kind: str
    form: str
    counts: tuple[tuple[str, int], ...]  # (path, count), in file order

    @property
    def total(self) -> int:
        """Occurrences in all files."""
        return sum(count for _, count in self.counts)


@dataclass(frozen=True, slots=True)
class TermUsage:
    """The wordings of one term found in the texts, most frequent first."""

    term: str
    canonical: str
    forms: tuple[FormUsage, ...]

    @property
    def total(self) -> int:
        """Occurrences of all wordings of the term."""
        return sum(form.total for form in self.forms)


@dataclass(frozen=True, slots=True)
class UsageStats:
    """Usage of every term of a glossary (sorted by id) in the files read."""

    terms: tuple[TermUsage, ...]
    files: tuple[str, ...]


def usage_stats(glossary: Glossary, texts: Iterable[tuple[str, str]]) -> UsageStats:
    """Count the wordings of every term in ``(path, text)`` pairs."""
    tallies: dict[str, dict[tuple[str, str, str], dict[str, int]]] = {
        term.id: {} for term in glossary
    }
    files = []
    for path, text in texts:
        files.append(path)
        for match in find_matches(glossary, text):
            key = _wording(glossary, match, text)
            per_file = tallies[match.term_id].setdefault(key, {})
            per_file[path] = per_file.get(path, 0) + 1
    terms = []
    for term in sorted(glossary, key=lambda t: t.id):
        forms = [
            FormUsage(text, kind, form, tuple(per_file.items()))
            for (text, kind, form), per_file in tallies[term.id].items()
        ]
        forms.sort(key=lambda f: (-f.total, KINDS.index(f.kind), f.text))
        terms.append(TermUsage(term.id, term.canonical, tuple(forms)))
    return UsageStats(tuple(terms), tuple(files))


def _wording(glossary: Glossary, match: Match, text: str) -> tuple[str, str, str]:
    """``(text, kind, form)`` under which one match is counted."""
    written = " ".join(text[match.start : match.end].split())
    form = match.form
    if not match.exact:
        return written, "near-miss", form.text
    if form.regex:
        return written, form.status.value, form.text
    if _same_case(written, form.text):
        return form.text, form.status.value, form.text
    return written, "case", form.text


def _same_case(written: str, form: str) -> bool:
    """True if ``written`` has the letter case of ``form``.

    An ending the text adds ("communities" for "community") and a capital first
    letter (as at the start of a sentence) do not count as a difference.
    """
    parsed_written, parsed_form = tokenize_form(written), tokenize_form(form)
    if parsed_written is None or parsed_form is None:
        return True
    words, wanted_words = parsed_written[1], parsed_form[1]
    if len(words) != len(wanted_words):
        return True  # a split or joined word: not a matter of case
    for position, (word, wanted) in enumerate(zip(words, wanted_words, strict=True)):
        size = (
            len(wanted)
            if word.casefold().startswith(wanted.casefold())
            else (len(wanted) - 1)
        )
        word, wanted = word[:size], wanted[:size]
        if word == wanted:
            continue
        if position == 0 and word == wanted[:1].upper() + wanted[1:]:
            continue
        return False
    return True
