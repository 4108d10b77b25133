"""The ``termcheck`` command group: every error as one line, and ``--version``."""

from __future__ import annotations

import os
from typing import Any

import click

from termcheck.errors import error_line, internal_error, one_line
from termcheck.model import ExitCode

__all__ = ["PREFIX", "TermcheckGroup", "error", "fail", "usage_line", "version_option"]

PREFIX = "termcheck: error: "
_CLICK = (click.exceptions.Exit, click.ClickException, click.Abort)
_DEBUG = "TERMCHECK_DEBUG"  # set: a bug shows its traceback
# Click >= 8.2 raises this for a group run without a command; it shows the help.
_HELP_ON_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())


class TermcheckGroup(click.Group):
    """A group that turns every error, click's usage errors too, into one line."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse the group's own options; a usage error is one line, exit 2."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as problem:
            if isinstance(problem, _HELP_ON_NO_ARGS):
                raise
            error(usage_line(problem))
            raise click.exceptions.Exit(int(ExitCode.ERROR)) from None

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report expected errors on stderr and exit 2."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # click closes quietly when stdout's reader went away
        except click.ClickException as problem:  # a subcommand's usage error
            if isinstance(problem, _HELP_ON_NO_ARGS):
                raise
            fail(ctx, usage_line(problem))
        except Exception as problem:  # ours, the system's, or a bug: one line each
            line = error_line(problem)
            if isinstance(problem, _CLICK) or (line is None and _DEBUG in os.environ):
                raise
            fail(ctx, line or internal_error(problem))


def usage_line(problem: click.ClickException) -> str:
    """Click's error as one line in the house style, with where to find help.

    ``No such option: --fixx Did you mean --fix?`` becomes ``no such option:
    --fixx; did you mean --fix?``; a usage error without a suggestion ends
    with ``; try 'termcheck check --help'`` rather than click's usage block.
    """
    message = " ".join(problem.format_message().split())
    message = message.replace(". Did you mean", "; did you mean")
    message = message.replace(" Did you mean", "; did you mean")
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    if message.endswith(".") and not message.endswith(".."):
        message = message[:-1]
    context = problem.ctx if isinstance(problem, click.UsageError) else None
    if context is not None and "did you mean" not in message:
        message += f"; try '{context.command_path} --help'"
    return one_line(message)


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
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
