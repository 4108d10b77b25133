"""Load and validate YAML glossaries (format version 1) into immutable Glossary objects."""

from __future__ import annotations

import difflib
import hashlib
import importlib.resources
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import regex

from termcheck.errors import GlossaryError
from termcheck.model import Examples, Form, Glossary, Severity, Status, Term
from termcheck.yamlnodes import YList, YMap, YScalar, YValue, read_yaml

__all__ = [
    "bundled_glossaries",
    "load_glossary",
    "parse_glossary",
    "resolve_glossary_source",
]

_T = TypeVar("_T")

_SETTING_KEYS = ("case", "fuzzy", "severity")
_TOP_KEYS = ("version", "name", "language", "defaults", "terms")
_TERM_KEYS = ("id", "canonical", "allowed", "forbidden", *_SETTING_KEYS, "note", "examples")
_CASES = {"insensitive": False, "sensitive": True}
_SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
# Short texts on which a regex must not find an empty match (e.g. ``a*``, ``x|``, ``\b``).
_EMPTY_MATCH_PROBES = ("", "a", "a b", "Ab-1. x")


@dataclass(frozen=True, slots=True)
class _Where:
    """A 1-based position in a glossary file."""

    path: str
    line: int
    column: int

    def error(self, problem: str) -> GlossaryError:
        return GlossaryError(problem, self.path, self.line, self.column)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class _Settings:
    """The per-term settings that ``defaults`` can preset."""

    case_sensitive: bool = False
    fuzzy: float | None = 0.88
    severity: Severity = Severity.ERROR


@dataclass(frozen=True, slots=True)
class _Located:
    """A parsed term and where its id and forms were written (for later checks)."""

    term: Term
    id_at: _Where
    id_derived: bool
    forms_at: tuple[_Where, ...]  # parallel to term.forms

    def forms(self) -> Iterator[tuple[Form, _Where]]:
        return zip(self.term.forms, self.forms_at, strict=True)


@dataclass(frozen=True, slots=True)
class _Document:
    name: str
    language: str
    terms: tuple[_Located, ...]


def parse_glossary(text: str, path: str = "<string>") -> Glossary:
    """Parse and validate one glossary document; raise GlossaryError on any problem."""
    document = _Parser(path).document(text)
    _check_terms(document.terms)
    return Glossary(tuple(t.term for t in document.terms), (path,), document.name,
                    document.language)


def load_glossary(*sources: str | os.PathLike[str]) -> Glossary:
    """Load glossary files or bundled names into one glossary; ids are unique across all."""
    if not sources:
        raise GlossaryError("no glossary given")
    paths: dict[Path, str] = {}
    for source in sources:
        path = resolve_glossary_source(source)
        paths.setdefault(path.resolve(), str(path))  # the same file twice counts once
    documents = [_Parser(shown).document(_read_text(shown)) for shown in paths.values()]
    located = [term for document in documents for term in document.terms]
    _check_terms(located)
    name = ", ".join(document.name for document in documents if document.name)
    return Glossary(tuple(t.term for t in located), tuple(paths.values()), name,
                    documents[0].language)


def bundled_glossaries() -> dict[str, Path]:
    """Glossaries shipped with termcheck, by name (the file stem)."""
    for folder in _bundled_folders():
        if folder.is_dir():
            return {path.stem: path for path in sorted(folder.glob("*.yaml"))}
    return {}


def resolve_glossary_source(source: str | os.PathLike[str]) -> Path:
    """The file for ``source``: an existing path, else a bundled glossary's name."""
    path = Path(source)
    if path.exists():
        return path
    bundled = bundled_glossaries()
    if os.fspath(source) in bundled:
        return bundled[os.fspath(source)]
    raise GlossaryError(
        "no such glossary file or bundled glossary; bundled: "
        + (", ".join(bundled) or "none"),
        os.fspath(source),
    )


def _bundled_folders() -> Iterator[Path]:
    # A wheel ships them inside the package; a source checkout keeps them at the top.
    packaged = importlib.resources.files("termcheck") / "glossaries"
    if isinstance(packaged, Path):
        yield packaged
    yield Path(__file__).resolve().parent.parent / "glossaries"


