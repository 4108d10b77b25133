"""termcheck: find forbidden variants and near-misses of glossary terms in text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from termcheck.errors import ConfigError, GlossaryError, InputError, TermcheckError
from termcheck.model import (
    ExitCode,
    FileResult,
    Finding,
    Glossary,
    Kind,
    Report,
    Severity,
    Term,
)

if TYPE_CHECKING:
    from termcheck.checker import check_text
    from termcheck.config import load_config
    from termcheck.glossary import load_glossary
    from termcheck.runner import check_paths

    __version__: str

__all__ = [
    "ConfigError",
    "ExitCode",
    "FileResult",
    "Finding",
    "Glossary",
    "GlossaryError",
    "InputError",
    "Kind",
    "Report",
    "Severity",
    "Term",
    "TermcheckError",
    "__version__",
    "check_paths",
    "check_text",
    "load_config",
    "load_glossary",
]

_FALLBACK_VERSION = "0.1.0"

# Loaded on first use, so that ``import termcheck`` (and the CLI) starts fast.
_LAZY = {
    "check_paths": "termcheck.runner",
    "check_text": "termcheck.checker",
    "load_config": "termcheck.config",
    "load_glossary": "termcheck.glossary",
}


def __getattr__(name: str) -> Any:
    """Import the heavy parts of the public API, and ``__version__``, on demand."""
    if name == "__version__":
        value: Any = _version()
    elif name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def _version() -> str:
    """The installed distribution's version, or the source tree's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("termcheck")
    except PackageNotFoundError:
        return _FALLBACK_VERSION
