"""check-pair: a Chinese source and its English translation, side by side."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from termcheck.pair import check_pair, load_glossary_pair
from termcheck.segments import read_pair

DATA = Path(__file__).parent / "data" / "pair"
ROOT = Path(__file__).parent.parent
TBX = str(ROOT / "examples" / "diplomacy-zh-en.tbx")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["termcheck", "check-pair", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def positions(output: str) -> list[tuple[int, int, int, int, str, str]]:
    """(line, column, end line, end column, term, matched) of a JSON report."""
    report = json.loads(output)
    return [
        (
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"],
            f["term"],
            f["matched"],
        )
        for f in report["findings"]
    ]


# The planted renderings of briefing-en.md: forbidden wordings, a typo, two
# omissions. Every other paragraph renders its terms with the canonical (or an
# allowed) wording and must stay silent.
PLANTED = [
    (3, 71, 3, 98, "shared-future", "community of common destiny"),
    (7, 26, 7, 59, "sco", "Shanghai Cooperation Organization"),
    (
        13,
        1,
        13,
        78,
        "gci",
        "The proposal calls for respecting the diversity of the world's civilizations.",
    ),
    (17, 5, 17, 40, "aiib", "Asia Infrastructure Investment Bank"),
    (19, 5, 19, 27, "ndb", "BRICS Development Bank"),
    (21, 29, 21, 55, "lmc", "Mekong-Lancang Cooperation"),
    (25, 31, 25, 54, "true-multilateralism", "genuine multilateralism"),
    (31, 63, 31, 104, "shared-future", "comunity with a shared future for mankind"),
    (35, 40, 35, 57, "bri", "One Belt One Road"),
    (41, 1, 41, 45, "sco", "The Secretariat published its annual report."),
]


class TestParagraphs:
    """Two Markdown files aligned paragraph by paragraph (22 pairs)."""

    @pytest.mark.parametrize(
        "glossaries", [["-g", TBX], ["-g", "diplomacy-zh", "-g", "diplomacy-en"]]
    )
    def test_planted_renderings_found_and_nothing_else(
        self, glossaries: list[str]
    ) -> None:
        """The ten planted renderings, at their exact positions; the other
        twelve pairs are silent. The bilingual TBX and the two bundled
        glossaries agree."""
        outcome = run(
            str(DATA / "briefing-zh.md"),
            str(DATA / "briefing-en.md"),
            *glossaries,
            "--format",
            "json",
        )
        assert outcome.returncode == 1, outcome.stderr
        assert positions(outcome.stdout) == PLANTED

    def test_text_report(self) -> None:
        """One line per finding, kind mistranslated, message naming both sides."""
        outcome = run(
            "tests/data/pair/briefing-zh.md",
            "tests/data/pair/briefing-en.md",
            "-g",
            TBX,
        )
        lines = outcome.stdout.splitlines()
        assert lines[0] == (
            'tests/data/pair/briefing-en.md:3:71: error: "人类命运共同体" of source '
            'segment 2 is rendered "community of common destiny"; use "community '
            'with a shared future for mankind" [mistranslated shared-future]'
        )
        assert lines[2] == (
            'tests/data/pair/briefing-en.md:13:1: error: "全球文明倡议" of source '
            'segment 7 is not rendered; the translation should say "Global '
            'Civilization Initiative" [mistranslated gci]'
        )
        assert lines[-1] == "10 findings (10 errors, 0 warnings, 0 info) in 1 file"

    def test_correct_translation_is_silent(self, tmp_path: Path) -> None:
        """With every planted rendering corrected, nothing is reported."""
        text = (DATA / "briefing-en.md").read_text(encoding="utf-8")
        for wrong, right in [
            (
                "community of common destiny",
                "community with a shared future for mankind",
            ),
            ("Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"),
            ("The proposal", "The Global Civilization Initiative"),
            ("Asia Infrastructure", "Asian Infrastructure"),
            ("BRICS Development Bank", "New Development Bank"),
            ("Mekong-Lancang", "Lancang-Mekong"),
            ("genuine", "true"),
            ("comunity", "community"),
            ("the One Belt One Road", "the Belt and Road Initiative"),
            ("The Secretariat", "The Shanghai Cooperation Organisation Secretariat"),
        ]:
            assert wrong in text
            text = text.replace(wrong, right)
        fixed = tmp_path / "en.md"
        fixed.write_text(text, encoding="utf-8")
        outcome = run(str(DATA / "briefing-zh.md"), str(fixed), "-g", TBX)
        assert (outcome.returncode, outcome.stdout) == (
            0,
            "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n",
        )

    def test_crlf_line_endings(self, tmp_path: Path) -> None:
        """Files with CRLF line endings: lines and columns as an editor shows."""
        source, target = tmp_path / "zh.txt", tmp_path / "en.txt"
        source.write_bytes("构建人类命运共同体。\r\n\r\n一带一路战略。\r\n".encode())
        target.write_bytes(
            b"Build a community of common destiny.\r\n\r\nThe OBOR grew.\r\n"
        )
        outcome = run(str(source), str(target), "-g", TBX, "--format", "json")
        assert positions(outcome.stdout) == [
            (1, 9, 1, 36, "shared-future", "community of common destiny"),
            (3, 5, 3, 9, "bri", "OBOR"),
        ]

    def test_paragraph_counts_must_match(self, tmp_path: Path) -> None:
        """A translation missing a paragraph is an error naming both counts."""
        short = tmp_path / "en.md"
        short.write_text("Only one paragraph.\n", encoding="utf-8")
        outcome = run(str(DATA / "briefing-zh.md"), str(short), "-g", TBX)
        assert outcome.returncode == 2
        assert outcome.stderr == (
            f"termcheck: error: {short}: 22 paragraphs in "
            f"{DATA / 'briefing-zh.md'} but 1 in this file; the two must align "
            "paragraph by paragraph\n"
        )


class TestXliffAndTmx:
    """Segments from XLIFF 2, XLIFF 1.2 and TMX; positions in the XML file."""

    def test_xliff2(self) -> None:
        """Inline markup and entities before a rendering keep its column right;
        a segment with no rendering is reported over its whole target."""
        outcome = run("tests/data/pair/statement.xlf", "-g", TBX, "--format", "json")
        assert outcome.returncode == 1, outcome.stderr
        assert positions(outcome.stdout) == [
            (13, 32, 13, 49, "bri", "One Belt One Road"),
            (23, 17, 23, 58, "ndb", "The &quot;bank&quot; made its first loan."),
        ]

    def test_xliff12(self) -> None:
        """source-language/target-language of the file choose the sides."""
        outcome = run(
            "tests/data/pair/statement-1.2.xlf", "-g", TBX, "--format", "json"
        )
        assert positions(outcome.stdout) == [
            (7, 47, 7, 70, "true-multilateralism", "genuine multilateralism")
        ]

    def test_tmx(self) -> None:
        """srclang of the TMX header is the source; the other variant the target."""
        outcome = run("tests/data/pair/memory.tmx", "-g", TBX, "--format", "json")
        assert positions(outcome.stdout) == [
            (11, 35, 11, 61, "lmc", "Mekong-Lancang Cooperation")
        ]

    def test_api(self) -> None:
        """The same check through the Python API."""
        segments = read_pair(str(DATA / "statement.xlf"), None)
        assert (segments.source_language, segments.target_language) == ("zh-CN", "en")
        assert len(segments.pairs) == 5
        pair = load_glossary_pair([TBX], "zh-CN", "en")
        report = check_pair(pair, segments)
        assert [f.term for f in report.findings] == ["bri", "ndb"]
        assert {f.kind.value for f in report.findings} == {"mistranslated"}


class TestErrors:
    """Bad input: one line naming the file, exit 2."""

    def test_entity_declaration_refused(self, tmp_path: Path) -> None:
        """An XLIFF that declares entities is refused before anything expands."""
        bomb = tmp_path / "bomb.xlf"
        bomb.write_text(
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            '<xliff version="2.0"><file id="f"/></xliff>',
            encoding="utf-8",
        )
        outcome = run(str(bomb), "-g", TBX)
        assert outcome.returncode == 2
        assert outcome.stderr.startswith(f"termcheck: error: {bomb}: refusing XML")
        assert "Traceback" not in outcome.stderr

    def test_one_language_only(self, tmp_path: Path) -> None:
        """Two glossaries of one language cannot pair anything."""
        outcome = run(
            str(DATA / "briefing-zh.md"),
            str(DATA / "briefing-en.md"),
            "-g",
            "diplomacy-en",
        )
        assert outcome.returncode == 2
        assert "need glossaries of both languages" in outcome.stderr

    def test_xliff_with_a_second_file(self) -> None:
        """An XLIFF file holds both sides: a TARGET beside it is a usage error."""
        outcome = run(
            "tests/data/pair/statement.xlf", "tests/data/pair/briefing-en.md", "-g", TBX
        )
        assert outcome.returncode == 2
        assert "holds both sides" in outcome.stderr


class TestBilingualTermBase:
    """examples/diplomacy-zh-en.tbx imports into a Chinese and an English glossary."""

    @pytest.mark.parametrize(
        ("lang", "text", "expected"),
        [
            (
                "zh",
                "会议讨论了一带一路战略。\n",
                'doc.txt:1:6: error: "一带一路战略" is an unapproved variant; '
                'use "一带一路倡议" [forbidden bri]',
            ),
            (
                "en",
                "The talks covered the One Belt One Road.\n",
                'doc.txt:1:23: error: "One Belt One Road" is an unapproved '
                'variant; use "Belt and Road Initiative" [forbidden bri]',
            ),
        ],
    )
    def test_import_each_language(
        self, tmp_path: Path, lang: str, text: str, expected: str
    ) -> None:
        """Each import is a valid glossary of 17 terms that finds its variants
        and nothing in a text using the canonical."""
        out = tmp_path / f"{lang}.yaml"
        command = ["termcheck", "glossary", "import", TBX, "--from", "tbx"]
        imported = subprocess.run(
            [*command, "--lang", lang, "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert imported.returncode == 0, imported.stderr
        assert f"language: {lang}\n" in out.read_text(encoding="utf-8")
        (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
        checked = subprocess.run(
            ["termcheck", "check", "-g", str(out), "doc.txt"],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert checked.returncode == 1
        assert checked.stdout.splitlines()[0] == expected
        fixed = subprocess.run(
            ["termcheck", "check", "-g", str(out), "--fix", "doc.txt"],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert fixed.returncode == 0, fixed.stdout
        assert checked.stdout.count("\n") == 2  # one finding, the summary
        after = (tmp_path / "doc.txt").read_text(encoding="utf-8")
        assert (
            after
            == {
                "zh": "会议讨论了一带一路倡议。\n",
                "en": "The talks covered the Belt and Road Initiative.\n",
            }[lang]
        )


def test_targets_inside_comments_are_not_segments(tmp_path: Path) -> None:
    """An XLIFF whose comment holds 50,000 <target> tags: none is a segment,
    and positions come from the real target."""
    comment = "<!-- " + "<target>" * 50_000 + " -->"
    path = tmp_path / "c.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n<xliff version="2.0" srcLang="zh" trgLang="en">'
        f'{comment}\n<file id="f"><unit id="u"><segment><source>一带一路倡议</source>'
        "\n<target>The OBOR.</target></segment></unit></file></xliff>\n",
        encoding="utf-8",
    )
    outcome = run(str(path), "-g", TBX, "--format", "json")
    assert positions(outcome.stdout) == [(4, 13, 4, 17, "bri", "OBOR")]
