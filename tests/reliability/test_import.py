"""Hostile files given to ``termcheck glossary import`` (TBX XML, Vale YAML).

Nothing is read from disk or the network besides the file itself: entity
declarations are refused, external DTDs and XIncludes are never fetched, deep
nesting is no crash, YAML aliases cannot explode. Each case is one line naming
the file, exit 2 (or a clean import that ignored the trick), no traceback.
Unit cases of the TBX parser are in tests/test_interchange_tbx.py (TestUnsafeXml).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.battery import run

SECRET = "TOPSECRET-MARKER-7731"
TBX_OPEN = (
    '<tbx type="TBX-Basic" style="dca" xml:lang="en" '
    'xmlns="urn:iso:std:iso:30042:ed-2"{extra}>'
)
ENTRY = (
    '<text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec>'
    "<term>{term}</term></termSec></langSec></conceptEntry></body></text></tbx>"
)


def document(term: str, doctype: str = "", extra: str = "") -> str:
    """A one-term TBX document with ``term`` as its term text."""
    return (
        f'<?xml version="1.0"?>{doctype}'
        + TBX_OPEN.format(extra=extra)
        + ENTRY.format(term=term)
    )


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file that must never be read."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[tuple[str, list[object]]]:
    """A local TCP server that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    connections: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            connections.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    host, port = server.getsockname()
    yield f"http://{host}:{port}", connections
    stop.set()
    thread.join(timeout=5)
    server.close()


def import_tbx(folder: Path, text: str):
    """``termcheck glossary import --from tbx hostile.tbx`` in ``folder``."""
    (folder / "hostile.tbx").write_text(text, encoding="utf-8")
    return run("glossary", "import", "--from", "tbx", str(folder / "hostile.tbx"))


class TestEntities:
    """Documents that declare entities are refused before any expansion."""

    def test_xxe_to_a_local_file(self, tmp_path, secret):
        """An external entity naming a local file: refused, the file unread."""
        doctype = f'<!DOCTYPE tbx [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        outcome = import_tbx(tmp_path, document("&x;", doctype))
        assert outcome.code == 2
        (line,) = outcome.errors
        assert line.endswith(
            "hostile.tbx: refusing XML that declares entities ('x'): entity "
            "expansion and external entities are not allowed"
        )
        assert SECRET not in outcome.stdout + outcome.stderr

    def test_billion_laughs(self, tmp_path):
        """Nested entities: refused at once."""
        entities = '<!ENTITY a "lol">' + "".join(
            f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
            for a, b in zip("abcdefgh", "bcdefghi", strict=True)
        )
        started = time.monotonic()
        outcome = import_tbx(tmp_path, document("&i;", f"<!DOCTYPE tbx [{entities}]>"))
        assert time.monotonic() - started < 5
        assert outcome.code == 2
        assert "refusing XML that declares entities" in outcome.errors[0]

    def test_quadratic_blowup(self, tmp_path):
        """One large entity used many times: refused as well."""
        doctype = f'<!DOCTYPE tbx [<!ENTITY a "{"A" * 50_000}">]>'
        outcome = import_tbx(tmp_path, document("&a;" * 50_000, doctype))
        assert outcome.code == 2
        assert "refusing XML that declares entities ('a')" in outcome.errors[0]

    def test_external_parameter_entity(self, tmp_path, listener):
        """A parameter entity pulling a DTD from the network: refused, no request."""
        url, connections = listener
        doctype = f'<!DOCTYPE tbx [<!ENTITY % ext SYSTEM "{url}/evil.dtd"> %ext;]>'
        outcome = import_tbx(tmp_path, document("x", doctype))
        assert outcome.code == 2
        assert "refusing XML that declares entities" in outcome.errors[0]
        time.sleep(0.3)
        assert connections == []


