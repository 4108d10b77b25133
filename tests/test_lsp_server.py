"""A real LSP session with termcheck lsp: diagnostics, actions, hover, edits."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.lsp_client import LspClient

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [OBOR, One Belt One Road]
    note: Official name since 2015.
"""
EMAIL_TERM = """\
  - id: email
    canonical: email
    forbidden: [e-mail]
"""
TEXT = (
    "# Speech\n\nWe welcome OBOR \U0001f600 and One Belt One Road.\n\nSend an e-mail.\n"
)
OBOR_MESSAGE = (
    '"OBOR" is an unapproved variant; use "Belt and Road Initiative". '
    "Official name since 2015."
)
ONE_BELT_MESSAGE = (
    '"One Belt One Road" is an unapproved variant; use "Belt and Road Initiative". '
    "Official name since 2015."
)
CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
    "textDocument": {"codeAction": {"disabledSupport": True}},
}


def _range(line: int, start: int, end: int) -> dict[str, Any]:
    return {
        "start": {"line": line, "character": start},
        "end": {"line": line, "character": end},
    }


def _diagnostic(line: int, start: int, end: int, message: str) -> dict[str, Any]:
    return {
        "range": _range(line, start, end),
        "message": message,
        "severity": 1,
        "code": "bri",
        "source": "termcheck",
        "data": {"kind": "forbidden", "term": "bri"},
    }


@pytest.fixture(name="project")
def _project(tmp_path: Path) -> Path:
    (tmp_path / ".termcheck.yaml").write_text("glossaries: [glossary.yaml]\n")
    (tmp_path / "glossary.yaml").write_text(GLOSSARY)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "speech.md").write_text(TEXT)
    return tmp_path


@pytest.fixture(name="client")
def _client(project: Path) -> Iterator[LspClient]:
    client = LspClient(project)
    yield client
    if client.process.poll() is None:
        client.process.kill()
        client.process.wait()


def _start(client: LspClient, project: Path) -> dict[str, Any]:
    result = client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": project.as_uri(),
            "workspaceFolders": [{"uri": project.as_uri(), "name": "project"}],
            "capabilities": CAPABILITIES,
        },
    )
    client.notify("initialized", {})
    return dict(result)


def _open(client: LspClient, uri: str, text: str, language: str = "markdown") -> None:
    document = {"uri": uri, "languageId": language, "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": document})


def _stop(client: LspClient) -> None:
    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.process.wait(timeout=30) == 0


