"""Report formatters: pure functions from file results to the lines of a report.

A formatter takes the results one file at a time (a Report, or the stream the
command line passes on as files finish) and yields lines as soon as it can, so
that memory does not grow with the number of findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Protocol

from termcheck.formatters import github, gitlab, json, junit, sarif, text
from termcheck.model import FileResult, Glossary
from termcheck.totals import Totals

__all__ = ["FORMATTERS", "FormatOptions", "Formatter"]


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """How a report is rendered.

    ``sources`` maps a display path to the text of that file, for ``context``
    and for the fingerprints of ``sarif`` and ``gitlab``. ``glossary`` gives
    SARIF rules their help text; ``root`` is the absolute folder that relative
    paths start from (SARIF ``originalUriBaseIds``). ``totals``, when given, are
    the totals of the results to be formatted, which SARIF and JUnit print
    before the results (without them, those two read the results twice).
    """

    color: bool = False
    context: bool = False
    quiet: bool = False
    sources: Mapping[str, str] = field(default_factory=dict)
    glossary: Glossary | None = None
    root: str | None = None
    totals: Totals | None = None


class Formatter(Protocol):
    """Turns file results into output lines (without line endings); no effects."""

    def __call__(
        self, results: Iterable[FileResult], options: FormatOptions, /
    ) -> Iterator[str]:
        """Yield the lines of the report."""
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

TOTALS_FIRST: Final = frozenset({"sarif", "junit"})
"""Formats that print totals before the findings (see ``FormatOptions.totals``)."""
