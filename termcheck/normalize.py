"""Whole-text normalisation with a map back to the original, and word-key folding.

A text is normalised once, before it is split into words: compatibility forms
become their plain letters where that keeps a letter a letter (full-width
``ＡＰＩ`` -> ``API``, half-width ``ｻｰﾊﾞ`` -> ``サーバ``, ``ﬁ`` -> ``fi``),
decomposed letters are composed (``か`` + U+3099 -> ``が``, Hangul jamo ->
syllables, ``e`` + U+0301 -> ``é``), and zero-width format characters
(U+200B, U+2060, U+FEFF) are dropped. Every offset of the normalised text maps
back to the original, so positions and fixes stay in the file's own text.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field
from typing import Final

import regex

__all__ = [
    "Normalized",
    "fold_key",
    "normalize_text",
    "strip_marks",
    "width_differs",
]

# Zero-width characters that only hint at (or hide) a break: never part of a word.
_REMOVABLE: Final = "\u200b\u2060\ufeff"
# Where normalisation may change something: compatibility characters, characters
# that may compose with the one before them, and removable ones, each run with
# the character before it (a base that a mark composes with).
_ATTENTION: Final = regex.compile(
    rf"(?s).?[\p{{NFKC_QC=N}}\p{{NFKC_QC=M}}{_REMOVABLE}]+"
)
_REMOVABLE_SEARCH: Final = regex.compile(f"[{_REMOVABLE}]")
_CLUSTER: Final = regex.compile(r"(?s)\X")
_WORD_CHAR: Final = regex.compile(r"\w")
_SPACE: Final = regex.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the map of its changed regions back to the original.

    Outside the changed regions offsets shift by a constant; each changed region
    (a cluster rewritten or a character dropped) maps as a whole.
    """

    text: str
    norm_starts: list[int] = field(default_factory=list)
    norm_ends: list[int] = field(default_factory=list)
    orig_starts: list[int] = field(default_factory=list)
    orig_ends: list[int] = field(default_factory=list)

    @property
    def identity(self) -> bool:
        """True when the text did not change."""
        return not self.norm_starts

    def start(self, offset: int) -> int:
        """Original offset where the normalised character at ``offset`` starts."""
        if not self.norm_starts:
            return offset
        region = bisect.bisect_right(self.norm_starts, offset) - 1
        if region < 0:
            return offset
        if offset < self.norm_ends[region]:
            return self.orig_starts[region]
        return self.orig_ends[region] + offset - self.norm_ends[region]

    def end(self, offset: int) -> int:
        """Original offset of an exclusive end ``offset`` of the normalised text."""
        if not self.norm_starts or offset <= 0:
            return offset
        last = offset - 1
        region = bisect.bisect_right(self.norm_starts, last) - 1
        if region < 0:
            return offset
        if last < self.norm_ends[region]:
            return self.orig_ends[region]
        return self.orig_ends[region] + offset - self.norm_ends[region]


def normalize_text(text: str) -> Normalized:
    """``text`` normalised as described in the module docstring, with its map."""
    if text.isascii() or (
        unicodedata.is_normalized("NFKC", text) and not _REMOVABLE_SEARCH.search(text)
    ):
        return Normalized(text)
    pieces: list[str] = []
    result = Normalized("")
    done = 0
    shift = 0  # normalised length minus original length so far
    for region in _ATTENTION.finditer(text):
        for cluster in _CLUSTER.finditer(text, region.start(), region.end()):
            original = cluster.group()
            changed = _normalize_cluster(original)
            if changed == original:
                continue
            start, end = cluster.span()
            pieces.append(text[done:start])
            pieces.append(changed)
            done = end
            result.norm_starts.append(start + shift)
            result.norm_ends.append(start + shift + len(changed))
            result.orig_starts.append(start)
            result.orig_ends.append(end)
            shift += len(changed) - len(original)
    if not result.norm_starts:
        return Normalized(text)
    pieces.append(text[done:])
    return Normalized(
        "".join(pieces),
        result.norm_starts,
        result.norm_ends,
        result.orig_starts,
        result.orig_ends,
    )


def _normalize_cluster(cluster: str) -> str:
    if cluster in _REMOVABLE:
        return ""
    out = "".join(
        _safe_compatibility(char) for char in cluster if char not in _REMOVABLE
    )
    return unicodedata.normalize("NFC", out)


_SAFE: dict[str, str] = {}


def _safe_compatibility(char: str) -> str:
    """NFKC of ``char`` where a letter stays letters and punctuation stays such.

    ``™`` (-> ``TM``), ``㈱`` (-> ``(株)``), ``½`` and ``¨`` (-> a space and a
    mark) would change where words begin and end: they are kept as they are.
    """
    known = _SAFE.get(char)
    if known is not None:
        return known
    mapped = unicodedata.normalize("NFKC", char)
    if mapped != char:
        word = _WORD_CHAR.match(char) is not None
        space = char.isspace()
        if any(
            (_WORD_CHAR.match(c) is not None) != word
            or (_SPACE.match(c) is not None) != space
            for c in mapped
        ):
            mapped = unicodedata.normalize("NFC", char)
    if len(_SAFE) < 100_000:
        _SAFE[char] = mapped
    return mapped


# Typographic variants folded to ASCII in word keys.
_FOLD: Final = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00ad": None,
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
        "\u0130": "i",  # İ: Turkish capital dotted i, never two characters
        "\u0131": "i",  # ı: dotless i, so that IZMIR, İzmir and ızmır share a key
        "\u1e9e": "\u00df",  # ẞ: capital sharp s
    }
)
# Marks that change no word's identity in a key: Greek tonos and dialytika (all
# capitals drop them), Arabic harakat and tatweel, Hebrew points and cantillation.
_KEY_MARKS: Final = regex.compile(
    r"(?<=\p{Greek})[\u0300\u0301\u0308\u0313\u0314\u0342\u0344\u0345]+"
    r"|[\u064b-\u065f\u0670\u0640\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]"
)
_MARKED: Final = regex.compile(
    r"[\u0370-\u03ff\u1f00-\u1fff\u0591-\u05c7\u0640-\u0670]"
)


def fold_key(word: str) -> str:
    """The comparison key of one word: NFKC, typographic and case folding.

    ``ß`` stays ``ß`` (``Maßnahme`` and ``Massnahme`` are two spellings), ``İ``
    and ``ı`` fold to ``i``, and Greek accents, Arabic vowel marks and tatweel,
    and Hebrew points do not count.
    """
    if word.isascii():
        return word.casefold()
    folded = unicodedata.normalize("NFKC", word.translate(_FOLD))
    if _MARKED.search(folded) is not None:
        folded = strip_marks(folded)
    if "\u00df" in folded:
        return "\u00df".join(part.casefold() for part in folded.split("\u00df"))
    return folded.casefold()


def strip_marks(word: str) -> str:
    """``word`` without the marks that ``fold_key`` ignores."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", _KEY_MARKS.sub("", decomposed))


def width_differs(written: str) -> bool:
    """True when ``written`` holds a compatibility form of a letter or sign
    (full-width ``Ａ``, half-width ``ｻ``, a ligature), which a ``width: strict``
    term reports. White space and dashes are not widths: a no-break space or a
    non-breaking hyphen is the writer's typography."""
    return any(
        unicodedata.normalize("NFKC", char) != char
        for char in written
        if not char.isspace() and unicodedata.category(char) != "Pd"
    )
