"""Tests for termcheck.formatters.jsonlines: the bytes of json.dumps(indent=2)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from termcheck.formatters.jsonlines import dump_lines, items
from termcheck.notices import escape_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def dumps(value: Any) -> str:
    """What every JSON report writes: C1 and bidirectional controls escaped."""
    return escape_json(json.dumps(value, ensure_ascii=False, indent=2))


@given(VALUES)
def test_same_as_json_dumps(value):
    """Any JSON value: the same lines, control characters and all."""
    assert "\n".join(dump_lines(value)) == dumps(value)


@given(VALUES, st.integers(min_value=0, max_value=12))
def test_padded(value, width):
    """Each line after the pad, as the value nested that deep would be."""
    pad = " " * width
    expected = "\n".join(pad + line for line in dumps(value).split("\n"))
    assert "\n".join(dump_lines(value, pad)) == expected


@given(st.lists(VALUES, max_size=5), st.booleans())
def test_items_as_a_member(values, last):
    """A list written item by item equals the list inside a dumped mapping."""
    document = {"findings": values, "after": 1} if not last else {"findings": values}
    lines = ["{", *items('  "findings": ', iter(values), indent=4, last=last)]
    if not last:
        lines.append('  "after": 1')
    lines.append("}")
    assert "\n".join(lines) == dumps(document)


def test_edge_values():
    value: Any
    for value in ({}, [], {"a": {}}, [[]], '\x00\u2028"\\', -0.0, 1e300, 10**30):
        assert "\n".join(dump_lines(value)) == dumps(value)
