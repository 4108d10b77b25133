"""Frozen value types shared by every stage: glossary, term, match, finding, report."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

__all__ = [
    "Examples",
    "ExitCode",
    "FileResult",
    "Finding",
    "FixOutcome",
    "Form",
    "Glossary",
    "Kind",
    "Match",
    "Report",
    "Severity",
    "Skipped",
    "Status",
    "Term",
]


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``max`` picks the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in glossaries, reports and ``--fail-on``."""
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> Severity:
        """Parse ``error``, ``warning`` or ``info``."""
        return cls[label.upper()]


class Kind(enum.Enum):
    """What a finding says about the matched text."""

    FORBIDDEN = "forbidden"
    CASE = "case"
    NEAR_MISS = "near-miss"
    INCONSISTENT = "inconsistent"
    DIRECTIVE = "directive"
    MISTRANSLATED = "mistranslated"  # check-pair: a source term rendered wrongly


class Status(enum.Enum):
    """The standing of one wording of a term."""

    CANONICAL = "canonical"
    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"

    @property
    def accepted(self) -> bool:
        """Canonical and allowed forms are fine on their own."""
        return self is not Status.FORBIDDEN


class ExitCode(enum.IntEnum):
    """Process exit codes, decided once at the edge (cli)."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


@dataclass(frozen=True, slots=True)
class Form:
    """One wording of a term: a literal phrase or a ``regex`` pattern."""

    text: str
    status: Status
    regex: bool = False
    line: int = 0  # 1-based line in the glossary file; 0 when built in code


@dataclass(frozen=True, slots=True)
class Examples:
    """Self-test sentences of a term, run by ``termcheck glossary test``."""

    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    """A concept: its canonical wording and the variants around it."""

    id: str
    canonical: str
    allowed: tuple[Form, ...] = ()
    forbidden: tuple[Form, ...] = ()
    case_sensitive: bool = False
    fuzzy: float | None = 0.88  # None: near-miss search off for this term
    severity: Severity = Severity.ERROR
    note: str = ""
    examples: Examples = Examples()
    source: str = ""  # glossary file the term came from
    line: int = 0
    language: str = ""  # BCP 47 tag; "" means English
    # True: a full-width or half-width spelling of a wording is reported (kind
    # case); None: as ``case_sensitive``.
    width_strict: bool | None = None
    # Inflected forms listed per wording, aligned: the n-th form of a forbidden
    # wording is replaced by the n-th form of the canonical.
    inflections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    segmenter: str = ""  # a dictionary word segmenter for Han text ("jieba")

    @property
    def strict_width(self) -> bool:
        """True when another character width of a wording is reported."""
        return self.case_sensitive if self.width_strict is None else self.width_strict

    @property
    def forms(self) -> tuple[Form, ...]:
        """Canonical first, then allowed, then forbidden forms."""
        return (
            Form(self.canonical, Status.CANONICAL, line=self.line),
            *self.allowed,
            *self.forbidden,
        )


@dataclass(frozen=True, slots=True)
class Glossary:
    """An immutable set of terms loaded from one or more files."""

    terms: tuple[Term, ...]
    sources: tuple[str, ...] = ()
    name: str = ""
    language: str = "en"
    description: str = ""
    _by_id: Mapping[str, Term] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {term.id: term for term in self.terms})

    def __getitem__(self, term_id: str) -> Term:
        return self._by_id[term_id]

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)


@dataclass(frozen=True, slots=True)
class Match:
    """A span of text that the matcher tied to one form of one term.

    ``start``/``end`` are offsets into the checked text (end exclusive).
    ``score`` is 1.0 for exact matches and the near-miss score otherwise.
    ``case_exact`` tells whether the span has the form's exact letter case.
    ``inflection`` is the ending the text added to the form (``"s"``, ``"'s"``...)
    and ``inflected_word`` the index of the form word that carries it.
    """

    term_id: str
    form: Form
    start: int
    end: int
    score: float = 1.0
    case_exact: bool = True
    inflection: str = ""
    inflected_word: int = -1

    @property
    def exact(self) -> bool:
        """True unless this is a near-miss."""
        return self.score >= 1.0


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem, positioned in the original file.

    ``line``/``column`` are 1-based; columns count Unicode code points;
    ``end_column`` is exclusive. ``start``/``end`` are code-point offsets.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    kind: Kind
    severity: Severity
    term: str
    canonical: str
    matched: str
    score: float
    message: str
    replacement: str | None
    # False where --fix must not rewrite the span although it has a replacement:
    # it runs across markup (``community of *human* destiny``), which a rewrite
    # would lose.
    fixable: bool = True
    # True where the span lies inside a quotation (quotation marks, a block
    # quote): someone's words, which --fix rewrites only with --fix-quotes.
    quoted: bool = False
    # Why --fix must leave the span alone, when it is not markup.
    fix_note: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Findings sort by path, line, column, term."""
        return (self.path, self.line, self.column, self.term)


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """What ``--fix`` did to one file.

    ``applied`` are the findings fixed; ``skipped`` pairs a fixable finding left
    alone with the reason; ``diff`` is the unified diff of the change; ``written``
    tells whether the file was rewritten; ``problem`` why it could not be.
    """

    applied: tuple[Finding, ...] = ()
    skipped: tuple[tuple[Finding, str], ...] = ()
    diff: str = ""
    written: bool = False
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """Why a file was passed over unchecked (too large, not a regular file).

    ``label`` groups skips in the summary (``over 50 MiB``); ``warning`` is
    False for a mere note (a FIFO met while walking a folder).
    """

    reason: str
    label: str
    warning: bool = False


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings of one file, or the error that kept it from being checked.

    ``baselined`` counts findings hidden by ``--baseline``; ``fix`` is set when
    the file went through ``--fix`` or ``--diff``; ``skipped`` is set for a
    file passed over unchecked. ``fingerprints``, when set, holds the baseline
    fingerprint of each finding (same order), so that reports need not keep
    the file's text. ``omitted`` counts findings left out of ``findings`` by
    ``--max-findings``, and ``omitted_severity`` is the highest severity among
    them (the exit status still counts them).
    """

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    suppressed: int = 0
    baselined: int = 0
    fix: FixOutcome | None = None
    skipped: Skipped | None = None
    fingerprints: tuple[str, ...] = ()
    omitted: int = 0
    omitted_severity: Severity | None = None

    @property
    def problem(self) -> str | None:
        """Why the file counts as an error: unreadable, or its fix not written."""
        if self.error is not None:
            return self.error
        return self.fix.problem if self.fix is not None else None

    def reaches(self, level: Severity) -> bool:
        """True if a finding, listed or omitted, has ``level`` or a higher one."""
        if self.omitted_severity is not None and self.omitted_severity >= level:
            return True
        return any(finding.severity >= level for finding in self.findings)

    def in_order(self) -> FileResult:
        """This result with its findings sorted by line, column and term."""
        found = self.findings
        if all(a.sort_key <= b.sort_key for a, b in itertools.pairwise(found)):
            return self
        order = sorted(range(len(found)), key=lambda n: found[n].sort_key)
        prints = self.fingerprints
        return replace(
            self,
            findings=tuple(found[n] for n in order),
            fingerprints=tuple(prints[n] for n in order)
            if len(prints) == len(found)
            else (),
        )


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found, in file order, and warnings about the run.

    Iterating a Report gives its results in report order, the order every
    format writes: by path (``check_paths`` checks files in that order), each
    with its findings sorted by line, column and term.
    """

    results: tuple[FileResult, ...] = ()
    warnings: tuple[str, ...] = ()
    _sorted: list[tuple[Finding, ...]] = field(
        default_factory=list, init=False, repr=False, compare=False, hash=False
    )

    def __iter__(self) -> Iterator[FileResult]:
        ordered = sorted(self.results, key=lambda result: result.path)
        return (result.in_order() for result in ordered)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings, sorted by path, line, column and term (sorted once)."""
        if not self._sorted:
            found = [f for result in self.results for f in result.findings]
            self._sorted.append(tuple(sorted(found, key=lambda f: f.sort_key)))
        return self._sorted[0]

    @property
    def errors(self) -> tuple[FileResult, ...]:
        """Files that could not be checked."""
        return tuple(r for r in self.results if r.error is not None)

    @property
    def skipped(self) -> tuple[FileResult, ...]:
        """Files passed over unchecked (too large, not a regular file)."""
        return tuple(r for r in self.results if r.skipped is not None)

    @property
    def checked(self) -> int:
        """How many files were checked (neither in error nor skipped)."""
        return sum(1 for r in self.results if r.error is None and r.skipped is None)

    @property
    def baselined(self) -> int:
        """How many findings ``--baseline`` hid."""
        return sum(result.baselined for result in self.results)

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(
            1 for r in self.results for f in r.findings if f.severity is severity
        )

    def exit_code(self, fail_on: Severity | None) -> ExitCode:
        """2 on input errors, else 1 if a finding reaches ``fail_on`` (None: never)."""
        if self.errors:
            return ExitCode.ERROR
        if fail_on is not None and any(r.reaches(fail_on) for r in self.results):
            return ExitCode.FINDINGS
        return ExitCode.OK
