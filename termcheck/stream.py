"""Check a very large file in bounded windows, with the same findings as in one go."""

from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from termcheck.classify import classify
from termcheck.errors import BinaryFileError, InputError
from termcheck.files import BINARY_PROBE, BOMS
from termcheck.matcher import find_matches
from termcheck.model import FileResult, Finding, Glossary, Match
from termcheck.quotes import Quotations, as_quoted, quotations
from termcheck.text import LineIndex

__all__ = [
    "OVERLAP",
    "WINDOW",
    "WINDOW_THRESHOLD",
    "HasDirectives",
    "check_large_file",
    "check_plain_file",
]

WINDOW_THRESHOLD: Final = 16_000_000  # bytes: larger files are checked in windows
WINDOW: Final = 1_000_000  # characters of text each window is responsible for
OVERLAP: Final = 8_192  # characters of context before and after that part
_READ: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class _Window:
    """``text`` starts at absolute offset ``offset``; matches starting in
    ``[low, high)`` (absolute) belong to it. ``line``/``column`` (1-based) are
    where ``text`` starts."""

    text: str
    offset: int
    low: int
    high: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class _Placed:
    match: Match
    line: int
    column: int
    end_line: int
    end_column: int
    matched: str
    quoted: bool = False


class HasDirectives(Exception):
    """The file holds ``termcheck:`` directives: check it whole instead."""


def check_plain_file(
    glossary: Glossary,
    path: Path,
    display: str,
    inline_config: bool = True,
    disabled: frozenset[str] = frozenset(),
) -> FileResult | None:
    """A plain-text file's result, checked in windows as ``check_document`` would.

    Returns None when the file holds directives (they can span the whole file,
    so the caller checks it in one piece). Raises BinaryFileError for a binary
    file; other read and decode errors become the result's ``error``.
    """
    try:
        findings = check_large_file(glossary, path, display, inline_config)
    except HasDirectives:
        return None
    except BinaryFileError:
        raise
    except InputError as error:
        return FileResult(display, error=error.problem)
    kept = tuple(f for f in findings if f.term not in disabled)
    return FileResult(display, kept)


def check_large_file(
    glossary: Glossary, path: Path, display: str, directives: bool = False
) -> list[Finding]:
    """All findings of ``glossary`` in the file, reading one window at a time.

    Each window sees OVERLAP characters on both sides of its own part, so every
    match that starts in its part is seen whole and in its context. Raises
    InputError as ``files.read_text`` does, and HasDirectives when
    ``directives`` is set and a ``# termcheck:`` directive line is found.
    """
    placed: list[_Placed] = []
    for window in _windows(path):
        if directives and _has_directives(window.text):
            raise HasDirectives
        lines = LineIndex(window.text)
        quotes: Quotations | None = None  # found on the window's first match
        for match in find_matches(glossary, window.text):
            start = window.offset + match.start
            if not window.low <= start < window.high:
                continue
            if quotes is None:
                quotes = quotations(window.text, window.text, "plain")
            line, column = lines.position(match.start)
            end_line, end_column = lines.end_position(match.end)
            placed.append(
                _Placed(
                    dataclasses.replace(
                        match, start=start, end=window.offset + match.end
                    ),
                    line + window.line - 1,
                    column + (window.column - 1 if line == 1 else 0),
                    end_line + window.line - 1,
                    end_column + (window.column - 1 if end_line == 1 else 0),
                    window.text[match.start : match.end],
                    quotes.covers(match.start, match.end),
                )
            )
    return _classify(glossary, placed, display)


def _classify(glossary: Glossary, placed: list[_Placed], display: str) -> list[Finding]:
    """Classify on a stand-in text made of the matched spans only, then put back."""
    parts: list[str] = []
    matches: list[Match] = []
    by_start: dict[int, _Placed] = {}
    at = 0
    for item in placed:
        matches.append(
            dataclasses.replace(item.match, start=at, end=at + len(item.matched))
        )
        by_start[at] = item
        parts.append(item.matched)
        at += len(item.matched) + 1
    findings = classify(glossary, matches, "\n".join(parts), display)
    result = []
    for finding in findings:
        item = by_start[finding.start]
        if item.quoted:
            finding = as_quoted(finding)
        result.append(
            dataclasses.replace(
                finding,
                line=item.line,
                column=item.column,
                end_line=item.end_line,
                end_column=item.end_column,
                start=item.match.start,
                end=item.match.end,
            )
        )
    return result


