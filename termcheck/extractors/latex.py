"""LaTeX prose: text outside commands, math and verbatim; text arguments kept."""

from __future__ import annotations

from typing import Final

import regex

from termcheck.extractors.mask import Extraction, Mask

__all__ = ["MATH_ENVIRONMENTS", "TEXT_COMMANDS", "VERBATIM_ENVIRONMENTS", "extract"]

# Argument kinds: "t" text {…}, "T" optional text […], "h" hidden {…},
# "H" optional hidden […]. A command not listed hides every argument it takes.
_SECTION: Final = "Tt"
TEXT_COMMANDS: Final = {
    **dict.fromkeys(
        "part chapter section subsection subsubsection paragraph subparagraph "
        "caption".split(),
        _SECTION,
    ),
    **dict.fromkeys(
        "title author date emph textbf textit textsl textsc textup textmd textrm "
        "textsf textnormal underline footnote footnotetext thanks mbox fbox text "
        "enquote marginpar uline sout".split(),
        "t",
    ),
    "item": "T",
    "href": "ht",
    "foreignlanguage": "Hht",
    "textcolor": "Hht",
    "colorbox": "Hht",
}
"""Commands whose arguments (by the kinds above) are prose."""

_INLINE_COMMANDS: Final = frozenset(
    "emph textbf textit textsl textsc textup textmd textrm textsf textnormal "
    "underline mbox fbox text enquote uline sout href foreignlanguage textcolor "
    "colorbox".split()
)
"""Text commands that sit inside a sentence: a phrase runs across them."""

VERBATIM_ENVIRONMENTS: Final = frozenset(
    "verbatim verbatim* Verbatim Verbatim* BVerbatim lstlisting minted comment "
    "alltt filecontents filecontents*".split()
)
MATH_ENVIRONMENTS: Final = frozenset(
    name + star
    for name in "equation align gather multline eqnarray displaymath math flalign "
    "alignat split tikzpicture".split()
    for star in ("", "*")
)
"""Environments hidden from ``\\begin`` to ``\\end`` (verbatim ones unparsed)."""

# A control sequence: a name of letters (and an optional star) or one character.
#   "\section*{" -> "section*";  "\%" -> "%"
_COMMAND: Final = regex.compile(r"\\(?:(?P<name>[A-Za-z@]+)(?P<star>\*?)|(?P<char>.))")
_SPECIAL: Final = regex.compile(r"[\\{}$%]")
_ENVIRONMENT: Final = regex.compile(r"\{(?P<env>[^{}]*)\}")
_MATH_CLOSERS: Final = {"$$": "$$", "$": "$", "\\(": "\\)", "\\[": "\\]"}
# What a group's closing bracket is looked for among: an escaped pair is skipped.
_GROUP_TOKENS: Final = {
    "{": regex.compile(r"\\.|[{}]", regex.DOTALL),
    "[": regex.compile(r"\\.|[\[\]]", regex.DOTALL),
}


def extract(text: str) -> Extraction:
    """Mask commands, their non-text arguments, math, verbatim and comments."""
    mask = Mask(text)
    _Scanner(mask).run()
    return mask.extraction()


