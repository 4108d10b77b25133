"""Cross-term checks: contradictions between regex and literal forms, at scale."""

from __future__ import annotations

import pytest

import termcheck.glossary_checks as checks
from termcheck.errors import GlossaryError
from termcheck.glossary import parse_glossary


def glossary_text(terms: list[str]) -> str:
    """A version-1 glossary document with the given term entries."""
    return "version: 1\nterms:\n" + "".join(terms)


class TestRegexContradictions:
    """A regex may not forbid what a literal form accepts, or the reverse."""

    def test_anchored_regex_contradiction(self) -> None:
        """A forbidden regex starting with a word that matches an allowed form fails."""
        text = glossary_text(
            [
                "  - canonical: community with a shared future\n",
                "  - canonical: other thing\n    forbidden:\n"
                "      - regex: community with a (shared|common) future\n",
            ]
        )
        with pytest.raises(GlossaryError, match="which term 'community-with-a"):
            parse_glossary(text, "g.yaml")

    def test_unanchored_regex_contradiction(self) -> None:
        """A regex with no literal first word is tried on every literal form."""
        text = glossary_text(
            [
                "  - canonical: e-mail address\n",
                "  - canonical: email\n    forbidden:\n",
                "      - regex: '[Ee]-mail address'\n",
            ]
        )
        with pytest.raises(GlossaryError, match="forbidden regex"):
            parse_glossary(text, "g.yaml")

    def test_anchored_regex_only_tries_literals_with_its_first_word(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Literal forms starting with other words are never tried: linear cost."""
        tried: list[int] = []
        original = checks._check_one_regex

        def spy(term, form, where, literals, deadline):
            tried.append(len(literals))
            original(term, form, where, literals, deadline)

        monkeypatch.setattr(checks, "_check_one_regex", spy)
        terms = [f"  - canonical: word{i} thing{i}\n" for i in range(500)]
        terms.append("  - canonical: anchor one\n")
        terms.append(
            "  - canonical: x y\n    forbidden:\n      - regex: anchor (two|three)\n"
        )
        parse_glossary(glossary_text(terms), "g.yaml")
        assert tried == [1]
