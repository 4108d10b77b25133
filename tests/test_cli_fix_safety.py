"""--fix never damages text: no doubled words, quotations left alone, the
writer's typography kept, markup escaped or the fix refused, and baselines
that hold after a fix. Every case runs the real command line in a child
process and compares the exact bytes of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.fix import QUOTED, WHOLE
from tests.reliability.battery import Outcome, run_process

GLOSSARY = """\
version: 1
terms:
  - id: bri
    canonical: Belt and Road Initiative
    case: sensitive
    forbidden: [One Belt One Road, OBOR]
  - id: rok
    canonical: Republic of Korea
    forbidden: [South Korea]
  - id: ecosoc
    canonical: United Nations Economic and Social Council
    forbidden: [ECOSOC]
  - id: chair
    canonical: chairman
    forbidden: [chairperson]
  - id: cbm
    canonical: confidence-building measures
    forbidden: [trust-building steps]
"""


def fix(folder: Path, name: str, data: bytes, *args: str) -> tuple[bytes, Outcome]:
    """Write ``data`` to ``folder/name``, run ``--fix`` on it, return its bytes."""
    (folder / name).write_bytes(data)
    outcome = run_process(folder, "check", "--fix", *args, name)
    return (folder / name).read_bytes(), outcome


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with ``glossary.yaml``."""
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def again_changes_nothing(folder: Path, name: str, *args: str) -> None:
    """A second --fix run leaves the file's bytes as they are."""
    before = (folder / name).read_bytes()
    outcome = run_process(folder, "check", "--fix", *args, name)
    assert (folder / name).read_bytes() == before
    assert "termcheck: fixed" not in outcome.stderr


class TestNoDoubledWords:
    """The canonical's words beside the match are absorbed, not repeated."""

    def test_diplomacy_mankind(self, folder):
        """The issue's case, with the bundled glossary."""
        data, outcome = fix(
            folder,
            "a.txt",
            b"We build a community of common destiny for mankind.\n",
            "-g",
            "diplomacy-en",
        )
        assert data == b"We build a community with a shared future for mankind.\n"
        assert outcome.code == 0
        again_changes_nothing(folder, "a.txt", "-g", "diplomacy-en")

    def test_diplomacy_cases_and_line_breaks(self, folder):
        """Sentence start, ALL CAPS, a CRLF break, a possessive, a plural."""
        data, _ = fix(
            folder,
            "a.md",
            (
                "Community of human destiny for mankind was named.\r\n"
                "THE COMMUNITY OF SHARED DESTINY FOR MANKIND!\r\n"
                "a community of common destiny\r\nfor mankind, and\r\n"
                "the community of common destiny for mankind\u2019s sake;\r\n"
                "communities of common destiny for mankind.\r\n"
            ).encode(),
            "-g",
            "diplomacy-en",
        )
        assert (
            data
            == (
                "Community with a shared future for mankind was named.\r\n"
                "THE COMMUNITY WITH A SHARED FUTURE FOR MANKIND!\r\n"
                "a community with a shared future\r\nfor mankind, and\r\n"
                "the community with a shared future for mankind\u2019s sake;\r\n"
                "communities with a shared future for mankind.\r\n"
            ).encode()
        )
        again_changes_nothing(folder, "a.md", "-g", "diplomacy-en")

    def test_bri_initiative(self, folder):
        """The word after "the OBOR" takes the case-sensitive canonical's case."""
        data, _ = fix(
            folder,
            "a.txt",
            b"the OBOR initiative and the One Belt One Road Initiative.\n",
            "-g",
            "diplomacy-en",
        )
        assert data == (
            b"the Belt and Road Initiative and the Belt and Road Initiative.\n"
        )

    def test_leading_and_both_ends(self, folder):
        """Words before the match, and on both sides, are absorbed too."""
        data, _ = fix(
            folder,
            "a.txt",
            b"the Republic of South Korea; the United Nations ECOSOC Council.\n",
            "-g",
            "glossary.yaml",
        )
        assert data == (
            b"the Republic of Korea; the United Nations Economic and Social Council.\n"
        )

    def test_canonical_already_beside_is_refused(self, folder):
        """A variant right before its whole canonical is left, with the reason."""
        text = b"OBOR Belt and Road Initiative grew.\n"
        data, outcome = fix(folder, "a.txt", text, "-g", "glossary.yaml")
        assert data == text
        assert (
            f"termcheck: a.txt:1:1: not fixed: {WHOLE}" in outcome.stderr.splitlines()
        )
        again_changes_nothing(folder, "a.txt", "-g", "glossary.yaml")

    def test_two_wordings_side_by_side(self, folder):
        """The second would repeat the first fix: it is left, and stays so."""
        text = b"They want a community of common destiny community of shared destiny.\n"
        data, outcome = fix(folder, "a.txt", text, "-g", "diplomacy-en")
        assert data == (
            b"They want a community with a shared future for mankind community "
            b"of shared destiny.\n"
        )
        assert (
            f"termcheck: a.txt:1:56: not fixed: {WHOLE}" in outcome.stderr.splitlines()
        )
        assert outcome.stdout.startswith("a.txt:1:56: error: ")
        again_changes_nothing(folder, "a.txt", "-g", "diplomacy-en")


