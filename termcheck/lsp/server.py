"""The language server: diagnostics, code actions and hover over stdio (pygls).

Each open document is checked when opened, and again ``DEBOUNCE`` seconds
after the last of a run of edits, by its :class:`DocumentChecker` in one worker
thread (so that messages keep being read meanwhile); a result for a version
the editor has already replaced is dropped. Code actions apply what ``--fix``
would: the same :func:`termcheck.fix.apply_fixes`, with the same re-check.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from termcheck import __version__
from termcheck.errors import error_line, internal_error
from termcheck.fix import FixResult, apply_fixes
from termcheck.lsp.actions import FIX_ALL, diagnostic, fix_all, hover, quick_fixes
from termcheck.lsp.incremental import DocumentChecker
from termcheck.lsp.positions import Position, TextDocument, Units
from termcheck.lsp.workspace import DocumentSettings, Workspace
from termcheck.model import Finding
from termcheck.project import NO_GLOSSARY

__all__ = ["DEBOUNCE", "TermcheckServer", "serve"]

DEBOUNCE: Final = 0.15  # seconds of quiet after an edit before re-checking


@dataclass(frozen=True, slots=True)
class _Checked:
    """One checked version of a document, kept for code actions and hover."""

    version: int | None
    text: str
    settings: DocumentSettings
    findings: tuple[Finding, ...]
    note: str = ""  # why it was not checked, for the editor's log


class _Protocol(LanguageServerProtocol):
    """Keeps documents in the server's own store, not in pygls's workspace.

    pygls splits lines with ``str.splitlines``, which also breaks at U+2028 and
    form feeds; LSP (and termcheck) break only at CRLF, CR and LF.
    """

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: types.DidOpenTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield self.fm.features[types.TEXT_DOCUMENT_DID_OPEN], (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield self.fm.features[types.TEXT_DOCUMENT_DID_CHANGE], (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: types.DidCloseTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield self.fm.features[types.TEXT_DOCUMENT_DID_CLOSE], (params,), None


class TermcheckServer(LanguageServer):
    """The server's state: documents, their checkers and last results."""

    def __init__(self) -> None:
        super().__init__("termcheck", __version__, protocol_cls=_Protocol)
        self.documents: dict[str, TextDocument] = {}
        self.checkers: dict[str, DocumentChecker] = {}
        self.checked: dict[str, _Checked] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="check")
        self.space = Workspace([])
        self.units = Units()
        self.shown: set[str] = set()  # error messages already shown

    def start(self, params: types.InitializeParams) -> None:
        """Read the workspace folders, position encoding and options."""
        folders = [to_fs_path(f.uri) for f in params.workspace_folders or ()]
        if not folders and params.root_uri:
            folders = [to_fs_path(params.root_uri)]
        roots = [Path(folder) for folder in folders if folder]
        options = params.initialization_options or {}
        root = roots[0] if roots else Path.cwd()
        config = options.get("config") if isinstance(options, dict) else None
        glossaries = options.get("glossaries", []) if isinstance(options, dict) else []
        self.space = Workspace(
            roots,
            config=str(root / config) if isinstance(config, str) else None,
            glossaries=[_glossary_source(root, g) for g in glossaries],
        )
        encoding = self.workspace.position_encoding or "utf-16"
        self.units = Units(str(encoding))

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, unless another edit comes first."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(
            delay, lambda: asyncio.ensure_future(self.run_check(uri))
        )

    async def run_check(self, uri: str) -> None:
        """Check the current text of ``uri`` in the worker; publish if still current."""
        self.timers.pop(uri, None)
        document = self.documents.get(uri)
        if document is None:
            return
        version, text = document.version, document.text
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(
                self.worker, self.check, uri, document.language, version, text
            )
        except Exception as error:  # a broken config or glossary, or a bug
            self.report(error_line(error) or internal_error(error))
            checked = None
        current = self.documents.get(uri)
        if current is None:
            self.checkers.pop(uri, None)  # closed while being checked
            return
        if current.version != version or current.text != text:
            return  # edited meanwhile: a newer check is on its way
        diagnostics = []
        if checked is not None:
            if checked.note:
                self.note(checked.note)
            self.checked[uri] = checked
            diagnostics = [diagnostic(current, f, self.units) for f in checked.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics, version)
        )

    def check(
        self, uri: str, language: str, version: int | None, text: str
    ) -> _Checked:
        """Check one text (in the worker thread)."""
        if self.space.stale():
            self.space.reload()
        path = to_fs_path(uri)
        settings = self.space.settings(Path(path) if path else None, language)
        if settings.glossary is None:
            note = ""
            if settings.why == "no glossary":
                note = f"{settings.display}: {NO_GLOSSARY}; not checked"
            return _Checked(version, text, settings, (), note)
        checker = self.checkers.get(uri)
        if checker is None or checker.markup != settings.markup:
            checker = self.checkers[uri] = DocumentChecker(settings.markup)
        outcome = checker.check(
            settings.glossary, text, path=settings.display, disabled=settings.disabled
        )
        return _Checked(version, text, settings, outcome.findings)

    def fixes(self, uri: str, checked: _Checked) -> FixResult:
        """What ``--fix`` would do to the checked text (in the worker thread)."""
        glossary = checked.settings.glossary
        checker = self.checkers.get(uri)
        if glossary is None or checker is None or not checked.findings:
            return FixResult(checked.text)
        check = functools.partial(
            _findings,
            checker,
            glossary,
            path=checked.settings.display,
            disabled=checked.settings.disabled,
        )
        return apply_fixes(checked.text, checked.findings, check=check)

    def report(self, message: str) -> None:
        """Show an error (a broken config or glossary) once."""
        if message in self.shown:
            return
        self.shown.add(message)
        self.window_show_message(
            types.ShowMessageParams(types.MessageType.Error, f"termcheck: {message}")
        )

    def note(self, message: str) -> None:
        """Log a note in the editor's log of this server, once."""
        if message not in self.shown:
            self.shown.add(message)
            self.window_log_message(
                types.LogMessageParams(types.MessageType.Info, f"termcheck: {message}")
            )

    def recheck_all(self) -> None:
        """Load configs and glossaries anew and check every open document."""
        self.worker.submit(self.space.reload)
        self.shown.clear()
        for uri in self.documents:
            self.schedule(uri, 0)


