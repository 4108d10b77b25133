"""What must hold for any input: shared by the hypothesis tests and fuzz/ harness.

Each ``check_*`` function runs one entry point on one input and raises
AssertionError when an invariant breaks; any exception other than the
project's own error types escapes and fails the caller too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from termcheck.checker import check_text
from termcheck.errors import GlossaryError, MatchTimeoutError, TermcheckError
from termcheck.glossary import parse_glossary
from termcheck.matcher import find_matches
from termcheck.model import Finding, Glossary
from termcheck.text import LineIndex

__all__ = [
    "assert_one_line",
    "check_findings",
    "check_glossary_text",
    "glossary_from_parts",
]


def assert_one_line(error: TermcheckError, path: str) -> None:
    """A user-facing error is one line that starts with the file it is about."""
    message = str(error)
    assert message.startswith(path), message
    assert "\n" not in message, repr(message)
    assert "\r" not in message, repr(message)


def check_glossary_text(text: str, path: str = "fuzz.yaml") -> Glossary | None:
    """Parse ``text``; only GlossaryError may come out, as one line naming ``path``."""
    try:
        glossary = parse_glossary(text, path)
    except GlossaryError as error:
        assert_one_line(error, path)
        return None
    assert all(term.canonical and term.id for term in glossary)
    return glossary


def glossary_from_parts(terms: Sequence[dict[str, Any]]) -> Glossary | None:
    """A glossary from term mappings, through the real loader (None if invalid)."""
    document = {"version": 1, "terms": list(terms)}
    text = yaml.safe_dump(document, allow_unicode=True)
    return check_glossary_text(text)


def check_findings(
    glossary: Glossary, text: str, path: str = "fuzz.md"
) -> list[Finding]:
    """Check ``text``; every match and finding lies inside it and says where.

    MatchTimeoutError (a pathological regex form) is the only error allowed.
    """
    try:
        matches = find_matches(glossary, text)
        findings = check_text(glossary, text, path=path)
    except MatchTimeoutError as error:
        timed_out = str(error)
        assert "of term '" in timed_out, timed_out
        return []
    previous_end = 0
    for match in matches:
        assert 0 <= match.start < match.end <= len(text), match
        assert match.start >= previous_end, "matches overlap"
        previous_end = match.end
    lines = LineIndex(text)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text), finding
        assert finding.matched == text[finding.start : finding.end]
        assert (finding.line, finding.column) == lines.position(finding.start)
        assert (finding.end_line, finding.end_column) == lines.end_position(
            finding.end
        )
        assert finding.term in glossary
        assert "\n" not in finding.message, finding.message
        assert "\r" not in finding.message, finding.message
    return findings
