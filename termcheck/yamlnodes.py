"""Safe YAML reading: one document to plain values that remember their position."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor
from yaml.reader import ReaderError

from termcheck.errors import GlossaryError

__all__ = ["MAX_NODES", "YList", "YMap", "YScalar", "YValue", "read_yaml"]

#: Upper bound on nodes after alias expansion; real glossaries stay far below it.
MAX_NODES = 1_000_000

_STANDARD = "tag:yaml.org,2002:"
_SCALAR_KINDS = {
    "str": "text",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "null": "null",
    "timestamp": "date",
}
_CONTAINER_TAGS = {_STANDARD + "seq", _STANDARD + "map"}
_ALLOWED_TAGS = {_STANDARD + short for short in _SCALAR_KINDS} | _CONTAINER_TAGS
_CONSTRUCTOR = SafeConstructor()  # only its scalar constructors are used

Scalar = str | int | float | bool | None


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


def read_yaml(text: str, path: str) -> YValue | None:
    """Read one YAML document; None when it is empty; GlossaryError on any problem."""
    try:
        # compose() builds the node graph only: no Python objects, no alias expansion.
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is None:
            return None
        _check_expanded_size(root, path)
        return _convert(root, path)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, path) from None
    except ReaderError as error:
        line, column = _position_of_offset(text, error.position)
        raise GlossaryError(
            f"invalid YAML: character {error.character!r} is not allowed",
            path, line, column,
        ) from None
    except yaml.YAMLError as error:
        raise GlossaryError(f"invalid YAML: {error}", path) from None
    except RecursionError:
        raise GlossaryError("YAML is nested too deeply", path) from None


def _syntax_error(error: yaml.MarkedYAMLError, path: str) -> GlossaryError:
    """Word a scanner/parser/composer error and point at its problem mark."""
    problem = error.problem or "syntax error"
    context = error.context or ""
    if problem.startswith("but ") and context:
        message = f"{context}, {problem}"
    elif context and error.context_mark is not None:
        mark = error.context_mark
        message = f"{problem} ({context} at line {mark.line + 1}, column {mark.column + 1})"
    else:
        message = f"{problem} ({context})" if context else problem
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return GlossaryError(f"invalid YAML: {message}", path)
    return GlossaryError(f"invalid YAML: {message}", path, mark.line + 1, mark.column + 1)


def _position_of_offset(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


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
    the file, not in the expansion.
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
        if total > MAX_NODES:
            raise _fail(node, path, "too many nodes after alias expansion (alias bomb?)")
        sizes[key] = total
        return total

    expanded_size(root)


def _check_tag(node: yaml.Node, path: str) -> None:
    """Only plain YAML types: explicit tags could ask for arbitrary objects."""
    if node.tag in _ALLOWED_TAGS:
        return
    shown = "!!" + node.tag[len(_STANDARD):] if node.tag.startswith(_STANDARD) else node.tag
    raise _fail(
        node, path,
        f"tag {shown!r} not allowed; use plain text, numbers, booleans, lists and mappings",
    )


def _convert(node: yaml.Node, path: str) -> YValue:
    _check_tag(node, path)
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path)
    if isinstance(node, yaml.SequenceNode):
        return YList(line, column, tuple(_convert(item, path) for item in node.value))
    assert isinstance(node, yaml.MappingNode)
    return YMap(line, column, _entries(node, path))


def _scalar(node: yaml.ScalarNode, path: str) -> YScalar:
    short = node.tag[len(_STANDARD):]
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
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
    except ValueError:  # e.g. an integer beyond Python's digit limit
        raise _fail(node, path, f"cannot read {node.value[:20]!r} as a number") from None
    return YScalar(line, column, node.value, value, short)


def _entries(node: yaml.MappingNode, path: str) -> dict[str, tuple[YScalar, YValue]]:
    """Mapping entries by key text; duplicate keys are errors, not silently dropped."""
    entries: dict[str, tuple[YScalar, YValue]] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _STANDARD + "merge":
            raise _fail(key_node, path,
                        "merge keys ('<<') are not supported; put shared settings under 'defaults'")
        key = _convert(key_node, path)
        if not isinstance(key, YScalar):
            raise _fail(key_node, path, f"a mapping key must be text, not a {key.kind}")
        if key.text in entries:
            first = entries[key.text][0]
            raise _fail(key_node, path,
                        f"duplicate key {key.text!r} (first at line {first.line}, "
                        f"column {first.column})")
        entries[key.text] = (key, _convert(value_node, path))
    return entries
