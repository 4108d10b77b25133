"""Finding the files to check and decoding them without changing a byte of text."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from termcheck.errors import BinaryFileError, InputError
from termcheck.guard import missing_reason, printable

if TYPE_CHECKING:
    from termcheck.selection import Selection

__all__ = [
    "BINARY_PROBE",
    "BOMS",
    "EXTENSIONS",
    "STDIN",
    "STDIN_NAME",
    "check_encoding",
    "collect_files",
    "decode",
    "encoding_of",
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

BINARY_PROBE = 8192
"""A NUL byte among this many first bytes makes a file binary (as git decides)."""

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


def collect_files(
    paths: Sequence[str],
    selection: Selection | None = None,
    *,
    problems: list[InputError] | None = None,
    stdin_name: str | None = None,
) -> Iterator[tuple[str, Path | None]]:
    """Yield ``(display path, path)`` for every file to check, ``None`` for stdin.

    Directories are walked recursively for files with a known extension, skipping
    hidden files and folders, in sorted order. Files named explicitly are taken
    whatever their extension. A path given twice is yielded once. With a
    ``selection``, walking keeps the files it wants (include, exclude, git's
    ignore rules) and an explicit file is dropped only if it is excluded.

    Raises InputError for a path that does not exist or a folder that cannot be
    listed (after yielding what came before it). With ``problems``, a folder
    that cannot be listed inside a walk is added to it and the walk goes on.
    ``stdin_name`` is the file that standard input stands for: it is reported
    under that name, and left out when ``exclude`` matches it.
    """
    seen: set[str] = set()
    for given in paths:
        for display, path in _expand(given, selection, problems, stdin_name):
            if display not in seen:
                seen.add(display)
                yield display, path


def _expand(
    given: str,
    selection: Selection | None = None,
    problems: list[InputError] | None = None,
    stdin_name: str | None = None,
) -> Iterator[tuple[str, Path | None]]:
    """Yield the files that one command-line path stands for."""
    if given == STDIN:
        if stdin_name is None:
            yield STDIN_NAME, None
        elif selection is None or not selection.excluded(Path(stdin_name)):
            yield _shown(stdin_name), None  # standard input as the file it names
        return
    display = _shown(given)
    path = Path(given)
    try:
        is_dir = path.is_dir()
    except (OSError, ValueError) as error:  # a folder on the way refuses access
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"cannot access: {reason}", path=display) from None
    if is_dir:
        yield from _walk(display, path, selection, problems)
    elif os.path.lexists(path):  # a broken link too: reading it says what is wrong
        if selection is None or not selection.excluded(path):
            yield display, path
    else:
        raise InputError(missing_reason(path), path=display)


def _shown(given: str) -> str:
    """A path as the user typed it, with ``/`` as separator, safe to print."""
    return printable(given.replace(os.sep, "/") if os.sep != "/" else given)


def _walk(
    display: str,
    root: Path,
    selection: Selection | None = None,
    problems: list[InputError] | None = None,
) -> Iterator[tuple[str, Path]]:
    """Yield the checkable files under ``root``, sorted by their path parts.

    Files are named ``display/relative/path``; under ``.`` (the current folder,
    also the default of ``check``) simply ``relative/path``.
    """
    prefix = "" if display == "." else display.removesuffix("/") + "/"

    def fail(error: OSError) -> None:
        where = Path(error.filename or root)
        relative = where.relative_to(root).as_posix() if where != root else ""
        reason = error.strerror or str(error)
        where_shown = prefix + relative or display
        problem = InputError(f"cannot list directory: {reason}", path=where_shown)
        if problems is None:
            raise problem
        problems.append(problem)

    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, dirnames, filenames in os.walk(root, onerror=fail):
        base = Path(folder)
        dirnames[:] = [
            name
            for name in dirnames
            if not name.startswith(".")
            and (selection is None or selection.wanted_folder(base / name))
        ]
        for name in filenames:
            path = base / name
            if name.startswith(".") or not (
                selection.wanted_file(path)
                if selection is not None
                else path.suffix.lower() in EXTENSIONS
            ):
                continue
            found.append((path.relative_to(root).parts, path))
    for parts, path in sorted(found):
        yield printable(prefix + "/".join(parts)), path


def read_text(path: Path, *, encoding: str | None = None) -> str:
    """Read and decode a file; see :func:`decode`.

    Raises InputError naming the file when it cannot be read or decoded, and
    BinaryFileError when it looks binary.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot read file: {reason}", path=str(path)) from error
    return decode(data, name=str(path), encoding=encoding)


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; InputError for a name Python does not know."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def decode(data: bytes, *, name: str = "", encoding: str | None = None) -> str:
    """Decode UTF-8 (a BOM is dropped) or BOM-marked UTF-16/UTF-32 bytes.

    ``encoding`` forces a codec (a BOM of that codec is still dropped). Line
    endings are left exactly as they are. Raises BinaryFileError for a NUL byte
    early in a file that is not UTF-16/32, and InputError naming ``name`` and
    the byte offset of the first byte that cannot be decoded.
    """
    skip = 0
    if encoding is not None:
        encoding = check_encoding(encoding)
        family = encoding.removesuffix("-sig")  # "utf-16" takes either byte order
        for bom, codec in _BOMS:
            if data.startswith(bom) and codec.startswith(family):
                encoding, skip = codec, len(bom)
                break
    else:
        encoding = "utf-8"
        for bom, codec in _BOMS:
            if data.startswith(bom):
                encoding, skip = codec, len(bom)
                break
    wide = encoding.startswith(("utf-16", "utf-32"))
    nul = -1 if wide else data.find(b"\0", 0, BINARY_PROBE)
    if nul >= 0:
        raise BinaryFileError(f"binary file (NUL byte at byte {nul})", path=name)
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        offset = skip + error.start
        label = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        problem = f"cannot decode as {label} at byte {offset} ({error.reason})"
        raise InputError(problem, path=name) from error


def encoding_of(data: bytes) -> tuple[str, bytes]:
    """The codec :func:`decode` reads ``data`` with, and the BOM it drops (or b"")."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, bom
    return "utf-8", b""