QUOTED_CASES = [
    ("a.txt", "He said \u201cOBOR grew\u201d; OBOR shrank.\n"),
    ("a.txt", 'He said "OBOR grew"; OBOR shrank.\n'),
    ("a.txt", "He said \u2018OBOR grew\u2019; OBOR shrank.\n"),
    ("a.txt", "Il dit \u00ab OBOR grew \u00bb; OBOR shrank.\n"),
    ("a.txt", "Er sagt \u201eOBOR grew\u201c; OBOR shrank.\n"),
    ("a.txt", "\u4ed6\u8bf4\u300cOBOR grew\u300d; OBOR shrank.\n"),
    ("a.txt", "\u4ed6\u8bf4\u300eOBOR grew\u300f; OBOR shrank.\n"),
    ("a.md", "> OBOR grew, he said.\n\nOBOR shrank.\n"),
    ("a.md", "He said <q>OBOR grew</q>; OBOR shrank.\n"),
    ("a.html", "<blockquote><p>OBOR grew</p></blockquote><p>OBOR shrank.</p>\n"),
    ("a.html", "<p>He said <q>OBOR grew</q>; OBOR shrank.</p>\n"),
    ("a.rst", "He said:\n\n    OBOR grew.\n\nOBOR shrank.\n"),
    ("a.rst", ".. epigraph::\n\n   OBOR grew.\n\nOBOR shrank.\n"),
    ("a.adoc", "[quote, Someone]\n____\nOBOR grew.\n____\n\nOBOR shrank.\n"),
    ("a.adoc", "[quote]\nOBOR grew.\n\nOBOR shrank.\n"),
    ("a.tex", "He said ``OBOR grew''; OBOR shrank.\n"),
    ("a.tex", "\\begin{quote}OBOR grew.\\end{quote}\nOBOR shrank.\n"),
    ("a.tex", "He said \\enquote{OBOR grew}; OBOR shrank.\n"),
]


