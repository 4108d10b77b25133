"""``[tool.termcheck]`` in pyproject.toml, read into located values like YAML."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from termcheck.errors import ConfigError
from termcheck.guard import read_named
from termcheck.yamlnodes import YList, YMap, YScalar, YValue

__all__ = ["has_tool_table", "toml_nodes"]


def _toml_loads(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


def has_tool_table(pyproject: Path) -> bool:
    try:  # a repository's pyproject: no device, nothing huge
        text = read_named(pyproject, limit=16 * 1024 * 1024).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "termcheck" not in text:
        return False
    data = _parse(text, str(pyproject))
    tool = data.get("tool")
    return isinstance(tool, dict) and "termcheck" in tool


def toml_nodes(text: str, path: str) -> YValue | None:
    """``[tool.termcheck]`` as located values, so TOML and YAML share checks.

    tomllib keeps no positions: each key gets the line where ``key =`` (or a
    ``[[tool.termcheck.overrides]]`` header) first appears in its table.
    """
    data = _parse(text, path)
    tool = data.get("tool", {})
    table = tool.get("termcheck") if isinstance(tool, dict) else None
    if table is None:
        raise ConfigError("no [tool.termcheck] table", path)
    lines = re.split(r"\r\n|\r|\n", text)
    header = _line_of(lines, ("[tool.termcheck]",), 0)
    try:
        return _TomlNodes(lines).convert(table, header, header)
    except RecursionError:
        raise ConfigError(_TOO_DEEP, path) from None


_TOO_DEEP = "invalid TOML: nested too deeply (arrays or tables in one another)"


def _parse(text: str, path: str) -> dict[str, Any]:
    """Parse TOML; ConfigError for a syntax error or nesting Python cannot follow."""
    try:
        return _toml_loads(text)
    except ValueError as error:  # TOMLDecodeError derives from ValueError
        raise ConfigError(f"invalid TOML: {error}", path) from None
    except RecursionError:  # tomllib parses nested arrays recursively
        raise ConfigError(_TOO_DEEP, path) from None


def _line_of(lines: Sequence[str], prefixes: tuple[str, ...], after: int) -> int:
    """The 1-based number of the first line from ``after`` starting with a prefix."""
    for number in range(max(after - 1, 0), len(lines)):
        if lines[number].strip().startswith(prefixes):
            return number + 1
    return max(after, 1)


class _TomlNodes:
    """Builds YValues from parsed TOML, placing each on its best-known line."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.entry_headers = [
            number + 1
            for number, line in enumerate(lines)
            if line.strip().replace(" ", "") == "[[tool.termcheck.overrides]]"
        ]

    def convert(self, value: object, line: int, search_from: int) -> YValue:
        if isinstance(value, Mapping):
            entries: dict[str, tuple[YScalar, YValue]] = {}
            for key, item in value.items():
                prefixes = (f"{key} ", f"{key}=", f'"{key}"')
                at = _line_of(self.lines, prefixes, search_from)
                key_node = YScalar(at, 1, str(key), str(key), "str")
                if key == "overrides" and isinstance(item, list):
                    entries[key] = (key_node, self.overrides(item, at))
                else:
                    entries[key] = (key_node, self.convert(item, at, at))
            return YMap(line, 1, entries)
        if isinstance(value, list):
            return YList(line, 1, tuple(self.convert(v, line, line) for v in value))
        return _scalar(value, line)

    def overrides(self, items: list[object], line: int) -> YList:
        converted = []
        for index, item in enumerate(items):
            at = self.entry_headers[index] if index < len(self.entry_headers) else line
            converted.append(self.convert(item, at, at))
        return YList(line, 1, tuple(converted))


def _scalar(value: object, line: int) -> YScalar:
    if isinstance(value, bool):
        return YScalar(line, 1, "true" if value else "false", value, "bool")
    if isinstance(value, int):
        return YScalar(line, 1, str(value), value, "int")
    if isinstance(value, float):
        return YScalar(line, 1, repr(value), value, "float")
    if isinstance(value, str):
        return YScalar(line, 1, value, value, "str")
    return YScalar(line, 1, str(value), str(value), "timestamp")
