"""Aligned segments of a text and its translation: paragraphs, XLIFF, TMX.

Each segment pair carries the target text and, for every character of it, its
offset in the file the target was read from, so findings point into that file.
XML is parsed with defusedxml (no entities, nothing fetched); positions come
from the raw text of each ``<target>`` or ``<seg>`` element, in document order.
"""

from __future__ import annotations

import bisect
import html
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import regex

from termcheck.errors import GlossaryError, InputError
from termcheck.extractors import extractor_for
from termcheck.interchange.xmlsafe import XML_LANG, local_name, parse_xml

__all__ = ["Segment", "Segments", "offset_to_position", "read_pair"]

_BLANK_LINES: Final = regex.compile(r"(?:\r\n|\r|\n)[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)+")
_XML_ENDINGS: Final = (".xlf", ".xliff", ".tmx")
_COMMENT: Final = regex.compile(r"<!--.*?-->", regex.DOTALL)
_PIECE: Final = regex.compile(r"<[^>]*>|&[^;<>&\s]{1,32};|[^<&]+|&", regex.DOTALL)


@dataclass(frozen=True, slots=True)
class Segment:
    """One aligned pair: source text, target text, and where the target is."""

    source: str
    target: str
    offsets: tuple[int, ...]  # file offset of each target character, and the end


@dataclass(frozen=True, slots=True)
class Segments:
    """The segment pairs of one file pair, the file the target positions are
    in, and that file's text (for line and column)."""

    pairs: tuple[Segment, ...]
    target_path: str
    target_text: str
    source_language: str = ""
    target_language: str = ""


def read_pair(
    source: str,
    target: str | None,
    source_language: str = "",
    target_language: str = "",
) -> Segments:
    """Aligned segments: an XLIFF or TMX file alone, or two text files whose
    paragraphs (separated by blank lines) correspond one to one."""
    if source.casefold().endswith(_XML_ENDINGS):
        if target is not None:
            raise InputError(
                "an XLIFF or TMX file holds both sides; give it alone", target
            )
        return _read_xml(source, source_language, target_language)
    if target is None:
        raise InputError(
            "give the translation too (or an XLIFF or TMX file alone)", source
        )
    sources = _paragraphs(source)
    targets = _paragraphs(target)
    if len(sources) != len(targets):
        raise InputError(
            f"{len(sources)} paragraphs in {source} but {len(targets)} in this "
            "file; the two must align paragraph by paragraph",
            target,
        )
    text = _read(target)
    pairs = tuple(
        Segment(s, t, tuple(range(start, start + len(t) + 1)))
        for (s, _), (t, start) in zip(sources, targets, strict=True)
    )
    return Segments(pairs, target, text, source_language, target_language)


def _read(path: str) -> str:
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as file:
            return file.read()  # line endings as they are, as check reads them
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path) from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 (byte offset {error.start}): {error.reason}", path
        ) from None


def _paragraphs(path: str) -> list[tuple[str, int]]:
    """Paragraphs of the prose of a file (markup masked), with their offsets."""
    text = _read(path)
    masked = extractor_for(path)(text).masked
    found = []
    position = 0
    for gap in [*_BLANK_LINES.finditer(masked), None]:
        end = gap.start() if gap is not None else len(masked)
        chunk = masked[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            found.append(
                (text[position + lead : position + lead + len(body)], position + lead)
            )
        if gap is not None:
            position = gap.end()
    return found


def _read_xml(path: str, source_language: str, target_language: str) -> Segments:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path) from None
    try:
        root = parse_xml(data, path)
    except GlossaryError as error:
        raise InputError(error.problem, path, error.line, error.column) from None
    text = data.decode("utf-8-sig", errors="replace")
    name = local_name(root.tag)
    if name == "xliff":
        return _xliff(root, text, path, source_language, target_language)
    if name == "tmx":
        return _tmx(root, text, path, source_language, target_language)
    raise InputError(f"not XLIFF or TMX: the root element is <{name}>", path)


