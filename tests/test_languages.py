"""What a term's language selects, language by language, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.checker import check_text
from termcheck.fix import apply_fixes
from termcheck.glossary import parse_glossary
from termcheck.languages import primary, profile_for
from termcheck.model import Glossary


def glossary(language: str, terms: str) -> Glossary:
    return parse_glossary(f"version: 1\nlanguage: {language}\nterms:\n{terms}")


def found(g: Glossary, text: str) -> list[tuple[str, str, int, int, str]]:
    """(kind, term, column, end column, matched) of each finding."""
    return [
        (f.kind.value, f.term, f.column, f.end_column, f.matched)
        for f in check_text(g, text)
    ]


def fixed(g: Glossary, text: str) -> str:
    return apply_fixes(text, check_text(g, text)).text


class TestProfiles:
    """BCP 47 tags pick a profile by their primary subtag."""

    @pytest.mark.parametrize(
        ("tag", "expected"),
        [("zh-Hans-CN", "zh"), ("EN-gb", "en"), ("", "en"), ("fr-CA", "fr")],
    )
    def test_primary(self, tag: str, expected: str) -> None:
        """The primary subtag, lower case; "" is English."""
        assert primary(tag) == expected

    def test_unknown_language_gets_no_english_rules(self) -> None:
        """An unlisted language has no function words and no inflection."""
        profile = profile_for("sw")
        assert not profile.english_inflection
        assert profile.function_words == frozenset()


JAPANESE = """\
  - id: server
    canonical: サーバー
    forbidden: [サーバ]
  - id: database
    canonical: データベース
    forbidden: [データーベース]
"""


class TestJapanese:
    """ー and ｰ are kana; half-width and decomposed kana are found."""

    def test_long_mark_does_not_glue_to_latin(self) -> None:
        """このサーバーAPIは: the canonical サーバー is there, nothing to report."""
        assert found(glossary("ja", JAPANESE), "このサーバーAPIは") == []

    def test_forbidden_short_form(self) -> None:
        """サーバ before a particle is the forbidden form, fixed in place."""
        g = glossary("ja", JAPANESE)
        assert found(g, "このサーバは速い。") == [
            ("forbidden", "server", 3, 6, "サーバ")
        ]
        assert fixed(g, "このサーバは速い。") == "このサーバーは速い。"

    def test_half_width_and_decomposed(self) -> None:
        """ｻｰﾊﾞ and サーハ + U+3099 are the forbidden サーバ."""
        g = glossary("ja", JAPANESE)
        assert found(g, "ｻｰﾊﾞを") == [("forbidden", "server", 1, 5, "ｻｰﾊﾞ")]
        assert found(g, "サーハ\u3099を") == [
            ("forbidden", "server", 1, 5, "サーハ\u3099")
        ]
        assert fixed(g, "ｻｰﾊﾞを") == "サーバーを"


GERMAN = """\
  - id: nutzer
    canonical: Nutzer
    forbidden: [Benutzer, User]
    inflections:
      Nutzer: [Nutzers, Nutzern]
      Benutzer: [Benutzers, Benutzern]
  - id: datenschutz
    canonical: Datenschutzbeauftragter
    forbidden: [Datenschutzbeauftragte Person]
"""


class TestGerman:
    """No English plural rules; listed inflections fix to the same case."""

    def test_english_plural_rule_does_not_apply(self) -> None:
        """ "Users" is not the forbidden "User" plus an English plural."""
        g = glossary("de", GERMAN)
        assert found(g, "Die Users sind da.") == []
        assert found(g, "Der User ist da.") == [("forbidden", "nutzer", 5, 9, "User")]

    def test_listed_inflection_fixes_to_the_same_form(self) -> None:
        """Benutzern (dative plural) becomes Nutzern, not Nutzer."""
        g = glossary("de", GERMAN)
        assert found(g, "Den Benutzern danken wir.") == [
            ("forbidden", "nutzer", 5, 14, "Benutzern")
        ]
        assert fixed(g, "Den Benutzern danken wir.") == "Den Nutzern danken wir."

    def test_listed_inflection_of_the_canonical_is_accepted(self) -> None:
        """Nutzern is the canonical inflected: nothing to report."""
        assert found(glossary("de", GERMAN), "Den Nutzern danken wir.") == []

    def test_other_ending_is_no_near_miss(self) -> None:
        """Datenschutzbeauftragten (another case ending) is no typo."""
        g = glossary("de", GERMAN)
        assert found(g, "Wir fragen den Datenschutzbeauftragten.") == []
        assert found(g, "Wir fragen den Datenschutzbeauftrgter.") == [
            ("near-miss", "datenschutz", 16, 38, "Datenschutzbeauftrgter")
        ]


RUSSIAN = """\
  - id: gsi
    canonical: Инициатива глобальной безопасности
    forbidden: [Инициатива мировой безопасности]
