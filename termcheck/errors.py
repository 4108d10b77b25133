"""The project's exception types, kept apart to avoid import loops."""

from __future__ import annotations

import re

__all__ = [
    "BinaryFileError",
    "ConfigError",
    "FileSkipped",
    "GlossaryError",
    "InputError",
    "MatchTimeoutError",
    "TermcheckError",
    "clipped",
    "error_line",
    "excerpt",
    "internal_error",
    "one_line",
]


# What a terminal could act on, or what could make one line read as two or
# reorder it: C0 and C1 controls (tab and line breaks too), DEL, the line and
# paragraph separators, bidirectional controls (Trojan Source), and lone
# surrogates (bytes of a file name that were not UTF-8).
#   "a\x1b]0;x\x07b" -> "a\\x1b]0;x\\x07b"
_OTHER_CONTROLS = (
    "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
)
_CONTROL = re.compile(f"[\x00-\x1f{_OTHER_CONTROLS}]")
_CONTROL_BUT_TAB = re.compile(f"[\x00-\x08\x0a-\x1f{_OTHER_CONTROLS}]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match[0]
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str, *, tabs: bool = False) -> str:
    """``text`` safe to print: every control character escaped (``\\n``, ``\\x1b``).

    Line breaks, tabs, C0 and C1 controls, DEL, line separators and
    bidirectional controls become escapes, so the text prints as one line that
    reads as what it holds and cannot drive the terminal. ``tabs`` keeps tabs
    (a source line shown with ``--context``, where they lay the line out).
    """
    pattern = _CONTROL_BUT_TAB if tabs else _CONTROL
    if pattern.search(text) is None:  # the common case: nothing to copy
        return text
    return pattern.sub(_escaped, text)


QUOTED = 32
"""Characters of a file's content that a message may quote (see :func:`excerpt`)."""


def clipped(text: str, limit: int = QUOTED) -> str:
    """``text`` cut to ``limit`` characters (the last one ``…``), unquoted."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def excerpt(text: str, limit: int = QUOTED, *, raw: bool = False) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters.

    A file that fails to load may be anything (a key, a token), and messages
    end up in public CI logs: they quote a few characters, never the content.
    ``'https://user:ghp_abc…' (64 characters)``. ``raw`` quotes without
    ``repr``, so a regex keeps its single backslashes (the message's
    :func:`one_line` still escapes control characters).
    """
    cut = clipped(text, limit)
    quoted = f"'{cut}'" if raw else repr(cut)
    return quoted if cut is text else f"{quoted} ({len(text)} characters)"


_LONGEST = 400  # characters of a problem kept; a hostile file may quote megabytes


def _shortened(text: str) -> str:
    """``text``, or its start and end around ``[…N characters…]`` when too long."""
    if len(text) <= _LONGEST:
        return text
    left_out = len(text) - _LONGEST + 40
    return f"{text[:240]}[…{left_out} characters…]{text[-(_LONGEST - 280) :]}"


def error_line(error: Exception) -> str | None:
    """The one line for an expected error (ours, the system's); None for a bug."""
    if isinstance(error, TermcheckError):
        return str(error)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return one_line(f"{where}{error.strerror or error}")
    if isinstance(error, UnicodeError):
        return one_line(str(error))
    return None


def internal_error(error: Exception) -> str:
    """The one line shown for an unexpected exception (a bug in termcheck)."""
    return one_line(
        f"internal error: {type(error).__name__}: {error} (please report it; "
        "TERMCHECK_DEBUG=1 shows the traceback)"
    )


class TermcheckError(Exception):
    """Base of every error termcheck reports to the user as one line.

    ``path``/``line``/``column`` locate the problem when known (1-based).
    ``str(error)`` is the complete one-line message: ``path:line:column: problem``.
    """

    def __init__(
        self, problem: str, path: str = "", line: int = 0, column: int = 0
    ) -> None:
        self.problem = _shortened(one_line(problem))
        self.path = one_line(path)
        self.line = line
        self.column = column
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.path
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.problem}" if where else self.problem


class GlossaryError(TermcheckError):
    """A glossary file is missing, unreadable or invalid."""


class ConfigError(TermcheckError):
    """A configuration file or option is invalid."""


class InputError(TermcheckError):
    """A file to check cannot be read or decoded."""


class BinaryFileError(InputError):
    """A file to check looks binary (a NUL byte near its start)."""


class MatchTimeoutError(TermcheckError):
    """A regex form ran past its time budget (catastrophic backtracking)."""


class FileSkipped(TermcheckError):
    """A file was passed over without being checked (too large, not a file).

    ``label`` groups skips in the summary (``over 50 MiB``); ``warning`` tells a
    warning (the user may have wanted it checked) from a note.
    """

    def __init__(
        self, problem: str, path: str = "", *, label: str, warning: bool = False
    ) -> None:
        self.label = label
        self.warning = warning
        super().__init__(problem, path)
