"""Hypothesis properties over generated CJK, right-to-left and combining text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from termcheck.checker import check_text
from termcheck.fix import apply_fixes
from termcheck.glossary import parse_glossary
from termcheck.text import LineIndex

GLOSSARY = parse_glossary(
    """\
version: 1
language: zh
terms:
  - id: shared-future
    canonical: 人类命运共同体
    forbidden: [人类共同命运]
  - id: server
    language: ja
    canonical: サーバー
    forbidden: [サーバ]
  - id: bri-he
    language: he
    canonical: יוזמת החגורה והדרך
    forbidden: [חגורה אחת דרך אחת]
  - id: bri-ar
    language: ar
    canonical: مبادرة الحزام والطريق
    forbidden: [حزام واحد طريق واحد]
  - id: seoul
    language: ko
    canonical: 서울특별시
    forbidden: [서울시청사]
  - id: cafe
    language: fr
    canonical: café équitable
    forbidden: [cafe equitable]
"""
)

FORMS = [
    "人类命运共同体",
    "人类共同命运",
    "サーバー",
    "サーバ",
    "ｻｰﾊﾞ",
    "יוזמת החגורה והדרך",
    "וחגורה אחת דרך אחת",
    "مبادرة الحزام والطريق",
    "وحزام واحد طريق واحد",
    "서울특별시",
    "서울시청사",
    "café équitable",
    "cafe equitable",
    "l'café équitable",
]
NOISE = [
    " ",
    "\n",
    "\r\n",
    "。",
    "，",
    "\u200b",
    "\u200f",  # right-to-left mark
    "\u0301",
    "\u3099",
    "\u064e",  # fatha
    "\u05b8",  # qamats
    "ـ",
    "«",
    "»",
    "“",
    "的",
    "は",
    "ש",
    "و",
    "e",
]
_CJK_OR_RTL = st.characters(
    codec="utf-8",
    categories=("Lo", "Mn", "Mc", "Zs", "Po"),
)
TEXTS = st.lists(
    st.one_of(
        st.sampled_from(FORMS),
        st.sampled_from(NOISE),
        st.text(_CJK_OR_RTL, max_size=4),
    ),
    max_size=25,
).map("".join)


@given(TEXTS)
def test_spans_point_into_the_original(text: str) -> None:
    """Every finding's span is the original text at its line and column."""
    lines = LineIndex(text)
    for finding in check_text(GLOSSARY, text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.matched == text[finding.start : finding.end]
        assert (finding.line, finding.column) == lines.position(finding.start)
        assert (finding.end_line, finding.end_column) == lines.end_position(finding.end)


@given(TEXTS)
def test_fixes_change_only_reported_spans_and_stick(text: str) -> None:
    """A fix rewrites only reported spans; a second fix changes nothing."""
    findings = check_text(GLOSSARY, text)
    spans = {(f.start, f.end) for f in findings}
    result = apply_fixes(text, findings, check=lambda t: check_text(GLOSSARY, t))
    pieces, position = [], 0
    for edit in sorted(result.applied, key=lambda e: e.start):
        assert (edit.start, edit.end) in spans
        pieces += [text[position : edit.start], edit.text]
        position = edit.end
    assert "".join([*pieces, text[position:]]) == result.text
    again = apply_fixes(
        result.text, result.findings, check=lambda t: check_text(GLOSSARY, t)
    )
    assert again.text == result.text


@given(st.lists(st.sampled_from(FORMS + NOISE[:6]), max_size=12).map("".join))
def test_decomposed_text_finds_the_same(text: str) -> None:
    """NFD (decomposed kana, jamo, accents) and zero-width spaces inside words
    change no finding's term or kind."""

    def kinds(checked: str) -> list[tuple[str, str]]:
        return [(f.term, f.kind.value) for f in check_text(GLOSSARY, checked)]

    decomposed = unicodedata.normalize("NFD", text)
    assert kinds(decomposed) == kinds(text)
    spaced = text.replace("命运", "命\u200b运").replace("חגורה", "חגו\u200bרה")
    assert kinds(spaced) == kinds(text)
