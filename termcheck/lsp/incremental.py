"""Re-check a document after an edit, re-reading only the paragraphs that changed.

:class:`DocumentChecker` gives what :func:`termcheck.checker.check_document`
gives for the same text, from two caches:

- the masked prose of each extraction piece (see ``pieces``), keyed by the
  piece's text and its markup context (the Markdown link definitions it uses);
- the matches of each matching piece, keyed by its masked text (a piece's
  matches depend on nothing else).

Document-level steps (classification, ``inconsistent`` usage, directives, line
and column numbers) then run on all the cached matches of the document.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection

from termcheck.checker import Prose, extract_prose, report_matches
from termcheck.directives import Directive, Outcome
from termcheck.lsp.pieces import extraction_cuts, matching_cuts
from termcheck.matcher import find_matches
from termcheck.model import Glossary, Match

__all__ = ["DocumentChecker"]


class DocumentChecker:
    """Checks successive versions of one document with one markup."""

    def __init__(self, markup: str, *, inline_config: bool = True) -> None:
        self.markup = markup
        self.inline_config = inline_config
        self._prose: dict[tuple[str, str], Prose] = {}
        self._matches: dict[str, tuple[Match, ...]] = {}
        self._glossary: Glossary | None = None
        self.rematched = 0  # pieces matched afresh by the last check (for tests)

    def check(
        self,
        glossary: Glossary,
        text: str,
        *,
        path: str = "<string>",
        disabled: Collection[str] = (),
    ) -> Outcome:
        """The outcome ``check_document`` gives for ``text`` (same findings)."""
        if glossary is not self._glossary:
            self._matches.clear()
            self._glossary = glossary
        prose = self._extract(text)
        matches = self._match(glossary, prose.masked)
        return report_matches(
            glossary, matches, text, prose, path=path, disabled=disabled
        )

    def _extract(self, text: str) -> Prose:
        found = extraction_cuts(text, self.markup)
        if found is None:
            key = (text, "")
            prose = self._prose.get(key) or extract_prose(
                text, markup=self.markup, inline_config=self.inline_config
            )
            self._prose = {key: prose}
            return prose
        cuts, context = found
        kept: dict[tuple[str, str], Prose] = {}
        masked: list[str] = []
        directives: list[Directive] = []
        bounds = [0, *cuts, len(text)]
        for start, end in itertools.pairwise(bounds):
            piece = text[start:end]
            suffix = context.suffix_for(piece)
            key = (piece, suffix)
            prose = (
                kept.get(key)
                or self._prose.get(key)
                or self._extract_piece(piece, suffix)
            )
            kept[key] = prose
            masked.append(prose.masked)
            directives.extend(_moved(d, start) for d in prose.directives)
        self._prose = kept
        joined = "".join(masked)
        return Prose(text if joined == text else joined, tuple(directives), self.markup)

    def _extract_piece(self, piece: str, suffix: str) -> Prose:
        prose = extract_prose(
            piece + suffix, markup=self.markup, inline_config=self.inline_config
        )
        if not suffix:
            return prose
        inside = tuple(d for d in prose.directives if d.end <= len(piece))
        return Prose(prose.masked[: len(piece)], inside, prose.markup)

    def _match(self, glossary: Glossary, masked: str) -> list[Match]:
        kept: dict[str, tuple[Match, ...]] = {}
        matches: list[Match] = []
        bounds = [0, *matching_cuts(masked), len(masked)]
        self.rematched = 0
        for start, end in itertools.pairwise(bounds):
            piece = masked[start:end]
            found = kept.get(piece)
            if found is None:
                found = self._matches.get(piece)
            if found is None:
                found = tuple(find_matches(glossary, piece))
                self.rematched += 1
            kept[piece] = found
            if start:
                matches.extend(_shifted(m, start) for m in found)
            else:
                matches.extend(found)
        self._matches = kept
        return matches


def _shifted(match: Match, offset: int) -> Match:
    return dataclasses.replace(
        match, start=match.start + offset, end=match.end + offset
    )


def _moved(directive: Directive, offset: int) -> Directive:
    if not offset:
        return directive
    return dataclasses.replace(
        directive,
        ids=tuple((term, at + offset) for term, at in directive.ids),
        start=directive.start + offset,
        end=directive.end + offset,
        action_at=directive.action_at + offset,
        keyword_at=directive.keyword_at + offset,
    )
