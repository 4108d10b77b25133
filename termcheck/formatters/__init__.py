"""Report formatters: pure functions from a Report to the lines of stdout."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Protocol

from termcheck.formatters import github, gitlab, json, junit, sarif, text
from termcheck.model import Glossary, Report

__all__ = ["FORMATTERS", "FormatOptions", "Formatter"]


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """How a report is rendered.

    ``sources`` maps a display path to the text of that file, for ``context``
    and for the fingerprints of ``sarif`` and ``gitlab``. ``glossary`` gives
    SARIF rules their help text; ``root`` is the absolute folder that relative
    paths start from (SARIF ``originalUriBaseIds``).
    """

    color: bool = False
    context: bool = False
    quiet: bool = False
    sources: Mapping[str, str] = field(default_factory=dict)
    glossary: Glossary | None = None
    root: str | None = None


class Formatter(Protocol):
    """Turns a report into output lines (without line endings); has no effects."""

    def __call__(self, report: Report, options: FormatOptions, /) -> Iterator[str]:
        """Yield the lines to print on stdout."""
        ...


FORMATTERS: Final[Mapping[str, Formatter]] = MappingProxyType(
    {
        "text": text.format_report,
        "json": json.format_report,
        "sarif": sarif.format_report,
        "github": github.format_report,
        "junit": junit.format_report,
        "gitlab": gitlab.format_report,
    }
)
"""The formatters by ``--format`` name, in the order ``--help`` lists them."""
