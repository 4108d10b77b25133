"""Properties of check_text over arbitrary text: positions map back, nothing raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.checker import check_document, check_text
from termcheck.fix import apply_fixes
from termcheck.text import LineIndex
from tests.profiles import examples
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()
PHRASES = [
    "community of human destiny",
    "community of\r\ncommon destiny",
    "OBOR",
    "e-mail",
    "global security initiative",
    "comunity with a shared future for mankind",
    "人类共同命运",
    "Confidence Building Measures",
    "\t",
    "\r\n",
    "\n",
    " ",
    "é",
    "\u0301",
    "\U0001f600",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u00ad",
    "\u2028",
    "https://x.org/a",
]
texts = st.lists(
    st.one_of(st.sampled_from(PHRASES), st.text(max_size=12)), max_size=30
).map("".join)


def slice_by_position(
    text: str, line: int, column: int, end_line: int, end_column: int
) -> str:
    """The text between two editor positions, computed independently of LineIndex."""
    starts = [0]
    position = 0
    while position < len(text):
        if text[position] == "\r" and text[position + 1 : position + 2] == "\n":
            position += 2
            starts.append(position)
            continue
        if text[position] in "\r\n":
            starts.append(position + 1)
        position += 1
    return text[starts[line - 1] + column - 1 : starts[end_line - 1] + end_column - 1]


class TestPositions:
    """Reported positions always point into the original text."""

    @settings(max_examples=examples(300), deadline=None)
    @given(texts)
    def test_positions_map_back_to_matched(self, text: str) -> None:
        """line/column/end_line/end_column select exactly ``matched``."""
        for finding in check_text(GLOSSARY, text):
            assert 0 <= finding.start < finding.end <= len(text)
            assert text[finding.start : finding.end] == finding.matched
            assert (
                slice_by_position(
                    text,
                    finding.line,
                    finding.column,
                    finding.end_line,
                    finding.end_column,
                )
                == finding.matched
            )

    def test_crlf_tabs_cjk_no_final_newline(self) -> None:
        """A hand-made case: CRLF, a tab, CJK and no final newline."""
        text = "a\r\n\tb 人类共同命运\r\ncommunity of\r\nhuman destiny"
        found = check_text(GLOSSARY, text)
        assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [
            (2, 4, 2, 10),
            (3, 1, 4, 14),
        ]


class TestRobustness:
    """Checking never raises on arbitrary text."""

    @settings(max_examples=examples(300), deadline=None)
    @given(st.text())
    def test_any_text(self, text: str) -> None:
        """Arbitrary Unicode gives a list of findings, each inside the text."""
        for finding in check_text(GLOSSARY, text):
            assert finding.end <= len(text)


class TestLineIndex:
    """LineIndex agrees with the independent position computation."""

    @given(st.text(alphabet="ab\r\n\u2028\x0c", max_size=40), st.data())
    def test_round_trip(self, text: str, data: st.DataObject) -> None:
        """Every offset maps to a position that maps back to the same character."""
        if not text:
            return
        offset = data.draw(st.integers(0, len(text) - 1))
        line, column = LineIndex(text).position(offset)
        assert slice_by_position(text, line, column, line, column + 1) == text[offset]


class TestMarkupInsideSpan:
    """A span that runs across markup is reported but never rewritten."""

    def test_emphasis_makes_finding_unfixable(self) -> None:
        """Markdown emphasis inside a forbidden phrase: found, not fixable."""
        text = "A community of *human* destiny and a community of human destiny.\n"
        findings = check_document(GLOSSARY, text, markup="markdown").findings
        assert [(f.matched, f.fixable) for f in findings] == [
            ("community of *human* destiny", False),
            ("community of human destiny", True),
        ]
        result = apply_fixes(text, findings, near_miss_min=None)
        assert "*human*" in result.text
        assert "markup" in result.skipped[0].reason

    def test_html_tag_inside_span(self) -> None:
        """An HTML tag inside a case-sensitive term: found, not fixable."""
        text = "<p>the global <em>security</em> initiative</p>"
        findings = check_document(GLOSSARY, text, markup="html").findings
        assert [(f.kind.value, f.fixable) for f in findings] == [("case", False)]

    def test_line_break_alone_keeps_it_fixable(self) -> None:
        """White space differences (a wrapped line) do not block a fix."""
        text = "a community of human\ndestiny\n"
        findings = check_document(GLOSSARY, text, markup="markdown").findings
        assert [f.fixable for f in findings] == [True]
