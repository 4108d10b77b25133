"""A small pool of forked worker processes that notices when one dies.

``multiprocessing.Pool`` waits for ever for the task of a worker killed by
``kill -9`` or the kernel's out-of-memory killer. Here each worker has its own
pipe and is given one task at a time, so the parent always knows which task a
worker holds: when the pipe reports end of file, that task is reported lost
and a new worker takes the rest.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from termcheck.transfer import dump, load

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

__all__ = ["WorkerCrash", "run_forked"]

Item = TypeVar("Item")
Out = TypeVar("Out")


class WorkerCrash(Exception):
    """A task raised an exception in a worker (a bug); its type and message."""


@dataclass
class _Worker(Generic[Item]):
    pid: int
    pipe: Connection
    task: int | None = None  # the index of the item it holds


def run_forked(
    job: Callable[[Item], Out],
    items: Sequence[Item],
    workers: int,
    lost: Callable[[Item, str], Out],
    *,
    window: int | None = None,
) -> Generator[Out, None, None]:
    """``job(item)`` for every item, yielded in order, from forked workers.

    A worker that dies while holding an item (a signal, ``os._exit``) makes
    ``lost(item, why)`` that item's result; the other items are still done.
    At most ``window`` items (default: four per worker) are handed out past the
    first one not yet yielded, so results waiting for their turn stay few.
    An exception raised by ``job`` is raised here.
    """
    ahead = window or 4 * workers
    pool: list[_Worker[Item]] = []
    done: dict[int, bytes] = {}  # pickled results waiting for their turn
    given = 0  # items handed out so far
    try:
        for _ in range(min(workers, len(items))):
            pool.append(_start(job, pool))
        for number in range(len(items)):
            while number not in done:
                for worker in list(pool):
                    if worker.task is None and given < min(len(items), number + ahead):
                        _hand_out(worker, given, items[given], pool, job)
                        given += 1
                _collect(pool, items, done, lost, job, more=given < len(items))
            yield load(done.pop(number))
    finally:
        _stop(pool)


def _hand_out(
    worker: _Worker[Item],
    number: int,
    item: Item,
    pool: list[_Worker[Item]],
    job: Callable[[Item], Out],
) -> None:
    """Give ``item`` to ``worker``, or to a new worker if it died idle."""
    try:
        worker.pipe.send((number, item))
    except OSError:  # it died between two tasks: replace it and try again
        _bury(worker, pool)
        worker = _start(job, pool)
        pool.append(worker)
        worker.pipe.send((number, item))
    worker.task = number


def _collect(
    pool: list[_Worker[Item]],
    items: Sequence[Item],
    done: dict[int, bytes],
    lost: Callable[[Item, str], Out],
    job: Callable[[Item], Out],
    *,
    more: bool,
) -> None:
    """Wait for at least one busy worker to answer or die; file its result.

    A dead worker is replaced when ``more`` items are still to be handed out.
    """
    from multiprocessing.connection import wait

    busy = {worker.pipe: worker for worker in pool if worker.task is not None}
    assert busy, "an item is awaited but no worker holds one"
    for pipe in wait(list(busy)):
        worker = busy[pipe]  # type: ignore[index]
        task = worker.task
        assert task is not None
        try:
            data = worker.pipe.recv_bytes()
        except (EOFError, OSError):
            why = _bury(worker, pool)
            done[task] = dump(lost(items[task], why))
            if more or not pool:
                pool.append(_start(job, pool))
            continue
        worker.task = None
        if data[:1] == b"!":  # the job raised (a bug): say so here
            raise WorkerCrash(data[1:].decode("utf-8", "replace"))
        done[task] = data


def _start(job: Callable[[Item], Out], pool: list[_Worker[Item]]) -> _Worker[Item]:
    """Fork a worker that runs ``job`` on each item sent down its pipe."""
    from multiprocessing.connection import Pipe

    mine, theirs = Pipe()
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; it leaves by os._exit
        code = 1
        try:
            mine.close()
            for other in pool:
                other.pipe.close()
            _serve(theirs, job)
            code = 0
        finally:
            os._exit(code)
    theirs.close()
    return _Worker(pid, mine)


def _serve(pipe: Connection, job: Callable[[Item], Out]) -> None:  # pragma: no cover
    """The worker's loop: a task in, its pickled result out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            message = pipe.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        _, item = message
        try:
            data = dump(job(item))
        except Exception as error:  # a bug: the parent raises WorkerCrash
            data = b"!" + f"{type(error).__name__}: {error}".encode()
        try:
            pipe.send_bytes(data)
        except OSError:
            return


def _bury(worker: _Worker[Item], pool: list[_Worker[Item]]) -> str:
    """Remove a dead worker from ``pool``, reap it, and say how it ended."""
    pool.remove(worker)
    worker.pipe.close()
    try:
        _, status = os.waitpid(worker.pid, 0)
    except ChildProcessError:
        return "its worker process ended"
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        name = _signal_name(-code)
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"its worker process was killed by {name}{hint}"
    return f"its worker process exited with status {code}"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _stop(pool: list[_Worker[Item]]) -> None:
    """Let idle workers leave, kill busy ones (the run was cut short), reap all."""
    for worker in pool:
        try:
            if worker.task is None:
                worker.pipe.send(None)
            else:
                os.kill(worker.pid, signal.SIGKILL)
        except OSError:
            pass
        worker.pipe.close()
    for worker in pool:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(worker.pid, 0)
    pool.clear()
