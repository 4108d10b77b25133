"""Tests for the glossary loader: format version 1, validation and bundled files."""

from __future__ import annotations

import hashlib
import importlib.resources
import time
from pathlib import Path
from textwrap import dedent

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.errors import GlossaryError
from termcheck.glossary import (
    bundled_glossaries,
    load_glossary,
    parse_glossary,
    resolve_glossary_source,
)
from termcheck.model import Examples, Form, Glossary, Severity, Status
from tests.profiles import examples

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "glossary.yaml"
HEADER = "version: 1\nterms:\n"


def parse(body: str, header: str = HEADER) -> Glossary:
    """Parse ``header + body`` as ``g.yaml``."""
    return parse_glossary(header + body, "g.yaml")


def problem_at(body: str, where: str, fragment: str, header: str = HEADER) -> str:
    """Assert that parsing fails at ``g.yaml:where`` with ``fragment``; return it."""
    with pytest.raises(GlossaryError) as caught:
        parse(body, header)
    message = str(caught.value)
    assert message.startswith(f"g.yaml:{where}: "), message
    assert fragment in caught.value.problem, message
    return message


class TestParseValid:
    """Well-formed glossaries become the expected terms."""

    def test_minimal_term_gets_builtin_defaults(self):
        """A term with only a canonical form gets insensitive case, 0.88, error."""
        glossary = parse("  - canonical: peaceful coexistence\n")
        term = glossary["peaceful-coexistence"]
        assert term.case_sensitive is False
        assert term.fuzzy == 0.88
        assert term.severity is Severity.ERROR
        assert term.allowed == term.forbidden == ()
        assert term.examples == Examples()
        assert (term.source, term.line) == ("g.yaml", 3)
        assert glossary.sources == ("g.yaml",)
        assert (glossary.name, glossary.language) == ("", "en")

    def test_defaults_apply_and_terms_override_them(self):
        """``defaults`` preset every term; a term's own keys win."""
        glossary = parse(
            dedent("""\
            defaults:
              case: sensitive
              fuzzy: 0.9
              severity: warning
            terms:
              - id: plain
                canonical: plain term
              - id: custom
                canonical: custom term
                case: insensitive
                fuzzy: 0.75
                severity: info
            """),
            header="version: 1\n",
        )
        plain, custom = glossary["plain"], glossary["custom"]
        assert (plain.case_sensitive, plain.fuzzy, plain.severity) == (
            True,
            0.9,
            Severity.WARNING,
        )
        assert (custom.case_sensitive, custom.fuzzy, custom.severity) == (
            False,
            0.75,
            Severity.INFO,
        )

    @pytest.mark.parametrize("value", ["false", "0", "0.0", "off", "no"])
    def test_fuzzy_off(self, value):
        """``fuzzy: false`` or 0 turns near-miss search off (None)."""
        term = parse(f"  - canonical: x y\n    fuzzy: {value}\n").terms[0]
        assert term.fuzzy is None

    def test_fuzzy_integer_one(self):
        """``fuzzy: 1`` is accepted and stored as a float."""
        term = parse("  - canonical: x y\n    fuzzy: 1\n").terms[0]
        assert term.fuzzy == 1.0
        assert isinstance(term.fuzzy, float)

    def test_defaults_can_turn_fuzzy_off(self):
        """A ``defaults`` fuzzy of false reaches every term."""
        glossary = parse(
            "defaults: {fuzzy: false}\nterms:\n  - canonical: a b\n",
            header="version: 1\n",
        )
        assert glossary.terms[0].fuzzy is None

    @pytest.mark.parametrize(
        ("canonical", "expected"),
        [
            ("Belt and Road Initiative", "belt-and-road-initiative"),
            ("Confidence-Building Measures", "confidence-building-measures"),
            ("  «UN»  Charter!! ", "un-charter"),
            ("G20", "g20"),
            ("Köln Déclaration", "koln-declaration"),
        ],
    )
    def test_slug_ids(self, canonical, expected):
        """Without an id, the canonical form is slugged into one."""
        term = parse(f"  - canonical: {canonical!r}\n").terms[0]
        assert term.id == expected

    def test_slug_of_non_ascii_canonical_is_a_hash(self):
        """A canonical without ASCII letters gets ``term-`` plus 8 hex digits."""
        term = parse("  - canonical: 人类命运共同体\n").terms[0]
        digest = hashlib.sha1("人类命运共同体".encode()).hexdigest()
        assert term.id == "term-" + digest[:8]

    def test_explicit_ids_keep_dots_and_underscores(self):
        """Explicit ids may use lowercase letters, digits, '.', '_' and '-'."""
        term = parse("  - id: un.charter_2\n    canonical: x\n").terms[0]
        assert term.id == "un.charter_2"

    def test_whitespace_stripped_and_collapsed(self):
        """Literal forms lose outer white space and inner runs become one space."""
        term = parse(
            dedent("""\
              - canonical: "  community  with\\ta shared   future "
                allowed: ["  shared\\u00a0 future  "]
                note: "  Keep  this.  "
            """)
        ).terms[0]
        assert term.canonical == "community with a shared future"
        assert term.allowed[0].text == "shared future"
        assert term.note == "Keep  this."

    def test_forms_regexes_and_lines(self):
        """Allowed and forbidden entries become Forms with status, regex flag, line."""
        term = parse(
            dedent("""\
              - canonical: shared future
                allowed:
                  - common future
                forbidden:
                  - shared destiny
                  - regex: "  shared  destin(y|ies) "
            """)
        ).terms[0]
        assert term.allowed == (Form("common future", Status.ALLOWED, line=5),)
        assert term.forbidden == (
            Form("shared destiny", Status.FORBIDDEN, line=7),
            Form("shared  destin(y|ies)", Status.FORBIDDEN, regex=True, line=8),
        )

    def test_examples_and_note(self):
        """``examples`` and ``note`` are read into the term."""
        term = parse(
            dedent("""\
              - canonical: x
                note: Why it matters.
                examples:
                  bad: [one bad sentence]
                  good: [a good one, another]
            """)
        ).terms[0]
        assert term.note == "Why it matters."
        assert term.examples == Examples(
            ("one bad sentence",), ("a good one", "another")
        )

    def test_plain_scalars_are_read_as_written(self):
        """Unquoted ``yes``, ``2030`` or ``1.50`` stay text in text fields."""
        term = parse(
            "  - canonical: 2030\n    forbidden: [yes, 1.50, 2017-10-18]\n"
        ).terms[0]
        assert term.canonical == "2030"
        assert [form.text for form in term.forbidden] == ["yes", "1.50", "2017-10-18"]

    def test_empty_values_count_as_absent(self):
        """A key without a value keeps the default."""
        glossary = parse(
            "name:\nlanguage:\ndefaults:\nterms:\n"
            "  - canonical: x\n    id:\n    allowed:\n    fuzzy:\n    note:\n"
            "    examples:\n",
            header="version: 1\n",
        )
        term = glossary.terms[0]
        assert (glossary.name, glossary.language) == ("", "en")
        assert (term.id, term.allowed, term.fuzzy, term.note) == ("x", (), 0.88, "")

    def test_description_is_kept_and_merged(self, tmp_path):
        """``description`` is optional text; merged glossaries join theirs."""
        text = "version: 1\ndescription: >-\n  Terms of\n  the bank.\nterms: []\n"
        assert parse_glossary(text, "g.yaml").description == "Terms of the bank."
        assert parse_glossary("version: 1\nterms: []\n", "g.yaml").description == ""
        first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
        first.write_text(text, encoding="utf-8")
        second.write_text(
            "version: 1\ndescription: Port names.\nterms: []\n", encoding="utf-8"
        )
        merged = load_glossary(first, second)
        assert merged.description == "Terms of the bank. Port names."

    def test_description_must_be_text(self):
        """A list as ``description`` is an error at its line and column."""
        with pytest.raises(GlossaryError, match=r"^g\.yaml:2:14: 'description' "):
            parse_glossary("version: 1\ndescription: [a, b]\nterms: []\n", "g.yaml")

    def test_name_language_and_empty_terms(self):
        """``name`` and ``language`` are kept; an empty term list is valid."""
        glossary = parse_glossary(
            "version: 1\nname: Mine\nlanguage: zh-Hans\nterms: []\n", "g.yaml"
        )
        assert (glossary.name, glossary.language, len(glossary)) == (
            "Mine",
            "zh-Hans",
            0,
        )

    def test_default_path(self):
        """Without a path, errors and terms cite ``<string>``."""
        assert (
            parse_glossary("version: 1\nterms: [{canonical: a}]\n").terms[0].source
            == "<string>"
        )
        with pytest.raises(GlossaryError, match=r"^<string>:1:1: "):
            parse_glossary("[]")

    def test_case_sensitive_terms_may_share_a_folded_form(self):
        """Two case-sensitive terms may own forms that differ only in case."""
        glossary = parse(
            dedent("""\
              - canonical: CAT
                case: sensitive
              - canonical: Cat
                id: cat-2
                case: sensitive
            """)
        )
        assert [term.id for term in glossary] == ["cat", "cat-2"]

    def test_utf8_bom_is_accepted(self, tmp_path):
        """A UTF-8 byte order mark at the start of a file is ignored."""
        path = tmp_path / "bom.yaml"
        path.write_bytes(b"\xef\xbb\xbfversion: 1\nterms: []\n")
        assert len(load_glossary(path)) == 0


