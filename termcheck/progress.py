"""A progress bar on standard error for long runs on a terminal."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Final, TextIO

__all__ = ["DELAY_SECONDS", "Progress", "progress_for", "progress_wanted"]

DELAY_SECONDS: Final = 2.0  # runs shorter than this never show the bar
_REDRAW_SECONDS: Final = 0.1
_BAR: Final = 24
# Set by CI services; their logs are not terminals even when they look like one.
_CI_VARIABLES: Final = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD")


def progress_wanted(
    stream: TextIO, output_format: str, environ: Mapping[str, str] | None = None
) -> bool:
    """True when ``stream`` is a terminal, not in CI, and the output is text."""
    env = os.environ if environ is None else environ
    if output_format != "text" or any(env.get(name) for name in _CI_VARIABLES):
        return False
    if env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress_for(stream: TextIO, output_format: str) -> Progress | None:
    """A Progress on ``stream`` if :func:`progress_wanted`, else None."""
    return Progress(stream) if progress_wanted(stream, output_format) else None


class Progress:
    """Files done of all, MB/s and time left, redrawn in place after DELAY_SECONDS."""

    def __init__(
        self,
        stream: TextIO,
        *,
        delay: float = DELAY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._delay = delay
        self._clock = clock
        self._started = clock()
        self._drawn_at = 0.0
        self._shown = False
        self.files = self.done_files = 0
        self.total_bytes = self.done_bytes = 0

    def start(self, files: int, total_bytes: int) -> None:
        """Announce how much work there is."""
        self.files, self.total_bytes = files, total_bytes
        self._started = self._clock()

    def advance(self, size: int) -> None:
        """One more file of ``size`` bytes is done."""
        self.done_files += 1
        self.done_bytes += size
        now = self._clock()
        if now - self._started < self._delay or now - self._drawn_at < _REDRAW_SECONDS:
            return
        self._drawn_at = now
        self._shown = True
        self._stream.write("\r" + self.line(now) + "\x1b[K")
        self._stream.flush()

    def line(self, now: float) -> str:
        """The text of the bar at time ``now``."""
        elapsed = max(now - self._started, 1e-9)
        share = self.done_bytes / self.total_bytes if self.total_bytes else 1.0
        filled = round(_BAR * min(share, 1.0))
        rate = self.done_bytes / 1e6 / elapsed
        eta = "--:--"
        if self.done_bytes:
            left = (self.total_bytes - self.done_bytes) / (self.done_bytes / elapsed)
            eta = _clock_time(left)
        return (
            f"[{'#' * filled}{'.' * (_BAR - filled)}] {self.done_files}/{self.files}"
            f" files  {rate:.1f} MB/s  ETA {eta}"
        )

    def finish(self) -> None:
        """Erase the bar, if it was drawn, so the report starts on a clean line."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


def _clock_time(seconds: float) -> str:
    minutes, rest = divmod(max(int(seconds + 0.5), 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{rest:02d}" if hours else f"{minutes}:{rest:02d}"
