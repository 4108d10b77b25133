"""Chinese text: regex forms beside characters, character near-misses, fixes
across a line break."""

from __future__ import annotations

import pytest

from termcheck.checker import check_text
from termcheck.errors import GlossaryError
from termcheck.fix import apply_fixes
from termcheck.glossary import parse_glossary

CHINESE = parse_glossary(
    """\
version: 1
language: zh
terms:
  - id: shared-future
    canonical: 人类命运共同体
    forbidden: [人类共同命运]
  - id: bri
    canonical: 一带一路倡议
    forbidden: [{regex: 一带一路战略}, {regex: OBOR}]
  - id: gdi
    canonical: 全球发展倡议
  - id: sco
    canonical: 上海合作组织
"""
)


def found(text: str) -> list[tuple[str, str, int, int, str]]:
    return [
        (f.kind.value, f.term, f.column, f.end_column, f.matched)
        for f in check_text(CHINESE, text)
    ]


class TestRegexBesideCharacters:
    """A regex form matches between Han characters and next to Latin words."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("提出一带一路战略。", [("forbidden", "bri", 3, 9, "一带一路战略")]),
            ("一带一路战略很好", [("forbidden", "bri", 1, 7, "一带一路战略")]),
            ("他说OBOR的问题", [("forbidden", "bri", 3, 7, "OBOR")]),
        ],
    )
    def test_found(
        self, text: str, expected: list[tuple[str, str, int, int, str]]
    ) -> None:
        """The regex hits however the characters around it are written."""
        assert found(text) == expected

    @pytest.mark.parametrize("text", ["OBORX的问题", "提出一带一路倡议。", "XOBOR"])
    def test_silent(self, text: str) -> None:
        """Inside a Latin word, or the canonical: nothing."""
        assert found(text) == []

    def test_fixed(self) -> None:
        """The regex hit is replaced by the canonical, the characters around it
        kept."""
        text = "提出一带一路战略。"
        fixed = apply_fixes(text, check_text(CHINESE, text)).text
        assert fixed == "提出一带一路倡议。"


class TestCharacterNearMisses:
    """No reordering of characters; one wrong character in 4 or more."""

    @pytest.mark.parametrize(
        "text", ["构建同体人类命运共。", "构建命运人类共同体。", "全球展发倡议"]
    )
    def test_reordered_characters_are_silent(self, text: str) -> None:
        """The same characters in another order are another text."""
        assert found(text) == []

    @pytest.mark.parametrize(
        ("text", "matched", "column"),
        [
            ("构建人类命运共同休。", "人类命运共同休", 3),  # last character
            ("构建入类命运共同体。", "入类命运共同体", 3),  # first character
            ("构建人类命共同体。", "人类命共同体", 3),  # one left out
            ("上海合做组织成立", "上海合做组织", 1),
        ],
    )
    def test_one_wrong_character(self, text: str, matched: str, column: int) -> None:
        """One character replaced or left out is a near-miss with its span."""
        ((kind, _term, start, end, span),) = found(text)
        assert (kind, start, end, span) == (
            "near-miss",
            column,
            column + len(matched),
            matched,
        )

    def test_two_wrong_characters_are_silent(self) -> None:
        """Two changes make another phrase (全球安全倡议 is not 全球发展倡议)."""
        assert found("全球安全倡议") == []

    def test_short_terms_have_no_near_misses(self) -> None:
        """A three-character term is too short for a character typo."""
        short = parse_glossary(
            "version: 1\nlanguage: zh\nterms:\n  - id: x\n    canonical: 联合国\n"
        )
        assert check_text(short, "联合图") == []


class TestLineBreak:
    """Chinese wraps without spaces: a term across a line break is fixed with the
    break kept."""

    @pytest.mark.parametrize("newline", ["\n", "\r\n"])
    def test_fix_keeps_the_break(self, newline: str) -> None:
        """人类共同 / 命运 becomes 人类命运共 / 同体, with the same line ending."""
        text = f"我们要构建人类共同{newline}命运。"
        (finding,) = check_text(CHINESE, text)
        assert (finding.line, finding.column, finding.end_line) == (1, 6, 2)
        result = apply_fixes(text, [finding])
        assert result.text == f"我们要构建人类命运共{newline}同体。"
        assert not result.skipped


JIEBA_TERMS = """\
terms:
  - id: data
    canonical: 数据
    forbidden: [资料]
  - id: shared-future
    canonical: 人类命运共同体
    forbidden: [人类共同命运]
"""


class TestJiebaSegmenter:
    """``segmenter: jieba`` (the zh extra) matches Chinese by dictionary words."""

    def test_no_match_inside_a_longer_word(self) -> None:
        """资料 inside the word 资料库 is found by characters, not by words."""
        by_characters = parse_glossary("version: 1\nlanguage: zh\n" + JIEBA_TERMS)
        by_words = parse_glossary(
            "version: 1\nlanguage: zh\nsegmenter: jieba\n" + JIEBA_TERMS
        )
        text = "资料库已更新。"
        assert [f.matched for f in check_text(by_characters, text)] == ["资料"]
        assert check_text(by_words, text) == []

    def test_words_are_found_and_fixed(self) -> None:
        """A forbidden word, and a forbidden phrase across a line break."""
        g = parse_glossary("version: 1\nlanguage: zh\nsegmenter: jieba\n" + JIEBA_TERMS)
        text = "我们使用资料，构建人类共同\n命运。"
        findings = check_text(g, text)
        assert [(f.term, f.column, f.matched) for f in findings] == [
            ("data", 5, "资料"),
            ("shared-future", 10, "人类共同\n命运"),
        ]
        fixed = apply_fixes(text, findings).text
        assert fixed == "我们使用数据，构建人类命运共\n同体。"

    def test_missing_package_is_a_located_error(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without jieba the glossary is refused, naming the key and the extra."""
        monkeypatch.setattr(
            "termcheck.glossary.segmenter_missing",
            lambda name: (
                "the jieba package is not installed (pip install 'termcheck[zh]')"
            ),
        )
        with pytest.raises(GlossaryError) as caught:
            parse_glossary("version: 1\nlanguage: zh\nsegmenter: jieba\nterms: []\n")
        assert str(caught.value) == (
            "<string>:3:12: segmenter 'jieba' cannot run: the jieba package is "
            "not installed (pip install 'termcheck[zh]')"
        )

    def test_unknown_segmenter(self) -> None:
        """Only known segmenters are accepted."""
        with pytest.raises(GlossaryError, match="'segmenter'"):
            parse_glossary("version: 1\nsegmenter: icu\nterms: []\n")
