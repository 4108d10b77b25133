"""Tests for termcheck.workers: forked workers, in order, and dead ones noticed."""

from __future__ import annotations

import os
import signal

import pytest

from termcheck.workers import WorkerCrash, run_forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def square(number: int) -> int:
    return number * number


def lost(number: int, why: str) -> int:
    """Stands for a lost item: its negative (why is checked separately)."""
    LOST.append((number, why))
    return -number


LOST: list[tuple[int, str]] = []


@pytest.fixture(autouse=True)
def _clear() -> None:
    LOST.clear()


def no_children_left() -> bool:
    """True when this process has no child left to reap."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


class TestOrder:
    """Results come back in item order, whatever the number of workers."""

    @pytest.mark.parametrize("workers", [1, 2, 3])
    def test_in_order(self, workers):
        items = list(range(40))
        assert list(run_forked(square, items, workers, lost)) == [n * n for n in items]
        assert LOST == []
        assert no_children_left()

    def test_small_window(self):
        """A window of one item still gives every result, in order."""
        items = list(range(10))
        results = list(run_forked(square, items, 3, lost, window=1))
        assert results == [n * n for n in items]

    def test_stopped_early(self):
        """A consumer that stops after two results leaves no worker behind."""
        results = run_forked(square, list(range(50)), 2, lost)
        assert [next(results), next(results)] == [0, 1]
        results.close()
        assert no_children_left()


class TestDeadWorker:
    """A worker that dies loses its item only; the others are still done."""

    @staticmethod
    def killed_at_five(number: int) -> int:
        if number == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        return number * number

    @staticmethod
    def exits_at_three(number: int) -> int:
        if number == 3:
            os._exit(7)
        return number * number

    def test_sigkill(self):
        """SIGKILL (as the out-of-memory killer sends) is named, with a hint."""
        results = list(run_forked(self.killed_at_five, list(range(12)), 2, lost))
        assert results == [-5 if n == 5 else n * n for n in range(12)]
        assert LOST == [
            (5, "its worker process was killed by SIGKILL (out of memory?)")
        ]
        assert no_children_left()

    def test_exit_status(self):
        """A worker that exits is reported with its status."""
        results = list(run_forked(self.exits_at_three, list(range(8)), 3, lost))
        assert results == [-3 if n == 3 else n * n for n in range(8)]
        assert LOST == [(3, "its worker process exited with status 7")]

    def test_every_worker_dies(self):
        """With one worker dying on every item, each item is lost, none hangs."""

        def always(number: int) -> int:
            os.kill(os.getpid(), signal.SIGKILL)
            return number

        assert list(run_forked(always, [1, 2, 3], 2, lost)) == [-1, -2, -3]
        assert sorted(number for number, _ in LOST) == [1, 2, 3]
        assert no_children_left()


class TestBug:
    """An exception in the job is a bug: raised here, workers stopped."""

    def test_exception_is_raised(self):
        def boom(number: int) -> int:
            if number == 4:
                raise ValueError("boom at four")
            return number

        with pytest.raises(WorkerCrash, match="ValueError: boom at four"):
            list(run_forked(boom, list(range(10)), 2, lost))
        assert no_children_left()