class TestShippedGlossaries:
    """The example and bundled glossaries load and hold what they promise."""

    def test_example_glossary_terms(self):
        """The example glossary has the terms the docs and golden tests rely on."""
        glossary = load_glossary(EXAMPLE)
        assert {term.id for term in glossary} >= {
            "shared-future",
            "human-security-community",
            "gsi",
            "gdi",
            "concept-paper",
            "cbm",
            "un-charter",
            "bri",
        }
        shared = glossary["shared-future"]
        assert shared.canonical == "community with a shared future for mankind"
        assert [f.text for f in shared.allowed] == [
            "community with a shared future for humanity"
        ]
        assert [(f.text, f.regex) for f in shared.forbidden] == [
            ("community of human destiny", False),
            ("community of common destiny", False),
            ("community of (common|shared) destin(y|ies)", True),
        ]
        assert shared.note == "Official English rendering since 2017."
        assert [f.text for f in glossary["un-charter"].allowed] == ["UN Charter"]
        assert [f.text for f in glossary["bri"].forbidden] == [
            "One Belt One Road",
            "OBOR",
        ]
        assert all(glossary[i].case_sensitive for i in ("gsi", "gdi", "cbm", "bri"))
        assert all(term.note for term in glossary)

    def test_example_glossary_has_no_headquarters_term(self):
        """ "United Nations Headquarters" must stay unmatched, so no term holds it."""
        glossary = load_glossary(EXAMPLE)
        texts = [form.text.casefold() for term in glossary for form in term.forms]
        assert not any("headquarters" in text for text in texts)

    def test_example_glossary_documents_every_key(self):
        """Each key of the format appears, commented, in the example glossary."""
        text = EXAMPLE.read_text(encoding="utf-8")
        for key in (
            "version",
            "name",
            "description",
            "language",
            "defaults",
            "terms",
            "id",
            "canonical",
            "allowed",
            "forbidden",
            "regex",
            "case",
            "fuzzy",
            "severity",
            "note",
            "examples",
            "bad",
            "good",
        ):
            assert f"{key}:" in text, key

    def test_bundled_names(self):
        """``diplomacy-en`` is bundled and maps to its YAML file."""
        bundled = bundled_glossaries()
        assert "diplomacy-en" in bundled
        assert bundled["diplomacy-en"].name == "diplomacy-en.yaml"

    def test_diplomacy_glossary_by_name(self):
        """The bundled diplomacy glossary loads by name and is substantial."""
        glossary = load_glossary("diplomacy-en")
        assert glossary.name == "Diplomatic terms (English)"
        assert glossary.language == "en"
        assert 15 <= len(glossary) <= 25
        with_examples = [t for t in glossary if t.examples.bad and t.examples.good]
        assert len(with_examples) * 3 >= len(glossary)
        assert any(form.regex for term in glossary for form in term.forbidden)
        canonicals = {term.canonical for term in glossary}
        assert {
            "community with a shared future for mankind",
            "Belt and Road Initiative",
            "Shanghai Cooperation Organisation",
            "Five Principles of Peaceful Coexistence",
            "Asian Infrastructure Investment Bank",
        } <= canonicals

    def test_packaged_folder_wins(self, tmp_path, monkeypatch):
        """Inside an installed package, ``termcheck/glossaries`` is used first."""
        (tmp_path / "glossaries").mkdir()
        (tmp_path / "glossaries" / "packaged.yaml").write_text(HEADER + "  []\n")
        monkeypatch.setattr(importlib.resources, "files", lambda _name: tmp_path)
        assert list(bundled_glossaries()) == ["packaged"]