class TestQuotations:
    """Quoted findings are reported, marked, and rewritten only when asked."""

    @staticmethod
    def write_cases(folder: Path) -> list[str]:
        """Each case in its own file, named for its markup; the names."""
        names = []
        for number, (name, text) in enumerate(QUOTED_CASES):
            stem, ending = name.split(".")
            names.append(f"{stem}{number:02}.{ending}")
            (folder / names[-1]).write_bytes(text.encode())
        return names

    def test_quoted_left_unquoted_fixed(self, folder):
        """In every case the quoted OBOR stays, the other one is fixed, and the
        quoted one's message says so; a second run changes nothing."""
        names = self.write_cases(folder)
        outcome = run_process(folder, "check", "--fix", "-g", "glossary.yaml", *names)
        lines = outcome.stdout.splitlines()
        for name, (_, text) in zip(names, QUOTED_CASES, strict=True):
            expected = text.replace("OBOR shrank", "Belt and Road Initiative shrank")
            assert (folder / name).read_bytes() == expected.encode(), name
            (line,) = [line for line in lines if line.startswith(f"{name}:")]
            assert ': error: in a quotation: "OBOR" is an unapproved variant' in line
            assert line.endswith("[forbidden bri]")
            assert any(
                note.startswith(f"termcheck: {name}:") and note.endswith(QUOTED)
                for note in outcome.stderr.splitlines()
            ), name
        assert outcome.code == 1
        again = run_process(folder, "check", "--fix", "-g", "glossary.yaml", *names)
        assert "termcheck: fixed" not in again.stderr
        assert again.stdout == outcome.stdout

    def test_fix_quotes_rewrites_them(self, folder):
        """--fix-quotes rewrites quoted findings too."""
        names = self.write_cases(folder)
        outcome = run_process(
            folder, "check", "--fix-quotes", "-g", "glossary.yaml", *names
        )
        for name, (_, text) in zip(names, QUOTED_CASES, strict=True):
            expected = text.replace("OBOR", "Belt and Road Initiative")
            assert (folder / name).read_bytes() == expected.encode(), name
        assert outcome.code == 0

    def test_config_key_and_override(self, folder):
        """``fix-quotes: true`` applies; an override turns it off for some paths."""
        (folder / ".termcheck.yaml").write_text(
            "glossaries: [glossary.yaml]\nfix-quotes: true\n"
            "overrides:\n  - paths: [keep/]\n    fix-quotes: false\n",
            encoding="utf-8",
        )
        (folder / "keep").mkdir()
        text = 'He said "OBOR grew".\n'
        for name in ("a.txt", "keep/b.txt"):
            (folder / name).write_text(text, encoding="utf-8")
        run_process(folder, "check", "--fix", "a.txt", "keep/b.txt")
        assert (folder / "a.txt").read_bytes() == (
            b'He said "Belt and Road Initiative grew".\n'
        )
        assert (folder / "keep/b.txt").read_bytes() == text.encode()

    def test_bad_config_value(self, folder):
        """A value that is not a boolean is a config error naming the line."""
        (folder / ".termcheck.yaml").write_text(
            "glossaries: [glossary.yaml]\nfix-quotes: sometimes\n", encoding="utf-8"
        )
        (folder / "a.txt").write_text("OBOR\n", encoding="utf-8")
        outcome = run_process(folder, "check", "a.txt")
        assert outcome.code == 2
        assert outcome.errors == [
            ".termcheck.yaml:2:13: 'fix-quotes' must be true or false, not text "
            "'sometimes'"
        ]

    def test_unpaired_mark_and_apostrophes(self, folder):
        """An unpaired mark quotes nothing; apostrophes are not quotation marks."""
        data, outcome = fix(
            folder,
            "a.txt",
            b"An open \" mark. OBOR\xe2\x80\x99s loans.\n\nIt's OBOR's; \"see.\n",
            "-g",
            "glossary.yaml",
        )
        assert data == (
            b'An open " mark. Belt and Road Initiative\xe2\x80\x99s loans.\n\n'
            b"It's Belt and Road Initiative's; \"see.\n"
        )
        assert "quotation" not in outcome.stdout


class TestTypography:
    """The writer's apostrophes, hyphens and no-break spaces carry over."""

    def test_apostrophes_hyphens_and_spaces(self, folder):
        """’s, s’, a non-breaking hyphen and no-break spaces are kept."""
        data, _ = fix(
            folder,
            "a.txt",
            "OBOR\u2019s plan; OBORs\u2019 loans; One\u00a0Belt\u00a0One\u00a0Road "
            "grew; trust\u2011building steps; the chairpersons\u2019 views.\n".encode(),
            "-g",
            "glossary.yaml",
        )
        assert (
            data
            == (
                "Belt and Road Initiative\u2019s plan; Belt and Road Initiatives\u2019 "
                "loans; Belt\u00a0and\u00a0Road\u00a0Initiative grew; "
                "confidence\u2011building measures; the chairpersons\u2019 views.\n"
            ).encode()
        )


MARKUP = """\
version: 1
terms:
  - id: rd
    canonical: R&D
    forbidden: [research and development]
  - id: renew
    canonical: 100% renewable
    forbidden: [fully renewable]
  - id: tag
    canonical: a<b>c
    forbidden: [abc thing]
  - id: star
    canonical: "*nix"
    forbidden: [unix-like]
  - id: first
    canonical: "#1 priority"
    forbidden: [top priority]
  - id: dont
    canonical: doesn't_
    forbidden: [does not]
  - id: literal
    canonical: "Note:: this"
    forbidden: [note this]
"""


