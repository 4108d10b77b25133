"""A minimal LSP client for the tests: JSON-RPC over a ``termcheck lsp`` process."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["LspClient"]

TIMEOUT = 60.0  # seconds to wait for one message (the machine may be busy)


class LspClient:
    """Sends requests and notifications; answers the server's own requests."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            ["termcheck", "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.pending: list[dict[str, Any]] = []  # notifications not asked for yet
        self.server_requests: list[dict[str, Any]] = []
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.inbox.put(json.loads(stream.read(length)))

    def _write(self, *messages: dict[str, Any]) -> None:
        data = b""
        for message in messages:
            body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
            data += b"Content-Length: %d\r\n\r\n" % len(body) + body
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        """Send one notification."""
        self._write({"method": method, "params": params})

    def notify_all(self, *pairs: tuple[str, Any]) -> None:
        """Send several notifications in one write (as a fast typist's editor does)."""
        self._write(*({"method": m, "params": p} for m, p in pairs))

    def request(self, method: str, params: Any) -> Any:
        """Send a request and return its result (fails on an error response)."""
        self._next_id += 1
        number = self._next_id
        self._write({"id": number, "method": method, "params": params})
        while True:
            message = self._receive()
            if message.get("id") == number and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self.pending.append(message)

    def wait_for(self, method: str, **fields: Any) -> dict[str, Any]:
        """The params of the next ``method`` notification that hold ``fields``."""
        while True:
            for message in self.pending:
                if _fits(message, method, fields):
                    self.pending.remove(message)
                    return dict(message["params"])
            self.pending.append(self._receive())

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.inbox.get(timeout=max(deadline - time.monotonic(), 0.01))
            assert message is not None, "the server closed its output"
            if "method" in message and "id" in message:  # the server asks
                self.server_requests.append(message)
                self._write({"id": message["id"], "result": None})
                continue
            return message

    def stderr(self) -> str:
        """What the server wrote on standard error (after it exited)."""
        assert self.process.stderr is not None
        return self.process.stderr.read().decode("utf-8", "replace")


def _fits(message: dict[str, Any], method: str, fields: dict[str, Any]) -> bool:
    if message.get("method") != method:
        return False
    params = message.get("params") or {}
    return all(params.get(key) == value for key, value in fields.items())