class TestExternalResources:
    """References to other files or URLs are never followed."""

    def test_external_dtd_on_disk_is_not_read(self, tmp_path, secret):
        """A DTD named by path is not loaded: its entity stays undefined."""
        dtd = tmp_path / "evil.dtd"
        dtd.write_text(f'<!ENTITY leak "{SECRET}">\n', encoding="utf-8")
        doctype = f'<!DOCTYPE tbx SYSTEM "{dtd.as_uri()}">'
        outcome = import_tbx(tmp_path, document("&leak;", doctype))
        assert outcome.code == 2
        (line,) = outcome.errors
        assert "hostile.tbx:1:" in line
        assert "not well-formed XML: undefined entity &leak;" in line
        assert SECRET not in outcome.stdout + outcome.stderr

    def test_external_dtd_on_the_network_is_not_fetched(self, tmp_path, listener):
        """A DTD named by URL (as TBX v2 files do) is read without any request."""
        url, connections = listener
        doctype = f'<!DOCTYPE tbx SYSTEM "{url}/TBXcoreStructV02.dtd">'
        outcome = import_tbx(tmp_path, document("harbour", doctype))
        assert outcome.code == 0
        assert "canonical: harbour" in outcome.stdout
        time.sleep(0.3)
        assert connections == []

    def test_xinclude_is_not_processed(self, tmp_path, secret):
        """An XInclude element is just an element: the file is not pulled in."""
        include = f'term <xi:include href="{secret.as_uri()}" parse="text"/>'
        extra = ' xmlns:xi="http://www.w3.org/2001/XInclude"'
        outcome = import_tbx(tmp_path, document(include, extra=extra))
        assert outcome.code == 0
        assert "canonical: term" in outcome.stdout
        assert SECRET not in outcome.stdout + outcome.stderr


class TestShape:
    """Odd but harmless structure."""

    def test_nested_100000_deep(self, tmp_path):
        """Deep nesting is read without a recursion error, with a clear message."""
        depth = 100_000
        text = (
            '<?xml version="1.0"?>'
            + TBX_OPEN.format(extra="")
            + "<x>" * depth
            + "</x>" * depth
            + "</tbx>"
        )
        outcome = import_tbx(tmp_path, text)
        assert outcome.code == 2
        (line,) = outcome.errors
        assert line.endswith(
            "hostile.tbx: no terms found (no language section has any)"
        )

    def test_not_xml(self, tmp_path):
        """Binary noise is not well-formed XML, located by line and column."""
        (tmp_path / "hostile.tbx").write_bytes(b"\x00\xff\xfe<tbx")
        outcome = run(
            "glossary", "import", "--from", "tbx", str(tmp_path / "hostile.tbx")
        )
        assert outcome.code == 2
        (line,) = outcome.errors
        assert "hostile.tbx:1:" in line
        assert "not well-formed XML" in line


class TestValeYaml:
    """A Vale rule is read by the glossary's own YAML reader."""

    def test_alias_bomb(self, tmp_path):
        """Nine levels of nine aliases: refused at once (it used to hang)."""
        lines = ["extends: substitution", 'a: &a ["lol", "lol", "lol"]']
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
            lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        lines.append("swap: {x: *i}")
        path = tmp_path / "bomb.yml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        started = time.monotonic()
        outcome = run("glossary", "import", "--from", "vale", str(path))
        assert time.monotonic() - started < 5
        assert outcome.code == 2
        (line,) = outcome.errors
        assert "bomb.yml:" in line
        assert line.endswith("too many nodes after alias expansion (alias bomb?)")

    def test_python_tag(self, tmp_path):
        """A tag asking for a Python object is refused at its position."""
        path = tmp_path / "rule.yml"
        path.write_text(
            "extends: substitution\nswap:\n  a: !!python/object/apply:os.getcwd []\n",
            encoding="utf-8",
        )
        outcome = run("glossary", "import", "--from", "vale", str(path))
        assert outcome.code == 2
        (line,) = outcome.errors
        assert "rule.yml:3:6: tag '!!python/object/apply:os.getcwd' not allowed" in line
