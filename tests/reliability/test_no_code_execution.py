"""Nothing a user supplies is ever run: a scan of termcheck's own source.

No ``eval``, ``exec`` or ``compile``; no ``yaml.load`` (or its unsafe or full
variants: only ``compose``, ``safe_load`` and dumping); no shell (``os.system``,
``os.popen``, ``shell=True``); no pickle or marshal; imports by name only of
constant module names. Hostile inputs that try anyway (``!!python/object``,
XML entities) are in the other battery files.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "termcheck"
SOURCES = sorted(PACKAGE.rglob("*.py"))

FORBIDDEN_CALLS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "yaml.load",
    "yaml.load_all",
    "yaml.unsafe_load",
    "yaml.unsafe_load_all",
    "yaml.full_load",
    "yaml.full_load_all",
    "os.system",
    "os.popen",
    "os.execv",
    "os.execvp",
    "os.spawnv",
    "pickle.load",
    "pickle.loads",
    "marshal.load",
    "marshal.loads",
}
FORBIDDEN_IMPORTS = {"pickle", "marshal", "shelve"}


def dotted(node: ast.expr) -> str:
    """``yaml.load`` for the expression ``yaml.load``; "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def calls(tree: ast.AST) -> Iterator[ast.Call]:
    """Every call in ``tree``."""
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def test_the_scan_sees_the_package() -> None:
    """The scan covers the package, including its subpackages."""
    names = {path.relative_to(PACKAGE).as_posix() for path in SOURCES}
    assert {"cli.py", "glossary.py", "extractors/markdown.py"} <= names


def violations(source: str, name: str) -> list[str]:
    """What in ``source`` runs code, a shell or unpickles, as ``name:line: what``."""
    tree = ast.parse(source, filename=name)
    found = []
    for call in calls(tree):
        called = dotted(call.func)
        if called in FORBIDDEN_CALLS:
            found.append(f"{name}:{call.lineno}: {called}()")
        for keyword in call.keywords:
            if keyword.arg == "shell" and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            ):
                found.append(f"{name}:{call.lineno}: shell=")
        if called.endswith("import_module") and not all(
            isinstance(arg, ast.Constant) or _from_lazy_table(arg) for arg in call.args
        ):
            found.append(f"{name}:{call.lineno}: import_module(<computed>)")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            found += [
                f"{name}:{node.lineno}: import {m}"
                for m in modules
                if m.split(".")[0] in FORBIDDEN_IMPORTS
            ]
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_code_execution(path: Path) -> None:
    """The module calls nothing that runs code or a shell, or unpickles."""
    assert violations(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize(
    "snippet",
    [
        "yaml.load(text, Loader=yaml.Loader)",
        "yaml.unsafe_load(text)",
        "eval(expression)",
        "subprocess.run(command, shell=True)",
        "os.system(command)",
        "importlib.import_module(user_value)",
        "import pickle",
    ],
)
def test_the_scan_catches(snippet: str) -> None:
    """Each forbidden construct is reported by the scan (it can fail)."""
    assert violations(snippet, "x.py") != []


def test_the_scan_allows_safe_yaml() -> None:
    """Composing, safe loading and dumping YAML are fine."""
    source = "yaml.compose(t)\nyaml.safe_load(t)\nyaml.safe_dump(d)"
    assert violations(source, "x.py") == []


def _from_lazy_table(node: ast.expr) -> bool:
    """``_LAZY[name]``: the package's own table of its lazily imported modules."""
    return isinstance(node, ast.Subscript) and dotted(node.value) == "_LAZY"
