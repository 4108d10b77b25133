"""Markup-aware prose masking: the Extractor protocol, its registry and lookup.

An extractor takes a file's text and returns an :class:`Extraction` whose
``masked`` text has the same length and the same line breaks, with everything
that is not prose (code, URLs, link targets, tags, comments, commands, math...)
blanked. Offsets into it are offsets into the original, so findings land on
the original text by construction. Inline markup between words becomes
spaces (a phrase runs across ``*human*`` or ``<em>``); skipped content and
block edges leave a :data:`BARRIER` so that no phrase runs across them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath
from typing import Final, Protocol

from termcheck.extractors import asciidoc, html, latex, markdown, plain, rst
from termcheck.extractors.mask import BARRIER, Extraction

__all__ = [
    "BARRIER",
    "EXTRACTORS",
    "SUFFIXES",
    "Extraction",
    "Extractor",
    "extractor_for",
    "markup_for",
]


class Extractor(Protocol):
    """Masks all but the prose of one format; see the module docstring."""

    def __call__(self, text: str, /) -> Extraction: ...


EXTRACTORS: Final[Mapping[str, Extractor]] = {
    "plain": plain.extract,
    "markdown": markdown.extract,
    "html": html.extract,
    "rst": rst.extract,
    "latex": latex.extract,
    "asciidoc": asciidoc.extract,
}
"""Extractors by markup name (the values of ``--markup`` and the ``markup`` key)."""

SUFFIXES: Final[Mapping[str, str]] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".rst": "rst",
    ".tex": "latex",
    ".adoc": "asciidoc",
    ".txt": "plain",
}
"""The markup of each known file name ending (compared in lower case)."""


def markup_for(
    path: str | os.PathLike[str] | None, overrides: Mapping[str, str] | None = None
) -> str:
    """The markup name for ``path``: ``overrides`` (suffix -> name) first.

    Unknown endings, and no path at all (standard input), are plain text.
    """
    if path is None:
        return "plain"
    suffix = PurePath(path).suffix.lower()
    if overrides and suffix in overrides:
        return overrides[suffix]
    return SUFFIXES.get(suffix, "plain")


def extractor_for(
    path: str | os.PathLike[str] | None, overrides: Mapping[str, str] | None = None
) -> Extractor:
    """The extractor for ``path``; see :func:`markup_for`."""
    return EXTRACTORS[markup_for(path, overrides)]
