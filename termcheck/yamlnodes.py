"""Safe YAML reading: one document to plain values that remember their position."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.reader import ReaderError

from termcheck.errors import QUOTED, GlossaryError, TermcheckError, excerpt
from termcheck.guard import read_named
from termcheck.yamlsize import MAX_NODES, check_expansion

__all__ = [
    "MAX_NODES",
    "NodeReader",
    "Where",
    "YList",
    "YMap",
    "YScalar",
    "YValue",
    "describe",
    "given",
    "outline",
    "read_yaml",
    "read_yaml_file",
    "to_plain",
]

#: Documents at least this long are composed by libyaml, when it is available.
FAST_YAML_CHARS = 1_000_000

_T = TypeVar("_T")
_STANDARD = "tag:yaml.org,2002:"
_SCALAR_KINDS = {
    "str": "text",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "null": "null",
    "timestamp": "date",
}
_ALLOWED_TAGS = {_STANDARD + short for short in (*_SCALAR_KINDS, "seq", "map")}
_CONSTRUCTOR = SafeConstructor()  # only its scalar constructors are used
# What PyYAML quotes from the file in its messages (an alias, an anchor, a
# tag handle), when it is longer than a message may quote.
_LONG = QUOTED + 1
_QUOTED = re.compile(rf"'[^'\n]{{{_LONG},}}'|\"[^\"\n]{{{_LONG},}}\"")
_LINE_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # as YAML counts lines
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters a glossary's text may not hold: C0 and C1 controls but tab and
line breaks, DEL, and the bidirectional embeddings, overrides and isolates."""
# In a double-quoted scalar: an escape (or an escaped backslash), or a raw
# character; decoded one by one to find where a control character was written.
_WRITTEN = re.compile(
    r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|.", re.DOTALL
)
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n",
    "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85",
}  # fmt: skip

