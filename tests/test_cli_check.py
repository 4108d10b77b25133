"""``termcheck check`` conventions: the default path, --stdin-filename, exit status."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from termcheck.cli_check import exit_status
from termcheck.model import ExitCode
from tests.cli_process import run_termcheck, termcheck_command

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road]
  - id: hub
    canonical: GitHub
    case: sensitive
    severity: warning
  - id: sco
    canonical: Shanghai Cooperation Organisation
    fuzzy: 0.85
"""

LEGAL = """\
version: 1
terms:
  - id: lex
    canonical: lex specialis
    forbidden: [special law]
"""

CONFIG = """\
glossaries: [glossary.yaml]
exclude: [drafts/]
markup: {.page: html}
overrides:
  - paths: ["legal/**"]
    glossaries: [legal.yaml]
  - paths: [notes/*.md]
    disable: [hub]
"""


def _git_init(folder: Path) -> None:
    subprocess.run(["git", "init", "-q", str(folder)], check=True, timeout=60)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with a config, two glossaries and files to walk."""
    _git_init(tmp_path)
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "legal.yaml").write_text(LEGAL, encoding="utf-8")
    (tmp_path / ".termcheck.yaml").write_text(CONFIG, encoding="utf-8")
    files = {
        "docs/guide.md": "Loans under One Belt One Road grew.\n",
        "legal/terms.md": "The special law wins; One Belt One Road.\n",
        "drafts/old.md": "One Belt One Road\n",
        "build/out.md": "One Belt One Road\n",
        ".hidden/x.md": "One Belt One Road\n",
        "data.csv": "One Belt One Road\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    return tmp_path


class TestDefaultPath:
    """Without a path, ``check`` walks the current folder."""

    def test_walks_the_current_folder_with_the_walk_rules(self, repo):
        """Git-ignored, hidden, excluded and unknown-ending files are left out;
        files are named as from the folder, without ./; overrides apply."""
        proc = run_termcheck("check", cwd=repo)
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr == ""
        assert proc.stdout.splitlines() == [
            'docs/guide.md:1:13: error: "One Belt One Road" is an unapproved '
            'variant; use "Belt and Road Initiative" [forbidden bri]',
            'legal/terms.md:1:5: error: "special law" is an unapproved variant; '
            'use "lex specialis" [forbidden lex]',
            "2 findings (2 errors, 0 warnings, 0 info) in 2 files",
        ]

    def test_same_report_as_naming_the_folder(self, repo):
        """``check`` and ``check .`` give the same report, byte for byte."""
        bare = run_termcheck("check", "--format", "json", cwd=repo)
        named = run_termcheck("check", "--format", "json", ".", cwd=repo)
        assert bare.stdout == named.stdout
        paths = [f["path"] for f in json.loads(bare.stdout)["findings"]]
        assert paths == ["docs/guide.md", "legal/terms.md"]

    def test_from_a_subfolder(self, repo):
        """From docs/, only docs/ is walked; the root config still applies."""
        proc = run_termcheck("check", cwd=repo / "docs")
        assert proc.returncode == 1
        assert proc.stdout.splitlines()[0].startswith("guide.md:1:13: error:")
        assert proc.stdout.splitlines()[-1].endswith(" in 1 file")

    def test_nothing_to_check_exits_0_and_says_so(self, tmp_path):
        """A folder without prose files: exit 0, a 0-file summary and a note."""
        _git_init(tmp_path)
        (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
        (tmp_path / "data.csv").write_text("One Belt One Road\n", encoding="utf-8")
        proc = run_termcheck("check", "-g", "glossary.yaml", cwd=tmp_path)
        assert proc.returncode == 0
        assert proc.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 0 files\n"
        assert proc.stderr == "termcheck: note: no files to check in .\n"

    def test_quiet_nothing_to_check_prints_nothing(self, tmp_path):
        """With -q an empty run prints nothing at all."""
        (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
        proc = run_termcheck("check", "-q", "-g", "glossary.yaml", cwd=tmp_path)
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")

    def test_a_run_with_files_has_no_note(self, repo):
        """The note is only for a run that found nothing to check."""
        proc = run_termcheck("check", "docs", cwd=repo)
        assert "note" not in proc.stderr


class TestStdinFilename:
    """Standard input checked as if it were the file it names."""

    def test_markup_from_the_ending(self, repo):
        """As page.html, code is not prose; read as plain text, it is."""
        html = "<p>One Belt One Road <code>One Belt One Road</code></p>\n"
        as_html = run_termcheck(
            "check", "--stdin-filename", "page.html", cwd=repo, stdin=html
        )
        assert as_html.returncode == 1
        assert as_html.stdout.splitlines() == [
            'page.html:1:4: error: "One Belt One Road" is an unapproved variant; '
            'use "Belt and Road Initiative" [forbidden bri]',
            "1 finding (1 error, 0 warnings, 0 info) in 1 file",
        ]
        plain = run_termcheck("check", "-", cwd=repo, stdin=html)
        found = [line.split(": ")[0] for line in plain.stdout.splitlines()[:-1]]
        assert found == ["<stdin>:1:4", "<stdin>:1:28"]

    def test_config_markup_mapping(self, repo):
        """The config's ``markup`` mapping applies to NAME's ending (.page: html)."""
        html = "<code>One Belt One Road</code>\n"
        proc = run_termcheck(
            "check", "--stdin-filename", "a.page", cwd=repo, stdin=html
        )
        assert proc.returncode == 0
        assert proc.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"

    def test_override_glossaries(self, repo):
        """Named legal/x.md, standard input gets legal/'s glossary only."""
        text = "The special law; One Belt One Road.\n"
        proc = run_termcheck(
            "check", "--stdin-filename", "legal/x.md", cwd=repo, stdin=text
        )
        assert proc.stdout.splitlines() == [
            'legal/x.md:1:5: error: "special law" is an unapproved variant; '
            'use "lex specialis" [forbidden lex]',
            "1 finding (1 error, 0 warnings, 0 info) in 1 file",
        ]

    def test_override_disable(self, repo):
        """Named notes/x.md, the disabled term is not reported; elsewhere it is."""
        text = "We host it on github.\n"
        notes = run_termcheck(
            "check", "--stdin-filename", "notes/x.md", cwd=repo, stdin=text
        )
        assert notes.returncode == 0
        assert notes.stdout.endswith(
            "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"
        )
        docs = run_termcheck(
            "check", "--stdin-filename", "docs/x.md", cwd=repo, stdin=text
        )
        assert docs.stdout.startswith("docs/x.md:1:15: warning: ")

    def test_excluded_name_is_not_checked(self, repo):
        """A NAME that ``exclude`` matches is left out, as a named file would be."""
        proc = run_termcheck(
            "check",
            "--stdin-filename",
            "drafts/new.md",
            cwd=repo,
            stdin="One Belt One Road\n",
        )
        assert proc.returncode == 0
        assert proc.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 0 files\n"
        assert proc.stderr == (
            "termcheck: note: standard input not checked: drafts/new.md is excluded\n"
        )

    def test_reported_as_name_in_json(self, repo):
        """Reports name the file NAME, never <stdin>."""
        proc = run_termcheck(
            "check", "--format", "json", "--stdin-filename", "docs/new.md", "-",
            cwd=repo, stdin="One Belt One Road\n",
        )  # fmt: skip
        report = json.loads(proc.stdout)
        assert [f["path"] for f in report["findings"]] == ["docs/new.md"]
        assert "<stdin>" not in proc.stdout

    def test_read_errors_name_the_file(self, repo):
        """Undecodable input is an error about NAME, exit 2."""
        proc = subprocess.run(
            [*termcheck_command(), "check", "--stdin-filename", "docs/bad.md"],
            cwd=repo,
            input=b"caf\xe9\n",
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 2
        assert proc.stderr.decode().startswith("termcheck: error: docs/bad.md: ")

    def test_diff_names_the_file(self, repo):
        """--diff prints a patch for NAME and exits 1; nothing is written."""
        proc = run_termcheck(
            "check", "--diff", "--stdin-filename", "docs/guide.md",
            cwd=repo, stdin="Loans under One Belt One Road.\n",
        )  # fmt: skip
        assert proc.returncode == 1
        assert proc.stdout == (
            "--- a/docs/guide.md\n+++ b/docs/guide.md\n@@ -1 +1 @@\n"
            "-Loans under One Belt One Road.\n"
            "+Loans under Belt and Road Initiative.\n"
        )
        guide = (repo / "docs/guide.md").read_text(encoding="utf-8")
        assert guide == "Loans under One Belt One Road grew.\n"

    def test_fix_is_refused(self, repo):
        """--fix cannot write standard input back: one line, exit 2, no file."""
        proc = run_termcheck(
            "check", "--fix", "--stdin-filename", "docs/new.md",
            cwd=repo, stdin="One Belt One Road\n",
        )  # fmt: skip
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert proc.stderr == (
            "termcheck: error: standard input cannot be fixed in place; use --diff\n"
        )
        assert not (repo / "docs/new.md").exists()

    @pytest.mark.parametrize("paths", [["docs"], ["-", "docs"], ["docs/guide.md"]])
    def test_other_paths_are_refused(self, repo, paths):
        """Standard input is then the only input: other paths are a usage error."""
        proc = run_termcheck(
            "check", "--stdin-filename", "x.md", *paths, cwd=repo, stdin="x\n"
        )
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert proc.stderr == (
            "termcheck: error: --stdin-filename checks standard input only; "
            "give no path, or -\n"
        )

    @pytest.mark.parametrize("name", ["", " ", "-"])
    def test_empty_name_is_refused(self, repo, name):
        """NAME must name a file."""
        proc = run_termcheck("check", "--stdin-filename", name, cwd=repo, stdin="x\n")
        assert proc.returncode == 2
        assert proc.stderr.startswith("termcheck: error: --stdin-filename needs a ")


class TestExitStatus:
    """--exit-zero and --diff, and how they meet --fail-on and errors."""

    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
        (tmp_path / "fixable.md").write_text("One Belt One Road\n", encoding="utf-8")
        (tmp_path / "clean.md").write_text("The GitHub page.\n", encoding="utf-8")
        # A near-miss: reported, but --fix leaves it (no --fix-near-misses).
        (tmp_path / "near.md").write_text(
            "The Shanghai Cooperation Organisaton met.\n", encoding="utf-8"
        )
        return tmp_path

    def check(self, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return run_termcheck("check", "-g", "glossary.yaml", *args, cwd=folder)

    def test_exit_zero_with_findings(self, folder):
        """--exit-zero: the findings are reported, the status is 0."""
        proc = self.check(folder, "--exit-zero", "fixable.md")
        assert proc.returncode == 0
        assert proc.stdout.splitlines()[-1] == (
            "1 finding (1 error, 0 warnings, 0 info) in 1 file"
        )

    def test_exit_zero_keeps_errors(self, folder):
        """An error is still 2 with --exit-zero."""
        proc = self.check(folder, "--exit-zero", "fixable.md", "gone.md")
        assert proc.returncode == 2
        assert proc.stderr == "termcheck: error: gone.md: no such file or directory\n"

    def test_diff_with_changes_exits_1(self, folder):
        """A diff that is not empty is 1, even with --fail-on never."""
        for args in ([], ["--fail-on", "never"]):
            proc = self.check(folder, "--diff", *args, "fixable.md")
            assert proc.returncode == 1, args
            assert proc.stdout.startswith("--- a/fixable.md\n")

    def test_diff_without_changes_exits_0(self, folder):
        """Nothing to change and nothing found: empty output, 0."""
        proc = self.check(folder, "--diff", "clean.md")
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")

    def test_diff_leaves_a_finding_that_fails(self, folder):
        """A finding --fix cannot fix (a near-miss, a warning) still counts
        against --fail-on; the diff is empty."""
        warning = self.check(folder, "--diff", "--fail-on", "warning", "near.md")
        assert (warning.returncode, warning.stdout) == (1, "")
        default = self.check(folder, "--diff", "near.md")
        assert (default.returncode, default.stdout) == (0, "")

    def test_diff_exit_zero(self, folder):
        """--exit-zero makes a diff with changes exit 0; the diff is printed."""
        proc = self.check(folder, "--diff", "--exit-zero", "fixable.md", "near.md")
        assert proc.returncode == 0
        assert "+Belt and Road Initiative\n" in proc.stdout

    def test_fix_exits_on_what_is_left(self, folder):
        """--fix (which writes) exits on the findings left, as before."""
        proc = self.check(folder, "--fix", "fixable.md")
        assert proc.returncode == 0
        assert (folder / "fixable.md").read_text(encoding="utf-8") == (
            "Belt and Road Initiative\n"
        )


class TestExitStatusTable:
    """``exit_status``: errors first, then --exit-zero, then --diff's changes."""

    @pytest.mark.parametrize(
        ("code", "changed", "exit_zero", "expected"),
        [
            (ExitCode.OK, False, False, ExitCode.OK),
            (ExitCode.OK, True, False, ExitCode.FINDINGS),
            (ExitCode.FINDINGS, False, False, ExitCode.FINDINGS),
            (ExitCode.FINDINGS, True, True, ExitCode.OK),
            (ExitCode.OK, True, True, ExitCode.OK),
            (ExitCode.ERROR, False, True, ExitCode.ERROR),
            (ExitCode.ERROR, True, False, ExitCode.ERROR),
        ],
    )
    def test_precedence(self, code, changed, exit_zero, expected):
        """The documented precedence, case by case."""
        assert exit_status(code, changed=changed, exit_zero=exit_zero) == expected
