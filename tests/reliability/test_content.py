"""Hostile content: empty, huge, long lines, odd bytes, line endings, scripts, nesting.

Each case runs the real command line next to ``good.md`` (one finding): the
right findings at the right positions (columns in code points), or one clear
line naming the file and the problem; never a traceback; ``good.md`` checked.
"""

from __future__ import annotations

import codecs
import io
import time
import tracemalloc

import pytest

from termcheck.extractors import EXTRACTORS
from termcheck.glossary import parse_glossary
from termcheck.guard import DEFAULT_MAX_FILE_SIZE
from termcheck.runner import check_paths
from tests.reliability.battery import GLOSSARY, GOOD_FINDING, check

FINDING = '"OBOR" is an unapproved variant'  # quoted or not


def positions(stdout: str, path: str) -> list[tuple[int, int]]:
    """(line, column) of each finding in ``path``, from the text report."""
    found = []
    for line in stdout.splitlines():
        if line.startswith(f"{path}:") and ": error: " in line and FINDING in line:
            _, row, column, _ = line[len(path) :].split(":", 3)
            found.append((int(row), int(column)))
    return found


class TestNearlyEmpty:
    """Files with nothing, or nothing but white space, are checked and clean."""

    @pytest.mark.parametrize(
        "content",
        [b"", b" ", b"\n", b"\r\n\r\n", b" \t \n\t\r", "\u00a0\u2003\u3000\n".encode()],
        ids=["empty", "space", "newline", "crlf", "mixed", "unicode-spaces"],
    )
    def test_checked_without_findings(self, project, content):
        """Counted as a checked file, no finding, no error."""
        (project / "blank.md").write_bytes(content)
        outcome = check("blank.md", "good.md")
        assert outcome.code == 1  # good.md's finding
        assert positions(outcome.stdout, "blank.md") == []
        assert outcome.stdout.splitlines()[-1].endswith("in 2 files")

    def test_no_final_newline(self, project):
        """A term as the very last characters is found, and --fix adds no newline."""
        (project / "end.md").write_bytes(b"First line.\nEnds with OBOR")
        outcome = check("end.md", "good.md")
        assert positions(outcome.stdout, "end.md") == [(2, 11)]
        check("--fix", "end.md")
        assert (project / "end.md").read_bytes() == (
            b"First line.\nEnds with Belt and Road Initiative"
        )