"""


class TestRussian:
    """Case endings are inflections, never near-misses or fixes."""

    def test_genitive_is_not_flagged(self) -> None:
        """В рамках Инициативы глобальной безопасности: the term, inflected."""
        g = glossary("ru", RUSSIAN)
        assert found(g, "В рамках Инициативы глобальной безопасности.") == []

    def test_real_typo_is_still_a_near_miss(self) -> None:
        """A letter missing inside a word stays a near-miss."""
        g = glossary("ru", RUSSIAN)
        assert found(g, "Инициатива глобальной безпасности.") == [
            ("near-miss", "gsi", 1, 34, "Инициатива глобальной безпасности")
        ]

    def test_forbidden_nominative(self) -> None:
        """The forbidden wording as listed is found and fixed."""
        g = glossary("ru", RUSSIAN)
        text = "Инициатива мировой безопасности важна."
        assert found(g, text) == [
            ("forbidden", "gsi", 1, 32, "Инициатива мировой безопасности")
        ]
        assert fixed(g, text) == "Инициатива глобальной безопасности важна."


FRENCH = """\
  - id: isg
    canonical: Initiative pour la sécurité mondiale
    forbidden: [Initiative de sécurité globale]
  - id: courriel
    canonical: courriel
    forbidden: [e-mail]
  - id: ue
    canonical: Union européenne
    forbidden: [Communauté européenne]
"""


class TestFrench:
    """Elided articles are words of their own."""

    def test_elided_article_before_the_term(self) -> None:
        """l'Initiative de sécurité globale is found from the I, fixed after l'."""
        g = glossary("fr", FRENCH)
        text = "Il soutient l'Initiative de sécurité globale."
        assert found(g, text) == [
            ("forbidden", "isg", 15, 45, "Initiative de sécurité globale")
        ]
        assert fixed(g, text) == ("Il soutient l'Initiative pour la sécurité mondiale.")

    def test_typographic_apostrophe(self) -> None:
        """d’ with a typographic apostrophe splits the same way."""
        g = glossary("fr", FRENCH)
        assert found(g, "le rôle d’Union européenne") == []
        assert found(g, "la fin d’Communauté européenne") == []

    def test_elision_before_a_consonant_replacement_is_not_fixed(self) -> None:
        """l'e-mail -> l'courriel would be wrong French: reported, left alone."""
        g = glossary("fr", FRENCH)
        findings = check_text(g, "Envoyez l'e-mail.")
        assert [(f.column, f.matched, f.fixable) for f in findings] == [
            (11, "e-mail", False)
        ]
        assert "elided article" in findings[0].fix_note
        assert fixed(g, "Envoyez l'e-mail.") == "Envoyez l'e-mail."

    def test_silent_on_canonical_after_elision(self) -> None:
        """l'Union européenne is the canonical."""
        assert found(glossary("fr", FRENCH), "Le budget de l'Union européenne.") == []


SPANISH = """\
  - id: franja
    canonical: iniciativa de la Franja y la Ruta
    case: sensitive
    forbidden: [nueva ruta de la seda]
"""


class TestSentenceOpeners:
    """¿ ¡ „ « 「 open sentences: capitals there are right."""

    def test_inverted_question_mark(self) -> None:
        """¿Iniciativa ...? at a sentence start is not a case error."""
        g = glossary("es", SPANISH)
        assert found(g, "¿Iniciativa de la Franja y la Ruta?") == []
        assert found(g, "Es la Iniciativa de la Franja y la Ruta.") == [
            ("case", "franja", 7, 40, "Iniciativa de la Franja y la Ruta")
        ]

    def test_fix_gets_a_capital_after_opener(self) -> None:
        """¡nueva ruta de la seda! becomes ¡Iniciativa ...!"""
        g = glossary("es", SPANISH)
        assert fixed(g, "¡nueva ruta de la seda!") == (
            "¡iniciativa de la Franja y la Ruta!"
        )


