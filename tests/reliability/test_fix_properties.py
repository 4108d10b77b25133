"""Properties of --fix over generated glossaries and documents (hypothesis).

Fixing is idempotent, changes no character outside the findings it reports as
fixed, leaves none of those findings behind, and keeps the file's encoding,
byte order mark and every line ending. Example-based fix tests are in
tests/test_fix.py and tests/test_postcheck.py.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from termcheck.atomic import checked_trees
from termcheck.checker import check_text
from termcheck.extractors import EXTRACTORS
from termcheck.fix import Edit, apply_fixes
from termcheck.model import Glossary
from termcheck.postcheck import FixSettings, PostCheck
from termcheck.runner import check_paths
from tests.invariants import glossary_from_parts
from tests.profiles import examples
from tests.reliability.strategies import glossaries_and_texts

PROPERTY = settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
ENCODINGS = [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
]
_ENDINGS = re.compile(r"\r\n|\r|\n")


def endings(text: str) -> list[str]:
    """The line endings of ``text``, in order."""
    return _ENDINGS.findall(text)


def splice(text: str, edits: tuple[Edit, ...]) -> str:
    """``text`` with each edit's span replaced by its text."""
    parts, position = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        parts += [text[position : edit.start], edit.text]
        position = edit.end
    return "".join([*parts, text[position:]])


def glossary_of(terms: list[dict[str, object]]) -> Glossary:
    """The generated glossary (the strategy never makes an invalid one)."""
    glossary = glossary_from_parts(terms)
    assert glossary is not None
    return glossary


class TestFixText:
    """apply_fixes on text, with every markup."""

    @PROPERTY
    @given(glossaries_and_texts(), st.sampled_from(sorted(EXTRACTORS)))
    @example(  # found by the long profile: a one-word fix ate a line break
        (
            [
                {"id": "t0", "canonical": "alpha0", "forbidden": ["bravo0"]},
                {"id": "t1", "canonical": "alpha1", "forbidden": ["bravo1 delta1"]},
            ],
            "BRAVO0 \n delta1",
        ),
        "plain",
    )
    def test_only_reported_spans_change(self, case, markup):
        """The fixed text is the original with the applied findings' spans swapped."""
        terms, text = case
        check = functools.partial(check_text, glossary_of(terms), markup=markup)
        findings = check(text)
        result = apply_fixes(text, findings, check=check, near_miss_min=0.8)
        spans = {(f.start, f.end) for f in findings}
        for edit in result.applied:
            assert edit.finding in findings
            assert (edit.start, edit.end) == (edit.finding.start, edit.finding.end)
            assert (edit.start, edit.end) in spans
        ordered = sorted(result.applied, key=lambda e: e.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))
        assert result.text == splice(text, result.applied)
        assert endings(result.text) == endings(text)

    @PROPERTY
    @given(glossaries_and_texts(), st.sampled_from(sorted(EXTRACTORS)))
    def test_fixed_findings_are_gone_and_fixing_again_changes_nothing(
        self, case, markup
    ):
        """Re-checking finds none of the fixed findings; a second fix is a no-op."""
        terms, text = case
        check = functools.partial(check_text, glossary_of(terms), markup=markup)
        result = apply_fixes(text, check(text), check=check, near_miss_min=0.8)
        after = check(result.text)
        shift = 0
        for edit in sorted(result.applied, key=lambda e: e.start):
            start = edit.start + shift
            shift += len(edit.text) - (edit.end - edit.start)
            fixed = edit.finding
            assert not any(
                f.start == start and f.term == fixed.term and f.kind is fixed.kind
                for f in after
            ), (fixed, after)
        again = apply_fixes(result.text, after, check=check, near_miss_min=0.8)
        assert again.text == result.text
        assert again.applied == ()


class TestFixFiles:
    """--fix on files: encoding, BOM and line endings survive; a rerun is a no-op."""

    @PROPERTY
    @given(glossaries_and_texts(), st.sampled_from(ENCODINGS))
    def test_bytes_kept_but_for_the_fixes(self, tmp_path_factory, case, encoding):
        """The file decodes the same way, with the same BOM and line endings."""
        terms, text = case
        assume("\0" not in text[:8192])  # a NUL early on makes a file binary
        glossary = glossary_of(terms)
        bom, codec = encoding
        folder = tmp_path_factory.mktemp("fix")
        path = folder / "doc.txt"
        path.write_bytes(bom + text.encode(codec))
        expected = apply_fixes(
            text,
            check_text(glossary, text, path="doc.txt"),
            check=functools.partial(check_text, glossary, path="doc.txt"),
        ).text
        (result,) = _fix(folder, glossary).results
        assert result.error is None, result.error
        data = path.read_bytes()
        assert data.startswith(bom)
        assert data == bom + expected.encode(codec)
        assert endings(expected) == endings(text)
        assert [p.name for p in folder.iterdir()] == ["doc.txt"]  # no leftovers
        (again,) = _fix(folder, glossary).results
        assert again.fix is not None
        assert not again.fix.written
        assert path.read_bytes() == data


def _fix(folder: Path, glossary: Glossary):
    """Run --fix on ``folder/doc.txt`` from inside ``folder``."""
    previous = Path.cwd()
    os.chdir(folder)
    try:
        settings_ = FixSettings(write=True, trees=checked_trees(["doc.txt"]))
        return check_paths(glossary, ["doc.txt"], after=PostCheck(settings_))
    finally:
        os.chdir(previous)
