"""The project's exception types, kept apart to avoid import loops."""

from __future__ import annotations

__all__ = [
    "BinaryFileError",
    "ConfigError",
    "GlossaryError",
    "InputError",
    "MatchTimeoutError",
    "TermcheckError",
]


class TermcheckError(Exception):
    """Base of every error termcheck reports to the user as one line.

    ``path``/``line``/``column`` locate the problem when known (1-based).
    ``str(error)`` is the complete one-line message: ``path:line:column: problem``.
    """

    def __init__(
        self, problem: str, path: str = "", line: int = 0, column: int = 0
    ) -> None:
        self.problem = problem
        self.path = path
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
