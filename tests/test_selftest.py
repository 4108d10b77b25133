"""Tests for termcheck.selftest: running the examples of glossary terms."""

from __future__ import annotations

import pytest

from termcheck.model import Examples, Form, Glossary, Status, Term
from termcheck.selftest import Expectation, count_examples, run_examples

pytestmark = pytest.mark.usefixtures("fake_checker")


def _term(bad: tuple[str, ...] = (), good: tuple[str, ...] = ()) -> Term:
    """A term whose only forbidden form is ``OBOR``."""
    return Term(
        id="bri",
        canonical="Belt and Road Initiative",
        forbidden=(Form("OBOR", Status.FORBIDDEN),),
        examples=Examples(bad=bad, good=good),
        source="g.yaml",
        line=4,
    )


class TestRunExamples:
    """run_examples reports examples that do not behave as their term expects."""

    def test_passing_examples(self, small_glossary):
        """Examples that behave give no failure."""
        assert run_examples(small_glossary) == []

    def test_bad_example_without_finding_fails(self):
        """A bad example the checker does not flag is a failure."""
        glossary = Glossary((_term(bad=("all fine here", "OBOR loans")),))
        (failure,) = run_examples(glossary)
        assert failure.example == "all fine here"
        assert failure.expectation is Expectation.FINDING
        assert failure.findings == ()
        assert (failure.term, failure.source, failure.line) == ("bri", "g.yaml", 4)

    def test_good_example_with_finding_fails(self):
        """A good example that the checker flags for its term is a failure."""
        glossary = Glossary((_term(good=("the OBOR plan",)),))
        (failure,) = run_examples(glossary)
        assert failure.expectation is Expectation.NO_FINDING
        assert [f.matched for f in failure.findings] == ["OBOR"]

    def test_other_terms_findings_ignored(self):
        """Findings of other terms neither satisfy a bad example nor fail a good one."""
        other = Term(id="x", canonical="X", forbidden=(Form("OBOR", Status.FORBIDDEN),))
        glossary = Glossary((_term(bad=("nothing",)), other))
        mine = Term(id="y", canonical="Y", examples=Examples(good=("OBOR",)))
        failures = run_examples(Glossary((*glossary.terms, mine)))
        assert [(f.term, f.example) for f in failures] == [("bri", "nothing")]

    def test_messages(self):
        """Messages say where the term is, what was expected and what came out."""
        glossary = Glossary((_term(bad=("fine",), good=("OBOR",)),))
        bad, good = run_examples(glossary)
        assert bad.message == (
            "g.yaml:4: term 'bri': bad example 'fine' should give a finding, got none"
        )
        assert good.message == (
            "g.yaml:4: term 'bri': good example 'OBOR' should give no finding, "
            "got forbidden 'OBOR' at column 1"
        )

    def test_count_examples(self, small_glossary):
        """count_examples adds up the bad and good examples of all terms."""
        assert count_examples(small_glossary) == 2
        assert count_examples(Glossary(())) == 0
