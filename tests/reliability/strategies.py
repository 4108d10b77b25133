"""Hypothesis strategies shared by the fuzz and fix-property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from tests.extractors.test_contract import PIECES
from tests.reliability.linear import SHAPES

__all__ = [
    "SHAPE_PIECES",
    "WORDS",
    "glossaries_and_texts",
    "shaped_texts",
    "term_parts",
]

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "fox", "golf", "hotel"]
SHAPE_PIECES = sorted({(shape.markup, shape.make(60)) for shape in SHAPES})
"""Every hostile shape of the linear-time battery, about 60 characters long."""
REGEXES = ["e ?mails?", "a+b", "(a|a)+$", "- ??", "[] ]x", "(?x) a b", "\\bq\\w*"]


@st.composite
def term_parts(draw: st.DrawFn, number: int) -> dict[str, Any]:
    """One term of the generated glossaries: forms from its own words."""
    own = [f"{word}{number}" for word in WORDS[: 3 + number % 3]]
    chosen = draw(st.permutations(own))
    canonical = " ".join(chosen[: draw(st.integers(1, 2))])
    forbidden = [" ".join(chosen[2:4]) or "zz" + str(number)]
    term: dict[str, Any] = {
        "id": f"t{number}",
        "canonical": canonical,
        "forbidden": forbidden,
        "case": draw(st.sampled_from(["insensitive", "sensitive"])),
        "fuzzy": draw(st.sampled_from([0.8, 0.9, False])),
    }
    if draw(st.booleans()):
        term["forbidden"].append({"regex": draw(st.sampled_from(REGEXES))})
    return term


@st.composite
def glossaries_and_texts(draw: st.DrawFn) -> tuple[list[dict[str, Any]], str]:
    """Term mappings, and a text mixing their words (in any case) with noise."""
    terms = [draw(term_parts(number)) for number in range(draw(st.integers(1, 3)))]
    words = [f"{w}{n}" for n in range(len(terms)) for w in WORDS[:5]]
    forms = [t["canonical"] for t in terms] + [
        f for t in terms for f in t["forbidden"] if isinstance(f, str)
    ]
    spelled = st.sampled_from([str.upper, str.title, str.lower, _typo])
    piece = st.one_of(
        st.tuples(st.sampled_from(forms), spelled).map(lambda pair: pair[1](pair[0])),
        st.sampled_from(words),
        st.sampled_from([" ", "\n", "\r\n", "\r", ". ", "-", "'s", "s", "😀", "é"]),
        # CJK, right-to-left and combining text, and what normalisation changes.
        st.sampled_from(
            ["人类", "サーバ", "ｻｰﾊﾞ", "שָׁלוֹם", "مـحـمد", "e\u0301", "\u200b"]
        ),
        st.sampled_from(PIECES),
        st.text(max_size=4),
    )
    return terms, " ".join(draw(st.lists(piece, max_size=30)))


def _typo(text: str) -> str:
    """``text`` with one letter doubled (a near-miss)."""
    middle = len(text) // 2
    return text[:middle] + text[middle] + text[middle:] if text else text


@st.composite
def shaped_texts(draw: st.DrawFn) -> tuple[str, str]:
    """A markup, and a text of its hostile shapes, prose and markup pieces."""
    markup = draw(st.sampled_from(sorted({markup for markup, _ in SHAPE_PIECES})))
    own = [piece for shape_markup, piece in SHAPE_PIECES if shape_markup == markup]
    piece = st.one_of(
        st.sampled_from(own),
        st.sampled_from(["OBOR", "Javascript", "One Belt One Road", " ", "\n"]),
        st.sampled_from(PIECES),
    )
    return markup, "".join(draw(st.lists(piece, max_size=12)))