class TestSession:
    def test_whole_session(self, client: LspClient, project: Path) -> None:
        """Open, diagnose, fix, hover, edit, change the glossary, close, shut down."""
        capabilities = _start(client, project)["capabilities"]
        assert capabilities["textDocumentSync"]["change"] == 2  # incremental
        assert capabilities["hoverProvider"] is True
        assert capabilities["codeActionProvider"]["codeActionKinds"] == [
            "quickfix",
            "source.fixAll.termcheck",
        ]
        uri = (project / "docs" / "speech.md").as_uri()
        _open(client, uri, TEXT)
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        # UTF-16 positions: the emoji before "One Belt One Road" counts twice.
        assert published == {
            "uri": uri,
            "version": 1,
            "diagnostics": [
                _diagnostic(2, 11, 15, OBOR_MESSAGE),
                _diagnostic(2, 23, 40, ONE_BELT_MESSAGE),
            ],
        }
        watch = client.server_requests[0]
        assert watch["method"] == "client/registerCapability"
        globs = [
            w["globPattern"]
            for w in watch["params"]["registrations"][0]["registerOptions"]["watchers"]
        ]
        assert "**/.termcheck.yaml" in globs

        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": _range(2, 12, 12),
                "context": {"diagnostics": []},
            },
        )
        assert [a["title"] for a in actions] == [
            'Replace "OBOR" with "Belt and Road Initiative"',
            "Fix all termcheck findings",
        ]
        assert actions[0]["kind"] == "quickfix"
        assert actions[0]["edit"] == {
            "changes": {
                uri: [
                    {"range": _range(2, 11, 15), "newText": "Belt and Road Initiative"}
                ]
            }
        }
        assert actions[1]["edit"]["changes"][uri] == [
            {"range": _range(2, 11, 15), "newText": "Belt and Road Initiative"},
            {"range": _range(2, 23, 40), "newText": "Belt and Road Initiative"},
        ]

        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 13}},
        )
        assert hover == {
            "contents": {
                "kind": "markdown",
                "value": "**Belt and Road Initiative** (`bri`, forbidden)\n\n"
                "Official name since 2015.",
            },
            "range": _range(2, 11, 15),
        }
        silent = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}},
        )
        assert silent is None

        # The quick fix, applied by the editor as an incremental change.
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [
                    {"range": _range(2, 11, 15), "text": "Belt and Road Initiative"}
                ],
            },
        )
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert published["version"] == 2
        assert published["diagnostics"] == [_diagnostic(2, 43, 60, ONE_BELT_MESSAGE)]

        # The glossary changes on disk; the editor says so (the server asked it to).
        glossary = project / "glossary.yaml"
        glossary.write_text(GLOSSARY + EMAIL_TERM)
        client.notify(
            "workspace/didChangeWatchedFiles",
            {"changes": [{"uri": glossary.as_uri(), "type": 2}]},
        )
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert [d["message"] for d in published["diagnostics"]] == [
            ONE_BELT_MESSAGE,
            '"e-mail" is an unapproved variant; use "email"',
        ]
        assert published["diagnostics"][1]["range"] == _range(4, 8, 14)

        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        closed = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert closed["diagnostics"] == []
        _stop(client)
        assert "Traceback" not in client.stderr()

    def test_edits_are_debounced(self, client: LspClient, project: Path) -> None:
        """A burst of edits is checked once, in its last version."""
        _start(client, project)
        uri = (project / "docs" / "speech.md").as_uri()
        _open(client, uri, "Plain.\n")
        assert (
            client.wait_for("textDocument/publishDiagnostics", uri=uri)["version"] == 1
        )
        client.notify_all(
            *(
                (
                    "textDocument/didChange",
                    {
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{"text": f"OBOR {version}.\n"}],
                    },
                )
                for version in (2, 3, 4)
            )
        )
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert published["version"] == 4
        assert published["diagnostics"] == [_diagnostic(0, 0, 4, OBOR_MESSAGE)]
        _stop(client)

    def test_glossary_edited_without_notice(
        self, client: LspClient, project: Path
    ) -> None:
        """A glossary changed on disk is read again at the next check, even when the
        editor does not watch files."""
        _start(client, project)
        uri = (project / "docs" / "note.md").as_uri()
        _open(client, uri, "Send an e-mail.\n")
        assert (
            client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"]
            == []
        )
        (project / "glossary.yaml").write_text(GLOSSARY + EMAIL_TERM + "\n")
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": "Send an e-mail now.\n"}],
            },
        )
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert [d["code"] for d in published["diagnostics"]] == ["email"]
        _stop(client)


