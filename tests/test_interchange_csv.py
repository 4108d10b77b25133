"""Tests for CSV import and export: columns, BOM, row-cited errors, round trip."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from termcheck.errors import GlossaryError
from termcheck.glossary import load_glossary, parse_glossary
from termcheck.interchange import import_glossary
from termcheck.interchange.csv_format import read_csv, write_csv
from termcheck.model import Examples, Form, Glossary, Severity, Status, Term
from tests.test_interchange_tbx import comparable

DATA = Path(__file__).resolve().parent / "data" / "interchange"
HEADER = "id,canonical,variant,status,note\n"


def write(tmp_path: Path, text: str, *, bom: bool = False) -> Path:
    """A CSV file holding ``text`` (UTF-8, optionally with a byte order mark)."""
    path = tmp_path / "terms.csv"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    return path


class TestReadCsv:
    """One row per form; rows of one id make one term."""

    def test_fixture(self):
        """Canonical, allowed and forbidden rows, notes, and an id derived."""
        terms = {t.id: t for t in read_csv(DATA / "harbour.csv").terms}
        quay = terms["quay"]
        assert (quay.canonical, quay.note) == (
            "quay",
            "A landing place built along the shore.",
        )
        assert [(f.text, f.status) for f in (*quay.allowed, *quay.forbidden)] == [
            ("wharf", Status.ALLOWED),
            ("landing stage", Status.FORBIDDEN),
        ]
        pilot = terms["harbour-pilot"]
        assert [f.text for f in pilot.forbidden] == ["pilot, harbour"]
        assert pilot.note == "Inverted, as in old indexes."

    @pytest.mark.parametrize("bom", [False, True])
    def test_with_and_without_bom(self, tmp_path, bom):
        """A UTF-8 byte order mark is ignored."""
        path = write(tmp_path, HEADER + "q,quay,kay,forbidden,\n", bom=bom)
        (term,) = read_csv(path).terms
        assert (term.id, term.canonical, term.forbidden[0].text) == ("q", "quay", "kay")

    def test_columns_in_any_order_and_note_optional(self, tmp_path):
        """Columns are found by their header names; note may be left out."""
        path = write(tmp_path, "status,variant,canonical,id\nallowed,wharf,quay,q\n")
        (term,) = read_csv(path).terms
        assert term.allowed == (Form("wharf", Status.ALLOWED),)

    @pytest.mark.parametrize(
        ("text", "line", "problem"),
        [
            (HEADER + "q,quay,kay,wrong,\n", 2, "status 'wrong' must be canonical"),
            (HEADER + "q,,kay,forbidden,\n", 2, "canonical column is empty"),
            (
                HEADER + "q,quay,kay,forbidden,\nq,key,kee,forbidden,\n",
                3,
                "has canonical 'quay' on line 2",
            ),
            (
                HEADER + "q,quay,kay,forbidden,\nr,pier,kay,forbidden,\n",
                3,
                "'kay' is already listed on line 2",
            ),
            (HEADER + "q,quay,quai,canonical,\n", 2, "a canonical row's variant"),
            (HEADER + "q,quay,kay,forbidden,,extra\n", 2, "6 cells"),
            ("term,wording\nq,quay\n", 1, "header row must name the columns"),
            (HEADER + '\n\nq,quay,"kay\n', 4, "malformed CSV"),
        ],
        ids=[
            "status",
            "no-canonical",
            "two-canonicals",
            "duplicate",
            "canonical-row",
            "extra-cell",
            "header",
            "unclosed-quote",
        ],
    )
    def test_errors_cite_the_row(self, tmp_path, text, line, problem):
        """Each problem is a GlossaryError at the line where its row starts."""
        path = write(tmp_path, text)
        with pytest.raises(GlossaryError, match=problem) as caught:
            read_csv(path)
        assert (caught.value.path, caught.value.line) == (str(path), line)

    def test_empty_file(self, tmp_path):
        """A file without even a header is an error."""
        with pytest.raises(GlossaryError, match="empty"):
            read_csv(write(tmp_path, ""))

    def test_not_utf8(self, tmp_path):
        """Bytes that are not UTF-8 are an error, not a crash."""
        path = tmp_path / "latin.csv"
        path.write_bytes(HEADER.encode() + "q,qu\xe4y,,canonical,\n".encode("latin-1"))
        with pytest.raises(GlossaryError, match="not UTF-8"):
            read_csv(path)


class TestWriteCsv:
    """Export writes one row per literal form and says what it left out."""

    def test_rows(self):
        """Canonical row first with the note, then allowed and forbidden rows."""
        glossary = Glossary(
            (
                Term(
                    "q",
                    "quay",
                    allowed=(Form("wharf", Status.ALLOWED),),
                    forbidden=(Form("kay", Status.FORBIDDEN),),
                    note="Shore, with a comma",
                ),
            )
        )
        assert write_csv(glossary).text == (
            HEADER + 'q,quay,quay,canonical,"Shore, with a comma"\n'
            "q,quay,wharf,allowed,\nq,quay,kay,forbidden,\n"
        )

    def test_lost_settings_are_warnings(self):
        """Regex forms, case, fuzzy, severity and examples are named, with terms."""
        regex_form = Form("k[ae]y", Status.FORBIDDEN, regex=True)
        term = Term(
            "q",
            "quay",
            forbidden=(regex_form,),
            case_sensitive=True,
            fuzzy=None,
            severity=Severity.INFO,
            examples=Examples(bad=("a kay",)),
        )
        result = write_csv(Glossary((term, Term("p", "pier"))))
        assert "k[ae]y" not in result.text
        assert result.warnings == (
            "regex forms (1 term: q)",
            "case: sensitive (1 term: q)",
            "fuzzy settings (1 term: q)",
            "severities (1 term: q)",
            "examples (1 term: q)",
        )


class TestCsvRoundTrip:
    """What CSV can hold comes back unchanged."""

    def test_forms_and_notes(self, tmp_path):
        """Ids, canonical, allowed and forbidden forms and notes survive."""
        glossary = Glossary(
            (
                Term(
                    "q",
                    "quay",
                    allowed=(Form("wharf", Status.ALLOWED),),
                    forbidden=(
                        Form("kay", Status.FORBIDDEN),
                        Form('"key", said', Status.FORBIDDEN),
                    ),
                    note='A "landing" place, by the shore',
                ),
                Term("p", "pier"),
            )
        )
        path = tmp_path / "out.csv"
        path.write_text(write_csv(glossary).text, encoding="utf-8")
        again = parse_glossary(import_glossary("csv", path).text)
        assert comparable(again) == comparable(glossary)

    def test_shipped_glossary_forms(self, tmp_path):
        """diplomacy-en's literal forms and notes survive a CSV round trip."""
        glossary = load_glossary("diplomacy-en")
        path = tmp_path / "out.csv"
        path.write_text(write_csv(glossary).text, encoding="utf-8")
        again = parse_glossary(import_glossary("csv", path).text)
        for before, after in zip(glossary, again, strict=True):
            assert (after.id, after.canonical, after.note) == (
                before.id,
                before.canonical,
                before.note,
            )
            forms = (*before.allowed, *before.forbidden)
            literal = [f.text for f in forms if not f.regex]
            assert [f.text for f in (*after.allowed, *after.forbidden)] == literal
