"""A command-line run as files finish: caps, totals, exit status, notices.

:class:`Delivery` sits between the checked files and the report. Each file's
result passes through it once, in report order: ``--write-baseline`` records
it, ``--max-findings`` cuts it, the totals and the exit status are updated,
the formatter gets it, and then its notices go to standard error (so an
error line stands at its file's place, after its findings and before the
next file's, and the summary comes last). No step keeps a finding after its
file has been reported.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from termcheck.caps import RunCap
from termcheck.model import ExitCode, FileResult
from termcheck.notices import file_notices, fixed_notices, omitted_notice, plural
from termcheck.totals import Totals

if TYPE_CHECKING:
    from termcheck.baseline import BaselineBuilder
    from termcheck.formatters import FormatOptions
    from termcheck.output import Console, LineBuffer, ReportFile
    from termcheck.project import Project

__all__ = ["Delivery", "Destinations", "deliver", "prepare"]


@dataclass
class Delivery:
    """Passes each file's result on to the report, doing the per-file chores.

    ``notice`` prints a line on standard error; ``diff`` prints a file's diff
    (``--diff``); ``sources``, when given, holds the text of the file being
    reported (``--context``) and nothing else; ``baseline`` records every
    finding, which then counts as baselined (``--write-baseline``);
    ``on_result`` sees each result as it is passed on; ``on_end`` runs once
    the last file is done, before the report's closing lines.
    """

    project: Project
    notice: Callable[[str], None]
    run_cap: int | None = None
    diff: Callable[[str], None] | None = None
    sources: dict[str, str] | None = None
    baseline: BaselineBuilder | None = None
    on_result: Callable[[FileResult], None] | None = None
    on_end: Callable[[], None] | None = None
    totals: Totals = field(default_factory=Totals)
    failing: bool = False  # a finding reached its file's fail-on
    changed: bool = False  # --fix or --diff changed a file
    _beyond: list[int] = field(default_factory=lambda: [0, 0])  # files, findings

    def feed(
        self, checked: Iterable[tuple[FileResult, str | None]]
    ) -> Iterator[FileResult]:
        """Yield each result of ``checked`` once its chores are done."""
        from termcheck.baseline import hidden

        cap = RunCap(self.run_cap)
        lines: list[str] = []  # the last file's notices: printed after its findings
        for result, text in checked:
            for line in lines:
                self.notice(line)
            if self.sources is not None:
                self.sources.clear()
                if text is not None:
                    self.sources[result.path] = text
            chunk, lines, _ = fixed_notices(result, self.diff is not None)
            self.changed = self.changed or bool(result.fix and result.fix.diff)
            if chunk and self.diff is not None:
                self.diff(chunk)
            if self.baseline is not None:
                self.baseline.add(result, text or "")
                result = hidden(result)
            self.failing = self.failing or self.project.fails(result)
            exhausted = cap.left == 0
            result = cap(result)
            self.totals.add(result)
            lines += file_notices(result)
            if result.omitted and exhausted:
                self._beyond[0] += 1
                self._beyond[1] += result.omitted
            elif result.omitted:
                lines.append(omitted_notice(result))
            if self.on_result is not None:
                self.on_result(result)
            yield result
        for line in lines:
            self.notice(line)
        self._finish()

    def _finish(self) -> None:
        if self.on_end is not None:
            self.on_end()
        files, findings = self._beyond
        if files:
            self.notice(
                f"termcheck: note: {plural(findings, 'more finding')} in "
                f"{plural(files, 'more file')} omitted by --max-findings "
                f"(at most {self.run_cap} in a run)"
            )
        for warning in self.project.selection.unmatched_includes():
            self.notice(f"termcheck: warning: {warning}")

    @property
    def exit_code(self) -> ExitCode:
        """2 if a file could not be checked or fixed, else 1 if a finding
        reached its file's fail-on, else 0."""
        if self.totals.errors:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if self.failing else ExitCode.OK