class TestSettings:
    def test_override_disables_a_term(self, client: LspClient, project: Path) -> None:
        """The config's overrides apply to the document's path, as in a check."""
        (project / ".termcheck.yaml").write_text(
            "glossaries: [glossary.yaml]\n"
            "overrides:\n  - paths: [legal/**]\n    disable: [bri]\n"
        )
        _start(client, project)
        legal = (project / "legal" / "terms.md").as_uri()
        other = (project / "docs" / "terms.md").as_uri()
        _open(client, legal, "OBOR.\n")
        _open(client, other, "OBOR.\n")
        assert (
            client.wait_for("textDocument/publishDiagnostics", uri=legal)["diagnostics"]
            == []
        )
        assert (
            len(
                client.wait_for("textDocument/publishDiagnostics", uri=other)[
                    "diagnostics"
                ]
            )
            == 1
        )
        _stop(client)

    def test_markup_by_file_ending(self, client: LspClient, project: Path) -> None:
        """Code in a Markdown file is not prose; the same text as plain text is."""
        _start(client, project)
        text = "Use `OBOR` here.\n"
        markdown = (project / "a.md").as_uri()
        plain = (project / "a.txt").as_uri()
        _open(client, markdown, text)
        _open(client, plain, text, language="plaintext")
        found = client.wait_for("textDocument/publishDiagnostics", uri=markdown)
        assert found["diagnostics"] == []
        found = client.wait_for("textDocument/publishDiagnostics", uri=plain)
        assert [d["range"] for d in found["diagnostics"]] == [_range(0, 5, 9)]
        _stop(client)

    def test_broken_config_is_shown(self, client: LspClient, project: Path) -> None:
        """A broken config is one message to the user, and no diagnostics."""
        (project / ".termcheck.yaml").write_text(
            "glossaries: [glossary.yaml]\nexlude: []\n"
        )
        _start(client, project)
        uri = (project / "a.md").as_uri()
        _open(client, uri, "OBOR.\n")
        shown = client.wait_for("window/showMessage")
        assert shown["type"] == 1
        assert (
            "unknown key 'exlude' in the config; did you mean 'exclude'?"
            in (shown["message"])
        )
        assert (
            client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"]
            == []
        )
        _stop(client)

    def test_no_glossary_is_a_note(self, client: LspClient, project: Path) -> None:
        """A workspace without a glossary gets no diagnostics and one log note."""
        (project / ".termcheck.yaml").write_text("fail-on: warning\n")
        _start(client, project)
        uri = (project / "docs" / "a.md").as_uri()
        _open(client, uri, "OBOR.\n")
        logged = client.wait_for("window/logMessage")
        assert logged["message"].startswith("termcheck: docs/a.md: no glossary given")
        assert (
            client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"]
            == []
        )
        _stop(client)

    def test_line_breaks_as_lsp_counts_them(
        self, client: LspClient, project: Path
    ) -> None:
        """U+2028 and form feeds do not start lines; CR alone does."""
        _start(client, project)
        uri = (project / "a.txt").as_uri()
        _open(client, uri, "a\u2028b\x0c OBOR\rc OBOR\n", language="plaintext")
        found = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert [d["range"] for d in found["diagnostics"]] == [
            _range(0, 5, 9),
            _range(1, 2, 6),
        ]
        _stop(client)


def test_without_pygls() -> None:
    """Without the lsp extra, the command says what to install, on one line."""
    code = (
        "import sys; sys.modules['pygls'] = None\n"
        "from termcheck.cli import main; main(['lsp'])"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert run.returncode == 2
    assert run.stderr.startswith("termcheck: error: the language server needs pygls")
    assert run.stderr.count("\n") == 1
    assert "pip install 'termcheck[lsp]'" in run.stderr


class TestOptions:
    def test_utf32_positions(self, client: LspClient, project: Path) -> None:
        """A client that asks for UTF-32 gets code-point columns."""
        result = client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": project.as_uri(),
                "capabilities": {"general": {"positionEncodings": ["utf-32"]}},
            },
        )
        assert result["capabilities"]["positionEncoding"] == "utf-32"
        client.notify("initialized", {})
        uri = (project / "a.txt").as_uri()
        _open(client, uri, "\U0001f600 OBOR\n", language="plaintext")
        found = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert [d["range"] for d in found["diagnostics"]] == [_range(0, 2, 6)]
        _stop(client)

    def test_unsaved_document_by_language(
        self, client: LspClient, project: Path
    ) -> None:
        """A buffer with no file is read by its language id, with the workspace's
        glossaries."""
        _start(client, project)
        uri = "untitled:Untitled-1"
        _open(client, uri, "`OBOR` and OBOR\n")
        found = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert [d["range"] for d in found["diagnostics"]] == [_range(0, 11, 15)]
        _stop(client)

    def test_initialization_options(self, client: LspClient, project: Path) -> None:
        """glossaries in the options replace the config's, as --glossary does."""
        (project / "other.yaml").write_text(
            "version: 1\nterms:\n" + EMAIL_TERM, encoding="utf-8"
        )
        client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": project.as_uri(),
                "capabilities": {},
                "initializationOptions": {"glossaries": ["other.yaml"]},
            },
        )
        client.notify("initialized", {})
        uri = (project / "a.md").as_uri()
        _open(client, uri, "OBOR by e-mail.\n")
        found = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert [d["code"] for d in found["diagnostics"]] == ["email"]
        _stop(client)
