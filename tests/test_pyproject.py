"""Tests for termcheck.pyproject: ``[tool.termcheck]`` read like a YAML config."""

from __future__ import annotations

import pytest

from termcheck.config import parse_config
from termcheck.errors import ConfigError
from termcheck.pyproject import has_tool_table


class TestPyproject:
    """``[tool.termcheck]`` takes the same keys, with line numbers for errors."""

    def test_reads_tool_table(self):
        """Keys and overrides (as an array of tables) are read."""
        text = (
            '[project]\nname = "x"\n\n[tool.termcheck]\nglossaries = ["g.yaml"]\n'
            'fail-on = "warning"\n\n[[tool.termcheck.overrides]]\n'
            'paths = ["legal/**"]\ndisable = ["email"]\n'
        )
        config = parse_config(text, "pyproject.toml")
        assert config.glossaries == ("g.yaml",)
        assert config.fail_on == "warning"
        (override,) = config.overrides
        assert (override.paths, override.disable, override.line) == (
            ("legal/**",),
            ("email",),
            8,
        )

    def test_unknown_key_cites_its_line(self):
        """An unknown key's error names the pyproject line where it is set."""
        text = (
            '[tool.other]\nx = 1\n\n[tool.termcheck]\nfail-on = "info"\n'
            'fromat = "json"\n'
        )
        with pytest.raises(ConfigError) as caught:
            parse_config(text, "pyproject.toml")
        assert caught.value.line == 6
        assert "did you mean 'format'?" in str(caught.value)

    def test_unknown_override_key_cites_the_entry(self):
        """An override's unknown key is located at its table header."""
        text = (
            "[tool.termcheck]\n\n[[tool.termcheck.overrides]]\npaths = ['a']\n\n"
            "[[tool.termcheck.overrides]]\npaths = ['b']\nfailon = 'info'\n"
        )
        with pytest.raises(ConfigError) as caught:
            parse_config(text, "pyproject.toml")
        assert caught.value.line == 8

    def test_invalid_toml(self):
        """Broken TOML is a ConfigError naming the file."""
        with pytest.raises(ConfigError, match="invalid TOML"):
            parse_config("[tool.termcheck\n", "pyproject.toml")

    def test_has_tool_table(self, tmp_path):
        """Only a pyproject.toml with a [tool.termcheck] table is a config."""
        path = tmp_path / "pyproject.toml"
        path.write_text("[tool.other]\ntermcheck = 1\n", encoding="utf-8")
        assert not has_tool_table(path)
        path.write_text("[tool.termcheck]\n", encoding="utf-8")
        assert has_tool_table(path)
