"""Tests for the pure autofix: case carry-over, inflection, overlaps, safety, diffs."""

from __future__ import annotations

import functools
import subprocess
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.checker import check_text
from termcheck.fix import FixResult, apply_fixes, settle, unified_diff
from termcheck.model import Form, Glossary, Kind, Status, Term
from tests.profiles import examples
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()


def fix(text: str, glossary: Glossary = GLOSSARY, **options: float) -> str:
    """Fix ``text`` the way ``--fix`` does (re-check included) and return it."""
    check = functools.partial(check_text, glossary, path="t.md")
    near = options.get("near_miss_min")
    return apply_fixes(text, check(text), check=check, near_miss_min=near).text


class TestApplyFixesCase:
    """Fixing real text carries each case style over."""

    def test_each_style_in_context(self):
        """lower, sentence start, ALL CAPS and Title Case, in one text."""
        text = (
            "They praised the community of human destiny. "
            "community of common destiny was named. "
            "THE COMMUNITY OF HUMAN DESTINY! "
            "A Community Of Human Destiny Summit; "
            "note: community of human destiny."
        )
        assert fix(text) == (
            "They praised the community with a shared future for mankind. "
            "Community with a shared future for mankind was named. "
            "THE COMMUNITY WITH A SHARED FUTURE FOR MANKIND! "
            "A Community with a Shared Future for Mankind Summit; "
            "note: community with a shared future for mankind."
        )

    def test_case_findings_take_canonical(self):
        """A wrong-case use of a case-sensitive term becomes the canonical."""
        assert fix("See the global security initiative.") == (
            "See the Global Security Initiative."
        )
        assert fix("GLOBAL SECURITY INITIATIVE rules.") == (
            "Global Security Initiative rules."
        )

    def test_typographic_apostrophe_is_kept(self):
        """A possessive with ’ is fixed; the canonical carries the ending and ’."""
        assert fix("The community of human destiny\u2019s plan.") == (
            "The community with a shared future for mankind\u2019s plan."
        )


class TestApplyFixesInflection:
    """Plural and possessive endings are kept only where the canonical is regular."""

    def test_plural_kept(self):
        """'communities of human destiny' -> plural canonical head."""
        assert fix("Two communities of human destiny met.") == (
            "Two communities with a shared future for mankind met."
        )

    def test_possessive_kept(self):
        """A possessive on the last word moves to the canonical's last word."""
        assert fix("The community of common destiny's critics.") == (
            "The community with a shared future for mankind's critics."
        )

    def test_plural_possessive_kept(self):
        """A plural possessive stays a plural possessive."""
        assert fix("The communities of common destiny' critics.") == (
            "The communities with a shared future for mankind' critics."
        )

    def test_irregular_plural_reported_not_touched(self):
        """A canonical ending in an irregular noun is left alone, with a reason."""
        glossary = Glossary(
            (
                Term(
                    "chair",
                    "chairman",
                    forbidden=(Form("chairperson", Status.FORBIDDEN),),
                ),
            )
        )
        text = "Both chairpersons spoke; the chairperson left."
        check = functools.partial(check_text, glossary, path="t.md")
        result = apply_fixes(text, check(text), check=check)
        assert result.text == "Both chairpersons spoke; the chairman left."
        (skip,) = result.skipped
        assert skip.finding.matched == "chairpersons"
        assert "no regular plural" in skip.reason


