"""Words joined without spaces into one name: ``foo-yaml-bar.txt``, ``x.github.io``."""

from __future__ import annotations

from typing import Final

from termcheck.tokens import DOT, Tokens

__all__ = ["Chains"]

_JOINERS: Final = ("-", DOT)
_MIN_IDENTIFIER_PARTS: Final = 3


class Chains:
    """The chains of a text's words, asked about one match at a time.

    Each chain is walked once and judged once, however many matches it holds:
    a text of thousands of joined words, each a match, stays linear.
    """

    __slots__ = ("_edges", "_text", "_tokens", "_verdicts")

    def __init__(self, text: str, tokens: Tokens) -> None:
        self._text = text
        self._tokens = tokens
        self._edges: dict[int, dict[int, int]] = {-1: {}, 1: {}}
        self._verdicts: dict[tuple[int, int], bool] = {}

    def hold(self, first: int, last: int) -> bool:
        """True when words ``first..last`` are only a part of a file, package or
        module name.

        Words joined without spaces by dots (``foo-yaml-bar.txt``, ``x.github.io``),
        or by hyphens into three or more lower-case parts (``javascript-some-plugin``),
        name things; a term matches such a chain only as a whole.
        """
        chain = self._edge(first, -1), self._edge(last, 1)
        if chain == (first, last):
            return False
        verdict = self._verdicts.get(chain)
        if verdict is None:
            verdict = self._verdicts[chain] = self._names_a_thing(*chain)
        return verdict

    def _names_a_thing(self, first: int, last: int) -> bool:
        tokens = self._tokens
        if DOT in tokens.seps[first + 1 : last + 1]:
            return True
        words = self._text[tokens.starts[first] : tokens.ends[last]]
        return last - first >= _MIN_IDENTIFIER_PARTS - 1 and words == words.lower()

    def _edge(self, word: int, step: int) -> int:
        """The first (``step`` -1) or last (1) word of the chain ``word`` is in."""
        seps, known = self._tokens.seps, self._edges[step]
        path = []
        while word not in known:
            link = word if step < 0 else word + 1
            if not 0 < link < len(seps) or seps[link] not in _JOINERS:
                known[word] = word
                break
            path.append(word)
            word += step
        edge = known[word]
        for visited in path:
            known[visited] = edge
        return edge
