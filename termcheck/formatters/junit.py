"""JUnit XML: a test case per file, a failure per finding (GitLab, Jenkins, Azure)."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from termcheck.formatters.text import format_finding
from termcheck.model import FileResult, Report
from termcheck.notices import plural, shown
from termcheck.totals import Totals

if TYPE_CHECKING:
    from termcheck.formatters import FormatOptions

__all__ = ["format_report", "to_xml"]

SUITE: Final = "termcheck"
"""The name of the test suite and the class name of every test case."""

# Characters XML 1.0 cannot hold at all, even escaped; shown as U+FFFD instead.
#   "a\x0cb" -> "a\ufffdb"
_NOT_XML: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def format_report(
    results: Iterable[FileResult], options: FormatOptions
) -> Iterator[str]:
    """Yield the XML document line by line; colour, context and quiet are ignored.

    The counts stand in the opening tags, before the test cases, so they come
    from ``options.totals`` when the caller kept them; otherwise ``results``
    is read twice (a one-shot iterator is first made a list).
    """
    totals = options.totals
    if totals is None:
        if iter(results) is results:
            results = list(results)
        totals = Totals.of(results)
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    root = _root(totals)
    if not totals.files:
        ET.indent(root, space="  ")
        yield from ET.tostring(root, encoding="unicode").split("\n")
        return
    # '<testsuites …><testsuite … /></testsuites>': the two opening tags
    opening = ET.tostring(root, encoding="unicode").split("><")
    yield opening[0] + ">"
    yield "  <" + opening[1].removesuffix(" /") + ">"
    for result in results:
        yield from _case_lines(result)
    yield "  </testsuite>"
    yield "</testsuites>"


def _case_lines(result: FileResult) -> Iterator[str]:
    """One test case as ``ET.indent`` lays it out, one child element at a time
    (a file may have a million findings)."""
    case = _case_element(result)
    start = ET.tostring(case, encoding="unicode")  # '<testcase … />'
    children = _children(result)
    first = next(children, None)
    if first is None:
        yield "    " + start
        return
    yield "    " + start.removesuffix(" />") + ">"
    for child in itertools.chain((first,), children):
        yield from ("      " + ET.tostring(child, encoding="unicode")).split("\n")
    yield "    </testcase>"


def to_xml(report: Report) -> str:
    """The ``<testsuites>`` element, indented by two spaces."""
    root = _root(Totals.of(report))
    suite = root[0]
    for result in report:
        suite.append(_case(result))
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="unicode")


def _root(totals: Totals) -> ET.Element:
    """``<testsuites>`` holding an empty ``<testsuite>``, with the counts."""
    counts = {
        "tests": str(totals.files),
        "failures": str(totals.with_findings),
        "errors": str(totals.unreadable),
    }
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    skipped = {"skipped": str(len(totals.skipped))}
    ET.SubElement(root, "testsuite", {"name": SUITE, **counts, **skipped})
    return root


def _case(result: FileResult) -> ET.Element:
    """One file: a failure per finding, or an error when it could not be read."""
    case = _case_element(result)
    case.extend(_children(result))
    return case


def _case_element(result: FileResult) -> ET.Element:
    """The ``<testcase>`` of a file, without its children."""
    path = _clean(result.path)
    return ET.Element("testcase", {"name": path, "classname": SUITE, "file": path})


def _children(result: FileResult) -> Iterator[ET.Element]:
    """The elements in a file's test case: its error, skip, failures, omissions."""
    if result.error is not None:
        error = ET.Element("error", {"message": _clean(result.error), "type": "input"})
        error.text = _text(f"{result.path}: {result.error}")
        yield error
    if result.skipped is not None:
        yield ET.Element("skipped", {"message": _clean(result.skipped.reason)})
    for finding in result.findings:
        failure = ET.Element(
            "failure",
            {
                "message": _clean(shown(finding.message, line_breaks=True)),
                "type": finding.kind.value,
            },
        )
        failure.text = _text(format_finding(finding))
        yield failure
    if result.omitted:
        omitted = ET.Element("system-out")
        omitted.text = f"{plural(result.omitted, 'finding')} omitted by --max-findings"
        yield omitted


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _text(text: str) -> str:
    """Element text: XML readers turn CR LF and lone CR into LF anyway."""
    return _clean(text).replace("\r\n", "\n").replace("\r", "\n")
