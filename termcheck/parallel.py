"""Run a per-file job on every target, in order, here or in worker processes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from termcheck.model import FileResult

if TYPE_CHECKING:
    from termcheck.progress import Progress
    from termcheck.runner import FileJob, Target

__all__ = ["MIN_PARALLEL_BYTES", "default_jobs", "run_files"]

MIN_PARALLEL_BYTES: Final = 512_000  # less input than this is checked in-process
_Done = tuple[FileResult | None, str | None]
_JOB: list[Callable[[Target], _Done]] = []  # the worker's job, inherited on fork


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not on Linux
        return max(os.cpu_count() or 1, 1)


def run_files(
    job: FileJob,
    targets: Sequence[Target],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Iterator[_Done]:
    """``job(target)`` for every target, yielded in target order.

    With ``jobs`` > 1, several files and enough bytes, files go to worker
    processes started by fork, which inherit the job with its loaded glossaries
    and indexes; standard input, failed paths and runs with an ``after`` step
    (which writes files) stay in this process. Where fork is not available the
    files are checked here, one after the other.
    """
    sizes = [_size(path) for _, path, _, _ in targets]
    if progress is not None:
        progress.start(len(targets), sum(sizes))
    files = [
        n
        for n, (_, path, _, error) in enumerate(targets)
        if path is not None and error is None
    ]
    spread = (
        jobs > 1
        and len(files) > 1
        and sum(sizes) >= MIN_PARALLEL_BYTES
        and job.after is None
        and _can_fork()
    )
    remote = set(files) if spread else set()
    from_workers = _in_workers(job, targets, files, jobs) if spread else iter(())
    for number, target in enumerate(targets):
        result = next(from_workers) if number in remote else job(target)
        if progress is not None:
            progress.advance(sizes[number])
        yield result
    if progress is not None:
        progress.finish()


def _in_workers(
    job: FileJob, targets: Sequence[Target], files: list[int], jobs: int
) -> Iterator[_Done]:
    """The results of ``files``, in order, from a pool of forked workers."""
    import multiprocessing

    from termcheck.matcher import index_for

    if job.glossary is not None:
        index_for(job.glossary)  # build it once here: the workers inherit it
    _JOB[:] = [job]
    work = [targets[n] for n in files]
    workers = min(jobs, len(work))
    chunk = max(1, min(16, len(work) // (workers * 8)))
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_work, work, chunksize=chunk)
    finally:
        _JOB.clear()


def _work(target: Target) -> _Done:
    return _JOB[0](target)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _size(path: Path | None) -> int:
    if path is None:
        return 0
    try:
        return path.stat().st_size
    except OSError:
        return 0
