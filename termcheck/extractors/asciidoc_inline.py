"""AsciiDoc inline markup: the matches of one pattern, found in linear time.

:data:`INLINE` alone is quadratic on some lines: a macro, a pass macro, a URL's
label or a cross reference that does not close is tried again from every
place where one may start, each time scanning to the end of the line or of a
long run (``link:x[link:x[…``, ``http://x[http://x[…``, ``<<a<<a…``).
:func:`inline_matches` gives the same matches as ``INLINE.finditer``: it looks
with a pattern that only notes where such markup may start, and decides each
place from facts that are found once per line (where its last ``]`` is, where
a run ends).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import regex

__all__ = ["INLINE", "inline_matches"]

_CODE: Final = r"(?P<code>(?<![\w`])`[^`\r\n]+`(?![\w`]))"
_ATTRIBUTE: Final = r"|(?P<attribute>\{[\w-]+\})"
_PASS_AT: Final = r"(?:pass|stem|latexmath|asciimath):\w*\["
_PLUSES: Final = r"\+\+\+.+?\+\+\+"
_MACRO_AT: Final = r"(?:link|xref|mailto|image|footnote|kbd|btn|menu|icon|anchor):"
_URL_AT: Final = r"(?:https?|ftp|irc|file)://"
_URL_BODY: Final = r"[^\s\[<>]+"
_LABEL: Final = r"\[(?P<url_label>[^\]]*)\]"
_XREF_REST: Final = r"(?P<id>[^,>]+)(?:,\s*(?P<xref_label>[^>]+))?>>"
_MARK: Final = (
    r"|(?P<mark>(?<![\w*_#~^])[*_#~^]{1,2}(?=\S)|(?<=\S)[*_#~^]{1,2}(?![\w*_#~^]))"
)


def _inline(url_label: str) -> str:
    return (
        _CODE
        + _ATTRIBUTE
        + rf"|(?P<pass>{_PASS_AT}[^\]]*\]|{_PLUSES})"
        + rf"|(?P<macro>{_MACRO_AT}:?(?P<target>[^\s\[]*)\[(?P<label>[^\]]*)\])"
        + rf"|(?P<url>{_URL_AT}{_URL_BODY})(?:{url_label})?"
        + rf"|(?P<xref><<{_XREF_REST})"
        + _MARK
    )


INLINE: Final = regex.compile(_inline(_LABEL))
"""Inline markup.

"`code`" "{attr}" "link:url[text]" "https://x[text]" "<<id,text>>" "*strong*"
"""
# INLINE where a URL has no label: the same groups, the label never tried.
_INLINE_BARE_URL: Final = regex.compile(_inline("(?!)" + _LABEL))
# INLINE with its costly alternatives cut down to where they may start; no
# other alternative can match where one of these does.
_SCAN: Final = regex.compile(
    _CODE
    + _ATTRIBUTE
    + rf"|(?P<pass_at>{_PASS_AT})|(?P<pluses>{_PLUSES})"
    + rf"|(?P<macro_at>{_MACRO_AT})"
    + rf"|(?P<url_at>{_URL_AT})"
    + r"|(?P<xref_at><<)"
    + _MARK
)
_URL_BODY_RUN: Final = regex.compile(_URL_BODY)
_TARGET_END: Final = regex.compile(r"[\s\[]")
_ID_END: Final = regex.compile(r"[,>]")
_XREF_END: Final = regex.compile(r">")


def inline_matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``INLINE.finditer(text, start, end)``, in linear time."""
    line = _Line(text, start, end)
    position = start
    while (found := _SCAN.search(text, position, end)) is not None:
        at, pattern = found.start(), INLINE
        if found.group("pass_at"):
            closes = line.closes_after(found.end() - 1)
        elif found.group("macro_at"):
            target_end = line.next(found.end(), _TARGET_END)
            closes = text.startswith("[", target_end, end)
            closes = closes and line.closes_after(target_end)
        elif found.group("url_at"):
            body = _URL_BODY_RUN.match(text, found.end(), end)
            closes = body is not None
            if body is not None and not (
                text.startswith("[", body.end(), end) and line.closes_after(body.end())
            ):
                pattern = _INLINE_BARE_URL
        elif found.group("xref_at"):
            closes = line.xref_closes(at)
        else:
            closes = True
        if not closes:
            position = at + 1  # nothing else can match where this starts
            continue
        match = pattern.match(text, at, end)
        assert match is not None  # _SCAN and the facts say so
        yield match
        position = match.end()


class _Line:
    """Facts about one line, each found once however often it is asked."""

    __slots__ = ("_end", "_last_close", "_next", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end
        self._last_close: int | None = None
        self._next: dict[regex.Pattern[str], tuple[int, int]] = {}

    def closes_after(self, bracket: int) -> bool:
        """Whether a ``]`` comes after offset ``bracket`` on the line."""
        if self._last_close is None:
            self._last_close = self._text.rfind("]", self._start, self._end)
        return self._last_close > bracket

    def next(self, position: int, pattern: regex.Pattern[str]) -> int:
        """Where ``pattern`` is next found from ``position`` on, or the line's end.

        The last answer is remembered, so a run is searched through once.
        """
        searched_from, found = self._next.get(pattern, (-1, -1))
        if not searched_from <= position <= found:
            hit = pattern.search(self._text, position, self._end)
            found = self._end if hit is None else hit.start()
            self._next[pattern] = (position, found)
        return found

    def xref_closes(self, at: int) -> bool:
        """Whether ``<<id>>`` or ``<<id, text>>`` starts at ``at``.

        The id runs to the first "," or ">"; after a ",", the text runs to the
        next ">". Either must be followed by ">>", and neither may be empty.
        """
        text, end = self._text, self._end
        stop = self.next(at + 2, _ID_END)
        if stop == end or stop == at + 2:
            return False
        if text[stop] == ",":
            comma, stop = stop, self.next(stop + 1, _XREF_END)
            if stop == end or stop == comma + 1:
                return False
        return text.startswith(">>", stop, end)
