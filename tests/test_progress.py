"""Tests for termcheck.progress: the stderr bar, only where a person watches."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from termcheck.cli import cli
from termcheck.progress import Progress, progress_wanted


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class _Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class TestProgressWanted:
    """The bar is for terminals only, never for CI, pipes or JSON."""

    def test_terminal_text(self):
        """A terminal with text output gets the bar."""
        assert progress_wanted(_Terminal(), "text", {})

    def test_pipe(self):
        """A pipe or file never does."""
        assert not progress_wanted(io.StringIO(), "text", {})

    @pytest.mark.parametrize("name", ["CI", "GITHUB_ACTIONS", "GITLAB_CI"])
    def test_ci(self, name):
        """CI logs never do, even when they pretend to be terminals."""
        assert not progress_wanted(_Terminal(), "text", {name: "true"})

    def test_json(self):
        """JSON output never does."""
        assert not progress_wanted(_Terminal(), "json", {})

    def test_dumb_terminal(self):
        """TERM=dumb cannot redraw a line."""
        assert not progress_wanted(_Terminal(), "text", {"TERM": "dumb"})


class TestProgress:
    """The bar waits two seconds, then shows files, MB/s and time left."""

    def test_silent_for_short_runs(self):
        """Nothing is written before the delay has passed."""
        stream, clock = _Terminal(), _Clock()
        bar = Progress(stream, clock=clock)
        bar.start(3, 3_000_000)
        clock.now += 1.0
        bar.advance(1_000_000)
        bar.finish()
        assert stream.getvalue() == ""

    def test_long_run_draws_and_clears(self):
        """After the delay the bar shows progress; finish erases it."""
        stream, clock = _Terminal(), _Clock()
        bar = Progress(stream, clock=clock)
        bar.start(4, 4_000_000)
        clock.now += 2.0
        bar.advance(1_000_000)
        clock.now += 2.0
        bar.advance(1_000_000)
        shown = stream.getvalue()
        assert "2/4 files" in shown
        assert "0.5 MB/s" in shown
        assert "ETA 0:04" in shown
        bar.finish()
        assert stream.getvalue().endswith("\r\x1b[K")

    def test_line_before_any_bytes(self):
        """With nothing done yet the time left is unknown, not a crash."""
        bar = Progress(_Terminal(), clock=_Clock())
        bar.start(2, 0)
        assert "ETA --:--" in bar.line(101.0)


class TestCliNeverInPipes:
    """A checked run into a pipe leaves stderr clean."""

    def test_no_bar_in_pipes(self, tmp_path, monkeypatch):
        """CliRunner's streams are not terminals: stderr stays empty."""
        (tmp_path / "g.yaml").write_text(
            "version: 1\nterms:\n  - canonical: Belt and Road Initiative\n",
            encoding="utf-8",
        )
        (tmp_path / "a.md").write_text("The Belt and Road Initiative.\n")
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["check", "-g", "g.yaml", "a.md"])
        assert result.exit_code == 0
        assert result.stderr == ""