def _read_text(shown: str) -> str:
    try:
        data = Path(shown).read_bytes()
    except OSError as error:
        raise GlossaryError(f"cannot read glossary: {error.strerror or error}", shown) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8", "replace")) + 1
        raise GlossaryError(
            f"glossary is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            shown, data.count(b"\n", 0, error.start) + 1, column,
        ) from None


def _normalize(text: str) -> str:
    """Literal forms compare and match with whitespace runs collapsed."""
    return " ".join(text.split())


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _slug(canonical: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", canonical.lower()).strip("-")
    if slug:
        return slug
    digest = hashlib.sha1(canonical.encode("utf-8"), usedforsecurity=False).hexdigest()
    return "term-" + digest[:8]


def _describe(node: YValue) -> str:
    if isinstance(node, YScalar):
        return "null" if node.is_null else f"{node.kind} {node.text!r}"
    return f"a {node.kind}"


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _one_of(choices: Sequence[str]) -> str:
    quoted = [repr(choice) for choice in choices]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _given(mapping: YMap, key: str) -> YValue | None:
    """The value under ``key``; an empty (null) value counts as absent."""
    value = mapping.get(key)
    return None if isinstance(value, YScalar) and value.is_null else value


class _Parser:
    """Turns the located YAML values of one document into terms, citing nodes on error."""

    def __init__(self, path: str) -> None:
        self.path = path

    def at(self, node: YValue) -> _Where:
        return _Where(self.path, node.line, node.column)

    def fail(self, node: YValue, problem: str) -> GlossaryError:
        return self.at(node).error(problem)

    def document(self, text: str) -> _Document:
        root = read_yaml(text, self.path)
        if root is None:
            raise GlossaryError("glossary is empty; expected a mapping with 'version' and "
                                "'terms'", self.path, 1, 1)
        if not isinstance(root, YMap):
            raise self.fail(root, "a glossary must be a mapping with 'version' and 'terms', "
                                  f"not {_describe(root)}")
        top = self.keys(root, "the glossary", _TOP_KEYS)
        self.version(top)
        defaults = _given(top, "defaults")
        settings = self.settings(self.mapping(defaults, "defaults", _SETTING_KEYS),
                                 _Settings()) if defaults else _Settings()
        terms = top.get("terms")
        if terms is None:
            raise self.fail(top, "missing 'terms' (a list of terms; it may be empty)")
        if not isinstance(terms, YList):
            raise self.fail(terms, f"'terms' must be a list, not {_describe(terms)}")
        return _Document(self.optional_text(top, "name"), self.language(top),
                         tuple(self.term(item, settings) for item in terms.items))

    def version(self, top: YMap) -> None:
        node = top.get("version")
        if node is None:
            raise self.fail(top, "missing 'version' (add 'version: 1' at the top)")
        if not isinstance(node, YScalar) or node.tag != "int":
            raise self.fail(node, f"'version' must be the number 1, not {_describe(node)}")
        if node.value != 1:
            raise self.fail(node, f"unsupported glossary version {node.text}; "
                                  "this termcheck reads version 1")

    def language(self, top: YMap) -> str:
        node = _given(top, "language")
        language = self.text(node, "'language'") if node else "en"
        if node and not _LANGUAGE.fullmatch(language):
            raise self.fail(node, f"language {language!r} is not a BCP 47 tag "
                                  "(e.g. 'en', 'en-GB', 'zh-Hans')")
        return language

    def mapping(self, node: YValue, what: str, keys: Sequence[str]) -> YMap:
        if not isinstance(node, YMap):
            raise self.fail(node, f"{what} must be a mapping, not {_describe(node)}")
        return self.keys(node, what, keys)

    def keys(self, mapping: YMap, what: str, keys: Sequence[str]) -> YMap:
        for key, (key_node, _) in mapping.entries.items():
            if key not in keys:
                hint = _did_you_mean(key, keys) or "; expected one of: " + ", ".join(keys)
                raise self.fail(key_node, f"unknown key {key!r} in {what}{hint}")
        return mapping

    def settings(self, mapping: YMap, base: _Settings) -> _Settings:
        case, fuzzy, severity = (_given(mapping, key) for key in _SETTING_KEYS)
        return _Settings(
            self.choice(case, "'case'", _CASES) if case else base.case_sensitive,
            self.fuzzy(fuzzy) if fuzzy else base.fuzzy,
            self.choice(severity, "'severity'", _SEVERITIES) if severity else base.severity,
        )

    def choice(self, node: YValue, what: str, options: dict[str, _T]) -> _T:
        word = node.text if isinstance(node, YScalar) else ""
        if word in options:
            return options[word]
        raise self.fail(node, f"{what} must be {_one_of(list(options))}, not "
                              f"{_describe(node)}{_did_you_mean(word, list(options))}")

    def fuzzy(self, node: YValue) -> float | None:
        if isinstance(node, YScalar) and node.tag == "bool" and node.value is False:
            return None
        if not isinstance(node, YScalar) or node.tag not in ("int", "float"):
            raise self.fail(node, "'fuzzy' must be a number in (0, 1] or false, not "
                                  + _describe(node))
        assert isinstance(node.value, (int, float))
        if node.value == 0:
            return None  # 0 reads naturally as "no near-miss search"
        if not 0 < node.value <= 1:
            raise self.fail(node, f"'fuzzy' {node.text} is out of range: use a number in "
                                  "(0, 1], or false to turn near-miss search off")
        return float(node.value)

    def text(self, node: YValue, what: str) -> str:
        # Any scalar counts as text as written, so `yes` or `2030` need no quotes.
        if not isinstance(node, YScalar) or node.is_null:
            raise self.fail(node, f"{what} must be text, not {_describe(node)}")
        return node.text.strip()

    def optional_text(self, mapping: YMap, key: str) -> str:
        node = _given(mapping, key)
        return self.text(node, repr(key)) if node else ""

    def filled_text(self, node: YValue, what: str, empty: str) -> str:
        """Text that must not be blank; ``empty`` is the message when it is."""
        blank = isinstance(node, YScalar) and node.is_null
        text = "" if blank else self.text(node, what)
        if not text:
            raise self.fail(node, empty)
        return text

    def texts(self, node: YValue | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node, YList):
            raise self.fail(node, f"{what} must be a list, not {_describe(node)}")
        return tuple(self.filled_text(item, f"each entry of {what}", f"empty entry in {what}")
                     for item in node.items)

    def term(self, node: YValue, defaults: _Settings) -> _Located:
        if not isinstance(node, YMap):
            raise self.fail(node, "each term must be a mapping with at least 'canonical', "
                                  f"not {_describe(node)}")
        mapping = self.keys(node, "term", _TERM_KEYS)
        canonical, canonical_node = self.canonical(mapping)
        term_id, id_node = self.term_id(mapping), _given(mapping, "id")
        allowed = self.forms(mapping, "allowed", Status.ALLOWED)
        forbidden = self.forms(mapping, "forbidden", Status.FORBIDDEN)
        settings = self.settings(mapping, defaults)
        examples = _given(mapping, "examples")
        term = Term(
            id=term_id or _slug(canonical), canonical=canonical,
            allowed=tuple(form for form, _ in allowed),
            forbidden=tuple(form for form, _ in forbidden),
            case_sensitive=settings.case_sensitive, fuzzy=settings.fuzzy,
            severity=settings.severity, note=self.optional_text(mapping, "note"),
            examples=self.examples(examples) if examples else Examples(),
            source=self.path, line=node.line,
        )
        forms_at = (self.at(canonical_node), *(where for _, where in allowed + forbidden))
        return _Located(term, self.at(id_node or canonical_node), id_node is None, forms_at)

    def canonical(self, mapping: YMap) -> tuple[str, YValue]:
        node = mapping.get("canonical")
        if node is None:
            raise self.fail(mapping, "term has no 'canonical'")
        return _normalize(self.filled_text(node, "'canonical'", "'canonical' is empty")), node

    def term_id(self, mapping: YMap) -> str:
        node = _given(mapping, "id")
        if node is None:
            return ""
        term_id = self.text(node, "'id'")
        if not _ID.fullmatch(term_id):
            raise self.fail(node, f"invalid id {term_id!r}: use lowercase letters, digits, "
                                  "'.', '_' and '-', starting with a letter or digit")
        return term_id

    def forms(self, mapping: YMap, key: str, status: Status) -> list[tuple[Form, _Where]]:
        node = _given(mapping, key)
        if node is not None and not isinstance(node, YList):
            raise self.fail(node, f"'{key}' must be a list, not {_describe(node)}")
        items = node.items if isinstance(node, YList) else ()
        return [(self.form(item, key, status), self.at(item)) for item in items]

    def form(self, node: YValue, key: str, status: Status) -> Form:
        if isinstance(node, YMap):
            return self.regex_form(self.keys(node, "regex form", ("regex",)), status)
        if not isinstance(node, YScalar):
            raise self.fail(node, f"each entry of '{key}' must be text or a mapping "
                                  f"{{regex: pattern}}, not {_describe(node)}")
        text = _normalize(self.filled_text(node, f"'{key}'", f"empty form in '{key}'"))
        return Form(text, status, line=node.line)

    def regex_form(self, mapping: YMap, status: Status) -> Form:
        node = mapping.get("regex")
        if node is None:
            raise self.fail(mapping, "regex form has no 'regex'")
        pattern = self.filled_text(node, "'regex'", "'regex' is empty")
        try:
            compiled = regex.compile(pattern)
        except (regex.error, RecursionError, OverflowError, ValueError) as error:
            raise self.fail(node, f"invalid regex {pattern!r}: {error}") from None
        if any(m.start() == m.end() for probe in _EMPTY_MATCH_PROBES
               for m in compiled.finditer(probe)):
            raise self.fail(node, f"regex {pattern!r} can match empty text; a form must "
                                  "match at least one character")
        return Form(pattern, status, regex=True, line=node.line)

    def examples(self, node: YValue) -> Examples:
        mapping = self.mapping(node, "'examples'", ("bad", "good"))
        return Examples(self.texts(_given(mapping, "bad"), "'bad'"),
                        self.texts(_given(mapping, "good"), "'good'"))


def _check_terms(located: Sequence[_Located]) -> None:
    """Checks that need every term at once (possibly from several files)."""
    _check_unique_ids(located)
    _check_literal_forms(located)
    _check_regex_contradictions(located)


def _check_unique_ids(located: Sequence[_Located]) -> None:
    seen: dict[str, _Located] = {}
    for item in located:
        first = seen.setdefault(item.term.id, item)
        if first is not item:
            derived = " (derived from 'canonical'; give one an explicit 'id')" \
                if item.id_derived else ""
            raise item.id_at.error(f"duplicate id {item.term.id!r}{derived}; already used "
                                   f"by the term at {first.id_at}")


def _check_literal_forms(located: Sequence[_Located]) -> None:
    """Each literal form belongs to one term only, and appears there once."""
    owners: dict[str, list[tuple[Term, Form, _Where]]] = {}
    for item in located:
        for form, where in item.forms():
            if form.regex:
                continue
            for term, other, other_at in owners.setdefault(_fold(form.text), []):
                # Case-sensitive terms may own forms that differ only in letter case.
                if term.case_sensitive and item.term.case_sensitive and form.text != other.text:
                    continue
                if term is item.term:
                    raise where.error(f"form {form.text!r} is listed twice in term "
                                      f"{term.id!r} (first at {other_at})")
                raise where.error(f"form {form.text!r} also belongs to term {term.id!r} "
                                  f"({other_at})")
            owners[_fold(form.text)].append((item.term, form, where))


def _check_regex_contradictions(located: Sequence[_Located]) -> None:
    """A regex must not forbid a text that a literal form accepts, or the reverse."""
    literals = [(item.term, form, where) for item in located
                for form, where in item.forms() if not form.regex]
    for item in located:
        flags = 0 if item.term.case_sensitive else regex.IGNORECASE
        for form, where in item.forms():
            if not form.regex:
                continue
            compiled = regex.compile(form.text, flags)
            for term, literal, literal_at in literals:
                if literal.status.accepted != form.status.accepted \
                        and compiled.fullmatch(literal.text):
                    verb = "forbids" if form.status.accepted else "accepts"
                    raise where.error(f"{form.status.value} regex {form.text!r} matches "
                                      f"{literal.text!r}, which term {term.id!r} {verb} "
                                      f"({literal_at})")
