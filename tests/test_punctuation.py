"""Wordings with punctuation in them match as written; unmatchable ones are
refused."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from termcheck.checker import check_text
from termcheck.errors import GlossaryError
from termcheck.fix import apply_fixes
from termcheck.glossary import parse_glossary

GLOSSARY = parse_glossary(
    """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [the “Belt and Road” Initiative]
  - id: rnd
    canonical: research and development
    forbidden: [R&D]
  - id: bri-ru
    language: ru
    canonical: инициатива «Один пояс, один путь»
    forbidden: [Инициатива «Пояс и путь»]
  - id: book
    language: zh
    canonical: 《习近平谈治国理政》第一卷
    forbidden: [《习近平谈治国理政》1卷]
"""
)


def found(text: str) -> list[tuple[str, str, int, int, str]]:
    return [
        (f.kind.value, f.term, f.column, f.end_column, f.matched)
        for f in check_text(GLOSSARY, text)
    ]


class TestPunctuatedForms:
    """Quotes, guillemets, 《》 and & inside or around a wording."""

    @pytest.mark.parametrize(
        "quoted",
        ['"Belt and Road"', "“Belt and Road”", "„Belt and Road“", "«Belt and Road»"],
    )
    def test_typographic_quotes_are_equal(self, quoted: str) -> None:
        """Any kind of double quote matches the wording's “ ”."""
        text = f"Read the {quoted} Initiative now."
        assert found(text) == [("forbidden", "bri", 6, 36, f"the {quoted} Initiative")]

    def test_without_the_quotes_it_is_another_text(self) -> None:
        """The canonical, unquoted, is no finding."""
        assert found("Read the Belt and Road Initiative now.") == []

    def test_ampersand(self) -> None:
        """R&D matches as written, R & D does not."""
        assert found("Our R&D budget.") == [("forbidden", "rnd", 5, 8, "R&D")]
        assert found("Our R & D budget.") == []

    def test_guillemets_in_russian(self) -> None:
        """«Пояс и путь» and „Пояс и путь“ are the same wording, fixed whole."""
        text = "Инициатива „Пояс и путь“ важна."
        assert found(text) == [
            ("forbidden", "bri-ru", 1, 25, "Инициатива „Пояс и путь“")
        ]
        fixed = apply_fixes(text, check_text(GLOSSARY, text)).text
        assert fixed == "Инициатива «Один пояс, один путь» важна."

    def test_book_title_brackets(self) -> None:
        """《…》 around a title: found with its brackets, fixed whole."""
        text = "请读《习近平谈治国理政》1卷。"
        assert found(text) == [("forbidden", "book", 3, 15, "《习近平谈治国理政》1卷")]
        fixed = apply_fixes(text, check_text(GLOSSARY, text)).text
        assert fixed == "请读《习近平谈治国理政》第一卷。"
        assert found("请读《习近平谈治国理政》第一卷。") == []


class TestUnmatchableForms:
    """A wording that could never match is refused, named, at its position."""

    @pytest.mark.parametrize(
        ("form", "why"),
        [
            ("&&", "no word"),
            ("—", "no word"),
            ("see https://example.org/x", "URL"),
            ("write to press@example.org", "e-mail"),
        ],
    )
    def test_refused(self, form: str, why: str) -> None:
        """The loader names the form and the reason."""
        text = f"version: 1\nterms:\n  - canonical: ok\n    forbidden: [{form!r}]\n"
        with pytest.raises(GlossaryError) as caught:
            parse_glossary(text)
        assert f"form {form!r} can never match" in str(caught.value)
        assert why in str(caught.value)

    def test_validate_command(self, tmp_path: Path) -> None:
        """``glossary validate`` exits 2 with one line naming file, line, form."""
        path = tmp_path / "g.yaml"
        path.write_text(
            "version: 1\nterms:\n  - canonical: R&D\n    forbidden: ['&&']\n",
            encoding="utf-8",
        )
        run = subprocess.run(
            ["termcheck", "glossary", "validate", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 2
        assert run.stderr == (
            f"termcheck: error: {path}:4:17: form '&&' can never match: "
            "it has no word (letters or digits) to match\n"
        )