TURKISH = """\
  - id: izmir
    canonical: İzmir
    case: sensitive
  - id: istanbul
    canonical: İstanbul
    forbidden: [Konstantiniye]
"""


class TestTurkish:
    """Dotted and dotless i: one key, Turkish capitals in fixes."""

    def test_case_sensitive_dotted_capital(self) -> None:
        """izmir and IZMIR are case errors of İzmir, fixed to İzmir."""
        g = glossary("tr", TURKISH)
        text = "izmir ve IZMIR ve İzmir"
        assert found(g, text) == [
            ("case", "izmir", 1, 6, "izmir"),
            ("case", "izmir", 10, 15, "IZMIR"),
        ]
        assert fixed(g, text) == "İzmir ve İzmir ve İzmir"

    def test_insensitive_term_in_any_case(self) -> None:
        """istanbul is İstanbul for a case-insensitive term: no near-miss."""
        assert found(glossary("tr", TURKISH), "istanbul ve ISTANBUL") == []

    def test_upper_case_fix_uses_dotted_capital(self) -> None:
        """KONSTANTINIYE in capitals becomes İSTANBUL, not ISTANBUL."""
        g = glossary("tr", TURKISH)
        assert fixed(g, "KONSTANTINIYE") == "İSTANBUL"


GREEK = """\
  - id: odysseus
    canonical: Οδυσσεύς
    forbidden: [Οδυσσέας]
"""


class TestGreek:
    """Capitals without accents and final sigma match."""

    def test_capitals_without_accents(self) -> None:
        """ΟΔΥΣΣΕΑΣ (no accent, capital sigma) is the forbidden Οδυσσέας."""
        g = glossary("el", GREEK)
        assert found(g, "Ο ΟΔΥΣΣΕΑΣ ήρθε") == [
            ("forbidden", "odysseus", 3, 11, "ΟΔΥΣΣΕΑΣ")
        ]
        assert fixed(g, "Ο ΟΔΥΣΣΕΑΣ ήρθε") == "Ο ΟΔΥΣΣΕΥΣ ήρθε"

    def test_canonical_in_capitals_is_fine(self) -> None:
        """ΟΔΥΣΣΕΥΣ is the canonical in capitals."""
        assert found(glossary("el", GREEK), "Ο ΟΔΥΣΣΕΥΣ ήρθε") == []


ARABIC = """\
  - id: bri
    canonical: مبادرة الحزام والطريق
    forbidden: [حزام واحد طريق واحد]
"""
HEBREW = """\
  - id: bri
    canonical: יוזמת החגורה והדרך
    forbidden: [חגורה אחת דרך אחת]
"""


class TestAttachedPrefixes:
    """و and ו (and), ב (in)... are split off a glossary word, kept by fixes."""

    def test_arabic_prefix_on_the_canonical(self) -> None:
        """ومبادرة الحزام والطريق (and the initiative...) is the canonical."""
        g = glossary("ar", ARABIC)
        assert found(g, "ومبادرة الحزام والطريق مهمة") == []

    def test_arabic_prefix_on_a_forbidden_form(self) -> None:
        """وحزام واحد طريق واحد: found after و, and the fix keeps و."""
        g = glossary("ar", ARABIC)
        text = "وحزام واحد طريق واحد"
        assert found(g, text) == [("forbidden", "bri", 2, 21, "حزام واحد طريق واحد")]
        assert fixed(g, text) == "ومبادرة الحزام والطريق"

    def test_arabic_vowel_marks_and_tatweel(self) -> None:
        """Harakat and tatweel do not hide the canonical or a forbidden form."""
        g = glossary("ar", ARABIC)
        assert found(g, "مُبَادَرَة الحـزام والطريق") == []
        assert [k for k, *_ in found(g, "حِزَام واحد طريق واحد")] == ["forbidden"]

    def test_word_that_merely_starts_with_a_prefix_letter(self) -> None:
        """A word starting with و whose rest is no glossary word stays whole."""
        assert found(glossary("ar", ARABIC), "وزارة الخارجية") == []

    def test_hebrew_prefixes(self) -> None:
        """ביוזמת (in the initiative) is the canonical; וחגורה the forbidden form."""
        g = glossary("he", HEBREW)
        assert found(g, "ביוזמת החגורה והדרך") == []
        text = "וחגורה אחת דרך אחת"
        assert found(g, text) == [("forbidden", "bri", 2, 19, "חגורה אחת דרך אחת")]
        assert fixed(g, text) == "ויוזמת החגורה והדרך"


