"""Shell completion of the command line (click's), and the shared options'."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_process import run_termcheck, termcheck_command

SCRIPTS = {
    "bash": ("_termcheck_completion()", "complete -o nosort -F _termcheck_completion"),
    "zsh": ("#compdef termcheck", "compdef _termcheck_completion termcheck"),
    "fish": (
        "function _termcheck_completion",
        "complete --no-files --command termcheck",
    ),
}


def _complete(folder: Path, words: str) -> list[str]:
    """What ``termcheck`` answers bash for the last of ``words`` (``type,value``)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    proc = run_termcheck(
        cwd=folder,
        env={
            "_TERMCHECK_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(cword),
        },
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


class TestCompletionScripts:
    """``_TERMCHECK_COMPLETE={shell}_source termcheck`` prints the shell's script."""

    @pytest.mark.parametrize("shell", sorted(SCRIPTS))
    def test_script_is_produced(self, tmp_path: Path, shell: str) -> None:
        """The script defines the completion function and registers it."""
        proc = run_termcheck(
            cwd=tmp_path, env={"_TERMCHECK_COMPLETE": f"{shell}_source"}
        )
        assert proc.returncode == 0, proc.stderr
        for part in SCRIPTS[shell]:
            assert part in proc.stdout, part
        assert proc.stderr == ""

    def test_bash_runs_the_script(self, tmp_path: Path) -> None:
        """Sourced into a real bash, the function completes ``termcheck gl``."""
        bash = shutil.which("bash")
        if bash is None:
            pytest.skip("bash is not installed")
        command = termcheck_command()
        if len(command) != 1:
            pytest.skip("termcheck is not installed as a command")
        script = (
            'eval "$(_TERMCHECK_COMPLETE=bash_source termcheck)"\n'
            "COMP_WORDS=(termcheck gl); COMP_CWORD=1\n"
            "_termcheck_completion termcheck\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n'
        )
        env = {
            **os.environ,
            "PATH": f"{Path(command[0]).parent}{os.pathsep}{os.environ['PATH']}",
        }
        proc = subprocess.run(
            [bash, "--noprofile", "--norc", "-c", script],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == "glossary\n"


class TestCompletions:
    """What termcheck offers for commands, options and values."""

    def test_commands(self, tmp_path: Path) -> None:
        """``termcheck st`` completes to stats, ``termcheck ch`` offers check."""
        assert _complete(tmp_path, "termcheck st") == ["plain,stats"]
        assert "plain,check" in _complete(tmp_path, "termcheck ch")

    def test_glossary_subcommands(self, tmp_path: Path) -> None:
        """``termcheck glossary l`` completes to list."""
        assert _complete(tmp_path, "termcheck glossary l") == ["plain,list"]

    def test_options(self, tmp_path: Path) -> None:
        """Options of check complete: --stdin-filename, --exit-zero."""
        assert _complete(tmp_path, "termcheck check --std") == [
            "plain,--stdin-filename"
        ]
        assert _complete(tmp_path, "termcheck check --exit") == ["plain,--exit-zero"]

    def test_glossary_names(self, tmp_path: Path) -> None:
        """--glossary offers file names and the bundled glossaries' names."""
        assert _complete(tmp_path, "termcheck check -g tech") == [
            "file,tech",
            "plain,tech-writing-en",
        ]
        assert _complete(tmp_path, "termcheck check --glossary zz") == ["file,zz"]

    def test_paths_complete_as_files(self, tmp_path: Path) -> None:
        """PATH arguments are left to the shell's file completion."""
        assert _complete(tmp_path, "termcheck check do") == ["file,do"]

    def test_format_choices(self, tmp_path: Path) -> None:
        """A choice option offers its values."""
        assert _complete(tmp_path, "termcheck check --format s") == ["plain,sarif"]
