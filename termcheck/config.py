"""Project configuration: find ``.termcheck.yaml`` or ``[tool.termcheck]``; check it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from termcheck.config_search import (
    CONFIG_NAMES,
    boundary_of,
    describe_search,
    exists,
    find_config,
    inside,
    search_folders,
)
from termcheck.errors import ConfigError, GlossaryError, excerpt
from termcheck.guard import read_named
from termcheck.pyproject import toml_nodes
from termcheck.yamlnodes import (
    NodeReader,
    YList,
    YMap,
    YScalar,
    YValue,
    describe,
    given,
    outline,
    read_yaml,
)

__all__ = [
    "CONFIG_NAMES",
    "FAIL_ON",
    "KEYS",
    "OVERRIDE_KEYS",
    "Config",
    "Override",
    "boundary_of",
    "describe_search",
    "find_config",
    "load_config",
    "parse_config",
    "search_folders",
]

KEYS: Final = (
    "glossaries",
    "include",
    "exclude",
    "fail-on",
    "format",
    "markup",
    "fuzzy",
    "fix-quotes",
    "overrides",
    "max-findings",
    "max-findings-per-file",
)
OVERRIDE_KEYS: Final = ("paths", "glossaries", "fail-on", "disable", "fix-quotes")
FAIL_ON: Final = ("error", "warning", "info", "never")
"""``fail-on`` levels; ``never`` fails only on errors of input."""
DEFAULT_FUZZY: Final = 0.88
CONFIG_LIMIT: Final = 16 * 1024 * 1024  # a larger config or pyproject is refused


@dataclass(frozen=True, slots=True)
class Override:
    """Settings for the files that match ``paths`` (gitignore-style patterns)."""

    paths: tuple[str, ...]
    glossaries: tuple[str, ...] | None = None  # None: keep the project's
    fail_on: str | None = None
    disable: tuple[str, ...] = ()
    fix_quotes: bool | None = None  # None: keep the project's
    line: int = 0  # where the entry starts in the config file


@dataclass(frozen=True, slots=True)
class Config:
    """A project's settings; the defaults when no config file was found.

    ``root`` is the folder of the config file: patterns and glossary paths are
    relative to it. ``glossaries`` holds paths as they can be opened from the
    current folder (or bundled glossary names).
    """

    path: str | None = None
    root: Path = field(default_factory=Path)
    glossaries: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    format: str | None = None
    markup: tuple[tuple[str, str], ...] = ()  # (".mdx", "markdown"), ...
    fuzzy: float | None = DEFAULT_FUZZY
    fix_quotes: bool = False  # --fix rewrites quoted findings too
    overrides: tuple[Override, ...] = ()
    max_findings: int | None = None  # None: not set (0 in the file: no limit)
    max_findings_per_file: int | None = None

    @property
    def markup_map(self) -> dict[str, str]:
        """``markup`` as a mapping from lower-case file ending to markup name."""
        return dict(self.markup)


def load_config(path: str | None = None, *, cwd: Path | None = None) -> Config:
    """Load ``path``, else the config found from ``cwd`` upwards, else defaults."""
    here = Path.cwd() if cwd is None else cwd
    if path is not None:
        found = Path(path)
        if not found.is_file():
            raise ConfigError("no such config file", path)
        shown = path
    else:
        try:
            located = find_config(here.resolve())
        except ConfigError as error:  # a broken pyproject.toml met on the way up
            shown = os.path.relpath(error.path, here.resolve())
            raise ConfigError(error.problem, shown, error.line, error.column) from None
        if located is None:
            return Config()
        shown = os.path.relpath(located, here.resolve())
        found = located
    return parse_config(_read(found, shown), shown, location=found.parent)


def parse_config(text: str, path: str, *, location: Path | None = None) -> Config:
    """Parse and validate one config file (YAML, or TOML for ``*.toml``).

    ``location`` is the folder that holds the file (default: the folder of
    ``path``): the files the config names must lie inside its repository.
    """
    if path.endswith(".toml"):
        root = toml_nodes(text, path)
    else:
        try:
            root = read_yaml(text, path)
        except GlossaryError as error:
            raise ConfigError(error.problem, path, error.line, error.column) from None
    folder = Path(path).parent
    if root is None:
        return Config(path=path, root=folder)
    return _Reader(path, location or folder).config(root, folder)


def _read(found: Path, shown: str) -> str:
    try:
        return read_named(found, limit=CONFIG_LIMIT).decode("utf-8-sig")
    except OSError as error:
        raise ConfigError(f"cannot read config: {error.strerror}", shown) from None
    except UnicodeDecodeError:
        raise ConfigError("config file is not valid UTF-8", shown) from None


def _looks_like_path(entry: str) -> bool:
    """``docs/g.yaml``, ``g.yaml``: not a bundled name (those have no dot)."""
    return "/" in entry or os.sep in entry or "." in Path(entry).name


class _Reader(NodeReader):
    """Validates the located values of one config file.

    The files it names must lie inside ``boundary_of(location)``: a config is
    part of a repository, and what a repository says must not make termcheck
    read (and quote) a file outside it. Paths given on the command line are
    the user's own and are not held to this.
    """

    error = ConfigError

    def __init__(self, path: str, location: Path) -> None:
        super().__init__(path)
        self.location = location
        self.boundary = boundary_of(location)
        self.repository = (self.boundary / ".git").exists()

    def config(self, root: YValue, folder: Path) -> Config:
        if not isinstance(root, YMap):  # may be any file at all: quote none of it
            problem = "the config must be a mapping of settings; this file holds "
            raise self.fail(root, problem + outline(root))
        top = self.mapping(root, "the config", KEYS)
        glossaries = self.glossaries(given(top, "glossaries"), folder)
        fuzzy = given(top, "fuzzy")
        markup = given(top, "markup")
        overrides = given(top, "overrides")
        return Config(
            path=self.path,
            root=folder,
            glossaries=glossaries,
            include=self.patterns(given(top, "include"), "'include'"),
            exclude=self.patterns(given(top, "exclude"), "'exclude'"),
            fail_on=self.fail_on(given(top, "fail-on")),
            format=self.format(given(top, "format")),
            markup=self.markup(markup) if markup else (),
            fuzzy=self.fuzzy(fuzzy) if fuzzy else DEFAULT_FUZZY,
            fix_quotes=self.flag(given(top, "fix-quotes"), "'fix-quotes'") or False,
            overrides=self.overrides(overrides, folder) if overrides else (),
            max_findings=self.count(given(top, "max-findings"), "'max-findings'"),
            max_findings_per_file=self.count(
                given(top, "max-findings-per-file"), "'max-findings-per-file'"
            ),
        )

    def glossaries(self, node: YValue | None, folder: Path) -> tuple[str, ...]:
        """Glossary entries as sources; each path must lie inside the boundary."""
        entries = self.texts(node, "'glossaries'")
        sources = []
        for index, entry in enumerate(entries):
            if not (exists(self.location / entry) or _looks_like_path(entry)):
                sources.append(entry)  # a bundled glossary's name
                continue
            if not inside(self.location / entry, self.boundary):
                assert isinstance(node, YList)
                raise self.fail(node.items[index], self._outside(entry))
            sources.append(str(folder / entry))  # as it opens from the current folder
        return tuple(sources)

    def _outside(self, entry: str) -> str:
        where = "repository" if self.repository else "config's folder"
        return (
            f"glossary {excerpt(entry)} is outside the {where} (following '..' "
            "and symbolic links); a config may name only files inside it or "
            "bundled glossaries; give others with --glossary"
        )

    def count(self, node: YValue | None, what: str) -> int | None:
        if node is None:
            return None
        if isinstance(node, YScalar) and node.tag == "int":
            assert isinstance(node.value, int)
            if node.value >= 0:
                return node.value
        problem = f"{what} must be a whole number (0: no limit), not "
        raise self.fail(node, problem + describe(node))

    def patterns(self, node: YValue | None, what: str) -> tuple[str, ...]:
        from pathspec import GitIgnoreSpec

        found = self.texts(node, what)
        for index, pattern in enumerate(found):
            assert isinstance(node, YList)
            if ".." in pattern.lstrip("!").replace("\\", "/").split("/"):
                problem = (
                    f"pattern {excerpt(pattern)} climbs out of the config's folder "
                    "with '..'; patterns match files inside it"
                )
                raise self.fail(node.items[index], problem)
            try:
                GitIgnoreSpec.from_lines([pattern])
            except ValueError as error:
                raise self.fail(node.items[index], f"bad pattern: {error}") from None
        return found

    def fail_on(self, node: YValue | None) -> str | None:
        if node is None:
            return None
        return self.choice(node, "'fail-on'", {level: level for level in FAIL_ON})

    def format(self, node: YValue | None) -> str | None:
        if node is None:
            return None
        from termcheck.formatters import FORMATTERS

        return self.choice(node, "'format'", {name: name for name in FORMATTERS})

    def markup(self, node: YValue) -> tuple[tuple[str, str], ...]:
        from termcheck.extractors import EXTRACTORS

        if not isinstance(node, YMap):
            problem = "'markup' must be a mapping from file ending to markup, not "
            raise self.fail(node, problem + describe(node))
        names = {name: name for name in EXTRACTORS}
        pairs = []
        for key, (key_node, value) in node.entries.items():
            ending = "." + key.strip().lstrip("*").lstrip(".").lower()
            if ending == "." or "/" in ending:
                raise self.fail(
                    key_node, f"{excerpt(key)} is not a file ending like '.mdx'"
                )
            pairs.append(
                (ending, self.choice(value, f"markup of {excerpt(key)}", names))
            )
        return tuple(pairs)

    def fuzzy(self, node: YValue) -> float | None:
        if isinstance(node, YScalar) and node.tag == "bool" and node.value is False:
            return None
        if isinstance(node, YScalar) and node.tag in ("int", "float"):
            assert isinstance(node.value, (int, float))
            if node.value == 0:
                return None
            if 0 < node.value <= 1:
                return float(node.value)
        problem = "'fuzzy' must be a number in (0, 1] or false, not "
        raise self.fail(node, problem + describe(node))

    def flag(self, node: YValue | None, what: str) -> bool | None:
        if node is None:
            return None
        if isinstance(node, YScalar) and node.tag == "bool":
            return bool(node.value)
        raise self.fail(node, f"{what} must be true or false, not {describe(node)}")

    def overrides(self, node: YValue, folder: Path) -> tuple[Override, ...]:
        if not isinstance(node, YList):
            raise self.fail(node, f"'overrides' must be a list, not {describe(node)}")
        return tuple(self.override(item, folder) for item in node.items)

    def override(self, node: YValue, folder: Path) -> Override:
        entry = self.mapping(node, "an override", OVERRIDE_KEYS)
        paths = self.patterns(given(entry, "paths"), "'paths'")
        if not paths:
            raise self.fail(entry, "an override needs 'paths' (a list of patterns)")
        glossaries = given(entry, "glossaries")
        return Override(
            paths=paths,
            glossaries=self.glossaries(glossaries, folder)
            if glossaries is not None
            else None,
            fail_on=self.fail_on(given(entry, "fail-on")),
            disable=self.texts(given(entry, "disable"), "'disable'"),
            fix_quotes=self.flag(given(entry, "fix-quotes"), "'fix-quotes'"),
            line=node.line,
        )
