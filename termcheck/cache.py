"""On-disk cache of loaded glossaries and their term index, keyed by content hash."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from termcheck.glossary import load_glossary, resolve_glossary_source
from termcheck.index import TermIndex, build_index
from termcheck.model import Glossary

__all__ = [
    "CACHE_ENV",
    "KEEP_FILES",
    "cache_dir",
    "cache_key",
    "load_indexed",
]

CACHE_ENV: Final = "TERMCHECK_CACHE_DIR"
KEEP_FILES: Final = 16  # newest cache files kept; older ones are removed
_FORMAT: Final = b"termcheck-index-1"
# The modules whose classes are pickled: a change to any of them is a new key.
_CODE: Final = ("model.py", "index.py", "tokens.py")


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$TERMCHECK_CACHE_DIR, else $XDG_CACHE_HOME/termcheck, else ~/.cache/termcheck."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "termcheck"


def _files(sources: Sequence[str]) -> list[Path]:
    """The glossary files, once each, in the order load_glossary reads them."""
    unique: dict[Path, Path] = {}
    for source in sources:
        path = resolve_glossary_source(source)
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def cache_key(sources: Sequence[str]) -> str:
    """SHA-256 of the glossary files' names and bytes, termcheck's code and Python."""
    digest = hashlib.sha256(_FORMAT)
    digest.update(sys.version.encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    for path in _files(sources):
        data = path.read_bytes()
        for part in (str(path).encode(), str(len(data)).encode(), data):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()


def load_indexed(
    sources: Sequence[str], *, use_cache: bool = True, folder: Path | None = None
) -> tuple[Glossary, TermIndex]:
    """Load glossaries and their index, from the disk cache when it has them.

    A missing, unreadable, corrupt or foreign cache file is a miss: the
    glossaries are loaded and indexed, and the cache file is (re)written. Errors
    in the glossaries themselves are raised as by ``load_glossary``.
    """
    if not use_cache:
        glossary = load_glossary(*sources)
        return glossary, build_index(glossary)
    try:
        key = cache_key(sources)
    except OSError:  # unreadable file: let the loader word the error
        glossary = load_glossary(*sources)
        return glossary, build_index(glossary)
    folder = folder if folder is not None else cache_dir()
    path = folder / f"index-{key}.pickle"
    found = _read(path)
    if found is not None:
        return found
    glossary = load_glossary(*sources)
    index = build_index(glossary)
    try:
        unchanged = cache_key(sources) == key  # edited while we were loading?
    except OSError:
        unchanged = False
    if unchanged:
        _write(path, glossary, index)
    return glossary, index


def _read(path: Path) -> tuple[Glossary, TermIndex] | None:
    """The cached pair, or None on any problem (never raises)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the collector would run many times
    try:
        # Only files that termcheck itself wrote under a content-hash name are read.
        loaded = pickle.loads(data)
    except Exception:
        return None
    finally:
        if enabled:
            gc.enable()
    if (
        not isinstance(loaded, tuple)
        or len(loaded) != 2
        or not isinstance(loaded[0], Glossary)
        or not isinstance(loaded[1], TermIndex)
        or loaded[1].glossary is not loaded[0]
    ):
        return None
    return loaded[0], loaded[1]


def _write(path: Path, glossary: Glossary, index: TermIndex) -> None:
    """Write atomically (temp file, then rename); a failure only costs speed."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as out:
            pickle.dump((glossary, index), out, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        _prune(path.parent)
    except (OSError, pickle.PicklingError, RecursionError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the newest KEEP_FILES cache files."""
    files = sorted(
        folder.glob("index-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in files[KEEP_FILES:]:
        old.unlink(missing_ok=True)