class TestResolveSource:
    """Sources are existing paths first, then bundled names."""

    def test_existing_path(self, tmp_path):
        """An existing file is returned as given."""
        path = tmp_path / "diplomacy-en"
        path.write_text("version: 1\nterms: []\n", encoding="utf-8")
        assert resolve_glossary_source(path) == path

    def test_bundled_name(self, tmp_path, monkeypatch):
        """A name that is not a path resolves to the bundled file."""
        monkeypatch.chdir(tmp_path)
        assert (
            resolve_glossary_source("diplomacy-en")
            == bundled_glossaries()["diplomacy-en"]
        )

    def test_nul_in_name(self):
        """A name with a NUL character is simply not found."""
        with pytest.raises(GlossaryError, match="no such glossary file"):
            resolve_glossary_source("a\0b")

    def test_unknown_source(self, tmp_path, monkeypatch):
        """Neither a file nor a bundled name: the error lists the bundled names."""
        monkeypatch.chdir(tmp_path)
        with pytest.raises(GlossaryError) as caught:
            resolve_glossary_source("nope.yaml")
        assert str(caught.value).startswith(
            "nope.yaml: no such glossary file or bundled glossary; bundled: "
        )
        assert "diplomacy-en" in str(caught.value)


class TestYamlLevelErrors:
    """Problems of the YAML itself are located GlossaryErrors."""

    def test_syntax_error(self):
        """A YAML syntax error points at yaml's problem mark."""
        problem_at("  - canonical: a\n   b: c\n", "4:4", "invalid YAML: expected")

    def test_unclosed_flow_list(self):
        """An unclosed flow list is reported where the stream ends."""
        problem_at("  - canonical: [a\n", "4:1", "invalid YAML:")

    def test_control_character(self):
        """A control character is located by line and column."""
        problem_at('  - canonical: "a\x01"\n', "3:18", "character U+0001 is not")

    def test_several_documents(self):
        """Only one YAML document is allowed."""
        problem_at("  []\n---\nb: 1\n", "4:1", "expected a single document")

    def test_empty_document(self):
        """An empty file is an error at 1:1."""
        with pytest.raises(GlossaryError, match=r"^g\.yaml:1:1: glossary is empty"):
            parse_glossary("# only a comment\n", "g.yaml")

    def test_nested_too_deeply(self):
        """Pathological nesting is an error, not a RecursionError."""
        with pytest.raises(GlossaryError, match=r"^g\.yaml: YAML is nested too deeply"):
            parse_glossary(HEADER + "  - " + "[" * 5000 + "]" * 5000, "g.yaml")

    @pytest.mark.parametrize(
        ("tag", "shown"),
        [
            ("!!python/object:os.system", "!!python/object:os.system"),
            ("!!python/object/apply:os.system", "!!python/object/apply:os.system"),
            ("!custom", "!custom"),
            ("!!binary", "!!binary"),
        ],
    )
    def test_tags_refused(self, tag, shown):
        """Non-standard tags are refused at the tagged node."""
        problem_at(f"  - canonical: {tag} x\n", "3:16", f"tag {shown!r} not allowed")

    def test_tag_on_a_mapping_refused(self):
        """A tag on a whole mapping is refused too."""
        problem_at(
            "  - !!python/object:x.Y {canonical: a}\n",
            "3:5",
            "tag '!!python/object:x.Y' not allowed",
        )

    def test_duplicate_key_in_term(self):
        """A repeated key is reported at its second occurrence."""
        problem_at(
            "  - canonical: a\n    canonical: b\n",
            "4:5",
            "duplicate key 'canonical' (first at line 3, column 5)",
        )

    def test_duplicate_top_level_key(self):
        """Top-level keys may not repeat either."""
        problem_at("  []\nversion: 1\n", "4:1", "duplicate key 'version'")

    def test_merge_key_refused(self):
        """``<<`` merge keys are refused with a pointer to ``defaults``."""
        problem_at(
            "  - <<: {case: sensitive}\n    canonical: a\n",
            "3:5",
            "merge keys ('<<') are not supported",
        )

    def test_non_text_key(self):
        """A mapping key must be a scalar."""
        problem_at(
            "  - ? [a]\n    : b\n", "3:7", "mapping key must be text, not a list"
        )

    def test_alias_bomb(self):
        """A billion-laughs document is refused quickly, before any expansion."""
        lines = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
            lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        started = time.perf_counter()
        problem_at(
            "\n".join(lines) + "\n",
            "9:4",
            "too many nodes after alias expansion (alias bomb?)",
            header="version: 1\nterms: []\n",
        )
        assert time.perf_counter() - started < 0.5

    def test_alias_bomb_inside_terms(self):
        """A bomb hidden in a term's forms is refused the same way."""
        body = 'x: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        previous = "a"
        for name in "bcdefgh":
            body += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
            previous = name
        body += "terms:\n  - canonical: a\n    forbidden: [*h, *h, *h, *h, *h, *h]\n"
        with pytest.raises(GlossaryError, match="alias bomb"):
            parse_glossary("version: 1\n" + body, "g.yaml")

    def test_recursive_alias(self):
        """An alias inside its own anchor is refused."""
        problem_at("  - &t [*t]\n", "3:5", "recursive alias")

    def test_harmless_aliases_are_fine(self):
        """Ordinary anchors and aliases are expanded."""
        glossary = parse(
            "  - canonical: a\n    forbidden: &f [b, c]\n"
            "  - canonical: d\n    examples: {bad: *f}\n"
        )
        assert glossary["d"].examples.bad == ("b", "c")


