"""Regex forms: the whole-word pattern the matcher runs, and their first words."""

from __future__ import annotations

import importlib
from typing import Final

import regex

from termcheck.normalize import normalize_text
from termcheck.tokens import CHARACTER_SCRIPTS, tokenize

__all__ = ["compile_regex_form", "first_key", "first_words"]

# The standard library's regex parser (``re._parser`` since 3.11, ``sre_parse``
# before), used only to find the literal first word a regex form starts with.
try:
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _sre_parse = importlib.import_module("sre_parse")

# An inline verbose flag: "(?x)", "(?ix)", "(?x:...)".
_VERBOSE: Final = regex.compile(r"\(\?[a-zA-Z]*x")
_LETTER: Final = rf"[^\W{CHARACTER_SCRIPTS}]"  # of a word that is not CJK


def compile_regex_form(text: str, case_sensitive: bool) -> regex.Pattern[str]:
    """The pattern the matcher runs for the regex form ``text``.

    A literal space matches any run of white space, line breaks included; the
    match must end a word, and a whole dotted compound ("javascript.md" is a
    file name). Raises ``regex.error`` (the loader turns it into a located
    GlossaryError).
    """
    flags = 0 if case_sensitive else regex.IGNORECASE | regex.FULLCASE
    body = _flexible_spaces(text)
    # A word ends where a letter is not followed by another letter; CJK
    # characters are words of their own, so a match may end beside one.
    return regex.compile(rf"(?:{body})(?:(?<!{_LETTER})|(?!{_LETTER}))(?!\.\w)", flags)


def _flexible_spaces(pattern: str) -> str:
    """Each literal space of ``pattern`` becomes ``(?:\\s+)``.

    A group, so that a quantifier after the space still applies to it:
    ``a ?b`` -> ``a(?:\\s+)?b``. Spaces in a character class or escaped stay;
    a verbose pattern (``(?x)``), where spaces mean nothing, is left alone.
    """
    if _VERBOSE.search(pattern):
        return pattern
    out: list[str] = []
    escaped = in_class = False
    class_first = -1  # where a class's first member is: a "]" there is literal
    for position, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = not (char == "]" and position != class_first)
        elif char == "[":
            in_class = True
            negated = pattern[position + 1 : position + 2] == "^"
            class_first = position + (2 if negated else 1)
        elif char == " ":
            out.append(r"(?:\s+)")
            continue
        out.append(char)
    return "".join(out)


def first_words(pattern: str) -> frozenset[str] | None:
    """Case-folded literal first words a pattern must start with, if it has any."""
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:
        return None
    words = _literal_prefixes(list(parsed))
    if not words:
        return None
    # The first token of each: a run of CJK text starts with one character.
    firsts = {first_key(w) for w in words}
    if "" in firsts:
        return None
    return frozenset(firsts)


def first_key(text: str) -> str:
    """The key of the first word of ``text`` ("" if it has none)."""
    chunk = text.split(None, 1)[0] if text.strip() else ""
    if chunk.isascii() and chunk.isalnum():
        return chunk.lower()
    keys = tokenize(normalize_text(text).text).keys
    return keys[0] if keys else ""


def _literal_prefixes(items: list[tuple[object, object]]) -> set[str] | None:
    chars: list[str] = []
    for position, (op, arg) in enumerate(items):
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT") and not chars:
            continue  # zero-width: the first word is what follows
        if name == "LITERAL" and isinstance(arg, int):
            char = chr(arg)
            if not (char.isalnum() or char in "'\u2019"):
                return {"".join(chars)} if chars else None
            chars.append(char)
        elif name in ("SUBPATTERN", "BRANCH") and not chars and position == 0:
            branches = _branches(op, arg)
            if branches is None:
                return None
            rest = items[1:]
            if rest and _starts_word(rest):
                return None
            return branches
        else:
            return {"".join(chars)} if chars and not _word_continues(name) else None
    return {"".join(chars)} if chars else None


def _word_continues(name: str) -> bool:
    return name not in ("AT", "NOT_LITERAL")


def _starts_word(items: list[tuple[object, object]]) -> bool:
    op, arg = items[0]
    return str(op) == "LITERAL" and isinstance(arg, int) and chr(arg).isalnum()


def _branches(op: object, arg: object) -> set[str] | None:
    if str(op) == "SUBPATTERN" and isinstance(arg, tuple):
        return _literal_prefixes(list(arg[-1]))
    if str(op) == "BRANCH" and isinstance(arg, tuple):
        found: set[str] = set()
        for branch in arg[1]:
            words = _literal_prefixes(list(branch))
            if words is None:
                return None
            found |= words
        return found
    return None
