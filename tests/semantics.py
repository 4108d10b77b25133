"""The glossary of the matching-semantics examples, built in code for unit tests."""

from __future__ import annotations

from termcheck.model import Form, Glossary, Status, Term

ALLOWED = Status.ALLOWED
FORBIDDEN = Status.FORBIDDEN


def semantics_glossary() -> Glossary:
    """Terms whose wordings overlap on purpose, to test recall and precision."""
    return Glossary(
        (
            Term(
                "shared-future",
                "community with a shared future for mankind",
                allowed=(Form("community with a shared future for humanity", ALLOWED),),
                forbidden=(
                    Form("community of human destiny", FORBIDDEN),
                    Form("community of common destiny", FORBIDDEN),
                    Form(
                        "community of (common|shared) destin(y|ies)",
                        FORBIDDEN,
                        regex=True,
                    ),
                ),
                note="Official English rendering since 2017.",
            ),
            Term("human-security-community", "human security community"),
            Term("gsi", "Global Security Initiative", case_sensitive=True),
            Term("gdi", "Global Development Initiative", case_sensitive=True),
            Term(
                "concept-paper", "the concept paper on the Global Security Initiative"
            ),
            Term("cbm", "Confidence-Building Measures", case_sensitive=True),
            Term(
                "un-charter",
                "Charter of the United Nations",
                allowed=(Form("United Nations Charter", ALLOWED),),
            ),
            Term(
                "bri",
                "Belt and Road Initiative",
                forbidden=(
                    Form("One Belt One Road", FORBIDDEN),
                    Form("OBOR", FORBIDDEN),
                ),
                case_sensitive=True,
            ),
            Term("email", "email", forbidden=(Form("e-mail", FORBIDDEN),)),
            Term("github", "GitHub", case_sensitive=True),
            Term("true-multilateralism", "true multilateralism"),
            Term("security-community", "security community"),
            Term(
                "shared-future-zh",
                "人类命运共同体",
                forbidden=(Form("人类共同命运", FORBIDDEN),),
            ),
        )
    )
