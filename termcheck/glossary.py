"""Load and validate YAML glossaries (format version 1) into Glossary objects."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

from termcheck.bulk import bulk
from termcheck.bundled import bundled_glossaries
from termcheck.errors import GlossaryError, excerpt
from termcheck.glossary_checks import Located, check_terms
from termcheck.glossary_lang import read_inflections
from termcheck.index import compile_regex_form
from termcheck.languages import is_english
from termcheck.model import Examples, Form, Glossary, Severity, Status, Term
from termcheck.punctuation import never_matches
from termcheck.segment import SEGMENTERS, segmenter_missing
from termcheck.yamlnodes import (
    CONTROLS,
    NodeReader,
    Where,
    YList,
    YMap,
    YScalar,
    YValue,
    describe,
    given,
    outline,
    read_yaml,
    read_yaml_file,
)

__all__ = [
    "bundled_glossaries",
    "load_glossary",
    "parse_glossary",
    "resolve_glossary_source",
]

_SETTING_KEYS = ("case", "fuzzy", "severity", "width")
_TOP_KEYS = (
    "version",
    "name",
    "description",
    "language",
    "segmenter",
    "defaults",
    "terms",
)
_TERM_KEYS = (
    "id",
    "canonical",
    "allowed",
    "forbidden",
    *_SETTING_KEYS,
    "language",
    "inflections",
    "note",
    "examples",
)
_CASES = {"insensitive": False, "sensitive": True}
_WIDTHS = {"fold": False, "strict": True}
_SEVERITIES = {severity.label: severity for severity in sorted(Severity, reverse=True)}
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
# Short texts on which a regex must find no empty match (catches a*, x|, \b).
_EMPTY_MATCH_PROBES = ("", "a", "a b", "Ab-1. x")


_DEFAULT_FUZZY = 0.88  # near-miss threshold when neither term nor defaults set one


@dataclass(frozen=True, slots=True)
class _Settings:
    """The per-term settings that ``defaults`` can preset."""

    case_sensitive: bool = False
    fuzzy: float | None = _DEFAULT_FUZZY
    severity: Severity = Severity.ERROR
    width_strict: bool | None = None


@dataclass(frozen=True, slots=True)
class _Document:
    name: str
    language: str
    terms: tuple[Located, ...]
    description: str = ""


@bulk
def parse_glossary(text: str, path: str = "<string>") -> Glossary:
    """Parse and validate one glossary document; GlossaryError on any problem."""
    document = _Parser(path).document(read_yaml(text, path))
    check_terms(document.terms)
    terms = tuple(located.term for located in document.terms)
    return Glossary(
        terms, (path,), document.name, document.language, document.description
    )


@bulk
def load_glossary(
    *sources: str | os.PathLike[str], fuzzy: float | None = _DEFAULT_FUZZY
) -> Glossary:
    """Load files or bundled names into one glossary; ids are unique across all.

    ``fuzzy`` is the near-miss threshold of terms whose glossary sets none
    (neither on the term nor in ``defaults``); None turns their search off.
    """
    if not sources:
        raise GlossaryError("no glossary given")
    shown_by_file: dict[Path, str] = {}
    for source in sources:
        path = resolve_glossary_source(source)
        shown_by_file.setdefault(path.resolve(), str(path))  # same file: read once
    shown = tuple(shown_by_file.values())
    documents = [_Parser(name, fuzzy).document(read_yaml_file(name)) for name in shown]
    located = [term for document in documents for term in document.terms]
    check_terms(located)
    name = ", ".join(document.name for document in documents if document.name)
    description = " ".join(d.description for d in documents if d.description)
    terms = tuple(item.term for item in located)
    return Glossary(terms, shown, name, documents[0].language, description)


def resolve_glossary_source(source: str | os.PathLike[str]) -> Path:
    """The file for ``source``: an existing path, else a bundled glossary's name."""
    path = Path(source)
    try:
        exists = path.exists()
    except OSError:  # something is there; reading it will say what is wrong
        exists = True
    except ValueError:  # a NUL character in the name
        exists = False
    if exists:
        return path
    bundled = bundled_glossaries()
    if os.fspath(source) in bundled:
        return bundled[os.fspath(source)]
    names = ", ".join(bundled) or "none"
    raise GlossaryError(
        f"no such glossary file or bundled glossary; bundled: {names}",
        os.fspath(source),
    )


def _normalize(text: str) -> str:
    """Literal forms compare and match with whitespace runs collapsed."""
    return " ".join(text.split())


def _slug(canonical: str) -> str:
    # Accents are dropped first, so "Köln" gives "koln" rather than "k-ln".
    plain = unicodedata.normalize("NFKD", canonical)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if slug:
        return slug
    digest = hashlib.sha1(canonical.encode("utf-8"), usedforsecurity=False)
    return "term-" + digest.hexdigest()[:8]


