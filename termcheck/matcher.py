"""One pass over a text for all terms: exact, inflected, regex and near-miss matches."""

from __future__ import annotations

import bisect
import dataclasses
import unicodedata
from dataclasses import dataclass
from typing import Final

from termcheck.casing import line_opener
from termcheck.chains import Chains
from termcheck.index import (
    HEAD,
    PHRASE,
    PREFIX,
    FormRef,
    RegexRef,
    TermIndex,
    build_index,
)
from termcheck.model import Glossary, Match
from termcheck.nearmiss import find_near_misses
from termcheck.normalize import Normalized, normalize_text, width_differs
from termcheck.punctuation import gap_key, with_edges
from termcheck.regex_match import regex_hits
from termcheck.segment import join_words, split_elisions, split_prefixes
from termcheck.tokens import DOT, Tokens, deinflect, tokenize

__all__ = ["REGEX_BUDGET_SECONDS", "find_matches", "index_for", "use_index"]

REGEX_BUDGET_SECONDS: Final = 5.0  # all regex forms together, per text
_CACHE: dict[int, tuple[Glossary, TermIndex]] = {}
_STARTS_LIMIT: Final = 400_000  # text words whose start states an index remembers
_FOLD_CASE_KEEP: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00ad": None})
_OPENERS: Final = frozenset("\"'“‘«([{*_`#>-+|¿¡„‚‹「『（")
_LINE_MARKS: Final = _OPENERS | frozenset(".)")


def index_for(glossary: Glossary) -> TermIndex:
    """The index of ``glossary``, built once per glossary object."""
    cached = _CACHE.get(id(glossary))
    if cached is None or cached[0] is not glossary:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        cached = _CACHE[id(glossary)] = (glossary, build_index(glossary))
    return cached[1]


def use_index(glossary: Glossary, index: TermIndex) -> None:
    """Make ``index`` (built for ``glossary``, e.g. from the disk cache) its index."""
    if len(_CACHE) >= 8:
        _CACHE.clear()
    _CACHE[id(glossary)] = (glossary, index)


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: int  # token positions, inclusive
    last: int
    start: int  # code-point offsets, end exclusive
    end: int
    match: Match

    @property
    def rank(self) -> tuple[int, int, int, float, int]:
        """Longest first; exact before near-miss; higher score; leftmost."""
        return (
            -(self.last - self.first),
            -(self.end - self.start),
            0 if self.match.exact else 1,
            -self.match.score,
            self.start,
        )


def find_matches(glossary: Glossary, text: str) -> list[Match]:
    """All matches in ``text``, at most one per span, sorted by position.

    The text is normalised once (see ``termcheck.normalize``) and matched in its
    normalised form; the spans returned are offsets into ``text`` itself.
    """
    index = index_for(glossary)
    normalized = normalize_text(text)
    norm = normalized.text
    tokens = _segment(index, norm)
    exact = _phrase_matches(index, norm, tokens) + [
        _regex_candidate(index, ref, tokens, start, end)
        for ref, start, end in regex_hits(index, norm, tokens, REGEX_BUDGET_SECONDS)
    ]
    chains = Chains(norm, tokens)  # a match inside a file or package name is none
    exact = [c for c in exact if not chains.hold(c.first, c.last)]
    near = _near_candidates(index, tokens, exact)
    near = [c for c in near if not chains.hold(c.first, c.last)]
    selected = _select(exact + near)
    if normalized.identity:
        return selected
    return [_in_original(glossary, m, normalized, text) for m in selected]


def _segment(index: TermIndex, text: str) -> Tokens:
    """The words of ``text`` as the glossary's languages split them."""
    tokens = join_words(split_elisions(tokenize(text), index.elisions), index.segmenter)
    if index.attached_prefixes:
        lookup, vocab = index.lookup, index.vocab
        tokens = split_prefixes(
            tokens,
            text,
            index.attached_prefixes,
            lambda key: key in lookup or key in vocab,
        )
    return tokens


def _in_original(
    glossary: Glossary, match: Match, normalized: Normalized, text: str
) -> Match:
    """``match`` with its span in the original text; a width change is a case."""
    start, end = normalized.start(match.start), normalized.end(match.end)
    case_exact = match.case_exact
    if case_exact and match.exact and glossary[match.term_id].strict_width:
        written = text[start:end]
        case_exact = written == normalized.text[
            match.start : match.end
        ] or not width_differs(written)
    return dataclasses.replace(match, start=start, end=end, case_exact=case_exact)


