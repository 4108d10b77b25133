"""The glossary tooling commands: ``stats``, ``discover``, ``glossary ...``.

Registered on the group by ``termcheck.cli``; like it, they are the command-line
edge: the work is done in ``stats``, ``discover`` and ``interchange``.
"""

from __future__ import annotations

from pathlib import Path

import click

from termcheck.cli_options import color_option, glossary_option, paths_argument
from termcheck.errors import GlossaryError, InputError, one_line
from termcheck.model import ExitCode

__all__ = ["register_tools"]


@click.command("import")
@click.argument("file", metavar="FILE")
@click.option(
    "--from",
    "kind",
    type=click.Choice(["tbx", "csv", "vale"]),
    required=True,
    help="Format of FILE.",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Write the glossary here [default: standard output].",
)
@click.option("--lang", metavar="TAG", help="Language to take from a TBX file.")
def import_command(file: str, kind: str, output: str | None, lang: str | None) -> None:
    """Convert a TBX, CSV or Vale file (rule, or Vocab folder) into a glossary.

    What cannot be carried over is listed as warnings on standard error and in
    the glossary's header comment.
    """
    from termcheck.interchange import import_glossary

    result = import_glossary(kind, Path(file), lang)
    for warning in result.warnings:
        click.echo(f"termcheck: warning: {one_line(warning)}", err=True)
    _write(result.text, output)
    if output:
        click.echo(f"{output}: {result.terms} terms imported from {file}", err=True)


@click.command("export")
@click.argument("file", metavar="FILE|NAME")
@click.option(
    "--to",
    "kind",
    type=click.Choice(["tbx", "csv"]),
    required=True,
    help="Format to write.",
)
@click.option(
    "-o", "--output", metavar="PATH", help="Write here [default: standard output]."
)
def export_command(file: str, kind: str, output: str | None) -> None:
    """Write a glossary as TBX-Basic (v3) or CSV.

    What the format cannot hold is listed as warnings on standard error.
    """
    from termcheck.cli import _load
    from termcheck.interchange import export_glossary

    result = export_glossary(kind, _load(file), file)
    for warning in result.warnings:
        click.echo(f"termcheck: warning: not exported: {one_line(warning)}", err=True)
    _write(result.text, output)


def _write(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output``, or to stdout when it is None or -."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    Path(output).write_text(text, encoding="utf-8", newline="")


@click.command("stats")
@paths_argument()
@glossary_option("Glossary file or bundled glossary name; repeat to combine.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@color_option("Colour the kinds [default: on a terminal unless NO_COLOR is set].")
@click.pass_context
def stats_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    output_format: str,
    color: bool | None,
) -> None:
    """Count how often each wording of each term occurs, per file and in total.

    Exit status: 0, or 2 on a usage, glossary or input error.
    """
    from termcheck.cli import _load, _use_color
    from termcheck.cli_group import fail
    from termcheck.stats import usage_stats
    from termcheck.stats_format import STATS_FORMATS

    if not glossaries:
        fail(ctx, "no glossary given; use --glossary")
    glossary = _load(*glossaries)
    texts, failed = _read(paths)
    stats = usage_stats(glossary, texts)
    use_color = _use_color(color)
    for line in STATS_FORMATS[output_format](stats, color=use_color):
        click.echo(line, color=use_color)
    _finish(ctx, failed)


@click.command("discover")
@paths_argument()
@glossary_option("Leave out families that this glossary already covers.")
@click.option(
    "--min-count",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Report families with at least this many occurrences.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "yaml"]),
    default="text",
    show_default=True,
    help="Output format; yaml writes a ready-to-edit glossary.",
)
@color_option("Bold family titles [default: on a terminal unless NO_COLOR].")
@click.pass_context
def discover_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    min_count: int,
    output_format: str,
    color: bool | None,
) -> None:
    """Find recurring phrases written in several ways (typos, hyphens, case, order).

    Exit status: 0, or 2 on a usage, glossary or input error.
    """
    from termcheck.cli import _load, _use_color
    from termcheck.discover import discover_families
    from termcheck.discover_format import DISCOVER_FORMATS, uncovered

    glossary = _load(*glossaries) if glossaries else None
    texts, failed = _read(paths)
    families = discover_families(texts, min_count=min_count)
    if glossary is not None:
        families = uncovered(families, glossary)
    use_color = _use_color(color)
    for line in DISCOVER_FORMATS[output_format](families, color=use_color):
        click.echo(line, color=use_color)
    _finish(ctx, failed)


def _read(paths: tuple[str, ...]) -> tuple[list[tuple[str, str]], list[str]]:
    """The texts of the files ``paths`` name (prose only, markup blanked), and the
    messages of those that could not be read."""
    from termcheck.extractors import EXTRACTORS, markup_for
    from termcheck.runner import read_texts

    texts, failed = [], []
    for display, path, text in read_texts(paths):
        if isinstance(text, str):
            texts.append((display, EXTRACTORS[markup_for(path)](text).masked))
        elif isinstance(text, InputError):  # a skipped file is no failure
            failed.append(f"{display}: {text.problem}")
    return texts, failed


