"""Where reports go: standard output, or a file written atomically or in place.

Reports are written line by line as files finish, in batches, so that a run
with a million findings never holds its report in memory.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Final, TextIO

from termcheck.atomic import AtomicFile
from termcheck.errors import InputError
from termcheck.model import FileResult, Finding
from termcheck.transfer import dump, load

__all__ = [
    "BATCH",
    "Console",
    "LineBuffer",
    "ReportFile",
    "ResultSpool",
    "names_stream",
]

BATCH: Final = 1 << 16
"""Characters gathered before a write."""


class LineBuffer:
    """Lines gathered into batches for ``write``; ``flush`` sends what is left."""

    def __init__(self, write: Callable[[str], None], *, batch: int = BATCH) -> None:
        self._write = write
        self._batch = batch
        self._lines: list[str] = []
        self._size = 0

    def add(self, line: str) -> None:
        """Queue one line (without its line ending)."""
        self._lines.append(line)
        self._size += len(line) + 1
        if self._size >= self._batch:
            self.flush()

    def extend(self, lines: Iterable[str]) -> None:
        """Queue every line of ``lines``."""
        queued, size, batch = self._lines, self._size, self._batch
        for line in lines:  # add() inlined: a report may have millions of lines
            queued.append(line)
            size += len(line) + 1
            if size >= batch:
                self._size = size
                self.flush()
                size = 0
        self._size = size

    def flush(self) -> None:
        """Write the queued lines now."""
        if self._lines:
            chunk = "\n".join(self._lines) + "\n"
            self._lines.clear()
            self._size = 0
            self._write(chunk)


class Console:
    """Standard output in batches; a line for standard error flushes it first,
    so that each line stands where it belongs in the run.

    ``out`` writes a chunk of text to standard output, ``err`` a line to
    standard error. ``taken`` is set when standard output holds a file
    (``--write-baseline /dev/stdout``) and must carry nothing else.
    """

    def __init__(self, out: Callable[[str], None], err: Callable[[str], None]) -> None:
        self.lines = LineBuffer(out)
        self._out = out
        self._err = err
        self.taken = False

    def raw(self, chunk: str) -> None:
        """Print ``chunk`` (a diff, a baseline) as it is, after the lines before."""
        self.lines.flush()
        self._out(chunk)

    def notice(self, line: str) -> None:
        """Print a line on standard error, after the report lines before it."""
        self.lines.flush()
        self._err(line)


def names_stream(path: str, stream: TextIO) -> bool:
    """True when ``path`` is the file, pipe or terminal ``stream`` writes to.

    ``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1`` or the file standard
    output is redirected to all name standard output.
    """
    try:
        named = Path(path).stat()
        ours = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (named.st_dev, named.st_ino) == (ours.st_dev, ours.st_ino)


class ReportFile:
    """A report file given by the user (``--output``, ``--write-baseline``).

    A regular file (or a new one) is written to a temporary file and renamed
    over the real file (through symbolic links) at :meth:`close`; a FIFO or a
    character device (a named pipe, ``/dev/null``, a terminal) is written to in
    place, never replaced. Every failure is an InputError naming ``path``.
    """

    def __init__(self, path: str) -> None:
        self.name = path
        self._atomic: AtomicFile | None = None
        self._stream: BinaryIO | None = None
        try:
            mode = Path(path).stat().st_mode
        except FileNotFoundError:
            mode = 0
        except OSError as error:
            raise self._failure(error) from None
        try:
            if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
                self._stream = Path(path).open("wb")  # noqa: SIM115 - see close()
            elif mode == 0 or stat.S_ISREG(mode) or stat.S_ISDIR(mode):
                # Through links to the file itself: the link stays a link.
                self._atomic = AtomicFile(Path(path).resolve())
            else:
                problem = "cannot write: not a regular file, FIFO or character device"
                raise InputError(problem, path=path)
        except OSError as error:
            raise self._failure(error) from None

    def __enter__(self) -> ReportFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    def write(self, text: str) -> None:
        """Add ``text`` (encoded as UTF-8) to the report."""
        data = text.encode("utf-8")
        try:
            if self._stream is not None:
                self._stream.write(data)
            elif self._atomic is not None:
                self._atomic.write(data)
        except OSError as error:
            self.abort()
            raise self._failure(error) from None

    def close(self) -> None:
        """Finish the report: rename the new file into place, or flush the stream."""
        try:
            if self._stream is not None:
                stream, self._stream = self._stream, None
                stream.close()
            elif self._atomic is not None:
                atomic, self._atomic = self._atomic, None
                atomic.commit()
        except OSError as error:
            raise self._failure(error) from None

    def abort(self) -> None:
        """Give up: a new file is never renamed into place; a stream is closed."""
        if self._atomic is not None:
            self._atomic.abort()
            self._atomic = None
        if self._stream is not None:
            with contextlib.suppress(OSError):  # closing flushes: it may fail again
                self._stream.close()
            self._stream = None

    def _failure(self, error: OSError) -> InputError:
        return InputError(f"cannot write: {error.strerror or error}", path=self.name)


class ResultSpool:
    """File results kept in an unnamed temporary file, to be read back in order.

    SARIF and JUnit print the run's totals before the findings; the results
    wait here (pickled and compressed, about 10 bytes a finding) instead of in
    memory. A file's findings go in pieces of :data:`PIECE`, so that a file
    with a million findings is never pickled in one go.
    """

    PIECE: Final = 10_000

    def __init__(self) -> None:
        import tempfile

        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed in replay()
        self._count = 0

    def add(self, result: FileResult) -> None:
        """Keep one more result."""
        findings, prints = result.findings, result.fingerprints
        head = replace(result, findings=(), fingerprints=())
        self._record((head, len(findings), len(prints)))
        for start in range(0, max(len(findings), len(prints)), self.PIECE):
            piece = slice(start, start + self.PIECE)
            self._record((findings[piece], prints[piece]))
        self._count += 1

    def extend(self, results: Iterable[FileResult]) -> None:
        """Keep every result of ``results``."""
        for result in results:
            self.add(result)

    def replay(self) -> Iterator[FileResult]:
        """The results kept, in the order they came; the file is then closed."""
        with self._file as spool:
            spool.seek(0)
            for _ in range(self._count):
                head, found, printed = self._read(spool)
                findings: list[Finding] = []
                prints: list[str] = []
                while len(findings) < found or len(prints) < printed:
                    more, marks = self._read(spool)
                    findings += more
                    prints += marks
                yield replace(
                    head, findings=tuple(findings), fingerprints=tuple(prints)
                )

    def _record(self, value: object) -> None:
        data = zlib.compress(dump(value), 1)
        self._file.write(len(data).to_bytes(8, "little") + data)

    @staticmethod
    def _read(spool: BinaryIO) -> Any:
        size = int.from_bytes(spool.read(8), "little")
        return load(zlib.decompress(spool.read(size)))
