"""The GitHub Action: action.yml's structure, and its script run on a repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
SCRIPT = ROOT / ".github" / "action" / "run.sh"
GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [OBOR]
  - id: email
    canonical: email
    forbidden: [e-mail]
    severity: warning
"""
OBOR = '"OBOR" is an unapproved variant; use "Belt and Road Initiative"'
EMAIL = '"e-mail" is an unapproved variant; use "email"'


def _action() -> dict[str, Any]:
    loaded = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


class TestStructure:
    def test_composite_steps(self) -> None:
        """A composite action whose run steps all name their shell."""
        runs = _action()["runs"]
        assert runs["using"] == "composite"
        for step in runs["steps"]:
            assert ("run" in step) != ("uses" in step), step
            if "run" in step:
                assert step["shell"] == "bash"

    def test_inputs_used_and_declared(self) -> None:
        """Every input a step uses is declared, and every declared input is used."""
        action = _action()
        used = set(re.findall(r"inputs\.([\w-]+)", json.dumps(action["runs"])))
        assert used == set(action["inputs"])
        for name, spec in action["inputs"].items():
            assert spec["description"], name
            assert spec["required"] is False, name

    def test_step_outputs_exist(self) -> None:
        """Each ``steps.X.outputs.Y`` names a step that sets Y."""
        action = _action()
        steps = {step.get("id"): step for step in action["runs"]["steps"]}
        text = json.dumps(action)
        for step_id, output in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", text):
            step = steps[step_id]
            if step_id == "check":  # written by the script
                assert f'echo "{output}=' in SCRIPT.read_text(encoding="utf-8")
            else:
                assert f"{output}=" in step["run"], (step_id, output)

    def test_script_reads_what_the_step_passes(self) -> None:
        """The check step runs the script with exactly the variables it reads."""
        check = next(s for s in _action()["runs"]["steps"] if s.get("id") == "check")
        assert '"$GITHUB_ACTION_PATH/.github/action/run.sh"' in check["run"]
        script = SCRIPT.read_text(encoding="utf-8")
        read = set(re.findall(r"\$\{(TERMCHECK\w*)", script))
        assert read == set(check["env"])

    def test_sarif_upload(self) -> None:
        """The SARIF file is uploaded, also after findings failed the check step."""
        steps = _action()["runs"]["steps"]
        upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
        assert upload["if"] == "always() && inputs.sarif != ''"
        assert upload["with"]["sarif_file"] == "${{ inputs.sarif }}"

    def test_python_set_up_only_when_missing(self) -> None:
        """setup-python runs only when the runner's python3 is too old or absent."""
        steps = _action()["runs"]["steps"]
        setup = next(s for s in steps if "setup-python" in s.get("uses", ""))
        assert setup["if"] == "steps.python.outputs.setup == 'true'"


@pytest.fixture(name="repository")
def _repository(tmp_path: Path) -> Path:
    (tmp_path / ".termcheck.yaml").write_text("glossaries: [glossary.yaml]\n")
    (tmp_path / "glossary.yaml").write_text(GLOSSARY)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("We like OBOR.\n\nSend an e-mail.\n")
    (tmp_path / "my notes.md").write_text("Also `OBOR` in code, and OBOR.\n")
    (tmp_path / "clean.md").write_text("Nothing to report.\n")
    return tmp_path


def _run(repository: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    termcheck = shutil.which("termcheck")
    assert termcheck is not None
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TERMCHECK_")
    }
    environment["TERMCHECK"] = termcheck
    environment["GITHUB_OUTPUT"] = str(repository / "github-output")
    environment.update(inputs)
    return subprocess.run(
        ["bash", str(SCRIPT)],
        cwd=repository,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def _annotation(level: str, path: str, line: int, column: int, end: int, kind: str,
                term: str, message: str) -> str:  # fmt: skip
    return (
        f"::{level} file={path},line={line},col={column},endLine={line},"
        f"endColumn={end},title=termcheck%3A {kind} ({term})::{message}"
    )


class TestScript:
    def test_annotations_and_exit_code(self, repository: Path) -> None:
        """Annotations for every finding, the summary, exit 1 and the step output."""
        run = _run(repository, TERMCHECK_PATHS='docs\n"my notes.md"')
        assert run.stdout.splitlines() == [
            _annotation("error", "docs/a.md", 1, 9, 13, "forbidden", "bri", OBOR),
            _annotation("warning", "docs/a.md", 3, 9, 15, "forbidden", "email", EMAIL),
            _annotation("error", "my notes.md", 1, 26, 30, "forbidden", "bri", OBOR),
            "3 findings (2 errors, 1 warning, 0 info) in 2 files",
        ]
        assert run.returncode == 1
        assert run.stderr == ""
        assert (repository / "github-output").read_text() == "exit-code=1\n"

    def test_clean_files_pass(self, repository: Path) -> None:
        """No finding: no annotation, exit 0."""
        run = _run(repository, TERMCHECK_PATHS="clean.md")
        assert run.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"
        assert run.returncode == 0

    def test_fail_on(self, repository: Path) -> None:
        """fail-on never reports the findings and passes; fail-on is passed as given."""
        run = _run(repository, TERMCHECK_PATHS="docs", TERMCHECK_FAIL_ON="never")
        assert run.returncode == 0
        assert run.stdout.count("::") == 4  # two annotations, two "::" each

    def test_glossary_config_and_args(self, repository: Path) -> None:
        """glossary replaces the config's; args reach termcheck (here: --markup)."""
        other = repository / "other.yaml"
        other.write_text(GLOSSARY.split("  - id: email")[0])
        run = _run(
            repository,
            TERMCHECK_PATHS='"my notes.md"',
            TERMCHECK_GLOSSARY="other.yaml",
            TERMCHECK_CONFIG=".termcheck.yaml",
            TERMCHECK_ARGS="--markup plain --no-cache",
        )
        assert [line.split("::")[1] for line in run.stdout.splitlines()[:-1]] == [
            "error file=my notes.md,line=1,col=7,endLine=1,endColumn=11,"
            "title=termcheck%3A forbidden (bri)",
            "error file=my notes.md,line=1,col=26,endLine=1,endColumn=30,"
            "title=termcheck%3A forbidden (bri)",
        ]

    def test_sarif(self, repository: Path) -> None:
        """With sarif, the same findings go to a SARIF file; the status is the same."""
        run = _run(repository, TERMCHECK_PATHS="docs", TERMCHECK_SARIF="out.sarif")
        assert run.returncode == 1
        log = json.loads((repository / "out.sarif").read_text(encoding="utf-8"))
        results = log["runs"][0]["results"]
        assert [(r["ruleId"], r["level"]) for r in results] == [
            ("bri", "error"),
            ("email", "warning"),
        ]
        assert run.stdout.count("::error") == 1

    def test_errors_exit_2(self, repository: Path) -> None:
        """A missing glossary is one error line and exit 2, written as the output."""
        run = _run(repository, TERMCHECK_GLOSSARY="missing.yaml")
        assert run.returncode == 2
        assert run.stderr.startswith("termcheck: error: missing.yaml")
        assert run.stderr.count("\n") == 1
        assert (repository / "github-output").read_text() == "exit-code=2\n"

    def test_paths_default_to_the_repository(self, repository: Path) -> None:
        """Without paths, the whole repository is checked."""
        run = _run(repository)
        assert run.stdout.splitlines()[-1].endswith("in 3 files")
