"""Each document's settings, found as ``termcheck check`` finds them; reloads.

A document's config is the one ``termcheck check`` run from its workspace
folder would use (``.termcheck.yaml`` or ``pyproject.toml`` found upwards from
that folder, or the file given as ``config`` in the initialization options);
its glossaries, markup and disabled terms are the config's for its path, its
overrides included. The config file and the glossary files are stamped (size
and modification time); when a stamp changes, everything is loaded again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from termcheck.config import CONFIG_NAMES, Config, find_config, load_config
from termcheck.model import Glossary
from termcheck.project import Project

__all__ = ["LANGUAGE_MARKUP", "DocumentSettings", "Workspace"]

LANGUAGE_MARKUP: Final = {
    "markdown": "markdown",
    "html": "html",
    "restructuredtext": "rst",
    "rst": "rst",
    "latex": "latex",
    "tex": "latex",
    "asciidoc": "asciidoc",
    "plaintext": "plain",
    "text": "plain",
}
"""Markup of a document without a file name (an unsaved buffer), by language id."""

_WATCHED_NAMES: Final = frozenset({*CONFIG_NAMES, "pyproject.toml"})


@dataclass(frozen=True, slots=True)
class DocumentSettings:
    """How to check one document; ``glossary`` None: do not check it (``why``)."""

    glossary: Glossary | None
    markup: str
    display: str
    disabled: frozenset[str] = frozenset()
    why: str = ""


Stamp = tuple[int, int] | None  # size and mtime in ns; None: missing


def _stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


class Workspace:
    """The projects of the workspace folders, loaded once until a file changes."""

    def __init__(
        self,
        folders: Sequence[Path],
        *,
        config: str | None = None,
        glossaries: Sequence[str] = (),
    ) -> None:
        self.folders = sorted(
            (f.resolve() for f in folders), key=lambda f: -len(f.parts)
        )
        self._config = config
        self._glossaries = tuple(glossaries)
        self._projects: dict[str | None, Project] = {}
        self._stamps: dict[Path, Stamp] = {}

    def folder_of(self, path: Path) -> Path:
        """The innermost workspace folder holding ``path``, else its own folder."""
        for folder in self.folders:
            if folder == path or folder in path.parents:
                return folder
        return path.parent

    def settings(self, path: Path | None, language: str) -> DocumentSettings:
        """The settings of a document (``path`` None: not saved as a file).

        Raises ConfigError or GlossaryError for a broken config or glossary.
        """
        start = self.folder_of(path) if path is not None else self._default_folder()
        project = self._project(start)
        if path is None:
            markup = LANGUAGE_MARKUP.get(language, "plain")
            return self._checked(project, project.settings_for("<stdin>", None), markup)
        display = os.path.relpath(path, start) if start in path.parents else str(path)
        display = Path(display).as_posix()
        if project.selection.excluded(path):
            return DocumentSettings(None, "plain", display, why="excluded")
        settings = project.settings_for(display, path)
        return self._checked(project, settings, settings.markup, display)

    def _checked(
        self, project: Project, settings: object, markup: str, display: str = "<stdin>"
    ) -> DocumentSettings:
        from termcheck.project import FileSettings

        assert isinstance(settings, FileSettings)
        if not settings.glossaries:
            return DocumentSettings(None, markup, display, why="no glossary")
        glossary = project.glossary(settings.glossaries)
        for source in settings.glossaries:
            if Path(source).is_file():
                self._watch(Path(source))
        return DocumentSettings(glossary, markup, display, settings.disable)

    def _default_folder(self) -> Path:
        return self.folders[-1] if self.folders else Path.cwd()

    def _project(self, start: Path) -> Project:
        found = self._config or find_config(start)
        key = None if found is None else str(Path(found).resolve())
        project = self._projects.get(key)
        if project is None:
            # An absolute path: glossary paths in it then do not depend on the
            # server's current folder.
            config = Config() if key is None else load_config(key)
            if key is not None:
                self._watch(Path(key))
            project = Project(config, glossaries=self._glossaries)
            self._projects[key] = project
        return project

    def _watch(self, path: Path) -> None:
        if path not in self._stamps:
            self._stamps[path] = _stamp(path)

    def stale(self) -> bool:
        """True when a config or glossary file read so far changed on disk."""
        return any(_stamp(path) != stamp for path, stamp in self._stamps.items())

    def concerns(self, path: Path) -> bool:
        """True when a change to ``path`` may change settings: a config file (also
        a new one) or a glossary file in use."""
        return path.name in _WATCHED_NAMES or path.resolve() in self._stamps

    def reload(self) -> None:
        """Forget every loaded config and glossary; the next check loads them anew."""
        self._projects.clear()
        self._stamps.clear()
