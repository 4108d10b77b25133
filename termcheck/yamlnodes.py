"""Safe YAML reading: one document to plain values that remember their position."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.reader import ReaderError

from termcheck.errors import GlossaryError, TermcheckError

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
    "read_yaml",
    "read_yaml_file",
    "to_plain",
]

#: Upper bound on the nodes that alias expansion may add to those in the file;
#: real glossaries stay far below it, however large they are.
MAX_NODES = 1_000_000

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
    """The value in a few words, e.g. ``a list`` or ``text 'high'``."""
    if isinstance(node, YScalar):
        return "null" if node.is_null else f"{node.kind} {node.text!r}"
    return f"a {node.kind}"


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
                raise self.fail(key_node, f"unknown key {key!r} in {what}{hint}")
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
            _check_expanded_size(root, path)
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
        data = Path(path).read_bytes()
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
    return GlossaryError(f"invalid YAML: {message}", path, line, column)


def _fail(node: yaml.Node, path: str, problem: str) -> GlossaryError:
    mark = node.start_mark
    return GlossaryError(problem, path, mark.line + 1, mark.column + 1)


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        yield from node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _check_expanded_size(root: yaml.Node, path: str) -> None:
    """Refuse alias bombs and self-containing aliases before anything is expanded.

    Aliases make the composed graph share nodes, so a small file can stand for
    billions of nodes. Sizes are memoised per shared node: the cost is linear in
    the file, not in the expansion. Only what aliases add counts against
    ``MAX_NODES``: a large file without aliases is never refused.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def expanded_size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _fail(node, path, "recursive alias: a node contains itself")
        open_nodes.add(key)
        total = 1 + sum(expanded_size(child) for child in _children(node))
        open_nodes.discard(key)
        # Without aliases a subtree never outgrows the nodes seen so far, so a
        # large but honest file never trips this; an alias bomb does at once.
        if total - len(sizes) > MAX_NODES:  # sizes holds each node once
            problem = "too many nodes after alias expansion (alias bomb?)"
            raise _fail(node, path, problem)
        sizes[key] = total
        return total

    expanded_size(root)


def _check_tag(node: yaml.Node, path: str) -> None:
    """Only plain YAML types: explicit tags could ask for arbitrary objects."""
    if node.tag in _ALLOWED_TAGS:
        return
    standard = node.tag.startswith(_STANDARD)
    shown = "!!" + node.tag[len(_STANDARD) :] if standard else node.tag
    raise _fail(
        node,
        path,
        f"tag {shown!r} not allowed; use plain text, numbers, booleans, lists "
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
    return YScalar(mark.line + 1, mark.column + 1, node.value, value, short)


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
                f"duplicate key {key.text!r} (first at line {first.line}, "
                f"column {first.column})",
            )
        entries[key.text] = (key, _convert(value_node, path))
    return entries
