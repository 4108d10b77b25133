"""Example counts that follow the hypothesis profile (see tests/conftest.py)."""

from __future__ import annotations

from hypothesis import settings

__all__ = ["examples"]

_BASE = 100  # max_examples of the default "ci" profile


def examples(count: int) -> int:
    """``count`` examples under the ci profile, proportionally more under long."""
    current = settings.default
    base = current.max_examples if current is not None else _BASE
    return max(1, count * base // _BASE)
