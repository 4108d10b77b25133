"""The ``termcheck`` command line: the only module that uses click or exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from termcheck.cli_tools import register_tools
from termcheck.errors import error_line, internal_error
from termcheck.formatters import FORMATTERS, FormatOptions
from termcheck.guard import parse_size, unwind_on_sigterm
from termcheck.model import ExitCode

if TYPE_CHECKING:
    from termcheck.model import Glossary
    from termcheck.postcheck import PostCheck
    from termcheck.progress import Progress

__all__ = ["FAIL_ON", "cli", "main"]

FAIL_ON = ("error", "warning", "info", "never")
"""``--fail-on`` levels, strictest last; ``never`` only fails on errors of input."""

MARKUPS = ("plain", "markdown", "html", "rst", "latex", "asciidoc")
"""``--markup`` names (the extractors'; kept here so ``--help`` loads nothing)."""

PREFIX = "termcheck: error: "
_CLICK = (click.exceptions.Exit, click.ClickException, click.Abort)
_DEBUG = "TERMCHECK_DEBUG"  # set: a bug shows its traceback


class _Group(click.Group):
    """A group that turns termcheck's and the system's errors into one line."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report expected errors on stderr and exit 2."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # click closes quietly when stdout's reader went away
        except Exception as error:  # ours, the system's, or a bug: one line each
            line = error_line(error)
            if isinstance(error, _CLICK) or (line is None and _DEBUG in os.environ):
                raise
            _fail(ctx, line or internal_error(error))


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
@click.option("--context", is_flag=True, help="Show the source line of each finding.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output [default: on a terminal unless NO_COLOR is set].",
)
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
@click.pass_context
def check_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    output_format: str | None,
    fail_on: str | None,
    context: bool,
    quiet: bool,
    color: bool | None,
    config_path: str | None,
    markup: str | None,
    no_inline_config: bool,
    encoding: str | None,
    fix: bool,
    fix_near_misses: float | None,
    diff: bool,
    output: str | None,
    baseline: str | None,
    write_baseline: str | None,
    max_file_size: int,
    max_findings: int | None,
    max_findings_per_file: int | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Check files, folders (recursively) or standard input (-) for term variants.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a
    usage, config, glossary or input error (or a file that --fix could not write).
    """
    fixing = fix or diff or fix_near_misses is not None
    if fixing and not diff and "-" in paths:
        raise click.UsageError("standard input cannot be fixed in place; use --diff")
    from termcheck.files import check_encoding
    from termcheck.project import Project

    project = Project.load(
        config_path, glossaries=glossaries, markup=markup, fail_on=fail_on
    )
    if encoding is not None:
        check_encoding(encoding)
    glossary = project.validate(use_cache=not no_cache)
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
    checked = iter_checked(
        None,
        paths,
        want_text=context,
        project=project,
        inline_config=not no_inline_config,
        encoding=encoding,
        after=_after_check(
            paths, fixing, fix_near_misses, diff, write_baseline, baseline
        ),
        max_file_size=max_file_size,
        jobs=jobs,
        progress=progress,
        fingerprints=bool(write_baseline) or output_format in ("sarif", "gitlab"),
        max_per_file=None if write_baseline else per_file,
    )
    deliver(run.feed(checked), run, console, options, to)
    ctx.exit(int(run.exit_code))


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


def _after_check(
    paths: Sequence[str],
    fixing: bool,
    near_miss_min: float | None,
    diff: bool,
    write_baseline: str | None,
    baseline: str | None,
) -> PostCheck | None:
    """The per-file step for --fix/--diff and --baseline, or None without them."""
    from termcheck.atomic import checked_trees
    from termcheck.baseline import load_baseline
    from termcheck.postcheck import FixSettings, PostCheck

    settings = None
    if fixing:
        settings = FixSettings(near_miss_min, not diff, checked_trees(paths))
    hidden = load_baseline(baseline) if baseline and not write_baseline else None
    if settings is None and hidden is None:
        return None
    return PostCheck(settings, hidden)


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


@cli.group("glossary")
def glossary_group() -> None:
    """Validate glossary files and run the examples they contain."""


register_tools(cli, glossary_group)  # stats, discover, glossary import/export


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line and exit with its status."""
    unwind_on_sigterm()  # a killed run removes its temporary files
    cli.main(args=list(argv) if argv is not None else None, prog_name="termcheck")
