"""Shared fixtures: a clean colour environment, hand-built findings, a fake matcher."""

from __future__ import annotations

import os
import re
import sys
import types
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from termcheck.directives import Outcome
from termcheck.model import (
    Examples,
    Finding,
    Form,
    Glossary,
    Kind,
    Severity,
    Status,
    Term,
)

FindingFactory = Callable[..., Finding]

# Hypothesis profiles: "ci" (default) keeps the suite fast; "long" runs 50 times
# as many examples for a thorough local run: HYPOTHESIS_PROFILE=long pytest.
# Tests scale their own example counts with tests.profiles.examples().
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the caller's colour and CI settings from leaking into tests."""
    for name in ("NO_COLOR", "GITHUB_ACTIONS", "TERM", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the on-disk index cache of every test out of the user's cache folder."""
    folder = tmp_path_factory.mktemp("termcheck-cache")
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(folder))


@pytest.fixture
def make_finding() -> FindingFactory:
    """Build a Finding from a few fields; the rest get plausible defaults."""

    def build(**fields: Any) -> Finding:
        values: dict[str, Any] = {
            "path": "doc.md",
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 4,
            "start": 0,
            "end": 3,
            "kind": Kind.FORBIDDEN,
            "severity": Severity.ERROR,
            "term": "bri",
            "canonical": "Belt and Road Initiative",
            "matched": "OBOR",
            "score": 1.0,
            "message": "use 'Belt and Road Initiative' instead of 'OBOR'",
            "replacement": "Belt and Road Initiative",
        }
        values.update(fields)
        return Finding(**values)

    return build


def fake_check_text(
    glossary: Glossary, text: str, *, path: str = "<string>"
) -> list[Finding]:
    """A stand-in matcher: each forbidden form found (any case) is an error."""
    found: list[Finding] = []
    for term in glossary:
        for form in term.forbidden:
            for hit in re.finditer(re.escape(form.text), text, re.IGNORECASE):
                line = text.count("\n", 0, hit.start()) + 1
                column = hit.start() - (text.rfind("\n", 0, hit.start()) + 1) + 1
                found.append(
                    Finding(
                        path,
                        line,
                        column,
                        line,
                        column + len(hit[0]),
                        hit.start(),
                        hit.end(),
                        Kind.FORBIDDEN,
                        term.severity,
                        term.id,
                        term.canonical,
                        hit[0],
                        1.0,
                        f"use {term.canonical!r}",
                        term.canonical,
                    )
                )
    return sorted(found, key=lambda f: f.sort_key)


def fake_check_document(
    glossary: Glossary, text: str, *, path: str = "<string>", **_options: Any
) -> Outcome:
    """The fake matcher's findings, as ``check_document`` returns them."""
    return Outcome(tuple(fake_check_text(glossary, text, path=path)))


@pytest.fixture
def fake_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``termcheck.checker``'s functions the fake matcher above."""
    module = types.ModuleType("termcheck.checker")
    module.check_text = fake_check_text  # type: ignore[attr-defined]
    module.check_document = fake_check_document  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "termcheck.checker", module)


@pytest.fixture
def small_glossary() -> Glossary:
    """Two terms with forbidden forms and examples, built in code."""
    bri = Term(
        id="bri",
        canonical="Belt and Road Initiative",
        forbidden=(Form("One Belt One Road", Status.FORBIDDEN),),
        examples=Examples(
            bad=("One Belt One Road loans",), good=("The Belt and Road Initiative",)
        ),
        source="small.yaml",
        line=3,
    )
    cbm = Term(
        id="cbm",
        canonical="Confidence-Building Measures",
        forbidden=(Form("Confidence Building Measures", Status.FORBIDDEN),),
        severity=Severity.WARNING,
        source="small.yaml",
        line=9,
    )
    return Glossary((bri, cbm), sources=("small.yaml",))
