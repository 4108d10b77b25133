"""Writing files safely: same encoding and BOM, atomic replace, no symlink escapes."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from termcheck.errors import InputError
from termcheck.files import decode, encoding_of
from termcheck.guard import open_regular

__all__ = [
    "AtomicFile",
    "Snapshot",
    "checked_trees",
    "encode_like",
    "replace_text",
    "write_atomic",
    "write_target",
]

_ANY_WRITE: Final = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
# Linux: a file with no name until it is complete, so a crash leaves nothing.
_O_TMPFILE: Final = getattr(os, "O_TMPFILE", 0)
_PROC_FD: Final = Path("/proc/self/fd")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a file held when it was read: size, modification time, SHA-256."""

    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def take(cls, path: Path) -> tuple[bytes, Snapshot]:
        """Read ``path`` (a regular file) and describe what was read."""
        with open_regular(path, name=str(path)) as stream:
            info = os.fstat(stream.fileno())
            data = stream.read()
        return data, cls(info.st_size, info.st_mtime_ns, _digest(data))

    def holds(self, path: Path) -> bool:
        """True when ``path`` still has this size, time and content."""
        info = path.stat()
        if (info.st_size, info.st_mtime_ns) != (self.size, self.mtime_ns):
            return False
        return _digest(path.read_bytes()) == self.digest


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def checked_trees(paths: Sequence[str], cwd: Path | None = None) -> tuple[Path, ...]:
    """The real folders that ``--fix`` may rewrite files in, for command-line paths.

    See :func:`termcheck.selection.fix_trees`: a path's repository, or outside
    any repository its folder (a folder argument) or the current folder.
    """
    from termcheck.selection import fix_trees

    return fix_trees(paths, cwd)


def write_target(path: Path, trees: Sequence[Path]) -> Path:
    """The real file to write for ``path``, refusing links that leave ``trees``.

    Raises InputError when ``path`` is missing, not a regular file, or resolves
    (through symbolic links) to a place outside every checked tree.
    """
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
        raise InputError(f"cannot fix: {_reason(error)}", path=str(path)) from error
    if not any(real.is_relative_to(tree) for tree in trees):
        raise InputError(
            "not fixed: a symbolic link leads it outside the checked repository "
            "or folder",
            path=str(path),
        )
    if not real.is_file():
        raise InputError("not fixed: not a regular file", path=str(path))
    return real


def encode_like(original: bytes, old_text: str, new_text: str, *, name: str) -> bytes:
    """``new_text`` in the encoding and BOM that ``original`` (= ``old_text``) has.

    Line endings are whatever ``new_text`` holds: fixes never add or remove one.
    Raises InputError when encoding ``old_text`` again would not give back
    ``original`` byte for byte, so that no byte outside a fix can ever change.
    """
    codec, bom = encoding_of(original)
    if bom + old_text.encode(codec) != original:
        raise InputError("not fixed: cannot write it back in its encoding", path=name)
    return bom + new_text.encode(codec)


def replace_text(
    path: Path, old_text: str, new_text: str, trees: Sequence[Path]
) -> None:
    """Rewrite the file at ``path`` from ``old_text`` to ``new_text``, atomically.

    The file must still hold ``old_text`` (else it changed while being checked and
    is left alone), be writable, and keep its size, modification time and hash
    until the new file replaces it. Raises InputError naming ``path`` for every
    refusal or failure; the file is then untouched.
    """
    target = write_target(path, trees)
    try:
        original, snapshot = Snapshot.take(target)
        info = target.stat()
    except OSError as error:
        raise InputError(f"cannot fix: {_reason(error)}", path=str(path)) from error
    if not info.st_mode & _ANY_WRITE or not os.access(target, os.W_OK):
        raise InputError("not fixed: the file is read-only", path=str(path))
    try:
        unchanged = decode(original) == old_text
    except InputError:
        unchanged = False
    if not unchanged:
        problem = "not fixed: changed on disk since it was checked"
        raise InputError(problem, path=str(path))
    data = encode_like(original, old_text, new_text, name=str(path))
    try:
        write_atomic(target, data, expected=snapshot)
    except OSError as error:
        raise InputError(f"cannot write: {_reason(error)}", path=str(path)) from error