class TestThai:
    """Thai runs without spaces are split into characters."""

    def test_term_inside_a_run(self) -> None:
        """ความมั่นคง inside a run of Thai text is found."""
        g = glossary(
            "th",
            "  - id: sec\n    canonical: ความมั่นคงร่วมกัน\n"
            "    forbidden: [ความปลอดภัยร่วมกัน]\n",
        )
        text = "เราสนับสนุนความปลอดภัยร่วมกันของภูมิภาค"
        ((kind, term, column, end, matched),) = found(g, text)
        assert (kind, term, matched) == ("forbidden", "sec", "ความปลอดภัยร่วมกัน")
        assert (column, end) == (12, 30)
        assert found(g, "เราสนับสนุนความมั่นคงร่วมกันของภูมิภาค") == []


KOREAN = """\
  - id: korea
    canonical: 대한민국
    forbidden: [남한]
"""


class TestKorean:
    """Hangul syllables are characters of their own, particles attached."""

    def test_forbidden_with_particle(self) -> None:
        """남한의 (with the particle 의) holds the forbidden 남한, fixed in place."""
        g = glossary("ko", KOREAN)
        assert found(g, "남한의 수도") == [("forbidden", "korea", 1, 3, "남한")]
        assert fixed(g, "남한의 수도") == "대한민국의 수도"

    def test_canonical_and_jamo(self) -> None:
        """The canonical, also written in decomposed jamo, is no finding."""
        g = glossary("ko", KOREAN)
        assert found(g, "대한민국의 수도") == []
        decomposed = (
            "\u1103\u1162\u1112\u1161\u11ab\u1106\u1175\u11ab\u1100\u116e\u11a8"
        )
        assert found(g, decomposed + "의 수도") == []


SPANISH_INSENSITIVE = """\
  - id: franja
    canonical: iniciativa de la Franja y la Ruta
    forbidden: [nueva ruta de la seda]
"""


class TestOpenersInFixes:
    """After ¡ or „ a fix starts with a capital, and a capital is no case error."""

    def test_capital_after_inverted_exclamation(self) -> None:
        """¡nueva ruta de la seda! -> ¡Iniciativa de la Franja y la Ruta!"""
        g = glossary("es", SPANISH_INSENSITIVE)
        assert fixed(g, "¡nueva ruta de la seda!") == (
            "¡Iniciativa de la Franja y la Ruta!"
        )
        assert fixed(g, "Es la nueva ruta de la seda.") == (
            "Es la iniciativa de la Franja y la Ruta."
        )

    def test_german_low_quote(self) -> None:
        """. „Email ist schnell“: a capital after „ opens a sentence."""
        g = glossary("de", "  - id: email\n    canonical: email\n    case: sensitive\n")
        assert found(g, "Das ist neu. „Email ist schnell“, sagte er.") == []
        assert found(g, "Er sagte, Email ist schnell.") == [
            ("case", "email", 11, 16, "Email")
        ]


class TestRoundTrip:
    """width and inflections survive export to TBX and import back."""

    def test_tbx_round_trip(self, tmp_path: Path) -> None:
        """The imported glossary has the same width setting and inflections."""
        from termcheck.interchange import export_glossary, import_glossary

        source = glossary("de", GERMAN + "    width: strict\n")
        exported = export_glossary("tbx", source, "de.yaml")
        path = tmp_path / "de.tbx"
        path.write_text(exported.text, encoding="utf-8")
        imported = parse_glossary(import_glossary("tbx", path, "de").text)
        assert imported["datenschutz"].width_strict is True  # the last term's
        assert imported["nutzer"].width_strict is None
        assert imported["nutzer"].inflections == (
            ("Nutzer", ("Nutzers", "Nutzern")),
            ("Benutzer", ("Benutzers", "Benutzern")),
        )
        assert fixed(imported, "Den Benutzern danken wir.") == (
            "Den Nutzern danken wir."
        )
