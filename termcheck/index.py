"""The term index: every form of every term, compiled once for one-pass lookup."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Final

import regex

from termcheck.bulk import bulk
from termcheck.errors import GlossaryError
from termcheck.languages import Profile, profile_for
from termcheck.model import Form, Glossary, Status, Term
from termcheck.normalize import normalize_text
from termcheck.punctuation import edge_keys, punctuation_key
from termcheck.regex_forms import compile_regex_form, first_key, first_words
from termcheck.segment import join_words, split_elisions
from termcheck.tokens import (
    FUNCTION_WORDS,
    LONG_WORD,
    Tokens,
    is_cjk,
    normalize_word,
    tokenize,
)

__all__ = [
    "HEAD",
    "PHRASE",
    "PREFIX",
    "FormRef",
    "RegexRef",
    "TermIndex",
    "build_index",
    "compile_regex_form",
    "first_key",
    "first_words",
    "fold_form",
    "head_word",
    "listed_inflections",
    "phrase_key",
    "tokenize_form",
]

_PLAIN_SEPS: Final = frozenset(("", " ", "-", "."))
PHRASE: Final = 1  # a complete form ends here
PREFIX: Final = 2  # some form continues
HEAD: Final = 4  # some form's inflectable head word ends here
MIN_FUZZY_WORD: Final = 5  # single words shorter than this are never fuzzy-matched
_PREPOSITIONS: Final = frozenset("of for with to in on at by from into".split())


@dataclass(frozen=True, slots=True)
class FormRef:
    """One literal form, tokenised: ``keys`` are case-folded, ``words`` keep case."""

    term: int
    form: int
    keys: tuple[str, ...]
    words: tuple[str, ...]
    seps: tuple[str, ...]  # seps[0] is "" (nothing before the first word)
    head: int  # the word that takes a plural besides the last one; -1 if none
    content: tuple[int, ...]  # positions of content (non-function) words
    function_words: frozenset[str] = FUNCTION_WORDS  # of the term's language
    english: bool = True  # English plural and possessive endings apply
    characters: bool = False  # written in characters (CJK): no word order
    ending: str = ""  # "#n": the n-th listed inflection of the form
    inflects: bool = False  # other endings are inflections (not English)
    before: str = ""  # punctuation the wording starts with ("《")
    after: str = ""  # and ends with


@dataclass(frozen=True, slots=True)
class RegexRef:
    """A regex form, with the literal first words it can start with (if known)."""

    term: int
    form: int
    pattern: regex.Pattern[str]
    anchors: frozenset[str] | None


@dataclass(slots=True)
class TermIndex:
    """Lookup tables built from a glossary; read-only after ``build_index``."""

    glossary: Glossary
    refs: list[FormRef] = field(default_factory=list)
    phrases: dict[str, list[int]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    # One probe per step of the walk: PHRASE | PREFIX | HEAD flags by phrase key.
    lookup: dict[str, int] = field(default_factory=dict)
    regex_by_anchor: dict[str, list[RegexRef]] = field(default_factory=dict)
    regex_unanchored: list[RegexRef] = field(default_factory=list)
    vocab: dict[str, int] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)  # vocabulary by id
    deletes: dict[str, list[int]] = field(default_factory=dict)
    pairs: dict[int, list[int]] = field(default_factory=dict)  # id << 32 | id
    split_words: dict[str, list[int]] = field(default_factory=dict)
    singles: dict[int, list[int]] = field(default_factory=dict)
    term_numbers: dict[str, int] = field(default_factory=dict)  # term id -> number
    # Segmentation the glossary's languages ask for (see termcheck.segment).
    elisions: frozenset[str] = frozenset()
    attached_prefixes: tuple[str, ...] = ()
    function_words: frozenset[str] = FUNCTION_WORDS  # of all its languages
    punctuated: bool = False  # some wording has punctuation in or around it
    segmenter: str = ""  # dictionary segmenter for Han text, if a term asks
    # Text word -> vocabulary words it may stand for; filled by the near-miss search
    # as texts are checked (the same words recur from file to file).
    resolved: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    # Text word -> the phrase walk states it starts (itself, inflected bases).
    phrase_starts: dict[str, tuple[tuple[str, int, str], ...]] = field(
        default_factory=dict
    )


def phrase_key(
    keys: tuple[str, ...] | list[str], seps: tuple[str, ...] | list[str]
) -> str:
    """The lookup string of a phrase: keys joined by their separators."""
    parts = [keys[0]]
    for key, sep in zip(keys[1:], seps[1:], strict=True):
        parts.append(sep)
        parts.append(key)
    return "".join(parts)


@bulk
def build_index(glossary: Glossary) -> TermIndex:
    """Index every form of every term in ``glossary``."""
    index = TermIndex(glossary)
    index.segmenter = next((t.segmenter for t in glossary.terms if t.segmenter), "")
    profiles = {profile_for(term.language) for term in glossary.terms}
    index.elisions = frozenset().union(*(p.elisions for p in profiles))
    index.attached_prefixes = tuple(
        sorted({x for p in profiles for x in p.prefixes}, key=len, reverse=True)
    )
    if any(not p.english_inflection for p in profiles):
        index.function_words = frozenset().union(*(p.function_words for p in profiles))
    for term_no, term in enumerate(glossary.terms):
        index.term_numbers[term.id] = term_no
        for form_no, form in enumerate(term.forms):
            if form.regex:
                _add_regex(index, term_no, form_no, form, term)
            else:
                _add_phrase(index, term_no, form_no, form.text, term)
        for form_no, ending, text in listed_inflections(term):
            _add_phrase(index, term_no, form_no, text, term, ending)
    return index


_PROFILES: dict[str, Profile] = {}


def _profile(language: str) -> Profile:
    profile = _PROFILES.get(language)
    if profile is None:
        profile = _PROFILES[language] = profile_for(language)
    return profile


def listed_inflections(term: Term) -> list[tuple[int, str, str]]:
    """``(form number, "#n", text)`` of each inflected form the term lists."""
    if not term.inflections:
        return []
    numbers = {
        fold_form(form.text): number
        for number, form in enumerate(term.forms)
        if not form.regex
    }
    found: list[tuple[int, str, str]] = []
    for wording, forms in term.inflections:
        number = numbers.get(fold_form(wording))
        if number is not None:
            found.extend((number, f"#{n}", text) for n, text in enumerate(forms))
    return found


def fold_form(text: str) -> str:
    """The key under which the matcher sees a literal form (case, quotes, dashes)."""
    if not text.isascii():  # typographic quotes fold; ASCII ones are themselves
        text = punctuation_key(text)
    return " ".join(normalize_word(chunk) for chunk in text.split())


def tokenize_form(
    text: str, elisions: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    """Keys, case-kept words and separators of a literal form (None if unusable)."""
    parsed = _parse_form(text, elisions, "")
    return None if parsed is None else parsed[:3]


def _parse_form(
    text: str, elisions: frozenset[str], segmenter: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, str]] | None:
    """``tokenize_form``, and the punctuation around the form's words."""
    text = normalize_text(text).text
    tokens = join_words(split_elisions(tokenize(text), elisions), segmenter)
    if not tokens.keys:
        return None
    spans = zip(tokens.starts, tokens.ends, strict=True)
    words = tuple(text[s:e].replace("\u00ad", "") for s, e in spans)
    seps = ("", *(_form_sep(text, tokens, p) for p in range(1, len(tokens.keys))))
    edges = ("", "")
    if not (text[:1].isalnum() and text[-1:].isalnum()):
        edges = edge_keys(text, tokens)
    return tuple(tokens.keys), words, seps, edges


