"""Tests for the stats, discover and glossary import/export commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import cli
from termcheck.glossary import parse_glossary

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(name="runner")
def _runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart (on every click version)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always separates them
        return CliRunner()


class TestImport:
    """termcheck glossary import."""

    def test_to_stdout(self, runner):
        """Without -o the glossary goes to standard output."""
        result = runner.invoke(
            cli,
            [
                "glossary",
                "import",
                "--from",
                "csv",
                str(DATA / "interchange" / "harbour.csv"),
            ],
        )
        assert result.exit_code == 0, result.stderr
        assert len(parse_glossary(result.stdout)) == 2

    def test_to_file_with_warnings(self, runner, tmp_path):
        """-o writes the file; warnings and a summary go to standard error."""
        out = tmp_path / "harbour.yaml"
        result = runner.invoke(
            cli,
            [
                "glossary",
                "import",
                "--from",
                "vale",
                "-o",
                str(out),
                str(DATA / "interchange" / "vale" / "Harbour" / "Terms.yml"),
            ],
        )
        assert result.exit_code == 0
        assert result.stdout == ""
        warning = "termcheck: warning: rule option 'scope' not carried over"
        assert warning in result.stderr
        assert result.stderr.rstrip().endswith(
            "3 terms imported from "
            + str(DATA / "interchange" / "vale" / "Harbour" / "Terms.yml")
        )
        assert len(parse_glossary(out.read_text(encoding="utf-8"))) == 3

    def test_lang(self, runner):
        """--lang picks the TBX language."""
        result = runner.invoke(
            cli,
            [
                "glossary",
                "import",
                "--from",
                "tbx",
                "--lang",
                "de",
                str(DATA / "interchange" / "basic-dca.tbx"),
            ],
        )
        assert result.exit_code == 0
        assert "canonical: Liegeplatz" in result.stdout

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--from", "tbx", "missing.tbx"], "missing.tbx: no such file"),
            (["--from", "tbx", "--lang", "fr", "{dca}"], "languages present: de, en"),
            (["--from", "csv", "{dca}"], "header row must name the columns"),
        ],
    )
    def test_errors_are_one_line(self, runner, args, message):
        """Bad input: one line on stderr naming the file, exit 2, no traceback."""
        args = [a.format(dca=DATA / "interchange" / "basic-dca.tbx") for a in args]
        result = runner.invoke(cli, ["glossary", "import", *args])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("termcheck: error: ")
        assert message in result.stderr

    def test_hostile_xml(self, runner, tmp_path):
        """An XXE attempt is refused with exit 2."""
        path = tmp_path / "x.tbx"
        path.write_text(
            '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM '
            '"file:///etc/hostname">]><tbx>&x;</tbx>',
            encoding="utf-8",
        )
        result = runner.invoke(cli, ["glossary", "import", "--from", "tbx", str(path)])
        assert result.exit_code == 2
        assert "refusing XML that declares entities" in result.stderr


class TestExport:
    """termcheck glossary export."""

    def test_tbx_by_name(self, runner):
        """A bundled glossary exports to TBX on stdout."""
        result = runner.invoke(
            cli, ["glossary", "export", "diplomacy-en", "--to", "tbx"]
        )
        assert result.exit_code == 0
        assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx ')

    def test_csv_file_and_warnings(self, runner, tmp_path):
        """-o writes CSV; what CSV cannot hold is listed on stderr."""
        out = tmp_path / "d.csv"
        result = runner.invoke(
            cli, ["glossary", "export", "diplomacy-en", "--to", "csv", "-o", str(out)]
        )
        assert result.exit_code == 0
        assert out.read_text(encoding="utf-8").startswith(
            "id,canonical,variant,status,note\n"
        )
        warning = "termcheck: warning: not exported: regex forms (3 terms:"
        assert warning in result.stderr

    def test_invalid_glossary(self, runner, tmp_path):
        """An invalid glossary is a one-line error, exit 2."""
        path = tmp_path / "bad.yaml"
        path.write_text("version: 2\nterms: []\n", encoding="utf-8")
        result = runner.invoke(cli, ["glossary", "export", str(path), "--to", "csv"])
        assert result.exit_code == 2
        assert "unsupported glossary version" in result.stderr


class TestStatsAndDiscoverErrors:
    """Exit codes of stats and discover."""

    def test_stats_needs_a_glossary(self, runner):
        """stats without --glossary is a usage error."""
        result = runner.invoke(cli, ["stats", str(DATA / "stats" / "speech.md")])
        assert result.exit_code == 2
        assert "no glossary given" in result.stderr

    @pytest.mark.parametrize("command", [["stats", "-g", "diplomacy-en"], ["discover"]])
    def test_missing_file(self, runner, command, tmp_path):
        """A missing file is reported on stderr after the output; exit 2."""
        (tmp_path / "a.md").write_text("The tide table.\n", encoding="utf-8")
        result = runner.invoke(
            cli, [*command, str(tmp_path / "a.md"), str(tmp_path / "gone.md")]
        )
        assert result.exit_code == 2
        gone = tmp_path / "gone.md"
        assert result.stderr == f"termcheck: error: {gone}: no such file or directory\n"
        assert result.stdout

    def test_markup_is_not_prose(self, runner, tmp_path):
        """stats reads Markdown as check does: code blocks are not counted."""
        (tmp_path / "a.md").write_text(
            "One Belt One Road.\n\n```\nOne Belt One Road\n```\n", encoding="utf-8"
        )
        result = runner.invoke(
            cli,
            ["stats", "-g", "diplomacy-en", "--format", "csv", str(tmp_path / "a.md")],
        )
        assert result.exit_code == 0
        assert "bri,One Belt One Road,forbidden,One Belt One Road,1,1" in result.stdout

    def test_discover_min_count_must_be_two_or_more(self, runner, tmp_path):
        """--min-count 1 is a usage error."""
        result = runner.invoke(cli, ["discover", "--min-count", "1", str(tmp_path)])
        assert result.exit_code == 2
