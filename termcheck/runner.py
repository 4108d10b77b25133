"""Check many files (and standard input) and gather the results into a Report."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from termcheck.caps import cut
from termcheck.errors import (
    BinaryFileError,
    FileSkipped,
    InputError,
    MatchTimeoutError,
)
from termcheck.files import STDIN, STDIN_NAME, collect_files, decode
from termcheck.guard import DEFAULT_MAX_FILE_SIZE, inspect_file, read_file, read_stream
from termcheck.model import FileResult, Finding, Glossary, Report, Skipped

if TYPE_CHECKING:
    from termcheck.directives import Outcome
    from termcheck.progress import Progress
    from termcheck.project import Project
    from termcheck.selection import Selection

__all__ = [
    "AfterCheck",
    "FileJob",
    "Target",
    "check_paths",
    "iter_checked",
    "read_texts",
]

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
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> Report:
    """Check every file that ``paths`` names and return one FileResult per file.

    ``-`` reads ``stdin`` (default: the process's standard input). A file that is
    missing, unreadable or undecodable becomes a FileResult with ``error`` set and
    the run goes on; a binary file found in a folder is passed over. Display
    paths are the user's, with ``/`` as separator; files are checked, and
    results listed, in the order of their display paths. When ``sources`` is
    given, it receives the text of each checked file. ``project`` gives each
    file its markup, glossaries and disabled terms (default: ``glossary`` for
    all, the markup by file ending, git's ignore rules when walking);
    ``encoding`` forces a codec; ``inline_config=False`` ignores ``termcheck:``
    directives. ``after`` (fixing, baselines) turns each file's findings into
    its result. A file over ``max_file_size`` bytes (None or 0: no limit), or a
    special file met in a folder, is skipped; a regex form that runs out of
    time makes an error for that file only. ``jobs`` > 1 spreads the files over
    worker processes (the same report; None: one per CPU); ``progress`` is
    told the size of each file when done. :func:`iter_checked` gives the same
    results one at a time, as files finish.
    """
    from termcheck.project import Project

    project = project or Project()
    results: list[FileResult] = []
    for result, text in iter_checked(
        glossary,
        paths,
        stdin=stdin,
        want_text=sources is not None,
        project=project,
        inline_config=inline_config,
        encoding=encoding,
        after=after,
        max_file_size=max_file_size,
        jobs=jobs,
        progress=progress,
    ):
        if sources is not None and text is not None:
            sources[result.path] = text
        results.append(result)
    warnings = project.selection.unmatched_includes()
    return Report(tuple(results), warnings=warnings)


def iter_checked(
    glossary: Glossary | None,
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    want_text: bool = False,
    project: Project | None = None,
    inline_config: bool = True,
    encoding: str | None = None,
    after: AfterCheck | None = None,
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
    jobs: int | None = 1,
    progress: Progress | None = None,
    fingerprints: bool = False,
    max_per_file: int | None = None,
) -> Iterator[tuple[FileResult, str | None]]:
    """Yield each file's result (and its text, if ``want_text``) as it is done.

    As :func:`check_paths`, in the order of the display paths, each result's
    findings sorted by line, column and term. ``fingerprints`` fills in each
    result's baseline fingerprints; ``max_per_file`` lists at most that many
    findings of a file (the rest are counted as omitted). The run's warnings
    are ``project.selection.unmatched_includes()`` once the files are done.
    """
    from termcheck.parallel import default_jobs, run_files
    from termcheck.project import Project

    project = project or Project()
    job = FileJob(
        glossary, project, stdin, encoding, inline_config, after,
        want_text, max_file_size, fingerprints, max_per_file,
    )  # fmt: skip
    targets = sorted(
        _targets(paths, project.selection, project.stdin_name), key=lambda t: t[0]
    )
    where = {target[0]: target[1] for target in targets}
    jobs = default_jobs() if jobs is None else jobs
    for result, text in run_files(job, targets, jobs=jobs, progress=progress):
        if result is None:
            continue  # a binary file met in a folder
        if result.error is None and result.skipped is None:
            project.settings_for(result.path, where[result.path])  # a worker's record
        yield result, text


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
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    fingerprints: bool = False
    max_per_file: int | None = None

    def __call__(self, target: Target) -> tuple[FileResult | None, str | None]:
        """The file's result and text (if wanted); None for a skipped binary."""
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
            return self._check(glossary, display, path, walked, settings)
        except BinaryFileError as binary:
            return (None if walked else FileResult(display, error=binary.problem)), None
        except FileSkipped as skip:
            return _skipped(display, skip), None
        except InputError as failure:
            return FileResult(display, error=failure.problem), None
        except MatchTimeoutError as timeout:
            return FileResult(display, error=_timed_out(timeout)), None

    def _check(
        self,
        glossary: Glossary,
        display: str,
        path: Path | None,
        walked: bool,
        settings: Any,
    ) -> tuple[FileResult | None, str | None]:
        """Read and check one file; errors are raised for ``__call__`` to report."""
        from termcheck.checker import check_document  # the matcher: load on use

        windowed = self._windowed(glossary, display, path, walked, settings)
        if windowed is not None:
            return cut(windowed.in_order(), self.max_per_file), None
        text = _read(
            display, path, self.stdin, self.encoding, walked, self.max_file_size
        )
        if isinstance(text, Exception):
            raise text
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
        result = cut(result.in_order(), self.max_per_file)
        if self.fingerprints:
            from termcheck.baseline import fingerprints

            marks = fingerprints(result.findings, {display: text})
            result = replace(result, fingerprints=tuple(marks))
        return result, text if self.want_text else None

    def _windowed(
        self,
        glossary: Glossary,
        display: str,
        path: Path | None,
        walked: bool,
        settings: Any,
    ) -> FileResult | None:
        """A huge plain-text file checked window by window, if it qualifies."""
        from termcheck import stream

        if (
            path is None
            or settings.markup != "plain"
            or self.encoding is not None
            or self.after is not None
            or self.want_text
            or self.fingerprints
        ):
            return None
        # The same checks as a read (kind of file, size limit), without reading.
        size = inspect_file(
            path, name=display, walked=walked, max_size=self.max_file_size
        )
        if size <= stream.WINDOW_THRESHOLD:
            return None
        return stream.check_plain_file(
            glossary, path, display, self.inline_config, settings.disable
        )


def _skipped(display: str, skip: FileSkipped) -> FileResult:
    return FileResult(display, skipped=Skipped(skip.problem, skip.label, skip.warning))


def _findings_of(check: Callable[[str], Outcome]) -> Callable[[str], list[Finding]]:
    """``check`` as a function from a text to its findings (for re-checks)."""
    return lambda text: list(check(text).findings)


def read_texts(
    paths: Sequence[str], *, stdin: TextIO | None = None
) -> Iterator[tuple[str, Path | None, str | InputError | FileSkipped]]:
    """Yield ``(display path, path, text)`` for every file ``paths`` names, as
    ``check`` reads them; the text is an InputError for a file that cannot be
    read (FileSkipped for one passed over: too large, or a FIFO met in a
    folder), and the path is None for standard input."""
    return _texts(paths, stdin)


def _texts(
    paths: Sequence[str],
    stdin: TextIO | None,
    selection: Selection | None = None,
    encoding: str | None = None,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> Iterator[tuple[str, Path | None, str | InputError | FileSkipped]]:
    """Yield each file's display path and path with its text, or why it has none."""
    for display, path, walked, error in _targets(paths, selection):
        if error is not None:
            yield display, None, error
            continue
        text = _read(display, path, stdin, encoding, walked, max_size)
        if walked and isinstance(text, BinaryFileError):
            continue  # binary files met in a folder are not prose
        yield display, path, text


def _targets(
    paths: Sequence[str], selection: Selection | None, stdin_name: str | None = None
) -> Iterator[Target]:
    """Every file to check, in order, each once; paths that fail carry the error."""
    seen: set[str] = set()
    for given in paths:
        walked = given != STDIN and _is_dir(given)
        problems: list[InputError] = []
        try:
            for display, path in collect_files(
                [given], selection, problems=problems, stdin_name=stdin_name
            ):
                if display in seen:
                    continue
                seen.add(display)
                yield display, path, walked, None
        except InputError as error:
            yield error.path or given, None, False, error
        for problem in problems:  # folders inside a walk that could not be listed
            yield problem.path, None, False, problem


def _is_dir(given: str) -> bool:
    try:
        return Path(given).is_dir()
    except (OSError, ValueError):
        return False


def _read(
    display: str,
    path: Path | None,
    stdin: TextIO | None,
    encoding: str | None,
    walked: bool = False,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> str | InputError | FileSkipped:
    """Read one file (``None``: standard input), catching what goes wrong."""
    try:
        if path is None:
            stream = stdin if stdin is not None else sys.stdin
            return _read_stdin(stream, encoding, max_size, display)
        data = read_file(path, name=display, walked=walked, max_size=max_size)
        return decode(data, name=display, encoding=encoding)
    except (InputError, FileSkipped) as error:
        return error
    except OSError as error:  # reading a stream that went away
        return InputError(f"cannot read: {error.strerror or error}", path=display)


def _read_stdin(
    stream: TextIO,
    encoding: str | None = None,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    name: str = STDIN_NAME,
) -> str:
    """Read a text stream, decoding its raw bytes ourselves when it has them."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream.read()
    data = read_stream(buffer, name=name, max_size=max_size)
    return decode(data, name=name, encoding=encoding)


def _timed_out(error: MatchTimeoutError) -> str:
    """The per-file message for a regex form that ran out of time."""
    where = f"{error.path}:{error.line}" if error.path and error.line else error.path
    return f"not checked: {error.problem}" + (f" [{where}]" if where else "")
