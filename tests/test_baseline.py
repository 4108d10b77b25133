"""Tests for baselines: fingerprints without line numbers, counts, files, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.baseline import (
    Baseline,
    baseline_path,
    fingerprint,
    load_baseline,
    write_baseline,
)
from termcheck.checker import check_text
from termcheck.cli import cli
from termcheck.errors import ConfigError
from termcheck.model import FileResult, Report
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

GLOSSARY_YAML = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road, OBOR]
  - id: email
    canonical: email
    forbidden: [e-mail]
    severity: warning
"""

DRAFT = """\
# Old notes

Loans under One Belt One Road grew.
Send an e-mail to the OBOR desk.
The OBOR desk replied.
"""


def findings_of(text: str, path: str = "a.md"):
    """The findings of ``text`` under the semantics glossary."""
    return check_text(GLOSSARY, text, path=path)


class TestFingerprint:
    """Fingerprints depend on path, term, matched text and nearby words only."""

    def test_lines_above_do_not_matter(self):
        """Inserting lines above a finding keeps its fingerprint."""
        text = "Intro.\nLoans to OBOR grew.\n"
        moved = "New first line.\n\nAnother one.\n" + text
        (before,) = findings_of(text)
        (after,) = findings_of(moved)
        assert before.line != after.line
        assert fingerprint(before, text) == fingerprint(after, moved)

    def test_other_lines_edited_do_not_matter(self):
        """Editing the neighbouring lines keeps it too."""
        text = "First line.\nLoans to OBOR grew.\nLast line.\n"
        edited = "First line, reworded.\nLoans to OBOR grew.\nA new last line.\n"
        (before,) = findings_of(text)
        (after,) = findings_of(edited)
        assert fingerprint(before, text) == fingerprint(after, edited)

    def test_changes_with_surrounding_words(self):
        """Words next to the finding on its line are part of it."""
        (one,) = findings_of("Loans to OBOR grew.")
        (two,) = findings_of("Grants to OBOR grew.")
        assert fingerprint(one, "Loans to OBOR grew.") != fingerprint(
            two, "Grants to OBOR grew."
        )

    def test_changes_with_path_term_and_matched(self):
        """Another file, term or wording gives another fingerprint."""
        text = "Loans to OBOR grew."
        (finding,) = findings_of(text)
        prints = {
            fingerprint(finding, text),
            fingerprint(findings_of(text, path="b.md")[0], text),
        }
        (other,) = findings_of("Loans to One Belt One Road grew.")
        prints.add(fingerprint(other, "Loans to One Belt One Road grew."))
        assert len(prints) == 3

    def test_same_for_spelled_paths(self):
        """``./docs/a.md`` and ``docs/a.md`` are the same file."""
        assert baseline_path("./docs/a.md") == "docs/a.md"
        assert baseline_path("docs//a.md") == "docs/a.md"
        assert baseline_path(str(Path.cwd() / "docs" / "a.md")) == "docs/a.md"


class TestBaselineSplit:
    """A fingerprint hides as many findings as its count."""

    def test_new_copy_of_old_finding_surfaces(self):
        """Two identical findings against a count of one: one is reported."""
        text = "Loans to OBOR grew.\nLoans to OBOR grew.\n"
        first, second = findings_of(text)
        baseline = Baseline({fingerprint(first, text): 1})
        kept, hidden = baseline.split(text, [first, second])
        assert hidden == [first]
        assert kept == [second]

    def test_count_covers_all_copies(self):
        """A count of two hides both."""
        text = "Loans to OBOR grew.\nLoans to OBOR grew.\n"
        found = findings_of(text)
        baseline = Baseline({fingerprint(found[0], text): 2})
        assert baseline.split(text, found) == ([], found)