def _findings(
    checker: DocumentChecker, glossary: Any, text: str, **options: Any
) -> tuple[Finding, ...]:
    return checker.check(glossary, text, **options).findings


def _glossary_source(root: Path, entry: object) -> str:
    """A glossary of the initialization options: a path (from the workspace
    folder) or a bundled name, as in a config file."""
    name = str(entry)
    candidate = root / name
    if candidate.exists() or "/" in name or "." in Path(name).name:
        return str(candidate)
    return name


server = TermcheckServer()


@server.feature(types.INITIALIZE)
def _initialize(ls: TermcheckServer, params: types.InitializeParams) -> None:
    ls.start(params)


@server.feature(types.INITIALIZED)
def _initialized(ls: TermcheckServer, _params: types.InitializedParams) -> None:
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is None or not watched.dynamic_registration:
        return  # the stamps are still checked before every check
    patterns = ["**/.termcheck.yaml", "**/.termcheck.yml", "**/pyproject.toml"]
    patterns.append("**/*.{yaml,yml}")  # glossaries, wherever they are
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=p) for p in patterns]
    )
    registration = types.Registration(
        "termcheck-watch", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options
    )
    ls.client_register_capability(types.RegistrationParams([registration]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: TermcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    ls.documents[item.uri] = TextDocument(
        item.uri, item.text, item.version, item.language_id
    )
    ls.schedule(item.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: TermcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return
    for change in params.content_changes:
        if isinstance(change, types.TextDocumentContentChangePartial):
            start, end = change.range.start, change.range.end
            document.edit(
                Position(start.line, start.character),
                Position(end.line, end.character),
                change.text,
                ls.units,
            )
        else:
            document.replace(change.text, document.version)
    document.version = params.text_document.version
    ls.schedule(document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: TermcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    timer = ls.timers.pop(uri, None)
    if timer is not None:
        timer.cancel()
    for store in (ls.documents, ls.checkers, ls.checked):
        store.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: TermcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri)
    if path and ls.space.concerns(Path(path)):
        ls.recheck_all()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _watched(ls: TermcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [to_fs_path(change.uri) for change in params.changes]
    if any(path and ls.space.concerns(Path(path)) for path in paths):
        ls.recheck_all()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
)
async def _code_action(
    ls: TermcheckServer, params: types.CodeActionParams
) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document, checked = ls.documents.get(uri), ls.checked.get(uri)
    if document is None or checked is None or checked.text != document.text:
        return []  # not checked yet in this version: no edit could be trusted
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(ls.worker, ls.fixes, uri, checked)
    only = params.context.only
    support = ls.client_capabilities.text_document
    code_action = support.code_action if support else None
    disabled = bool(code_action and code_action.disabled_support)
    actions: list[types.CodeAction] = []
    if only is None or any(types.CodeActionKind.QuickFix.startswith(k) for k in only):
        actions += quick_fixes(document, params.range, result, ls.units, disabled)
    if result.applied and (only is None or any(FIX_ALL.startswith(k) for k in only)):
        actions.append(fix_all(document, result, ls.units))
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: TermcheckServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    document, checked = ls.documents.get(uri), ls.checked.get(uri)
    if document is None or checked is None or checked.settings.glossary is None:
        return None
    if checked.text != document.text:
        return None
    point = params.position
    offset = document.offset_at(Position(point.line, point.character), ls.units)
    return hover(
        document, checked.settings.glossary, checked.findings, offset, ls.units
    )


def serve() -> None:
    """Run the server on standard input and output until the client exits."""
    server.start_io()
