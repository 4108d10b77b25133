"""Indented JSON, line by line, byte for byte as ``json.dumps(indent=2)`` writes it.

``json.dumps`` with an indent runs the library's pure-Python encoder, which
makes a report of a million findings take minutes; this writer does the same
in a few direct steps per value (strings are escaped by the library's own C
function), so every format can stream a finding as one short call.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from termcheck.notices import escape_json

__all__ = ["dump_lines", "items"]

_ENCODE: Final[Callable[[str], str]] = json.encoder.encode_basestring


def _escape(text: str) -> str:
    """A JSON string literal; C1 and bidirectional controls as ``\\u`` escapes."""
    return escape_json(_ENCODE(text))


_STEP: Final = "  "


def dump_lines(value: Any, pad: str = "") -> list[str]:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` as lines, each after
    ``pad`` (the indentation the value's first line stands at)."""
    lines: list[str] = []
    _value(value, pad, pad, lines)
    return lines


def items(key: str, values: Iterable[Any], *, indent: int, last: bool) -> Iterator[str]:
    """Yield a JSON list as ``json.dumps(..., indent=2)`` writes it, item by item.

    ``key`` starts the first line (``'  "findings": '``); ``indent`` is the
    column of the items; ``last`` leaves out the comma after the list.
    """
    pad = " " * indent
    comma = "" if last else ","
    pending: str | None = None
    for value in values:
        lines = dump_lines(value, pad)
        yield key + "[" if pending is None else pending + ","
        yield from lines[:-1]
        pending = lines[-1]
    if pending is None:
        yield key + "[]" + comma
    else:
        yield pending
        yield " " * (indent - 2) + "]" + comma


def _value(value: Any, first: str, pad: str, lines: list[str]) -> None:
    """Append ``value``: its first line starts with ``first`` (the pad and
    perhaps a key), the lines of its members with ``pad`` plus one step."""
    if isinstance(value, dict):
        if not value:
            lines.append(first + "{}")
            return
        lines.append(first + "{")
        inner = pad + _STEP
        count = len(value)
        for number, (key, member) in enumerate(value.items(), start=1):
            _value(member, f"{inner}{_escape(key)}: ", inner, lines)
            if number < count:
                lines[-1] += ","
        lines.append(pad + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            lines.append(first + "[]")
            return
        lines.append(first + "[")
        inner = pad + _STEP
        count = len(value)
        for number, member in enumerate(value, start=1):
            _value(member, inner, inner, lines)
            if number < count:
                lines[-1] += ","
        lines.append(pad + "]")
    else:
        lines.append(first + _scalar(value))


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _escape(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    return json.dumps(value)  # anything else: the library's answer (or error)


_INF: Final = float("inf")
