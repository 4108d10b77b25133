"""Run a per-file job on every target, in order, here or in worker processes."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from termcheck.model import FileResult

if TYPE_CHECKING:
    from termcheck.progress import Progress
    from termcheck.runner import FileJob, Target

__all__ = ["MIN_PARALLEL_BYTES", "default_jobs", "run_files"]

MIN_PARALLEL_BYTES: Final = 512_000  # less input than this is checked in-process
STALL: Final = "TERMCHECK_TEST_STALL"  # tests only: see _Stalling
_Done = tuple[FileResult | None, str | None]


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
    try:
        for number, target in enumerate(targets):
            result = next(from_workers) if number in remote else job(target)
            if progress is not None:
                progress.advance(sizes[number])
            yield result
    finally:
        close = getattr(from_workers, "close", None)
        if close is not None:
            close()  # a run cut short stops its workers now
    if progress is not None:
        progress.finish()


def _in_workers(
    job: FileJob, targets: Sequence[Target], files: list[int], jobs: int
) -> Iterator[_Done]:
    """The results of ``files``, in order, from forked workers.

    A worker that dies (``kill -9``, the out-of-memory killer) makes the file
    it was checking an error; the other files are still checked.
    """
    from termcheck.matcher import index_for
    from termcheck.workers import run_forked

    if job.glossary is not None:
        index_for(job.glossary)  # build it once here: the workers inherit it
    work = [targets[n] for n in files]
    checker = _Stalling(job) if os.environ.get(STALL) else job
    yield from run_forked(checker, work, min(jobs, len(work)), _lost)


def _lost(target: Target, why: str) -> _Done:
    """The result of a file whose worker died while checking it."""
    return FileResult(target[0], error=f"not checked: {why}"), None


@dataclass(frozen=True)
class _Stalling:
    """For tests: the worker that takes the file named by ``$TERMCHECK_TEST_STALL``
    stops itself (SIGSTOP) before checking it, so a test can kill it."""

    job: FileJob

    def __call__(self, target: Target) -> _Done:
        if target[0] == os.environ.get(STALL):
            os.kill(os.getpid(), signal.SIGSTOP)
        return self.job(target)


def _can_fork() -> bool:
    return hasattr(os, "fork")


def _size(path: Path | None) -> int:
    if path is None:
        return 0
    try:
        return path.stat().st_size
    except OSError:
        return 0
