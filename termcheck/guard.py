"""Protecting a run: special files, broken links, size limits, odd names, SIGTERM."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import signal
import stat
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Final

from termcheck.errors import FileSkipped, InputError

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "ClosedOutput",
    "format_size",
    "home_folder",
    "inspect_file",
    "missing_reason",
    "open_regular",
    "parse_size",
    "printable",
    "read_file",
    "read_named",
    "read_stream",
    "reserve_standard_streams",
    "unwind_on_sigterm",
]

DEFAULT_MAX_FILE_SIZE: Final = 50 * 1024 * 1024
"""Files larger than this (50 MiB) are skipped with a warning unless told otherwise."""

_CHUNK: Final = 1024 * 1024

_UNITS: Final = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
#   "50M" -> 52428800, "1.5k" -> 1536, "100" -> 100, "2 GiB" and "2 GB" -> 2147483648
_SIZE: Final = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)
_KINDS: Final = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)
# Never block on a FIFO or take a terminal as controlling terminal when opening.
_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


_SHORT_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Bidirectional controls and isolates can make a name read as another one.
_BIDI: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def printable(name: str) -> str:
    """``name`` safe to show on one line of a report.

    Control characters, line and paragraph separators and bidirectional
    controls are escaped (``\\n``, ``\\x1b``, ``\\u202e``), and bytes that
    were not UTF-8 (kept by Python as lone surrogates) become ``\\xe9``.
    Backslashes are doubled only in a name that needed escaping.
    """
    if name.isprintable() or "".join(map(_escape, name)) == name:
        return name
    return "".join("\\\\" if char == "\\" else _escape(char) for char in name)


def _escape(char: str) -> str:
    """One character as shown by :func:`printable` (a backslash stays one)."""
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in _BIDI:
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def home_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """The user's home folder, resolved; None when there is none to trust.

    ``$HOME`` when it is set (None when it is empty or relative, which would
    name a folder inside whatever the current folder is), else the password
    database's entry; None when neither gives one (a container user).
    """
    env = os.environ if environ is None else environ
    if "HOME" in env:
        home = Path(env["HOME"]) if env["HOME"] else None
        return home.resolve() if home is not None and home.is_absolute() else None
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):  # no such user entry, no HOME
        return None


def parse_size(text: str) -> int:
    """Bytes in ``text``: a number with an optional K, M or G (powers of 1024).

    ``K``, ``KiB`` and ``KB`` are all 1024 bytes (and so on for M and G), in
    any letter case. ``0`` means no limit. Raises ValueError for anything else.
    """
    match = _SIZE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a size (use e.g. 50M, 500K or 1048576)")
    return int(float(match[1]) * _UNITS[match[2].lower()])


def format_size(size: int) -> str:
    """``52428800`` -> ``50 MiB``; ``1536`` -> ``1.5 KiB`` (powers of 1024)."""
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes" if size != 1 else "1 byte"


def missing_reason(path: Path, error: OSError | None = None) -> str:
    """Why ``path`` cannot be opened, in words: a broken link, a loop, no file..."""
    code = error.errno if error is not None else None
    if code is None:
        try:
            path.stat()
        except OSError as found:
            code = found.errno
        else:
            return "no such file or directory"
    if code == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if code == errno.ENOENT and path.is_symlink():
        try:
            target = str(path.readlink())
        except OSError:
            target = "?"
        return f"broken symbolic link (its target {target!r} does not exist)"
    if code == errno.ENOENT:
        return "no such file or directory"
    if code == errno.ENOTDIR:
        return "no such file: a folder in its path is a file"
    if code == errno.EACCES:
        return "permission denied"
    return os.strerror(code) if code else "cannot be opened"


def read_file(path: Path, *, name: str, walked: bool, max_size: int | None) -> bytes:
    """The bytes of the regular file ``path``, checked before it is opened.

    A FIFO, device or socket is never opened. Named explicitly (``walked``
    False) it, a broken link or an unreadable file raises InputError naming
    ``name``; met while walking a folder, a special file or broken link raises
    FileSkipped as a note. A file over ``max_size`` bytes (None or 0: no limit)
    raises FileSkipped as a warning, and is not read.
    """
    inspect_file(path, name=name, walked=walked, max_size=max_size)
    limit = max_size or None
    with open_regular(path, name=name, walked=walked) as stream:
        data = stream.read()  # one allocation of the file's size
    if limit is not None and len(data) > limit:  # it grew since the stat
        raise _too_large(len(data), limit, name)
    return data


def inspect_file(path: Path, *, name: str, walked: bool, max_size: int | None) -> int:
    """The size of ``path`` after the checks :func:`read_file` makes, unread."""
    try:
        info = path.stat()
    except OSError as error:
        problem = missing_reason(path, error)
        if walked and path.is_symlink():
            raise FileSkipped(problem, path=name, label="broken link") from None
        raise InputError(_cannot_read(problem), path=name) from None
    _check_kind(info, name, walked)
    limit = max_size or None
    if limit is not None and info.st_size > limit:
        raise _too_large(info.st_size, limit, name)
    return info.st_size


def open_regular(path: Path, *, name: str, walked: bool = False) -> BinaryIO:
    """Open ``path`` for reading without blocking, and make sure it is a file.

    The check is made on the open descriptor, so a file swapped for a FIFO
    after an earlier look is still refused (InputError, or FileSkipped when
    ``walked``).
    """
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise InputError(_cannot_read(missing_reason(path, error)), path=name) from None
    stream = open(handle, "rb")  # noqa: PTH123, SIM115 (a descriptor; caller closes)
    try:
        _check_kind(os.fstat(handle), name, walked)
    except BaseException:
        stream.close()
        raise
    return stream


MAX_NAMED_SIZE: Final = 512 * 1024 * 1024
"""A glossary larger than this (512 MiB) is refused rather than read."""


def read_named(path: Path, *, limit: int = MAX_NAMED_SIZE) -> bytes:
    """Read a file a run depends on (a glossary): a regular file or a pipe.

    A pipe is read (``--glossary <(generate)``); a device, socket or folder is
    never opened, so a glossary link to ``/dev/zero`` planted in a repository
    cannot stall a run. Raises OSError, with the reason as ``strerror``, for
    those and for more than ``limit`` bytes.
    """
    info = path.stat()
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        kind = next((kind for test, kind in _KINDS if test(mode)), "special")
        problem = f"not a regular file ({kind}); not read"
        raise OSError(errno.EINVAL, problem, str(path))
    too_large = f"larger than {format_size(limit)}; not read"
    if info.st_size > limit:
        raise OSError(errno.EFBIG, too_large, str(path))
    with path.open("rb") as stream:
        if stat.S_ISREG(mode):
            data = stream.read()
        else:
            try:
                data = read_stream(stream, name=str(path), max_size=limit)
            except FileSkipped:
                raise OSError(errno.EFBIG, too_large, str(path)) from None
    if len(data) > limit:
        raise OSError(errno.EFBIG, too_large, str(path))
    return data


def read_stream(stream: BinaryIO, *, name: str, max_size: int | None) -> bytes:
    """Read a byte stream whole, or raise FileSkipped once it passes ``max_size``.

    Read in chunks, so that memory follows what arrives, not the limit.
    """
    if not max_size:
        return stream.read()
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, max_size + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_size:
            raise _too_large(None, max_size, name)
    return b"".join(chunks)


def _check_kind(info: os.stat_result, name: str, walked: bool) -> None:
    """Refuse (explicit) or skip (walked) anything but a regular file."""
    if stat.S_ISREG(info.st_mode):
        return
    kind = next((kind for test, kind in _KINDS if test(info.st_mode)), "special")
    problem = f"not a regular file ({kind}); not read"
    if walked:
        raise FileSkipped(problem, path=name, label="not a regular file")
    if stat.S_ISFIFO(info.st_mode):
        problem += " (to check standard input, name it as -)"
    raise InputError(problem, path=name)


def _too_large(size: int | None, limit: int, name: str) -> FileSkipped:
    shown = f"{format_size(size)} is" if size is not None else "it is"
    limit_text = format_size(limit)
    return FileSkipped(
        f"{shown} larger than the {limit_text} limit (--max-file-size)",
        path=name,
        label=f"over {limit_text}",
        warning=True,
    )


def _cannot_read(problem: str) -> str:
    """``permission denied`` -> ``cannot read file: permission denied``."""
    if problem == "permission denied":
        return "cannot read file: Permission denied"
    return problem


def unwind_on_sigterm() -> None:
    """Turn SIGTERM (a CI timeout, a killed hook) into SystemExit(143).

    Python would otherwise die on the spot; as an exception it unwinds, so a
    file being fixed keeps its old content and no temporary file stays behind.
    """

    def terminate(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    with contextlib.suppress(ValueError):  # not the main thread: leave it alone
        signal.signal(signal.SIGTERM, terminate)


class ClosedOutput(io.TextIOBase):
    """Stands in for a closed standard output: drops text, remembers it came."""

    written = False

    def write(self, text: str) -> int:
        """Drop ``text``; note that there was something to print."""
        self.written = self.written or bool(text)
        return len(text)

    def isatty(self) -> bool:
        """Never a terminal."""
        return False


def reserve_standard_streams() -> ClosedOutput | None:
    """Put ``/dev/null`` on closed standard streams (``>&-``); None if none was.

    Otherwise the next file opened (a glossary, a file being fixed) would take
    descriptor 1 or 2, and anything written to standard output or error would
    land in it. Returns the stand-in for a closed standard output.
    """
    closed_stdout = None
    for number, mode in ((0, "r"), (1, "w"), (2, "w")):
        try:
            os.fstat(number)
            continue
        except OSError:
            pass
        handle = os.open(os.devnull, os.O_RDWR)
        if handle != number:
            os.dup2(handle, number)
            os.close(handle)
        if number == 0:
            sys.stdin = Path(os.devnull).open(mode, encoding="utf-8")  # noqa: SIM115
        elif number == 1:
            sys.stdout = closed_stdout = ClosedOutput()
        else:
            sys.stderr = Path(os.devnull).open(mode, encoding="utf-8")  # noqa: SIM115
    return closed_stdout
