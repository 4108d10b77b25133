"""Tests for the JUnit XML format."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.model import FileResult, Report
from tests.ci_report import report
from tests.golden_formats import golden, render


def parse(text: str) -> ET.Element:
    """Parse the XML document (without its declaration line)."""
    return ET.fromstring(text.split("\n", 1)[1])


class TestJunitFormat:
    """A test case per file, a failure per finding, an error per unreadable file."""

    def test_matches_golden_file(self):
        """The sample report renders exactly as reviewed."""
        assert render("junit") == golden("junit")

    def test_structure(self):
        """Counts and elements match the report."""
        root = parse(render("junit"))
        (suite,) = root
        cases = suite.findall("testcase")
        sample = report()
        in_order = sorted(r.path for r in sample.results)  # by path, as reported
        assert [case.get("name") for case in cases] == in_order
        failures = [f for case in cases for f in case.findall("failure")]
        assert len(failures) == len(sample.findings)
        assert [f.get("type") for f in failures] == [
            f.kind.value for f in sample.findings
        ]
        assert suite.get("tests") == "3"
        assert suite.get("failures") == "1"
        assert suite.get("errors") == "1"
        assert cases[0].find("failure") is None
        assert cases[0].find("error") is not None

    def test_characters_xml_cannot_hold(self, make_finding):
        """Controls in messages are escaped, others become U+FFFD; well-formed."""
        finding = make_finding(path="a\x0cb.md", message="bad \x01 byte & <tag>")
        document = "\n".join(
            FORMATTERS["junit"](
                Report((FileResult("a\x0cb.md", (finding,)),)), FormatOptions()
            )
        )
        case = parse(document).find("testsuite/testcase")
        assert case is not None
        assert case.get("name") == "a\ufffdb.md"
        failure = case.find("failure")
        assert failure is not None
        assert failure.get("message") == "bad \\x01 byte & <tag>"
