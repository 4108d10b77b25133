"""Finding the files to check and decoding them without changing a byte of text."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from termcheck.errors import InputError

__all__ = [
    "BOMS",
    "EXTENSIONS",
    "STDIN",
    "STDIN_NAME",
    "collect_files",
    "decode",
    "read_text",
]

EXTENSIONS: frozenset[str] = frozenset(
    {".md", ".markdown", ".txt", ".rst", ".html", ".htm", ".tex", ".adoc"}
)
"""File name endings picked up when a directory is walked (compared lower-case)."""

STDIN = "-"
"""The path argument that stands for standard input."""

STDIN_NAME = "<stdin>"
"""The display path of standard input in reports."""

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

BOMS = _BOMS
"""Byte order marks and their codecs, longest first."""


def collect_files(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Yield ``(display path, path)`` for every file to check, ``None`` for stdin.

    Directories are walked recursively for files with a known extension, skipping
    hidden files and folders, in sorted order. Files named explicitly are taken
    whatever their extension. A path given twice is yielded once.

    Raises InputError for a path that does not exist or a folder that cannot be
    listed (after yielding what came before it).
    """
    seen: set[str] = set()
    for given in paths:
        for display, path in _expand(given):
            if display not in seen:
                seen.add(display)
                yield display, path


def _expand(given: str) -> Iterator[tuple[str, Path | None]]:
    """Yield the files that one command-line path stands for."""
    if given == STDIN:
        yield STDIN_NAME, None
        return
    display = given.replace(os.sep, "/") if os.sep != "/" else given
    path = Path(given)
    if path.is_dir():
        yield from _walk(display, path)
    elif path.exists():
        yield display, path
    else:
        raise InputError("no such file or directory", path=display)


def _walk(display: str, root: Path) -> Iterator[tuple[str, Path]]:
    """Yield the checkable files under ``root``, sorted by their path parts."""
    prefix = display if display.endswith("/") else display + "/"

    def fail(error: OSError) -> None:
        where = Path(error.filename or root)
        relative = where.relative_to(root).as_posix() if where != root else ""
        reason = error.strerror or str(error)
        raise InputError(f"cannot list directory: {reason}", path=prefix + relative)

    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, dirnames, filenames in os.walk(root, onerror=fail):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        base = Path(folder)
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in EXTENSIONS:
                continue
            path = base / name
            found.append((path.relative_to(root).parts, path))
    for parts, path in sorted(found):
        yield prefix + "/".join(parts), path


def read_text(path: Path) -> str:
    """Read and decode a file; see :func:`decode`.

    Raises InputError naming the file when it cannot be read or decoded.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot read file: {reason}", path=str(path)) from error
    return decode(data, name=str(path))


def decode(data: bytes, *, name: str = "") -> str:
    """Decode UTF-8 (a BOM is dropped) or BOM-marked UTF-16/UTF-32 bytes.

    Line endings are left exactly as they are. Raises InputError naming ``name``
    and the byte offset of the first byte that cannot be decoded.
    """
    encoding, skip = "utf-8", 0
    for bom, codec in _BOMS:
        if data.startswith(bom):
            encoding, skip = codec, len(bom)
            break
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        offset = skip + error.start
        label = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        problem = f"cannot decode as {label} at byte {offset} ({error.reason})"
        raise InputError(problem, path=name) from error