class TestApplyFixesSafety:
    """Overlaps, new findings, near-misses, line breaks, idempotence."""

    def test_overlapping_findings_are_never_both_applied(self, make_finding):
        """Two findings over the same words: neither is applied, both reported."""
        text = "the One Belt One Road plan"
        first = make_finding(start=4, end=21, matched="One Belt One Road")
        second = make_finding(
            start=13, end=26, matched="One Road plan", replacement="Road Plan"
        )
        result = apply_fixes(text, [first, second])
        assert result.text == text
        assert [s.finding for s in result.skipped] == [first, second]
        assert all(s.reason == "overlaps another finding" for s in result.skipped)

    def test_non_overlapping_neighbours_both_applied(self, make_finding):
        """Findings that only touch are both applied, right to left."""
        text = "OBOROBOR"
        first = make_finding(start=0, end=4)
        second = make_finding(start=4, end=8, replacement="BRI")
        result = apply_fixes(text, [first, second])
        assert result.text == "Belt and Road InitiativeBRI"

    def test_replacement_creating_a_finding_is_skipped(self):
        """A replacement that forms another term's forbidden phrase is not applied."""
        glossary = Glossary(
            (
                Term("x", "big", forbidden=(Form("huge", Status.FORBIDDEN),)),
                Term("y", "large car", forbidden=(Form("big car", Status.FORBIDDEN),)),
            )
        )
        text = "A huge car; huge plans."
        check = functools.partial(check_text, glossary, path="t.md")
        result = apply_fixes(text, check(text), check=check)
        assert result.text == "A huge car; big plans."
        (skip,) = result.skipped
        assert skip.finding.start == 2
        assert "would create a new forbidden finding" in skip.reason
        assert '"big car", y' in skip.reason
        assert [f.matched for f in result.findings] == ["huge"]

    def test_replacement_creating_inconsistency_is_skipped(self):
        """Fixing to the canonical where the text uses an allowed form is skipped."""
        text = (
            "A community with a shared future for humanity; again the community "
            "with a shared future for humanity; once a community of human destiny."
        )
        check = functools.partial(check_text, GLOSSARY, path="t.md")
        result = apply_fixes(text, check(text), check=check)
        assert result.text == text
        (skip,) = result.skipped
        assert "inconsistent" in skip.reason

    def test_near_misses_need_a_score(self):
        """Near-misses are fixed only with near_miss_min, at or above it."""
        text = "We back the comunity with a shared future for mankind."
        assert fix(text) == text
        fixed = "We back the community with a shared future for mankind."
        assert fix(text, near_miss_min=0.9) == fixed
        assert fix(text, near_miss_min=0.999) == text

    def test_inconsistent_findings_are_not_fixed(self):
        """Only forbidden, case and (on request) near-miss findings are rewritten."""
        text = (
            "The Charter of the United Nations and the Charter of the United "
            "Nations, then the United Nations Charter."
        )
        assert fix(text) == text

    def test_line_break_with_no_room_in_the_replacement_is_not_fixed(
        self, make_finding
    ):
        """A two-line match fixed by one word would join two lines: skipped."""
        finding = make_finding(
            start=4, end=12, matched="One\nRoad", replacement="BRI", end_line=2
        )
        result = apply_fixes("Old One\nRoad.", [finding])
        assert result.text == "Old One\nRoad."
        (skip,) = result.skipped
        assert "no room for the line break" in skip.reason

    def test_line_break_inside_match_is_kept(self):
        """A term wrapped across lines keeps its line break (and CRLF) when fixed."""
        text = "We saw a community of\r\n  common destiny grow.\r\n"
        fixed = fix(text)
        assert fixed.count("\r\n") == 2
        assert "\n" not in fixed.replace("\r\n", "")
        assert " ".join(fixed.split()) == (
            "We saw a community with a shared future for mankind grow."
        )

    def test_protected_findings_are_left_alone(self, make_finding):
        """Baselined findings are not rewritten."""
        finding = make_finding(start=0, end=4)
        assert apply_fixes("OBOR", [finding], protected=[finding]).text == "OBOR"

    def test_map_offset_follows_edits(self, make_finding):
        """Offsets after an edit move by the length it added."""
        result = apply_fixes("OBOR and x", [make_finding(start=0, end=4)])
        assert result.map_offset(9) == 9 + len("Belt and Road Initiative") - 4

    texts = st.lists(
        st.sampled_from(
            [
                "community of human destiny",
                "Communities of common destiny",
                "COMMUNITY OF HUMAN DESTINY'S",
                "One Belt One Road",
                "OBOR",
                "e-mail",
                "global security initiative",
                "comunity with a shared future for mankind",
                "community with a shared future for humanity",
                "人类共同命运",
                ". ",
                ", ",
                "\n",
                "\r\n",
                "\n\n",
                " ",
                "the",
                "of",
                "Huge",
            ]
        ),
        max_size=14,
    ).map(" ".join)

    @settings(max_examples=examples(150), deadline=None)
    @given(texts)
    def test_idempotent_and_no_new_findings(self, text):
        """A second fix changes nothing, and fixing adds no finding."""
        check = functools.partial(check_text, GLOSSARY, path="t.md")
        before = check(text)
        first = apply_fixes(text, before, check=check, near_miss_min=0.9)
        second = apply_fixes(
            first.text, check(first.text), check=check, near_miss_min=0.9
        )
        assert second.text == first.text
        assert not second.applied
        assert len(first.findings) <= len(before)
        old = {(f.term, f.kind, f.matched) for f in before}
        assert all((f.term, f.kind, f.matched) in old for f in first.findings)

    def test_no_check_means_no_recheck(self, make_finding):
        """Without a checker the edits are applied as they are."""
        result = apply_fixes("OBOR", [make_finding(start=0, end=4)])
        assert result.text == "Belt and Road Initiative"
        assert result.findings == ()
        assert result.changed

    def test_directive_findings_are_not_fixed(self, make_finding):
        """Kinds other than forbidden, case and near-miss are never rewritten."""
        finding = make_finding(kind=Kind.DIRECTIVE, start=0, end=4)
        assert not apply_fixes("OBOR", [finding]).changed
        unfixable = replace(finding, kind=Kind.INCONSISTENT)
        assert not apply_fixes("OBOR", [unfixable]).changed


