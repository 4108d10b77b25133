"""Whole-text normalisation, its offset map, and word keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termcheck.checker import check_text
from termcheck.model import Form, Glossary, Status, Term
from termcheck.normalize import fold_key, normalize_text, width_differs


class TestNormalizeText:
    """One pass over the text; every offset maps back to the original."""

    def test_ascii_is_left_alone(self) -> None:
        """ASCII text is its own normal form, with no map at all."""
        normalized = normalize_text("Belt and Road")
        assert normalized.identity
        assert normalized.text == "Belt and Road"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("ｻｰﾊﾞ", "サーバ"),  # half-width katakana, voiced mark composed
            ("か\u3099", "が"),  # decomposed kana
            ("\u1100\u1161\u11a8", "각"),  # Hangul jamo
            ("ＡＰＩ", "API"),  # full-width Latin
            ("e\u0301te\u0301", "été"),
            ("Belt\u200b and\u2060 Ro\ufeffad", "Belt and Road"),
            ("人类，命运", "人类,命运"),
        ],
    )
    def test_normal_forms(self, text: str, expected: str) -> None:
        """Compatibility and decomposed forms fold; zero-width characters go."""
        assert normalize_text(text).text == expected

    @pytest.mark.parametrize("text", ["™ ㈱ ½ ¨", "x\u00a8y", "№5"])
    def test_unsafe_compatibility_forms_stay(self, text: str) -> None:
        """A mapping that would turn a symbol into letters or add a space is not
        applied: word boundaries stay where they were."""
        normalized = normalize_text(text)
        assert normalized.text == text.replace("\u00a0", " ")

    def test_map_back(self) -> None:
        """Starts and ends of normalised characters point into the original."""
        text = "xｻｰﾊﾞ\u200bＡ"
        normalized = normalize_text(text)
        assert normalized.text == "xサーバA"
        spans = [(normalized.start(i), normalized.end(i + 1)) for i in range(5)]
        # ﾊﾞ (two characters) became バ; the zero-width space belongs to no one.
        assert spans == [(0, 1), (1, 2), (2, 3), (3, 5), (6, 7)]


class TestFoldKey:
    """Word keys: case, width and marks that do not change a word."""

    @pytest.mark.parametrize(
        ("words", "same"),
        [
            (("İzmir", "izmir", "IZMIR", "ızmır"), True),
            (("Οδυσσεύς", "ΟΔΥΣΣΕΥΣ", "οδυσσευς"), True),
            (("مُحَمَّد", "محمد", "مـحـمد"), True),
            (("שָׁלוֹם", "שלום"), True),
            (("ＡＰＩ", "api"), True),
            (("Maßnahme", "Massnahme"), False),
            (("Buße", "Busse"), False),
        ],
    )
    def test_keys(self, words: tuple[str, ...], same: bool) -> None:
        """Dotted and dotless i, Greek accents, Arabic and Hebrew marks fold;
        ß stays ß."""
        keys = {fold_key(word) for word in words}
        assert (len(keys) == 1) is same

    def test_dotted_capital_i_is_one_character(self) -> None:
        """İ never folds to two characters (i and a combining dot)."""
        assert fold_key("İ") == "i"


def _terms(*terms: Term) -> Glossary:
    return Glossary(terms)


FORBIDDEN = Status.FORBIDDEN


class TestPositionsThroughNormalisation:
    """Findings on normalised text are reported at the original columns."""

    def test_half_width_katakana_found_at_original_columns(self) -> None:
        """ｻｰﾊﾞ (4 code points) is the forbidden サーバ; the column counts the
        original characters."""
        glossary = _terms(
            Term("server", "サーバー", forbidden=(Form("サーバ", FORBIDDEN),))
        )
        (finding,) = check_text(glossary, "新しいｻｰﾊﾞに")
        assert (finding.column, finding.end_column) == (4, 8)
        assert finding.matched == "ｻｰﾊﾞ"
        assert finding.replacement == "サーバー"

    def test_zero_width_space_does_not_break_a_phrase(self) -> None:
        """U+200B inside a phrase and a word: the forbidden phrase is found
        whole, no near-miss appears."""
        glossary = _terms(
            Term(
                "bri",
                "Belt and Road Initiative",
                forbidden=(Form("One Belt One Road", FORBIDDEN),),
            )
        )
        text = "We left One\u200b Belt One Ro\u200bad behind."
        found = [
            (f.kind.value, f.column, f.matched) for f in check_text(glossary, text)
        ]
        assert found == [("forbidden", 9, "One\u200b Belt One Ro\u200bad")]

    def test_sharp_s_is_not_ss(self) -> None:
        """A glossary may forbid Massnahme beside canonical Maßnahme; Busse is not
        the forbidden Buße."""
        glossary = _terms(
            Term("massnahme", "Maßnahme", forbidden=(Form("Massnahme", FORBIDDEN),)),
            Term("geldstrafe", "Geldstrafe", forbidden=(Form("Buße", FORBIDDEN),)),
        )
        text = "Die Massnahme kostet keine Busse."
        found = [(f.term, f.column, f.matched) for f in check_text(glossary, text)]
        assert found == [("massnahme", 5, "Massnahme")]

    def test_full_width_of_a_case_sensitive_term_is_reported(self) -> None:
        """ＡＰＩ is not API for a case-sensitive term: a case finding saying
        width, fixed to API; an insensitive term takes it as it is."""
        strict = _terms(Term("api", "API", case_sensitive=True))
        (finding,) = check_text(strict, "Die ＡＰＩ hier.")
        assert (finding.kind.value, finding.column, finding.end_column) == (
            "case",
            5,
            8,
        )
        assert "wrong character width" in finding.message
        assert finding.replacement == "API"
        assert check_text(strict, "Die API hier.") == []
        loose = _terms(Term("api", "API"))
        assert check_text(loose, "Die ＡＰＩ hier.") == []

    def test_width_fold_option(self) -> None:
        """``width: fold`` on a case-sensitive term accepts full-width letters."""
        glossary = _terms(Term("api", "API", case_sensitive=True, width_strict=False))
        assert check_text(glossary, "Die ＡＰＩ hier.") == []
        assert [f.kind.value for f in check_text(glossary, "Die Api hier.")] == ["case"]


_PIECES = st.sampled_from(
    [
        "ｻｰﾊﾞ",
        "か\u3099",
        "\u1100\u1161",
        "ＡＰＩ",
        "e\u0301",
        "\u200b",
        "\ufeff",
        "™",
        "½",
        "x",
        " ",
        "\n",
        "שָׁלוֹם",
        "مـحـمد",
        "人类",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=20).map("".join))
def test_map_is_monotonic_and_inside(text: str) -> None:
    """Every normalised character maps to a non-empty, in-order original span."""
    normalized = normalize_text(text)
    previous_end = 0
    for offset in range(len(normalized.text)):
        start, end = normalized.start(offset), normalized.end(offset + 1)
        assert 0 <= start < end <= len(text)
        assert start >= previous_end or start == normalized.start(offset - 1)
        previous_end = end


class TestWidthDiffers:
    """Full- and half-width letters and ligatures differ; typography does not."""

    @pytest.mark.parametrize("text", ["ＡＰＩ", "ｻｰﾊﾞ", "\ufb01le"])
    def test_compatibility_forms(self, text: str) -> None:
        assert width_differs(text)

    @pytest.mark.parametrize(
        "text", ["API", "Belt\u00a0and\u00a0Road", "trust\u2011building", "é"]
    )
    def test_typography_is_no_width(self, text: str) -> None:
        assert not width_differs(text)

    def test_no_break_spaces_in_a_case_sensitive_wording(self) -> None:
        """No-break spaces in an exact canonical are no finding; ＡＰＩ is one."""
        api = Term("api", "API", case_sensitive=True)
        bri = Term("bri", "Belt and Road Initiative", case_sensitive=True)
        glossary = _terms(api, bri)
        assert check_text(glossary, "The Belt\u00a0and\u00a0Road Initiative.") == []
        kinds = [f.kind.value for f in check_text(glossary, "An ＡＰＩ call.")]
        assert kinds == ["case"]
