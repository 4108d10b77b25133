"""Nothing a user supplies is ever run: a scan of termcheck's own source.

No ``eval``, ``exec`` or ``compile``; no ``yaml.load`` (or its unsafe or full
variants: only ``compose``, ``safe_load`` and dumping); no shell (``os.system``,
``os.popen``, ``shell=True``); no ``pickle.load``/``loads`` or marshal, and an
unpickler only with a ``find_class`` of its own (the index cache allows
termcheck's own types, nothing else); imports by name only of constant module
names. Hostile inputs that try anyway (``!!python/object``, XML entities, a
planted cache file) are tested here and in the other battery files.
"""

from __future__ import annotations

import ast
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from termcheck import cache

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
    "pickle.Unpickler",
    "marshal.load",
    "marshal.loads",
}
FORBIDDEN_IMPORTS = {"marshal", "shelve", "dill", "cloudpickle"}


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
        if isinstance(node, ast.ClassDef) and any(
            dotted(base).endswith("Unpickler") for base in node.bases
        ):
            methods = {f.name for f in node.body if isinstance(f, ast.FunctionDef)}
            if "find_class" not in methods:
                found.append(f"{name}:{node.lineno}: Unpickler without find_class")
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
        "pickle.loads(data)",
        "class U(pickle.Unpickler):\n    pass",
        "import marshal",
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


class _Planted:
    """Unpickling this creates a file: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_planted_cache_file_runs_nothing(tmp_path: Path) -> None:
    """A cache file under the right name that would run code is only a miss."""
    glossary = tmp_path / "g.yaml"
    glossary.write_text(
        "version: 1\nterms:\n  - canonical: Belt and Road Initiative\n", "utf-8"
    )
    folder = tmp_path / "cache"
    folder.mkdir()
    key = cache.cache_key([str(glossary)])
    marker = tmp_path / "code-ran"
    (folder / f"index-{key}.pickle").write_bytes(pickle.dumps(_Planted(marker)))
    loaded, index = cache.load_indexed([str(glossary)], folder=folder)
    assert not marker.exists()
    assert [term.canonical for term in loaded] == ["Belt and Road Initiative"]
    assert index.glossary is loaded
    again, _ = cache.load_indexed([str(glossary)], folder=folder)  # rewritten
    assert again == loaded
