"""Read Vale styles: ``substitution`` rules and Vocab ``accept.txt``/``reject.txt``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import regex

from termcheck.errors import GlossaryError, clipped
from termcheck.glossary_checks import fold_form
from termcheck.guard import read_named
from termcheck.interchange.model import Imported
from termcheck.interchange.vocab import read_vocab
from termcheck.model import Form, Severity, Status, Term
from termcheck.tokens import deinflect
from termcheck.yamlnodes import read_yaml, to_plain

__all__ = ["LEVELS", "literal_alternatives", "read_vale"]

LEVELS: Final = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "suggestion": Severity.INFO,
}
"""Vale's ``level`` values and the severity each becomes."""

# Rule keys with nothing to carry over: termcheck builds its own messages and
# always suggests the canonical form.
_NOTHING_TO_KEEP: Final = frozenset(
    {"extends", "action", "swap", "ignorecase", "level", "link", "description"}
)
_META: Final = frozenset(".^$*+?{}[]()|\\")
# An escaped punctuation character stands for itself: "3\-D" -> "3-D".
_ESCAPE: Final = regex.compile(r"\\([^\w\s])")
# A suggestion's optional plural: "bot(s)" -> "bot".
_OPTIONAL_PLURAL: Final = regex.compile(r"\((?:s|es)\)$")


@dataclass(slots=True)
class _Draft:
    canonical: str
    allowed: list[str] = field(default_factory=list)
    forbidden: list[Form] = field(default_factory=list)
    case_sensitive: bool = False


def read_vale(path: Path, lang: str | None = None) -> Imported:
    """Read a Vale rule file, or a Vocab folder or its accept/reject list."""
    if path.is_dir() or path.name in ("accept.txt", "reject.txt"):
        return read_vocab(path, lang)
    shown = str(path)
    try:
        # The glossary's reader: no tags, no alias bombs, positions in errors.
        text = read_named(path).decode("utf-8-sig")
        rule = to_plain(read_yaml(text, shown))
    except OSError as error:
        raise GlossaryError(f"cannot read: {error.strerror or error}", shown) from None
    except UnicodeDecodeError:
        raise GlossaryError("not UTF-8 text", shown) from None
    except RecursionError:
        raise GlossaryError("YAML is nested too deeply", shown) from None
    if not isinstance(rule, dict) or "extends" not in rule:
        raise GlossaryError("not a Vale rule: expected a mapping with 'extends'", shown)
    if rule["extends"] != "substitution":
        raise GlossaryError(
            f"Vale rule 'extends: {clipped(str(rule['extends']))}' cannot be imported: "
            "it has no "
            "preferred wording; only substitution rules and Vocab accept.txt/"
            "reject.txt lists can be",
            shown,
        )
    swap = rule.get("swap")
    if not isinstance(swap, dict):
        raise GlossaryError("the substitution rule has no 'swap' mapping", shown)
    warnings = [
        f"rule option {key!r} not carried over"
        + (" (termcheck writes its own messages)" if key == "message" else "")
        for key in rule
        if key not in _NOTHING_TO_KEEP
    ]
    level = str(rule.get("level", "suggestion"))
    if level not in LEVELS:
        warnings.append(f"unknown level {level!r}; imported as warning")
    severity = LEVELS.get(level, Severity.WARNING)
    case_sensitive = rule.get("ignorecase") is not True
    drafts = _drafts(swap, case_sensitive, warnings)
    note = " ".join(str(rule[key]).strip() for key in ("description",) if rule.get(key))
    if rule.get("link"):
        note = f"{note} See {rule['link']}".strip()
    terms = tuple(
        Term(
            id="",
            canonical=d.canonical,
            allowed=tuple(Form(t, Status.ALLOWED) for t in d.allowed),
            forbidden=tuple(d.forbidden),
            case_sensitive=d.case_sensitive,
            severity=severity,
            note=note,
        )
        for d in drafts.values()
    )
    return Imported(
        terms, name=path.stem, language=lang or "en", warnings=tuple(warnings)
    )


def _drafts(
    swap: Mapping[object, object], case_sensitive: bool, warnings: list[str]
) -> dict[str, _Draft]:
    """Group the swap entries by suggested wording."""
    drafts: dict[str, _Draft] = {}
    for raw_key, raw_value in swap.items():
        key, value = str(raw_key), str(raw_value if raw_value is not None else "")
        suggestions = [_OPTIONAL_PLURAL.sub("", s).strip() for s in value.split("|")]
        suggestions = [s for s in suggestions if s]
        if not suggestions or any("$" in s or "\\" in s for s in suggestions):
            warnings.append(
                f"swap {key!r}: {value!r}: the suggestion is not plain "
                "text (back-references cannot be carried over); skipped"
            )
            continue
        canonical = suggestions[0]
        draft = drafts.setdefault(
            fold_form(canonical), _Draft(canonical, case_sensitive=case_sensitive)
        )
        for other in suggestions[1:]:
            if other not in draft.allowed and not _same_word(other, canonical):
                draft.allowed.append(other)
        _add_variant(draft, key, warnings)
    return drafts


def _same_word(text: str, canonical: str) -> bool:
    """True if ``text`` is ``canonical`` in another case or with a plural or
    possessive ending, which the matcher accepts anyway ("tide tables")."""
    words, base = fold_form(text).split(), fold_form(canonical).split()
    return len(words) == len(base) and all(
        word == wanted or any(stem == wanted for stem, _ in deinflect(word))
        for word, wanted in zip(words, base, strict=True)
    )


def _add_variant(draft: _Draft, key: str, warnings: list[str]) -> None:
    literals = literal_alternatives(key)
    if literals is None:
        try:
            regex.compile(key)
        except (regex.error, RecursionError, OverflowError, ValueError) as error:
            warnings.append(f"swap key {key!r} is not a valid regex ({error}); skipped")
            return
        draft.forbidden.append(Form(key, Status.FORBIDDEN, regex=True))
        return
    for literal in literals:
        if fold_form(literal) == fold_form(draft.canonical):
            draft.case_sensitive = True  # a case correction: "Github" -> "GitHub"
            if literal == draft.canonical:
                continue
        draft.forbidden.append(Form(literal, Status.FORBIDDEN))


def literal_alternatives(pattern: str) -> list[str] | None:
    """The plain wordings a pattern stands for, or None if it is a real regex.

    ``"(?:e-mail|E-mail)"`` -> ``["e-mail", "E-mail"]``; ``"web site"`` ->
    ``["web site"]``; ``"web ?site"`` -> None.
    """
    body = pattern.strip()
    if body.startswith("(?:") and body.endswith(")") and _balanced(body[3:-1]):
        body = body[3:-1]
    alternatives = []
    for part in _split_bars(body):
        unescaped = _ESCAPE.sub(r"\1", part)
        plain = _ESCAPE.sub("", part)
        if not unescaped.strip() or any(char in _META for char in plain):
            return None
        alternatives.append(" ".join(unescaped.split()))
    return alternatives


def _balanced(text: str) -> bool:
    depth = 0
    for char in _ESCAPE.sub("", text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _split_bars(text: str) -> Iterator[str]:
    """Split on ``|`` outside groups and classes (escaped bars stay)."""
    depth, start, escaped = 0, 0, False
    for position, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            yield text[start:position]
            start = position + 1
    yield text[start:]
