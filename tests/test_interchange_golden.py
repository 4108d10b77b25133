"""Golden outputs of glossary import and export on the interchange fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.cli import cli

DATA = Path(__file__).resolve().parent / "data" / "interchange"

CASES = [
    (["import", "--from", "tbx", "basic-dca.tbx"], "basic-dca.yaml"),
    (["import", "--from", "tbx", "--lang", "en", "basic-dct.tbx"], "basic-dct.yaml"),
    (["import", "--from", "tbx", "--lang", "en", "martif-v2.tbx"], "martif-v2.yaml"),
    (["import", "--from", "csv", "harbour.csv"], "harbour.yaml"),
    (["import", "--from", "vale", "vale/Harbour/Terms.yml"], "vale-terms.yaml"),
    (
        ["import", "--from", "vale", "vale/config/vocabularies/Harbour"],
        "vale-vocab.yaml",
    ),
    (["export", "expected/basic-dca.yaml", "--to", "tbx"], "basic-dca.tbx"),
    (["export", "expected/basic-dca.yaml", "--to", "csv"], "basic-dca.csv"),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[c[1] for c in CASES])
def test_golden(monkeypatch, args, expected):
    """termcheck glossary import/export prints exactly the recorded file."""
    monkeypatch.chdir(DATA)
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always keeps stderr apart
        runner = CliRunner()
    result = runner.invoke(cli, ["glossary", *args])
    assert result.exit_code == 0
    golden = (DATA / "expected" / expected).read_text(encoding="utf-8")
    assert result.stdout == golden