class TestStructureErrors:
    """Missing or misplaced parts of the document."""

    def test_top_level_not_a_mapping(self):
        """The document must be a mapping; the message says what it is instead."""
        with pytest.raises(
            GlossaryError,
            match=r"^g\.yaml:1:1: a glossary must be a "
            r"mapping .*; this file holds a list of 1 item$",
        ):
            parse_glossary("- a\n", "g.yaml")

    @pytest.mark.parametrize(
        ("text", "shape"),
        [
            (
                "ghp_token1234567890abcdefghijklmnop\n",
                "text of 35 characters on 1 line",
            ),
            ("-----BEGIN KEY-----\nb3Bl\nbnNz\n-----END KEY-----\n", "text of"),
            ("42\n", "a single integer"),
            ("[a, b]\n", "a list of 2 items"),
        ],
    )
    def test_top_level_scalar_is_never_quoted(self, text, shape):
        """A file that is no mapping at all may be a secret: none of it is quoted."""
        with pytest.raises(GlossaryError) as caught:
            parse_glossary(text, "g.yaml")
        message = str(caught.value)
        assert shape in message
        for line in text.splitlines():
            if len(line) > 3:
                assert line not in message

    def test_missing_version(self):
        """``version`` is required; the error points at the top mapping."""
        problem_at("terms: []\n", "1:1", "missing 'version'", header="")

    def test_version_not_1(self):
        """Only version 1 is understood."""
        problem_at(
            "version: 2\nterms: []\n",
            "1:10",
            "unsupported glossary version 2; expected version 1",
            header="",
        )

    def test_version_as_text(self):
        """A quoted version is a type error."""
        problem_at(
            "version: '1'\nterms: []\n",
            "1:10",
            "'version' must be the number 1, not text '1'",
            header="",
        )

    def test_missing_terms(self):
        """``terms`` is required; the error points at the top mapping."""
        problem_at("# comment\nversion: 1\n", "2:1", "missing 'terms'", header="")

    def test_terms_not_a_list(self):
        """``terms`` must be a list."""
        problem_at(
            "version: 1\nterms: {a: 1}\n",
            "2:8",
            "'terms' must be a list, not a mapping",
            header="",
        )

    def test_term_not_a_mapping(self):
        """Each term must be a mapping."""
        problem_at(
            "  - canonical: a\n  - just text\n",
            "4:5",
            "each term must be a mapping with at least 'canonical', "
            "not text 'just text'",
        )

    @pytest.mark.parametrize(
        ("text", "where", "message"),
        [
            (
                "verison: 1\nterms: []\n",
                "1:1",
                "unknown key 'verison' in the glossary; did you mean 'version'?",
            ),
            (
                "version: 1\ndefaults: {fuzy: 0.9}\nterms: []\n",
                "2:12",
                "unknown key 'fuzy' in 'defaults'; did you mean 'fuzzy'?",
            ),
            (
                "version: 1\nterms:\n  - canonical: a\n    forbiden: [b]\n",
                "4:5",
                "unknown key 'forbiden' in term; did you mean 'forbidden'?",
            ),
            (
                "version: 1\nterms:\n  - canonical: a\n    examples: {bda: [x]}\n",
                "4:16",
                "unknown key 'bda' in 'examples'; did you mean 'bad'?",
            ),
            (
                "version: 1\nterms:\n  - canonical: a\n    forbidden: [{regexp: b}]\n",
                "4:18",
                "unknown key 'regexp' in regex form; did you mean 'regex'?",
            ),
        ],
    )
    def test_unknown_keys_with_suggestion(self, text, where, message):
        """Unknown keys are errors with a did-you-mean suggestion."""
        problem_at(text, where, message, header="")

    def test_unknown_key_without_close_match(self):
        """Without a close match the allowed keys are listed."""
        problem_at(
            "  - canonical: a\n    colour: red\n",
            "4:5",
            "unknown key 'colour' in term; expected one of: id, canonical",
        )

    def test_defaults_not_a_mapping(self):
        """``defaults`` must be a mapping."""
        problem_at(
            "version: 1\ndefaults: [a]\nterms: []\n",
            "2:11",
            "'defaults' must be a mapping, not a list",
            header="",
        )


