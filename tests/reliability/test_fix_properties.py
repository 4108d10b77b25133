"""Properties of --fix over generated glossaries and documents (hypothesis).

One round of fixing changes no character outside the findings it reports as
fixed (but the letter case of canonical words beside them that it absorbs),
leaves none of those findings behind, never puts a run of a canonical form's
words twice in a row where the text did not have it, never rewrites quoted
text unless asked; fixing until a round changes nothing (as --fix does) is
idempotent and keeps the file's encoding, byte order mark and every line
ending. Example-based fix tests are in tests/test_fix.py,
tests/test_postcheck.py and tests/test_cli_fix_safety.py.
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
from termcheck.fix import QUOTED, Edit, apply_fixes, settle
from termcheck.model import Glossary
from termcheck.postcheck import FixSettings, PostCheck
from termcheck.quotes import quotations
from termcheck.runner import check_paths
from termcheck.tokens import SPACE, tokenize
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
        """The fixed text is the original with the applied findings' spans swapped.

        An edit may reach over words of the canonical form beside its finding
        (absorbed, not repeated); those keep their letters but for case.
        """
        terms, text = case
        glossary = glossary_of(terms)
        check = functools.partial(check_text, glossary, markup=markup)
        findings = check(text)
        result = apply_fixes(
            text, findings, check=check, near_miss_min=0.8, markup=markup
        )
        spans = {(f.start, f.end) for f in findings}
        for edit in result.applied:
            finding = edit.finding
            assert finding in findings
            assert (finding.start, finding.end) in spans
            assert edit.start <= finding.start <= finding.end <= edit.end
            head = text[edit.start : finding.start]
            tail = text[finding.end : edit.end]
            assert edit.text[: len(head)].casefold() == head.casefold()
            assert edit.text[len(edit.text) - len(tail) :].casefold() == tail.casefold()
        ordered = sorted(result.applied, key=lambda e: e.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))
        assert result.text == splice(text, result.applied)
        assert endings(result.text) == endings(text)

    @PROPERTY
    @given(glossaries_and_texts(), st.sampled_from(sorted(EXTRACTORS)))
    @example(  # found by the long profile: a fix possible once its neighbours are
        (
            [
                {
                    "id": "t0",
                    "canonical": "bravo0 charlie0",
                    "forbidden": ["alpha0", {"regex": "- ??"}],
                }
            ],
            "alpha0 ---- alpha0 alpha0",
        ),
        "plain",
    )
    @example(  # found by the long profile: absorbing a word the text had twice
        (
            [
                {
                    "id": "t0",
                    "canonical": "alpha0 bravo0",
                    "forbidden": ["charlie0"],
                    "case": "sensitive",
                }
            ],
            "ALPHA0 BRAVO0 alpha0 ALPHA0 BRAVO0",
        ),
        "asciidoc",
    )
    def test_fixed_findings_are_gone_and_fixing_again_changes_nothing(
        self, case, markup
    ):
        """Re-checking finds none of the fixed findings; fixing until settled,
        a second fix is a no-op."""
        terms, text = case
        check = functools.partial(check_text, glossary_of(terms), markup=markup)
        fix = functools.partial(
            apply_fixes, check=check, near_miss_min=0.8, markup=markup
        )
        result = fix(text, check(text))
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
        settled = settle(fix, text, check(text))
        again = fix(settled.text, check(settled.text))
        assert again.text == settled.text
        assert again.applied == ()


@st.composite
def quoted_cases(draw: st.DrawFn) -> tuple[list[dict[str, object]], str]:
    """Generated glossaries and texts with quotation marks and block quotes added."""
    terms, text = draw(glossaries_and_texts())
    marks = st.sampled_from(
        [
            ("\u201c", "\u201d"),
            ('"', '"'),
            ("\u2018", "\u2019"),
            ("\u00ab ", " \u00bb"),
            ("\u201e", "\u201c"),
            ("\u300c", "\u300d"),
            ("\n> ", "\n"),
            ("<q>", "</q>"),
            ("``", "''"),
        ]
    )
    for opening, closing in draw(st.lists(marks, max_size=3)):
        first = draw(st.integers(0, len(text)))
        last = draw(st.integers(first, len(text)))
        text = text[:first] + opening + text[first:last] + closing + text[last:]
    return terms, text


def prose_words(text: str, markup: str) -> list[tuple[str, int, int, bool]]:
    """(key, start, end, joined) of every word of the prose; joined: only white
    space holding at most one line break since the word before."""
    masked = EXTRACTORS[markup](text).masked
    tokens = tokenize(masked)
    words = []
    for number, key in enumerate(tokens.keys):
        start, end = tokens.starts[number], tokens.ends[number]
        joined = False
        if number and tokens.seps[number] == SPACE:
            gap = masked[tokens.ends[number - 1] : start]
            joined = len(endings(gap)) <= 1
        base = key[:-2] if key.endswith("'s") else key.removesuffix("'")
        words.append((base, start, end, joined))
    return words


def new_words(new: str, old: str) -> tuple[int, int] | None:
    """Where the words of ``new`` that ``old`` lacks are: words both share at
    either end (a case fix) are not new. None when there are none."""
    words = prose_words(new, "plain")
    keys = [w[0] for w in prose_words(old, "plain")]
    same = 0
    while same < min(len(words), len(keys)) and words[same][0] == keys[same]:
        same += 1
    tail = 0
    while (
        tail < min(len(words), len(keys)) - same
        and words[-1 - tail][0] == keys[-1 - tail]
    ):
        tail += 1
    if same + tail >= len(words):
        return None
    return words[same][1], words[len(words) - tail - 1][2]


def runs_of(canonical: str) -> set[tuple[str, ...]]:
    """Every run of consecutive words of a canonical form, as keys."""
    keys = tokenize(canonical).keys
    return {
        tuple(keys[i : i + size])
        for size in range(1, len(keys) + 1)
        for i in range(len(keys) - size + 1)
    }


class TestFixNeverDamages:
    """No doubled canonical words; quoted text untouched unless asked."""

    @PROPERTY
    @given(glossaries_and_texts(), st.sampled_from(sorted(EXTRACTORS)))
    @example(
        (
            [
                {
                    "id": "t0",
                    "canonical": "alpha0 bravo0",
                    "forbidden": ["charlie0 delta0"],
                }
            ],
            "charlie0 delta0 bravo0 alpha0 charlie0 delta0",
        ),
        "plain",
    )
    @example(  # found by the long profile: a case fix beside its own first word
        (
            [
                {
                    "id": "t0",
                    "canonical": "alpha0 bravo0",
                    "forbidden": ["charlie0"],
                    "case": "sensitive",
                }
            ],
            "ALPHA0 BRAVO0 alpha0 ALPHA0 BRAVO0",
        ),
        "asciidoc",
    )
    def test_no_canonical_run_doubled(self, case, markup):
        """A run of a canonical's words twice in a row comes from the input.

        Both copies must stand for the same words of the input: untouched text
        twice, or one wording fixed twice ("OBOR OBOR"). A copy made of new
        words beside untouched ones, or of two different wordings, is the
        doubling --fix must never produce.
        """
        terms, text = case
        glossary = glossary_of(terms)
        check = functools.partial(check_text, glossary, markup=markup)
        result = apply_fixes(
            text, check(text), check=check, near_miss_min=0.8, markup=markup
        )
        runs = set().union(*(runs_of(term.canonical) for term in glossary))
        inserted = []  # (start, end, label) of new words in the fixed text
        moved = 0
        for edit in sorted(result.applied, key=lambda e: e.start):
            head = edit.finding.start - edit.start
            tail = edit.end - edit.finding.end
            new = edit.text[head : len(edit.text) - tail]
            start = edit.start + moved + head
            span = new_words(new, edit.finding.matched)
            if span is not None:
                label = (
                    edit.finding.matched.casefold().split(),
                    new.casefold().split(),
                )
                inserted.append((start + span[0], start + span[1], str(label)))
            moved += len(edit.text) - (edit.end - edit.start)
        words = prose_words(result.text, markup)
        origins = []
        for key, start, _end, _joined in words:
            inside = [i for i, (s, e, _) in enumerate(inserted) if s <= start < e]
            if inside:
                number = inside[0]
                place = sum(
                    1 for _k, s, _e, _j in words if inserted[number][0] <= s < start
                )
                origins.append((inserted[number][2], place))
            else:
                origins.append((key, -1))
        for size in range(1, max(map(len, runs), default=0) + 1):
            for at in range(len(words) - 2 * size + 1):
                pair = words[at : at + 2 * size]
                keys = tuple(w[0] for w in pair)
                if keys[:size] != keys[size:] or keys[:size] not in runs:
                    continue
                if not all(w[3] for w in pair[1:]):
                    continue
                left = origins[at : at + size]
                right = origins[at + size : at + 2 * size]
                within_one = len({o[0] for o in left + right}) == 1 and all(
                    o[1] >= 0 for o in left + right
                )
                assert left == right or within_one, (keys, result.text)

    @PROPERTY
    @given(quoted_cases(), st.sampled_from(sorted(EXTRACTORS)), st.booleans())
    def test_quoted_text_unchanged_unless_asked(self, case, markup, fix_quotes):
        """No fix touches a quotation unless asked; asked, quoted findings are fixed."""
        terms, text = case
        glossary = glossary_of(terms)
        check = functools.partial(
            check_text, glossary, markup=markup, inline_config=False
        )
        findings = check(text)
        result = apply_fixes(
            text, findings, check=check, markup=markup, fix_quotes=fix_quotes
        )
        quoted = quotations(text, EXTRACTORS[markup](text).masked, markup)
        for finding in findings:
            assert finding.quoted == quoted.covers(finding.start, finding.end)
        if fix_quotes:
            assert all(skip.reason != QUOTED for skip in result.skipped)
            return
        assert not any(edit.finding.quoted for edit in result.applied)
        for start, end in zip(quoted.starts, quoted.ends, strict=True):
            moved = sum(
                len(e.text) - (e.end - e.start)
                for e in result.applied
                if e.end <= start
            )
            touched = [e for e in result.applied if e.start < end and e.end > start]
            if not touched:
                assert result.text[start + moved : end + moved] == text[start:end]
            else:  # only absorbed canonical words, kept as written
                for edit in touched:
                    assert edit.finding.start >= end or edit.finding.end <= start
                    head = text[edit.start : edit.finding.start]
                    tail = text[edit.finding.end : edit.end]
                    assert edit.text.startswith(head)
                    assert edit.text.endswith(tail)


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
        check = functools.partial(check_text, glossary, path="doc.txt")
        expected = settle(
            functools.partial(apply_fixes, check=check), text, check(text)
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
