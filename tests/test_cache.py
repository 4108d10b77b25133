"""Tests for termcheck.cache: the on-disk glossary index cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from termcheck import cache
from termcheck.cache import cache_dir, cache_key, load_indexed
from termcheck.checker import check_text
from termcheck.index import build_index
from termcheck.matcher import use_index

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    forbidden: [One Belt One Road]
"""
MORE = GLOSSARY + """\
  - id: gdi
    canonical: Global Development Initiative
    forbidden: [Global Growth Plan]
"""


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    """A one-term glossary file."""
    path = tmp_path / "terms.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("index-*.pickle"))


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often the index is built from the glossary."""
    builds: list[int] = []
    real = build_index

    def counting(glossary):
        builds.append(1)
        return real(glossary)

    monkeypatch.setattr(cache, "build_index", counting)
    return builds


class TestCacheDir:
    """The cache folder follows TERMCHECK_CACHE_DIR, then XDG_CACHE_HOME."""

    def test_override_wins(self, tmp_path):
        """TERMCHECK_CACHE_DIR is used as it is."""
        env = {"TERMCHECK_CACHE_DIR": str(tmp_path / "x"), "XDG_CACHE_HOME": "/y"}
        assert cache_dir(env) == tmp_path / "x"

    def test_xdg(self, tmp_path):
        """Without the override, the XDG cache home gets a termcheck folder."""
        assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "termcheck"

    def test_home_fallback(self):
        """With neither, ~/.cache/termcheck."""
        assert cache_dir({}) == Path.home() / ".cache" / "termcheck"


class TestLoadIndexed:
    """Loading through the cache gives the same glossary, built once per content."""

    def test_second_load_comes_from_the_cache(
        self, glossary_file, tmp_path, monkeypatch
    ):
        """The first load writes a cache file; the second does not rebuild."""
        folder = tmp_path / "cache"
        builds = _count_builds(monkeypatch)
        first, _ = load_indexed([str(glossary_file)], folder=folder)
        second, index = load_indexed([str(glossary_file)], folder=folder)
        assert len(builds) == 1
        assert len(_cache_files(folder)) == 1
        assert second == first
        assert index.glossary is second

    def test_cached_index_finds_the_same(self, glossary_file, tmp_path):
        """An index read back from disk matches like a fresh one."""
        folder = tmp_path / "cache"
        load_indexed([str(glossary_file)], folder=folder)
        glossary, index = load_indexed([str(glossary_file)], folder=folder)
        use_index(glossary, index)
        text = "Loans under One Belt One Road grew."
        (finding,) = check_text(glossary, text)
        assert (finding.term, finding.column) == ("bri", 13)

    def test_changed_glossary_invalidates(self, glossary_file, tmp_path, monkeypatch):
        """Editing the glossary file gives a new key, a rebuild and the new term."""
        folder = tmp_path / "cache"
        builds = _count_builds(monkeypatch)
        load_indexed([str(glossary_file)], folder=folder)
        glossary_file.write_text(MORE, encoding="utf-8")
        glossary, index = load_indexed([str(glossary_file)], folder=folder)
        assert len(builds) == 2
        assert "gdi" in glossary
        assert "gdi" in index.term_numbers
        assert len(_cache_files(folder)) == 2

    def test_key_depends_on_content_only_not_mtime(self, glossary_file):
        """Touching a file keeps its key; changing one byte changes it."""
        key = cache_key([str(glossary_file)])
        glossary_file.write_text(GLOSSARY, encoding="utf-8")
        assert cache_key([str(glossary_file)]) == key
        glossary_file.write_text(GLOSSARY.replace("Road", "Roads"), encoding="utf-8")
        assert cache_key([str(glossary_file)]) != key

    @pytest.mark.parametrize(
        "garbage",
        [b"", b"not a pickle at all", b"\x80\x05\x95garbage", pickle.dumps({"a": 1})],
        ids=["empty", "text", "truncated", "foreign-object"],
    )
    def test_corrupt_cache_file_is_rebuilt(
        self, glossary_file, tmp_path, monkeypatch, garbage
    ):
        """A damaged or foreign cache file is a miss: rebuilt, rewritten, no crash."""
        folder = tmp_path / "cache"
        load_indexed([str(glossary_file)], folder=folder)
        (path,) = _cache_files(folder)
        path.write_bytes(garbage)
        builds = _count_builds(monkeypatch)
        glossary, index = load_indexed([str(glossary_file)], folder=folder)
        assert len(builds) == 1
        assert "bri" in glossary
        assert index.glossary is glossary
        restored = pickle.loads(path.read_bytes())
        assert restored[0] == glossary

    def test_no_cache_writes_nothing(self, glossary_file, tmp_path):
        """use_cache=False neither reads nor writes the folder."""
        folder = tmp_path / "cache"
        glossary, _ = load_indexed([str(glossary_file)], use_cache=False, folder=folder)
        assert "bri" in glossary
        assert not folder.exists()

    def test_unwritable_cache_folder_still_loads(self, glossary_file, tmp_path):
        """A cache folder that cannot be created only costs speed."""
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        glossary, _ = load_indexed([str(glossary_file)], folder=blocker / "cache")
        assert "bri" in glossary

    def test_old_files_are_pruned(self, glossary_file, tmp_path, monkeypatch):
        """Only the newest KEEP_FILES cache files stay."""
        monkeypatch.setattr(cache, "KEEP_FILES", 2)
        folder = tmp_path / "cache"
        for number in range(4):
            glossary_file.write_text(GLOSSARY + f"# {number}\n", encoding="utf-8")
            load_indexed([str(glossary_file)], folder=folder)
        assert len(_cache_files(folder)) == 2


class TestCli:
    """``termcheck check`` uses the cache unless --no-cache."""

    def _run(self, folder: Path, glossary: Path, *extra: str) -> str:
        from click.testing import CliRunner

        from termcheck.cli import cli

        text = glossary.parent / "doc.md"
        text.write_text("Loans under One Belt One Road grew.\n", encoding="utf-8")
        result = CliRunner().invoke(
            cli,
            ["check", "-g", str(glossary), *extra, str(text)],
            env={"TERMCHECK_CACHE_DIR": str(folder)},
        )
        assert result.exit_code == 1, result.output
        return result.stdout

    def test_check_fills_the_cache(self, glossary_file, tmp_path):
        """A run writes one cache file and a second run gives the same output."""
        folder = tmp_path / "cache"
        first = self._run(folder, glossary_file)
        assert len(_cache_files(folder)) == 1
        assert self._run(folder, glossary_file) == first

    def test_no_cache_flag(self, glossary_file, tmp_path):
        """--no-cache leaves the cache folder alone."""
        folder = tmp_path / "cache"
        self._run(folder, glossary_file, "--no-cache")
        assert not folder.exists()

    def test_corrupt_cache_file_does_not_crash_the_cli(self, glossary_file, tmp_path):
        """A garbage cache file gives the normal output, not a traceback."""
        folder = tmp_path / "cache"
        expected = self._run(folder, glossary_file)
        (path,) = _cache_files(folder)
        path.write_bytes(b"\x00garbage")
        assert self._run(folder, glossary_file) == expected
