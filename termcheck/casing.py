"""Letter case of replacements: carry the replaced text's style over to the new one."""

from __future__ import annotations

from typing import Final

import regex

from termcheck.tokens import FUNCTION_WORDS

__all__ = ["carry_case", "carry_typography", "line_opener", "sentence_start"]

# Words of a replacement or a matched span, for case styles.
#   "confidence-building measures" -> "confidence", "building", "measures"
_WORD: Final = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*")
# What may stand between a sentence's end and its first word, or open a line
# before it: quotes, brackets, emphasis, list and heading marks.
# Spanish ¿ ¡, German „ ‚, French « ‹ and CJK 「 『 open sentences too.
_OPENERS: Final = frozenset("\"'\u201c\u2018\u00ab([{*_`#>-+|¿¡„‚‹「『（")
_ENDS: Final = frozenset(".!?\u2026。！？")
_LINE_MARKS: Final = _OPENERS | frozenset(".)")
# Typographic apostrophes and hyphens a writer may use instead of ' and -.
_APOSTROPHES: Final = "\u2019\u02bc"
_HYPHENS: Final = "\u2010\u2011"
# Spaces that keep two words on one line.
_FIXED_SPACES: Final = "\u00a0\u202f"
_GAP: Final = regex.compile(r"\s+")


def carry_case(
    replacement: str,
    matched: str,
    form: str | None,
    *,
    case_sensitive: bool,
    sentence_start: bool,
) -> str:
    """Write ``replacement`` in the letter case the replaced text was written in.

    ``form`` is the glossary wording that matched (None for a regex form, whose
    own style is unknown). ALL CAPS and Title Case carry over only where the
    matched text departs from its form's own style; a lower-case replacement
    gets a capital at a sentence start or where the matched text added one.
    A ``case: sensitive`` term always keeps the canonical's own case. The
    writer's typography carries over (see :func:`carry_typography`).
    """
    return carry_typography(
        _carry_case(replacement, matched, form, case_sensitive, sentence_start),
        matched,
    )


def carry_typography(replacement: str, matched: str) -> str:
    """``replacement`` in the typography of the text it replaces.

    Where the matched text writes its apostrophes as ``’`` (or ``ʼ``), its
    hyphens as ``‐`` or ``‑`` (non-breaking), or every space between its words
    as a no-break space, the replacement's ``'``, ``-`` and spaces follow:
    ``OBOR’s`` -> ``Belt and Road Initiative’s``.
    """
    for marks, plain in ((_APOSTROPHES, "'"), (_HYPHENS, "-")):
        used = {c for c in matched if c in marks}
        if len(used) == 1 and plain not in matched and plain in replacement:
            replacement = replacement.replace(plain, used.pop())
    gaps = set(_GAP.findall(matched))
    if len(gaps) == 1 and (gap := gaps.pop()) in _FIXED_SPACES:
        replacement = replacement.replace(" ", gap)
    return replacement


def _carry_case(
    replacement: str,
    matched: str,
    form: str | None,
    case_sensitive: bool,
    sentence_start: bool,
) -> str:
    if case_sensitive or not replacement:
        return replacement
    style, form_style = _style(matched), (None if form is None else _style(form))
    if form is not None and style == "upper" and form_style != "upper":
        return replacement.upper()
    if form is not None and style == "title" and form_style not in ("title", "upper"):
        return _title(replacement)
    first = replacement[:1]
    added_capital = (
        form is not None and matched[:1].isupper() and not form[:1].isupper()
    )
    if first.islower() and (sentence_start or added_capital):
        return first.upper() + replacement[1:]
    return replacement


def line_opener(text: str, offset: int, markers: frozenset[str]) -> int:
    """What stands between the start of ``offset``'s line and ``offset``.

    1: a run of ``markers`` or digits (``- ``, ``1. ``, ``## ``) with only white
    space around it; 0: only white space, and the line is the text's first;
    -1: anything else. Only that stretch is looked at, never the whole line,
    so a megabyte-long line costs no more than a short one.
    """
    position = _skip_blanks(text, offset - 1)
    run_end = position
    while position >= 0 and (text[position] in markers or text[position].isdigit()):
        position -= 1
    has_markers = position < run_end
    position = _skip_blanks(text, position)
    if position >= 0 and text[position] not in "\r\n":
        return -1
    if has_markers:
        return 1
    return 0 if position < 0 else -1


def _skip_blanks(text: str, position: int) -> int:
    """Move left from ``position`` past white space other than line breaks."""
    while position >= 0 and text[position] not in "\r\n" and text[position].isspace():
        position -= 1
    return position


def sentence_start(text: str, offset: int) -> bool:
    """True when ``offset`` begins a sentence, a paragraph or a list item.

    Stricter than the matcher's test: only ``.``, ``!``, ``?`` and ``…`` end a
    sentence here, as a capital after ``:`` or ``;`` would be wrong.
    """
    if line_opener(text, offset, _LINE_MARKS) >= 0:
        return True  # "- ", "1. ", "## " and the like open a line, as does 0
    position = offset - 1
    while position >= 0 and (text[position].isspace() or text[position] in _OPENERS):
        if text[position] in "\n\r":
            before = position - 1
            if text[position] == "\n" and before >= 0 and text[before] == "\r":
                before -= 1  # one CRLF line break
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before >= 0 and text[before] in "\n\r":
                return True  # a blank line before: a new paragraph
        position -= 1
    return position < 0 or text[position] in _ENDS


def _style(text: str) -> str:
    """``upper`` (ALL CAPS), ``title`` (Title Case, 2+ words) or ``other``."""
    cased = [c for c in text if c.isupper() or c.islower()]
    if len(cased) >= 2 and all(c.isupper() for c in cased):
        return "upper"
    words = _WORD.findall(text)
    if len(words) >= 2 and all(
        word[:1].isupper() or (position and word.casefold() in FUNCTION_WORDS)
        for position, word in enumerate(words)
    ):
        return "title"
    return "other"


def _title(text: str) -> str:
    """Capitalise the first word and every word that is not a function word."""

    def capital(match: regex.Match[str]) -> str:
        word = match.group()
        if match.start() and word.casefold() in FUNCTION_WORDS:
            return word
        return word[:1].upper() + word[1:]

    return _WORD.sub(capital, text)
