"""Report formatters: pure functions from a Report to the lines of stdout."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Protocol

from termcheck.formatters import json, text
from termcheck.model import Report

__all__ = ["FORMATTERS", "FormatOptions", "Formatter"]


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """How a report is rendered.

    ``sources`` maps a display path to the text of that file, for ``context``.
    """

    color: bool = False
    context: bool = False
    quiet: bool = False
    sources: Mapping[str, str] = field(default_factory=dict)


class Formatter(Protocol):
    """Turns a report into output lines (without line endings); has no effects."""

    def __call__(self, report: Report, options: FormatOptions, /) -> Iterator[str]:
        """Yield the lines to print on stdout."""
        ...


FORMATTERS: Final[Mapping[str, Formatter]] = MappingProxyType(
    {
        "text": text.format_report,
        "json": json.format_report,
    }
)
"""The formatters by ``--format`` name, in the order ``--help`` lists them."""
