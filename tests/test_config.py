"""Tests for termcheck.config: discovery, YAML and pyproject parsing, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.config import (
    Config,
    boundary_of,
    describe_search,
    find_config,
    load_config,
    parse_config,
    search_folders,
)
from termcheck.errors import ConfigError

FULL = """\
glossaries: [terms.yaml, diplomacy-en]
include: ["docs/**/*.md"]
exclude: [drafts/]
fail-on: warning
format: json
markup: {.mdx: markdown, txt: rst}
fuzzy: 0.9
overrides:
  - paths: ["legal/**"]
    glossaries: [legal.yaml]
    fail-on: info
    disable: [email]
"""


class TestParse:
    """Every key is read into the Config; paths are relative to the file."""

    def test_all_keys(self):
        """A config using every key gives the matching fields."""
        config = parse_config(FULL, "proj/.termcheck.yaml")
        assert config.path == "proj/.termcheck.yaml"
        assert config.root == Path("proj")
        assert config.glossaries == (str(Path("proj/terms.yaml")), "diplomacy-en")
        assert config.include == ("docs/**/*.md",)
        assert config.exclude == ("drafts/",)
        assert (config.fail_on, config.format, config.fuzzy) == ("warning", "json", 0.9)
        assert config.markup_map == {".mdx": "markdown", ".txt": "rst"}
        (override,) = config.overrides
        assert override.paths == ("legal/**",)
        assert override.glossaries == (str(Path("proj/legal.yaml")),)
        assert (override.fail_on, override.disable, override.line) == (
            "info",
            ("email",),
            9,
        )

    def test_empty_file_gives_defaults(self):
        """An empty config is valid and sets nothing."""
        config = parse_config("", ".termcheck.yaml")
        assert config == Config(path=".termcheck.yaml", root=Path())

    def test_fix_quotes(self):
        """``fix-quotes`` on the top level and in an override."""
        config = parse_config(
            "fix-quotes: true\noverrides:\n  - paths: [a/]\n    fix-quotes: false\n"
            "  - paths: [b/]\n",
            "c.yaml",
        )
        assert config.fix_quotes is True
        assert [o.fix_quotes for o in config.overrides] == [False, None]
        assert parse_config("", "c.yaml").fix_quotes is False

    @pytest.mark.parametrize("value", ["false", "0"])
    def test_fuzzy_off(self, value):
        """``fuzzy: false`` (or 0) turns near-miss search off by default."""
        assert parse_config(f"fuzzy: {value}\n", "c.yaml").fuzzy is None

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [
            (
                "glossary: [a.yaml]\n",
                1,
                "unknown key 'glossary' in the config; did you mean 'glossaries'?",
            ),
            ("fail-on: warning\nfailon: error\n", 2, "did you mean 'fail-on'?"),
            ("fail-on: sometimes\n", 1, "'fail-on' must be"),
            ("format: xml\n", 1, "'format' must be"),
            ("fuzzy: 2\n", 1, "'fuzzy' must be a number in (0, 1] or false"),
            ("markup: {.mdx: markdwn}\n", 1, "did you mean 'markdown'?"),
            ("markup: [a]\n", 1, "'markup' must be a mapping"),
            (
                "overrides:\n  - paths: [a]\n    glosaries: [b]\n",
                3,
                "unknown key 'glosaries' in an override; did you mean 'glossaries'?",
            ),
            ("overrides:\n  - fail-on: info\n", 2, "an override needs 'paths'"),
            ("include: notalist\n", 1, "'include' must be a list"),
            ("fix-quotes: 1\n", 1, "'fix-quotes' must be true or false, not"),
            ("- a\n", 1, "the config must be a mapping"),
            ("key: [unclosed\n", 2, "invalid YAML"),
        ],
    )
    def test_invalid_yaml_config(self, text, line, message):
        """Each mistake is a ConfigError citing the file and line, with a hint."""
        with pytest.raises(ConfigError) as caught:
            parse_config(text, "dir/.termcheck.yaml")
        assert caught.value.path == "dir/.termcheck.yaml"
        assert caught.value.line == line
        assert message in str(caught.value)
        assert str(caught.value).startswith(f"dir/.termcheck.yaml:{line}:")


class TestDiscovery:
    """The nearest config from the current folder up to the repository root."""

    def test_nearest_wins_and_yaml_before_pyproject(self, tmp_path):
        """In one folder .termcheck.yaml wins; a nearer folder wins over a farther."""
        (tmp_path / ".git").mkdir()
        sub = tmp_path / "a" / "b"
        sub.mkdir(parents=True)
        (tmp_path / ".termcheck.yaml").write_text("fail-on: info\n", encoding="utf-8")
        (tmp_path / "a" / "pyproject.toml").write_text(
            "[tool.termcheck]\nfail-on = 'warning'\n", encoding="utf-8"
        )
        assert find_config(sub) == tmp_path / "a" / "pyproject.toml"
        (tmp_path / "a" / ".termcheck.yaml").write_text("", encoding="utf-8")
        assert find_config(sub) == tmp_path / "a" / ".termcheck.yaml"

    def test_pyproject_without_tool_table_is_passed_over(self, tmp_path):
        """A pyproject.toml with no [tool.termcheck] does not stop the search."""
        (tmp_path / ".git").mkdir()
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "pyproject.toml").write_text(
            "[project]\nname = 'x'\n", encoding="utf-8"
        )
        (tmp_path / ".termcheck.yaml").write_text("", encoding="utf-8")
        assert find_config(tmp_path / "sub") == tmp_path / ".termcheck.yaml"

    def test_search_stops_at_repository_root(self, tmp_path):
        """A config above the folder holding .git is not used."""
        (tmp_path / ".termcheck.yaml").write_text("", encoding="utf-8")
        repo = tmp_path / "repo"
        (repo / ".git").mkdir(parents=True)
        assert find_config(repo) is None

    def test_load_shows_path_relative_to_cwd(self, tmp_path):
        """A config found upwards is shown (and its paths resolved) relative."""
        (tmp_path / ".git").mkdir()
        (tmp_path / "docs").mkdir()
        (tmp_path / ".termcheck.yaml").write_text(
            "glossaries: [g.yaml]\n", encoding="utf-8"
        )
        config = load_config(cwd=tmp_path / "docs")
        assert config.path == str(Path("..") / ".termcheck.yaml")
        assert config.glossaries == (str(Path("..") / "g.yaml"),)

    def test_no_config_gives_defaults(self, tmp_path):
        """Without any config file the defaults apply."""
        (tmp_path / ".git").mkdir()
        assert load_config(cwd=tmp_path) == Config()

    def test_explicit_missing_config(self, tmp_path):
        """``--config`` naming a missing file is a ConfigError."""
        with pytest.raises(ConfigError, match="no such config file"):
            load_config(str(tmp_path / "none.yaml"))


class TestSearchStops:
    """The search climbs to the repository root, else to home, else stays put."""

    def test_repository_root(self, tmp_path):
        """Inside a repository: every folder up to the one holding .git."""
        (tmp_path / "repo" / ".git").mkdir(parents=True)
        start = tmp_path / "repo" / "a" / "b"
        start.mkdir(parents=True)
        folders, stop = search_folders(start, home=tmp_path)
        assert folders == (start, start.parent, tmp_path / "repo")
        assert stop == "the repository root"

    def test_home_folder(self, tmp_path):
        """No repository, under home: up to home, home included."""
        start = tmp_path / "home" / "notes"
        start.mkdir(parents=True)
        folders, stop = search_folders(start, home=tmp_path / "home")
        assert folders == (start, tmp_path / "home")
        assert stop == "the home folder"

    def test_neither(self, tmp_path):
        """Outside both: the current folder only (never a shared /tmp above)."""
        start = tmp_path / "work"
        start.mkdir()
        (tmp_path / ".termcheck.yaml").write_text("fail-on: info\n", "utf-8")
        assert search_folders(start, home=tmp_path / "home") == (
            (start,),
            "the current folder",
        )
        assert find_config(start, home=tmp_path / "home") is None

    def test_described(self, tmp_path):
        """--verbose words each case."""
        (tmp_path / ".git").mkdir()
        (tmp_path / "a").mkdir()
        assert describe_search(tmp_path / "a", home=tmp_path / "home") == (
            "in the current folder and 1 above it, up to the repository root "
            f"{tmp_path.as_posix()}"
        )
        assert describe_search(tmp_path, home=tmp_path / "home") == (
            "in the current folder only, which is the repository root"
        )
        (tmp_path / ".git").rmdir()
        assert describe_search(tmp_path / "a", home=tmp_path / "home") == (
            "in the current folder only: it is outside any repository and home"
        )


class TestBoundary:
    """Paths a config names stay inside its repository (or its folder)."""

    def test_boundary_is_the_repository(self, tmp_path):
        """The nearest folder holding .git, else the config's own folder."""
        (tmp_path / "repo" / ".git").mkdir(parents=True)
        (tmp_path / "repo" / "docs").mkdir()
        assert boundary_of(tmp_path / "repo" / "docs") == (tmp_path / "repo").resolve()
        (tmp_path / "plain").mkdir()
        assert boundary_of(tmp_path / "plain") == (tmp_path / "plain").resolve()

    @pytest.mark.parametrize(
        ("entry", "inside"),
        [
            ("g.yaml", True),
            ("../g.yaml", True),  # the repository root, from docs/
            ("../../g.yaml", False),
            ("../docs/../../g.yaml", False),
            ("/etc/hostname", False),
            ("linked.yaml", False),
            ("diplomacy-en", True),  # a bundled name, not a path
        ],
    )
    def test_glossary_entries(self, tmp_path, entry, inside):
        """Resolved with '..' and links before they are judged."""
        repo = tmp_path / "repo"
        (repo / ".git").mkdir(parents=True)
        (repo / "docs").mkdir()
        (tmp_path / "outside.yaml").write_text("", encoding="utf-8")
        (repo / "docs" / "linked.yaml").symlink_to(tmp_path / "outside.yaml")
        text = f"glossaries: [{entry}]\n"
        path = str(repo / "docs" / ".termcheck.yaml")
        if inside:
            assert parse_config(text, path).glossaries
            return
        with pytest.raises(ConfigError, match="is outside the repository") as caught:
            parse_config(text, path)
        assert (caught.value.line, caught.value.column) == (1, 14)

    def test_pattern_with_dots_refused(self):
        """A pattern climbing out with '..' could never match: an error."""
        with pytest.raises(ConfigError, match="climbs out of the config's folder"):
            parse_config("include: ['docs/../../x.md']\n", "c/.termcheck.yaml")

    def test_root_that_is_no_mapping_is_not_quoted(self):
        """A config that is a bare token says what it is, not what it holds."""
        with pytest.raises(ConfigError) as caught:
            parse_config("ghp_abcdefghijklmnopqrstuvwxyz\n", ".termcheck.yaml")
        assert str(caught.value) == (
            ".termcheck.yaml:1:1: the config must be a mapping of settings; this "
            "file holds text of 30 characters on 1 line"
        )
