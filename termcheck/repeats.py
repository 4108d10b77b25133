"""No fix may put a word sequence twice in a row that the text did not have.

Absorbing (:mod:`termcheck.absorb`) keeps a canonical form from repeating the
words beside it; what is left is caught here: two different wordings fixed
side by side ("community of common destiny community of shared destiny"), or
new words that repeat untouched ones further off. Changes are taken left to
right and each is judged in a window around it, with the changes before it
applied, so the work is linear and a second run decides as the first did.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Final

from termcheck.absorb import Word, prose_words
from termcheck.tokens import tokenize

__all__ = ["Change", "change_of", "without_repeats"]

# Characters looked at on each side of a change, beyond twice its length (a
# repeat is two copies of a run of its words, one of them touching it).
_MARGIN: Final = 64


@dataclass(frozen=True, slots=True)
class Change:
    """One replacement in the prose: ``text`` for ``[start, end)``.

    ``inner`` bounds the new words inside ``text`` (absorbed words beside them
    are not new); ``label`` is equal for changes that put the same words in
    place of the same wording.
    """

    start: int
    end: int
    text: str
    inner: tuple[int, int]
    label: Hashable


def change_of(
    prose: str,
    span: tuple[int, int],
    text: str,
    matched: tuple[int, int],
    written: str,
) -> Change:
    """The change of a fix that writes ``text`` over ``span`` of the prose.

    ``matched`` is the finding's span inside ``span`` and ``written`` its
    text; outside it, ``text`` holds absorbed words. The fix's new words are
    those between the words it shares with ``written`` at either end (a case
    fix brings none).
    """
    start, end = span
    shown = (
        prose[start : matched[0]]
        + text[matched[0] - start : len(text) - (end - matched[1])]
        + prose[matched[1] : end]
    )
    low, high = matched[0] - start, len(shown) - (end - matched[1])
    words = prose_words(shown, low, high)
    old = [w.key for w in prose_words(written, 0, len(written))]
    same = 0
    while same < min(len(words), len(old)) and words[same].key == old[same]:
        same += 1
    tail = 0
    while tail < min(len(words), len(old)) - same and (
        words[-1 - tail].key == old[-1 - tail]
    ):
        tail += 1
    inner = (low, low)  # nothing new
    if same + tail < len(words):
        inner = (words[same].start, words[len(words) - tail - 1].end)
    new = tuple(tokenize(shown[inner[0] : inner[1]]).keys)
    return Change(start, end, shown, inner, (tuple(old), new))


def without_repeats(
    prose: str, changes: Sequence[Change]
) -> tuple[list[int], dict[int, tuple[str, ...]]]:
    """The changes (by index, sorted by start) that can be made, and the others.

    A change is refused, with the sequence, when it puts a run of new words
    twice in a row and the two copies come from different places: untouched
    words beside new ones, or two different wordings fixed side by side. Two
    fixes of one wording ("OBOR OBOR") make two equal copies, as the text had.
    """
    order = sorted(range(len(changes)), key=lambda n: changes[n].start)
    kept: list[int] = []
    made: list[Change] = []  # the kept changes, by start
    starts: list[int] = []
    refused: dict[int, tuple[str, ...]] = {}
    for number in order:
        change = changes[number]
        found = None
        if change.inner[0] < change.inner[1]:  # new words: they may repeat
            found = _repeat(prose, made, starts, change)
        if found is None:
            kept.append(number)
            made.append(change)
            starts.append(change.start)
        else:
            refused[number] = found
    return kept, refused


def _repeat(
    prose: str, before: list[Change], starts: list[int], change: Change
) -> tuple[str, ...] | None:
    """A sequence that ``change`` doubles, with the changes ``before`` it made
    (``starts``: their starts)."""
    reach = 2 * len(change.text) + _MARGIN
    low, high = max(0, change.start - reach), min(len(prose), change.end + reach)
    first = bisect.bisect_left(starts, low)
    if first and before[first - 1].end > low:
        first -= 1
        low = before[first].start
    pieces, position = [], low
    inserted: list[tuple[int, int, Hashable]] = []  # new words in the window
    written: list[tuple[int, int]] = []  # each change's whole text in the window
    at = 0  # length of the window built so far
    for item in [*before[first:], change]:
        gap = prose[position : item.start]
        at += len(gap)
        pieces += [gap, item.text]
        inserted.append((at + item.inner[0], at + item.inner[1], item.label))
        written.append((at, at + len(item.text)))
        at += len(item.text)
        position = item.end
    pieces.append(prose[position:high])
    return _doubled("".join(pieces), inserted, written)


def _doubled(
    window: str,
    inserted: list[tuple[int, int, Hashable]],
    written: list[tuple[int, int]],
) -> tuple[str, ...] | None:
    """A run of a change's words twice in a row touching the last change's new
    words (runs of the whole text written count: absorbed words too)."""
    words = prose_words(window, 0, len(window))
    starts = [w.start for w in words]
    own = [
        words[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        for start, end in written
    ]
    runs = {
        tuple(w.key for w in part[i : i + size])
        for part in own
        for size in range(1, len(part) + 1)
        for i in range(len(part) - size + 1)
    }
    start, end, _label = inserted[-1]
    touching = [i for i, w in enumerate(words) if w.start < end and w.end > start]
    if not touching or not runs:
        return None
    origins = _origins(words, inserted)
    longest = max(len(part) for part in own)
    first, last = touching[0], touching[-1]
    for size in range(1, longest + 1):
        low, high = max(0, first - 2 * size + 1), min(last, len(words) - 2 * size)
        for at in range(low, high + 1):
            pair = words[at : at + 2 * size]
            keys = tuple(w.key for w in pair)
            if keys[:size] != keys[size:] or keys[:size] not in runs:
                continue
            if any(not w.joined for w in pair[1:]):
                continue
            left, right = origins[at : at + size], origins[at + size : at + 2 * size]
            if [o[:2] for o in left] == [o[:2] for o in right]:
                continue  # the same words from the same places
            if len({o[2] for o in left + right}) == 1 and left[0][2] is not None:
                continue  # inside one replacement: the canonical form itself
            return keys[:size]
    return None


def _origins(
    words: list[Word], inserted: list[tuple[int, int, Hashable]]
) -> list[tuple[Hashable, int, int | None]]:
    """Where each word comes from: (key, 0, None) for untouched text, else
    (label, place among the change's new words, change number)."""
    starts = [span[0] for span in inserted]
    origins: list[tuple[Hashable, int, int | None]] = []
    counted: dict[int, int] = {}
    for word in words:
        slot = bisect.bisect_right(starts, word.start) - 1
        if slot >= 0 and word.start < inserted[slot][1]:
            place = counted.get(slot, 0)
            counted[slot] = place + 1
            origins.append((inserted[slot][2], place, slot))
        else:
            origins.append((word.key, -1, None))
    return origins