Scalar = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Where:
    """A 1-based position in a file."""

    path: str
    line: int
    column: int

    def error(self, problem: str) -> GlossaryError:
        """A GlossaryError located here."""
        return GlossaryError(problem, self.path, self.line, self.column)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class YValue:
    """A value read from YAML, with the 1-based position where it starts."""

    line: int
    column: int

    @property
    def kind(self) -> str:
        """What the value is, in words for error messages."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class YScalar(YValue):
    """A scalar: ``text`` as written (unquoted), ``value`` as YAML types it."""

    text: str
    value: Scalar
    tag: str  # short standard tag: str, int, float, bool, null or timestamp
    # Where the first control character of ``text`` was written, if it has one
    # (see CONTROLS): a glossary refuses them at their own line and column.
    control_at: tuple[int, int] | None = None

    @property
    def kind(self) -> str:
        return _SCALAR_KINDS[self.tag]

    @property
    def is_null(self) -> bool:
        """True for ``~``, ``null`` and empty values."""
        return self.tag == "null"


@dataclass(frozen=True, slots=True)
class YList(YValue):
    """A sequence."""

    items: tuple[YValue, ...]

    @property
    def kind(self) -> str:
        return "list"


@dataclass(frozen=True, slots=True)
class YMap(YValue):
    """A mapping from key text to (key node, value node), in document order."""

    entries: Mapping[str, tuple[YScalar, YValue]]

    @property
    def kind(self) -> str:
        return "mapping"

    def get(self, key: str) -> YValue | None:
        """The value under ``key``, or None when the key is absent."""
        entry = self.entries.get(key)
        return entry[1] if entry else None


def describe(node: YValue) -> str:
    """The value in a few words, e.g. ``a list`` or ``text 'high'``.

    Text is quoted only in part (:func:`termcheck.errors.excerpt`): a file
    named by mistake (a key, a token) must not end up in a CI log.
    """
    if isinstance(node, YScalar):
        return "null" if node.is_null else f"{node.kind} {excerpt(node.text)}"
    return f"a {node.kind}"


def outline(node: YValue) -> str:
    """What a whole document is, without quoting any of it.

    ``text of 64 characters on 1 line``, ``a list of 3 items``: for a file that
    is not what it should be at all, which may be anything (a private key).
    """
    if isinstance(node, YList):
        return f"a list of {len(node.items)} item" + "s" * (len(node.items) != 1)
    if isinstance(node, YMap):
        return "a mapping"
    assert isinstance(node, YScalar)
    if node.tag != "str":
        return f"a single {node.kind}"
    lines = len(_LINE_BREAKS.split(node.text.strip("\n")))
    return f"text of {len(node.text)} characters on {lines} line" + "s" * (lines != 1)


def given(mapping: YMap, key: str) -> YValue | None:
    """The value under ``key``; an empty (null) value counts as absent."""
    value = mapping.get(key)
    return None if isinstance(value, YScalar) and value.is_null else value


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _one_of(choices: Sequence[str]) -> str:
    quoted = [repr(choice) for choice in choices]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


class NodeReader:
    """Typed access to located values; every problem cites the offending node."""

    #: The error raised for a bad value (a config reader uses ConfigError).
    error: ClassVar[type[TermcheckError]] = GlossaryError

    def __init__(self, path: str) -> None:
        self.path = path

    def at(self, node: YValue) -> Where:
        """Where ``node`` starts."""
        return Where(self.path, node.line, node.column)

    def fail(self, node: YValue, problem: str) -> TermcheckError:
        """An error (of class :attr:`error`) located at ``node``."""
        return self.error(problem, self.path, node.line, node.column)

    def mapping(self, node: YValue, what: str, keys: Sequence[str]) -> YMap:
        """``node`` as a mapping that uses only ``keys``."""
        if not isinstance(node, YMap):
            raise self.fail(node, f"{what} must be a mapping, not {describe(node)}")
        return self.known_keys(node, what, keys)

    def known_keys(self, mapping: YMap, what: str, keys: Sequence[str]) -> YMap:
        """``mapping`` itself, after refusing the first key not in ``keys``."""
        for key, (key_node, _) in mapping.entries.items():
            if key not in keys:
                hint = _did_you_mean(key, keys) or "; expected one of: " + ", ".join(
                    keys
                )
                raise self.fail(key_node, f"unknown key {excerpt(key)} in {what}{hint}")
        return mapping

    def text(self, node: YValue, what: str) -> str:
        """A non-null scalar, stripped, as written: `yes` or `2030` need no quotes."""
        if not isinstance(node, YScalar) or node.is_null:
            raise self.fail(node, f"{what} must be text, not {describe(node)}")
        return node.text.strip()

    def filled_text(self, node: YValue, what: str, empty: str) -> str:
        """Text that must not be null or blank; ``empty`` is the message if it is."""
        blank = isinstance(node, YScalar) and node.is_null
        text = "" if blank else self.text(node, what)
        if not text:
            raise self.fail(node, empty)
        return text

    def texts(self, node: YValue | None, what: str) -> tuple[str, ...]:
        """A list of non-blank texts; None (absent) gives an empty tuple."""
        if node is None:
            return ()
        if not isinstance(node, YList):
            raise self.fail(node, f"{what} must be a list, not {describe(node)}")
        return tuple(
            self.filled_text(item, f"each entry of {what}", f"empty entry in {what}")
            for item in node.items
        )

    def choice(self, node: YValue, what: str, options: Mapping[str, _T]) -> _T:
        """The option named by ``node``, with a did-you-mean hint on a typo."""
        word = node.text if isinstance(node, YScalar) else ""
        if word in options:
            return options[word]
        names = list(options)
        raise self.fail(
            node,
            f"{what} must be {_one_of(names)}, not {describe(node)}"
            + _did_you_mean(word, names),
        )


def read_yaml(text: str, path: str) -> YValue | None:
    """Read one YAML document; None when it is empty; GlossaryError on any problem."""
    try:
        # compose() builds the node graph only: no objects, no alias expansion.
        root = _compose(text)
        if root is None:
            return None
        if "*" in text:  # no alias without an asterisk: nothing can expand
            check_expansion(root, path)
        return _convert(root, path)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, path) from None
    except ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        code = error.character if isinstance(error.character, int) else 0
        problem = f"invalid YAML: character U+{code:04X} is not allowed"
        raise GlossaryError(problem, path, line, column) from None
    except yaml.YAMLError as error:
        raise GlossaryError(f"invalid YAML: {error}", path) from None
    except RecursionError:
        raise GlossaryError("YAML is nested too deeply", path) from None
    except (ValueError, OverflowError) as error:  # e.g. the escape "\UFFFFFFFF"
        raise GlossaryError(f"invalid YAML: {error}", path) from None


def to_plain(value: YValue | None) -> object:
    """``value`` as plain data: str, int, float, bool, None, lists and dicts."""
    if value is None or isinstance(value, YScalar):
        return None if value is None else value.value
    if isinstance(value, YList):
        return [to_plain(item) for item in value.items]
    assert isinstance(value, YMap)
    return {key: to_plain(item) for key, (_, item) in value.entries.items()}


def read_yaml_file(path: str) -> YValue | None:
    """Read one YAML file (UTF-8, BOM allowed) like ``read_yaml``."""
    try:
        data = read_named(Path(path))
    except OSError as error:
        raise GlossaryError(
            f"cannot read glossary: {error.strerror or error}", path
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        line = data.count(b"\n", 0, error.start) + 1
        problem = f"glossary is not valid UTF-8 (byte 0x{data[error.start]:02x})"
        raise GlossaryError(problem, path, line, column) from None
    return read_yaml(text, path)


def _compose(text: str) -> yaml.Node | None:
    """Compose large documents with libyaml when PyYAML has it (~10x faster).

    Any problem is composed again by the pure-Python parser, so that error
    messages never depend on whether libyaml is installed. libyaml places a few
    marks differently (an empty value starts one column later), so documents
    small enough to compose quickly always take the pure-Python parser.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None and len(text) >= FAST_YAML_CHARS:
        try:
            return yaml.compose(text, Loader=fast)
        except Exception:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_error(error: yaml.MarkedYAMLError, path: str) -> GlossaryError:
    """Word a scanner, parser or composer error and point at its problem mark."""
    problem = error.problem or "syntax error"
    context, context_mark = error.context or "", error.context_mark
    if problem.startswith("but ") and context:
        message = f"{context}, {problem}"
    elif context and context_mark is not None:
        where = f"line {context_mark.line + 1}, column {context_mark.column + 1}"
        message = f"{problem} ({context} at {where})"
    else:
        message = f"{problem} ({context})" if context else problem
    mark = error.problem_mark or context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    message = _QUOTED.sub(lambda quoted: excerpt(quoted[0][1:-1]), message)
    return GlossaryError(f"invalid YAML: {message}", path, line, column)


