"""A fixed report for the CI format tests: real findings, awkward paths, an error."""

from __future__ import annotations

from termcheck.checker import check_text
from termcheck.model import FileResult, Form, Glossary, Report, Severity, Status, Term

FORBIDDEN = Status.FORBIDDEN

GLOSSARY = Glossary(
    (
        Term(
            "bri",
            "Belt and Road Initiative",
            forbidden=(Form("One Belt One Road", FORBIDDEN), Form("OBOR", FORBIDDEN)),
            note="Official name since 2015; 100% of\r\nrecent texts use it.",
        ),
        Term(
            "shared-future",
            "community with a shared future for mankind",
            forbidden=(Form("community of human destiny", FORBIDDEN),),
        ),
        Term(
            "email",
            "email",
            forbidden=(Form("e-mail", FORBIDDEN),),
            severity=Severity.INFO,
        ),
        Term("gsi", "Global Security Initiative", case_sensitive=True),
    )
)

PATH = "drafts/notes, v2: final.md"
"""A path with a comma, a colon and a space, which every format must escape."""

TEXT = (
    "# Notes\n"
    "\n"
    "Loans under One Belt One Road grew; OBOR lenders & co. <agreed>.\n"
    "Speakers praised the communities of human\n"
    "destiny and the global security initiative.\n"
    "Send an e-mail, or the comunity with a shared future for mankind.\n"
)

CLEAN_PATH = "docs/clean.md"
CLEAN_TEXT = "Nothing to report here.\n"


def sources() -> dict[str, str]:
    """The text of each file of the report."""
    return {PATH: TEXT, CLEAN_PATH: CLEAN_TEXT}


def report() -> Report:
    """Two checked files (one with findings, one clean) and one unreadable file."""
    return Report(
        (
            FileResult(CLEAN_PATH, ()),
            FileResult(PATH, tuple(check_text(GLOSSARY, TEXT, path=PATH))),
            FileResult("docs/broken.md", error="cannot decode as UTF-8 at byte 3"),
        )
    )
