"""Where URLs and e-mail addresses stand in a text (never prose, in any format).

The spans are those of ``ADDRESS.finditer(text)``, found in linear time. The
pattern alone is quadratic on some texts: where it fails after a long run
(``a-a-a-…`` before an ``@``, a scheme-like run before ``://`` with nothing
after it), the engine retries from every position of the run. Here every match
is sought only where one can start: each ``://``, ``www.`` and ``@`` (its
anchor) names the one earliest position of its run that could begin a match.
Whether a match through an anchor succeeds does not depend on where in the run
it starts, so a failed try ends the anchor for good, and no run is scanned
twice.
"""

from __future__ import annotations

import heapq
from typing import Final

import regex

__all__ = ["ADDRESS", "address_spans"]

ADDRESS: Final = regex.compile(
    r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)
"""A URL or an e-mail address.

"see https://example.org/a-b?q=1." -> "https://example.org/a-b?q=1"
"""

_ANCHOR: Final = regex.compile(r"://|www\.|@")
# The run of scheme characters (or of e-mail local-part characters) that ends
# at an anchor, read backwards from it.
_SCHEME_RUN: Final = regex.compile(r"[a-zA-Z0-9+.-]*", regex.REVERSE)
_LOCAL_RUN: Final = regex.compile(r"[\w.+-]*", regex.REVERSE)
_SCHEME_START: Final = regex.compile(r"\b[a-zA-Z]")
_BOUNDARY: Final = regex.compile(r"\b")


def address_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every match of :data:`ADDRESS`, in order."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    anchors = [(found.group(), found.start()) for found in _ANCHOR.finditer(text)]
    runs = [_run_start(text, kind, at) for kind, at in anchors]
    waiting: list[tuple[int, int]] = []  # (earliest start, anchor number)
    for number, (kind, at) in enumerate(anchors):
        start = _earliest(text, kind, at, runs[number], 0)
        if start is not None:
            waiting.append((start, number))
    heapq.heapify(waiting)
    spans: list[tuple[int, int]] = []
    position = 0
    while waiting:
        start, number = waiting[0]
        if start < position:  # a match took in its start: look again from there
            kind, at = anchors[number]
            later = _earliest(text, kind, at, runs[number], position)
            if later is None:
                heapq.heappop(waiting)
            else:
                heapq.heapreplace(waiting, (later, number))
            continue
        found = ADDRESS.match(text, start)
        if found is None:  # the anchors that offered this start fail everywhere
            while waiting and waiting[0][0] == start:
                heapq.heappop(waiting)
            continue
        spans.append(found.span())
        position = found.end()
    return spans


def _run_start(text: str, kind: str, at: int) -> int:
    """Where the run that a match through the anchor at ``at`` starts in begins."""
    if kind == "www.":
        return at
    run = (_SCHEME_RUN if kind == "://" else _LOCAL_RUN).match(text, 0, at)
    return run.start() if run is not None else at


def _earliest(text: str, kind: str, at: int, run: int, position: int) -> int | None:
    """The first offset from ``position`` on where a match through ``at`` may start."""
    low = max(run, position)
    if kind == "www.":
        return at if at >= low and _BOUNDARY.match(text, at) else None
    found = (_SCHEME_START if kind == "://" else _BOUNDARY).search(text, low, at)
    return found.start() if found is not None and found.start() < at else None
