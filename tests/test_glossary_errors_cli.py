"""Each invalid glossary of the core issue: exit 2 and one file:line:column line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEADER = "version: 1\nterms:\n"
CASES = {
    "unknown-key": (
        HEADER + "  - canonical: a b\n    forbiden: [c d]\n",
        "4:5",
        "unknown key 'forbiden' in term; did you mean 'forbidden'?",
    ),
    "wrong-type": (
        HEADER + "  - canonical: a b\n    allowed: c d\n",
        "4:14",
        "must be a list",
    ),
    "empty-canonical": (
        HEADER + "  - canonical: '  '\n",
        "3:16",
        "'canonical' is empty",
    ),
    "duplicate-id": (
        HEADER + "  - id: x\n    canonical: a b\n  - id: x\n    canonical: c d\n",
        "5:9",
        "duplicate id 'x'",
    ),
    "forbidden-and-allowed": (
        HEADER + "  - canonical: a b\n    forbidden: [c d]\n  - canonical: e f\n"
        "    allowed: [c d]\n",
        "6:15",
        "also belongs to term",
    ),
    "bad-regex": (
        HEADER + "  - canonical: a b\n    forbidden:\n      - regex: 'c (d'\n",
        "5:16",
        "invalid regex",
    ),
    "yaml-syntax": (HEADER + "  - canonical: [a b\n", "4:1", "invalid YAML"),
    "python-object": (
        HEADER + "  - canonical: !!python/object:os.system a b\n",
        "3:16",
        "not allowed",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_invalid_glossary_exits_2_with_position(case: str, tmp_path: Path) -> None:
    """The real command prints one file:line:column line and exits 2."""
    text, position, problem = CASES[case]
    (tmp_path / "g.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "draft.md").write_text("a b\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "termcheck",
            "check",
            "--glossary",
            "g.yaml",
            "draft.md",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"termcheck: error: g.yaml:{position}: "), lines[0]
    assert problem in lines[0]
