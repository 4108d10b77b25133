"""Check many files (and standard input) and gather the results into a Report."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from termcheck.errors import BinaryFileError, InputError
from termcheck.files import STDIN, STDIN_NAME, collect_files, decode, read_text
from termcheck.model import FileResult, Finding, Glossary, Report

if TYPE_CHECKING:
    from termcheck.directives import Outcome
    from termcheck.project import Project
    from termcheck.selection import Selection

__all__ = ["AfterCheck", "check_paths", "read_texts"]

AfterCheck = Callable[
    [str, Path | None, str, list[Finding], Callable[[str], list[Finding]]],
    tuple[str, FileResult],
]
"""Run on each checked file with its display path, path (None: stdin), text,
findings and a function that checks a new text of it; returns the text to
report on and the FileResult (see ``termcheck.postcheck``)."""


def check_paths(
    glossary: Glossary | None,
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    sources: MutableMapping[str, str] | None = None,
    project: Project | None = None,
    inline_config: bool = True,
    encoding: str | None = None,
    after: AfterCheck | None = None,
) -> Report:
    """Check every file that ``paths`` names and return one FileResult per file.

    ``-`` reads ``stdin`` (default: the process's standard input). A file that is
    missing, unreadable or undecodable becomes a FileResult with ``error`` set and
    the run goes on; a binary file found in a folder is passed over. Display
    paths are the user's, with ``/`` as separator. When ``sources`` is given, it
    receives the text of each checked file. ``project`` gives each file its
    markup, glossaries and disabled terms (default: ``glossary`` for all, the
    markup by file ending, git's ignore rules when walking); ``encoding``
    forces a codec; ``inline_config=False`` ignores ``termcheck:`` directives.
    ``after`` (fixing, baselines) turns each file's findings into its result.
    """
    from termcheck.checker import check_document  # the matcher is heavy: load on use
    from termcheck.project import Project

    project = project or Project()
    results: list[FileResult] = []
    for display, path, text in _texts(paths, stdin, project.selection, encoding):
        if isinstance(text, InputError):
            results.append(FileResult(display, error=text.problem))
            continue
        settings = project.settings_for(display, path)
        file_glossary = (
            project.glossary(settings.glossaries)
            if settings.glossaries or glossary is None
            else glossary
        )
        check = functools.partial(
            check_document,
            file_glossary,
            path=display,
            markup=settings.markup,
            inline_config=inline_config,
            disabled=settings.disable,
        )
        outcome = check(text)
        result = FileResult(display, outcome.findings, suppressed=outcome.suppressed)
        if after is not None:
            text, result = after(
                display, path, text, list(outcome.findings), _findings_of(check)
            )
            result = replace(result, suppressed=outcome.suppressed)
        if sources is not None:
            sources[display] = text
        results.append(result)
    return Report(tuple(results))


def _findings_of(check: Callable[[str], Outcome]) -> Callable[[str], list[Finding]]:
    """``check`` as a function from a text to its findings (for re-checks)."""
    return lambda text: list(check(text).findings)


def read_texts(
    paths: Sequence[str], *, stdin: TextIO | None = None
) -> Iterator[tuple[str, Path | None, str | InputError]]:
    """Yield ``(display path, path, text)`` for every file ``paths`` names, as
    ``check`` reads them; the text is an InputError for a file that cannot be
    read, and the path is None for standard input."""
    return _texts(paths, stdin)


def _texts(
    paths: Sequence[str],
    stdin: TextIO | None,
    selection: Selection | None = None,
    encoding: str | None = None,
) -> Iterator[tuple[str, Path | None, str | InputError]]:
    """Yield each file's display path and path with its text, or why it has none."""
    seen: set[str] = set()
    for given in paths:
        walked = given != STDIN and Path(given).is_dir()
        try:
            for display, path in collect_files([given], selection):
                if display in seen:
                    continue
                seen.add(display)
                text = _read(display, path, stdin, encoding)
                if walked and isinstance(text, BinaryFileError):
                    continue  # binary files met in a folder are not prose
                yield display, path, text
        except InputError as error:
            yield error.path or given, None, error


def _read(
    display: str, path: Path | None, stdin: TextIO | None, encoding: str | None
) -> str | InputError:
    """Read one file (``None``: standard input), catching what goes wrong."""
    try:
        if path is None:
            return _read_stdin(stdin if stdin is not None else sys.stdin, encoding)
        return read_text(path, encoding=encoding)
    except InputError as error:
        return error
    except OSError as error:  # reading a stream that went away
        return InputError(f"cannot read: {error.strerror or error}", path=display)


def _read_stdin(stream: TextIO, encoding: str | None = None) -> str:
    """Read a text stream, decoding its raw bytes ourselves when it has them."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream.read()
    data: bytes = buffer.read()
    return decode(data, name=STDIN_NAME, encoding=encoding)