class TestBytes:
    """NUL bytes, broken UTF-8 and UTF-16."""

    def test_nul_byte_near_the_start(self, project):
        """A NUL byte in the first 8 KiB makes a binary file: an error when named.

        Met while walking a folder it is passed over (tests/test_input.py).
        """
        (project / "nul.md").write_bytes(b"a\x00b OBOR\n")
        outcome = check("nul.md", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("nul.md") == "binary file (NUL byte at byte 1)"
        assert GOOD_FINDING in outcome.stdout

    def test_nul_byte_further_down(self, project):
        """Past the binary probe a NUL byte is a character: positions stay right."""
        head = b"Plain text line.\n" * 600  # 10,200 bytes
        (project / "nul.md").write_bytes(head + b"a\x00b OBOR\nc\x00\x00 OBOR\n")
        outcome = check("nul.md", "good.md")
        assert positions(outcome.stdout, "nul.md") == [(601, 5), (602, 5)]
        assert GOOD_FINDING in outcome.stdout

    def test_invalid_utf8_in_the_middle(self, project):
        """Bad UTF-8 is reported with its byte offset; other files are checked.

        See also tests/test_files.py (decoding) and tests/test_cli.py.
        """
        data = b"Fine text " * 1000 + b"caf\xe9 " + b"OBOR " * 10
        (project / "latin1.md").write_bytes(data)
        outcome = check("latin1.md", "good.md")
        assert outcome.code == 2
        assert outcome.only_error("latin1.md") == (
            "cannot decode as UTF-8 at byte 10003 (invalid continuation byte)"
        )
        assert GOOD_FINDING in outcome.stdout

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
    def test_utf16_and_utf32_with_bom(self, project, codec):
        """A BOM-marked UTF-16/32 file is read, positions in code points."""
        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
        mark = bom.get(codec, codecs.BOM_UTF32_LE)
        text = "Ligne: 😀 OBOR\r\nsecond OBOR\r\n"
        (project / "wide.md").write_bytes(mark + text.encode(codec))
        outcome = check("wide.md", "good.md")
        assert positions(outcome.stdout, "wide.md") == [(1, 10), (2, 8)]


class TestLineEndings:
    """CRLF, LF and lone CR mixed in one file each end a line."""

    def test_mixed_endings(self, project):
        """Lines are counted the way editors count them."""
        (project / "mixed.md").write_bytes(
            b"one OBOR\r\ntwo OBOR\nthree OBOR\rfour OBOR\r\n\r\nsix OBOR"
        )
        outcome = check("mixed.md")
        assert positions(outcome.stdout, "mixed.md") == [
            (1, 5),
            (2, 5),
            (3, 7),
            (4, 6),
            (6, 5),
        ]

    def test_fix_keeps_every_ending(self, project):
        """--fix changes the words and not one line ending."""
        data = b"one OBOR\r\ntwo OBOR\nthree OBOR\rfour\r\n"
        (project / "mixed.md").write_bytes(data)
        check("--fix", "mixed.md")
        fixed = (project / "mixed.md").read_bytes()
        assert fixed == data.replace(b"OBOR", b"Belt and Road Initiative")


class TestScripts:
    """Right-to-left, combining and astral characters: columns in code points."""

    def test_right_to_left_text(self, project):
        """Arabic and Hebrew around a term, with bidi marks, shift nothing."""
        text = "\u0645\u0631\u062d\u0628\u0627 OBOR \u05e9\u05dc\u05d5\u05dd\n"
        text += "\u200f\u05d0 OBOR\n"
        (project / "rtl.md").write_text(text, encoding="utf-8")
        outcome = check("rtl.md")
        assert positions(outcome.stdout, "rtl.md") == [(1, 7), (2, 4)]

    def test_combining_characters(self, project):
        """Decomposed accents count one column per code point."""
        text = "Cafe\u0301 and re\u0301sume\u0301 OBOR\n"
        (project / "accents.md").write_text(text, encoding="utf-8")
        outcome = check("--format", "json", "accents.md")
        assert '"column": 20' in outcome.stdout
        assert '"end_column": 24' in outcome.stdout

    def test_decomposed_text_matches_composed_form(self, project):
        """A term written with a combining accent matches its composed form."""
        (project / "g2.yaml").write_text(
            "version: 1\nterms:\n  - canonical: Zürich Canton\n"
            "    forbidden: [Zurich Kanton]\n  - canonical: café society\n"
            "    forbidden: [Café Set]\n",
            encoding="utf-8",
        )
        text = "Their Cafe\u0301 Set met.\n"
        (project / "nfd.md").write_text(text, encoding="utf-8")
        outcome = check("-g", "g2.yaml", "--format", "json", "nfd.md")
        assert '"matched": "Cafe\u0301 Set"' in outcome.stdout
        assert '"column": 7' in outcome.stdout
        assert '"end_column": 16' in outcome.stdout  # 9 code points long

    def test_emoji_and_astral_characters(self, project):
        """Astral characters and ZWJ sequences are one column per code point."""
        family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # 5 code points
        text = f"\U0001f600\U0001d518 OBOR {family} OBOR \U00020000OBOR\n"
        (project / "emoji.md").write_text(text, encoding="utf-8")
        outcome = check("emoji.md")
        # U+20000 is a CJK ideograph: a word of its own, so OBOR after it counts.
        assert positions(outcome.stdout, "emoji.md") == [(1, 4), (1, 15), (1, 21)]


class TestDeepNesting:
    """Markdown nested 10,000 levels deep is checked without a recursion error."""

    def test_nested_lists(self, project):
        """Lists nested 10,000 deep (one line), and a 1,000-step indented staircase."""
        depth = 10_000
        text = "- " * depth + "OBOR\n" + "1. " * depth + "OBOR\n\n"
        text += "".join(f"{'  ' * level}- item OBOR\n" for level in range(1000))
        (project / "lists.md").write_text(text, encoding="utf-8")
        outcome = check("--max-findings-per-file", "0", "lists.md")  # list all
        found = positions(outcome.stdout, "lists.md")
        assert found[:2] == [(1, 2 * depth + 1), (2, 3 * depth + 1)]
        assert len(found) == 1002
        assert found[-1] == (1003, 2 * 999 + 8)

    def test_nested_block_quotes(self, project):
        """A block quote 10,000 levels deep, then a list in it."""
        text = "> " * 10_000 + "OBOR\n" + ">" * 10_000 + " - OBOR\n"
        (project / "quotes.md").write_text(text, encoding="utf-8")
        outcome = check("quotes.md")
        assert positions(outcome.stdout, "quotes.md") == [(1, 20_001), (2, 10_004)]


@pytest.mark.slow
class TestLarge:
    """Huge files: skipped over the limit, checked in linear time under it."""

    def test_200_mb_file_is_skipped_unread(self, project):
        """Over --max-file-size: a warning, shown in the summary; never read."""
        with (project / "huge.md").open("wb") as stream:
            stream.truncate(200 * 1024 * 1024)  # sparse: no disk space used
        tracemalloc.start()
        started = time.monotonic()
        try:
            outcome = check("huge.md", "good.md")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert time.monotonic() - started < 10
        assert peak < 20 * 1024 * 1024, peak  # the 200 MB were never read
        assert outcome.code == 1  # a skip is not an error: good.md's finding
        assert outcome.notes("warning") == [
            "huge.md: skipped: 200 MiB is larger than the 50 MiB limit "
            "(--max-file-size)"
        ]
        assert outcome.stdout.splitlines()[-1] == (
            "1 finding (1 error, 0 warnings, 0 info) in 1 file, "
            "1 skipped (over 50 MiB: 1)"
        )

    def test_limit_is_configurable(self, project):
        """--max-file-size 1K skips a 2 KB file; 0 turns the limit off."""
        (project / "two-kb.md").write_text("OBOR " * 400, encoding="utf-8")
        outcome = check("--max-file-size", "1K", "two-kb.md", "good.md")
        assert outcome.notes("warning") == [
            "two-kb.md: skipped: 2 KiB is larger than the 1 KiB limit (--max-file-size)"
        ]
        outcome = check("--max-file-size", "0", "two-kb.md")
        assert len(positions(outcome.stdout, "two-kb.md")) == 400

    def test_single_50_mb_line(self, project):
        """One line of exactly the limit (50 MB) is checked, columns exact.

        A .txt file: Markdown's parser reads a line of punctuation at about
        0.4 MB/s (see test_extractors_stay_linear for its growth).
        """
        size = DEFAULT_MAX_FILE_SIZE
        filler = "=-" * (size // 2)
        text = "OBOR " + filler[: size - 15] + " OBOR OBOR"
        assert len(text.encode()) == size
        (project / "line.txt").write_text(text, encoding="utf-8")
        started = time.monotonic()
        outcome = check("--context", "line.txt", "good.md")
        assert time.monotonic() - started < 60
        assert positions(outcome.stdout, "line.txt") == [
            (1, 1),
            (1, size - 8),
            (1, size - 3),
        ]
        # --context shows a window of the line, not 50 MB of it
        assert max(len(line) for line in outcome.stdout.splitlines()) < 1000
        assert GOOD_FINDING in outcome.stdout

    def test_one_byte_over_the_limit(self, project):
        """A file one byte larger than the limit is skipped."""
        (project / "over.md").write_bytes(b"x" * 1025)
        outcome = check("--max-file-size", "1K", "over.md")
        assert outcome.notes("warning") == [
            "over.md: skipped: 1 KiB is larger than the 1 KiB limit (--max-file-size)"
        ]

    def test_long_lines_cost_linear_time(self):
        """Eight times the prose on one line takes nowhere near 64 times as long."""
        glossary = parse_glossary(GLOSSARY, "g.yaml")
        sentence = "Loans under One Belt One Road grew, said the minister today. "

        def seconds(size: int) -> float:
            text = (sentence * (size // len(sentence) + 1))[:size]
            started = time.perf_counter()
            check_paths(glossary, ["-"], stdin=io.StringIO(text))
            return time.perf_counter() - started

        seconds(50_000)  # warm the caches
        small, large = seconds(250_000), seconds(2_000_000)
        assert large < 24 * small + 1.0, (small, large)

    @pytest.mark.parametrize("markup", sorted(EXTRACTORS))
    def test_extractors_stay_linear(self, markup):
        """Every markup: 8 times the lines, or one 8 times longer line, takes
        nowhere near 64 times as long."""
        extract = EXTRACTORS[markup]
        line = "Some *text* with <b>OBOR</b>, `code` and \\emph{more} here."

        def seconds(text: str) -> float:
            started = time.perf_counter()
            extract(text)
            return time.perf_counter() - started

        for joiner in ("\n", " "):
            small = seconds(joiner.join([line] * 1_000))
            large = seconds(joiner.join([line] * 8_000))
            assert large < 24 * small + 0.5, (joiner, small, large)

    def test_a_million_tiny_lines(self, project):
        """Line numbers stay exact a million lines down (plain text)."""
        lines = ["ok\n"] * 1_000_000
        lines[0] = "OBOR\n"
        lines[-1] = "end OBOR\n"
        (project / "tall.txt").write_text("".join(lines), encoding="utf-8")
        started = time.monotonic()
        outcome = check("tall.txt")
        assert time.monotonic() - started < 60
        assert positions(outcome.stdout, "tall.txt") == [(1, 1), (1_000_000, 5)]