class TestBaselineFile:
    """Baseline files are sorted, counted JSON; bad ones are one-line errors."""

    def test_round_trip(self, tmp_path):
        """What is written loads back with the same counts."""
        text = "OBOR, OBOR and e-mail.\nOBOR, OBOR and e-mail.\n"
        found = tuple(findings_of(text))
        report = Report((FileResult("a.md", found),))
        path = tmp_path / "baseline.json"
        assert write_baseline(str(path), report, {"a.md": text}) == len(found)
        raw = path.read_text(encoding="utf-8")
        assert raw.endswith("}\n")
        data = json.loads(raw)
        assert data["version"] == 1
        assert list(data["findings"][0]) == sorted(data["findings"][0])
        loaded = load_baseline(str(path))
        assert sum(loaded.counts.values()) == len(found)
        assert loaded.split(text, found) == ([], list(found))

    @pytest.mark.parametrize(
        ("content", "problem"),
        [
            ("not json", "not a termcheck baseline"),
            ("[]", "not a termcheck baseline"),
            ('{"version": 2, "findings": []}', "not a termcheck baseline"),
            ('{"version": 1}', "no findings list"),
            ('{"version": 1, "findings": [{"count": 1}]}', "entry 1"),
            (
                '{"version": 1, "findings": [{"fingerprint": "x", "count": 0}]}',
                "entry 1",
            ),
        ],
    )
    def test_bad_file(self, tmp_path, content, problem):
        """A file that is not a baseline raises ConfigError naming it."""
        path = tmp_path / "b.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError, match=problem) as error:
            load_baseline(str(path))
        assert str(error.value).startswith(str(path))

    def test_missing_file(self, tmp_path):
        """A missing baseline is an error, not an empty baseline."""
        with pytest.raises(ConfigError, match="cannot read baseline"):
            load_baseline(str(tmp_path / "none.json"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder with a glossary and a draft with three findings."""
    (tmp_path / "glossary.yaml").write_text(GLOSSARY_YAML, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str):
    """Run ``termcheck check -g glossary.yaml ARGS`` and return the result."""
    return CliRunner().invoke(cli, ["check", "-g", "glossary.yaml", *args])


class TestBaselineCommandLine:
    """--write-baseline then --baseline: old findings hidden, new ones reported."""

    def test_adopt_then_edit(self, project):
        """Lines inserted above keep findings hidden; one new term is one finding."""
        written = _check("--write-baseline", "base.json", "docs")
        assert written.exit_code == 0, written.output
        assert "wrote 4 findings to base.json" in written.stderr
        assert "0 findings (0 errors, 0 warnings, 0 info) in 1 file, 4 baselined" in (
            written.stdout
        )
        draft = project / "docs" / "draft.md"
        draft.write_text(
            "Preface.\n\nA second preface line.\n" + DRAFT, encoding="utf-8"
        )
        again = _check("--baseline", "base.json", "docs")
        assert again.exit_code == 0, again.output
        assert again.stdout == (
            "0 findings (0 errors, 0 warnings, 0 info) in 1 file, 4 baselined\n"
        )
        draft.write_text(
            draft.read_text(encoding="utf-8") + "Then One Belt One Road again.\n",
            encoding="utf-8",
        )
        new = _check("--baseline", "./base.json", "./docs/")
        assert new.exit_code == 1
        lines = new.stdout.splitlines()
        assert lines[0].startswith("./docs/draft.md:9:6: error:")
        assert lines[1] == (
            "1 finding (1 error, 0 warnings, 0 info) in 1 file, 4 baselined"
        )

    def test_disappeared_findings_dropped_on_rewrite(self, project):
        """A fixed finding leaves the baseline the next time it is written."""
        _check("--write-baseline", "base.json", "docs")
        draft = project / "docs" / "draft.md"
        draft.write_text(DRAFT.replace("e-mail", "email"), encoding="utf-8")
        result = _check(
            "--baseline", "base.json", "--write-baseline", "base.json", "docs"
        )
        assert result.exit_code == 0
        data = json.loads((project / "base.json").read_text(encoding="utf-8"))
        assert sum(entry["count"] for entry in data["findings"]) == 3
        assert {entry["term"] for entry in data["findings"]} == {"bri"}

    def test_json_counts_baselined(self, project):
        """The JSON summary counts hidden findings."""
        _check("--write-baseline", "base.json", "docs")
        result = _check("--baseline", "base.json", "--format", "json", "docs")
        summary = json.loads(result.stdout)["summary"]
        assert summary["findings"] == 0
        assert summary["baselined"] == 4

    def test_bad_baseline_exits_2(self, project):
        """An unreadable baseline is a one-line error with exit status 2."""
        (project / "base.json").write_text("{", encoding="utf-8")
        result = _check("--baseline", "base.json", "docs")
        assert result.exit_code == 2
        assert result.stderr.startswith("termcheck: error: base.json: not a termcheck")
        assert "Traceback" not in result.output
