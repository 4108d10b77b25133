"""Read a Vale Vocab: ``accept.txt`` entries become terms, ``reject.txt`` variants."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Final

from termcheck.errors import GlossaryError
from termcheck.guard import read_named
from termcheck.interchange.model import Imported
from termcheck.matcher import find_matches
from termcheck.model import Form, Glossary, Status, Term

__all__ = ["read_vocab"]

_INSENSITIVE: Final = "(?i)"
_META: Final = frozenset(".^$*+?{}[]()|\\")


def read_vocab(path: Path, lang: str | None = None) -> Imported:
    """Read ``accept.txt`` and ``reject.txt`` of a Vocab folder (either may be missing).

    Each accepted entry is a case-sensitive term, as Vale enforces its letter case
    (an entry starting with ``(?i)`` is case-insensitive). A rejected entry joins
    the accepted term it is a variant of (the same wording in another case, or a
    near-miss by termcheck's matcher); the others are listed in a warning, since a
    term needs a wording to suggest.
    """
    folder = path if path.is_dir() else path.parent
    accept, reject = folder / "accept.txt", folder / "reject.txt"
    if not accept.exists() and not reject.exists():
        raise GlossaryError(
            "no accept.txt or reject.txt in this Vale Vocab folder", str(folder)
        )
    warnings: list[str] = []
    terms: list[Term] = []
    for entry in _entries(accept):
        insensitive = entry.startswith(_INSENSITIVE)
        text = entry.removeprefix(_INSENSITIVE)
        if any(char in _META for char in text):
            warnings.append(
                f"accept.txt: {entry!r} is a pattern, not a wording; skipped"
            )
            continue
        terms.append(Term(id="", canonical=text, case_sensitive=not insensitive))
    terms = _attach_rejected(terms, _entries(reject), warnings)
    return Imported(
        tuple(terms), name=folder.name, language=lang or "en", warnings=tuple(warnings)
    )


def _entries(path: Path) -> list[str]:
    if not path.exists():
        return []
    try:
        text = read_named(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(f"cannot read: {error}", str(path)) from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _attach_rejected(
    terms: list[Term], rejected: list[str], warnings: list[str]
) -> list[Term]:
    """Add each rejected wording to the accepted term it is a variant of."""
    glossary = Glossary(
        tuple(dataclasses.replace(t, id=f"t{n}") for n, t in enumerate(terms))
    )
    extra: dict[int, list[Form]] = {}
    for entry in rejected:
        if any(char in _META for char in entry):
            warnings.append(
                f"reject.txt: {entry!r} is a pattern, not a wording; skipped"
            )
            continue
        owner = _owner(glossary, entry)
        if owner is None:
            warnings.append(
                f"reject.txt: {entry!r} matches no accepted term, so "
                "there is nothing to suggest; skipped"
            )
            continue
        if (
            not terms[owner].case_sensitive
            and entry.casefold() == terms[owner].canonical.casefold()
        ):
            warnings.append(
                f"reject.txt: {entry!r} differs from the "
                "case-insensitive accepted entry only in case; skipped"
            )
            continue
        extra.setdefault(owner, []).append(Form(entry, Status.FORBIDDEN))
    return [
        dataclasses.replace(t, forbidden=t.forbidden + tuple(extra.get(n, ())))
        for n, t in enumerate(terms)
    ]


def _owner(glossary: Glossary, entry: str) -> int | None:
    """The number of the term whose match covers all of ``entry``, if any."""
    for number, term in enumerate(glossary.terms):
        if entry.casefold() == term.canonical.casefold():
            return number
    for match in find_matches(glossary, entry):
        if match.start == 0 and match.end == len(entry):
            return int(match.term_id[1:])
    return None
