"""Bilingual consistency: a source term must be rendered by its target wording.

For each aligned segment pair, every term of the source-language glossary found
in the source segment must appear in the target segment in an accepted wording
(canonical or allowed) of the same concept in the target-language glossary.
Where it does not, the target segment gets a ``mistranslated`` finding: at the
forbidden or near-miss rendering it has, or over the whole segment if it has
none. Concepts are paired by term id (TBX concept ids, or the ids of two YAML
glossaries).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from termcheck.casing import carry_case
from termcheck.errors import GlossaryError
from termcheck.glossary import load_glossary
from termcheck.interchange.tbx import read_tbx
from termcheck.interchange.xmlsafe import XML_LANG, local_name, parse_xml
from termcheck.languages import primary
from termcheck.matcher import find_matches
from termcheck.model import FileResult, Finding, Glossary, Kind, Match, Report, Term
from termcheck.segments import Segment, Segments
from termcheck.text import LineIndex

__all__ = ["GlossaryPair", "check_pair", "load_glossary_pair"]


@dataclass(frozen=True, slots=True)
class GlossaryPair:
    """The source-language and target-language glossaries of one term base."""

    source: Glossary
    target: Glossary


def load_glossary_pair(
    sources: Sequence[str], source_language: str, target_language: str
) -> GlossaryPair:
    """A TBX with both languages, or YAML glossaries of the two languages.

    Languages default to those the segments file declares, else (TBX) to the
    file's own ``xml:lang`` as source and the other language as target, else
    (YAML) to the first glossary's language as source.
    """
    if len(sources) == 1 and sources[0].casefold().endswith(".tbx"):
        path = sources[0]
        present = tbx_languages(path)
        if not source_language or not target_language:
            source_language, target_language = _default_languages(
                present, source_language, target_language, path
            )
        source_language = _closest(present, source_language)
        target_language = _closest(present, target_language)
        return GlossaryPair(
            _from_tbx(path, source_language), _from_tbx(path, target_language)
        )
    glossaries = [load_glossary(source) for source in sources]
    languages = [glossary.language for glossary in glossaries]
    source_language = source_language or languages[0]
    target_language = target_language or next(
        (tag for tag in languages if primary(tag) != primary(source_language)), ""
    )
    source_side = [
        s for s, g in zip(sources, glossaries, strict=True) if _is(g, source_language)
    ]
    target_side = [
        s for s, g in zip(sources, glossaries, strict=True) if _is(g, target_language)
    ]
    if not source_side or not target_side:
        raise GlossaryError(
            f"need glossaries of both languages ({source_language or '?'} and "
            f"{target_language or '?'}); given: {', '.join(languages)}",
            sources[0],
        )
    return GlossaryPair(load_glossary(*source_side), load_glossary(*target_side))


def _closest(present: list[str], wanted: str) -> str:
    """The term base's own tag for ``wanted`` (zh for zh-CN), else ``wanted``."""
    if wanted in present:
        return wanted
    return next((tag for tag in present if primary(tag) == primary(wanted)), wanted)


def _is(glossary: Glossary, language: str) -> bool:
    return bool(language) and primary(glossary.language) == primary(language)


def tbx_languages(path: str) -> list[str]:
    """The languages of a TBX file's language sections, root language first."""
    root = parse_xml(Path(path).read_bytes(), path)
    found = [root.get(XML_LANG, "")]
    for element in root.iter():
        if local_name(element.tag) in ("langSec", "langSet"):
            found.append(element.get(XML_LANG, ""))
    return list(dict.fromkeys(tag for tag in found if tag))


def _default_languages(
    present: list[str], source: str, target: str, path: str
) -> tuple[str, str]:
    given = {primary(tag) for tag in (source, target) if tag}
    others = [tag for tag in present if primary(tag) not in given]
    source = source or (others.pop(0) if others else "")
    target = target or (others.pop(0) if others else "")
    if not source or not target:
        raise GlossaryError(
            "the term base needs two languages; choose them with --source-lang "
            f"and --target-lang (present: {', '.join(present) or 'none'})",
            path,
        )
    return source, target


def _from_tbx(path: str, language: str) -> Glossary:
    imported = read_tbx(Path(path), language)
    tag = "" if primary(language) == "en" else language
    terms = tuple(dataclasses.replace(term, language=tag) for term in imported.terms)
    return Glossary(terms, (path,), imported.name, language)


def check_pair(pair: GlossaryPair, segments: Segments) -> Report:
    """The ``mistranslated`` findings of every segment pair, as one file's report."""
    lines = LineIndex(segments.target_text)
    findings: list[Finding] = []
    for number, segment in enumerate(segments.pairs, start=1):
        findings.extend(_check_segment(pair, segment, number, segments, lines))
    findings.sort(key=lambda f: (f.start, f.term))
    return Report((FileResult(segments.target_path, tuple(findings)),))


def _check_segment(
    pair: GlossaryPair,
    segment: Segment,
    number: int,
    segments: Segments,
    lines: LineIndex,
) -> list[Finding]:
    mentioned: dict[str, Match] = {}
    for match in find_matches(pair.source, segment.source):
        if match.exact and match.term_id in pair.target:
            mentioned.setdefault(match.term_id, match)
    if not mentioned:
        return []
    rendered = find_matches(pair.target, segment.target)
    found = []
    for term_id, source_match in mentioned.items():
        term = pair.target[term_id]
        uses = [m for m in rendered if m.term_id == term_id]
        if any(m.exact and m.form.status.accepted for m in uses):
            continue
        said = segment.source[source_match.start : source_match.end]
        found.append(_finding(term, said, uses, number, segment, segments, lines))
    return found


def _finding(
    term: Term,
    said: str,
    uses: list[Match],
    number: int,
    segment: Segment,
    segments: Segments,
    lines: LineIndex,
) -> Finding:
    said = " ".join(said.split())
    if uses:
        start, end = uses[0].start, uses[0].end
        wrong = " ".join(segment.target[start:end].split())
        message = (
            f'"{said}" of source segment {number} is rendered "{wrong}"; '
            f'use "{term.canonical}"'
        )
        replacement: str | None = carry_case(
            term.canonical,
            segment.target[start:end],
            uses[0].form.text if not uses[0].form.regex else None,
            case_sensitive=term.case_sensitive,
            sentence_start=False,
        )
    else:
        start, end = 0, len(segment.target)
        message = (
            f'"{said}" of source segment {number} is not rendered; the '
            f'translation should say "{term.canonical}"'
        )
        replacement = None
    file_start = segment.offsets[start] if segment.offsets else 0
    file_end = segment.offsets[end - 1] + 1 if end > start else file_start
    line, column = lines.position(file_start)
    end_line, end_column = lines.end_position(file_end)
    return Finding(
        path=segments.target_path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=file_start,
        end=file_end,
        kind=Kind.MISTRANSLATED,
        severity=term.severity,
        term=term.id,
        canonical=term.canonical,
        matched=segments.target_text[file_start:file_end],
        score=1.0,
        message=f"{message}. {term.note}" if term.note else message,
        replacement=replacement,
        fixable=False,
        fix_note="a translation is fixed by a translator",
    )
