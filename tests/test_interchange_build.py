"""Tests for turning imported terms into a glossary file that always loads."""

from __future__ import annotations

from termcheck.glossary import parse_glossary
from termcheck.interchange.build import make_id, unique_ids, write_imported
from termcheck.interchange.model import Imported
from termcheck.model import Form, Status, Term


class TestIds:
    """Ids are made valid and unique."""

    def test_make_id(self):
        """Other characters become hyphens; nothing usable gives a hash id."""
        assert make_id("Wi-Fi 6E") == "wi-fi-6e"
        assert make_id("_5g") == "5g"
        assert make_id("人类").startswith("term-")

    def test_unique(self):
        """A repeated id gets -2, -3..."""
        terms = unique_ids([Term("", "quay"), Term("", "Quay"), Term("quay", "key")])
        assert [t.id for t in terms] == ["quay", "quay-2", "quay-3"]


class TestWriteImported:
    """Conflicts are settled with a warning each; the result loads."""

    def test_wording_of_two_terms(self):
        """A form an earlier term already has is dropped, and the warning says so."""
        imported = Imported(
            (
                Term("", "quay", forbidden=(Form("kay", Status.FORBIDDEN),)),
                Term("", "pier", allowed=(Form("Kay", Status.ALLOWED),)),
            )
        )
        result = write_imported(imported, "x.csv")
        glossary = parse_glossary(result.text)
        assert glossary["pier"].allowed == ()
        assert result.warnings == (
            "'Kay' (allowed in 'pier'): already a wording of term 'quay'; dropped",
        )
        assert "# - 'Kay' (allowed in 'pier')" in result.text

    def test_repeated_canonical_skips_the_term(self):
        """A second term with the same canonical wording is skipped."""
        result = write_imported(Imported((Term("", "quay"), Term("", "Quay"))), "x")
        assert result.terms == 1
        assert "already a wording of term 'quay'" in result.warnings[0]

    def test_loader_rejection_drops_the_form(self):
        """A regex the loader refuses (it forbids an accepted wording) is dropped."""
        imported = Imported(
            (Term("", "PM", forbidden=(Form("pm", Status.FORBIDDEN, regex=True),)),)
        )
        result = write_imported(imported, "Rule.yml")
        assert parse_glossary(result.text)["pm"].forbidden == ()
        assert (
            "'pm' (in 'pm') dropped: forbidden regex 'pm' matches 'PM'"
            in (result.warnings[0])
        )

    def test_title(self):
        """The first header line is the title, or where the terms came from."""
        assert write_imported(Imported(()), "a.tbx").text.startswith(
            "# Imported by termcheck from a.tbx."
        )
        assert write_imported(Imported(()), "a", title="Found.").text.startswith(
            "# Found."
        )
