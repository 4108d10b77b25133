"""Unified diffs of fixed files, applicable with ``git apply`` or ``patch -p1``."""

from __future__ import annotations

import difflib
from typing import Final

import regex

__all__ = ["unified_diff"]

# Lines with their endings, as editors count them: CRLF, lone CR, LF.
_LINE: Final = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_NO_NEWLINE: Final = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str) -> str:
    """A ``git apply``-able unified diff of one file ("" when nothing changed).

    Line endings are kept as they are in the file; a last line without one is
    marked ``\\ No newline at end of file`` as diff(1) does.
    """
    if before == after:
        return ""
    old = _LINE.findall(before)
    new = _LINE.findall(after)
    out = []
    for line in difflib.unified_diff(old, new, f"a/{path}", f"b/{path}", lineterm="\n"):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)
