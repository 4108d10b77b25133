"""Plain text: all of it is prose; lines starting with ``#`` may hold directives."""

from __future__ import annotations

from termcheck.extractors.mask import Extraction, split_lines

__all__ = ["extract"]


def extract(text: str) -> Extraction:
    """Nothing is masked; the comments are the ``# …`` lines (for directives)."""
    comments = []
    for line in split_lines(text):
        content = text[line.start : line.end]
        body = content.lstrip(" \t")
        if body.startswith("#"):
            start = line.end - len(body) + 1
            comments.append((start, line.end))
    return Extraction(text, tuple(comments))
