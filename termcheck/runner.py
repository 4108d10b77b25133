"""Check many files (and standard input) and gather the results into a Report."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TextIO

from termcheck.errors import FileSkipped, InputError, MatchTimeoutError
from termcheck.files import STDIN, STDIN_NAME, collect_files, decode
from termcheck.guard import DEFAULT_MAX_FILE_SIZE, read_file, read_stream
from termcheck.model import FileResult, Finding, Glossary, Report, Skipped

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
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> Report:
    """Check every file that ``paths`` names and return one FileResult per file.

    ``-`` reads ``stdin`` (default: the process's standard input). A file that is
    missing, unreadable or undecodable becomes a FileResult with ``error`` set and
    the run goes on. Display paths are the user's, with ``/`` as separator.
    When ``sources`` is given, it receives the text of each checked file.
    ``after`` (fixing, baselines) turns each file's findings into its result.
    A file over ``max_file_size`` bytes (None or 0: no limit), or a special
    file met in a folder, is skipped; a regex form that runs out of time makes
    an error for that file only.
    """
    from termcheck.checker import check_text  # the matcher is heavy: load on use

    results: list[FileResult] = []
    for display, path, text in _texts(paths, stdin, max_file_size):
        if isinstance(text, FileSkipped):
            skipped = Skipped(text.problem, text.label, text.warning)
            results.append(FileResult(display, skipped=skipped))
            continue
        if isinstance(text, InputError):
            results.append(FileResult(display, error=text.problem))
            continue
        try:
            findings = check_text(glossary, text, path=display)
            if after is None:
                result = FileResult(display, findings=tuple(findings))
            else:
                check = functools.partial(check_text, glossary, path=display)
                text, result = after(display, path, text, findings, check)
        except MatchTimeoutError as error:
            results.append(FileResult(display, error=_timed_out(error)))
            continue
        if sources is not None:
            sources[display] = text
        results.append(result)
    return Report(tuple(results))


def _texts(
    paths: Sequence[str], stdin: TextIO | None, max_size: int | None
) -> Iterator[tuple[str, Path | None, str | InputError | FileSkipped]]:
    """Yield each file's display path and path with its text, or why it has none."""
    seen: set[str] = set()
    for given in paths:
        walked = given != STDIN and _is_dir(given)
        problems: list[InputError] = []
        try:
            for display, path in collect_files([given], problems=problems):
                if display in seen:
                    continue
                seen.add(display)
                yield display, path, _read(display, path, stdin, walked, max_size)
        except InputError as error:
            yield error.path or given, None, error
        for problem in problems:  # folders inside a walk that could not be listed
            yield problem.path, None, problem


def _is_dir(given: str) -> bool:
    try:
        return Path(given).is_dir()
    except (OSError, ValueError):
        return False


def _read(
    display: str,
    path: Path | None,
    stdin: TextIO | None,
    walked: bool,
    max_size: int | None,
) -> str | InputError | FileSkipped:
    """Read one file (``None``: standard input), catching what goes wrong."""
    try:
        if path is None:
            return _read_stdin(stdin if stdin is not None else sys.stdin, max_size)
        data = read_file(path, name=display, walked=walked, max_size=max_size)
        return decode(data, name=display)
    except (InputError, FileSkipped) as error:
        return error
    except OSError as error:  # reading a stream that went away
        return InputError(f"cannot read: {error.strerror or error}", path=display)


def _read_stdin(stream: TextIO, max_size: int | None) -> str:
    """Read a text stream, decoding its raw bytes ourselves when it has them."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream.read()
    data = read_stream(buffer, name=STDIN_NAME, max_size=max_size)
    return decode(data, name=STDIN_NAME)


def _timed_out(error: MatchTimeoutError) -> str:
    """The per-file message for a regex form that ran out of time."""
    where = f"{error.path}:{error.line}" if error.path and error.line else error.path
    return f"not checked: {error.problem}" + (f" [{where}]" if where else "")
