"""Run the installed ``termcheck`` command in a real child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def termcheck_command() -> list[str]:
    """The entry point installed beside this Python, else ``python -m termcheck``."""
    script = Path(sys.executable).parent / "termcheck"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "termcheck"]


def run_termcheck(
    *args: str,
    cwd: Path,
    stdin: str | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``termcheck ARGS`` in ``cwd``; colour and CI settings of the caller removed."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "TERM")
    }
    environment["PYTHONPATH"] = str(ROOT)  # the -m fallback finds this checkout
    environment.update(env or {})
    return subprocess.run(
        [*termcheck_command(), *args],
        cwd=cwd,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
