"""Tests for phrase counting: which windows are phrases, and exact counts."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.phrases import count_phrases, phrase_windows, prose_tokens
from termcheck.tokens import tokenize
from tests.profiles import examples


def phrases(text: str) -> list[str]:
    """The phrase keys of ``text``."""
    return [key for _, _, key in phrase_windows(prose_tokens(text))]


class TestPhraseWindows:
    """Phrases have 2 to 8 words and no stop word, number or letter at an edge."""

    def test_edges(self):
        """Stop words may be inside a phrase but not at its start or end."""
        assert phrases("the Belt and Road Initiative") == [
            "belt and road",
            "belt and road initiative",
            "road initiative",
        ]

    def test_hyphenated_stop_word_at_edge(self):
        """A stop word joined by a hyphen may end or start a phrase."""
        assert "single sign-on" in phrases("single sign-on works")
        assert "on-call engineer" in phrases("the on-call engineer")
        assert "single sign on" not in phrases("single sign on works")

    def test_no_phrase_across_punctuation_or_blank_lines(self):
        """Punctuation and paragraph breaks end phrases; single line breaks do not."""
        assert phrases("data protection. officer") == ["data protection"]
        assert phrases("data protection\nofficer") == [
            "data protection",
            "data protection officer",
            "protection officer",
        ]
        assert phrases("## Data protection\n\nOfficer duties") == [
            "data protection",
            "officer duties",
        ]

    def test_numbers_and_letters_are_not_edges(self):
        """A phrase does not start or end with a number or a single letter."""
        assert phrases("3 releases 2 x") == []
        assert phrases("version 2 release") == ["version 2 release"]

    def test_at_most_eight_words(self):
        """Windows stop at eight words."""
        words = " ".join(f"w{n}ord" for n in range(12))
        assert max(len(key.split()) for key in phrases(words)) == 8


class TestCountPhrases:
    """The sketch never loses a phrase that reaches the threshold."""

    @settings(max_examples=examples(30), deadline=None)
    @given(
        st.lists(
            st.sampled_from("alpha beta gamma delta the of".split()),
            min_size=0,
            max_size=60,
        ),
        st.integers(2, 4),
    )
    def test_exact_counts(self, words, threshold):
        """Counts equal a naive count for every phrase at or above the threshold."""
        text = " ".join(words)
        naive = Counter(phrases(text))
        counts = count_phrases([prose_tokens(text)], threshold, [prose_tokens(text)])
        assert counts.phrases == {k: v for k, v in naive.items() if v >= threshold}
        assert counts.words == Counter(tokenize(text).keys)