def write_atomic(path: Path, data: bytes, *, expected: Snapshot | None = None) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file.

    The data goes to a temporary file in the same folder (on Linux one without
    a name until the data is on disk), is flushed to disk (fsync), gets the
    permission bits (and, where allowed, owner) of the file it replaces, and is
    then renamed over it. On any failure the temporary file is removed and
    ``path`` is untouched. With ``expected``, the file must still match that
    snapshot just before the rename (InputError otherwise). Raises OSError
    naming ``path`` when it is a folder or another non-regular file, which a
    rename would replace.
    """
    with AtomicFile(path, expected=expected) as new:
        new.write(data)


class AtomicFile:
    """A new version of a file, written in pieces, that replaces it at the end.

    Used as a context manager: leaving the block normally commits (flush to
    disk, rename over the file), an exception removes the temporary file and
    leaves the file as it was. See :func:`write_atomic`.
    """

    def __init__(self, path: Path, *, expected: Snapshot | None = None) -> None:
        try:
            info: os.stat_result | None = path.stat()
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISREG(info.st_mode):
            code = errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL
            reason = "Is a directory" if code == errno.EISDIR else "not a regular file"
            raise OSError(code, reason, str(path))
        self.path = path
        self._info = info
        self._expected = expected
        self._handle, self._temporary = _temporary(path)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()

    def write(self, data: bytes) -> None:
        """Add ``data`` to the new file (removing it if that fails)."""
        try:
            _write_all(self._handle, data)
        except BaseException:
            self.abort()
            raise

    def commit(self) -> None:
        """Flush the new file to disk and rename it over the old one."""
        path, handle = self.path, self._handle
        try:
            os.fsync(handle)
            _copy_metadata(handle, self._info)
            if self._expected is not None and not self._expected.holds(path):
                problem = "not fixed: changed on disk while being fixed"
                raise InputError(problem, path=str(path))
            if self._temporary is None:
                self._temporary = _name(handle, path, self._info)
            self._temporary.replace(path)
            self._temporary = None
        except BaseException:
            self.abort()
            raise
        self._close()
        _sync_folder(path.parent)

    def abort(self) -> None:
        """Remove the temporary file; the old file stays as it was."""
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                self._temporary.unlink()
            self._temporary = None
        self._close()

    def _close(self) -> None:
        if self._handle >= 0:
            os.close(self._handle)
            self._handle = -1


def _temporary(path: Path, *, unnamed: bool = True) -> tuple[int, Path | None]:
    """A descriptor to write the new file to, and its name (None: no name yet)."""
    if unnamed and _O_TMPFILE and _PROC_FD.is_dir():
        try:  # readable too, so that it can be copied where it cannot be linked
            return os.open(path.parent, _O_TMPFILE | os.O_RDWR, 0o600), None
        except OSError:  # the file system cannot: use a named temporary file
            pass
    handle, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    return handle, Path(name)


def _name(handle: int, path: Path, info: os.stat_result | None) -> Path:
    """Give the finished unnamed file a temporary name beside ``path``.

    Where the system will not link it, its bytes are copied to a named
    temporary file instead.
    """
    try:
        folder = os.open(_PROC_FD, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        folder = -1
    try:
        while folder >= 0:
            name = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
            try:  # linkat(AT_SYMLINK_FOLLOW) through /proc/self/fd/N
                os.link(str(handle), name, src_dir_fd=folder, follow_symlinks=True)
            except FileExistsError:
                continue
            except OSError:
                break
            return name
    finally:
        if folder >= 0:
            os.close(folder)
    copy, named = _temporary(path, unnamed=False)
    assert named is not None
    name = named
    try:
        offset = 0
        while chunk := os.pread(handle, 1 << 20, offset):
            _write_all(copy, chunk)
            offset += len(chunk)
        os.fsync(copy)
        _copy_metadata(copy, info)
    except BaseException:
        with contextlib.suppress(OSError):
            name.unlink()
        raise
    finally:
        os.close(copy)
    return name


def _write_all(handle: int, data: bytes) -> None:
    """Write every byte (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _copy_metadata(handle: int, info: os.stat_result | None) -> None:
    """Give the new file the old one's mode bits (a new one: 0o666 minus umask)."""
    if info is None:
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(handle, 0o666 & ~mask)
        return
    os.fchmod(handle, stat.S_IMODE(info.st_mode))
    if hasattr(os, "fchown"):
        mine = os.fstat(handle)
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
            with contextlib.suppress(OSError):  # only root may give files away
                os.fchown(handle, info.st_uid, info.st_gid)


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk where the system allows opening a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)
