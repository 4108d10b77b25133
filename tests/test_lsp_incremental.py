"""The incremental check gives check_document's outcome, edit after edit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.checker import check_document
from termcheck.lsp.incremental import DocumentChecker
from termcheck.model import Form, Glossary, Kind, Status, Term
from tests.profiles import examples
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

PROSE = [
    "We support the community of human destiny.",
    "The Belt and Road Initiative and the OBOR plan",
    "a community with a shared future for mankind",
    "a community with a shared future for humanity",
    "the global security initiative was named.",
    "Send an e-mail to GitHub",
    "community of common\ndestiny, said one.",
    "comunity with a shared future for mankind!",
    "One Belt",
    "One Road.",
    "人类共同命运。",
    "Charter of the United Nations; United Nations Charter",
]
# Constructs that hold blank lines, comments that hold directives, and the
# places where a piece could be cut wrongly, for each markup.
MARKUP = {
    "markdown": [
        "```\nOBOR code\n\nOBOR\n```",
        "~~~~\n\n~~~\nOBOR\n~~~~",
        "   ```\nOBOR\n\n   ```",
        "- item\n\n  ```\n  OBOR\n\n  ```",
        "- a list item about OBOR\n\n  continued.",
        "> quoted OBOR\n>\n> more.",
        "<!-- termcheck: off -->",
        "<!-- termcheck: on -->",
        "<!-- termcheck: disable-next-line bri -->",
        "<!--\n\nOBOR\n-->",
        "<pre>\n\nOBOR\n</pre>",
        '<div translate="no">\nOBOR\n</div>',
        "</div>",
        "<span>",
        "<!-->",
        "Run this:\n```\nOBOR\n\nOBOR\n```",
        "# OBOR heading",
        "---\ntitle: OBOR\n---",
        "---",
        "    indented OBOR\n\n    code",
        "[OBOR][ref] and [ref]",
        "[ref]: https://example.org/OBOR",
        "[other]:\n  /url",
        "| a | OBOR |\n|---|---|\n| x | y |",
        "`OBOR` inline",
        "*community of* human destiny",
    ],
    "rst": [
        "Title OBOR\n==========",
        "Paragraph::\n\n    literal OBOR\n\n    more",
        ".. code-block:: text\n\n   OBOR\n\n   OBOR",
        ".. note:: OBOR note\n\n   body OBOR",
        ".. termcheck: off",
        ".. termcheck: on",
        ".. a comment\n\n   OBOR",
        ">>> OBOR",
        ":field: OBOR",
        "``OBOR`` and :code:`OBOR`",
    ],
    "html": [
        "<p>OBOR</p>",
        "<pre>\n\nOBOR\n</pre>",
        '<div translate="no">\n\nOBOR.\n\n</div>',
        "<!-- termcheck: off -->",
        "<!-- termcheck: on -->",
        "<code>OBOR",
        "</code>",
    ],
    "latex": [
        "\\begin{verbatim}\n\nOBOR\n\n\\end{verbatim}",
        "$OBOR$",
        "% termcheck: off",
        "% termcheck: on",
        "\\emph{community of} human destiny",
        "\\cite{OBOR}",
    ],
    "asciidoc": [
        "----\nOBOR\n\nOBOR\n----",
        "[source]\n\nOBOR",
        "[source,python]",
        "....\nOBOR\n\n....",
        "--\nOBOR open block\n--",
        ":attribute: OBOR",
        "include::OBOR.adoc[]",
        "  indented OBOR literal",
        "//// comment\n\nOBOR\n////",
        "// termcheck: off",
        "// termcheck: on",
        "== OBOR title",
        "`OBOR`",
    ],
    "plain": [
        "# termcheck: off",
        "# termcheck: on",
        "# termcheck: disable-next-line",
    ],
}
GAPS = ["\n\n", "\n", "\r\n\r\n", " ", "\n  \n", "\n\n\n"]


def _documents(markup: str) -> st.SearchStrategy[list[str]]:
    parts = st.sampled_from(PROSE + MARKUP[markup])
    return st.lists(st.tuples(parts, st.sampled_from(GAPS)), max_size=14).map(
        lambda pairs: ["".join(part + gap for part, gap in pairs)]
    )


@st.composite
def _sessions(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A markup, then a document and the versions a few edits make of it."""
    markup = draw(st.sampled_from(sorted(MARKUP)))
    text = draw(_documents(markup))[0]
    versions = [text]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()) and text:
            end = draw(st.integers(at, min(len(text), at + 40)))
            text = text[:at] + text[end:]
        else:
            inserted = draw(st.sampled_from(PROSE + MARKUP[markup] + GAPS))
            text = text[:at] + inserted + text[at:]
        versions.append(text)
    return markup, versions


