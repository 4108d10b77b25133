"""Tests for quotation marks: pairing, paragraph limits, apostrophes, marking."""

from __future__ import annotations

import time

import pytest

from termcheck.checker import check_text
from termcheck.extractors import EXTRACTORS
from termcheck.quotes import QUOTED_PREFIX, Quotations, quotations
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()


def quoted(text: str, markup: str = "plain") -> list[str]:
    """The quoted stretches of ``text``."""
    found = quotations(text, EXTRACTORS[markup](text).masked, markup)
    return [text[s:e] for s, e in zip(found.starts, found.ends, strict=True)]


class TestQuotationMarks:
    """Marks are paired as writers of each language pair them."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("He said \u201cOBOR works\u201d today.", ["\u201cOBOR works\u201d"]),
            ('He said "OBOR works" today.', ['"OBOR works"']),
            ("the \u2018OBOR plan\u2019 is", ["\u2018OBOR plan\u2019"]),
            ("the 'OBOR plan' is", ["'OBOR plan'"]),
            ("il dit \u00ab OBOR \u00bb hier", ["\u00ab OBOR \u00bb"]),
            ("er sagt \u201eOBOR\u201c heute", ["\u201eOBOR\u201c"]),
            ("er sagt \u00bbOBOR\u00ab heute", ["\u00bbOBOR\u00ab"]),
            ("\u4ed6\u8bf4\u300cOBOR\u300d\u3002", ["\u300cOBOR\u300d"]),
            ("\u300eOBOR\u300f", ["\u300eOBOR\u300f"]),
            ("han sa \u201dOBOR\u201d i dag", ["\u201dOBOR\u201d"]),
            ("TeX ``OBOR'' style", ["``OBOR''"]),
        ],
    )
    def test_pairs(self, text, expected):
        """Each pair of marks quotes what stands between them, marks included."""
        assert quoted(text) == expected

    def test_nested_quotes(self):
        """A quotation inside a quotation is part of the outer one."""
        text = "\u201cShe called it \u2018OBOR\u2019, he said.\u201d Then OBOR."
        assert quoted(text) == [text[: text.index(" Then")]]

    @pytest.mark.parametrize(
        "text",
        [
            "It's OBOR's plan; the states' OBOR and don't.",
            "In the '90s OBOR grew and the 12\" OBOR",
            "rock 'n roll and OBOR",
        ],
    )
    def test_apostrophes_are_not_quotes(self, text):
        """Apostrophes in words, elisions and inch marks quote nothing."""
        assert quoted(text) == []

    def test_unpaired_mark_quotes_nothing(self):
        """An opening mark never closed leaves the rest of the text unquoted."""
        text = "An \u201copen mark and OBOR.\n\nNext paragraph\u201d with OBOR.\n"
        assert quoted(text) == []

    def test_pairing_stops_at_a_paragraph_break(self):
        """Marks in two paragraphs do not pair, even straight ones."""
        assert quoted('He said "OBOR.\n\nShe said" OBOR.') == []
        assert quoted('He said "OBOR.\r\n  \r\nShe said" OBOR.') == []

    def test_a_line_break_is_not_a_paragraph_break(self):
        """A quotation wrapped over two lines is one quotation."""
        assert quoted("He said \u201cOBOR\nworks\u201d.") == ["\u201cOBOR\nworks\u201d"]

    def test_markdown_block_edge_ends_pairing(self):
        """A list item is a new paragraph for quotation marks."""
        text = '- He said "OBOR\n- and OBOR" then\n'
        assert quoted(text, "markdown") == []

    def test_html_block_tags_end_pairing(self):
        """Marks in two HTML paragraphs do not pair."""
        text = '<p>He said "OBOR</p><p>and OBOR" then</p>'
        assert quoted(text, "html") == []

    def test_marks_in_code_are_not_quotes(self):
        """Quotation marks inside code are not prose."""
        text = 'Run `echo "x` and OBOR and `y"` now.\n'
        assert quoted(text, "markdown") == []

    def test_linear_time(self):
        """Many unpaired marks, and many paragraphs, cost linear time."""

        def seconds(size: int) -> float:
            text = ("\u201c OBOR '" * size) + ("\n\n\u201d" * size)
            begun = time.perf_counter()
            quoted(text)
            return time.perf_counter() - begun

        seconds(1000)  # warm up
        small = min(seconds(5_000) for _ in range(3))
        large = min(seconds(20_000) for _ in range(2))
        assert large / small < 6, (small, large)  # 4 times the input


class TestQuotations:
    """Merged spans and lookups."""

    def test_merge_and_cover(self):
        """Overlapping spans merge; a span touching a quotation is covered."""
        spans = Quotations.of([(10, 20), (15, 30), (40, 50)])
        assert (spans.starts, spans.ends) == ((10, 40), (30, 50))
        assert spans.covers(29, 35)
        assert spans.covers(5, 11)
        assert not spans.covers(30, 40)
        assert not Quotations().covers(0, 5)

    def test_a_span_holding_a_whole_quotation_is_not_covered(self):
        """A wording that carries its own marks (“Belt and Road”) is no quotation;
        one inside the marks, or reaching into them, is."""
        spans = Quotations.of([(10, 20), (40, 50)])
        assert not spans.covers(5, 25)  # holds (10, 20) whole
        assert not spans.covers(10, 20)
        assert spans.covers(11, 19)  # inside the marks
        assert spans.covers(15, 45)  # holds one, reaches into the other
        assert not spans.covers(5, 55)  # holds both

    def test_wording_with_its_own_quotation_marks_is_fixed(self):
        """Инициатива „Пояс и путь“ is a forbidden wording, not a quotation."""
        from termcheck.fix import apply_fixes
        from termcheck.model import Form, Glossary, Status, Term

        term = Term(
            "bri-ru",
            "Инициатива «Один пояс, один путь»",
            forbidden=(Form("Инициатива «Пояс и путь»", Status.FORBIDDEN),),
            language="ru",
        )
        glossary = Glossary((term,), language="ru")
        text = "Он сказал: Инициатива „Пояс и путь“ важна."
        findings = check_text(glossary, text)
        assert [(f.quoted, f.matched) for f in findings] == [
            (False, "Инициатива „Пояс и путь“")
        ]
        fixed = apply_fixes(text, findings).text
        assert fixed == "Он сказал: Инициатива «Один пояс, один путь» важна."


class TestMarkedFindings:
    """The checker marks quoted findings and says so in their message."""

    def test_quoted_finding_is_reported_and_marked(self):
        """Kind and severity stay; the message starts with the quotation note."""
        text = 'He said "OBOR works"; OBOR is ours.'
        inside, outside = check_text(GLOSSARY, text, path="a.txt")
        assert (inside.kind, inside.severity) == (outside.kind, outside.severity)
        assert inside.quoted
        assert inside.message == QUOTED_PREFIX + outside.message
        assert not outside.quoted

    def test_block_quote_in_markdown(self):
        """A Markdown block quote marks its findings."""
        text = "> OBOR was the word.\n\nOBOR again.\n"
        found = check_text(GLOSSARY, text, path="a.md", markup="markdown")
        assert [f.quoted for f in found] == [True, False]
