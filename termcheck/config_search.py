"""Where a config is looked for, and the repository it may name files in."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from termcheck.errors import ConfigError
from termcheck.guard import home_folder
from termcheck.pyproject import has_tool_table

__all__ = [
    "CONFIG_NAMES",
    "PYPROJECT",
    "boundary_of",
    "describe_search",
    "exists",
    "find_config",
    "find_repository",
    "inside",
    "search_folders",
]

CONFIG_NAMES: Final = (".termcheck.yaml", ".termcheck.yml")
"""Config file names, looked for in each folder before ``pyproject.toml``."""
PYPROJECT: Final = "pyproject.toml"


def search_folders(
    start: Path, home: Path | None = None
) -> tuple[tuple[Path, ...], str]:
    """The folders a config is looked for in, nearest first, and where it stops.

    Up to the folder holding ``.git`` (the repository root); outside any
    repository up to the home folder; outside both, ``start`` alone, so that a
    config planted in a shared folder above (``/tmp``) is never picked up.
    ``home`` defaults to the user's home folder. ``start`` must be resolved.
    """
    home = home_folder() if home is None else home
    climbed: list[Path] = []
    for folder in (start, *start.parents):
        climbed.append(folder)
        if exists(folder / ".git"):
            return tuple(climbed), "the repository root"
        if folder == home:
            return tuple(climbed), "the home folder"
    return (start,), "the current folder"


def describe_search(start: Path, home: Path | None = None) -> str:
    """Where :func:`search_folders` looked, in words, for ``--verbose``."""
    folders, stop = search_folders(start, home)
    if len(folders) == 1 and not stop.startswith("the current folder"):
        return f"in the current folder only, which is {stop}"
    if len(folders) == 1:
        return "in the current folder only: it is outside any repository and home"
    above = len(folders) - 1
    return (
        f"in the current folder and {above} above it, up to {stop} "
        f"{folders[-1].as_posix()}"
    )


def find_config(start: Path, home: Path | None = None) -> Path | None:
    """The first config file in :func:`search_folders` of ``start``, or None.

    In each folder ``.termcheck.yaml`` (or ``.yml``) wins over a ``pyproject.toml``
    with a ``[tool.termcheck]`` table; a ``pyproject.toml`` without one is passed
    over. A ``.termcheck.yaml`` that is a symbolic link to a file outside its
    repository is refused (ConfigError), and such a ``pyproject.toml`` passed
    over: the repository would make termcheck read that file.
    """
    for folder in search_folders(start, home)[0]:
        for name in CONFIG_NAMES:
            if _is_file(folder / name):
                return _inside_own_repository(folder / name)
        pyproject = folder / PYPROJECT
        # One linked from outside the repository is not read: it may not be ours.
        if (
            _is_file(pyproject)
            and inside(pyproject, boundary_of(folder))
            and has_tool_table(pyproject)
        ):
            return pyproject
    return None


def find_repository(start: Path) -> Path | None:
    """The nearest folder from ``start`` upwards that holds ``.git``."""
    for folder in (start, *start.parents):
        if exists(folder / ".git"):
            return folder
    return None


def boundary_of(folder: Path) -> Path:
    """The folder a config in ``folder`` may name files in: its repository.

    That is the nearest folder from ``folder`` upwards holding ``.git``, or
    ``folder`` itself outside any repository; resolved (links followed).
    """
    real = folder.resolve()
    return find_repository(real) or real


def inside(path: Path, boundary: Path) -> bool:
    """True when ``path``, with ``..`` and links resolved, lies in ``boundary``."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a link loop: it leads nowhere, let alone out
        return True
    return real.is_relative_to(boundary)


def _inside_own_repository(config: Path) -> Path:
    """``config`` itself, unless it is a link to a file outside its repository."""
    if not inside(config, boundary_of(config.parent)):
        raise ConfigError(
            "config file is a symbolic link to a file outside the repository; "
            "not read (name it with --config to use it)",
            str(config),
        )
    return config


def exists(path: Path) -> bool:
    """``path.exists()``; False when a folder on the way refuses access."""
    try:
        return path.exists()
    except OSError:  # a folder on the way refuses access: nothing to find there
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False
