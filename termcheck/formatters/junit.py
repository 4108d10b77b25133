"""JUnit XML: a test case per file, a failure per finding (GitLab, Jenkins, Azure)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from termcheck.formatters.text import format_finding
from termcheck.model import FileResult, Report
from termcheck.notices import shown

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["format_report", "to_xml"]

SUITE: Final = "termcheck"
"""The name of the test suite and the class name of every test case."""

# Characters XML 1.0 cannot hold at all, even escaped; shown as U+FFFD instead.
#   "a\x0cb" -> "a\ufffdb"
_NOT_XML: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def format_report(report: Report, options: FormatOptions) -> Iterator[str]:
    """Yield the XML document line by line; ``options`` are ignored."""
    del options  # colour, context and quiet do not apply to XML
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield from to_xml(report).split("\n")


def to_xml(report: Report) -> str:
    """The ``<testsuites>`` element, indented by two spaces."""
    tests = len(report.results)
    failures = sum(1 for r in report.results if r.findings)
    errors = len(report.errors)
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    skipped = {"skipped": str(len(report.skipped))}
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, **skipped})
    for result in report.results:
        suite.append(_case(result))
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="unicode")


def _case(result: FileResult) -> ET.Element:
    """One file: a failure per finding, or an error when it could not be read."""
    case = ET.Element(
        "testcase",
        {"name": _clean(result.path), "classname": SUITE, "file": _clean(result.path)},
    )
    if result.error is not None:
        error = ET.SubElement(
            case, "error", {"message": _clean(result.error), "type": "input"}
        )
        error.text = _text(f"{result.path}: {result.error}")
    if result.skipped is not None:
        ET.SubElement(case, "skipped", {"message": _clean(result.skipped.reason)})
    for finding in sorted(result.findings, key=lambda f: f.sort_key):
        failure = ET.SubElement(
            case,
            "failure",
            {
                "message": _clean(shown(finding.message, line_breaks=True)),
                "type": finding.kind.value,
            },
        )
        failure.text = _text(format_finding(finding))
    return case


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _text(text: str) -> str:
    """Element text: XML readers turn CR LF and lone CR into LF anyway."""
    return _clean(text).replace("\r\n", "\n").replace("\r", "\n")