class TestValueErrors:
    """Values of the wrong type or out of range."""

    @pytest.mark.parametrize(
        ("line", "where", "message"),
        [
            ("allowed: foo", "4:14", "'allowed' must be a list, not text 'foo'"),
            ("forbidden: {a: b}", "4:16", "'forbidden' must be a list, not a mapping"),
            (
                'fuzzy: "high"',
                "4:12",
                "'fuzzy' must be a number in (0, 1] or false, not text 'high'",
            ),
            ("fuzzy: true", "4:12", "'fuzzy' must be a number in (0, 1] or false"),
            ("fuzzy: 1.5", "4:12", "'fuzzy' 1.5 is out of range"),
            ("fuzzy: -0.2", "4:12", "'fuzzy' -0.2 is out of range"),
            ("fuzzy: .nan", "4:12", "'fuzzy' .nan is out of range"),
            (
                "case: maybe",
                "4:11",
                "'case' must be 'insensitive' or 'sensitive', not text 'maybe'",
            ),
            ("case: sensitve", "4:11", "; did you mean 'sensitive'?"),
            (
                "severity: fatal",
                "4:15",
                "'severity' must be 'error', 'warning' or 'info', not text 'fatal'",
            ),
            ("severity: [error]", "4:15", "'severity' must be 'error', 'warning'"),
            ("note: [1]", "4:11", "'note' must be text, not a list"),
            ("id: Foo Bar", "4:9", "invalid id 'Foo Bar': use lowercase letters"),
            ("id: -x", "4:9", "invalid id '-x'"),
            ("id: [x]", "4:9", "'id' must be text, not a list"),
            ("allowed: ['  ']", "4:15", "empty form in 'allowed'"),
            ("forbidden: [~]", "4:17", "empty form in 'forbidden'"),
            (
                "forbidden: [[a]]",
                "4:17",
                "each entry of 'forbidden' must be text or a mapping {regex: pattern}",
            ),
            ("examples: [a]", "4:15", "'examples' must be a mapping, not a list"),
            ("examples: {bad: x}", "4:21", "'bad' must be a list, not text 'x'"),
            ("examples: {good: ['']}", "4:23", "empty entry in 'good'"),
            (
                "examples: {good: [{a: b}]}",
                "4:23",
                "each entry of 'good' must be text, not a mapping",
            ),
        ],
    )
    def test_wrong_values(self, line, where, message):
        """Each wrong value is reported at the value's own position."""
        problem_at(f"  - canonical: a\n    {line}\n", where, message)

    def test_missing_canonical(self):
        """A term without ``canonical`` is reported at the term."""
        problem_at("  - note: x\n", "3:5", "term has no 'canonical'")

    @pytest.mark.parametrize(
        ("value", "where"), [("", "3:15"), ("~", "3:16"), ("'  '", "3:16")]
    )
    def test_empty_canonical(self, value, where):
        """A null or blank canonical is empty."""
        problem_at(f"  - canonical: {value}\n", where, "'canonical' is empty")

    def test_canonical_not_text(self):
        """A list canonical is a type error."""
        problem_at("  - canonical: [a]\n", "3:16", "'canonical' must be text, not a")

    def test_bad_language(self):
        """``language`` must look like a BCP 47 tag."""
        problem_at(
            "version: 1\nlanguage: en_US\nterms: []\n",
            "2:11",
            "language 'en_US' is not a BCP 47 tag",
            header="",
        )

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("!!bool maybe", "cannot read 'maybe' as a boolean"),
            ("!!int x", "cannot read 'x' as an integer"),
            ("!!float x", "cannot read 'x' as a number"),
            ("!!int", "cannot read '' as an integer"),
        ],
    )
    def test_explicit_standard_tag_with_bad_value(self, value, message):
        """A standard tag on a value it cannot hold is a located error."""
        problem_at(f"  - canonical: a\n    fuzzy: {value}\n", "4:12", message)

    def test_escape_beyond_unicode(self):
        """A quoted escape beyond U+10FFFF is an error, not an OverflowError."""
        with pytest.raises(GlossaryError, match=r"^g\.yaml: invalid YAML: "):
            parse('  - canonical: "\\UFFFFFFFF"\n')

    def test_huge_integer(self):
        """An integer beyond Python's digit limit is an error, not a ValueError."""
        problem_at(
            "  - canonical: a\n    fuzzy: " + "9" * 5000 + "\n", "4:12", "as an integer"
        )


