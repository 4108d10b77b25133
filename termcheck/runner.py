"""Check many files (and standard input) and gather the results into a Report."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TextIO

from termcheck.errors import InputError
from termcheck.files import STDIN_NAME, collect_files, decode, read_text
from termcheck.model import FileResult, Finding, Glossary, Report

__all__ = ["AfterCheck", "check_paths"]

AfterCheck = Callable[
    [str, Path | None, str, list[Finding], Callable[[str], list[Finding]]],
    tuple[str, FileResult],
]
"""Run on each checked file with its display path, path (None: stdin), text,
findings and a function that checks a new text of it; returns the text to
report on and the FileResult (see ``termcheck.postcheck``)."""


def check_paths(
    glossary: Glossary,
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    sources: MutableMapping[str, str] | None = None,
    after: AfterCheck | None = None,
) -> Report:
    """Check every file that ``paths`` names and return one FileResult per file.

    ``-`` reads ``stdin`` (default: the process's standard input). A file that is
    missing, unreadable or undecodable becomes a FileResult with ``error`` set and
    the run goes on. Display paths are the user's, with ``/`` as separator.
    When ``sources`` is given, it receives the text of each checked file.
    ``after`` (fixing, baselines) turns each file's findings into its result.
    """
    from termcheck.checker import check_text  # the matcher is heavy: load on use

    results: list[FileResult] = []
    for display, path, text in _texts(paths, stdin):
        if isinstance(text, InputError):
            results.append(FileResult(display, error=text.problem))
            continue
        findings = check_text(glossary, text, path=display)
        if after is None:
            result = FileResult(display, findings=tuple(findings))
        else:
            check = functools.partial(check_text, glossary, path=display)
            text, result = after(display, path, text, findings, check)
        if sources is not None:
            sources[display] = text
        results.append(result)
    return Report(tuple(results))


def _texts(
    paths: Sequence[str], stdin: TextIO | None
) -> Iterator[tuple[str, Path | None, str | InputError]]:
    """Yield each file's display path and path with its text, or why it has none."""
    seen: set[str] = set()
    for given in paths:
        try:
            for display, path in collect_files([given]):
                if display in seen:
                    continue
                seen.add(display)
                yield display, path, _read(display, path, stdin)
        except InputError as error:
            yield error.path or given, None, error


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
