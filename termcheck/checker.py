"""Check one document: match, then classify. Pure: no I/O."""

from __future__ import annotations

from termcheck.classify import classify
from termcheck.matcher import find_matches
from termcheck.model import Finding, Glossary

__all__ = ["check_text"]


def check_text(
    glossary: Glossary, text: str, *, path: str = "<string>"
) -> list[Finding]:
    """All findings of ``glossary``'s terms in ``text``, sorted by position."""
    return classify(glossary, find_matches(glossary, text), text, path)