class TestControlCharacters:
    """Glossary text holds no control character but tabs and line breaks."""

    @pytest.mark.parametrize(
        ("body", "where", "code"),
        [
            ('  - canonical: "a\\eb"\n', "3:18", "001B"),
            ('  - canonical: "a\\x9bb"\n', "3:18", "009B"),
            ('  - canonical: "a\\u0007b"\n', "3:18", "0007"),
            ('  - canonical: "a\\U0000202Eb"\n', "3:18", "202E"),
            ('  - canonical: "\\\\e \\N"\n', "3:21", "0085"),
            ("  - canonical: 'a\u2067b'\n", "3:18", "2067"),
            (
                "  - canonical: a\n    note: >\n      one\n      t\u202dwo\n",
                "6:8",
                "202D",
            ),
            ('  - canonical: a\n    note: "x\\\n      \\a"\n', "5:7", "0007"),
            (
                "  - canonical: a\n    allowed: [b, {regex: 'c\u202e'}]\n",
                "4:28",
                "202E",
            ),
            ('  - id: "a\\e"\n    canonical: a\n', "3:11", "001B"),
        ],
    )
    def test_refused_where_written(self, body, where, code):
        """The error points at the escape (or the raw character) itself."""
        problem_at(body, where, f"character (U+{code}); glossary text may hold")

    def test_name_and_examples_too(self):
        """Every text of the glossary, not only wordings."""
        problem_at(
            "  - canonical: a\n", "1:9", "U+001B", header='name: "x\\ey"\n' + HEADER
        )
        problem_at(
            '  - canonical: a\n    examples: {good: ["x\\x1b"]}\n', "4:25", "U+001B"
        )

    def test_tabs_and_line_breaks_are_white_space(self):
        """Tabs and line breaks load; wordings collapse them, notes keep them."""
        glossary = parse('  - canonical: "a\\tb"\n    note: "one\\ntwo\\tthree"\n')
        (term,) = glossary
        assert term.canonical == "a b"
        assert term.note == "one\ntwo\tthree"

    def test_large_files_point_at_the_value(self):
        """Composed by libyaml (a megabyte and more): the value's own position."""
        padding = "".join(f"  - canonical: w{n}\n" for n in range(60_000))
        with pytest.raises(GlossaryError, match="U\\+001B") as caught:
            parse(padding + '  - canonical: "x\\ey"\n')
        assert (caught.value.line, caught.value.column) in ((60_003, 18), (60_003, 16))


