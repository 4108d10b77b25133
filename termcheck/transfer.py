"""File results as bytes: between worker processes, and through a spool file.

They are pickled, and read back by an unpickler that knows termcheck's result
types and nothing else, like the index cache: bytes that held anything more
are refused, never run.
"""

from __future__ import annotations

import io
import pickle
from typing import Any, Final

__all__ = ["dump", "load"]

_ALLOWED: Final = frozenset(
    ("termcheck.model", name)
    for name in ("FileResult", "Finding", "FixOutcome", "Kind", "Severity", "Skipped")
)


class _Unpickler(pickle.Unpickler):
    """Refuses every global but termcheck's result types."""

    def find_class(self, module: str, name: str) -> Any:
        """The allowed class; UnpicklingError for anything else."""
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed")
        return super().find_class(module, name)


def dump(value: Any) -> bytes:
    """``value`` (results, tuples, text, numbers) as bytes."""
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def load(data: bytes) -> Any:
    """The value that :func:`dump` turned into ``data``."""
    return _Unpickler(io.BytesIO(data)).load()