def _xliff(
    root: ElementTree.Element,
    text: str,
    path: str,
    source_language: str,
    target_language: str,
) -> Segments:
    version = root.get("version", "")
    files = [e for e in root if local_name(e.tag) == "file"]
    if version.startswith("2"):
        source_language = source_language or root.get("srcLang", "")
        target_language = target_language or root.get("trgLang", "")
        units = [e for e in root.iter() if local_name(e.tag) == "segment"]
    else:
        first = files[0] if files else root
        source_language = source_language or first.get("source-language", "")
        target_language = target_language or first.get("target-language", "")
        units = [e for e in root.iter() if local_name(e.tag) == "trans-unit"]
    raw_targets = _raw_elements(text, "target")
    pairs = []
    number = 0
    for unit in units:
        source = next((c for c in unit if local_name(c.tag) == "source"), None)
        target = next((c for c in unit if local_name(c.tag) == "target"), None)
        if target is None:
            continue
        raw = raw_targets[number] if number < len(raw_targets) else None
        number += 1
        if source is None or raw is None:
            continue
        target_text, offsets = raw
        pairs.append(Segment("".join(source.itertext()), target_text, offsets))
    return Segments(tuple(pairs), path, text, source_language, target_language)


def _tmx(
    root: ElementTree.Element,
    text: str,
    path: str,
    source_language: str,
    target_language: str,
) -> Segments:
    header = next((e for e in root.iter() if local_name(e.tag) == "header"), None)
    if not source_language and header is not None:
        source_language = header.get("srclang", "")
    raw_segs = _raw_elements(text, "seg")
    number = 0
    pairs = []
    languages: list[str] = []
    for unit in (e for e in root.iter() if local_name(e.tag) == "tu"):
        variants = []
        for tuv in (c for c in unit if local_name(c.tag) == "tuv"):
            seg = next((c for c in tuv if local_name(c.tag) == "seg"), None)
            if seg is None:
                continue
            raw = raw_segs[number] if number < len(raw_segs) else None
            number += 1
            language = tuv.get(XML_LANG, tuv.get("lang", ""))
            languages.append(language)
            variants.append((language, "".join(seg.itertext()), raw))
        source = next((v for v in variants if _same(v[0], source_language)), None)
        others = [v for v in variants if v is not source]
        target = next(
            (v for v in others if not target_language or _same(v[0], target_language)),
            None,
        )
        if source is None or target is None or target[2] is None:
            continue
        target_language = target_language or target[0]
        pairs.append(Segment(source[1], target[2][0], target[2][1]))
    return Segments(tuple(pairs), path, text, source_language, target_language)


def _same(tag: str, language: str) -> bool:
    tag, language = tag.casefold(), language.casefold()
    return bool(language) and (tag == language or tag.startswith(language + "-"))


def _raw_elements(text: str, name: str) -> list[tuple[str, tuple[int, ...]]]:
    """The text of each ``<name>`` element in document order, with the file
    offset of each of its characters (entities decoded, inline tags skipped)."""
    pattern = regex.compile(
        rf"<(?:[\w.-]+:)?{name}\b[^>]*?(?:/>|>(.*?)</(?:[\w.-]+:)?{name}\s*>)",
        regex.DOTALL,
    )
    found: list[tuple[str, tuple[int, ...]]] = []
    # Comments may hold anything; blanked (same length), they hide no element
    # and cannot make the search rescan the file.
    text = _COMMENT.sub(lambda comment: " " * len(comment.group()), text)
    for element in pattern.finditer(text):
        if element.group(1) is None:
            found.append(("", (element.end(),)))
            continue
        chars: list[str] = []
        offsets: list[int] = []
        base = element.start(1)
        for piece in _PIECE.finditer(element.group(1)):
            chunk = piece.group()
            start = base + piece.start()
            if chunk.startswith("<") and chunk != "<":
                continue
            if chunk.startswith("&") and chunk.endswith(";"):
                decoded = html.unescape(chunk)
                chars.append(decoded)
                offsets.extend([start] * len(decoded))
                continue
            chars.append(chunk)
            offsets.extend(range(start, start + len(chunk)))
        offsets.append(element.end(1))
        found.append(("".join(chars), tuple(offsets)))
    return found


def offset_to_position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, given the offsets of line starts."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1
