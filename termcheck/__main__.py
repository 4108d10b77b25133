"""Allow ``python -m termcheck``."""

from __future__ import annotations

from termcheck.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    main()
