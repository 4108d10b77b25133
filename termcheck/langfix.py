"""Language rules for a finding's replacement and message, after classifying.

Turkish and Azerbaijani capitals of i are İ; Greek capitals carry no accents; a
term that wraps without spaces (Chinese, Japanese) keeps its line break where
it is fixed; a French or Italian elided article before a replacement that does
not start with a vowel cannot stay as it is.
"""

from __future__ import annotations

import dataclasses
from typing import Final

import regex

from termcheck.languages import profile_for
from termcheck.model import Finding, Kind, Term
from termcheck.normalize import strip_marks, width_differs
from termcheck.tokens import is_cjk

__all__ = ["adjust_for_language"]

_ELIDED_BEFORE: Final = regex.compile(
    r"(?:^|\W)(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|un|dell|all|dall|nell"
    r"|sull|coll|quell|quest)['\u2019]\Z",
    regex.IGNORECASE,
)
_VOWEL_START: Final = regex.compile(r"[aeiouyhàâäáéèêëíìîïóòôöúùûüœæ]", regex.I)
_BREAK: Final = regex.compile(r"\s*(?:\r\n|\r|\n)\s*")


def adjust_for_language(term: Term, finding: Finding, text: str) -> Finding:
    """``finding`` with its replacement and message fitted to the term's language."""
    replacement = finding.replacement
    if finding.kind is Kind.CASE and width_differs(finding.matched):
        message = finding.message.replace(
            "has the wrong letter case", "has the wrong character width", 1
        )
        finding = dataclasses.replace(finding, message=message)
    if replacement is None:
        return finding
    profile = profile_for(term.language)
    if profile.dotted_i:
        replacement = _turkish_capitals(replacement, finding.matched, term.canonical)
    elif profile.tag == "el" and replacement.isupper():
        replacement = strip_marks(replacement).upper()
    replacement = _keep_break(finding.matched, replacement)
    if replacement != finding.replacement:
        finding = dataclasses.replace(finding, replacement=replacement)
    if (
        profile.elisions
        and _ELIDED_BEFORE.search(text, max(0, finding.start - 8), finding.start)
        and _VOWEL_START.match(finding.matched) is not None
        and _VOWEL_START.match(replacement) is None
    ):
        note = "the elided article before it would have to change too; edit by hand"
        finding = dataclasses.replace(finding, fixable=False, fix_note=note)
    return finding


def _turkish_capitals(replacement: str, matched: str, canonical: str) -> str:
    """Python upper-cases i to I; Turkish writes İ (and ı to I)."""
    if replacement == canonical:
        return replacement
    if matched.isupper():
        return canonical.replace("i", "\u0130").replace("\u0131", "I").upper()
    if replacement[:1] == "I" and canonical[:1] == "i":
        return "\u0130" + replacement[1:]
    return replacement


def _keep_break(matched: str, replacement: str) -> str:
    """Put the line break of a matched term that wrapped without a space (CJK)
    into the replacement, at about the same place."""
    breaks = list(_BREAK.finditer(matched))
    if len(breaks) != 1 or any(c.isspace() for c in replacement):
        return replacement
    found = breaks[0]
    before, after = matched[: found.start()], matched[found.end() :]
    if not (before and after and is_cjk(before[-1]) and is_cjk(after[0])):
        return replacement
    share = len(before) / max(len(before) + len(after), 1)
    cut = min(max(round(share * len(replacement)), 1), len(replacement) - 1)
    return replacement[:cut] + found.group() + replacement[cut:]
