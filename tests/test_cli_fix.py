"""Tests for the command line's --fix, --diff, --fix-near-misses and --output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import cli

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road]
  - id: shared-future
    canonical: community with a shared future for mankind
    forbidden: [community of human destiny]
  - id: chair
    canonical: chairman
    forbidden: [chairperson]
"""

DRAFT = (
    "Loans under One Belt One Road grew.\n"
    "community of human destiny was the theme.\n"
    "Both chairpersons agreed on the comunity with a shared future for mankind.\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder with a glossary and a draft."""
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str, stdin: str | None = None):
    """Run ``termcheck check -g glossary.yaml ARGS``."""
    return CliRunner().invoke(cli, ["check", "-g", "glossary.yaml", *args], input=stdin)


class TestFix:
    """--fix rewrites files and reports what is left."""

    def test_fixes_and_reports_leftovers(self, project):
        """Forbidden terms are fixed; the irregular plural and near-miss remain."""
        result = _check("--fix", "draft.md")
        assert (project / "draft.md").read_text(encoding="utf-8") == (
            "Loans under Belt and Road Initiative grew.\n"
            "Community with a shared future for mankind was the theme.\n"
            "Both chairpersons agreed on the comunity with a shared future for "
            "mankind.\n"
        )
        assert "termcheck: fixed 2 findings in draft.md" in result.stderr
        assert "draft.md:3:6: not fixed: the canonical form has no regular" in (
            result.stderr
        )
        out = result.stdout.splitlines()
        where = [line.split(": ")[0] for line in out[:-1]]
        assert where == ["draft.md:3:6", "draft.md:3:33"]
        assert out[-1] == "2 findings (1 error, 1 warning, 0 info) in 1 file"
        assert result.exit_code == 1

    def test_exit_0_when_fix_leaves_nothing(self, project):
        """A run that fixes everything exits as a clean check would."""
        (project / "draft.md").write_text(DRAFT.splitlines(True)[0], encoding="utf-8")
        result = _check("--fix", "draft.md")
        assert result.exit_code == 0, result.output
        assert result.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"

    def test_near_misses_with_score(self, project):
        """--fix-near-misses SCORE also rewrites near-misses at or above SCORE."""
        result = _check("--fix-near-misses", "0.9", "draft.md")
        text = (project / "draft.md").read_text(encoding="utf-8")
        assert "the community with a shared future for mankind." in text
        assert "One Belt One Road" not in text
        assert result.exit_code == 1  # the irregular plural is left

    @pytest.mark.parametrize("score", ["0", "1.5", "x"])
    def test_bad_score_is_usage_error(self, project, score):
        """A score outside (0, 1] is rejected with exit status 2."""
        result = _check("--fix-near-misses", score, "draft.md")
        assert result.exit_code == 2
        assert (project / "draft.md").read_text(encoding="utf-8") == DRAFT

    def test_stdin_cannot_be_fixed_in_place(self, project):
        """--fix on standard input is a usage error; --diff works."""
        result = _check("--fix", "-", stdin="One Belt One Road\n")
        assert result.exit_code == 2
        assert "use --diff" in result.stderr
        diff = _check("--diff", "-", stdin="One Belt One Road\n")
        assert diff.exit_code == 1  # the diff is not empty
        assert diff.stdout.endswith("-One Belt One Road\n+Belt and Road Initiative\n")


class TestDiff:
    """--diff prints the fix as a patch and writes nothing."""

    def test_prints_patch_only(self, project):
        """Standard output is exactly the diff; the file is unchanged."""
        result = _check("--diff", "draft.md")
        assert (project / "draft.md").read_text(encoding="utf-8") == DRAFT
        assert result.stdout.startswith("--- a/draft.md\n+++ b/draft.md\n@@ ")
        assert "+Loans under Belt and Road Initiative grew.\n" in result.stdout
        assert "findings" not in result.stdout
        assert result.exit_code == 1  # the diff is not empty


class TestOutput:
    """--output writes the chosen format to a file; text still goes to stdout."""

    def test_sarif_file_and_text_on_terminal(self, project):
        """The file gets SARIF, stdout gets the text report."""
        result = _check("--format", "sarif", "--output", "out.sarif", "draft.md")
        assert result.exit_code == 1
        assert result.stdout.splitlines()[-1].startswith("4 findings")
        log = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
        assert log["version"] == "2.1.0"
        assert len(log["runs"][0]["results"]) == 4

    def test_output_with_text_format(self, project):
        """With the text format the file holds the same report, uncoloured."""
        result = _check("--color", "--output", "report.txt", "draft.md")
        written = (project / "report.txt").read_text(encoding="utf-8")
        assert "\x1b[" not in written
        assert written.splitlines()[-1] == result.stdout.splitlines()[-1]

    def test_unwritable_output_exits_2(self, project):
        """An output path in a missing folder is a one-line error."""
        result = _check("--output", "missing/dir/out.json", "draft.md")
        assert result.exit_code == 2
        assert result.stderr.startswith("termcheck: error: ")
        assert "Traceback" not in result.output
