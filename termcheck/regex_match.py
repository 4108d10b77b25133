"""Running regex forms over a text, within a time budget, word by word."""

from __future__ import annotations

import bisect
import time

from termcheck.errors import MatchTimeoutError
from termcheck.index import RegexRef, TermIndex
from termcheck.tokens import DOT, Tokens, is_cjk

__all__ = ["regex_hits"]


def regex_hits(
    index: TermIndex, text: str, tokens: Tokens, budget: float
) -> list[tuple[RegexRef, int, int]]:
    """Every match of every regex form: anchored ones where their first word
    is, the others scanned for; all within one time budget per text."""
    if not index.regex_by_anchor and not index.regex_unanchored:
        return []
    deadline = time.monotonic() + budget
    found: list[tuple[RegexRef, int, int]] = []
    for i, key in enumerate(tokens.keys):
        if tokens.seps[i] == DOT:
            continue
        for ref in index.regex_by_anchor.get(key, ()):
            hit = _run_regex(index, ref, text, tokens.starts[i], deadline, True, budget)
            if hit is not None:
                found.append((ref, *hit))
    for ref in index.regex_unanchored:
        position = 0
        while (
            hit := _run_regex(index, ref, text, position, deadline, False, budget)
        ) is not None:
            if tokens.starts and bisect.bisect_left(tokens.starts, hit[0]) < len(
                tokens.starts
            ):
                found.append((ref, *hit))
            position = hit[1]
    return found


def _run_regex(
    index: TermIndex,
    ref: RegexRef,
    text: str,
    position: int,
    deadline: float,
    anchored: bool,
    budget: float,
) -> tuple[int, int] | None:
    remaining = deadline - time.monotonic()
    term = index.glossary.terms[ref.term]
    try:
        if remaining <= 0:
            raise TimeoutError
        if anchored:
            hit = ref.pattern.match(text, position, timeout=remaining)
        else:
            hit = ref.pattern.search(text, position, timeout=remaining)
            while hit is not None and (
                hit.end() == hit.start() or _inside_word(text, hit.start())
            ):
                hit = ref.pattern.search(
                    text, max(hit.start() + 1, hit.end()), timeout=remaining
                )
    except TimeoutError:
        raise MatchTimeoutError(
            f"regex form {term.forms[ref.form].text!r} of term '{term.id}' "
            f"took longer than "
            f"{budget:g} s (catastrophic backtracking?)",
            path=term.source,
            line=term.forms[ref.form].line,
        ) from None
    if hit is None or hit.end() == hit.start():
        return None
    return hit.start(), hit.end()


def _inside_word(text: str, start: int) -> bool:
    """True inside a word or a dotted compound ("draft.md", "Node.js").

    CJK characters are words of their own: a match may start beside one.
    """
    if (
        start > 0
        and (text[start - 1].isalnum() or text[start - 1] == "_")
        and not (is_cjk(text[start - 1]) or is_cjk(text[start : start + 1]))
    ):
        return True
    return start > 1 and text[start - 1] == "." and text[start - 2].isalnum()
