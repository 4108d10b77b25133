"""The glossaries shipped with termcheck: where they are and what each holds."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import one_line

__all__ = [
    "BUNDLED_FORMATS",
    "BundledGlossary",
    "bundled_glossaries",
    "bundled_json",
    "bundled_text",
    "describe_bundled",
]


def bundled_glossaries() -> dict[str, Path]:
    """Glossaries shipped with termcheck, by name (the file stem)."""
    for folder in _bundled_folders():
        if folder.is_dir():
            return {path.stem: path for path in sorted(folder.glob("*.yaml"))}
    return {}


def _bundled_folders() -> Iterator[Path]:
    # A wheel ships them inside the package; a source checkout keeps them on top.
    packaged = importlib.resources.files("termcheck") / "glossaries"
    if isinstance(packaged, Path):
        yield packaged
    yield Path(__file__).resolve().parent.parent / "glossaries"


@dataclass(frozen=True, slots=True)
class BundledGlossary:
    """One shipped glossary: the name to give ``--glossary`` and what it holds."""

    name: str
    title: str
    language: str
    terms: int
    description: str
    path: Path


def describe_bundled() -> list[BundledGlossary]:
    """Every bundled glossary, loaded (and so validated), in name order."""
    from termcheck.glossary import load_glossary

    described = []
    for name, path in bundled_glossaries().items():
        glossary = load_glossary(path)
        described.append(
            BundledGlossary(
                name,
                glossary.name,
                glossary.language,
                len(glossary),
                glossary.description,
                path,
            )
        )
    return described


def bundled_text(glossaries: list[BundledGlossary]) -> Iterator[str]:
    """A table: name, language, term count and description, one glossary a line."""
    width = max([len("NAME"), *(len(item.name) for item in glossaries)])
    yield f"{'NAME':<{width}}  LANG  {'TERMS':>5}  DESCRIPTION"
    for item in glossaries:
        line = f"{item.name:<{width}}  {item.language:<4}  {item.terms:>5}  "
        yield line + one_line(" ".join((item.description or item.title).split()))


def bundled_json(glossaries: list[BundledGlossary]) -> Iterator[str]:
    """A JSON list of ``{name, title, language, terms, description, path}``."""
    items = [
        {
            "name": item.name,
            "title": item.title,
            "language": item.language,
            "terms": item.terms,
            "description": item.description,
            "path": str(item.path),
        }
        for item in glossaries
    ]
    yield json.dumps(items, ensure_ascii=False, indent=2)


BUNDLED_FORMATS = {"text": bundled_text, "json": bundled_json}
"""``glossary list --format`` names and their renderers."""
