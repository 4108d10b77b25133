"""Tests for the guard against fixes that put words twice in a row."""

from __future__ import annotations

import gc
import time

from termcheck.repeats import change_of, without_repeats


def decide(text: str, fixes: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """Apply ``(matched, replacement)`` fixes (each matched text once, in
    order) as the guard allows; return the text and the refused sequences."""
    changes, position = [], 0
    for matched, replacement in fixes:
        start = text.index(matched, position)
        end = start + len(matched)
        changes.append(
            change_of(text, (start, end), replacement, (start, end), matched)
        )
        position = end
    kept, refused = without_repeats(text, changes)
    out, at = [], 0
    for number in sorted(kept, key=lambda n: changes[n].start):
        change = changes[number]
        out += [text[at : change.start], change.text]
        at = change.end
    out.append(text[at:])
    return "".join(out), [" ".join(refused[n]) for n in sorted(refused)]


class TestWithoutRepeats:
    """New words beside the same untouched words, or two wordings, are refused."""

    def test_new_words_repeating_untouched_ones(self):
        """ "X for mankind" fixed to "... for mankind" is refused."""
        text = "a community of destiny for mankind"
        fixed, refused = decide(
            text, [("community of destiny", "community for mankind")]
        )
        assert fixed == text
        assert refused == ["for mankind"]

    def test_one_wording_fixed_twice(self):
        """ "OBOR OBOR" gives two equal copies, as the text had."""
        fixed, refused = decide(
            "OBOR OBOR", [("OBOR", "Belt Road"), ("OBOR", "Belt Road")]
        )
        assert fixed == "Belt Road Belt Road"
        assert refused == []

    def test_two_wordings_side_by_side(self):
        """The first fix is made; the second would repeat it and is refused."""
        fixed, refused = decide(
            "OBOR One Road", [("OBOR", "Belt Road"), ("One Road", "Belt Road")]
        )
        assert fixed == "Belt Road One Road"
        assert refused == ["belt road"]

    def test_case_fix_brings_no_new_words(self):
        """A case fix beside the same word keeps the repeat the text had."""
        fixed, refused = decide("github GITHUB", [("GITHUB", "GitHub")])
        assert fixed == "github GitHub"
        assert refused == []

    def test_punctuation_or_paragraph_between(self):
        """Words apart across punctuation or a blank line are no repeat."""
        for text in ("a X. for mankind", "a X\n\nfor mankind", "a X (for mankind)"):
            _fixed, refused = decide(text, [("X", "for mankind")])
            assert refused == [], text

    def test_linear_time(self):
        """Many fixes side by side cost linear time."""

        def seconds(size: int) -> float:
            text = "OBOR One Road " * size
            fixes = [("OBOR", "Belt Road"), ("One Road", "Belt Road")] * size
            gc.disable()  # a collection mid-run is noise, not growth
            try:
                begun = time.process_time()  # other processes' load is not ours
                decide(text, fixes)
                return time.process_time() - begun
            finally:
                gc.enable()

        seconds(50)
        small, large = [], []
        for _ in range(4):  # in turn, so a busy spell weighs on both sizes
            small.append(seconds(200))
            large.append(seconds(800))
        assert min(large) / min(small) < 6, (small, large)
