"""What importers return and exporters give back: terms, warnings and comments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from termcheck.glossary_writer import TermComments
from termcheck.model import Term

__all__ = ["Exported", "Imported"]


@dataclass(frozen=True, slots=True)
class Imported:
    """Terms read from a foreign format, before conflicts are settled.

    ``warnings`` list what could not be carried over; ``comments`` are written
    above the terms (by term id) in the generated glossary.
    """

    terms: tuple[Term, ...]
    name: str = ""
    language: str = "en"
    warnings: tuple[str, ...] = ()
    comments: Mapping[str, TermComments] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Exported:
    """The text of an exported glossary and what the format could not hold."""

    text: str
    warnings: tuple[str, ...] = ()
