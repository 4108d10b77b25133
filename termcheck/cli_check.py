"""What ``termcheck check`` decides around the run: the paths, notes, its status."""

from __future__ import annotations

from collections.abc import Sequence

import click

from termcheck.cli_group import fail
from termcheck.model import ExitCode

__all__ = ["exit_status", "note_nothing_checked", "paths_to_check"]


def paths_to_check(
    ctx: click.Context, paths: tuple[str, ...], stdin_name: str | None
) -> tuple[str, ...]:
    """The paths given, ``.`` for none, ``-`` alone with --stdin-filename."""
    if stdin_name is None:
        return paths or (".",)
    if paths not in ((), ("-",)):
        fail(ctx, "--stdin-filename checks standard input only; give no path, or -")
    if not stdin_name.strip() or stdin_name == "-":
        fail(ctx, f"--stdin-filename needs a file name, not {stdin_name!r}")
    return ("-",)


def note_nothing_checked(paths: Sequence[str], stdin_name: str | None) -> None:
    """Say on stderr why a run checked no file (the summary says 0 files)."""
    from termcheck.guard import printable

    if stdin_name is not None:
        why = f"standard input not checked: {printable(stdin_name)} is excluded"
    else:
        why = f"no files to check in {', '.join(map(printable, paths))}"
    click.echo(f"termcheck: note: {why}", err=True)


def exit_status(code: ExitCode, *, changed: bool, exit_zero: bool) -> ExitCode:
    """The run's status from the findings' ``code``: errors, --exit-zero, --diff.

    2 (an error) always stands; ``--exit-zero`` makes anything else 0; a
    ``--diff`` that ``changed`` a file is 1 whatever ``--fail-on`` says.
    """
    if code == ExitCode.ERROR:
        return code
    if exit_zero:
        return ExitCode.OK
    return ExitCode.FINDINGS if changed else code