def _phrase_matches(index: TermIndex, text: str, tokens: Tokens) -> list[_Candidate]:
    keys, seps = tokens.keys, tokens.seps
    lookup = index.lookup
    known = index.phrase_starts
    punctuated = index.punctuated
    if len(known) > _STARTS_LIMIT:
        known.clear()
    found: list[_Candidate] = []
    for i, key in enumerate(keys):
        if seps[i] == DOT:
            continue  # inside a dotted compound: a match must take all of it
        initial = known.get(key)
        if initial is None:
            initial = known[key] = _initial_states(lookup, key)
        if not initial:
            continue
        states = list(initial)
        # Completions, longest last (only the longest unless punctuation around
        # a wording may rule it out).
        completions: list[list[tuple[int, str, int, str]]] = []
        j = i
        while states:
            done = [
                (j, *state)
                for state in states
                if lookup.get(state[0], 0) & PHRASE
                and _inflection_fits(index, state, j - i)
                and (j + 1 >= len(keys) or seps[j + 1] != DOT)
            ]
            if done:
                if not punctuated:
                    completions.clear()
                completions.append(done)
            j += 1
            if j >= len(keys):
                break
            sep = seps[j]
            if sep is None:
                sep = gap_key(text, tokens, j) if punctuated else None
                if sep is None:
                    break
            states = _advance(states, sep, keys[j], j - i, lookup)
        for longest in reversed(completions):
            readings = [_phrase_candidate(index, text, tokens, i, c) for c in longest]
            fitting = [r for r in readings if r is not None]
            if fitting:
                found.append(min(fitting, key=_reading_rank))
                break
    return found


def _initial_states(
    lookup: dict[str, int], key: str
) -> tuple[tuple[str, int, str], ...]:
    """The walk states a word starts: itself, and its base forms that end a form."""
    states = [(key, -1, "")] if lookup.get(key, 0) else []
    for base, ending in deinflect(key):
        if lookup.get(base, 0) & (PHRASE | HEAD):
            states.append((base, 0, ending))
    return tuple(states)


def _reading_rank(candidate: _Candidate) -> tuple[bool, bool]:
    """Of two readings of the same words, the one in the right case wins, then the
    word as written: "HTTPs" is HTTP's plural; "https" is HTTPS, not HTTP's plural."""
    match = candidate.match
    return (not match.case_exact, bool(match.inflection))


def _advance(
    states: list[tuple[str, int, str]],
    sep: str,
    key: str,
    word: int,
    lookup: dict[str, int],
) -> list[tuple[str, int, str]]:
    advanced = []
    for phrase, inflected, ending in states:
        longer = phrase + sep + key
        if lookup.get(longer, 0) & (PHRASE | PREFIX):
            advanced.append((longer, inflected, ending))
        if inflected < 0:
            for base, base_ending in deinflect(key):
                longer = phrase + sep + base
                if lookup.get(longer, 0) & (PHRASE | HEAD):
                    advanced.append((longer, word, base_ending))
    return advanced


def _inflection_fits(
    index: TermIndex, state: tuple[str, int, str], last_word: int
) -> bool:
    inflected = state[1]
    if inflected < 0:
        return True
    return any(
        index.refs[r].english and inflected in (last_word, index.refs[r].head)
        for r in index.phrases[state[0]]
    )


