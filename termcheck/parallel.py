"""Check files one at a time or spread over worker processes, in a fixed order."""

from __future__ import annotations

import os
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from termcheck.errors import InputError
from termcheck.model import FileResult, Glossary, Report

if TYPE_CHECKING:
    from termcheck.index import TermIndex
    from termcheck.progress import Progress

__all__ = ["MIN_PARALLEL_BYTES", "check_targets", "default_jobs"]

MIN_PARALLEL_BYTES: Final = 512_000  # less input than this is checked in-process
_Target = tuple[str, Path | InputError | None]
_Done = tuple[FileResult, str | None, int]
_GLOSSARY: list[Glossary] = []  # the worker's glossary, set once per process


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not on Linux
        return max(os.cpu_count() or 1, 1)


def check_targets(
    glossary: Glossary,
    targets: Sequence[_Target],
    *,
    stdin: TextIO | None = None,
    sources: MutableMapping[str, str] | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Report:
    """One FileResult per target, in target order, whatever ``jobs`` is.

    Files go to ``jobs`` worker processes when there are several files with
    enough text between them; standard input and errors are handled here. Each
    worker gets the glossary once (inherited on fork, else sent at start).
    """
    sizes = [_size(target) for _, target in targets]
    if progress is not None:
        progress.start(len(targets), sum(sizes))
    files = [n for n, (_, target) in enumerate(targets) if isinstance(target, Path)]
    results: list[FileResult | None] = [None] * len(targets)
    want_text = sources is not None
    parallel = jobs > 1 and len(files) > 1 and sum(sizes) >= MIN_PARALLEL_BYTES
    done: Iterator[tuple[int, _Done]] = (
        zip(files, _in_workers(glossary, targets, files, jobs, want_text), strict=True)
        if parallel
        else ((n, _check(glossary, *targets[n], stdin, want_text)) for n in files)
    )
    for number, (result, text, size) in done:
        results[number] = result
        if text is not None and sources is not None:
            sources[result.path] = text
        if progress is not None:
            progress.advance(size)
    for number, (display, target) in enumerate(targets):
        if results[number] is None:  # standard input, or a path that failed
            result, text, size = _check(glossary, display, target, stdin, want_text)
            results[number] = result
            if text is not None and sources is not None:
                sources[display] = text
            if progress is not None:
                progress.advance(size)
    if progress is not None:
        progress.finish()
    return Report(tuple(r for r in results if r is not None))


def _size(target: Path | InputError | None) -> int:
    if not isinstance(target, Path):
        return 0
    try:
        return target.stat().st_size
    except OSError:
        return 0


def _check(
    glossary: Glossary,
    display: str,
    target: Path | InputError | None,
    stdin: TextIO | None,
    want_text: bool,
) -> _Done:
    """Read and check one target; errors become a FileResult with ``error``."""
    from termcheck.checker import check_text
    from termcheck.runner import read_target
    from termcheck.stream import WINDOW_THRESHOLD, check_large_file

    if isinstance(target, InputError):
        return FileResult(display, error=target.problem), None, 0
    size = _size(target)
    if target is not None and size > WINDOW_THRESHOLD and not want_text:
        try:
            findings = check_large_file(glossary, target, display)
        except InputError as error:
            return FileResult(display, error=error.problem), None, size
        return FileResult(display, findings=tuple(findings)), None, size
    text = read_target(display, target, stdin)
    if isinstance(text, InputError):
        return FileResult(display, error=text.problem), None, size
    findings = check_text(glossary, text, path=display)
    return (
        FileResult(display, findings=tuple(findings)),
        text if want_text else None,
        size,
    )


def _in_workers(
    glossary: Glossary,
    targets: Sequence[_Target],
    files: list[int],
    jobs: int,
    want_text: bool,
) -> Iterator[_Done]:
    """Results of the files in order, computed by a pool of worker processes."""
    import multiprocessing

    from termcheck.matcher import index_for

    index = index_for(glossary)  # built once here; forked workers inherit it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    forked = context.get_start_method() == "fork"
    _GLOSSARY[:] = [glossary]
    work = [(targets[n][0], targets[n][1], want_text) for n in files]
    workers = min(jobs, len(work))
    chunk = max(1, min(16, len(work) // (workers * 8)))
    initargs = () if forked else (glossary, index)
    with context.Pool(workers, _start_worker, initargs) as pool:
        yield from pool.imap(_work, work, chunksize=chunk)


def _start_worker(
    glossary: Glossary | None = None, index: TermIndex | None = None
) -> None:
    """Keep the glossary (and its index) sent to a spawned worker."""
    if glossary is not None and index is not None:
        from termcheck.matcher import use_index

        _GLOSSARY[:] = [glossary]
        use_index(glossary, index)


def _work(item: tuple[str, Path | InputError | None, bool]) -> _Done:
    display, target, want_text = item
    return _check(_GLOSSARY[0], display, target, None, want_text)