def _fail(node: yaml.Node, path: str, problem: str) -> GlossaryError:
    mark = node.start_mark
    return GlossaryError(problem, path, mark.line + 1, mark.column + 1)


def _check_tag(node: yaml.Node, path: str) -> None:
    """Only plain YAML types: explicit tags could ask for arbitrary objects."""
    if node.tag in _ALLOWED_TAGS:
        return
    standard = node.tag.startswith(_STANDARD)
    shown = "!!" + node.tag[len(_STANDARD) :] if standard else node.tag
    raise _fail(
        node,
        path,
        f"tag {excerpt(shown)} not allowed; use plain text, numbers, booleans, lists "
        "and mappings",
    )


def _convert(node: yaml.Node, path: str) -> YValue:
    _check_tag(node, path)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path)
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.SequenceNode):
        return YList(line, column, tuple(_convert(item, path) for item in node.value))
    assert isinstance(node, yaml.MappingNode)
    return YMap(line, column, _entries(node, path))


def _scalar(node: yaml.ScalarNode, path: str) -> YScalar:
    short = node.tag[len(_STANDARD) :]
    value: Scalar = node.value
    try:
        if short == "int":
            value = _CONSTRUCTOR.construct_yaml_int(node)
        elif short == "float":
            value = _CONSTRUCTOR.construct_yaml_float(node)
        elif short == "bool":
            value = _CONSTRUCTOR.construct_yaml_bool(node)
        elif short == "null":
            value = None
    except (ValueError, KeyError, IndexError):  # `!!bool maybe`, `!!int` alone...
        kind = _SCALAR_KINDS[short]
        article = "an" if kind[0] in "aeiou" else "a"
        problem = f"cannot read {node.value[:20]!r} as {article} {kind}"
        raise _fail(node, path, problem) from None
    mark = node.start_mark
    control_at = _control_at(node) if CONTROLS.search(node.value) else None
    return YScalar(mark.line + 1, mark.column + 1, node.value, value, short, control_at)


def _control_at(node: yaml.ScalarNode) -> tuple[int, int]:
    """The 1-based line and column where the scalar's first control was written.

    Raw control characters other than tab and line breaks never get this far
    (the YAML reader refuses them), so it is an escape in a double-quoted
    scalar (``"\\e]0;"``) or a raw bidirectional control. Where the source is
    not at hand (libyaml composed the document), the scalar's start is given.
    """
    start, end = node.start_mark, node.end_mark
    buffer = getattr(start, "buffer", None)
    if not isinstance(buffer, str) or end is None:
        return start.line + 1, start.column + 1
    source = buffer[start.index : end.index]
    for written in _WRITTEN.finditer(source):
        token = written[0]
        if node.style == '"' and token.startswith("\\") and len(token) > 1:
            escape = token[1:]
            char = _ESCAPES.get(escape, escape)
            if escape[0] in "xuU" and len(escape) > 1:
                char = chr(min(int(escape[1:], 16), 0x10FFFF))
        else:
            char = token
        if CONTROLS.fullmatch(char):
            before = _LINE_BREAKS.split(source[: written.start()])
            if len(before) == 1:
                return start.line + 1, start.column + 1 + len(before[0])
            return start.line + len(before), len(before[-1]) + 1
    return start.line + 1, start.column + 1


def _entries(node: yaml.MappingNode, path: str) -> dict[str, tuple[YScalar, YValue]]:
    """Mapping entries by key text; a repeated key is an error, not a silent win."""
    entries: dict[str, tuple[YScalar, YValue]] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _STANDARD + "merge":
            problem = "merge keys ('<<') are not supported; use 'defaults' instead"
            raise _fail(key_node, path, problem)
        key = _convert(key_node, path)
        if not isinstance(key, YScalar):
            problem = f"a mapping key must be text, not {describe(key)}"
            raise _fail(key_node, path, problem)
        if key.text in entries:
            first = entries[key.text][0]
            raise _fail(
                key_node,
                path,
                f"duplicate key {excerpt(key.text)} (first at line {first.line}, "
                f"column {first.column})",
            )
        entries[key.text] = (key, _convert(value_node, path))
    return entries
