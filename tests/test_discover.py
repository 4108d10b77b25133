"""Tests for variant discovery: recall and precision on planted families, and units."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from termcheck.checker import check_text
from termcheck.discover import discover_families
from termcheck.discover_model import Family, Location
from termcheck.glossary import parse_glossary
from termcheck.phrases import count_phrases, prose_tokens

DATA = Path(__file__).resolve().parent / "data" / "discover"
CORPUS = DATA / "corpus"
PLANTED: list[list[str]] = yaml.safe_load(
    (DATA / "families.yaml").read_text(encoding="utf-8")
)["families"]


def corpus_texts() -> list[tuple[str, str]]:
    """The quality corpus as ``(name, text)`` pairs."""
    return [
        (path.name, path.read_text(encoding="utf-8"))
        for path in sorted(CORPUS.glob("*.md"))
    ]


def wordings(families: list[Family]) -> list[list[tuple[str, int]]]:
    """Each family as ``[(wording, count)]``."""
    return [[(m.text, m.count) for m in family.members] for family in families]


def matches_planted(family: Family, planted: list[str]) -> bool:
    """True if the family holds at least two wordings of the planted family."""
    texts = {m.text for m in family.members}
    return len(texts & set(planted)) >= 2


@pytest.fixture(name="families", scope="module")
def _families() -> list[Family]:
    """discover's families on the quality corpus, default settings."""
    return discover_families(corpus_texts())


class TestQualityCorpus:
    """On the corpus with planted families: every family found, little noise.

    These are the figures the README states (16 of 16 found, 1 of 17 noise).
    """

    def test_planted_families_have_three_or_more_occurrences(self):
        """Each planted wording occurs, and each family at least three times."""
        text = "\n".join(text for _, text in corpus_texts())
        for family in PLANTED:
            counts = [text.count(wording) for wording in family]
            assert all(counts), family
            assert sum(counts) >= 3, family

    def test_every_planted_family_found(self, families):
        """Recall: each planted family is reported with its variant wordings."""
        missed = [
            p for p in PLANTED if not any(matches_planted(f, p) for f in families)
        ]
        assert missed == []
        assert len(PLANTED) == 16

    def test_at_most_one_in_five_reported_families_is_noise(self, families):
        """Precision: families that match no planted one are at most 20%."""
        noise = [f for f in families if not any(matches_planted(f, p) for p in PLANTED)]
        assert [f.canonical for f in noise] == ["City Council"]
        assert len(noise) / len(families) <= 0.2
        assert len(families) == 17

    def test_every_wording_of_a_found_family(self, families):
        """The typo, hyphen, case and order variants are all in their family."""
        for planted in PLANTED:
            family = next(f for f in families if matches_planted(f, planted))
            assert set(planted) <= {m.text for m in family.members}, planted


class TestVariantKinds:
    """Recall per kind of variation, and silence where there is none."""

    @pytest.mark.parametrize(
        ("variant", "label"),
        [
            ("tide tabel", "typo"),
            ("tide-table", "hyphen"),
            ("Tide Table", "case"),
        ],
    )
    def test_found(self, variant, label):
        """A wording used three times and one variant of it make a family."""
        text = (
            "The tide table is on the wall. Check the tide table daily. "
            f"Sailors read the tide table. One copy says {variant} instead."
        )
        assert wordings(discover_families([("a.md", text)])) == [
            [("tide table", 3), (variant, 1)]
        ], label

    def test_word_order(self):
        """Two names in the other order are one family."""
        text = (
            "Lancang-Mekong Cooperation grew. Lancang-Mekong Cooperation met. "
            "Mekong-Lancang Cooperation was the old order."
        )
        assert wordings(discover_families([("a.md", text)])) == [
            [("Lancang-Mekong Cooperation", 2), ("Mekong-Lancang Cooperation", 1)]
        ]

    def test_dropped_word(self):
        """A wording with one of three content words left out joins the family."""
        text = (
            "The flood early warning system works. A flood early warning system "
            "helps. Their flood warning system is old."
        )
        assert wordings(discover_families([("a.md", text)])) == [
            [("flood early warning system", 2), ("flood warning system", 1)]
        ]

    @pytest.mark.parametrize(
        "text",
        [
            # Plurals and sentence starts are the same wording.
            "Release candidates ship weekly. A release candidate is tested. "
            "The release candidate passed. Release candidate two failed.",
            # A function word put into a two-word phrase makes another phrase.
            "Development benefits all. The development benefits were shared. Growth "
            "is a development that benefits the poor.",
            # Capitalised words inside a longer name are not a case variant.
            "Climate change is real. We study climate change. The Framework "
            "Convention on Climate Change was signed.",
            # A piece of a phrase ("single sign") is not a variant of it.
            "Use single sign-on. Single sign-on is on. Our single sign-on is fast.",
            # Different words in the same frame are different phrases.
            "The United Nations met. The United Nations spoke. The United States "
            "voted. The United States agreed.",
        ],
        ids=["inflection", "function-word", "proper-name", "piece", "other-word"],
    )
    def test_silent(self, text):
        """None of these texts has a variant family."""
        assert discover_families([("a.md", text)]) == []

    def test_min_count(self):
        """A family needs min_count occurrences in all."""
        text = "The tide table hangs here. The tide table is new. A tide-table too."
        assert len(discover_families([("a.md", text)], min_count=3)) == 1
        assert discover_families([("a.md", text)], min_count=4) == []

    def test_examples_are_located(self):
        """Each wording keeps the line and column of its first occurrences."""
        text = "A tide table.\nThe tide table.\nAnd a tide-table.\n"
        (family,) = discover_families([("doc.md", text)])
        assert family.members[1].examples == (Location("doc.md", 3, 7),)
        assert family.members[0].examples == (
            Location("doc.md", 1, 3),
            Location("doc.md", 2, 5),
        )

    def test_across_files(self):
        """Occurrences in several files add up."""
        texts = [("a.md", "The tide table. The tide table."), ("b.md", "A tide-table.")]
        assert wordings(discover_families(texts)) == [
            [("tide table", 2), ("tide-table", 1)]
        ]


class TestYamlGlossary:
    """--format yaml writes a glossary that reports the variants it found."""

    def test_glossary_flags_the_corpus_variants(self):
        """Loaded back, the glossary flags every non-canonical wording it lists."""
        from termcheck.discover_format import format_yaml

        families = discover_families(corpus_texts())
        glossary = parse_glossary("\n".join(format_yaml(families)))
        assert len(glossary) == len(families)
        for family, term in zip(families, glossary, strict=True):
            assert term.canonical == family.canonical
            for member in family.members[1:]:
                found = check_text(glossary, f"We saw {member.text} here.")
                assert any(f.term == term.id for f in found), member.text


def test_sketch_counts_agree_with_exact_counts():
    """The corpus's recurring phrases are counted exactly through the sketch."""
    texts = [prose_tokens(text) for _, text in corpus_texts()]
    counts = count_phrases(texts, 2, texts)
    assert counts.phrases["data protection officer"] == 4
    assert counts.phrases["lancang-mekong cooperation"] == 4
