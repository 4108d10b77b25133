"""Which files a run checks: ``include``/``exclude`` patterns and git's ignore rules."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from termcheck.config import Config
from termcheck.config_search import find_repository
from termcheck.files import EXTENSIONS
from termcheck.guard import read_named

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

__all__ = ["GitIgnore", "Selection", "find_repository", "fix_trees"]


class Selection:
    """Decides, for a path, whether a run checks it.

    Patterns are gitignore-style and relative to the config's folder. Git's
    ignore rules (``.gitignore`` files and ``.git/info/exclude``) apply only to
    files met while walking a folder; ``exclude`` applies to every file.
    """

    def __init__(self, config: Config | None = None) -> None:
        config = config or Config()
        self.root = config.root.resolve()
        self._include = _spec(config.include)
        self._exclude = _spec(config.exclude)
        self._extensions = EXTENSIONS | set(config.markup_map)
        self._repositories: dict[Path, Path | None] = {}  # folder -> its repository
        self._ignores: dict[Path, GitIgnore] = {}  # repository -> its rules
        self._source = config.path or ""
        self._walked = False
        # Include patterns that no walked file has matched yet, each on its own.
        self._unmatched = {
            pattern: _spec((pattern,))
            for pattern in config.include
            if pattern.strip() and not pattern.lstrip().startswith(("!", "#"))
        }

    def unmatched_includes(self) -> tuple[str, ...]:
        """Warnings for ``include`` patterns that no file met while walking matched.

        Empty when no folder was walked (files named one by one, as pre-commit
        passes them, never go through ``include``).
        """
        if not self._walked:
            return ()
        return tuple(
            f"{self._source}: include pattern {pattern!r} matched no file"
            for pattern in self._unmatched
        )

    def relative(self, path: Path, *, folder: bool = False) -> str | None:
        """``path`` relative to the config folder, ``/``-separated; None outside."""
        try:
            relative = _located(path).relative_to(self.root).as_posix()
        except ValueError:
            return None
        return relative + "/" if folder and relative != "." else relative

    def excluded(self, path: Path, *, folder: bool = False) -> bool:
        """True when ``path`` matches an ``exclude`` pattern."""
        if self._exclude is None:
            return False
        relative = self.relative(path, folder=folder)
        return relative is not None and self._exclude.match_file(relative)

    def wanted_file(self, path: Path) -> bool:
        """True for a file met while walking that the run should check."""
        self._walked = True
        if self._include is not None:
            relative = self.relative(path)
            if relative is not None and self._unmatched:
                self._match_includes(relative)
            if relative is None or not self._include.match_file(relative):
                return False
        elif path.suffix.lower() not in self._extensions:
            return False
        return not self.excluded(path) and not self.git_ignored(path)

    def _match_includes(self, relative: str) -> None:
        """Strike the include patterns that match ``relative`` off the unmatched."""
        for pattern, spec in list(self._unmatched.items()):
            if spec is not None and spec.match_file(relative):
                del self._unmatched[pattern]

    def wanted_folder(self, path: Path) -> bool:
        """True for a folder that walking should enter."""
        return not self.excluded(path, folder=True) and not self.git_ignored(
            path, folder=True
        )

    def git_ignored(self, path: Path, *, folder: bool = False) -> bool:
        """True when git ignores ``path`` (False outside a repository)."""
        resolved = _located(path)
        parent = resolved.parent
        if parent not in self._repositories:
            self._repositories[parent] = find_repository(parent)
        root = self._repositories[parent]
        if root is None:
            return False
        if root not in self._ignores:
            self._ignores[root] = GitIgnore(root)
        return self._ignores[root].ignored(resolved, folder=folder)


def _located(path: Path) -> Path:
    """``path`` with its folder resolved and its own name kept.

    A symbolic link is matched by its own path, as git does, and a link loop
    (which ``resolve`` cannot follow) is no error.
    """
    if path.name in ("", ".", ".."):
        return path.resolve()
    return path.parent.resolve() / path.name


def fix_trees(paths: Sequence[str], cwd: Path | None = None) -> tuple[Path, ...]:
    """The real folders that ``--fix`` may rewrite files in, for command-line paths.

    A path belongs to the repository that holds it by name: a link named on
    the command line (``docs -> /elsewhere``), or passed on the way to a named
    path, is held to the rule of links met while walking: what it leads to is
    rewritten only when it lies inside that repository. Outside a repository,
    a folder is its own tree and a file belongs to the current folder (or to
    its own folder when named outside it). Links above the current folder
    that no repository holds (``/tmp`` on some systems) are the machine's, and
    followed.
    """
    here = Path.cwd() if cwd is None else cwd.resolve()
    trees: list[Path] = []
    for given in paths:
        if given != "-":
            trees.append(_tree(Path(os.path.normpath(here / given)), here))
    return tuple(dict.fromkeys(trees))


def _tree(named: Path, here: Path) -> Path:
    """The tree of one command-line path (absolute, ``..`` removed by name)."""
    inside = named.is_relative_to(here)
    current = here if inside else Path(named.anchor)
    through_link = False
    for part in named.relative_to(current).parts:
        step = current / part
        if step.is_symlink():
            if step.is_relative_to(here) or find_repository(current) is not None:
                through_link = True  # the folder holding the link is where it is
                break
            try:
                step = step.resolve(strict=True)
            except (OSError, RuntimeError):  # broken or a loop: nothing to write
                break
        current = step
    real_folder = not through_link and current == named and current.is_dir()
    folder = current if real_folder or through_link else current.parent
    repository = find_repository(folder)
    if repository is not None:
        return repository
    if real_folder or not inside:
        return folder
    return here


class GitIgnore:
    """Git's ignore rules for one repository, read from its ignore files on use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._specs: dict[Path, GitIgnoreSpec | None] = {}
        self._folders: dict[tuple[str, ...], bool] = {}
        exclude = _git_dir(root) / "info" / "exclude"
        self._info = _spec(_read_lines(exclude))

    def ignored(self, path: Path, *, folder: bool = False) -> bool:
        """True when git ignores ``path``, or a folder that holds it.

        Within one path, deeper ``.gitignore`` files override shallower ones,
        which override ``.git/info/exclude``, and the last matching pattern
        wins, as in git. A file in an ignored folder cannot be re-included.
        """
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return False
        for depth in range(1, len(parts)):
            if self._folder_ignored(parts[:depth]):
                return True
        return self._verdict(parts, folder)

    def _folder_ignored(self, parts: tuple[str, ...]) -> bool:
        if parts not in self._folders:
            self._folders[parts] = self._verdict(parts, True)
        return self._folders[parts]

    def _verdict(self, parts: tuple[str, ...], folder: bool) -> bool:
        verdict: bool | None = None
        base = self.root
        layers = [(self.root, self._info)]
        for part in parts[:-1]:
            layers.append((base, self._gitignore(base)))
            base = base / part
        layers.append((base, self._gitignore(base)))
        path = self.root.joinpath(*parts)
        for layer_base, spec in layers:
            if spec is None:
                continue
            relative = path.relative_to(layer_base).as_posix() + ("/" if folder else "")
            result = spec.check_file(relative)
            if result.include is not None:
                verdict = result.include
        return bool(verdict)

    def _gitignore(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            self._specs[folder] = _spec(_read_lines(folder / ".gitignore"))
        return self._specs[folder]


def _git_dir(root: Path) -> Path:
    """The repository's common git folder (a worktree's ``.git`` is a file)."""
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    lines = _read_lines(dot_git)
    if not lines or not lines[0].startswith("gitdir:"):
        return dot_git
    git_dir = (root / lines[0].removeprefix("gitdir:").strip()).resolve()
    common = _read_lines(git_dir / "commondir")
    return (git_dir / common[0].strip()).resolve() if common else git_dir


def _read_lines(path: Path) -> tuple[str, ...]:
    """The lines of a git file; none if it is unreadable, not a file, or huge."""
    try:
        data = read_named(path, limit=16 * 1024 * 1024)  # never a device or FIFO
    except OSError:
        return ()
    return tuple(data.decode("utf-8", errors="replace").splitlines())


def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec | None:
    if not patterns:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)
