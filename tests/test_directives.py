"""Inline ``termcheck:`` directives in each format's own comment syntax."""

from __future__ import annotations

import pytest

from termcheck.checker import check_document, check_text
from termcheck.directives import parse_directives
from termcheck.model import Kind, Severity
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

# How each markup writes a comment holding a directive.
COMMENT = {
    "markdown": "<!-- {} -->",
    "html": "<!-- {} -->",
    "rst": ".. {}",
    "latex": "% {}",
    "asciidoc": "// {}",
    "plain": "# {}",
}
MARKUPS = sorted(COMMENT)


def document(markup: str, lines: list[str]) -> str:
    """Join lines; ``@directive`` lines become that markup's comment.

    Prose lines are wrapped in ``<p>`` for HTML so each is its own block.
    """
    out = []
    for line in lines:
        if line.startswith("@"):
            out.append(COMMENT[markup].format(line[1:]))
        else:
            out.append(f"<p>{line}</p>" if markup == "html" else line)
    return "\n".join(out) + "\n"


def found(markup: str, lines: list[str], **options):
    """``(line, term)`` of each non-directive finding."""
    text = document(markup, lines)
    return [
        (f.line, f.term)
        for f in check_text(GLOSSARY, text, markup=markup, **options)
        if f.kind is not Kind.DIRECTIVE
    ]


@pytest.mark.parametrize("markup", MARKUPS)
class TestDirectives:
    """Each directive silences what it says, in every format."""

    def test_off_on_region(self, markup):
        """Between ``off`` and ``on`` nothing is reported."""
        lines = [
            "OBOR one",
            "@termcheck: off",
            "OBOR two",
            "e-mail three",
            "@termcheck: on",
            "OBOR four",
        ]
        assert found(markup, lines) == [(1, "bri"), (6, "bri")]

    def test_off_to_end_of_file(self, markup):
        """Without ``on``, ``off`` runs to the end."""
        lines = ["OBOR one", "@termcheck: off", "OBOR two", "OBOR three"]
        assert found(markup, lines) == [(1, "bri")]

    def test_disable_next_line_all_terms(self, markup):
        """Only the next line is silenced, for every term."""
        lines = ["@termcheck: disable-next-line", "OBOR and e-mail", "OBOR again"]
        assert found(markup, lines) == [(3, "bri")]

    def test_disable_next_line_named_terms(self, markup):
        """Named ids silence only those terms on the next line."""
        lines = ["@termcheck: disable-next-line bri, gdi", "OBOR and e-mail"]
        assert found(markup, lines) == [(2, "email")]

    def test_disable_enable_named_terms(self, markup):
        """``disable ids`` … ``enable ids`` silences those terms in between."""
        lines = [
            "@termcheck: disable bri email",
            "OBOR and e-mail",
            "@termcheck: enable email",
            "OBOR and e-mail",
        ]
        assert found(markup, lines) == [(4, "email")]

    def test_unknown_id_is_a_directive_warning(self, markup):
        """A misspelt id gives a ``directive`` warning at the id, with a hint."""
        text = document(markup, ["@termcheck: disable-next-line brii", "OBOR"])
        (warning, finding) = check_text(GLOSSARY, text, markup=markup)
        assert (warning.kind, warning.severity) == (Kind.DIRECTIVE, Severity.WARNING)
        assert (warning.line, warning.term, warning.matched) == (1, "brii", "brii")
        assert text[warning.start : warning.end] == "brii"
        assert "did you mean 'bri'?" in warning.message
        assert warning.replacement == "bri"
        assert (finding.line, finding.term) == (2, "bri")  # the typo silenced nothing

    def test_no_inline_config_ignores_directives(self, markup):
        """With ``inline_config=False`` every finding stays and none is added."""
        lines = ["@termcheck: off", "OBOR", "@termcheck: disable nosuchterm", "OBOR"]
        text = document(markup, lines)
        result = check_text(GLOSSARY, text, markup=markup, inline_config=False)
        assert [(f.line, f.kind) for f in result] == [
            (2, Kind.FORBIDDEN),
            (4, Kind.FORBIDDEN),
        ]

    def test_suppressed_count(self, markup):
        """check_document counts what the directives silenced."""
        text = document(markup, ["@termcheck: off", "OBOR OBOR", "e-mail"])
        outcome = check_document(GLOSSARY, text, markup=markup)
        assert (outcome.findings, outcome.suppressed) == ((), 3)


class TestDirectiveDetails:
    """Parsing details and the wording of directive problems."""

    def test_unknown_action(self):
        """A misspelt action is reported with a hint and silences nothing."""
        text = "<!-- termcheck: disable-next-lin bri -->\nOBOR\n"
        warning, finding = check_text(GLOSSARY, text, markup="markdown")
        assert warning.kind is Kind.DIRECTIVE
        assert "did you mean 'disable-next-line'?" in warning.message
        assert finding.term == "bri"

    def test_missing_action(self):
        """A bare ``termcheck:`` is reported at the keyword."""
        text = "# termcheck:\n"
        (warning,) = check_text(GLOSSARY, text)
        assert (warning.column, warning.matched) == (3, "termcheck:")

    def test_off_with_ids_is_reported(self):
        """``off`` takes no ids: the id is reported, and off still applies."""
        text = "% termcheck: off bri\nOBOR\n"
        (warning,) = check_text(GLOSSARY, text, markup="latex")
        assert warning.kind is Kind.DIRECTIVE
        assert "takes no term ids" in warning.message

    def test_reason_after_double_dash(self):
        """Text after `` -- `` is a reason, not term ids."""
        text = "# termcheck: disable-next-line bri -- a quotation\nOBOR\n"
        assert check_text(GLOSSARY, text) == []

    def test_directive_text_is_not_checked(self):
        """A plain-text directive naming a term is not prose (no ``email`` use)."""
        text = "# termcheck: disable email\ne-mail\n# termcheck: enable email\n"
        assert check_text(GLOSSARY, text) == []

    def test_directive_in_code_is_not_a_directive(self):
        """A directive shown in a Markdown code block does nothing."""
        text = "```\n<!-- termcheck: off -->\n```\nOBOR\n"
        assert [f.term for f in check_text(GLOSSARY, text, markup="markdown")] == [
            "bri"
        ]

    def test_other_comments_are_not_directives(self):
        """Comments that do not start with ``termcheck:`` are left alone."""
        text = "x <!-- not termcheck: off --> y"
        assert parse_directives(text, [(6, 26)]) == []

    def test_disable_without_ids_then_enable(self):
        """``disable`` with no ids silences all terms until ``enable``."""
        text = "# termcheck: disable\nOBOR\n# termcheck: enable\nOBOR\n"
        assert [f.line for f in check_text(GLOSSARY, text)] == [4]

    def test_multi_line_comment_next_line(self):
        """``disable-next-line`` in a comment spanning lines applies after its end."""
        text = "<!--\ntermcheck: disable-next-line\n-->\nOBOR\nOBOR\n"
        assert [f.line for f in check_text(GLOSSARY, text, markup="markdown")] == [5]