def _form_sep(text: str, tokens: Tokens, position: int) -> str:
    sep = tokens.seps[position]
    if sep is not None:
        return sep
    start, end = tokens.ends[position - 1], tokens.starts[position]
    return punctuation_key(text[start:end])  # "the “Belt and Road” Initiative"


def head_word(keys: tuple[str, ...]) -> int:
    """The word before the first preposition ("communities of ..."), or -1."""
    for position, key in enumerate(keys[1:], start=1):
        if key in _PREPOSITIONS:
            return position - 1
    return -1


def _add_phrase(
    index: TermIndex,
    term_no: int,
    form_no: int,
    text: str,
    term: Term,
    ending: str = "",
) -> None:
    parsed = _parse_form(text, index.elisions, index.segmenter)
    if parsed is None:
        return
    keys, words, seps, (before, after) = parsed
    if not index.punctuated and (
        before or after or any(s not in _PLAIN_SEPS for s in seps)
    ):
        index.punctuated = True
    profile = _profile(term.language)
    function_words = profile.function_words
    english = profile.english_inflection
    content = tuple(i for i, k in enumerate(keys) if k not in function_words)
    ref = FormRef(
        term_no,
        form_no,
        keys,
        words,
        seps,
        head_word(keys) if english else -1,
        content,
        function_words,
        english,
        not text.isascii() and all(is_cjk(word) for word in words),
        ending,
        profile.inflects,
        before,
        after,
    )
    ref_no = len(index.refs)
    index.refs.append(ref)
    full = phrase_key(keys, seps)
    index.phrases.setdefault(full, []).append(ref_no)
    index.lookup[full] = index.lookup.get(full, 0) | PHRASE
    for size in range(1, len(keys)):
        prefix = phrase_key(keys[:size], seps[:size])
        index.prefixes.add(prefix)
        flags = PREFIX | (HEAD if size - 1 == ref.head else 0)
        if flags & HEAD:
            index.heads.add(prefix)
        index.lookup[prefix] = index.lookup.get(prefix, 0) | flags
    if term.fuzzy is not None:
        _add_fuzzy(index, ref_no, ref)


