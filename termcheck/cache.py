"""On-disk cache of loaded glossaries and their term index, keyed by content hash."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import gc
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import regex

from termcheck.errors import InputError
from termcheck.guard import home_folder, open_regular, read_named
from termcheck.index import FormRef, RegexRef, TermIndex, build_index
from termcheck.model import Examples, Form, Glossary, Term

__all__ = [
    "CACHE_ENV",
    "KEEP_FILES",
    "cache_dir",
    "cache_key",
    "load_indexed",
]

CACHE_ENV: Final = "TERMCHECK_CACHE_DIR"
KEEP_FILES: Final = 16  # newest cache files kept; older ones are removed
_FORMAT: Final = b"termcheck-index-2"
DEFAULT_FUZZY: Final = 0.88  # load_glossary's default near-miss threshold
# The modules whose classes are pickled: a change to any of them is a new key.
_CODE: Final = (
    "model.py",
    "index.py",
    "tokens.py",
    "cache.py",
    "glossary.py",
    "glossary_lang.py",
    "languages.py",
    "normalize.py",
    "punctuation.py",
    "regex_forms.py",
    "segment.py",
)
# Frozen dataclasses pickled as constructor calls: several times faster to load
# than the generic slots-dataclass state, which dominates loading big glossaries.
_BY_CONSTRUCTOR: Final[dict[type, tuple[str, ...]]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls) if f.init)
    for cls in (Form, Term, Examples, Glossary, FormRef, RegexRef)
}


# Everything a cache file may name. Loading calls only these (and builds plain
# lists, dicts, sets and tuples), so a planted or poisoned cache file cannot
# run code: anything else makes the file a miss.
_ALLOWED: Final = frozenset(
    {
        ("termcheck.model", "Examples"),
        ("termcheck.model", "Form"),
        ("termcheck.model", "Glossary"),
        ("termcheck.model", "Severity"),
        ("termcheck.model", "Status"),
        ("termcheck.model", "Term"),
        ("termcheck.index", "FormRef"),
        ("termcheck.index", "RegexRef"),
        ("termcheck.index", "TermIndex"),
        (regex.compile.__module__, "compile"),
    }
)


class _Pickler(pickle.Pickler):
    """Pickles the types in _BY_CONSTRUCTOR as ``cls(*init_fields)``, and a
    compiled regex as ``regex.compile(pattern, flags)`` (never its internals)."""

    def reducer_override(self, obj: object) -> Any:
        """``(cls, args)`` for the fast types; everything else as usual."""
        if isinstance(obj, regex.Pattern):
            return regex.compile, (obj.pattern, obj.flags)
        names = _BY_CONSTRUCTOR.get(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


class _Unpickler(pickle.Unpickler):
    """Refuses every global but the ones in _ALLOWED."""

    def find_class(self, module: str, name: str) -> Any:
        """The allowed class or function; UnpicklingError for anything else."""
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed")
        return super().find_class(module, name)


def cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """$TERMCHECK_CACHE_DIR, else $XDG_CACHE_HOME/termcheck, else ~/.cache/termcheck.

    None when there is no home folder to keep it in (``HOME`` unset with no
    user entry, empty or relative): the cache is optional, and a relative
    folder would put it inside the current folder. A relative
    ``XDG_CACHE_HOME`` is ignored, as its specification says.
    """
    env = os.environ if environ is None else environ
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    xdg = env.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "termcheck"
    home = home_folder(env if environ is not None else None)
    return None if home is None else home / ".cache" / "termcheck"


def _files(sources: Sequence[str]) -> list[Path]:
    """The glossary files, once each, in the order load_glossary reads them."""
    unique: dict[Path, Path] = {}
    for source in sources:
        path = Path(source)
        if not path.exists():  # a bundled name (or an error the loader words)
            from termcheck.glossary import resolve_glossary_source

            path = resolve_glossary_source(source)
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def cache_key(sources: Sequence[str], fuzzy: float | None = DEFAULT_FUZZY) -> str:
    """SHA-256 of the glossary files' names and bytes, the default near-miss
    threshold, termcheck's code and Python."""
    digest = hashlib.sha256(_FORMAT)
    digest.update(sys.version.encode())
    digest.update(repr(fuzzy).encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    for path in _files(sources):
        if not path.is_file():  # a pipe is read once, by the loader; a device never
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        data = read_named(path)
        for part in (str(path).encode(), str(len(data)).encode(), data):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()


def load_indexed(
    sources: Sequence[str],
    *,
    fuzzy: float | None = DEFAULT_FUZZY,
    use_cache: bool = True,
    folder: Path | None = None,
) -> tuple[Glossary, TermIndex]:
    """Load glossaries and their index, from the disk cache when it has them.

    A missing, unreadable, corrupt or foreign cache file is a miss: the
    glossaries are loaded and indexed, and the cache file is (re)written. Errors
    in the glossaries themselves are raised as by ``load_glossary``, which gets
    ``fuzzy`` (the near-miss threshold of terms that set none; None: off).
    """
    if not use_cache:
        return _build(sources, fuzzy)
    try:
        key = cache_key(sources, fuzzy)
    except OSError:  # unreadable file: let the loader word the error
        return _build(sources, fuzzy)
    folder = folder if folder is not None else cache_dir()
    if folder is None:  # no home folder: run without the cache
        return _build(sources, fuzzy)
    path = folder / f"index-{key}.pickle"
    found = _read(path)
    if found is not None:
        return found
    glossary, index = _build(sources, fuzzy)
    try:
        unchanged = cache_key(sources, fuzzy) == key  # edited while we were loading?
    except OSError:
        unchanged = False
    if unchanged:
        _write(path, glossary, index)
    return glossary, index


@contextlib.contextmanager
def _no_collector() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of objects are made.

    They live until exit, so they are frozen afterwards: later collections
    skip them instead of walking them again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _build(sources: Sequence[str], fuzzy: float | None) -> tuple[Glossary, TermIndex]:
    from termcheck.glossary import load_glossary  # YAML: only needed on a miss

    with _no_collector():
        glossary = load_glossary(*sources, fuzzy=fuzzy)
        return glossary, build_index(glossary)


def _read(path: Path) -> tuple[Glossary, TermIndex] | None:
    """The cached pair, or None on any problem (never raises)."""
    try:  # a regular file only: a FIFO planted under the key's name never blocks
        with open_regular(path, name=str(path)) as stream:
            data = stream.read()
    except (OSError, InputError):
        return None
    try:
        with _no_collector():
            # Only files that termcheck wrote under a content-hash name are read,
            # and only termcheck's own types can come out of them.
            loaded = _Unpickler(io.BytesIO(data)).load()
    except Exception:  # truncated, corrupt or from another version: a miss
        return None
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
            _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump((glossary, index))
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
