"""Nothing termcheck prints can drive the terminal or reorder a line.

Control sequences (an OSC title change, a CSI colour, C1 controls) and
bidirectional controls in a glossary are refused where they were written; in
a document they are escaped wherever a human-readable format prints them
(messages, ``--context`` lines, ``stats`` and ``discover`` wordings), and the
machine formats (JSON, SARIF, GitLab) write them as ``\\u`` escapes that read
back to the exact text. Through ``python -m termcheck``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.reliability.battery import run_process

# Everything a terminal may act on, or that reorders a line, but tab and LF.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
TITLE = "\x1b]0;pwned\x07"  # OSC: set the window title
RED = "\x1b[31m"  # CSI: colour
HEADER = "version: 1\nterms:\n"
GLOSSARY = HEADER + (
    "  - id: bri\n    canonical: Belt and Road Initiative\n"
    "    forbidden: [One Belt One Road]\n"
    "    note: |\n      First line.\n      Second\tline.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with ``glossary.yaml`` (a two-line note with a tab)."""
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


class TestGlossaryTextIsRefused:
    """Control characters in glossary text: one line at their line and column."""

    @pytest.mark.parametrize(
        ("body", "where", "what"),
        [
            (
                '  - canonical: "Belt\\e]0;x\\a Road"\n',
                "3:21",
                "'canonical' holds a control character (U+001B)",
            ),
            (
                '  - canonical: a\n    note: "ok \\x9b31m"\n',
                "4:15",
                "'note' holds a control character (U+009B)",
            ),
            (
                "  - canonical: a\n    forbidden: [b\u202ec]\n",
                "4:18",
                "'forbidden' holds a bidirectional control character (U+202E)",
            ),
            (
                '  - id: "a\\u2066b"\n    canonical: a\n',
                "3:11",
                "'id' holds a bidirectional control character (U+2066)",
            ),
            (
                '  - canonical: a\n    examples: {bad: ["x\\x07"]}\n',
                "4:24",
                "each entry of 'bad' holds a control character (U+0007)",
            ),
            (
                "  - canonical: a\n    note: |\n      fine\n      bad\u202e\n",
                "6:10",
                "'note' holds a bidirectional",
            ),
        ],
    )
    def test_refused_where_written(self, tmp_path, body, where, what):
        """Exit 2, nothing on stdout, ``bad.yaml:LINE:COLUMN: ... (U+XXXX)``."""
        (tmp_path / "bad.yaml").write_text(HEADER + body, encoding="utf-8")
        (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
        outcome = run_process(tmp_path, "check", "-g", "bad.yaml", "a.md")
        assert outcome.code == 2
        assert outcome.stdout == ""
        (line,) = outcome.errors
        assert line.startswith(f"bad.yaml:{where}: {what}"), line
        assert line.endswith(
            "glossary text may hold tabs and line breaks but no other control "
            "characters"
        )
        assert not RAW.search(outcome.stderr)

    def test_tabs_line_breaks_and_marks_are_text(self, tmp_path):
        """Tabs, line breaks and right-to-left marks (U+200F) load as they are."""
        (tmp_path / "ok.yaml").write_text(
            HEADER + '  - canonical: "Belt\\tRoad"\n    note: "a\\nb \u200f"\n',
            encoding="utf-8",
        )
        outcome = run_process(tmp_path, "glossary", "validate", "ok.yaml")
        assert outcome.code == 0
        assert outcome.stdout == "ok.yaml: ok (1 term)\n"


class TestDocumentTextIsEscaped:
    """A document's control characters, printed by every format."""

    LINE = f"Title {TITLE} {RED}and One\x1dBelt One Road, \u202e done\n"

    def test_text_with_context(self, folder):
        """Message, context line and mark: escaped, the mark under the match."""
        (folder / "a.md").write_text(self.LINE, encoding="utf-8")
        outcome = run_process(
            folder, "check", "--context", "-g", "glossary.yaml", "a.md"
        )
        assert outcome.code == 1
        assert outcome.stdout.splitlines() == [
            'a.md:1:27: error: "One Belt One Road" is an unapproved variant; use '
            '"Belt and Road Initiative". First line.\\nSecond\\tline. '
            "[forbidden bri]",
            "    Title \\x1b]0;pwned\\x07 \\x1b[31mand One\\x1dBelt One Road, "
            "\\u202e done",
            " " * 39 + "^" + "~" * 19,
            "1 finding (1 error, 0 warnings, 0 info) in 1 file",
        ]

    def test_tab_in_context_is_kept_for_the_mark(self, folder):
        """A tab lays the line out, and the mark copies it to stay aligned."""
        (folder / "a.txt").write_text("\tx\x1b One Belt One Road\n", encoding="utf-8")
        outcome = run_process(
            folder, "check", "--context", "-g", "glossary.yaml", "a.txt"
        )
        assert outcome.stdout.splitlines()[1:3] == [
            "    \tx\\x1b One Belt One Road",
            "    \t" + " " * 6 + "^" + "~" * 16,
        ]

    @pytest.mark.parametrize("fmt", ["github", "junit"])
    def test_other_human_formats(self, folder, fmt):
        """GitHub annotations and JUnit XML hold no raw control character."""
        (folder / "a.md").write_text(self.LINE, encoding="utf-8")
        outcome = run_process(
            folder, "check", "--format", fmt, "-g", "glossary.yaml", "a.md"
        )
        assert outcome.code == 1
        assert "One Belt One Road" in outcome.stdout
        assert not RAW.search(outcome.stdout), outcome.stdout

    @pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
    def test_machine_formats_escape_and_read_back(self, folder, fmt):
        """No raw control in the bytes; the matched text reads back exactly."""
        (folder / "a.md").write_text(self.LINE, encoding="utf-8")
        outcome = run_process(
            folder, "check", "--format", fmt, "-g", "glossary.yaml", "a.md"
        )
        assert not RAW.search(outcome.stdout), outcome.stdout
        data = json.loads(outcome.stdout)
        if fmt != "gitlab":  # GitLab's issues carry the message, not the text
            assert "\\u001d" in outcome.stdout
        if fmt == "json":
            assert data["findings"][0]["matched"] == "One\x1dBelt One Road"
        elif fmt == "sarif":
            region = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
                "region"
            ]
            assert region["snippet"]["text"] == "One\x1dBelt One Road"

    def test_c1_and_bidi_in_json(self, folder):
        """C1 controls and bidi controls, which json leaves raw, become \\u escapes."""
        (folder / "a.md").write_text("One Belt\x85One Road\n", encoding="utf-8")
        outcome = run_process(
            folder, "check", "--format", "json", "-g", "glossary.yaml", "a.md"
        )
        assert '"matched": "One Belt\\u0085One Road"' in outcome.stdout
        assert not RAW.search(outcome.stdout)

    def test_stats_and_discover(self, tmp_path):
        """Wordings found in documents: white space controls print as a space."""
        (tmp_path / "gh.yaml").write_text(
            HEADER + "  - canonical: GitHub\n    case: sensitive\n", encoding="utf-8"
        )
        (tmp_path / "a.md").write_text(
            "We use Git\x1dHub and Git\x1cHub.\n" * 2, encoding="utf-8"
        )
        stats = run_process(tmp_path, "stats", "-g", "gh.yaml", "a.md")
        assert "Git Hub  near-miss      4  a.md 4" in stats.stdout
        assert not RAW.search(stats.stdout), stats.stdout
        found = run_process(tmp_path, "discover", "--min-count", "2", "a.md")
        assert not RAW.search(found.stdout), found.stdout