def _vocab_id(index: TermIndex, key: str) -> int:
    word_id = index.vocab.get(key)
    if word_id is None:
        word_id = index.vocab[key] = len(index.vocab)
        index.words.append(key)
        if MIN_FUZZY_WORD <= len(key) <= LONG_WORD:
            for position in range(len(key)):
                index.deletes.setdefault(
                    key[:position] + key[position + 1 :], []
                ).append(word_id)
    return word_id


def _add_fuzzy(index: TermIndex, ref_no: int, ref: FormRef) -> None:
    ids = [_vocab_id(index, ref.keys[i]) for i in ref.content]
    if len(ref.keys) == 1:
        if len(ref.keys[0]) >= MIN_FUZZY_WORD and ids:
            index.singles.setdefault(ids[0], []).append(ref_no)
            index.split_words.setdefault(ref.keys[0], []).append(ref_no)
        return
    for left, right in set(itertools.combinations(ids, 2)):
        pair = (left << 32 | right) if left <= right else (right << 32 | left)
        index.pairs.setdefault(pair, []).append(ref_no)


def _add_regex(
    index: TermIndex, term_no: int, form_no: int, form: Form, term: Term
) -> None:
    try:
        pattern = compile_regex_form(form.text, term.case_sensitive)
    except (regex.error, RecursionError, OverflowError, ValueError) as error:
        problem = f"invalid regex {form.text!r} of term {term.id!r}: {error}"
        raise GlossaryError(problem, term.source, form.line) from None
    anchors = first_words(form.text)
    ref = RegexRef(term_no, form_no, pattern, anchors)
    if anchors is None:
        index.regex_unanchored.append(ref)
    else:
        for anchor in anchors:
            index.regex_by_anchor.setdefault(anchor, []).append(ref)


def status_of(index: TermIndex, ref: FormRef) -> Status:
    """The status of the form a reference points to."""
    return index.glossary.terms[ref.term].forms[ref.form].status
