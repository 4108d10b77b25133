"""Tests for building large structures with the garbage collector paused."""

from __future__ import annotations

import gc

import pytest

from termcheck.bulk import bulk, paused_gc


class TestPausedGc:
    """The collector is off inside and as it was afterwards."""

    @pytest.mark.parametrize("enabled", [True, False])
    def test_restores_the_previous_state(self, enabled):
        """Enabled stays enabled, disabled stays disabled, even after an error."""
        was = gc.isenabled()
        try:
            (gc.enable if enabled else gc.disable)()
            seen: list[bool] = []

            def fail_inside() -> None:
                with paused_gc():
                    seen.append(gc.isenabled())
                    raise ZeroDivisionError

            with pytest.raises(ZeroDivisionError):
                fail_inside()
            assert seen == [False]
            assert gc.isenabled() is enabled
        finally:
            (gc.enable if was else gc.disable)()

    def test_decorator(self):
        """A decorated function runs with the collector off and returns its value."""

        @bulk
        def state() -> bool:
            return gc.isenabled()

        assert state() is False
        assert gc.isenabled()
