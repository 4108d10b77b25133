"""No message quotes more than 40 characters of the file it is about.

termcheck's messages land in public CI logs. A file named by mistake (or by a
hostile config) as a glossary, config, baseline or import may be a private
key or a token: every message of the glossary and config batteries
(test_glossaries.py, test_config.py) and of the hostile files below is
searched for any run of more than 40 characters of the offending file's
content, through the command line.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from tests.reliability.battery import Outcome, run, run_process, write_project
from tests.reliability.test_config import BROKEN
from tests.reliability.test_glossaries import MALFORMED

LIMIT = 40


def _token(seed: int, length: int, alphabet: str = string.ascii_letters) -> str:
    """A made-up secret: letters and digits no message could contain by chance."""
    chars = random.Random(seed).choices(alphabet + string.digits, k=length)
    return "".join(chars)


_B64 = string.ascii_letters + "+/"
KEY_BODY = "\n".join(_token(n, 70, _B64) for n in range(6))
TOKEN = "ghp_" + _token(100, 36)
LONG = _token(101, 90)

# name: a file that is no glossary, config or baseline at all
HOSTILE = {
    "private-key": (
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        f"{KEY_BODY}\n-----END OPENSSH PRIVATE KEY-----\n"
    ),
    "token-url": f"https://deploy:{TOKEN}@git.example.org/team/site.git\n",
    "env-file": f"API_TOKEN={TOKEN}\nDATABASE_URL=postgres://app:{LONG}@db/app\n",
    "netrc": f"machine git.example.org login deploy password {TOKEN}{LONG}\n",
    "json-secrets": f'{{"token": "{TOKEN}{LONG}", "version": "{LONG}"}}\n',
    "header-line": f"Authorization: Bearer {TOKEN}.{LONG}\n",
    "version-secret": f"version: {TOKEN}{LONG}\nterms: []\n",
    "terms-secret": f"version: 1\nterms: {TOKEN}{LONG}\n",
    "language-secret": f"version: 1\nlanguage: {LONG}\nterms: []\n",
    "case-secret": f"version: 1\nterms:\n  - canonical: a\n    case: {LONG}\n",
    "unknown-key-secret": f"version: 1\n{TOKEN}{LONG}: 1\nterms: []\n",
    "alias-secret": f"version: 1\nterms:\n  - canonical: *{TOKEN}{LONG}\n",
    "tag-secret": f"version: 1\nterms:\n  - canonical: !{TOKEN}{LONG} x\n",
    "anchor-twice": f"version: 1\na: &{LONG} 1\nb: &{LONG} 2\nterms: []\n",
    "regex-secret": (
        f"version: 1\nterms:\n  - canonical: a\n    forbidden:\n"
        f"      - regex: '({TOKEN}{LONG}'\n"
    ),
    "id-secret": f"version: 1\nterms:\n  - id: {TOKEN}{LONG}\n    canonical: a\n",
    "duplicate-form": (
        f"version: 1\nterms:\n  - canonical: {LONG}\n    forbidden: [{LONG}]\n"
    ),
    "fail-on-secret": f"glossaries: [glossary.yaml]\nfail-on: {TOKEN}{LONG}\n",
    "markup-secret": f"markup: {{{LONG}: {TOKEN}}}\n",
    "pattern-secret": f"exclude: ['../{TOKEN}{LONG}']\n",
}


def leaked(outcome: Outcome, content: str) -> list[str]:
    """Every run of more than LIMIT characters of ``content`` in the output."""
    found = []
    for stream in (outcome.stdout, outcome.stderr):
        for start in range(len(stream) - LIMIT):
            piece = stream[start : start + LIMIT + 1]
            if piece in content:
                found.append(piece)
    return found


def assert_quiet(outcome: Outcome, content: str) -> None:
    """At least one error line, and none of them quoting the content."""
    assert outcome.errors or outcome.notes("warning"), outcome.stderr
    assert leaked(outcome, content) == [], outcome.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root holding ``glossary.yaml`` and ``good.md``."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    return write_project(tmp_path)


class TestBatteryMessages:
    """The existing batteries, searched for quoted content."""

    @pytest.mark.parametrize("case", sorted(MALFORMED))
    def test_glossary_battery(self, project, case):
        """Every malformed glossary of test_glossaries.py."""
        text = MALFORMED[case][0]
        (project / "bad.yaml").write_text(text, encoding="utf-8")
        assert_quiet(run("check", "-g", "bad.yaml", "good.md"), text)

    @pytest.mark.parametrize("case", sorted(BROKEN))
    def test_config_battery(self, project, case):
        """Every broken config of test_config.py."""
        text = BROKEN[case][0]
        (project / ".termcheck.yaml").write_text(text, encoding="utf-8")
        assert_quiet(run("check", "-g", "glossary.yaml", "good.md"), text)


class TestHostileFiles:
    """Files that are no glossary, config or baseline: at most 40 characters."""

    @pytest.mark.parametrize("case", sorted(HOSTILE))
    def test_as_glossary(self, project, case):
        """Named with --glossary (the user's own choice: read, and not quoted)."""
        (project / "named").write_text(HOSTILE[case], encoding="utf-8")
        assert_quiet(run("check", "-g", "named", "good.md"), HOSTILE[case])
        assert_quiet(run("glossary", "validate", "named"), HOSTILE[case])

    @pytest.mark.parametrize("case", sorted(HOSTILE))
    def test_as_config(self, project, case):
        """Found as the repository's config."""
        (project / ".termcheck.yaml").write_text(HOSTILE[case], encoding="utf-8")
        assert_quiet(run("check", "-g", "glossary.yaml", "good.md"), HOSTILE[case])

    @pytest.mark.parametrize("case", sorted(HOSTILE))
    def test_as_pyproject(self, project, case):
        """Inside a [tool.termcheck] table as a string value of a known key."""
        value = HOSTILE[case].replace("\\", "\\\\").replace('"', '\\"')
        text = f'[tool.termcheck]\nformat = """{value}"""\n'
        (project / "pyproject.toml").write_text(text, encoding="utf-8")
        assert_quiet(run("check", "-g", "glossary.yaml", "good.md"), HOSTILE[case])

    @pytest.mark.parametrize("case", sorted(HOSTILE))
    def test_as_baseline(self, project, case):
        """Given as --baseline."""
        (project / "named").write_text(HOSTILE[case], encoding="utf-8")
        outcome = run("check", "-g", "glossary.yaml", "--baseline", "named", "good.md")
        assert_quiet(outcome, HOSTILE[case])

    @pytest.mark.parametrize("kind", ["csv", "tbx", "vale"])
    @pytest.mark.parametrize("case", sorted(HOSTILE))
    def test_as_import(self, project, case, kind):
        """Given to glossary import, as each format."""
        (project / "named").write_text(HOSTILE[case], encoding="utf-8")
        outcome = run("glossary", "import", "named", "--from", kind, "-o", "out.yaml")
        assert_quiet(outcome, HOSTILE[case])

    def test_named_from_a_config_is_never_read(self, tmp_path, monkeypatch):
        """``glossaries: [../secret]`` in a repository: refused, as a process."""
        secret = HOSTILE["private-key"]
        (tmp_path / "secret").write_text(secret, encoding="utf-8")
        repo = tmp_path / "repo"
        (repo / ".git").mkdir(parents=True)
        write_project(repo)
        (repo / ".termcheck.yaml").write_text(
            "glossaries: [../secret]\n", encoding="utf-8"
        )
        outcome = run_process(repo, "check", "good.md")
        assert outcome.code == 2
        assert_quiet(outcome, secret)
        assert "BEGIN" not in outcome.stderr

    @pytest.mark.parametrize("case", ["private-key", "token-url", "version-secret"])
    def test_as_a_process(self, project, case):
        """The same through ``python -m termcheck``, for the commonest files."""
        (project / "named").write_text(HOSTILE[case], encoding="utf-8")
        outcome = run_process(project, "check", "-g", "named", "good.md")
        assert outcome.code == 2
        assert_quiet(outcome, HOSTILE[case])


class TestTheSearchItself:
    """The grep finds quoted content when there is some: it can fail."""

    def test_a_long_quote_is_found(self):
        """A message quoting 41 characters of the file is caught."""
        content = f"key: {LONG}\n"
        outcome = Outcome(2, "", f"termcheck: error: f: not text '{LONG[:41]}'\n")
        assert leaked(outcome, content) == [LONG[:41]]

    def test_forty_characters_pass(self):
        """Forty are the most a message may quote."""
        content = f"key: {LONG}\n"
        outcome = Outcome(2, "", f"termcheck: error: f: not text '{LONG[:40]}'\n")
        assert leaked(outcome, content) == []
