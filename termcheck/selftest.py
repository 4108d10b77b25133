"""Run the ``examples`` of each glossary term against the checker."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from termcheck.model import Finding, Glossary, Term

__all__ = ["ExampleFailure", "Expectation", "count_examples", "run_examples"]


class Expectation(enum.Enum):
    """What an example sentence should give for its own term."""

    FINDING = "a finding"  # a ``bad`` example
    NO_FINDING = "no finding"  # a ``good`` example


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    """An example sentence that did not give what its term expects."""

    term: str
    source: str
    line: int
    example: str
    expectation: Expectation
    findings: tuple[Finding, ...] = ()

    @property
    def message(self) -> str:
        """One line: where the term is, what was expected and what came out."""
        where = f"{self.source}:{self.line}" if self.line else self.source
        prefix = f"{where}: " if where else ""
        kind = "bad" if self.expectation is Expectation.FINDING else "good"
        got = "; ".join(
            f"{f.kind.value} {f.matched!r} at column {f.column}" for f in self.findings
        )
        return (
            f"{prefix}term {self.term!r}: {kind} example {self.example!r} "
            f"should give {self.expectation.value}, got {got or 'none'}"
        )


def run_examples(glossary: Glossary) -> list[ExampleFailure]:
    """Check every example of every term; return those that fail, in term order."""
    from termcheck.checker import check_text  # the matcher is heavy: load on use

    failures: list[ExampleFailure] = []
    for term in glossary:
        cases = [(text, Expectation.FINDING) for text in term.examples.bad]
        cases += [(text, Expectation.NO_FINDING) for text in term.examples.good]
        for text, expectation in cases:
            found = check_text(glossary, text, path=f"<{term.id} example>")
            own = tuple(f for f in found if f.term == term.id)
            if bool(own) != (expectation is Expectation.FINDING):
                failures.append(_failure(term, text, expectation, own))
    return failures


def _failure(
    term: Term, text: str, expectation: Expectation, findings: tuple[Finding, ...]
) -> ExampleFailure:
    """Build the failure record of one example."""
    return ExampleFailure(term.id, term.source, term.line, text, expectation, findings)


def count_examples(glossary: Glossary) -> int:
    """How many example sentences the glossary holds."""
    return sum(len(t.examples.bad) + len(t.examples.good) for t in glossary)