def _phrase_candidate(
    index: TermIndex,
    text: str,
    tokens: Tokens,
    first: int,
    best: tuple[int, str, int, str],
) -> _Candidate | None:
    last, phrase, inflected, ending = best
    refs = [index.refs[r] for r in index.phrases[phrase]]
    if inflected >= 0:
        refs = [
            r for r in refs if r.english and inflected in (len(r.keys) - 1, r.head)
        ] or refs
    start, end = tokens.starts[first], tokens.ends[last]
    spans = None
    if index.punctuated:  # wordings with punctuation around them take it in
        spans = {
            id(r): span
            for r in refs
            if (span := with_edges(text, start, end, r.before, r.after))
        }
        refs = [r for r in refs if id(r) in spans]
        if not refs:
            return None
    terms = index.glossary.terms
    if len(refs) == 1 and not terms[refs[0].term].case_sensitive:
        case_exact, ref = True, refs[0]  # letter case cannot matter: skip comparing
    else:
        scored = [(_case_exact(text, tokens, first, r, inflected), r) for r in refs]
        case_exact, ref = max(scored, key=lambda pair: pair[0])
    if spans is not None:
        start, end = spans[id(ref)]
    term = terms[ref.term]
    if ref.ending:  # a listed inflection of the form
        ending, inflected = ref.ending, -1
    match = Match(
        term.id, term.forms[ref.form], start, end, 1.0, case_exact, ending, inflected
    )
    return _Candidate(first, last, start, end, match)


def _case_exact(
    text: str, tokens: Tokens, first: int, ref: FormRef, inflected: int
) -> bool:
    mismatches = []
    for offset, form_word in enumerate(ref.words):
        raw = _keep_case(
            text[tokens.starts[first + offset] : tokens.ends[first + offset]]
        )
        wanted = _keep_case(form_word)
        if offset == inflected:
            size = (
                len(wanted)
                if raw.casefold().startswith(wanted.casefold())
                else len(wanted) - 1
            )
            raw, wanted = raw[:size], wanted[:size]
        if raw != wanted:
            mismatches.append((offset, raw, wanted))
    if not mismatches:
        return True
    # A lower-case form capitalised at the start of a sentence is still the form.
    offset, raw, wanted = mismatches[0]
    return (
        len(mismatches) == 1
        and offset == 0
        and wanted[:1].islower()
        and raw == wanted[:1].upper() + wanted[1:]
        and _sentence_start(text, tokens.starts[first])
    )


def _keep_case(word: str) -> str:
    return unicodedata.normalize("NFKC", word.translate(_FOLD_CASE_KEEP))


def _sentence_start(text: str, offset: int) -> bool:
    if line_opener(text, offset, _LINE_MARKS) == 1:
        return True
    position = offset - 1
    while position >= 0 and (text[position].isspace() or text[position] in _OPENERS):
        if text[position] == "\n":
            before = position - 1
            while before >= 0 and text[before] in " \t\r":
                before -= 1
            if before >= 0 and text[before] == "\n":
                return True  # a blank line before: a new paragraph
        position -= 1
    return position < 0 or text[position] in ".!?:;。！？"


def _regex_candidate(
    index: TermIndex, ref: RegexRef, tokens: Tokens, start: int, end: int
) -> _Candidate:
    first = max(bisect.bisect_right(tokens.starts, start) - 1, 0)
    last = max(bisect.bisect_left(tokens.ends, end), first)
    last = min(last, len(tokens.keys) - 1)
    term = index.glossary.terms[ref.term]
    match = Match(term.id, term.forms[ref.form], start, end)
    return _Candidate(first, last, start, end, match)


def _near_candidates(
    index: TermIndex, tokens: Tokens, exact: list[_Candidate]
) -> list[_Candidate]:
    term_numbers = index.term_numbers
    spans: dict[int, list[tuple[int, int]]] = {}
    for candidate in exact:
        spans.setdefault(term_numbers[candidate.match.term_id], []).append(
            (candidate.first, candidate.last)
        )
    found = []
    # An exact form of some term is never a near-miss of another, and an exact match
    # of the same term says it better: find_near_misses skips both.
    for near in find_near_misses(index, tokens, spans):
        ref = index.refs[near.ref]
        term = index.glossary.terms[ref.term]
        start, end = tokens.starts[near.first], tokens.ends[near.last]
        match = Match(
            term.id, term.forms[ref.form], start, end, round(near.score, 4), False
        )
        found.append(_Candidate(near.first, near.last, start, end, match))
    return found


def _select(candidates: list[_Candidate]) -> list[Match]:
    """Longest match wins; each span of text gets at most one match."""
    if not candidates:
        return []
    # One byte per character, set where a chosen match lies: a sorted list of
    # spans took quadratic time, its inserts landing between thousands.
    taken = bytearray(max(c.end for c in candidates))
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.rank):
        start, end = candidate.start, candidate.end
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(candidate)
    return [c.match for c in sorted(chosen, key=lambda c: c.start)]
