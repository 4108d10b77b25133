"""Hostile glossaries: malformed at every level, bombs, huge, backtracking, objects.

Each case goes through the real command line: one line naming the glossary,
its line and column and the problem, exit status 2, nothing on stdout, no
traceback. Unit-level cases of the loader live in tests/test_glossary.py
(TestYamlLevelErrors, TestStructureErrors, TestValueErrors, TestNeverCrashes),
and tests/test_glossary_errors_cli.py runs the core cases as a process.
"""

from __future__ import annotations

import os
import re
import resource
import string
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from termcheck import matcher
from termcheck.errors import GlossaryError
from termcheck.glossary import load_glossary
from tests.reliability.battery import GOOD_FINDING, run, run_process

HEADER = "version: 1\nterms:\n"

# name: (glossary text, where the error is, what the message says)
MALFORMED = {
    "tab-indent": (HEADER + "\t- canonical: a\n", "3:1", "found character '\\t'"),
    "unclosed-quote": (
        'version: 1\nname: "abc\nterms: []\n',
        "4:1",
        "while scanning a quoted scalar at line 2, column 7",
    ),
    "top-level-list": ("- version: 1\n", "1:1", "must be a mapping"),
    "top-level-text": ("just a sentence\n", "1:1", "not text 'just a sentence'"),
    "second-document": (HEADER[:11] + "terms: []\n...\nmore: 1\n", "4:1", "expected"),
    "duplicate-directive": ("%YAML 1.1\n%YAML 1.1\n---\nversion: 1\n", "2:1", "dup"),
    "terms-a-mapping": ("version: 1\nterms: {a: b}\n", "2:8", "must be a list"),
    "defaults-a-list": ("version: 1\ndefaults: [a]\nterms: []\n", "2:11", "mapping"),
    "term-is-text": (HEADER + "  - just text\n", "3:5", "each term must be a mapping"),
    "term-indent": (
        HEADER + "  - canonical: a\n   forbidden: [b]\n",
        "4:4",
        "expected <block end>",
    ),
    "forms-unclosed": (
        HEADER + "  - canonical: a\n    forbidden: [b, c\n",
        "5:1",
        "expected ',' or ']'",
    ),
    "form-unknown-key": (
        HEADER + "  - canonical: a\n    forbidden: [{rgx: b}]\n",
        "4:18",
        "unknown key 'rgx' in regex form; did you mean 'regex'?",
    ),
    "regex-a-list": (
        HEADER + "  - canonical: a\n    forbidden: [{regex: [b]}]\n",
        "4:25",
        "'regex' must be text, not a list",
    ),
    "regex-with-line-break": (
        HEADER + '  - canonical: a\n    forbidden:\n      - regex: "b(\\nc"\n',
        "5:16",
        "invalid regex 'b(\\nc'",
    ),
    "examples-broken": (
        HEADER + "  - canonical: a\n    examples: {bad: [x, y}\n",
        "4:26",
        "expected ',' or ']'",
    ),
    "note-a-mapping": (
        HEADER + "  - canonical: a\n    note: {a: {b: c}}\n",
        "4:11",
        "'note' must be text, not a mapping",
    ),
    "undefined-alias": (
        HEADER + "  - canonical: *nope\n",
        "3:16",
        "found undefined alias 'nope'",
    ),
    "control-character": (HEADER + '  - canonical: "a\x07"\n', "3:18", "U+0007"),
    "nested-too-deeply": (HEADER + "  - " + "[" * 5000 + "]" * 5000, "", "deep"),
    "empty": ("# nothing but a comment\n", "1:1", "glossary is empty"),
}


