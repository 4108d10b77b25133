"""The hooks of .pre-commit-hooks.yaml, run by the real pre-commit in a temp repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# What pre-commit needs to install termcheck from a copy of this checkout.
PACKAGE_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
PACKAGE_DIRS = ("termcheck", "glossaries")

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road]
"""

DRAFT_BAD = "# Notes\n\nThe panel discussed One Belt One Road loans.\n"
DRAFT_GOOD = "# Notes\n\nThe panel discussed Belt and Road Initiative loans.\n"

# pre-commit builds a virtualenv and pip-installs the hook repo (from PyPI).
INSTALL_TIMEOUT = 900


def _git_env() -> dict[str, str]:
    """An environment for git and pre-commit that ignores this test run's setup."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")
    }
    env.update(
        GIT_AUTHOR_NAME="termcheck test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="termcheck test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
    )
    return env


def _git(folder: Path, *args: str) -> str:
    """Run git in ``folder`` and return its output."""
    proc = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=folder,
        env=_git_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return proc.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repo holding the current files of this checkout, committed once."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in PACKAGE_FILES:
        shutil.copy2(ROOT / name, repo / name)
    for name in PACKAGE_DIRS:
        shutil.copytree(
            ROOT / name,
            repo / name,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "hook repo for tests")
    return repo, _git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module, so termcheck is installed once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def project(tmp_path: Path, hook_repo: tuple[Path, str]) -> Path:
    """A git repo with a glossary and a .pre-commit-config.yaml using both hooks."""
    repo, rev = hook_repo
    config = {
        "repos": [
            {
                "repo": str(repo),
                "rev": rev,
                "hooks": [
                    {"id": "termcheck", "args": ["--glossary", "glossary.yaml"]},
                    {"id": "termcheck-fix", "args": ["--glossary", "glossary.yaml"]},
                ],
            }
        ]
    }
    (tmp_path / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump(config), encoding="utf-8"
    )
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    return tmp_path


def _run_hook(
    project: Path, home: Path, hook: str, *files: str
) -> subprocess.CompletedProcess[str]:
    """``pre-commit run HOOK`` on ``files`` (default: ``--all-files``) in
    ``project``, its files staged first."""
    _git(project, "add", "-A")
    env = {**_git_env(), "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    which = ["--files", *files] if files else ["--all-files"]
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, *which],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
        check=False,
    )


class TestHookDefinitions:
    """``.pre-commit-hooks.yaml`` declares both hooks as documented."""

    def test_ids_entries_and_files(self):
        """``termcheck`` checks, ``termcheck-fix`` adds --fix; both take prose files."""
        hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
        by_id = {hook["id"]: hook for hook in hooks}
        assert set(by_id) == {"termcheck", "termcheck-fix"}
        assert by_id["termcheck"]["entry"] == "termcheck check"
        assert by_id["termcheck-fix"]["entry"] == "termcheck check --fix"
        for hook in hooks:
            assert hook["language"] == "python"
            assert hook["types"] == ["text"]
            assert "md" in hook["files"]
            # check without paths walks the folder: the hook must pass file names.
            assert hook.get("pass_filenames", True) is True
            assert not hook.get("always_run", False)


class TestRealPreCommit:
    """The real pre-commit installs termcheck from this checkout and runs the hooks."""

    def test_check_hook_fails_on_forbidden_variant(self, project, pre_commit_home):
        """A draft with a forbidden variant fails the hook and shows the finding."""
        (project / "draft.md").write_text(DRAFT_BAD, encoding="utf-8")
        proc = _run_hook(project, pre_commit_home, "termcheck")
        output = proc.stdout + proc.stderr
        assert proc.returncode == 1, output
        assert "draft.md:3:21: error:" in output
        assert "[forbidden bri]" in output
        assert (project / "draft.md").read_text(encoding="utf-8") == DRAFT_BAD

    def test_check_hook_passes_clean_draft(self, project, pre_commit_home):
        """A draft that uses the canonical form passes."""
        (project / "draft.md").write_text(DRAFT_GOOD, encoding="utf-8")
        proc = _run_hook(project, pre_commit_home, "termcheck")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "Passed" in proc.stdout

    def test_check_hook_checks_only_the_files_it_is_given(
        self, project, pre_commit_home
    ):
        """The hook gets the file names: a bad file not among them is not checked
        (were no names passed, ``termcheck check`` would walk the folder)."""
        (project / "draft.md").write_text(DRAFT_BAD, encoding="utf-8")
        (project / "clean.md").write_text(DRAFT_GOOD, encoding="utf-8")
        proc = _run_hook(project, pre_commit_home, "termcheck", "clean.md")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "Passed" in proc.stdout
        both = _run_hook(project, pre_commit_home, "termcheck", "clean.md", "draft.md")
        assert both.returncode == 1, both.stdout + both.stderr

    def test_fix_hook_rewrites_the_draft(self, project, pre_commit_home):
        """The fix hook rewrites the draft; pre-commit fails it for modifying files."""
        (project / "draft.md").write_text(DRAFT_BAD, encoding="utf-8")
        proc = _run_hook(project, pre_commit_home, "termcheck-fix")
        output = proc.stdout + proc.stderr
        assert proc.returncode == 1, output
        assert "files were modified by this hook" in output
        assert (project / "draft.md").read_text(encoding="utf-8") == DRAFT_GOOD
        again = _run_hook(project, pre_commit_home, "termcheck-fix")
        assert again.returncode == 0, again.stdout + again.stderr