class TestRegexForms:
    """Regex forms must compile, match something, and not contradict literals."""

    def test_invalid_regex(self):
        """A regex the ``regex`` module rejects is reported with its error."""
        problem_at(
            "  - canonical: a\n    forbidden:\n      - regex: 'a(b'\n",
            "5:16",
            "invalid regex 'a(b': missing ) at position 3",
        )

    @pytest.mark.parametrize("pattern", ["b*", "x|", "\\b", "(?=a)"])
    def test_regex_matching_empty_text(self, pattern):
        """A regex that can match empty text is refused."""
        problem_at(
            f"  - canonical: a\n    forbidden:\n      - regex: '{pattern}'\n",
            "5:16",
            "can match empty text",
        )

    def test_regex_form_without_pattern(self):
        """A regex mapping needs its ``regex`` key."""
        problem_at(
            "  - canonical: a\n    forbidden: [{}]\n",
            "4:17",
            "regex form has no 'regex'",
        )

    def test_space_before_a_quantifier(self):
        """A space followed by ?, * or + is a run of white space, quantified."""
        glossary = parse(
            "  - canonical: electronic mail\n    forbidden:\n"
            "      - regex: 'e ?-?mails?'\n"
        )
        (form,) = glossary["electronic-mail"].forbidden
        assert form.text == "e ?-?mails?"

    def test_regex_that_breaks_the_whole_word_wrapper(self):
        """A verbose comment at the end would swallow the wrapper: refused."""
        problem_at(
            "  - canonical: a\n    forbidden:\n      - regex: '(?x)abc # note'\n",
            "5:16",
            "does not work inside termcheck's whole-word pattern",
        )

    def test_empty_regex(self):
        """A null regex is empty (small documents never go through libyaml)."""
        problem_at(
            "  - canonical: a\n    forbidden: [{regex: }]\n", "4:24", "'regex' is empty"
        )

    def test_forbidden_regex_matching_accepted_form(self):
        """A forbidden regex may not match a canonical or allowed form."""
        problem_at(
            "  - canonical: shared future\n  - canonical: b\n"
            "    forbidden: [{regex: 'Shared \\w+'}]\n",
            "5:17",
            "forbidden regex 'Shared \\w+' matches 'shared future', which "
            "term 'shared-future' accepts (g.yaml:3)",
        )

    def test_case_sensitive_regex_may_differ_in_case(self):
        """A case-sensitive term's regex only contradicts forms of the same case."""
        glossary = parse(
            "  - canonical: shared future\n  - canonical: b\n"
            "    case: sensitive\n"
            "    forbidden: [{regex: 'Shared \\w+'}]\n"
        )
        assert glossary["b"].forbidden[0].regex


class TestFormConflicts:
    """A literal form belongs to one term and one status only."""

    def test_forbidden_here_allowed_there(self):
        """A form forbidden in one term and allowed in another is an error."""
        problem_at(
            "  - canonical: a\n    forbidden: [b x]\n"
            "  - canonical: c\n    allowed: [B  X]\n",
            "6:15",
            "form 'B X' also belongs to term 'a' (g.yaml:4)",
        )

    def test_canonical_of_one_allowed_of_another(self):
        """The same literal form in two terms is an error whatever its status."""
        problem_at(
            "  - canonical: UN Charter\n"
            "  - canonical: Charter of the United Nations\n"
            "    allowed: [un charter]\n",
            "5:15",
            "form 'un charter' also belongs to term 'un-charter' (g.yaml:3)",
        )

    def test_forbidden_and_canonical_in_same_term(self):
        """A term may not forbid its own canonical form."""
        problem_at(
            "  - canonical: a b\n    forbidden: [A B]\n",
            "4:17",
            "form 'A B' is listed twice in term 'a-b' (first at g.yaml:3)",
        )

    def test_same_form_twice_in_one_list(self):
        """Listing a form twice is an error."""
        problem_at(
            "  - canonical: a\n    allowed: [b, b]\n",
            "4:18",
            "form 'b' is listed twice in term 'a'",
        )

    def test_typographic_variants_are_the_same_form(self):
        """Forms that differ only in dash or apostrophe style are the same form."""
        problem_at(
            "  - canonical: win-win cooperation\n"
            "    forbidden: [win\u2013win cooperation]\n",
            "4:17",
            "is listed twice in term 'win-win-cooperation'",
        )

    def test_one_sensitive_one_not(self):
        """The case exception needs both terms to be case-sensitive."""
        problem_at(
            "  - canonical: CAT\n    case: sensitive\n"
            "  - canonical: Cat\n    id: cat-2\n",
            "5:16",
            "form 'Cat' also belongs to term 'cat'",
        )

    def test_duplicate_explicit_id(self):
        """Two terms with the same id: the error names the first place."""
        problem_at(
            "  - id: x\n    canonical: a\n  - id: x\n    canonical: b\n",
            "5:9",
            "duplicate id 'x'; already used by the term at g.yaml:3",
        )

    def test_duplicate_derived_id(self):
        """Slugs can collide; the message suggests an explicit id."""
        problem_at(
            "  - canonical: a b\n  - canonical: a/b\n",
            "4:16",
            "duplicate id 'a-b' (derived from 'canonical'; add an 'id'); "
            "already used by the term at g.yaml:3",
        )


