"""The ``termcheck`` command line: the only module that uses click or exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from termcheck.cli_check import exit_status, note_nothing_checked, paths_to_check
from termcheck.cli_group import TermcheckGroup, version_option
from termcheck.cli_group import error as _error
from termcheck.cli_group import fail as _fail
from termcheck.cli_options import color_option, glossary_option, paths_argument
from termcheck.cli_tools import register_tools
from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.guard import parse_size, reserve_standard_streams, unwind_on_sigterm
from termcheck.model import ExitCode

if TYPE_CHECKING:
    from termcheck.model import Glossary
    from termcheck.postcheck import FixSettings, PostCheck
    from termcheck.progress import Progress
    from termcheck.project import Project

__all__ = ["FAIL_ON", "cli", "main"]

FAIL_ON = ("error", "warning", "info", "never")
"""``--fail-on`` levels, strictest last; ``never`` only fails on errors of input."""

MARKUPS = ("plain", "markdown", "html", "rst", "latex", "asciidoc")
"""``--markup`` names (the extractors'; kept here so ``--help`` loads nothing)."""


@click.group(
    cls=TermcheckGroup, context_settings={"help_option_names": ["-h", "--help"]}
)
@version_option
def cli() -> None:
    """Check texts against a glossary of canonical terms and their variants."""


@cli.command("check")
@paths_argument(required=False)
@glossary_option()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATTERS)),
    default=None,
    help="Output format  [default: the config's, else text].",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding has this severity or a higher one  "
    "[default: the config's, else error].",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even with findings or --diff changes; errors still exit 2.",
)
@click.option("--context", is_flag=True, help="Show the source line of each finding.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@color_option()
@click.option(
    "--fix", is_flag=True, help="Rewrite forbidden and wrong-case wordings in place."
)
@click.option(
    "--fix-near-misses",
    type=click.FloatRange(0, 1, min_open=True),
    metavar="SCORE",
    help="Also rewrite near-misses scoring at least SCORE (implies --fix).",
)
@click.option(
    "--fix-quotes",
    is_flag=True,
    help="Also rewrite findings inside quotations (implies --fix).",
)
@click.option(
    "--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing."
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Write the --format report to PATH and the text report to stdout.",
)
@click.option("--baseline", metavar="FILE", help="Hide the findings recorded in FILE.")
@click.option(
    "--max-file-size",
    default="50M",
    metavar="SIZE",
    type=parse_size,
    help="Skip (with a warning) files larger than SIZE; 0: no limit  [default: 50M].",
)
@click.option(
    "--write-baseline", metavar="FILE", help="Record all current findings in FILE."
)
@click.option(
    "--config",
    "config_path",
    metavar="PATH",
    help="Config file to use [default: "
    ".termcheck.yaml or pyproject.toml found upwards to the repository root].",
)
@click.option(
    "--markup",
    type=click.Choice(MARKUPS),
    help="Read every file as this markup  [default: by file ending].",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Check standard input as the file NAME (markup, config), reported as NAME.",
)
@click.option(
    "--no-inline-config", is_flag=True, help="Ignore termcheck: directives in files."
)
@click.option(
    "--encoding",
    metavar="NAME",
    help="Decode files with this codec  [default: UTF-8, or UTF-16/32 by BOM].",
)
@click.option(
    "--max-findings",
    type=click.IntRange(0),
    metavar="N",
    help="List at most N findings in the run; 0: all  [default: the config's, "
    "else 10000].",
)
@click.option(
    "--max-findings-per-file",
    type=click.IntRange(0),
    metavar="N",
    help="List at most N findings of one file; 0: all  [default: the config's, "
    "else 1000].",
)
@click.option("-j", "--jobs", type=click.IntRange(1), help="Workers [all CPUs].")
@click.option("--no-cache", is_flag=True, help="Do not use the on-disk index cache.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Say on stderr which config, glossaries and cache the run uses.",
)
@click.pass_context
def check_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    output_format: str | None,
    fail_on: str | None,
    exit_zero: bool,
    context: bool,
    quiet: bool,
    color: bool | None,
    config_path: str | None,
    markup: str | None,
    stdin_filename: str | None,
    no_inline_config: bool,
    encoding: str | None,
    fix: bool,
    fix_near_misses: float | None,
    fix_quotes: bool,
    diff: bool,
    output: str | None,
    baseline: str | None,
    write_baseline: str | None,
    max_file_size: int,
    max_findings: int | None,
    max_findings_per_file: int | None,
    jobs: int | None,
    no_cache: bool,
    verbose: bool,
) -> None:
    """Check files, folders (recursively) or standard input (-) for term variants.

    Without PATH, the current folder is checked (standard input with
    --stdin-filename).

    Exit status: 0 when no finding reaches --fail-on (or with --exit-zero), 1 when
    one does or --diff would change a file, 2 on a usage, config, glossary or
    input error (or a file that --fix could not write).
    """
    paths = paths_to_check(ctx, paths, stdin_filename)
    fixing = fix or diff or fix_near_misses is not None or fix_quotes
    if fixing and not diff and "-" in paths:
        _fail(ctx, "standard input cannot be fixed in place; use --diff")
    from termcheck.files import check_encoding
    from termcheck.project import Project

    project = Project.load(
        config_path, glossaries=glossaries, markup=markup, fail_on=fail_on
    )
    project.stdin_name = stdin_filename
    if encoding is not None:
        check_encoding(encoding)
    glossary = project.validate(use_cache=not no_cache)
    if verbose:
        for line in project.describe():
            click.echo(f"termcheck: {line}", err=True)
    output_format = output_format or project.config.format or "text"
    from termcheck.caps import limits
    from termcheck.output import Console, names_stream
    from termcheck.progress import progress_for
    from termcheck.reporting import Destinations, deliver, prepare
    from termcheck.runner import iter_checked  # brings in the matcher

    if output is not None and names_stream(output, sys.stdout):
        output = None  # --output /dev/stdout: the report is standard output's
    options = FormatOptions(
        color=_use_color(color),
        context=context,
        quiet=quiet,
        sources={},  # the text of the file being reported, for --context
        glossary=glossary,
        root=str(Path.cwd()),
    )
    config = project.config
    per_run, per_file = limits(
        max_findings,
        max_findings_per_file,
        (config.max_findings, config.max_findings_per_file),
    )
    progress = progress_for(sys.stderr, output_format)
    console = Console(_stdout_writer(options.color, progress), _stderr_line)
    to = Destinations(output_format, output, write_baseline, diff, per_run)
    run = prepare(project, console, options, to)
    fix_settings = _fix_settings(paths, fixing, fix_near_misses, diff, fix_quotes)
    checked = iter_checked(
        None,
        paths,
        want_text=context,
        project=project,
        inline_config=not no_inline_config,
        encoding=encoding,
        after=_after_check(project, fix_settings, write_baseline, baseline),
        max_file_size=max_file_size,
        jobs=jobs,
        progress=progress,
        fingerprints=bool(write_baseline) or output_format in ("sarif", "gitlab"),
        max_per_file=None if write_baseline else per_file,
    )
    deliver(run.feed(checked), run, console, options, to)
    if not run.totals.files and not quiet:
        note_nothing_checked(paths, stdin_filename)
    changed = diff and run.changed
    status = exit_status(run.exit_code, changed=changed, exit_zero=exit_zero)
    ctx.exit(int(status))


