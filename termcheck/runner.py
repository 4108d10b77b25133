"""Check many files (and standard input) and gather the results into a Report."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from termcheck.errors import BinaryFileError, InputError
from termcheck.files import STDIN, STDIN_NAME, collect_files, decode, read_text
from termcheck.model import FileResult, Finding, Glossary, Report

if TYPE_CHECKING:
    from termcheck.directives import Outcome
    from termcheck.progress import Progress
    from termcheck.project import Project
    from termcheck.selection import Selection

__all__ = ["AfterCheck", "FileJob", "Target", "check_paths", "read_texts"]

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
    jobs: int | None = 1,
    progress: Progress | None = None,
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
    ``jobs`` > 1 spreads the files over worker processes (the same report;
    None: one per CPU); ``progress`` is told the size of each file when done.
    """
    from termcheck.parallel import default_jobs, run_files
    from termcheck.project import Project

    project = project or Project()
    job = FileJob(glossary, project, stdin, encoding, inline_config, after,
                  sources is not None)
    targets = list(_targets(paths, project.selection))
    results: list[FileResult] = []
    where = {target[0]: target[1] for target in targets}
    jobs = default_jobs() if jobs is None else jobs
    for result, text in run_files(job, targets, jobs=jobs, progress=progress):
        if result is None:
            continue  # a binary file met in a folder
        if result.error is None:  # (again) here: a worker's record stays there
            project.settings_for(result.path, where[result.path])
        if sources is not None and text is not None:
            sources[result.path] = text
        results.append(result)
    return Report(tuple(results))


Target = tuple[str, Path | None, bool, InputError | None]
"""Display path, path (None: stdin), whether a folder walk found it, its error."""


@dataclass(frozen=True)
class FileJob:
    """Reads and checks one file; the same in this process or in a worker."""

    glossary: Glossary | None
    project: Project
    stdin: TextIO | None
    encoding: str | None
    inline_config: bool
    after: AfterCheck | None
    want_text: bool

    def __call__(self, target: Target) -> tuple[FileResult | None, str | None]:
        """The file's result and text (if wanted); None for a skipped binary."""
        from termcheck.checker import check_document  # the matcher: load on use

        display, path, walked, error = target
        if error is not None:
            return FileResult(display, error=error.problem), None
        settings = self.project.settings_for(display, path)
        glossary = (
            self.project.glossary(settings.glossaries)
            if settings.glossaries or self.glossary is None
            else self.glossary
        )
        try:
            windowed = self._windowed(glossary, display, path, settings)
        except BinaryFileError as binary:
            return (None if walked else FileResult(display, error=binary.problem)), None
        if windowed is not None:
            return windowed, None
        text = _read(display, path, self.stdin, self.encoding)
        if walked and isinstance(text, BinaryFileError):
            return None, None
        if isinstance(text, InputError):
            return FileResult(display, error=text.problem), None
        check = functools.partial(
            check_document,
            glossary,
            path=display,
            markup=settings.markup,
            inline_config=self.inline_config,
            disabled=settings.disable,
        )
        outcome = check(text)
        result = FileResult(display, outcome.findings, suppressed=outcome.suppressed)
        if self.after is not None:
            text, result = self.after(
                display, path, text, list(outcome.findings), _findings_of(check)
            )
            result = replace(result, suppressed=outcome.suppressed)
        return result, text if self.want_text else None

    def _windowed(
        self, glossary: Glossary, display: str, path: Path | None, settings: Any
    ) -> FileResult | None:
        """A huge plain-text file checked window by window, if it qualifies."""
        from termcheck import stream

        if (
            path is None
            or settings.markup != "plain"
            or self.encoding is not None
            or self.after is not None
            or self.want_text
        ):
            return None
        try:
            if path.stat().st_size <= stream.WINDOW_THRESHOLD:
                return None
        except OSError:
            return None
        return stream.check_plain_file(
            glossary, path, display, self.inline_config, settings.disable
        )


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
    for display, path, walked, error in _targets(paths, selection):
        if error is not None:
            yield display, None, error
            continue
        text = _read(display, path, stdin, encoding)
        if walked and isinstance(text, BinaryFileError):
            continue  # binary files met in a folder are not prose
        yield display, path, text


def _targets(paths: Sequence[str], selection: Selection | None) -> Iterator[Target]:
    """Every file to check, in order, each once; paths that fail carry the error."""
    seen: set[str] = set()
    for given in paths:
        walked = given != STDIN and Path(given).is_dir()
        try:
            for display, path in collect_files([given], selection):
                if display in seen:
                    continue
                seen.add(display)
                yield display, path, walked, None
        except InputError as error:
            yield error.path or given, None, False, error


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