class TestSameAsCheckDocument:
    @settings(max_examples=examples(300))
    @given(_sessions())
    def test_every_version(self, session: tuple[str, list[str]]) -> None:
        """Each version of an edited document gets check_document's exact outcome."""
        markup, versions = session
        checker = DocumentChecker(markup)
        for text in versions:
            got = checker.check(GLOSSARY, text, path="doc")
            assert got == check_document(GLOSSARY, text, path="doc", markup=markup)

    def test_without_inline_config(self) -> None:
        """With directives ignored, a silenced finding comes back, as in a check."""
        text = "<!-- termcheck: off -->\n\nOBOR is here.\n"
        checker = DocumentChecker("markdown", inline_config=False)
        got = checker.check(GLOSSARY, text)
        assert [f.matched for f in got.findings] == ["OBOR"]
        assert got == check_document(
            GLOSSARY, text, markup="markdown", inline_config=False
        )

    def test_disabled_terms(self) -> None:
        """Disabled terms are dropped as check_document drops them."""
        text = "OBOR and e-mail.\n"
        got = DocumentChecker("plain").check(GLOSSARY, text, disabled={"bri"})
        assert [f.term for f in got.findings] == ["email"]


class TestOnlyChangedPiecesRematched:
    def test_one_paragraph_edited(self) -> None:
        """An edit in one paragraph of many re-matches that paragraph alone."""
        paragraphs = [f"Paragraph {n} speaks of the OBOR plan." for n in range(200)]
        text = "\n\n".join(paragraphs) + "\n"
        checker = DocumentChecker("markdown")
        checker.check(GLOSSARY, text)
        assert checker.rematched == 200
        edited = text.replace("Paragraph 120 speaks", "Paragraph 120 now speaks")
        outcome = checker.check(GLOSSARY, edited)
        assert checker.rematched == 1
        assert len(outcome.findings) == 200
        assert outcome == check_document(GLOSSARY, edited, markup="markdown")

    def test_document_rules_see_every_paragraph(self) -> None:
        """Inconsistent usage counts the forms of all paragraphs, cached or not."""
        first = "A community with a shared future for mankind.\n\n"
        text = first * 2 + "A community with a shared future for humanity.\n"
        checker = DocumentChecker("plain")
        kinds = [f.kind for f in checker.check(GLOSSARY, text).findings]
        assert kinds == [Kind.INCONSISTENT]
        edited = text + "\nA community with a shared future for humanity.\n" * 2
        outcome = checker.check(GLOSSARY, edited)
        assert checker.rematched == 1  # the new paragraphs are one piece
        assert [f.line for f in outcome.findings] == [1, 3]  # the minority flips
        assert outcome == check_document(GLOSSARY, edited)

    def test_new_glossary_rematches(self) -> None:
        """Another glossary object (a reload) drops every cached match."""
        text = "OBOR.\n\nOBOR.\n"
        checker = DocumentChecker("plain")
        checker.check(GLOSSARY, text)
        checker.check(semantics_glossary(), text)
        assert checker.rematched == 2


class TestTies:
    def test_tied_forms_do_not_depend_on_position(self) -> None:
        """Two forms scoring the same near-miss: the first form wins, wherever the
        paragraph is, so pieces and the whole document agree."""
        glossary = Glossary(
            (
                Term(
                    "actions",
                    "GitHub Actions",
                    forbidden=(Form("Github Actions", Status.FORBIDDEN),),
                ),
            )
        )
        text = "".join(
            f"Paragraph {n} uses a GitHub Action today.\n\n" for n in range(60)
        )
        whole = check_document(glossary, text)
        assert {f.message for f in whole.findings} == {
            '"GitHub Action" is a near-miss of "GitHub Actions" (score 0.93); '
            'use "GitHub Actions"'
        }
        assert DocumentChecker("plain").check(glossary, text) == whole
