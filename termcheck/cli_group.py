"""The ``termcheck`` command group: every error as one line, and ``--version``."""

from __future__ import annotations

import os
from typing import Any

import click

from termcheck.errors import error_line, internal_error
from termcheck.model import ExitCode

__all__ = ["PREFIX", "TermcheckGroup", "error", "fail", "version_option"]

PREFIX = "termcheck: error: "
_CLICK = (click.exceptions.Exit, click.ClickException, click.Abort)
_DEBUG = "TERMCHECK_DEBUG"  # set: a bug shows its traceback


class TermcheckGroup(click.Group):
    """A group that turns termcheck's and the system's errors into one line."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report expected errors on stderr and exit 2."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # click closes quietly when stdout's reader went away
        except Exception as problem:  # ours, the system's, or a bug: one line each
            line = error_line(problem)
            if isinstance(problem, _CLICK) or (line is None and _DEBUG in os.environ):
                raise
            fail(ctx, line or internal_error(problem))


def fail(ctx: click.Context, message: str) -> None:
    """Print ``termcheck: error: message`` on stderr and exit 2."""
    error(message)
    ctx.exit(int(ExitCode.ERROR))


def error(message: str) -> None:
    """Print one error line on stderr."""
    click.echo(PREFIX + message, err=True)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: print ``termcheck X.Y.Z`` and exit."""
    if not value or ctx.resilient_parsing:
        return
    import termcheck

    click.echo(f"termcheck {termcheck.__version__}")
    ctx.exit()


version_option = click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
