"""Tests for importing Vale substitution rules and Vocab lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.checker import check_text
from termcheck.errors import GlossaryError
from termcheck.glossary import parse_glossary
from termcheck.interchange import import_glossary
from termcheck.interchange.vale import literal_alternatives, read_vale
from termcheck.model import Form, Severity, Status, Term

DATA = Path(__file__).resolve().parent / "data" / "interchange" / "vale"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "termbases"


def terms_of(path: Path) -> dict[str, Term]:
    """The terms a Vale file imports to, by canonical wording."""
    return {term.canonical: term for term in read_vale(path).terms}


class TestLiteralAlternatives:
    """Swap keys that are plain wordings become literal forms, others regexes."""

    @pytest.mark.parametrize(
        ("pattern", "expected"),
        [
            ("web site", ["web site"]),
            ("(?:e-mail|E-mail)", ["e-mail", "E-mail"]),
            ("best of breed|best-of-breed", ["best of breed", "best-of-breed"]),
            (r"3\-D", ["3-D"]),
            (r"Node\.js", ["Node.js"]),
        ],
    )
    def test_plain(self, pattern, expected):
        """Plain text, escaped punctuation and top-level alternations are literal."""
        assert literal_alternatives(pattern) == expected

    @pytest.mark.parametrize(
        "pattern",
        [
            "web ?site",
            "chat ?bots?",
            "(?<!Mozilla )Firefox",
            r"\bas per\b",
            "a.m",
            "(?:a|b)c",
            "[Oo]K",
            "(?i)ok",
        ],
    )
    def test_regex(self, pattern):
        """Anything with regex syntax left over is a regex."""
        assert literal_alternatives(pattern) is None


class TestSubstitutionRule:
    """A substitution rule: each suggestion is a term, its keys the forbidden forms."""

    def test_terms(self):
        """Keys group under their suggestion; literal keys stay literal."""
        quay = terms_of(DATA / "Harbour" / "Terms.yml")["quay"]
        assert quay.forbidden == (
            Form("landing stage", Status.FORBIDDEN),
            Form("key wall", Status.FORBIDDEN),
            Form("key-wall", Status.FORBIDDEN),
        )

    def test_regex_keys(self):
        """A key with regex syntax becomes a regex form."""
        tide = terms_of(DATA / "Harbour" / "Terms.yml")["tide table"]
        assert tide.forbidden == (Form("tidal charts?", Status.FORBIDDEN, regex=True),)

    def test_plural_suggestion_is_not_another_wording(self):
        """'tide table|tide tables': the plural needs no allowed form of its own."""
        assert terms_of(DATA / "Harbour" / "Terms.yml")["tide table"].allowed == ()

    def test_level_and_ignorecase(self):
        """level maps to severity; ignorecase: true keeps the term case-insensitive."""
        terms = terms_of(DATA / "Harbour" / "Terms.yml")
        assert terms["quay"].severity is Severity.WARNING
        assert not terms["quay"].case_sensitive

    def test_case_correction_makes_the_term_case_sensitive(self):
        """A key that differs from its suggestion only in case: case-sensitive term."""
        master = terms_of(DATA / "Harbour" / "Terms.yml")["harbourmaster"]
        assert master.case_sensitive

    def test_default_is_case_sensitive_suggestion_level(self):
        """Without ignorecase, Vale matches case-sensitively; level error is error."""
        (term,) = read_vale(DATA / "Harbour" / "Caps.yml").terms
        assert term.case_sensitive
        assert term.severity is Severity.ERROR
        assert [f.text for f in term.forbidden] == ["Portmaster", "port master"]

    def test_link_becomes_the_note(self):
        """The rule's link is kept in each term's note."""
        quay = terms_of(DATA / "Harbour" / "Terms.yml")["quay"]
        assert quay.note == "See https://example.org/harbour-style"

    def test_what_is_not_carried_over_is_a_warning(self):
        """message, scope and a back-reference suggestion are named in warnings."""
        warnings = read_vale(DATA / "Harbour" / "Terms.yml").warnings
        assert any("'message'" in w for w in warnings)
        assert any("'scope'" in w for w in warnings)
        assert any("mooring $1" in w for w in warnings)
        assert len(warnings) == 3

    def test_imported_glossary_works(self):
        """The generated glossary loads and flags the Vale variants."""
        result = import_glossary("vale", DATA / "Harbour" / "Terms.yml")
        glossary = parse_glossary(result.text)
        found = check_text(glossary, "Meet at the landing stage near the tidal chart.")
        assert [(f.term, f.matched) for f in found] == [
            ("quay", "landing stage"),
            ("tide-table", "tidal chart"),
        ]

    def test_existence_rule_is_an_error(self):
        """An existence rule has no suggestion to make a term of."""
        with pytest.raises(GlossaryError, match="'extends: existence' cannot"):
            read_vale(DATA / "Harbour" / "Avoid.yml")

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("swap: [a, b", "invalid YAML"),
            ("- a\n- b\n", "expected a mapping"),
            ("extends: substitution\n", "no 'swap' mapping"),
        ],
    )
    def test_not_a_rule(self, tmp_path, text, problem):
        """Broken or foreign YAML is a one-line error naming the file."""
        path = tmp_path / "Rule.yml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(GlossaryError, match=problem):
            read_vale(path)


class TestVocab:
    """accept.txt entries are terms; reject.txt entries join the term they vary."""

    @pytest.fixture(name="vocab")
    def _vocab(self):
        """The imported Harbour vocabulary."""
        return read_vale(DATA / "config" / "vocabularies" / "Harbour")

    def test_accepted_entries(self, vocab):
        """Each plain accepted entry is a case-sensitive term, unless (?i)."""
        terms = {t.canonical: t for t in vocab.terms}
        assert set(terms) == {"PortMaster", "TideWatch", "harbourmaster"}
        assert terms["PortMaster"].case_sensitive
        assert not terms["harbourmaster"].case_sensitive

    def test_rejected_entries_join_their_term(self, vocab):
        """A case variant and a split spelling become forbidden forms."""
        terms = {t.canonical: t for t in vocab.terms}
        assert [f.text for f in terms["PortMaster"].forbidden] == ["Portmaster"]
        assert [f.text for f in terms["TideWatch"].forbidden] == ["Tide Watch"]

    def test_leftovers_are_warnings(self, vocab):
        """Patterns and rejected words with no accepted term are named."""
        assert len(vocab.warnings) == 3
        assert any("[Qq]uayside" in w for w in vocab.warnings)
        assert any("'boatyard' matches no accepted term" in w for w in vocab.warnings)
        assert any("'HarbourMaster'" in w for w in vocab.warnings)

    def test_reading_one_list_reads_the_folder(self):
        """Naming accept.txt reads reject.txt beside it too."""
        path = DATA / "config" / "vocabularies" / "Harbour" / "accept.txt"
        assert {t.canonical for t in read_vale(path).terms} == {
            "PortMaster",
            "TideWatch",
            "harbourmaster",
        }

    def test_empty_folder(self, tmp_path):
        """A folder with neither list is an error."""
        with pytest.raises(GlossaryError, match=r"no accept\.txt or reject\.txt"):
            read_vale(tmp_path)


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared term bases not present")
class TestRealValePackages:
    """The Red Hat, Microsoft, Google and write-good packages."""

    @pytest.mark.parametrize(
        ("package", "rule", "minimum"),
        [
            ("vale-RedHat", "TermsErrors.yml", 400),
            ("vale-RedHat", "CaseSensitiveTerms.yml", 300),
            ("vale-RedHat", "Hyphens.yml", 200),
            ("vale-Microsoft", "Terms.yml", 30),
            ("vale-Google", "WordList.yml", 60),
        ],
    )
    def test_substitution_rules_import_and_load(self, package, rule, minimum):
        """Big real rules import to glossaries that load, with warnings for losses."""
        result = import_glossary("vale", SHARED / package / rule)
        glossary = parse_glossary(result.text)
        assert len(glossary) == result.terms >= minimum
        assert any("'message'" in w for w in result.warnings)

    def test_google_case_sensitive_list(self):
        """Google's word list is case-sensitive; its Wi-Fi entry keeps both keys."""
        terms = terms_of(SHARED / "vale-Google" / "WordList.yml")
        wifi = terms["Wi-Fi"]
        assert wifi.case_sensitive
        assert [f.text for f in wifi.forbidden] == ["WiFi", "wifi"]

    def test_write_good_existence_rules_refused(self):
        """write-good's rules are existence rules: an error, not a glossary."""
        with pytest.raises(GlossaryError, match="existence"):
            read_vale(SHARED / "vale-write-good" / "Cliches.yml")