class TestSettle:
    """Fixing again until a round changes nothing."""

    def test_rounds_until_nothing_changes(self, make_finding):
        """Each round gets the last one's text; edits add up; skips are the last's."""
        seen: list[str] = []

        def one_round(text, findings):
            seen.append(text)
            if "OBOR" not in text:
                return FixResult(text, findings=tuple(findings))
            start = text.index("OBOR")
            finding = make_finding(start=start, end=start + 4)
            return apply_fixes(text, [finding])

        result = settle(one_round, "OBOR and OBOR", [])
        assert result.text == "Belt and Road Initiative and Belt and Road Initiative"
        assert len(result.applied) == 2
        assert seen == [
            "OBOR and OBOR",
            "Belt and Road Initiative and OBOR",
            "Belt and Road Initiative and Belt and Road Initiative",
        ]

    def test_one_round_when_nothing_changes(self):
        """A text with nothing to fix is looked at once."""
        calls = []

        def one_round(text, findings):
            calls.append(text)
            return FixResult(text)

        assert not settle(one_round, "text", []).changed
        assert calls == ["text"]


class TestUnifiedDiff:
    """Diffs are unified, keep line endings, and apply with git."""

    def test_no_change_no_diff(self):
        """An unchanged text gives an empty diff."""
        assert unified_diff("a.md", "x\n", "x\n") == ""

    def test_header_and_hunk(self):
        """The diff names a/ and b/ paths and shows the changed line."""
        diff = unified_diff("docs/a.md", "one\nOBOR\nthree\n", "one\nBRI\nthree\n")
        assert diff.splitlines()[:2] == ["--- a/docs/a.md", "+++ b/docs/a.md"]
        assert "-OBOR\n+BRI\n" in diff

    def test_missing_final_newline_is_marked(self):
        """A last line without a newline is marked as diff(1) does."""
        diff = unified_diff("a.md", "x\nOBOR", "x\nBRI")
        assert "-OBOR\n\\ No newline at end of file\n+BRI\n\\ No newline" in diff

    @pytest.mark.parametrize(
        "before",
        [
            "one\nOBOR here\nthree\n",
            "one\r\nOBOR here\r\nthree\r\n",
            "one\nthree\nOBOR here",
            "OBOR\n" + "filler line\n" * 12 + "OBOR again\n",
        ],
    )
    def test_git_apply_reproduces_the_fix(self, tmp_path, before):
        """``git apply`` of the diff turns the old file into the fixed one."""
        after = before.replace("OBOR", "Belt and Road Initiative")
        (tmp_path / "a.md").write_bytes(before.encode())
        (tmp_path / "fix.diff").write_bytes(
            unified_diff("a.md", before, after).encode()
        )
        subprocess.run(
            ["git", "apply", "--whitespace=nowarn", "fix.diff"],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            timeout=60,
        )
        assert (tmp_path / "a.md").read_bytes() == after.encode()
