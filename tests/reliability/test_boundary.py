"""The repository as a boundary: what a config names, and what --fix rewrites.

A repository's own config (``.termcheck.yaml``, ``[tool.termcheck]``) may name
glossaries inside the repository only (or bundled ones): a config that names
``../../secret`` or ``/etc/passwd`` is one error line naming the config's line,
and the file is never read. Paths given on the command line may go anywhere.
``--fix`` through a folder link committed in the repository (``docs ->
/elsewhere``), named on the command line, rewrites nothing outside it. Every
case runs ``python -m termcheck`` as a process.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.reliability.battery import GLOSSARY, run_process

SECRET = "https://user:ghp_Zq8aLw3nVb5TxR1yKc7Hd2Mf9Pj4Gs6EuQ0o@git.example.org\n"
CONFIG = ".termcheck.yaml"
DRAFT = "Loans under OBOR grew.\n"
FIXED = "Loans under Belt and Road Initiative grew.\n"


def git(folder: Path, *args: str) -> None:
    """Run git quietly in ``folder`` (a throwaway repository)."""
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """``repo/`` (a git repository with glossary.yaml and a.md) and ``outside/``.

    ``outside/`` holds a secret and a valid glossary: neither belongs to the
    repository.
    """
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    git(repo, "init", "-q")
    (repo / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (repo / "a.md").write_text(DRAFT, encoding="utf-8")
    (outside / "secret").write_text(SECRET, encoding="utf-8")
    (outside / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return repo, outside


def assert_refused(outcome, where: str, entry: str) -> None:
    """Exit 2, one error line at ``where`` naming ``entry``, the secret unread."""
    assert outcome.code == 2, outcome.stderr
    assert outcome.stdout == ""
    assert outcome.errors == [
        f"{where}: glossary '{entry}' is outside the repository (following '..' "
        "and symbolic links); a config may name only files inside it or bundled "
        "glossaries; give others with --glossary"
    ]
    assert "ghp_" not in outcome.stderr


class TestConfigNamesFilesInsideItsRepository:
    """Glossary paths in a config stay inside the config's repository."""

    @pytest.mark.parametrize(
        ("entry", "column"),
        [("../outside/secret", 14), ("sub/../../outside/secret", 14)],
    )
    def test_climbing_out_is_refused(self, layout, entry, column):
        """``..`` out of the repository, directly or after a folder."""
        repo, _ = layout
        (repo / "sub").mkdir()
        (repo / CONFIG).write_text(f"glossaries: [{entry}]\n", encoding="utf-8")
        outcome = run_process(repo, "check", "a.md")
        assert_refused(outcome, f"{CONFIG}:1:{column}", entry)

    def test_absolute_path_is_refused(self, layout):
        """An absolute path elsewhere on the machine."""
        repo, outside = layout
        entry = str(outside / "secret")
        (repo / CONFIG).write_text(
            f"glossaries:\n  - glossary.yaml\n  - {entry}\n", encoding="utf-8"
        )
        outcome = run_process(repo, "check", "a.md")
        assert outcome.code == 2
        (line,) = outcome.errors
        assert line.startswith(f"{CONFIG}:3:5: glossary '"), line
        assert "is outside the repository" in line
        assert "ghp_" not in outcome.stderr

    def test_link_out_of_the_repository_is_refused(self, layout):
        """A committed link to a file outside: resolved before it is judged."""
        repo, outside = layout
        (repo / "terms.yaml").symlink_to(outside / "secret")
        (repo / CONFIG).write_text("glossaries: [terms.yaml]\n", encoding="utf-8")
        outcome = run_process(repo, "check", "a.md")
        assert_refused(outcome, f"{CONFIG}:1:14", "terms.yaml")

    def test_override_glossaries_are_held_too(self, layout):
        """An override's glossaries follow the same rule, at their own line."""
        repo, _ = layout
        (repo / CONFIG).write_text(
            "glossaries: [glossary.yaml]\noverrides:\n  - paths: ['legal/**']\n"
            "    glossaries: [../outside/secret]\n",
            encoding="utf-8",
        )
        outcome = run_process(repo, "check", "a.md")
        assert_refused(outcome, f"{CONFIG}:4:18", "../outside/secret")

    def test_pyproject_table_is_held_too(self, layout):
        """``[tool.termcheck]`` in pyproject.toml, located at its key's line."""
        repo, _ = layout
        (repo / "pyproject.toml").write_text(
            '[project]\nname = "x"\n\n[tool.termcheck]\n'
            'glossaries = ["../outside/secret"]\n',
            encoding="utf-8",
        )
        outcome = run_process(repo, "check", "a.md")
        assert_refused(outcome, "pyproject.toml:5:1", "../outside/secret")

    def test_config_given_with_config_option_is_held_too(self, layout):
        """``--config`` names the config; its own paths still stay in its repo."""
        repo, _ = layout
        (repo / "ci.yaml").write_text(
            "glossaries: [../outside/secret]\n", encoding="utf-8"
        )
        outcome = run_process(repo, "check", "--config", "ci.yaml", "a.md")
        assert_refused(outcome, "ci.yaml:1:14", "../outside/secret")

    def test_without_a_repository_the_config_folder_is_the_boundary(self, tmp_path):
        """No .git anywhere above: the config's own folder bounds what it names."""
        project = tmp_path / "project"
        project.mkdir()
        (project / "a.md").write_text(DRAFT, encoding="utf-8")
        (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
        (project / CONFIG).write_text("glossaries: [../glossary.yaml]\n", "utf-8")
        outcome = run_process(project, "check", "a.md")
        assert outcome.code == 2
        assert outcome.errors == [
            f"{CONFIG}:1:14: glossary '../glossary.yaml' is outside the config's "
            "folder (following '..' and symbolic links); a config may name only "
            "files inside it or bundled glossaries; give others with --glossary"
        ]

    def test_inside_the_repository_and_bundled_names_load(self, layout):
        """A config in a subfolder may name a glossary higher up in the repo."""
        repo, _ = layout
        docs = repo / "docs"
        docs.mkdir()
        (docs / "b.md").write_text("A colour and a color.\n", encoding="utf-8")
        (docs / CONFIG).write_text(
            "glossaries: [../glossary.yaml, en-us-gb]\n", encoding="utf-8"
        )
        outcome = run_process(docs, "check", "b.md", "../a.md")
        assert outcome.code == 1, outcome.stderr
        assert "../a.md:1:13: error:" in outcome.stdout
        assert "[inconsistent color]" in outcome.stdout

    def test_command_line_paths_go_anywhere(self, layout):
        """``--glossary`` and ``--config`` are the user's: outside is fine."""
        repo, outside = layout
        (outside / "ci.yaml").write_text("glossaries: [glossary.yaml]\n", "utf-8")
        by_glossary = run_process(
            repo, "check", "-g", "../outside/glossary.yaml", "a.md"
        )
        assert by_glossary.code == 1
        assert "a.md:1:13: error:" in by_glossary.stdout
        by_config = run_process(repo, "check", "--config", "../outside/ci.yaml", "a.md")
        assert by_config.code == 1, by_config.stderr
        assert "a.md:1:13: error:" in by_config.stdout

    def test_patterns_may_not_climb_out(self, layout):
        """An include, exclude or override pattern with '..' could never match."""
        repo, _ = layout
        (repo / CONFIG).write_text(
            "glossaries: [glossary.yaml]\nexclude: [drafts/, ../other/*.md]\n",
            encoding="utf-8",
        )
        outcome = run_process(repo, "check", "a.md")
        assert outcome.code == 2
        assert outcome.errors == [
            f"{CONFIG}:2:20: pattern '../other/*.md' climbs out of the config's "
            "folder with '..'; patterns match files inside it"
        ]


class TestConfigFileItself:
    """A config found in the repository that links out of it is not read."""

    def test_linked_yaml_config_is_refused(self, layout):
        """``.termcheck.yaml -> ../outside/secret``: an error, nothing quoted."""
        repo, outside = layout
        (repo / CONFIG).symlink_to(outside / "secret")
        outcome = run_process(repo, "check", "-g", "glossary.yaml", "a.md")
        assert outcome.code == 2
        assert outcome.errors == [
            f"{CONFIG}: config file is a symbolic link to a file outside the "
            "repository; not read (name it with --config to use it)"
        ]

    def test_linked_pyproject_is_passed_over(self, layout):
        """A pyproject.toml linking out may be anything: not read, no config."""
        repo, outside = layout
        (outside / "pyproject.toml").write_text(
            "[tool.termcheck]\nfail-on = 'bogus'\n", encoding="utf-8"
        )
        (repo / "pyproject.toml").symlink_to(outside / "pyproject.toml")
        outcome = run_process(repo, "check", "-g", "glossary.yaml", "-v", "a.md")
        assert outcome.code == 1, outcome.stderr
        assert outcome.notes("config") == [
            "none found (looked in the current folder only, which is the "
            "repository root)"
        ]


class TestFixThroughNamedFolderLinks:
    """A committed folder link named on the command line leads nowhere --fix writes."""

    @pytest.fixture
    def linked(self, layout) -> tuple[Path, Path]:
        """``repo/docs`` is a committed link (mode 120000) to ``outside/``."""
        repo, outside = layout
        (outside / "x.md").write_text(DRAFT, encoding="utf-8")
        (repo / "docs").symlink_to(outside, target_is_directory=True)
        git(repo, "add", "docs", "glossary.yaml", "a.md")
        git(repo, "commit", "-q", "-m", "docs")
        listed = subprocess.run(
            ["git", "ls-files", "-s", "docs"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        )
        assert listed.stdout.startswith("120000 ")
        return repo, outside

    @pytest.mark.parametrize("named", ["docs", "docs/", "docs/x.md", "./docs/x.md"])
    def test_named_link_is_not_written_through(self, linked, named):
        """Reported, refused with one line per file, the outside file untouched."""
        repo, outside = linked
        outcome = run_process(repo, "check", "-g", "glossary.yaml", "--fix", named)
        assert outcome.code == 2
        shown = named.rstrip("/").removesuffix("/x.md") + "/x.md"
        assert outcome.errors == [
            f"{shown}: not fixed: a symbolic link leads it outside the checked "
            "repository or folder"
        ]
        assert f"{shown}:1:13: error:" in outcome.stdout
        assert (outside / "x.md").read_bytes() == DRAFT.encode()

    def test_named_by_absolute_path(self, linked):
        """The same through an absolute path into the repository."""
        repo, outside = linked
        outcome = run_process(
            repo, "check", "-g", "glossary.yaml", "--fix", str(repo / "docs")
        )
        assert outcome.code == 2
        assert (outside / "x.md").read_bytes() == DRAFT.encode()

    def test_walked_link_is_not_entered(self, linked):
        """Walking the repository never enters the folder link at all."""
        repo, outside = linked
        outcome = run_process(repo, "check", "-g", "glossary.yaml", "--fix", ".")
        assert outcome.code == 0, outcome.stderr
        assert (repo / "a.md").read_text(encoding="utf-8") == FIXED
        assert (outside / "x.md").read_bytes() == DRAFT.encode()

    def test_links_inside_the_repository_are_written_through(self, linked):
        """A link from one folder of the repository to another stays inside."""
        repo, _ = linked
        (repo / "notes").mkdir()
        (repo / "notes" / "a.md").symlink_to("../a.md")
        outcome = run_process(repo, "check", "-g", "glossary.yaml", "--fix", "notes")
        assert outcome.code == 0, outcome.stderr
        assert (repo / "notes" / "a.md").is_symlink()
        assert (repo / "a.md").read_text(encoding="utf-8") == FIXED

    def test_the_real_folder_named_is_fixed(self, linked):
        """The user names the folder itself: it is fixed like any other."""
        repo, outside = linked
        outcome = run_process(
            repo, "check", "-g", "glossary.yaml", "--fix", str(outside)
        )
        assert outcome.code == 0, outcome.stderr
        assert (outside / "x.md").read_text(encoding="utf-8") == FIXED

    def test_outside_any_repository_a_named_link_is_held_too(self, tmp_path):
        """No repository: a folder link in the current folder is no tree of its own."""
        work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
        work.mkdir()
        elsewhere.mkdir()
        (work / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
        (elsewhere / "x.md").write_text(DRAFT, encoding="utf-8")
        (work / "docs").symlink_to(elsewhere, target_is_directory=True)
        outcome = run_process(work, "check", "-g", "glossary.yaml", "--fix", "docs")
        assert outcome.code == 2
        assert outcome.only_error("docs/x.md").startswith("not fixed: a symbolic")
        assert (elsewhere / "x.md").read_bytes() == DRAFT.encode()
