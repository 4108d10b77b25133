"""Per-file settings of a run (config, overrides, command line); glossaries cached."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termcheck.config import Config, Override
from termcheck.errors import ConfigError, one_line
from termcheck.extractors import markup_for
from termcheck.model import ExitCode, FileResult, Glossary, Report, Severity
from termcheck.selection import Selection

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

__all__ = ["FileSettings", "Project"]

NO_GLOSSARY = (
    "no glossary given; use --glossary, or list 'glossaries' in .termcheck.yaml"
)


@dataclass(frozen=True, slots=True)
class FileSettings:
    """What applies to one file: its markup, glossaries, fail-on, disabled terms,
    and whether ``--fix`` may rewrite its quoted findings."""

    markup: str
    glossaries: tuple[str, ...]
    fail_on: str
    disable: frozenset[str] = frozenset()
    fix_quotes: bool = False


class Project:
    """A run's settings: the config, with the command line's options on top.

    Options given on the command line win over the config file, its overrides
    included: ``--glossary`` replaces every glossary the config names.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        glossaries: Sequence[str] = (),
        markup: str | None = None,
        fail_on: str | None = None,
    ) -> None:
        from pathspec import GitIgnoreSpec

        self.config = config or Config()
        self.selection = Selection(self.config)
        self._cli_glossaries = bool(glossaries)
        self._glossaries = tuple(glossaries) or self.config.glossaries
        self._markup = markup
        self._cli_fail_on = fail_on is not None
        self._fail_on = fail_on or self.config.fail_on or "error"
        self._specs: list[tuple[Override, GitIgnoreSpec]] = [
            (override, GitIgnoreSpec.from_lines(override.paths))
            for override in self.config.overrides
        ]
        self._loaded: dict[tuple[str, ...], Glossary] = {}
        self.use_cache = True  # the on-disk index cache (``--no-cache`` turns it off)
        self.config_given = False  # named with --config rather than found
        self.stdin_name: str | None = None  # --stdin-filename: stdin is this file
        self._fail_on_by_file: dict[str, str] = {}

    @classmethod
    def load(
        cls,
        config_path: str | None = None,
        *,
        glossaries: Sequence[str] = (),
        markup: str | None = None,
        fail_on: str | None = None,
    ) -> Project:
        """The config file (``config_path``, else found upwards) and the options.

        Raises ConfigError for a bad config, or when no glossary is given at all.
        """
        from termcheck.config import load_config

        config = load_config(config_path)
        if not glossaries and not config.glossaries:
            raise ConfigError(NO_GLOSSARY)
        project = cls(config, glossaries=glossaries, markup=markup, fail_on=fail_on)
        project.config_given = config_path is not None
        return project

    def settings_for(self, display: str, path: Path | None) -> FileSettings:
        """The settings of one file (``path`` None: standard input).

        Standard input takes the settings of the file ``stdin_name`` names
        (its markup and overrides), if set; else it is plain text.
        """
        if path is None and self.stdin_name is not None:
            path = Path(self.stdin_name)
        glossaries, fail_on, disable = self._glossaries, self._fail_on, set[str]()
        fix_quotes = self.config.fix_quotes
        for override in self._overrides_for(path):
            if override.fix_quotes is not None:
                fix_quotes = override.fix_quotes
            if override.glossaries is not None and not self._cli_glossaries:
                glossaries = override.glossaries
            if override.fail_on is not None and not self._cli_fail_on:
                fail_on = override.fail_on
            disable.update(override.disable)
        markup = self._markup or markup_for(path, self.config.markup_map)
        self._fail_on_by_file[display] = fail_on
        return FileSettings(markup, glossaries, fail_on, frozenset(disable), fix_quotes)

    def _overrides_for(self, path: Path | None) -> list[Override]:
        if path is None or not self._specs:
            return []
        relative = self.selection.relative(path)
        if relative is None:
            return []
        return [override for override, spec in self._specs if spec.match_file(relative)]

    def glossary(self, sources: Sequence[str]) -> Glossary:
        """The glossary made of ``sources``, loaded once per run."""
        if not sources:
            raise ConfigError(NO_GLOSSARY)
        key = tuple(sources)
        if key not in self._loaded:
            from termcheck.cache import load_indexed
            from termcheck.matcher import use_index

            glossary, index = load_indexed(
                key, fuzzy=self.config.fuzzy, use_cache=self.use_cache
            )
            use_index(glossary, index)
            self._loaded[key] = glossary
        return self._loaded[key]

    def validate(self, use_cache: bool = True) -> Glossary:
        """Load every glossary the run may need now; check the overrides' ids.

        Returns the project's own glossary. Raises GlossaryError or ConfigError.
        ``use_cache=False`` keeps the on-disk index cache out of this run.
        """
        self.use_cache = use_cache
        default = self.glossary(self._glossaries)
        for override in self.config.overrides:
            use_own = override.glossaries is not None and not self._cli_glossaries
            glossary = self.glossary(override.glossaries or ()) if use_own else default
            for term_id in override.disable:
                if term_id not in glossary:
                    ids = [term.id for term in glossary]
                    close = difflib.get_close_matches(term_id, ids, n=1)
                    hint = f"; did you mean {close[0]!r}?" if close else ""
                    raise ConfigError(
                        f"unknown term id {term_id!r} in 'disable'{hint}",
                        self.config.path or "",
                        override.line,
                    )
        return default

    def describe(self) -> list[str]:
        """What ``--verbose`` prints: the config used, the glossaries, the cache.

        Call after :meth:`validate`, which loads the glossaries it counts.
        """
        from termcheck.cache import cache_dir
        from termcheck.config import describe_search

        if self.config.path is None:
            looked = describe_search(Path.cwd())
            lines = [f"config: none found (looked {looked})"]
        else:
            how = "given with --config" if self.config_given else "found"
            lines = [f"config: {self.config.path} ({how})"]
        origin = "--glossary" if self._cli_glossaries else self.config.path
        lines.append(self._glossaries_line("glossaries", self._glossaries, origin))
        for override in self.config.overrides:
            if override.glossaries is not None and not self._cli_glossaries:
                what = f"glossaries for {', '.join(override.paths)}"
                where = f"{self.config.path}:{override.line}"
                lines.append(self._glossaries_line(what, override.glossaries, where))
        folder = cache_dir() if self.use_cache else None
        if not self.use_cache:
            lines.append("index cache: off (--no-cache)")
        elif folder is None:
            lines.append("index cache: off (no home folder to keep it in)")
        else:
            lines.append(f"index cache: {folder}")
        return [one_line(line) for line in lines]

    def _glossaries_line(
        self, what: str, sources: Sequence[str], origin: str | None
    ) -> str:
        from termcheck.notices import plural

        loaded = self._loaded.get(tuple(sources))
        count = "" if loaded is None else f", {plural(len(loaded), 'term')}"
        return f"{what}: {', '.join(sources)} (from {origin}{count})"

    def exit_code(self, report: Report) -> ExitCode:
        """2 on input errors, else 1 if a finding reaches its file's fail-on."""
        if report.errors:
            return ExitCode.ERROR
        if any(self.fails(result) for result in report.results):
            return ExitCode.FINDINGS
        return ExitCode.OK

    def fails(self, result: FileResult) -> bool:
        """True if a finding of ``result``, listed or omitted, reaches the
        file's fail-on."""
        level = self._fail_on_by_file.get(result.path, self._fail_on)
        return level != "never" and result.reaches(Severity.from_label(level))
