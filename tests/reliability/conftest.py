"""Fixtures of the hostile-input battery."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.battery import write_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, holding ``glossary.yaml`` and ``good.md``."""
    monkeypatch.chdir(tmp_path)
    return write_project(tmp_path)