def run_glossary(folder: Path, text: str | bytes, *args: str):
    """``check -g bad.yaml ARGS good.md`` with ``text`` in ``bad.yaml``."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    (folder / "bad.yaml").write_bytes(data)
    return run("check", "-g", "bad.yaml", *args, "good.md")


class TestMalformed:
    """Every level of the document, broken in its own way."""

    @pytest.mark.parametrize("case", sorted(MALFORMED))
    def test_one_line_with_position(self, project, case):
        """Exit 2, nothing on stdout, one line: file, line, column, problem."""
        text, where, fragment = MALFORMED[case]
        outcome = run_glossary(project, text)
        assert outcome.code == 2
        assert outcome.stdout == ""
        (line,) = outcome.errors
        assert line.startswith(f"bad.yaml:{where}: " if where else "bad.yaml: "), line
        assert fragment in line

    def test_not_utf8(self, project):
        """Bytes that are not UTF-8 are located by line and column."""
        outcome = run_glossary(project, HEADER.encode() + b"  - canonical: caf\xe9\n")
        assert outcome.errors == [
            "bad.yaml:3:19: glossary is not valid UTF-8 (byte 0xe9)"
        ]

    def test_huge_value_gives_a_short_line(self, project):
        """A megabyte-long value is quoted in part: the message stays readable."""
        value = "k" * 1_000_000
        text = HEADER + f"  - canonical: a\n    case: {value}\n"
        outcome = run_glossary(project, text)
        (line,) = outcome.errors
        assert len(line) < 600
        assert line.startswith(
            "bad.yaml:4:11: 'case' must be 'insensitive' or 'sensitive', not text 'kkk"
        )
        assert "characters…]" in line

    def test_other_glossaries_still_validated(self, project):
        """``glossary validate`` reports each file: the good one is still ok."""
        (project / "bad.yaml").write_text(HEADER + "  - canonical: [a\n", "utf-8")
        outcome = run("glossary", "validate", "bad.yaml", "glossary.yaml")
        assert outcome.code == 2
        assert outcome.stdout == "glossary.yaml: ok (1 term)\n"
        assert len(outcome.errors) == 1
        assert outcome.errors[0].startswith("bad.yaml:4:1: invalid YAML")


class TestUnsafeYaml:
    """Nothing in a glossary can build Python objects or run code."""

    @pytest.mark.parametrize(
        "tagged",
        [
            '!!python/object/apply:os.system ["touch pwned"]',
            "!!python/name:os.system",
            "!!python/module:os",
            '!!python/object/new:subprocess.Popen [["touch", "pwned"]]',
        ],
    )
    def test_python_tags_refused(self, project, tagged):
        """The tag is named at its position; nothing is executed or imported."""
        outcome = run_glossary(project, HEADER + f"  - canonical: {tagged}\n")
        assert outcome.code == 2
        (line,) = outcome.errors
        assert line.startswith("bad.yaml:3:16: tag '!!python/")
        assert "not allowed" in line
        assert not (project / "pwned").exists()

    def test_duplicate_keys_reported(self, project):
        """A repeated key names both places instead of keeping the last one."""
        outcome = run_glossary(
            project,
            HEADER + "  - canonical: a\n    forbidden: [b]\n    forbidden: [c]\n",
        )
        assert outcome.errors == [
            "bad.yaml:5:5: duplicate key 'forbidden' (first at line 4, column 5)"
        ]


class TestAliasBomb:
    """A billion laughs is refused at once, in little memory."""

    def test_refused_fast_and_small(self, project):
        """Nine levels of nine aliases (387 million nodes) never get expanded."""
        lines = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
            lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        lines.append("terms:\n  - canonical: a\n    forbidden: [*i]")
        (project / "bomb.yaml").write_text(
            "version: 1\n" + "\n".join(lines) + "\n", "utf-8"
        )
        tracemalloc.start()
        started = time.monotonic()
        try:
            with pytest.raises(GlossaryError, match="alias bomb") as caught:
                load_glossary(str(project / "bomb.yaml"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert time.monotonic() - started < 2
        assert peak < 20 * 1024 * 1024, peak
        assert re.search(r"bomb\.yaml:\d+:\d+: too many nodes", str(caught.value))
        outcome = run("check", "-g", "bomb.yaml", "good.md")
        assert outcome.code == 2
        (line,) = outcome.errors
        pattern = r"bomb\.yaml:\d+:\d+: too many nodes after alias expansion"
        assert re.fullmatch(pattern + r" \(alias bomb\?\)", line)


def _word(number: int) -> str:
    """A distinct made-up word for each number: aab, aac, ..."""
    letters = string.ascii_lowercase
    number += 26 * 26
    word = ""
    while number:
        number, rest = divmod(number, 26)
        word += letters[rest]
    return word


@pytest.mark.slow
class TestLargeGlossary:
    """A 20 MB glossary loads and checks, each term with words of its own."""

    def test_twenty_megabytes(self, project):
        """110,000 terms (440,000 forms) work end to end in one process."""
        lines = [HEADER.rstrip("\n")]
        for number in range(110_000):
            a, b, c, d = (_word(4 * number + k) for k in range(4))
            lines.append(
                f"  - id: t{number}\n    canonical: {a} {b} initiative\n"
                f"    allowed: [{a} {b} plan]\n"
                f"    forbidden: [{c} {a} scheme, {d} {b} {c} programme]\n"
                f"    note: Term {number} was renamed in the {a} {b} reform."
            )
        text = "\n".join(lines) + "\n"
        assert len(text.encode()) > 20 * 1024 * 1024
        (project / "big.yaml").write_text(text, encoding="utf-8")
        last = 109_999
        a, c = _word(4 * last), _word(4 * last + 2)
        (project / "doc.md").write_text(f"The {c} {a} scheme ended.\n", "utf-8")
        started = time.monotonic()
        outcome = run_process(
            project, "check", "-g", "big.yaml", "doc.md", timeout=300
        )
        assert time.monotonic() - started < 120
        assert outcome.code == 1
        assert f'doc.md:1:5: error: "{c} {a} scheme" is an unapproved variant' in (
            outcome.stdout
        )


class TestBacktracking:
    """A regex form that backtracks without end is stopped, naming the term."""

    GLOSSARY = HEADER + (
        "  - id: slow\n    canonical: alpha beta\n    forbidden:\n"
        "      - regex: '(a+)+$'\n"
        "  - id: bri\n    canonical: Belt and Road Initiative\n    forbidden: [OBOR]\n"
    )

    def test_stopped_per_file(self, project, monkeypatch):
        """The file in question is an error naming the term; the rest is checked."""
        monkeypatch.setattr(matcher, "REGEX_BUDGET_SECONDS", 0.5)
        (project / "slow.yaml").write_text(self.GLOSSARY, encoding="utf-8")
        (project / "long.md").write_text("a" * 5000 + "!\n", encoding="utf-8")
        started = time.monotonic()
        outcome = run("check", "-g", "slow.yaml", "long.md", "good.md")
        assert time.monotonic() - started < 15
        assert outcome.code == 2
        assert outcome.only_error("long.md") == (
            "not checked: regex form '(a+)+$' of term 'slow' took longer than 0.5 s "
            "(catastrophic backtracking?) [slow.yaml:6]"
        )
        assert GOOD_FINDING in outcome.stdout

    def test_loading_is_bounded_too(self, project):
        """Trying a backtracking regex on many literal forms stops within budget."""
        terms = [
            f"  - canonical: {'a' * 40}{_word(n)} word\n" for n in range(300)
        ]
        terms.append("  - canonical: x y\n    forbidden:\n      - regex: '(a|a)+$'\n")
        (project / "many.yaml").write_text(HEADER + "".join(terms), "utf-8")
        started = time.monotonic()
        glossary = load_glossary(str(project / "many.yaml"))
        assert time.monotonic() - started < 8
        assert len(glossary) == 301


@pytest.mark.skipif(sys.platform != "linux", reason="devices and FIFOs: Linux")
class TestGlossaryFileKinds:
    """A glossary is read from a file or a pipe, never from a device."""

    def test_link_to_a_device_in_the_config(self, tmp_path):
        """A repository whose config names a link to /dev/zero: refused at once."""
        (tmp_path / ".git").mkdir()
        (tmp_path / "g.yaml").symlink_to("/dev/zero")
        (tmp_path / ".termcheck.yaml").write_text("glossaries: [g.yaml]\n", "utf-8")
        (tmp_path / "doc.md").write_text("Text.\n", encoding="utf-8")

        def cap_memory() -> None:  # a regression must fail, not eat the machine
            limit = 2 * 1024**3
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        result = subprocess.run(
            [sys.executable, "-m", "termcheck", "check", "doc.md"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            preexec_fn=cap_memory,
        )
        assert result.returncode == 2
        assert result.stderr == (
            "termcheck: error: g.yaml: cannot read glossary: not a regular file "
            "(a character device); not read\n"
        )

    def test_glossary_from_a_pipe(self, project):
        """A named pipe with a writer (as ``--glossary <(command)``) is read once."""
        pipe = project / "pipe.yaml"
        os.mkfifo(pipe)
        text = (project / "glossary.yaml").read_text(encoding="utf-8")

        def write() -> None:
            with pipe.open("w", encoding="utf-8") as stream:
                stream.write(text)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        outcome = run("check", "-g", str(pipe), "good.md")
        writer.join(timeout=10)
        assert outcome.code == 1
        assert GOOD_FINDING in outcome.stdout