class _Scanner:
    """A left-to-right pass that hides markup as it meets it."""

    def __init__(self, mask: Mask) -> None:
        self.mask = mask
        self.text = mask.text
        self._group_ends: dict[str, dict[int, int]] = {}
        self._next_found: dict[str, tuple[int, int]] = {}

    def run(self) -> None:
        position = 0
        while True:
            found = _SPECIAL.search(self.text, position)
            if found is None:
                return
            position = self.special(found.start())

    def special(self, at: int) -> int:
        """Handle the markup character at ``at``; return where to go on."""
        char = self.text[at]
        if char == "%":
            return self.comment(at)
        if char == "$":
            closer = "$$" if self.text.startswith("$$", at) else "$"
            return self.math(at, closer)
        if char in "{}":
            self.mask.hide(at, at + 1)  # a group's braces are markup around text
            return at + 1
        return self.command(at)

    def comment(self, at: int) -> int:
        end = self.line_end(at)
        self.mask.hide(at, end, barrier=True)
        self.mask.comment(at + 1, end)
        return end

    def math(self, at: int, opener: str) -> int:
        closer = _MATH_CLOSERS[opener]
        end = self.find_unescaped(closer, at + len(opener))
        self.mask.hide(at, end, barrier=True)
        return end

    def command(self, at: int) -> int:
        found = _COMMAND.match(self.text, at)
        if found is None:  # a backslash at the very end
            self.mask.hide(at, at + 1)
            return at + 1
        name = found.group("name")
        end = found.end()
        if name is None:
            char = found.group("char")
            if char in "([":
                return self.math(at, "\\" + char)
            # "\%" "\&" "\_" stand for the character; "\\" and "\ " are spacing.
            self.mask.hide(at, at + 1 if char in "%&_#$" else end)
            return end
        self.mask.hide(at, end, barrier=name not in _INLINE_COMMANDS)
        if name == "verb":
            return self.verb(at, end)
        if name in ("begin", "end"):
            return self.environment(at, end, name)
        return self.arguments(end, TEXT_COMMANDS.get(name))

    def verb(self, at: int, end: int) -> int:
        delimiter = self.text[end : end + 1]
        if not delimiter or delimiter in "\r\n":
            return end
        close = self.text.find(delimiter, end + 1, self.line_end(end))
        stop = close + 1 if close >= 0 else self.line_end(end)
        self.mask.hide(at, stop, barrier=True)
        return stop

    def environment(self, at: int, end: int, keyword: str) -> int:
        found = _ENVIRONMENT.match(self.text, end)
        if found is None:
            return end
        self.mask.hide(at, found.end(), barrier=True)
        name = found.group("env").strip()
        if keyword == "begin" and (
            name in VERBATIM_ENVIRONMENTS or name in MATH_ENVIRONMENTS
        ):
            closing = self.text.find("\\end{" + name + "}", found.end())
            stop = len(self.text) if closing < 0 else closing + len(name) + 6
            self.mask.hide(at, stop, barrier=True)
            return stop
        return self.arguments(found.end(), None) if keyword == "begin" else found.end()

    def arguments(self, position: int, kinds: str | None) -> int:
        """Hide a command's non-text arguments; where a text one starts, stop.

        A text argument ``{…}`` is then an ordinary group: the main pass hides
        its braces and reads what is inside as prose.
        """
        if kinds is None:  # unknown command: hide whatever arguments follow it
            while self.text[position : position + 1] in ("{", "["):
                position = self.hidden_group(position)
            return position
        for kind in kinds:
            opener = "[" if kind in "TH" else "{"
            if self.text[position : position + 1] != opener:
                if kind in "TH":
                    continue
                return position
            if kind in "hH":
                position = self.hidden_group(position)
            elif kind == "T":  # optional text: its brackets are markup
                self.mask.hide(position, position + 1)
                close = self.group_end(position)
                self.mask.hide(close - 1, close)
                return position + 1
            else:
                return position
        return position

    def hidden_group(self, position: int) -> int:
        end = self.group_end(position)
        self.mask.hide(position, end, barrier=True)
        return end

    def group_end(self, position: int) -> int:
        """One past the bracket that closes the group opened at ``position``.

        All groups of a kind are paired in one pass, the first time one is asked
        for: looking for each closer on its own took quadratic time on thousands
        of unclosed ``\\item[``. A group starts after a command, a group or
        ``\\begin{…}``, never after a backslash, so pairing from the start of the
        text skips the same escaped pairs as a scan from the group would.
        """
        opener = self.text[position]
        ends = self._group_ends.get(opener)
        if ends is None:
            ends = self._group_ends[opener] = self._pair_groups(opener)
        return ends.get(position, len(self.text))

    def _pair_groups(self, opener: str) -> dict[int, int]:
        """For each opener of this kind that closes: one past its closer."""
        ends: dict[int, int] = {}
        pending: list[int] = []
        for token in _GROUP_TOKENS[opener].finditer(self.text):
            char = token.group()
            if char == opener:
                pending.append(token.start())
            elif len(char) == 1 and pending:
                ends[pending.pop()] = token.end()
        return ends

    def find_unescaped(self, closer: str, position: int) -> int:
        """One past the next ``closer`` not escaped by a backslash (or the end)."""
        while True:
            index = self.text.find(closer, position)
            if index < 0:
                return len(self.text)
            before = index
            while before > position and self.text[before - 1] == "\\":
                before -= 1
            if (index - before) % 2 == 0 or closer.startswith("\\"):
                return index + len(closer)
            position = index + 1

    def line_end(self, position: int) -> int:
        return min(self._next("\r", position), self._next("\n", position))

    def _next(self, char: str, position: int) -> int:
        """Where ``char`` is next from ``position`` on (or the end of the text).

        The last answer is remembered: a text without any ``\\r`` is searched
        to its end once, not once per comment.
        """
        searched_from, found = self._next_found.get(char, (-1, -1))
        if not searched_from <= position <= found:
            found = self.text.find(char, position)
            found = len(self.text) if found < 0 else found
            self._next_found[char] = (position, found)
        return found
