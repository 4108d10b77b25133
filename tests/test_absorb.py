"""Tests for absorbing the canonical's words that already stand beside a match."""

from __future__ import annotations

import functools

import pytest

from termcheck.absorb import absorb, prose_words
from termcheck.checker import check_text
from termcheck.fix import WHOLE, apply_fixes
from termcheck.glossary import load_glossary
from termcheck.model import Glossary
from termcheck.tokens import tokenize


def absorbed(text: str, matched: str, replacement: str, sensitive: bool = False) -> str:
    """``text`` with ``matched`` replaced as the fix would, absorbing words."""
    start = text.index(matched)
    result = absorb(
        text,
        text,
        start,
        start + len(matched),
        replacement,
        case_sensitive=sensitive,
    )
    assert not result.whole
    return (
        text[: result.start]
        + result.head
        + result.inner
        + result.tail
        + text[result.end :]
    )


class TestAbsorb:
    """Trailing and leading words, any number, separators and case kept."""

    def test_trailing_words(self):
        """The canonical's last words that follow the match are not repeated."""
        assert (
            absorbed(
                "a community of common destiny for mankind.",
                "community of common destiny",
                "community with a shared future for mankind",
            )
            == "a community with a shared future for mankind."
        )

    def test_leading_words(self):
        """The canonical's first words before the match are not repeated."""
        assert (
            absorbed("the Republic of South Korea.", "South Korea", "Republic of Korea")
            == "the Republic of Korea."
        )

    def test_both_ends(self):
        """Words on both sides are absorbed at once."""
        assert (
            absorbed(
                "the United Nations ECOSOC Council met",
                "ECOSOC",
                "United Nations Economic and Social Council",
            )
            == "the United Nations Economic and Social Council met"
        )

    def test_separators_and_case_kept(self):
        """A line break, a double space and the writer's case stay as written."""
        assert (
            absorbed(
                "a community of common destiny\r\nFor  Mankind.",
                "community of common destiny",
                "community with a shared future for mankind",
            )
            == "a community with a shared future\r\nFor  Mankind."
        )

    def test_case_sensitive_takes_canonical_case(self):
        """A case-sensitive term's absorbed words take the canonical's case."""
        assert (
            absorbed(
                "the OBOR initiatives grew",
                "OBOR",
                "Belt and Road Initiative",
                sensitive=True,
            )
            == "the Belt and Road Initiatives grew"
        )

    @pytest.mark.parametrize(
        "after",
        [
            " for humanity.",  # other words
            ". For mankind",  # a sentence ends between
            "\n\nfor mankind",  # a paragraph ends between
            " (for mankind)",  # punctuation between
            "for mankind",  # no space: not the same words
        ],
    )
    def test_nothing_absorbed(self, after):
        """Only words joined to the match by white space within a paragraph."""
        text = "a community of common destiny" + after
        result = absorb(
            text,
            text,
            2,
            29,
            "community with a shared future for mankind",
            case_sensitive=False,
        )
        assert (result.start, result.end, result.head, result.tail) == (2, 29, "", "")
        assert result.inner == "community with a shared future for mankind"

    def test_inflected_last_word(self):
        """The last absorbed word may carry a possessive."""
        assert (
            absorbed(
                "a community of common destiny for mankind\u2019s sake",
                "community of common destiny",
                "community with a shared future for mankind",
            )
            == "a community with a shared future for mankind\u2019s sake"
        )

    def test_words_the_match_already_had_are_not_new(self):
        """A case fix beside its own word keeps the text's repeat as it was."""
        text = "alpha ALPHA BRAVO"
        result = absorb(text, text, 6, 17, "alpha bravo", case_sensitive=True)
        assert (result.start, result.end, result.inner) == (6, 17, "alpha bravo")

    def test_whole_canonical_beside_the_match(self):
        """Words that spell the whole canonical: nothing is left to write."""
        text = "OBOR Belt and Road Initiative"
        result = absorb(
            text, text, 0, 4, "Belt and Road Initiative", case_sensitive=True
        )
        assert result.whole

    def test_prose_words_join(self):
        """Words join across white space with at most one line break."""
        words = prose_words("a b\nc\n\nd. e", 0, 12)
        assert [(w.key, w.joined) for w in words] == [
            ("a", False),
            ("b", True),
            ("c", True),
            ("d", False),
            ("e", False),
        ]


def _pairs(glossary: Glossary) -> list[tuple[str, str, str, int]]:
    """(term id, variant, sentence, words) for every literal forbidden variant
    followed or preceded by each run of the canonical's end or start words."""
    cases = []
    for term in glossary:
        words = term.canonical.split()
        for form in term.forbidden:
            if form.regex:
                continue
            for size in range(1, len(words)):
                tail = " ".join(words[len(words) - size :])
                cases.append(
                    (term.id, form.text, f"We saw {form.text} {tail} here.", size)
                )
                head = " ".join(words[:size])
                cases.append(
                    (term.id, form.text, f"We saw {head} {form.text} here.", size)
                )
    return cases


@pytest.mark.parametrize("name", ["diplomacy-en", "tech-writing-en"])
def test_shipped_glossaries_never_double(name):
    """Every variant of the shipped glossaries, beside its canonical's own
    words: the fix writes the canonical once or is refused with a reason."""
    glossary = load_glossary(name)
    check = functools.partial(check_text, glossary, path="t.txt")
    sensitive = {term.id: term.case_sensitive for term in glossary}
    for term_id, variant, text, _size in _pairs(glossary):
        result = apply_fixes(
            text, check(text), check=check, case_sensitive=sensitive.__getitem__
        )
        keys = tokenize(result.text).keys
        canonical = tokenize(glossary[term_id].canonical).keys
        count = sum(keys[i : i + len(canonical)] == canonical for i in range(len(keys)))
        mine = [e for e in result.applied if e.finding.term == term_id]
        if mine:
            assert count == 1, (variant, text, result.text)
            assert result.text.startswith("We saw ")
            assert result.text.endswith(" here.")
        else:
            assert any(s.finding.term == term_id for s in result.skipped) or not any(
                f.term == term_id for f in check(text)
            ), (variant, text)


def test_whole_reason_is_reported():
    """A variant right before its canonical is left alone, with the reason."""
    glossary = load_glossary("diplomacy-en")
    text = "OBOR Belt and Road Initiative"
    check = functools.partial(check_text, glossary, path="t.txt")
    result = apply_fixes(text, check(text), check=check)
    assert result.text == text
    assert [s.reason for s in result.skipped] == [WHOLE]
