"""Tests for termcheck.selection: git's ignore rules (checked against git) and
the config's include/exclude patterns."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from termcheck.config import Config
from termcheck.selection import GitIgnore, Selection, find_repository, fix_trees

TREE = {
    ".gitignore": "build/\n*.log.md\n!keep.log.md\n/top-only.md\ndocs/*.tmp.md\n",
    "docs/.gitignore": "private/\n!also-kept.log.md\nlocal.md\n",
    "a.md": "",
    "top-only.md": "",
    "sub/top-only.md": "",
    "x.log.md": "",
    "keep.log.md": "",
    "build/out.md": "",
    "build/keep.log.md": "",
    "sub/build/nested.md": "",
    "docs/a.tmp.md": "",
    "docs/deeper/a.tmp.md": "",
    "docs/local.md": "",
    "docs/deeper/local.md": "",
    "docs/also-kept.log.md": "",
    "docs/private/secret.md": "",
    "excluded-by-info.md": "",
    "notes/ok.md": "",
}


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git in ``repo`` without the user's or system's configuration."""
    environment = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
        "XDG_CONFIG_HOME": str(repo),
    }
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with nested .gitignore files and an info/exclude entry."""
    assert git(tmp_path, "init", "-q").returncode == 0
    for name, text in TREE.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text(
        "excluded-by-info.md\n", encoding="utf-8"
    )
    return tmp_path


def git_ignored(repo: Path, names: list[str]) -> set[str]:
    """The names git itself reports as ignored."""
    result = git(repo, "check-ignore", *names)
    assert result.returncode in (0, 1), result.stderr
    return set(result.stdout.split())


class TestGitIgnore:
    """Our reading of the ignore files agrees with git's on every file."""

    def test_agrees_with_git_check_ignore(self, repo):
        """For each file of the tree, ignored() equals ``git check-ignore``."""
        names = [name for name in TREE if not name.endswith(".gitignore")]
        expected = git_ignored(repo, names)
        rules = GitIgnore(repo)
        ours = {name for name in names if rules.ignored(repo / name)}
        assert ours == expected
        assert {"build/out.md", "docs/private/secret.md", "excluded-by-info.md"} <= ours

    def test_agrees_on_folders(self, repo):
        """Folders: ``build`` and ``docs/private`` are ignored, ``docs`` is not."""
        rules = GitIgnore(repo)
        for name in ("build", "sub/build", "docs/private"):
            assert rules.ignored(repo / name, folder=True)
        assert not rules.ignored(repo / "docs", folder=True)

    def test_worktree_git_file(self, repo, tmp_path_factory):
        """A worktree (``.git`` is a file) reads the common info/exclude."""
        assert git(repo, "add", "a.md").returncode == 0
        commit = git(
            repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"
        )
        assert commit.returncode == 0, commit.stderr
        tree = tmp_path_factory.mktemp("wt") / "tree"
        assert git(repo, "worktree", "add", "-q", str(tree)).returncode == 0
        (tree / "excluded-by-info.md").write_text("", encoding="utf-8")
        assert (tree / ".git").is_file()
        assert GitIgnore(tree).ignored(tree / "excluded-by-info.md")
        assert not GitIgnore(tree).ignored(tree / "a.md")

    def test_find_repository(self, repo):
        """The repository of a nested folder is the one holding .git."""
        assert find_repository(repo / "docs" / "deeper") == repo


class TestSelection:
    """Include/exclude patterns, relative to the config's folder."""

    def test_exclude_and_include(self, tmp_path):
        """Walked files need an include match and no exclude match."""
        config = Config(
            root=tmp_path, include=("docs/**/*.md",), exclude=("docs/old/",)
        )
        selection = Selection(config)
        assert selection.wanted_file(tmp_path / "docs" / "a" / "b.md")
        assert not selection.wanted_file(tmp_path / "docs" / "old" / "b.md")
        assert not selection.wanted_file(tmp_path / "other.md")
        assert not selection.wanted_folder(tmp_path / "docs" / "old")
        assert selection.excluded(tmp_path / "docs" / "old" / "x.txt")

    def test_default_extensions_and_markup_endings(self, tmp_path):
        """Without include, known endings and the config's markup endings count."""
        selection = Selection(Config(root=tmp_path, markup=((".mdx", "markdown"),)))
        assert selection.wanted_file(tmp_path / "a.MD")
        assert selection.wanted_file(tmp_path / "a.mdx")
        assert not selection.wanted_file(tmp_path / "a.py")

    def test_paths_outside_the_root_match_no_pattern(self, tmp_path):
        """A file outside the config's folder is never excluded by it."""
        root = tmp_path / "project"
        root.mkdir()
        selection = Selection(Config(root=root, exclude=("*.md",)))
        assert selection.excluded(root / "a.md")
        assert not selection.excluded(tmp_path / "a.md")


class TestFixTrees:
    """Where --fix may write, for each path named on the command line."""

    @pytest.fixture
    def machine(self, tmp_path: Path) -> Path:
        """``repo/`` (a repository; ``docs`` links out), ``elsewhere/``, ``plain/``."""
        (tmp_path / "repo" / ".git").mkdir(parents=True)
        (tmp_path / "repo" / "notes").mkdir()
        (tmp_path / "elsewhere").mkdir()
        (tmp_path / "elsewhere" / "x.md").write_text("", encoding="utf-8")
        (tmp_path / "repo" / "docs").symlink_to(
            tmp_path / "elsewhere", target_is_directory=True
        )
        (tmp_path / "plain" / "sub").mkdir(parents=True)
        (tmp_path / "plain" / "link").symlink_to(
            tmp_path / "elsewhere", target_is_directory=True
        )
        return tmp_path.resolve()

    @pytest.mark.parametrize(
        "named", ["docs", "docs/", "docs/x.md", "notes", "a.md", ".", "./notes/../docs"]
    )
    def test_inside_a_repository_its_root(self, machine, named):
        """Folders, files and links named in a repository: the repository."""
        assert fix_trees([named], cwd=machine / "repo") == (machine / "repo",)

    def test_a_repository_named_from_outside(self, machine):
        """Named from elsewhere, a path in a repository still belongs to it."""
        assert fix_trees(["../repo/docs"], cwd=machine / "plain") == (machine / "repo",)

    def test_outside_a_repository(self, machine):
        """A real folder is its own tree; a file and a link: the current folder."""
        here = machine / "plain"
        assert fix_trees(["sub"], cwd=here) == (here / "sub",)
        assert fix_trees(["a.md", "link", "link/x.md"], cwd=here) == (here,)
        assert fix_trees(["-"], cwd=here) == ()

    def test_named_outside_the_current_folder(self, machine):
        """Typed by the user elsewhere: that folder (or the file's folder)."""
        here = machine / "plain" / "sub"
        assert fix_trees(["../../elsewhere", "../../elsewhere/x.md"], cwd=here) == (
            machine / "elsewhere",
        )
