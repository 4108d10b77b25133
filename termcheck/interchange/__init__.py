"""Glossary interchange: import TBX, CSV and Vale files, export TBX and CSV."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

from termcheck.errors import GlossaryError
from termcheck.interchange.build import GlossaryFile, write_imported
from termcheck.interchange.csv_format import read_csv, write_csv
from termcheck.interchange.model import Exported, Imported
from termcheck.interchange.tbx import read_tbx
from termcheck.interchange.tbx_write import write_tbx
from termcheck.interchange.vale import read_vale
from termcheck.model import Glossary

__all__ = [
    "EXPORTERS",
    "IMPORTERS",
    "Exported",
    "GlossaryFile",
    "Imported",
    "export_glossary",
    "import_glossary",
]

Importer = Callable[[Path, "str | None"], Imported]
Exporter = Callable[[Glossary, str], Exported]

IMPORTERS: Final[Mapping[str, Importer]] = MappingProxyType(
    {"tbx": read_tbx, "csv": read_csv, "vale": read_vale}
)
"""Readers by ``--from`` name."""

EXPORTERS: Final[Mapping[str, Exporter]] = MappingProxyType(
    {"tbx": write_tbx, "csv": write_csv}
)
"""Writers by ``--to`` name."""


def import_glossary(kind: str, path: Path, lang: str | None = None) -> GlossaryFile:
    """Read ``path`` as ``kind`` and return glossary YAML that loads as it is."""
    if not path.exists():
        raise GlossaryError("no such file or directory", str(path))
    imported = IMPORTERS[kind](path, lang)
    return write_imported(imported, path.name)


def export_glossary(kind: str, glossary: Glossary, source: str = "") -> Exported:
    """Write ``glossary`` in format ``kind``."""
    return EXPORTERS[kind](glossary, source)