def _stdout_writer(color: bool, progress: Progress | None) -> Callable[[str], None]:
    """Write a chunk of the report on standard output (erasing the progress bar)."""
    terminal = sys.stdout.isatty()

    def write(chunk: str) -> None:
        if progress is not None and terminal:
            progress.finish()  # erased; it is drawn again as files finish
        click.echo(chunk, nl=False, color=color)

    return write


def _stderr_line(line: str) -> None:
    click.echo(line, err=True)


def _fix_settings(
    paths: Sequence[str],
    fixing: bool,
    near_miss_min: float | None,
    diff: bool,
    fix_quotes: bool,
) -> FixSettings | None:
    """How --fix/--diff run, or None without them."""
    from termcheck.atomic import checked_trees
    from termcheck.postcheck import FixSettings

    if not fixing:
        return None
    return FixSettings(near_miss_min, not diff, checked_trees(paths), fix_quotes)


def _after_check(
    project: Project,
    settings: FixSettings | None,
    write_baseline: str | None,
    baseline: str | None,
) -> PostCheck | None:
    """The per-file step for --fix/--diff and --baseline, or None without them."""
    from termcheck.baseline import load_baseline
    from termcheck.postcheck import PostCheck

    hidden = load_baseline(baseline) if baseline and not write_baseline else None
    if settings is None and hidden is None:
        return None
    return PostCheck(settings, hidden, project)


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


@cli.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, exists=True))
def init_command(directory: str) -> None:
    """Write a commented starter .termcheck.yaml and glossary.yaml.

    Existing files are never overwritten: if either exists, nothing is written
    and the exit status is 2.
    """
    from termcheck.starter import write_starter

    for path in write_starter(Path(directory)):
        click.echo(f"wrote {path}")


@cli.command("lsp")
def lsp_command() -> None:
    """Run the language server on standard input and output (the lsp extra)."""
    try:
        from termcheck.lsp.server import serve
    except ImportError as error:  # pygls missing: pip install 'termcheck[lsp]'
        _fail(
            click.get_current_context(),
            f"the language server needs pygls ({error.name or error} is missing); "
            "install it with: pip install 'termcheck[lsp]'",
        )
    serve()


@cli.group("glossary")
def glossary_group() -> None:
    """List bundled glossaries, validate glossary files, run their examples."""


register_tools(cli, glossary_group)  # stats, discover, glossary import/export


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line and exit with its status.

    With standard output closed, a run that had something to print there
    says so on standard error and exits 2 (what it wrote to files, with
    ``--fix`` or ``--output``, is written all the same).
    """
    unwind_on_sigterm()  # a killed run removes its temporary files
    closed_stdout = reserve_standard_streams()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="termcheck")
    except SystemExit as done:
        if closed_stdout is not None and closed_stdout.written and done.code in (0, 1):
            _error("standard output is closed; the report could not be written")
            raise SystemExit(int(ExitCode.ERROR)) from None
        raise
