"""The ``termcheck`` command line: the only module that uses click or exits."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from termcheck.errors import GlossaryError, TermcheckError
from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.model import ExitCode, Severity

if TYPE_CHECKING:
    from termcheck.model import Glossary, Report

__all__ = ["FAIL_ON", "cli", "main"]

FAIL_ON = ("error", "warning", "info", "never")
"""``--fail-on`` levels, strictest last; ``never`` only fails on errors of input."""

PREFIX = "termcheck: error: "


class _Group(click.Group):
    """A group that turns termcheck's and the system's errors into one line."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report expected errors on stderr and exit 2."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # click closes quietly when stdout's reader went away
        except TermcheckError as error:
            _fail(ctx, str(error))
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(ctx, f"{where}{error.strerror or error}")
        except UnicodeError as error:
            _fail(ctx, str(error))


def _fail(ctx: click.Context, message: str) -> None:
    """Print ``termcheck: error: message`` on stderr and exit 2."""
    _error(message)
    ctx.exit(int(ExitCode.ERROR))


def _error(message: str) -> None:
    """Print one error line on stderr."""
    click.echo(PREFIX + message, err=True)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: print ``termcheck X.Y.Z`` and exit."""
    if not value or ctx.resilient_parsing:
        return
    import termcheck

    click.echo(f"termcheck {termcheck.__version__}")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
def cli() -> None:
    """Check texts against a glossary of canonical terms and their variants."""


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-g",
    "--glossary",
    "glossaries",
    multiple=True,
    metavar="PATH|NAME",
    help="Glossary file or bundled glossary name; repeat to combine several.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="Exit 1 when a finding has this severity or a higher one.",
)
@click.option("--context", is_flag=True, help="Show the source line of each finding.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output [default: on a terminal unless NO_COLOR is set].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes for many files [default: number of CPUs].",
)
@click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the glossary index cache."
)
@click.pass_context
def check_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    output_format: str,
    fail_on: str,
    context: bool,
    quiet: bool,
    color: bool | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Check files, folders (recursively) or standard input (-) for term variants.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a
    usage, glossary or input error.
    """
    if not glossaries:
        raise click.UsageError("no glossary given; use --glossary", ctx)
    glossary = _load_indexed(glossaries, use_cache=not no_cache)
    from termcheck.parallel import default_jobs
    from termcheck.progress import Progress, progress_wanted
    from termcheck.runner import check_paths  # brings in the matcher

    sources: dict[str, str] = {}
    progress = (
        Progress(sys.stderr) if progress_wanted(sys.stderr, output_format) else None
    )
    report = check_paths(
        glossary,
        paths,
        sources=sources if context else None,
        jobs=jobs or default_jobs(),
        progress=progress,
    )
    options = FormatOptions(
        color=_use_color(color), context=context, quiet=quiet, sources=sources
    )
    _print_report(report, output_format, options)
    level = None if fail_on == "never" else Severity.from_label(fail_on)
    ctx.exit(int(report.exit_code(level)))


def _load(*sources: str) -> Glossary:
    """Load and merge glossaries (the loader pulls in YAML, so load it late)."""
    from termcheck.glossary import load_glossary

    return load_glossary(*sources)


def _load_indexed(sources: tuple[str, ...], *, use_cache: bool) -> Glossary:
    """Load glossaries with their index, from the on-disk cache when possible."""
    from termcheck.cache import load_indexed
    from termcheck.matcher import use_index

    glossary, index = load_indexed(sources, use_cache=use_cache)
    use_index(glossary, index)
    # The index lives until exit: keep the collector from walking its millions of
    # objects again and again (and forked workers from copying them).
    gc.freeze()
    return glossary


def _use_color(flag: bool | None) -> bool:
    """``--color``/``--no-color`` if given, else colour on a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _print_report(report: Report, output_format: str, options: FormatOptions) -> None:
    """Print the formatted report on stdout and the files in error on stderr."""
    lines = list(FORMATTERS[output_format](report, options))
    if lines:
        click.echo("\n".join(lines), color=options.color)
    for result in report.errors:
        _error(f"{result.path}: {result.error}")


@cli.group("glossary")
def glossary_group() -> None:
    """Validate glossary files and run the examples they contain."""


@glossary_group.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.pass_context
def validate_command(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Load each glossary on its own and report whether it is valid.

    Exit status: 0 when all are valid, 2 otherwise.
    """
    invalid = 0
    for name in files:
        try:
            glossary = _load(name)
        except GlossaryError as error:
            _error(str(error))
            invalid += 1
            continue
        count = len(glossary)
        click.echo(f"{name}: ok ({count} term{'' if count == 1 else 's'})")
    ctx.exit(int(ExitCode.ERROR if invalid else ExitCode.OK))


@glossary_group.command("test")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.pass_context
def test_command(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Check that each term's bad examples give a finding and good ones do not.

    Exit status: 0 when all examples pass, 1 when one fails, 2 on an invalid
    glossary.
    """
    from termcheck.selftest import count_examples, run_examples

    glossaries = [_load(name) for name in files]
    total = failed = 0
    for glossary in glossaries:
        total += count_examples(glossary)
        for failure in run_examples(glossary):
            click.echo(failure.message)
            failed += 1
    click.echo(f"{total} example{'' if total == 1 else 's'}, {failed} failed")
    ctx.exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line and exit with its status."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="termcheck")