def _has_directives(text: str) -> bool:
    from termcheck.directives import parse_directives
    from termcheck.extractors import EXTRACTORS

    return bool(parse_directives(text, EXTRACTORS["plain"](text).comments))


def _windows(path: Path) -> Iterator[_Window]:
    buffer = ""  # decoded text from absolute offset ``base`` on
    base = 0
    line, column = 1, 1  # position of ``buffer[0]``
    low = 0  # absolute start of the next window's own part
    chunks = _decoded(path)
    done = False
    while not done or low < base + len(buffer):
        while not done and len(buffer) - (low - base) < WINDOW + OVERLAP:
            chunk = next(chunks, None)
            if chunk is None:
                done = True
            else:
                buffer += chunk
        if low >= base + len(buffer):
            break
        high = base + len(buffer) if done else base + _cut(buffer, low - base)
        start = _line_start(buffer, max(low - base - OVERLAP, 0))
        stop = min(high - base + OVERLAP, len(buffer))
        skipped = buffer[:start]
        line, column = _advance(skipped, line, column)
        buffer, base = buffer[start:], base + start
        yield _Window(buffer[: stop - start], base, low, high, line, column)
        low = high


def _cut(buffer: str, low: int) -> int:
    """Where the part from ``low`` ends: after a line break, else after a space."""
    near = low + WINDOW
    if near >= len(buffer):
        return len(buffer)
    for mark in ("\n", " "):
        found = buffer.rfind(mark, low + WINDOW // 2, near)
        if found >= 0:
            return found + 1
    return near


def _line_start(buffer: str, at: int) -> int:
    """The start of the line holding ``at`` if it is near, else ``at`` itself.

    Never between a CR and its LF."""
    near = max(at - OVERLAP, 0)
    found = max(buffer.rfind("\n", near, at), buffer.rfind("\r", near, at))
    start = found + 1 if found >= 0 else at
    if 0 < start < len(buffer) and buffer[start - 1] == "\r" and buffer[start] == "\n":
        start += 1
    return start


def _advance(text: str, line: int, column: int) -> tuple[int, int]:
    """The position after ``text`` when it starts at ``line``/``column``."""
    breaks = text.count("\r\n")
    breaks += text.count("\r") - breaks + text.count("\n") - breaks
    if not breaks:
        return line, column + len(text)
    last = max(text.rfind("\n"), text.rfind("\r"))
    return line + breaks, len(text) - last


def _decoded(path: Path) -> Iterator[str]:
    """The file's text in pieces, decoded as ``files.decode`` does."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(max(_READ, BINARY_PROBE))
            encoding, skip = "utf-8", 0
            for bom, codec in BOMS:
                if head.startswith(bom):
                    encoding, skip = codec, len(bom)
                    break
            wide = encoding.startswith(("utf-16", "utf-32"))
            nul = -1 if wide else head.find(b"\0", 0, BINARY_PROBE)
            if nul >= 0:
                problem = f"binary file (NUL byte at byte {nul})"
                raise BinaryFileError(problem, path=name)
            decoder = codecs.getincrementaldecoder(encoding)()
            consumed = skip
            data = head[skip:]
            while True:
                more = stream.read(_READ)
                pending = len(decoder.getstate()[0])
                try:
                    text = decoder.decode(data, final=not more)
                except UnicodeDecodeError as error:
                    offset = consumed - pending + error.start
                    label = encoding.upper().removesuffix("-LE").removesuffix("-BE")
                    problem = (
                        f"cannot decode as {label} at byte {offset} ({error.reason})"
                    )
                    raise InputError(problem, path=name) from error
                consumed += len(data)
                if text:
                    yield text
                if not more:
                    return
                data = more
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot read file: {reason}", path=name) from error
