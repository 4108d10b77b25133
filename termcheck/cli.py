"""The ``termcheck`` command line: the only module that uses click or exits."""

from __future__ import annotations

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
) -> None:
    """Check files, folders (recursively) or standard input (-) for term variants.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a
    usage, glossary or input error.
    """
    if not glossaries:
        raise click.UsageError("no glossary given; use --glossary", ctx)
    glossary = _load(*glossaries)
    from termcheck.runner import check_paths  # brings in the matcher

    sources: dict[str, str] = {}
    report = check_paths(glossary, paths, sources=sources if context else None)
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


@glossary_group.command("import")
@click.argument("file", metavar="FILE")
@click.option("--from", "kind", type=click.Choice(["tbx", "csv", "vale"]),
              required=True, help="Format of FILE.")
@click.option("-o", "--output", metavar="PATH",
              help="Write the glossary here [default: standard output].")
@click.option("--lang", metavar="TAG", help="Language to take from a TBX file.")
def import_command(file: str, kind: str, output: str | None, lang: str | None) -> None:
    """Convert a TBX, CSV or Vale file (rule, or Vocab folder) into a glossary.

    What cannot be carried over is listed as warnings on standard error and in
    the glossary's header comment.
    """
    from pathlib import Path

    from termcheck.interchange import import_glossary

    result = import_glossary(kind, Path(file), lang)
    for warning in result.warnings:
        click.echo(f"termcheck: warning: {warning}", err=True)
    _write_output(result.text, output)
    if output:
        click.echo(f"{output}: {result.terms} terms imported from {file}", err=True)


@glossary_group.command("export")
@click.argument("file", metavar="FILE|NAME")
@click.option("--to", "kind", type=click.Choice(["tbx", "csv"]), required=True,
              help="Format to write.")
@click.option("-o", "--output", metavar="PATH",
              help="Write here [default: standard output].")
def export_command(file: str, kind: str, output: str | None) -> None:
    """Write a glossary as TBX-Basic (v3) or CSV.

    What the format cannot hold is listed as warnings on standard error.
    """
    from termcheck.interchange import export_glossary

    result = export_glossary(kind, _load(file), file)
    for warning in result.warnings:
        click.echo(f"termcheck: warning: not exported: {warning}", err=True)
    _write_output(result.text, output)


def _write_output(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output``, or to stdout when it is None or -."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    from pathlib import Path

    Path(output).write_text(text, encoding="utf-8", newline="")


@cli.command("stats")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-g", "--glossary", "glossaries", multiple=True, metavar="PATH|NAME",
              help="Glossary file or bundled glossary name; repeat to combine.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "csv"]),
              default="text", show_default=True, help="Output format.")
@click.option("--color/--no-color", default=None,
              help="Colour the kinds [default: on a terminal unless NO_COLOR is set].")
@click.pass_context
def stats_command(ctx: click.Context, paths: tuple[str, ...],
                  glossaries: tuple[str, ...], output_format: str,
                  color: bool | None) -> None:
    """Count how often each wording of each term occurs, per file and in total.

    Exit status: 0, or 2 on a usage, glossary or input error.
    """
    if not glossaries:
        raise click.UsageError("no glossary given; use --glossary", ctx)
    glossary = _load(*glossaries)
    from termcheck.runner import read_texts
    from termcheck.stats import usage_stats
    from termcheck.stats_format import STATS_FORMATS

    failed: list[str] = []
    texts = []
    for path, text in read_texts(paths):
        if isinstance(text, str):
            texts.append((path, text))
        else:
            failed.append(f"{path}: {text.problem}")
    stats = usage_stats(glossary, texts)
    use_color = _use_color(color)
    for line in STATS_FORMATS[output_format](stats, color=use_color):
        click.echo(line, color=use_color)
    for message in failed:
        _error(message)
    ctx.exit(int(ExitCode.ERROR if failed else ExitCode.OK))


@cli.command("discover")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-g", "--glossary", "glossaries", multiple=True, metavar="PATH|NAME",
              help="Leave out families that this glossary already covers.")
@click.option("--min-count", type=click.IntRange(min=2), default=3, show_default=True,
              help="Report families with at least this many occurrences.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "yaml"]),
              default="text", show_default=True,
              help="Output format; yaml writes a ready-to-edit glossary.")
@click.option("--color/--no-color", default=None,
              help="Bold family titles [default: on a terminal unless NO_COLOR].")
@click.pass_context
def discover_command(ctx: click.Context, paths: tuple[str, ...],
                     glossaries: tuple[str, ...], min_count: int, output_format: str,
                     color: bool | None) -> None:
    """Find recurring phrases written in several ways (typos, hyphens, case, order).

    Exit status: 0, or 2 on a usage, glossary or input error.
    """
    glossary = _load(*glossaries) if glossaries else None
    from termcheck.discover import discover_families
    from termcheck.discover_format import DISCOVER_FORMATS, covered_by
    from termcheck.runner import read_texts

    failed: list[str] = []
    texts = []
    for path, text in read_texts(paths):
        if isinstance(text, str):
            texts.append((path, text))
        else:
            failed.append(f"{path}: {text.problem}")
    families = discover_families(texts, min_count=min_count)
    if glossary is not None:
        from termcheck.matcher import find_matches

        families = covered_by(families, lambda text: bool(find_matches(glossary, text)))
    use_color = _use_color(color)
    for line in DISCOVER_FORMATS[output_format](families, color=use_color):
        click.echo(line, color=use_color)
    for message in failed:
        _error(message)
    ctx.exit(int(ExitCode.ERROR if failed else ExitCode.OK))


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line and exit with its status."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="termcheck")
