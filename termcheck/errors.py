"""The project's exception types, kept apart to avoid import loops."""

from __future__ import annotations

__all__ = [
    "BinaryFileError",
    "ConfigError",
    "FileSkipped",
    "GlossaryError",
    "InputError",
    "MatchTimeoutError",
    "TermcheckError",
    "error_line",
    "internal_error",
    "one_line",
]


# Whatever a message quotes (a regex, a key, a file name), it stays on one line.
#   "invalid regex 'a\nb'" -> "invalid regex 'a\\nb'"
_ONE_LINE = str.maketrans(
    {
        "\n": "\\n",
        "\r": "\\r",
        "\v": "\\x0b",
        "\f": "\\x0c",
        "\x1c": "\\x1c",
        "\x1d": "\\x1d",
        "\x1e": "\\x1e",
        "\x85": "\\x85",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


_LONGEST = 400  # characters of a problem kept; a hostile file may quote megabytes


def one_line(text: str) -> str:
    """``text`` with its line breaks escaped (``\\n``), so it prints as one line."""
    return text.translate(_ONE_LINE)


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

    ``label`` groups skips in the summary (``over 50 MB``); ``warning`` tells a
    warning (the user may have wanted it checked) from a note.
    """

    def __init__(
        self, problem: str, path: str = "", *, label: str, warning: bool = False
    ) -> None:
        self.label = label
        self.warning = warning
        super().__init__(problem, path)