class TestLoadGlossary:
    """Loading files, merging several and reporting file problems."""

    def write(self, folder: Path, name: str, body: str) -> Path:
        """Write a glossary file ``name`` with HEADER + body into ``folder``."""
        path = folder / name
        path.write_text(HEADER + body, encoding="utf-8")
        return path

    def test_merge_two_files(self, tmp_path):
        """Terms of several files are merged in order; sources and names kept."""
        first = self.write(tmp_path, "a.yaml", "  - canonical: one\n")
        second = tmp_path / "b.yaml"
        second.write_text(
            "version: 1\nname: B\nlanguage: fr\nterms:\n  - canonical: two\n",
            encoding="utf-8",
        )
        glossary = load_glossary(first, str(second))
        assert [term.id for term in glossary] == ["one", "two"]
        assert glossary.sources == (str(first), str(second))
        assert glossary["two"].source == str(second)
        assert glossary.name == "B"
        assert glossary.language == "en"

    def test_merge_with_bundled(self, tmp_path):
        """A file and a bundled name can be combined."""
        mine = self.write(tmp_path, "mine.yaml", "  - canonical: my own term\n")
        glossary = load_glossary(mine, "diplomacy-en")
        assert "my-own-term" in glossary
        assert "bri" in glossary

    def test_cross_file_duplicate_id(self, tmp_path):
        """The same id in two files names both places."""
        first = self.write(tmp_path, "a.yaml", "  - id: x\n    canonical: one\n")
        second = self.write(tmp_path, "b.yaml", "  - id: x\n    canonical: two\n")
        with pytest.raises(GlossaryError) as caught:
            load_glossary(first, second)
        assert str(caught.value) == (
            f"{second}:3:9: duplicate id 'x'; already used by the term at {first}:3"
        )

    def test_cross_file_form_conflict(self, tmp_path):
        """A form forbidden in one file and canonical in another is an error."""
        first = self.write(tmp_path, "a.yaml", "  - canonical: OBOR\n")
        second = self.write(
            tmp_path, "b.yaml", "  - canonical: BRI\n    forbidden: [obor]\n"
        )
        with pytest.raises(GlossaryError) as caught:
            load_glossary(first, second)
        assert str(caught.value) == (
            f"{second}:4:17: form 'obor' also belongs to term 'obor' ({first}:3)"
        )

    def test_same_file_twice_loads_once(self, tmp_path):
        """Naming one file twice does not make its ids duplicates."""
        path = self.write(tmp_path, "a.yaml", "  - canonical: one\n")
        assert len(load_glossary(path, tmp_path / "." / "a.yaml")) == 1

    def test_no_sources(self):
        """Calling without any source is an error."""
        with pytest.raises(GlossaryError, match="no glossary given"):
            load_glossary()

    def test_missing_file(self, tmp_path):
        """A missing file is named in the error."""
        missing = tmp_path / "missing.yaml"
        with pytest.raises(GlossaryError, match=r"missing\.yaml: no such glossary"):
            load_glossary(missing)

    def test_directory(self, tmp_path):
        """A directory cannot be read as a glossary."""
        with pytest.raises(GlossaryError) as caught:
            load_glossary(tmp_path)
        assert str(caught.value).startswith(f"{tmp_path}: cannot read glossary: ")

    def test_not_utf8(self, tmp_path):
        """Invalid UTF-8 is reported with its position."""
        path = tmp_path / "latin1.yaml"
        path.write_bytes(b"version: 1\nterms:\n  - canonical: caf\xe9\n")
        with pytest.raises(GlossaryError) as caught:
            load_glossary(path)
        assert str(caught.value) == (
            f"{path}:3:19: glossary is not valid UTF-8 (byte 0xe9)"
        )

    def test_validation_error_names_the_file(self, tmp_path):
        """Errors inside a file carry that file's path."""
        path = self.write(tmp_path, "bad.yaml", "  - canonical: a\n    case: maybe\n")
        with pytest.raises(GlossaryError, match=rf"^{path}:4:11: 'case' must be"):
            load_glossary(path)


_KEYS = [
    "version",
    "name",
    "description",
    "language",
    "defaults",
    "terms",
    "id",
    "canonical",
    "allowed",
    "forbidden",
    "regex",
    "case",
    "fuzzy",
    "severity",
    "note",
    "examples",
    "bad",
    "good",
    "other",
]
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(-2, 2),
    st.text(max_size=12),
    st.sampled_from(["sensitive", "insensitive", "error", "info", "a*", "(", "x y"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)
_DOCUMENTS = st.fixed_dictionaries(
    {
        "version": st.sampled_from([1, 1, 1, 2, "1"]),
        "terms": st.lists(
            st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=7), max_size=4
        ),
    },
    optional={
        "defaults": _VALUES,
        "name": _VALUES,
        "description": _VALUES,
        "language": _VALUES,
    },
)


def parse_or_error(text: str) -> Glossary | GlossaryError:
    """The glossary, or the GlossaryError raised; anything else propagates."""
    try:
        return parse_glossary(text, "fuzz.yaml")
    except GlossaryError as error:
        return error


class TestNeverCrashes:
    """Whatever the input, the loader returns a Glossary or raises GlossaryError."""

    @settings(max_examples=examples(300), deadline=None)
    @given(st.text())
    def test_arbitrary_text(self, text):
        """Arbitrary text gives a Glossary or a GlossaryError, nothing else."""
        outcome = parse_or_error(text)
        if isinstance(outcome, GlossaryError):
            assert str(outcome).startswith("fuzz.yaml")
        else:
            assert isinstance(outcome, Glossary)

    @settings(
        max_examples=examples(300),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(_DOCUMENTS)
    def test_glossary_shaped_documents(self, document):
        """Random documents built from the format's keys never crash the loader."""
        outcome = parse_or_error(yaml.safe_dump(document, allow_unicode=True))
        if isinstance(outcome, GlossaryError):
            assert str(outcome).startswith("fuzz.yaml:")
        else:
            assert all(term.canonical for term in outcome)
