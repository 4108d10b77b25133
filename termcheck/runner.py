"""Check many files (and standard input) and gather the results into a Report."""

from __future__ import annotations

import sys
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TextIO

from termcheck.errors import InputError
from termcheck.files import STDIN_NAME, collect_files, decode, read_text
from termcheck.model import FileResult, Glossary, Report

__all__ = ["check_paths", "read_texts"]


def check_paths(
    glossary: Glossary,
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    sources: MutableMapping[str, str] | None = None,
) -> Report:
    """Check every file that ``paths`` names and return one FileResult per file.

    ``-`` reads ``stdin`` (default: the process's standard input). A file that is
    missing, unreadable or undecodable becomes a FileResult with ``error`` set and
    the run goes on. Display paths are the user's, with ``/`` as separator.
    When ``sources`` is given, it receives the text of each checked file.
    """
    from termcheck.checker import check_text  # the matcher is heavy: load on use

    results: list[FileResult] = []
    for display, text in _texts(paths, stdin):
        if isinstance(text, InputError):
            results.append(FileResult(display, error=text.problem))
            continue
        if sources is not None:
            sources[display] = text
        findings = check_text(glossary, text, path=display)
        results.append(FileResult(display, findings=tuple(findings)))
    return Report(tuple(results))


def read_texts(
    paths: Sequence[str], *, stdin: TextIO | None = None
) -> Iterator[tuple[str, str | InputError]]:
    """Yield ``(display path, text)`` for every file ``paths`` names, as ``check``
    reads them; the text is an InputError for a file that cannot be read."""
    return _texts(paths, stdin)


def _texts(
    paths: Sequence[str], stdin: TextIO | None
) -> Iterator[tuple[str, str | InputError]]:
    """Yield each file's display path with its text, or with why it has none."""
    seen: set[str] = set()
    for given in paths:
        try:
            for display, path in collect_files([given]):
                if display in seen:
                    continue
                seen.add(display)
                yield display, _read(display, path, stdin)
        except InputError as error:
            yield error.path or given, error


def _read(display: str, path: Path | None, stdin: TextIO | None) -> str | InputError:
    """Read one file (``None``: standard input), catching what goes wrong."""
    try:
        if path is None:
            return _read_stdin(stdin if stdin is not None else sys.stdin)
        return read_text(path)
    except InputError as error:
        return error
    except OSError as error:  # reading a stream that went away
        return InputError(f"cannot read: {error.strerror or error}", path=display)


def _read_stdin(stream: TextIO) -> str:
    """Read a text stream, decoding its raw bytes ourselves when it has them."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream.read()
    data: bytes = buffer.read()
    return decode(data, name=STDIN_NAME)