def _finish(ctx: click.Context, failed: list[str]) -> None:
    """Report unreadable files and exit 2 if there were any, else 0."""
    from termcheck.cli_group import error

    for message in failed:
        error(message)
    ctx.exit(int(ExitCode.ERROR if failed else ExitCode.OK))


@click.command("list")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def list_command(output_format: str) -> None:
    """List the glossaries bundled with termcheck, with term counts.

    Each can be named instead of a path: --glossary NAME.
    """
    from termcheck.bundled import BUNDLED_FORMATS, describe_bundled

    for line in BUNDLED_FORMATS[output_format](describe_bundled()):
        click.echo(line)


@click.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.pass_context
def validate_command(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Load each glossary on its own and report whether it is valid.

    Exit status: 0 when all are valid, 2 otherwise.
    """
    from termcheck.glossary import load_glossary
    from termcheck.notices import plural

    invalid = 0
    for name in files:
        try:
            glossary = load_glossary(name)
        except GlossaryError as error:
            click.echo(f"termcheck: error: {error}", err=True)
            invalid += 1
            continue
        click.echo(f"{name}: ok ({plural(len(glossary), 'term')})")
    ctx.exit(int(ExitCode.ERROR if invalid else ExitCode.OK))


@click.command("test")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.pass_context
def test_command(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Check that each term's bad examples give a finding and good ones do not.

    Exit status: 0 when all examples pass, 1 when one fails, 2 on an invalid
    glossary.
    """
    from termcheck.glossary import load_glossary
    from termcheck.selftest import count_examples, run_examples

    glossaries = [load_glossary(name) for name in files]
    total = failed = 0
    for glossary in glossaries:
        total += count_examples(glossary)
        for failure in run_examples(glossary):
            click.echo(failure.message)
            failed += 1
    click.echo(f"{total} example{'' if total == 1 else 's'}, {failed} failed")
    ctx.exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


@click.command("check-pair")
@click.argument("source", metavar="SOURCE")
@click.argument("target", metavar="[TARGET]", required=False)
@click.option(
    "-g",
    "--glossary",
    "glossaries",
    multiple=True,
    metavar="PATH|NAME",
    help="A TBX with both languages, or a glossary of each language.",
)
@click.option("--source-lang", default="", metavar="TAG", help="Source language.")
@click.option("--target-lang", default="", metavar="TAG", help="Target language.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif", "github", "junit", "gitlab"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the run exit 1.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--color/--no-color", default=None, help="Colour the severity.")
@click.pass_context
def check_pair_command(
    ctx: click.Context,
    source: str,
    target: str | None,
    glossaries: tuple[str, ...],
    source_lang: str,
    target_lang: str,
    output_format: str,
    fail_on: str,
    quiet: bool,
    color: bool | None,
) -> None:
    """Check that a translation renders each source term by its target wording.

    SOURCE and TARGET are aligned paragraph by paragraph, or SOURCE alone is an
    XLIFF (1.2, 2.x) or TMX file. Exit status: 0, 1 on findings at or above
    --fail-on, 2 on a usage, glossary or input error.
    """
    from termcheck.cli import _use_color
    from termcheck.formatters import FORMATTERS, FormatOptions
    from termcheck.model import Severity
    from termcheck.notices import problem_notices
    from termcheck.pair import check_pair, load_glossary_pair
    from termcheck.segments import read_pair

    if not glossaries:
        raise click.UsageError("no glossary given; use --glossary", ctx)
    segments = read_pair(source, target, source_lang, target_lang)
    pair = load_glossary_pair(
        glossaries,
        source_lang or segments.source_language,
        target_lang or segments.target_language,
    )
    report = check_pair(pair, segments)
    options = FormatOptions(
        color=_use_color(color),
        quiet=quiet,
        sources={segments.target_path: segments.target_text},
        glossary=pair.target,
        root=str(Path.cwd()),
    )
    lines = list(FORMATTERS[output_format](report, options))
    if lines:
        click.echo("\n".join(lines), color=options.color)
    for line in problem_notices(report):
        click.echo(line, err=True)
    threshold = None if fail_on == "never" else Severity.from_label(fail_on)
    ctx.exit(int(report.exit_code(threshold)))


def register_tools(cli: click.Group, glossary_group: click.Group) -> None:
    """Add ``stats``, ``discover`` and ``check-pair`` to ``cli``, and ``list``,
    ``validate``, ``test``, ``import`` and ``export`` to the ``glossary`` group."""
    cli.add_command(check_pair_command)
    cli.add_command(stats_command)
    cli.add_command(discover_command)
    glossary_group.add_command(list_command)
    glossary_group.add_command(validate_command)
    glossary_group.add_command(test_command)
    glossary_group.add_command(import_command)
    glossary_group.add_command(export_command)
