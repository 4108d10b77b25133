"""Tests for the per-file step after checking: fixing files on disk and baselines."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from termcheck.atomic import checked_trees
from termcheck.baseline import Baseline, fingerprint
from termcheck.checker import check_text
from termcheck.postcheck import BASELINE_CONTEXT, FixSettings, PostCheck
from termcheck.runner import check_paths
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()
DRAFT = "Loans to OBOR grew.\r\nThe community of human destiny spoke.\r\n"
FIXED = (
    "Loans to Belt and Road Initiative grew.\r\n"
    "The community with a shared future for mankind spoke.\r\n"
)


def run_fix(folder: Path, *paths: str, write: bool = True, baseline=None):
    """Check and fix ``paths`` (relative to ``folder``) as ``--fix`` does."""
    previous = Path.cwd()
    os.chdir(folder)
    try:
        settings = FixSettings(write=write, trees=checked_trees(paths))
        after = PostCheck(settings, baseline)
        return check_paths(GLOSSARY, paths, after=after)
    finally:
        os.chdir(previous)


class TestFixFiles:
    """Files are rewritten in place, keeping everything but the fixed words."""

    @pytest.mark.parametrize(
        ("bom", "codec"),
        [
            (b"", "utf-8"),
            (codecs.BOM_UTF8, "utf-8"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF32_BE, "utf-32-be"),
        ],
    )
    def test_encoding_bom_and_crlf_kept(self, tmp_path, bom, codec):
        """The rewritten file has the same BOM, encoding and CRLF endings."""
        path = tmp_path / "a.md"
        path.write_bytes(bom + DRAFT.encode(codec))
        report = run_fix(tmp_path, "a.md")
        assert path.read_bytes() == bom + FIXED.encode(codec)
        (result,) = report.results
        assert result.findings == ()
        assert result.fix is not None
        assert result.fix.written
        assert len(result.fix.applied) == 2

    def test_lone_cr_and_lf_kept(self, tmp_path):
        """Mixed line endings stay exactly where they were."""
        path = tmp_path / "a.md"
        path.write_bytes(b"OBOR\rOBOR\nOBOR\r\n")
        run_fix(tmp_path, "a.md")
        name = b"Belt and Road Initiative"
        assert path.read_bytes() == name + b"\r" + name + b"\n" + name + b"\r\n"

    def test_permission_bits_kept(self, tmp_path):
        """An executable, group-readable file keeps its mode."""
        path = tmp_path / "a.md"
        path.write_bytes(DRAFT.encode())
        path.chmod(0o750)
        run_fix(tmp_path, "a.md")
        assert path.read_bytes() == FIXED.encode()
        assert stat.S_IMODE(path.stat().st_mode) == 0o750

    def test_unchanged_files_untouched(self, tmp_path):
        """A file with nothing to fix is not rewritten (same inode, same mtime)."""
        path = tmp_path / "clean.md"
        path.write_bytes(b"The Belt and Road Initiative.\n")
        before = path.stat()
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))
        before = path.stat()
        report = run_fix(tmp_path, "clean.md")
        after = path.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
        assert report.results[0].fix is not None
        assert not report.results[0].fix.written

    def test_second_run_changes_nothing(self, tmp_path):
        """Fixing twice gives the same bytes and the second run writes nothing."""
        (tmp_path / "a.md").write_bytes(DRAFT.encode())
        run_fix(tmp_path, "a.md")
        once = (tmp_path / "a.md").read_bytes()
        report = run_fix(tmp_path, "a.md")
        assert (tmp_path / "a.md").read_bytes() == once
        fix = report.results[0].fix
        assert fix is not None
        assert not fix.written
        assert not fix.applied

    def test_diff_mode_writes_nothing(self, tmp_path):
        """With write off, the file stays and the diff and leftovers are reported."""
        (tmp_path / "a.md").write_bytes(DRAFT.encode())
        report = run_fix(tmp_path, "a.md", write=False)
        assert (tmp_path / "a.md").read_bytes() == DRAFT.encode()
        fix = report.results[0].fix
        assert fix is not None
        assert not fix.written
        assert "+Loans to Belt and Road Initiative grew.\r\n" in fix.diff
        assert report.results[0].findings == ()

    def test_symlink_out_of_tree_not_written(self, tmp_path):
        """A link in the checked folder to a file outside it is refused."""
        outside = tmp_path / "outside.md"
        outside.write_bytes(DRAFT.encode())
        docs = tmp_path / "docs"
        docs.mkdir()
        (docs / "link.md").symlink_to(outside)
        report = run_fix(tmp_path, "docs")
        assert outside.read_bytes() == DRAFT.encode()
        (result,) = report.results
        assert result.fix is not None
        assert not result.fix.written
        assert result.fix.problem is not None
        assert "a symbolic link leads it outside" in result.fix.problem
        assert len(result.findings) == 2  # nothing was fixed, so all remain

    def test_symlink_inside_tree_written_through(self, tmp_path):
        """A link to a file inside the checked folder fixes that file."""
        docs = tmp_path / "docs"
        docs.mkdir()
        (docs / "real.txt").write_bytes(DRAFT.encode())
        (docs / "link.md").symlink_to("real.txt")
        run_fix(tmp_path, "docs/link.md")
        assert (docs / "link.md").is_symlink()
        assert (docs / "real.txt").read_bytes() == FIXED.encode()


class TestBaselineStep:
    """The baseline hides recorded findings and keeps them away from --fix."""

    def test_baselined_findings_hidden_and_not_fixed(self, tmp_path):
        """A recorded finding is counted as baselined and left in the file."""
        text = "Loans to OBOR grew.\nLater OBOR shrank.\n"
        (tmp_path / "a.md").write_bytes(text.encode())
        first = check_text(GLOSSARY, text, path="a.md")[0]
        baseline = Baseline({fingerprint(first, text): 1})
        report = run_fix(tmp_path, "a.md", baseline=baseline)
        assert (tmp_path / "a.md").read_bytes() == (
            b"Loans to OBOR grew.\nLater Belt and Road Initiative shrank.\n"
        )
        (result,) = report.results
        assert result.baselined == 1
        assert result.findings == ()

    def test_fix_beside_a_baselined_finding_is_held_back(self, tmp_path):
        """A fix among the words that fingerprint a baselined finding is not made.

        Fixing the second OBOR would change the words after the first, so the
        first would no longer match the baseline and come back.
        """
        text = "Loans to OBOR grew. Later OBOR shrank.\n"
        (tmp_path / "a.md").write_bytes(text.encode())
        first = check_text(GLOSSARY, text, path="a.md")[0]
        baseline = Baseline({fingerprint(first, text): 1})
        report = run_fix(tmp_path, "a.md", baseline=baseline)
        assert (tmp_path / "a.md").read_bytes() == text.encode()
        (result,) = report.results
        assert result.baselined == 1
        assert [f.column for f in result.findings] == [27]
        assert result.fix is not None
        ((held, reason),) = result.fix.skipped
        assert held.column == 27
        assert reason == BASELINE_CONTEXT

    def test_baseline_without_fix(self, tmp_path):
        """Without --fix the baseline only filters the report."""
        text = "OBOR and OBOR.\n"
        (tmp_path / "a.md").write_bytes(text.encode())
        findings = check_text(GLOSSARY, text, path="a.md")
        baseline = Baseline({fingerprint(findings[1], text): 1})
        previous = Path.cwd()
        os.chdir(tmp_path)
        try:
            report = check_paths(GLOSSARY, ["a.md"], after=PostCheck(None, baseline))
        finally:
            os.chdir(previous)
        (result,) = report.results
        assert [f.column for f in result.findings] == [1]
        assert result.baselined == 1
        assert result.fix is None
