"""Questions about many spans at once, each answered in logarithmic time."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

__all__ = ["Overlaps"]


class Overlaps:
    """Spans ``(a, b)`` (inclusive) asked whether any overlaps ``first..last``.

    Sorted by start with a running maximum of ends, so each question takes
    O(log n): a text with thousands of exact matches stays linear.
    """

    __slots__ = ("_max_ends", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_ends = list(itertools.accumulate((b for _, b in ordered), max))

    def hit(self, first: int, last: int) -> bool:
        """True when a span starts at or before ``last`` and ends at/after ``first``."""
        count = bisect.bisect_right(self._starts, last)
        return count > 0 and self._max_ends[count - 1] >= first