@dataclass(frozen=True, slots=True)
class Destinations:
    """Where a run's report goes.

    ``output`` is the ``--output`` file (None: standard output has the report
    in ``output_format``; else it has the text report); ``write_baseline`` the
    ``--write-baseline`` file; ``diff`` prints diffs instead of a report.
    """

    output_format: str
    output: str | None = None
    write_baseline: str | None = None
    diff: bool = False
    run_cap: int | None = None


def prepare(
    project: Project, console: Console, options: FormatOptions, to: Destinations
) -> Delivery:
    """The Delivery for a run with these destinations.

    ``options.sources`` must be a dict: it holds the text of the file being
    reported when ``options.context`` is set. Standard output is ``taken``
    when ``--write-baseline`` names it.
    """
    from termcheck.baseline import BaselineBuilder
    from termcheck.formatters.text import format_result
    from termcheck.output import names_stream

    builder = BaselineBuilder() if to.write_baseline else None
    if to.write_baseline is not None:
        console.taken = names_stream(to.write_baseline, sys.stdout)
    run = Delivery(
        project,
        console.notice,
        run_cap=None if builder else to.run_cap,
        diff=console.raw if to.diff else None,
        sources=options.sources if options.context else None,  # type: ignore[arg-type]
        baseline=builder,
    )
    if to.output is not None and not to.diff and not console.taken:

        def text_lines(result: FileResult) -> None:
            console.lines.extend(format_result(result, options))

        run.on_result = text_lines
    return run


def deliver(
    results: Iterable[FileResult],
    run: Delivery,
    console: Console,
    options: FormatOptions,
    to: Destinations,
) -> None:
    """Write the report of ``results`` (from ``run.feed``) where ``to`` says.

    The ``--output`` and ``--write-baseline`` files are opened before the first
    file is checked, so that a path that cannot be written fails at once; new
    regular files take their place only when the run is complete.
    """
    from termcheck.formatters.text import summary
    from termcheck.output import LineBuffer, ReportFile

    with contextlib.ExitStack() as files:
        if run.baseline is not None and to.write_baseline is not None:
            builder, path = run.baseline, to.write_baseline
            held = None if console.taken else files.enter_context(ReportFile(path))
            run.on_end = lambda: _write_baseline(path, builder, held, console)
        target = None
        if to.output is not None:
            target = files.enter_context(ReportFile(to.output))
        if to.diff or (target is None and console.taken):
            for _ in results:  # --diff prints no report; a baseline took stdout
                pass
        elif target is None:
            _render(to.output_format, results, options, console.lines, run.totals)
        else:
            plain = replace(options, color=False)
            lines = LineBuffer(target.write)
            _render(to.output_format, results, plain, lines, run.totals)
    if target is not None and not options.quiet and not console.taken:
        console.lines.add(summary(run.totals))
    console.lines.flush()


def _render(
    output_format: str,
    results: Iterable[FileResult],
    options: FormatOptions,
    lines: LineBuffer,
    totals: Totals,
) -> None:
    """Write the report: as files finish, or (SARIF, JUnit) once totals are known."""
    from termcheck.formatters import FORMATTERS, TOTALS_FIRST

    if output_format in TOTALS_FIRST:
        from termcheck.output import ResultSpool

        spool = ResultSpool()
        spool.extend(results)  # no result stays referenced here while replaying
        results = spool.replay()
        options = replace(options, totals=totals)
    lines.extend(FORMATTERS[output_format](results, options))
    lines.flush()


def _write_baseline(
    path: str, builder: BaselineBuilder, target: ReportFile | None, console: Console
) -> None:
    """Write the baseline gathered in ``builder`` to ``target`` (None: stdout)."""
    if target is None:
        console.raw(builder.text())
    else:
        target.write(builder.text())
    console.notice(f"termcheck: wrote {plural(builder.count, 'finding')} to {path}")