class _Parser(NodeReader):
    """Turns the located values of one document into terms, citing nodes on error."""

    def __init__(self, path: str, fuzzy: float | None = _DEFAULT_FUZZY) -> None:
        super().__init__(path)
        self.base = _Settings(fuzzy=fuzzy)

    def document(self, root: YValue | None) -> _Document:
        if root is None:
            problem = "glossary is empty; expected a mapping with 'version' and 'terms'"
            raise GlossaryError(problem, self.path, 1, 1)
        if not isinstance(root, YMap):  # may be any file at all: quote none of it
            problem = "a glossary must be a mapping with 'version' and 'terms'; "
            raise self.fail(root, problem + f"this file holds {outline(root)}")
        top = self.known_keys(root, "the glossary", _TOP_KEYS)
        self.version(top)
        name, language = self.optional_text(top, "name"), self.language(top)
        segmenter = self.segmenter(top)
        defaults = self.defaults(top)
        description = self.optional_text(top, "description")
        terms = tuple(
            self.term(item, defaults, language) for item in self.terms(top).items
        )
        if segmenter:
            terms = tuple(
                Located(
                    dataclasses.replace(t.term, segmenter=segmenter),
                    t.id_at,
                    t.id_derived,
                    t.forms_at,
                )
                for t in terms
            )
        return _Document(name, language, terms, description)

    def defaults(self, top: YMap) -> _Settings:
        node = given(top, "defaults")
        if node is None:
            return self.base
        mapping = self.mapping(node, "'defaults'", _SETTING_KEYS)
        return self.settings(mapping, self.base)

    def terms(self, top: YMap) -> YList:
        terms = top.get("terms")
        if terms is None:
            raise self.fail(top, "missing 'terms' (a list of terms; it may be empty)")
        if not isinstance(terms, YList):
            raise self.fail(terms, f"'terms' must be a list, not {describe(terms)}")
        return terms

    def version(self, top: YMap) -> None:
        node = top.get("version")
        if node is None:
            raise self.fail(top, "missing 'version' (add 'version: 1' at the top)")
        if not isinstance(node, YScalar) or node.tag != "int":
            problem = f"'version' must be the number 1, not {describe(node)}"
            raise self.fail(node, problem)
        if node.value != 1:
            problem = f"unsupported glossary version {node.text}; expected version 1"
            raise self.fail(node, problem)

    def language(self, top: YMap, default: str = "en") -> str:
        node = given(top, "language")
        if node is None:
            return default
        language = self.text(node, "'language'")
        if not _LANGUAGE.fullmatch(language):
            problem = f"language {excerpt(language)} is not a BCP 47 tag (like en, zh)"
            raise self.fail(node, problem)
        return language

    def text(self, node: YValue, what: str) -> str:
        """Text as :meth:`NodeReader.text` reads it, without control characters.

        Tabs and line breaks are white space (wordings collapse them); any
        other C0 or C1 control, or a bidirectional embedding, override or
        isolate, could drive a terminal or reorder a report line, so it is
        refused where it was written.
        """
        text = super().text(node, what)
        if isinstance(node, YScalar) and node.control_at is not None:
            char = CONTROLS.search(node.text)
            assert char is not None
            kind = "a bidirectional control" if ord(char[0]) > 0xFF else "a control"
            line, column = node.control_at
            problem = (
                f"{what} holds {kind} character (U+{ord(char[0]):04X}); glossary "
                "text may hold tabs and line breaks but no other control characters"
            )
            raise GlossaryError(problem, self.path, line, column)
        return text

    def term_language(self, mapping: YMap, document: str) -> str:
        """The term's own ``language``, else the glossary's ("" for English)."""
        if given(mapping, "language") is not None:
            return self.language(mapping)
        return "" if is_english(document) else document

    def segmenter(self, top: YMap) -> str:
        """The optional dictionary segmenter, checked to be installed."""
        node = given(top, "segmenter")
        if node is None:
            return ""
        name = self.choice(node, "'segmenter'", {n: n for n in SEGMENTERS})
        missing = segmenter_missing(name)
        if missing is not None:
            raise self.fail(node, f"segmenter {name!r} cannot run: {missing}")
        return name

    def optional_text(self, mapping: YMap, key: str) -> str:
        node = given(mapping, key)
        return self.text(node, repr(key)) if node else ""

    def settings(self, mapping: YMap, base: _Settings) -> _Settings:
        case, fuzzy, severity, width = (given(mapping, key) for key in _SETTING_KEYS)
        return _Settings(
            self.choice(case, "'case'", _CASES) if case else base.case_sensitive,
            self.fuzzy(fuzzy) if fuzzy else base.fuzzy,
            self.choice(severity, "'severity'", _SEVERITIES)
            if severity
            else base.severity,
            self.choice(width, "'width'", _WIDTHS) if width else base.width_strict,
        )

    def fuzzy(self, node: YValue) -> float | None:
        if isinstance(node, YScalar) and node.tag == "bool" and node.value is False:
            return None
        if not isinstance(node, YScalar) or node.tag not in ("int", "float"):
            problem = "'fuzzy' must be a number in (0, 1] or false, not "
            raise self.fail(node, problem + describe(node))
        assert isinstance(node.value, (int, float))
        if node.value == 0:
            return None  # 0 reads naturally as "no near-miss search"
        if not 0 < node.value <= 1:
            raise self.fail(
                node,
                f"'fuzzy' {node.text} is out of range: use a number in (0, 1], "
                "or false to turn near-miss search off",
            )
        return float(node.value)

    def term(self, node: YValue, defaults: _Settings, language: str) -> Located:
        if not isinstance(node, YMap):
            problem = "each term must be a mapping with at least 'canonical', not "
            raise self.fail(node, problem + describe(node))
        mapping = self.known_keys(node, "term", _TERM_KEYS)
        canonical, canonical_node = self.canonical(mapping)
        id_node = given(mapping, "id")
        term_id = self.term_id(id_node) if id_node else _slug(canonical)
        allowed = self.forms(mapping, "allowed", Status.ALLOWED)
        forbidden = self.forms(mapping, "forbidden", Status.FORBIDDEN)
        settings = self.settings(mapping, defaults)
        examples = given(mapping, "examples")
        term = Term(
            id=term_id,
            canonical=canonical,
            allowed=tuple(form for form, _ in allowed),
            forbidden=tuple(form for form, _ in forbidden),
            case_sensitive=settings.case_sensitive,
            fuzzy=settings.fuzzy,
            severity=settings.severity,
            note=self.optional_text(mapping, "note"),
            examples=self.examples(examples) if examples else Examples(),
            source=self.path,
            line=node.line,
            language=self.term_language(mapping, language),
            width_strict=settings.width_strict,
            inflections=read_inflections(self, mapping, canonical, allowed, forbidden),
        )
        forms_at = (self.at(canonical_node), *(at for _, at in allowed + forbidden))
        id_at = self.at(id_node or canonical_node)
        return Located(term, id_at, id_node is None, forms_at)

    def canonical(self, mapping: YMap) -> tuple[str, YValue]:
        node = mapping.get("canonical")
        if node is None:
            raise self.fail(mapping, "term has no 'canonical'")
        text = self.filled_text(node, "'canonical'", "'canonical' is empty")
        self.matchable(node, text)
        return _normalize(text), node

    def term_id(self, node: YValue) -> str:
        term_id = self.text(node, "'id'")
        if not _ID.fullmatch(term_id):
            raise self.fail(
                node,
                f"invalid id {excerpt(term_id)}: use lowercase letters, digits, "
                "'.', '_' and '-', starting with a letter or digit",
            )
        return term_id

    def forms(
        self, mapping: YMap, key: str, status: Status
    ) -> list[tuple[Form, Where]]:
        node = given(mapping, key)
        if node is not None and not isinstance(node, YList):
            raise self.fail(node, f"'{key}' must be a list, not {describe(node)}")
        items = node.items if isinstance(node, YList) else ()
        return [(self.form(item, key, status), self.at(item)) for item in items]

    def form(self, node: YValue, key: str, status: Status) -> Form:
        if isinstance(node, YMap):
            regex_map = self.known_keys(node, "regex form", ("regex",))
            return self.regex_form(regex_map, status)
        if not isinstance(node, YScalar):
            raise self.fail(
                node,
                f"each entry of '{key}' must be text or a mapping {{regex: pattern}}, "
                f"not {describe(node)}",
            )
        text = self.filled_text(node, f"'{key}'", f"empty form in '{key}'")
        self.matchable(node, text)
        return Form(_normalize(text), status, line=node.line)

    def matchable(self, node: YValue, text: str) -> None:
        """Refuse a literal wording that can never match, naming it."""
        problem = never_matches(text)
        if problem is not None:
            raise self.fail(node, f"form {text!r} can never match: {problem}")

    def regex_form(self, mapping: YMap, status: Status) -> Form:
        node = mapping.get("regex")
        if node is None:
            raise self.fail(mapping, "regex form has no 'regex'")
        pattern = self.filled_text(node, "'regex'", "'regex' is empty")
        try:
            compiled = regex.compile(pattern)
        except (regex.error, RecursionError, OverflowError, ValueError) as error:
            problem = f"invalid regex {excerpt(pattern, raw=True)}: {error}"
            raise self.fail(node, problem) from None
        try:
            compile_regex_form(pattern, case_sensitive=False)  # as the matcher will
        except (regex.error, RecursionError, OverflowError, ValueError) as error:
            problem = (
                f"regex {excerpt(pattern, raw=True)} does not work inside termcheck's "
                f"whole-word pattern (a trailing '#' comment?): {error}"
            )
            raise self.fail(node, problem) from None
        matches = (m for probe in _EMPTY_MATCH_PROBES for m in compiled.finditer(probe))
        if any(m.start() == m.end() for m in matches):
            problem = f"regex {excerpt(pattern, raw=True)} can match empty text"
            raise self.fail(node, problem + "; a form must match at least a character")
        return Form(pattern, status, regex=True, line=node.line)

    def examples(self, node: YValue) -> Examples:
        mapping = self.mapping(node, "'examples'", ("bad", "good"))
        bad = self.texts(given(mapping, "bad"), "'bad'")
        return Examples(bad, self.texts(given(mapping, "good"), "'good'"))
