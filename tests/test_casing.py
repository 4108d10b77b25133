"""Tests for case carry-over: styles, sentence starts, case-sensitive terms."""

from __future__ import annotations

import pytest

from termcheck.casing import carry_case, sentence_start


class TestCarryCase:
    """The replacement takes the case style of the text it replaces."""

    @pytest.mark.parametrize(
        ("matched", "form", "expected"),
        [
            (
                "community of human destiny",
                "community of human destiny",
                "community with a shared future for mankind",
            ),
            (
                "COMMUNITY OF HUMAN DESTINY",
                "community of human destiny",
                "COMMUNITY WITH A SHARED FUTURE FOR MANKIND",
            ),
            (
                "Community Of Human Destiny",
                "community of human destiny",
                "Community with a Shared Future for Mankind",
            ),
            (
                "Community of Human Destiny",
                "community of human destiny",
                "Community with a Shared Future for Mankind",
            ),
            (
                "Community of human destiny",
                "community of human destiny",
                "Community with a shared future for mankind",
            ),
        ],
    )
    def test_styles_carry_over(self, matched, form, expected):
        """lower case, ALL CAPS, Title Case and a leading capital carry over."""
        canonical = "community with a shared future for mankind"
        result = carry_case(
            canonical, matched, form, case_sensitive=False, sentence_start=False
        )
        assert result == expected

    def test_sentence_start_capitalises(self):
        """A lower-case canonical at a sentence start gets a capital."""
        result = carry_case(
            "email", "E-MAIL", "e-mail", case_sensitive=False, sentence_start=True
        )
        assert result == "EMAIL"
        result = carry_case(
            "email", "OBOR", "OBOR", case_sensitive=False, sentence_start=True
        )
        assert result == "Email"

    def test_form_own_style_is_not_carried(self):
        """Text in its form's own style (an acronym, a Title Case name) keeps the
        canonical's case."""
        canonical = "Belt and Road Initiative"
        assert (
            carry_case(
                canonical, "OBOR", "OBOR", case_sensitive=False, sentence_start=False
            )
            == canonical
        )
        assert (
            carry_case(
                canonical,
                "One Belt One Road",
                "One Belt One Road",
                case_sensitive=False,
                sentence_start=False,
            )
            == canonical
        )

    def test_lower_case_text_keeps_canonical_capitals(self):
        """A proper name written in lower case is not lower-cased by the fix."""
        result = carry_case(
            "Belt and Road Initiative",
            "one belt one road",
            "One Belt One Road",
            case_sensitive=False,
            sentence_start=False,
        )
        assert result == "Belt and Road Initiative"

    def test_case_sensitive_keeps_canonical(self):
        """A case-sensitive term keeps its canonical case, even at a sentence start."""
        for matched in ("GITHUB", "Github Inc", "github"):
            result = carry_case(
                "GitHub", matched, "GitHub", case_sensitive=True, sentence_start=True
            )
            assert result == "GitHub"

    def test_regex_form_only_gets_sentence_capital(self):
        """A regex form's own style is unknown: only a sentence start carries over."""
        canonical = "community with a shared future for mankind"
        upper = carry_case(
            canonical,
            "COMMUNITY OF SHARED DESTINY",
            None,
            case_sensitive=False,
            sentence_start=False,
        )
        assert upper == canonical
        start = carry_case(
            canonical,
            "community of shared destiny",
            None,
            case_sensitive=False,
            sentence_start=True,
        )
        assert start == "C" + canonical[1:]


class TestSentenceStart:
    """Sentence starts are found after . ! ? …, at paragraph and list-item starts."""

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("word", 0),
            ("  word", 2),
            ("Done. word", 6),
            ("Done?\n word", 7),
            ("Done! (word", 7),
            ("a line\n\nword", 8),
            ("a line\r\n\r\nword", 10),
            ("a line\r\rword", 8),
            ("intro\n- word", 8),
            ("intro\n1. word", 9),
            ("## word", 3),
            ('He said. "word', 10),
        ],
    )
    def test_starts(self, text, word):
        """Each of these offsets begins a sentence."""
        assert sentence_start(text, word)

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("the word", 4),
            ("a line\nword", 7),
            ("a line\r\nword", 8),
            ("a line\rword", 7),
            ("Note: word", 6),
            ("one; word", 5),
            ("a, word", 3),
        ],
    )
    def test_not_starts(self, text, word):
        """Mid-sentence words, including after a colon or semicolon, are not."""
        assert not sentence_start(text, word)
