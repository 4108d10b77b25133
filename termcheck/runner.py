"""Check many files (and standard input) and gather the results into a Report."""

from __future__ import annotations

import sys
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from termcheck.errors import InputError
from termcheck.files import STDIN_NAME, collect_files, decode, read_text
from termcheck.model import Glossary, Report

if TYPE_CHECKING:
    from termcheck.progress import Progress

__all__ = ["check_paths", "read_target"]


def check_paths(
    glossary: Glossary,
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    sources: MutableMapping[str, str] | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Report:
    """Check every file that ``paths`` names and return one FileResult per file.

    ``-`` reads ``stdin`` (default: the process's standard input). A file that is
    missing, unreadable or undecodable becomes a FileResult with ``error`` set and
    the run goes on. Display paths are the user's, with ``/`` as separator.
    When ``sources`` is given, it receives the text of each checked file.
    ``jobs`` > 1 spreads the files over that many worker processes (same report);
    ``progress`` is told the size of each file as it is done.
    """
    from termcheck.parallel import check_targets  # the matcher is heavy: on use

    targets = list(_targets(paths))
    return check_targets(
        glossary, targets, stdin=stdin, sources=sources, jobs=jobs, progress=progress
    )


def _targets(paths: Sequence[str]) -> Iterator[tuple[str, Path | InputError | None]]:
    """Yield each file's display path with its path (None: stdin) or its error."""
    seen: set[str] = set()
    for given in paths:
        try:
            for display, path in collect_files([given]):
                if display in seen:
                    continue
                seen.add(display)
                yield display, path
        except InputError as error:
            yield error.path or given, error


def read_target(
    display: str, path: Path | None, stdin: TextIO | None
) -> str | InputError:
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