class TestMarkup:
    """Replacements are escaped for the markup they land in, or refused."""

    @pytest.fixture
    def markup(self, tmp_path: Path) -> Path:
        """A folder with the markup glossary."""
        (tmp_path / "glossary.yaml").write_text(MARKUP, encoding="utf-8")
        return tmp_path

    @pytest.mark.parametrize(
        ("name", "before", "after"),
        [
            (
                "a.tex",
                "Our research and development is fully renewable.\ntop priority now.\n",
                "Our R\\&D is 100\\% renewable.\n\\#1 priority now.\n",
            ),
            (
                "a.html",
                "<p>An abc thing and research and development.</p>\n"
                '<img alt="research and development" src="x.png">\n',
                '<p>An a&lt;b&gt;c and R&amp;D.</p>\n<img alt="R&amp;D" src="x.png">\n',
            ),
            (
                "a.md",
                "Runs on unix-like systems.\ntop priority now.\n",
                "Runs on \\*nix systems.\n\\#1 priority now.\n",
            ),
            (
                "a.rst",
                "Runs on unix-like systems.\n",
                "Runs on \\*nix systems.\n",
            ),
        ],
    )
    def test_escaped(self, markup, name, before, after):
        """LaTeX, HTML (text and attributes), Markdown and rST escapes."""
        data, _ = fix(markup, name, before.encode(), "-g", "glossary.yaml")
        assert data == after.encode()
        again_changes_nothing(markup, name, "-g", "glossary.yaml")

    def test_markdown_emphasis_beside_a_trailing_underscore(self, markup):
        """A canonical ending in ``_`` inside ``_..._`` is escaped, or refused."""
        text = b"It _does not_ work.\n"
        data, outcome = fix(markup, "a.md", text, "-g", "glossary.yaml")
        assert data == text  # the escaped form reads as a near-miss: left alone
        assert "a.md:1:5: not fixed: the replacement would create a new near-miss" in (
            outcome.stderr
        )

    def test_asciidoc_refused(self, markup):
        """AsciiDoc markup in a replacement is refused, naming the marks."""
        text = b"Runs on unix-like systems.\n"
        data, outcome = fix(markup, "a.adoc", text, "-g", "glossary.yaml")
        assert data == text
        assert (
            "termcheck: a.adoc:1:9: not fixed: the replacement holds AsciiDoc "
            "markup (*), which would change how the text renders; edit by hand"
        ) in outcome.stderr.splitlines()

    def test_rst_double_colon_refused(self, markup):
        """``::`` would start a literal block in rST: refused."""
        text = b"Please note this.\n"
        data, outcome = fix(markup, "a.rst", text, "-g", "glossary.yaml")
        assert data == text
        assert 'a.rst:1:8: not fixed: the replacement holds "::"' in outcome.stderr


class TestBaselineWithFix:
    """Baselined findings are found again by fingerprint on the fixed text."""

    def test_check_after_fix_reports_what_fix_reported(self, folder):
        """A fix among a baselined finding's words is held back; a plain check
        and a second fix then agree with the first fix."""
        (folder / "old.yaml").write_text(
            GLOSSARY.split("  - id: rok")[0], encoding="utf-8"
        )
        text = b"Loans to OBOR by the chairperson grew.\nThe chairperson spoke.\n"
        (folder / "a.txt").write_bytes(text)
        run_process(
            folder, "check", "-g", "old.yaml", "--write-baseline", "b.json", "a.txt"
        )
        first = run_process(
            folder,
            "check",
            "--fix",
            "-g",
            "glossary.yaml",
            "--baseline",
            "b.json",
            "a.txt",
        )
        assert (folder / "a.txt").read_bytes() == (
            b"Loans to OBOR by the chairperson grew.\nThe chairman spoke.\n"
        )
        assert (
            "termcheck: a.txt:1:22: not fixed: the fix would change the words around "
            "a baselined finding on the same line, which would then be reported "
            "again; edit by hand"
        ) in first.stderr.splitlines()
        plain = run_process(
            folder, "check", "-g", "glossary.yaml", "--baseline", "b.json", "a.txt"
        )
        assert plain.stdout == first.stdout
        assert plain.stdout.splitlines()[-1] == (
            "1 finding (1 error, 0 warnings, 0 info) in 1 file, 1 baselined"
        )
        again_changes_nothing(
            folder, "a.txt", "-g", "glossary.yaml", "--baseline", "b.json"
        )

    def test_fixes_elsewhere_keep_baselined_hidden(self, folder):
        """Fixes on other lines move offsets; the baselined finding stays hidden."""
        text = b"The chairperson spoke.\nLoans to OBOR grew.\n"
        (folder / "old.yaml").write_text(
            GLOSSARY.split("  - id: rok")[0], encoding="utf-8"
        )
        (folder / "a.txt").write_bytes(text)
        run_process(
            folder, "check", "-g", "old.yaml", "--write-baseline", "b.json", "a.txt"
        )
        first = run_process(
            folder,
            "check",
            "--fix",
            "-g",
            "glossary.yaml",
            "--baseline",
            "b.json",
            "a.txt",
        )
        assert (folder / "a.txt").read_bytes() == (
            b"The chairman spoke.\nLoans to OBOR grew.\n"
        )
        assert first.stdout == (
            "0 findings (0 errors, 0 warnings, 0 info) in 1 file, 1 baselined\n"
        )
        plain = run_process(
            folder, "check", "-g", "glossary.yaml", "--baseline", "b.json", "a.txt"
        )
        assert plain.stdout == first.stdout
        assert plain.code == first.code == 0
