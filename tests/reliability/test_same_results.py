"""The rewrites for linear time keep every result.

Each stage rewritten so that a hostile shape no longer costs quadratic time is
compared here, on generated texts, with the code it replaced (kept below as the
reference): directive bodies and regions, front matter values, LaTeX groups
and line ends, HTML end tags, the matcher's choice among overlapping matches.
(URLs, e-mail addresses and the rST and AsciiDoc inline passes are compared
with their patterns in tests/test_addresses.py and
tests/extractors/test_inline_scans.py.)
"""

from __future__ import annotations

import bisect

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck import directives, matcher
from termcheck.checker import check_document
from termcheck.directives import parse_directives
from termcheck.extractors import html, latex
from termcheck.extractors.markdown import _PROSE_KEY
from termcheck.extractors.mask import Extraction, Mask
from termcheck.model import Form, Match, Status
from tests.profiles import examples
from tests.reliability.linear import GLOSSARY

SETTINGS = settings(max_examples=examples(300), deadline=None)


def soup(pieces: list[str], size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


# The directive pattern before: lazy ids, then an optional reason and spaces.
OLD_DIRECTIVE = regex.compile(
    r"\s*(?P<keyword>termcheck:)[ \t]*(?P<action>[^\s,]*)(?P<ids>.*?)(?:\s--\s.*)?\s*",
    regex.DOTALL,
)
OLD_ID = regex.compile(r"[^\s,]+")


@SETTINGS
@given(
    soup([" ", "\t", "\n", "--", "-", "a", "b", ",", "\u2003", "\x1c", "\x0b"]),
    soup(["termcheck:", "off", "disable", " ", "x"], size=4),
)
def test_directives(tail: str, head: str) -> None:
    """Action, ids and offsets as the one pattern read them."""
    text = "<!--" + head + tail + "-->"
    comment = (4, len(text) - 3)
    old = []
    match = OLD_DIRECTIVE.fullmatch(text, *comment)
    if match is not None:
        ids = OLD_ID.finditer(text, match.start("ids"), match.end("ids"))
        old.append((match.group("action"), [(w.group(), w.start()) for w in ids]))
    new = [(d.action, list(d.ids)) for d in parse_directives(text, [comment])]
    assert new == old


OLD_PROSE_KEY = regex.compile(
    r"""[ \t]*(?:title|description)[ \t]*[:=][ \t]*"""
    r"""(?:"(?P<v>[^"]*)"|'(?P<v>[^']*)'|(?P<v>[^\s|>'"#][^#]*?))[ \t]*(?:\#.*)?"""
)


@SETTINGS
@given(
    st.sampled_from(["title:", "description =", " title :", "title"]),
    soup([" ", "\t", "\x0c", "#", "a", "b", "'", '"', "|", ">", ":", "\u2003"], 12),
)
def test_front_matter_values(key: str, value: str) -> None:
    """The prose value of a front matter line, as the lazy pattern found it."""
    line = key + value
    old, new = OLD_PROSE_KEY.fullmatch(line), _PROSE_KEY.fullmatch(line)
    assert (old and old.span("v")) == (new and new.span("v"))


class OldLatex(latex._Scanner):
    """The LaTeX scanner with its group and line-end searches as they were."""

    def group_end(self, position: int) -> int:
        opener = self.text[position]
        closer = "}" if opener == "{" else "]"
        depth, index = 0, position
        while index < len(self.text):
            char = self.text[index]
            if char == "\\":
                index += 2
                continue
            if char == opener:
                depth += 1
            elif char == closer:
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        return len(self.text)

    def line_end(self, position: int) -> int:
        ends = [i for i in (self.text.find(c, position) for c in "\r\n") if i >= 0]
        return min(ends, default=len(self.text))


LATEX_PIECES = [
    *["\\", "{", "}", "[", "]", "$", "%", "\n", "\r", " ", "a", "\\\\", "\\(", "\\)"],
    *["\\item", "\\foo", "\\emph", "\\verb|", "|", "\\section*", "\\href"],
    *["\\begin{verbatim}", "\\end{verbatim}", "\\begin{x}", "\\[", "\\]"],
]


@SETTINGS
@given(soup(LATEX_PIECES))
def test_latex(text: str) -> None:
    """The same masked text and comments as with the old searches."""
    mask = Mask(text)
    OldLatex(mask).run()
    assert latex.extract(text) == mask.extraction()


class OldHtml(html._Scanner):
    """The HTML scanner with its end-tag search down the open stack as it was."""

    def end_tag(self, at: int) -> int:
        name_match = html._TAG_NAME.match(self.text, at + 2)
        assert name_match is not None
        name = name_match.group().lower()
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == name:
                self.skipping -= sum(skip for _, skip in self.open[depth:])
                del self.open[depth:]
                break
        inline = name in html.INLINE_ELEMENTS
        return self.until_bracket(at, name_match.end(), barrier=not inline)


HTML_PIECES = [
    *["<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<code>", "</code>"],
    *["<pre>", "</pre>", "<p translate=no>", "</p>", "<script>", "</script>"],
    *["<!--", "-->", " ", "a", "OBOR", "<", ">", "/", "&amp;", "\n"],
]


def _old_html(text: str) -> Extraction:
    mask = Mask(text, hidden=True)
    OldHtml(mask).run()
    return mask.extraction()


@SETTINGS
@given(soup(HTML_PIECES))
def test_html(text: str) -> None:
    """The same masked text as with the old end-tag search."""
    assert html.extract(text) == _old_html(text)


def _old_select(candidates: list[matcher._Candidate]) -> list[Match]:
    taken: list[tuple[int, int]] = []
    chosen = []
    for candidate in sorted(candidates, key=lambda c: c.rank):
        slot = bisect.bisect_left(taken, (candidate.start, candidate.end))
        before = taken[slot - 1] if slot else None
        after = taken[slot] if slot < len(taken) else None
        if (before and before[1] > candidate.start) or (
            after and after[0] < candidate.end
        ):
            continue
        taken.insert(slot, (candidate.start, candidate.end))
        chosen.append(candidate)
    return [c.match for c in sorted(chosen, key=lambda c: c.start)]


FORM = Form("x", Status.FORBIDDEN)
candidates = st.lists(
    st.tuples(
        st.integers(0, 30),
        st.integers(1, 8),
        st.integers(0, 10),
        st.integers(0, 3),
        st.sampled_from([0.9, 1.0]),
    ),
    max_size=12,
)


@SETTINGS
@given(candidates)
def test_select(parts: list[tuple[int, int, int, int, float]]) -> None:
    """The same matches chosen among overlapping candidates."""
    found = [
        matcher._Candidate(
            first,
            first + words,
            start,
            start + length,
            Match(f"t{number}", FORM, start, start + length, score),
        )
        for number, (start, length, first, words, score) in enumerate(parts)
    ]
    assert matcher._select(found) == _old_select(found)


def _old_regions(
    found: list[directives.Directive], _term_ids: object
) -> list[directives._Region]:
    """The regions as they were: every id kept, known to the glossary or not."""
    regions: list[directives._Region] = []
    off, all_terms, terms = False, False, frozenset[str]()
    for directive in sorted(found, key=lambda d: d.start):
        ids = frozenset(term for term, _ in directive.ids)
        action = directive.action
        if action == "off":
            off = True
        elif action == "on":
            off = False
        elif action == "disable":
            all_terms = all_terms or not ids
            terms |= ids
        elif action == "enable":
            all_terms = all_terms and bool(ids)
            terms = terms - ids if ids else frozenset()
        else:
            continue
        offset = directive.end if action in ("off", "disable") else directive.start
        regions.append(directives._Region(offset, off, all_terms, terms))
    return regions


DIRECTIVE_LINES = [
    *[
        f"# termcheck: {action} {ids}\n"
        for action in ("disable", "enable")
        for ids in ("", "bri", "js", "bri js", "zz", "zz bri", "js zz")
    ],
    "# termcheck: off\n",
    "# termcheck: on\n",
    "# termcheck: disable-next-line zz\n",
    "OBOR and Javascript\n",
    "One Belt One Road\n",
]


@SETTINGS
@given(soup(DIRECTIVE_LINES, size=20))
def test_directive_regions(text: str) -> None:
    """Findings kept and suppressed as when unknown ids were kept in regions."""
    new = check_document(GLOSSARY, text)
    original = directives._regions
    directives._regions = _old_regions  # type: ignore[assignment]
    try:
        old = check_document(GLOSSARY, text)
    finally:
        directives._regions = original
    assert new == old
