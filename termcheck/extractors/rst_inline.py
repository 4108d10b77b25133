"""reStructuredText inline markup: the matches of one pattern, found in linear time.

:data:`INLINE` alone is quadratic on some paragraphs: a literal (````…````) or a
role (``:name:`…```) that does not close is tried again from every place where
one may start, each time scanning to the end of the paragraph or of a long run
of name characters (````a ``a ``a …``, ``:-:-:-…``). :func:`inline_matches`
gives the same matches as ``INLINE.finditer``: it looks with a pattern that
only notes where a literal or a role may start, and decides each such place
from facts gathered once per paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import regex

__all__ = ["INLINE", "KINDS", "inline_matches"]

_LITERAL: Final = r"(?<![\w`])``(?P<literal>.+?)``(?!\w)"
_ROLE: Final = r"(?<![\w`:])(?P<role>:[\w.+-]+(?::[\w.+-]+)*:)`(?P<roled>[^`]+)`"
_OTHERS: Final = r"""
    |(?<![\w`])`(?P<text>[^`]+)`(?P<post>:[\w.+-]+(?::[\w.+-]+)*:|__?)?
    |(?<![\w|])(?P<subst>\|[^|\s][^|]*\|)(?:__?)?
    |(?<![\w\]])(?P<footnote>\[[#*\w.-]*\]_)
    |(?<![\w*])(?P<open>\*\*?)(?=\S)
    |(?<=\S)(?P<close>\*\*?)(?![\w*])
    |(?<=\w)(?P<ref>__?)(?!\w)
    """
INLINE: Final = regex.compile(
    f"{_LITERAL}\n|{_ROLE}{_OTHERS}", regex.VERBOSE | regex.DOTALL
)
"""Inline markup, in the order rST recognises it.

"``x``", ":ref:`t <a>`", "`t <u>`_", "|s|", "[1]_", "**", "word_"
"""
KINDS: Final = ("literal", "role", "text", "subst", "footnote", "open", "close", "ref")
"""The named alternatives of :data:`INLINE`; exactly one is set in a match."""

# INLINE with its first two alternatives cut down to where they may start; no
# other alternative can match at "``" or at a ":".
_SCAN: Final = regex.compile(
    r"(?<![\w`])(?P<literal_at>``)|(?<![\w`:])(?P<role_at>:)" + _OTHERS,
    regex.VERBOSE | regex.DOTALL,
)
# The last "``" that can close a literal, sought backwards from the end.
_LITERAL_CLOSE: Final = regex.compile(r"``(?!\w)", regex.REVERSE)
# A run of role-name characters: a role's name is one whole run.
_NAME_RUN: Final = regex.compile(r"[\w.+:-]*")


def inline_matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``INLINE.finditer(text, start, end)``, in linear time."""
    paragraph = _Paragraph(text, start, end)
    position = start
    while (found := _SCAN.search(text, position, end)) is not None:
        at = found.start()
        if (found.group("literal_at") and not paragraph.literal_closes(at)) or (
            found.group("role_at") and not paragraph.role_closes(at)
        ):
            position = at + 1  # nothing can match here (nor in a literal's "``")
            continue
        match = INLINE.match(text, at, end)
        assert match is not None  # _SCAN and the facts say so
        yield match
        position = match.end()


class _Paragraph:
    """Facts about one paragraph that decide where a literal or a role matches."""

    __slots__ = ("_end", "_last_close", "_run", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end
        self._last_close: int | None = None
        # The run of name characters last looked at: where it was entered, where
        # it ends, where its last "::" is, and whether a role can end with it.
        self._run = (0, 0, -1, False)

    def literal_closes(self, at: int) -> bool:
        """Whether the literal opened by the "``" at ``at`` is closed later on."""
        if self._last_close is None:
            close = _LITERAL_CLOSE.search(self._text, self._start, self._end)
            self._last_close = -1 if close is None else close.start()
        return self._last_close >= at + 3  # at least one character inside

    def role_closes(self, at: int) -> bool:
        """Whether a role starts at the ":" at ``at``: ``:name:`text```.

        Its name is the whole run of name characters from ``at``, as no "`"
        is one: colons around non-empty parts (no "::"), a "`" right after,
        and a non-empty text closed by a "`".
        """
        entered, run_end, last_double, closes = self._run
        if not entered <= at < run_end:
            text = self._text
            run = _NAME_RUN.match(text, at, self._end)
            run_end = at if run is None else run.end()
            last_double = text.rfind("::", at, run_end)
            closes = (
                text[run_end - 1] == ":"
                and run_end < self._end
                and text[run_end] == "`"
                and text.find("`", run_end + 1, self._end) > run_end + 1
            )
            self._run = (at, run_end, last_double, closes)
        return closes and last_double < at and run_end - at >= 3
