"""Findings as LSP values: diagnostics, quick fixes from ``--fix``'s plan, hover."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from lsprotocol import types

from termcheck.fix import FixResult
from termcheck.lsp.positions import Position, TextDocument, Units
from termcheck.model import Finding, Glossary, Severity

__all__ = ["FIX_ALL", "diagnostic", "fix_all", "hover", "quick_fixes", "range_of"]

FIX_ALL: Final = "source.fixAll.termcheck"
"""The code action kind that applies every safe fix of a document."""

_SEVERITY: Final = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def diagnostic(
    document: TextDocument, finding: Finding, units: Units
) -> types.Diagnostic:
    """A finding as an LSP diagnostic: termcheck's message, the term id as code."""
    return types.Diagnostic(
        range=range_of(document, finding, units),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.term,
        source="termcheck",
        data={"kind": finding.kind.value, "term": finding.term},
    )


def range_of(document: TextDocument, finding: Finding, units: Units) -> types.Range:
    """The LSP range of a finding."""
    start = document.position_of(finding.line, finding.column, units)
    end = document.position_of(finding.end_line, finding.end_column, units)
    return types.Range(_lsp(start), _lsp(end))


def quick_fixes(
    document: TextDocument,
    wanted: types.Range,
    result: FixResult,
    units: Units,
    disabled: bool,
) -> list[types.CodeAction]:
    """One action per fix ``--fix`` would apply in ``wanted``; with ``disabled``
    (the editor shows such actions), one saying why for each finding it would not."""
    actions = []
    for edit in result.applied:
        finding = edit.finding
        if not _overlaps(range_of(document, finding, units), wanted):
            continue
        change = _text_edit(document, edit.start, edit.end, edit.text, units)
        actions.append(
            types.CodeAction(
                f'Replace "{finding.matched}" with "{edit.text}"',
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic(document, finding, units)],
                edit=types.WorkspaceEdit(changes={document.uri: [change]}),
                is_preferred=True,
            )
        )
    if not disabled:
        return actions
    for skip in result.skipped:
        if _overlaps(range_of(document, skip.finding, units), wanted):
            actions.append(
                types.CodeAction(
                    f'Replace "{skip.finding.matched}"',
                    kind=types.CodeActionKind.QuickFix,
                    disabled=types.CodeActionDisabled(f"not fixed: {skip.reason}"),
                )
            )
    return actions


def fix_all(
    document: TextDocument, result: FixResult, units: Units
) -> types.CodeAction:
    """Every fix ``--fix`` would apply, as one action."""
    edits = [
        _text_edit(document, e.start, e.end, e.text, units) for e in result.applied
    ]
    return types.CodeAction(
        "Fix all termcheck findings",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={document.uri: edits}),
    )


def hover(
    document: TextDocument,
    glossary: Glossary,
    findings: Sequence[Finding],
    offset: int,
    units: Units,
) -> types.Hover | None:
    """The canonical form, id, kind and note of the term of the finding at
    ``offset`` (None where there is none)."""
    for finding in findings:
        if finding.start <= offset < finding.end and finding.term in glossary:
            term = glossary[finding.term]
            lines = [f"**{term.canonical}** (`{term.id}`, {finding.kind.value})"]
            if term.note:
                lines.append(term.note)
            return types.Hover(
                types.MarkupContent(types.MarkupKind.Markdown, "\n\n".join(lines)),
                range_of(document, finding, units),
            )
    return None


def _text_edit(
    document: TextDocument, start: int, end: int, text: str, units: Units
) -> types.TextEdit:
    first = document.position_at(start, units)
    last = document.position_at(end, units)
    return types.TextEdit(types.Range(_lsp(first), _lsp(last)), text)


def _overlaps(one: types.Range, other: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(one.start) <= key(other.end) and key(other.start) <= key(one.end)


def _lsp(position: Position) -> types.Position:
    return types.Position(position.line, position.character)
