"""Writing files safely: same encoding and BOM, atomic replace, no symlink escapes."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from termcheck.errors import InputError
from termcheck.files import STDIN, encoding_of

__all__ = [
    "checked_trees",
    "encode_like",
    "replace_text",
    "write_atomic",
    "write_target",
]


def checked_trees(paths: Sequence[str], cwd: Path | None = None) -> tuple[Path, ...]:
    """The real folders that the command-line ``paths`` put under check.

    A folder argument is its own tree. A file argument belongs to the current
    folder when it lies (by name, before links are followed) inside it, and to
    its own folder otherwise.
    """
    # abspath, not resolve: "inside" is decided by name, before links are followed.
    here = Path(os.path.abspath(cwd or Path.cwd()))  # noqa: PTH100
    trees: list[Path] = []
    for given in paths:
        if given == STDIN:
            continue
        named = Path(os.path.abspath(here / given))  # noqa: PTH100
        if named.is_dir():
            trees.append(named.resolve())
        elif named.is_relative_to(here):
            trees.append(here.resolve())
        else:
            trees.append(named.parent.resolve())
    return tuple(dict.fromkeys(trees))


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
            "not fixed: a symbolic link to a file outside the checked tree",
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
    is left alone). Raises InputError naming ``path`` for every refusal or failure.
    """
    target = write_target(path, trees)
    try:
        original = target.read_bytes()
    except OSError as error:
        raise InputError(f"cannot fix: {_reason(error)}", path=str(path)) from error
    data = encode_like(original, old_text, new_text, name=str(path))
    try:
        write_atomic(target, data, expected=original)
    except OSError as error:
        raise InputError(f"cannot write: {_reason(error)}", path=str(path)) from error


def write_atomic(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file.

    The data goes to a temporary file in the same folder, is flushed to disk
    (fsync), gets the permission bits (and, where allowed, owner) of the file it
    replaces, and is then renamed over it. On any failure the temporary file is
    removed and ``path`` is untouched. With ``expected``, the file must still
    hold those bytes just before the rename (InputError otherwise).
    """
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
    handle, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_metadata(temporary, info)
        if expected is not None and path.read_bytes() != expected:
            problem = "not fixed: changed on disk while being fixed"
            raise InputError(problem, path=str(path))
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def _copy_metadata(temporary: Path, info: os.stat_result | None) -> None:
    """Give the new file the old one's mode bits (a new one: 0o666 minus umask)."""
    if info is None:
        mask = os.umask(0)
        os.umask(mask)
        temporary.chmod(0o666 & ~mask)
        return
    temporary.chmod(stat.S_IMODE(info.st_mode))
    if hasattr(os, "chown"):
        mine = temporary.stat()
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
            with contextlib.suppress(OSError):  # only root may give files away
                os.chown(temporary, info.st_uid, info.st_gid)


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
