"""Recall and precision of the one-pass matcher, rule by rule."""

from __future__ import annotations

import pytest

from termcheck.checker import check_text
from termcheck.errors import MatchTimeoutError
from termcheck.matcher import find_matches, index_for
from termcheck.model import Form, Glossary, Status, Term
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()


def found(text: str) -> list[tuple[str, str, str]]:
    """(kind, term, matched) of every finding in ``text``."""
    return [(f.kind.value, f.term, f.matched) for f in check_text(GLOSSARY, text)]


class TestExactForms:
    """Whole-word, normalised, inflected exact matching."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "a community of human destiny.",
                [("forbidden", "shared-future", "community of human destiny")],
            ),
            (
                "COMMUNITY OF HUMAN DESTINY",
                [("forbidden", "shared-future", "COMMUNITY OF HUMAN DESTINY")],
            ),
            (
                "community of\n   human destiny",
                [("forbidden", "shared-future", "community of\n   human destiny")],
            ),
            (
                "community of human\r\ndestiny",
                [("forbidden", "shared-future", "community of human\r\ndestiny")],
            ),
            (
                "communities of human destiny",
                [("forbidden", "shared-future", "communities of human destiny")],
            ),
            (
                "the community of human destiny's aim",
                [("forbidden", "shared-future", "community of human destiny's")],
            ),
            (
                "OBOR's loans and OBORs",
                [("forbidden", "bri", "OBOR's"), ("forbidden", "bri", "OBORs")],
            ),
            ("send an e\u2011mail", [("forbidden", "email", "e\u2011mail")]),
            ("构建人类共同命运。", [("forbidden", "shared-future-zh", "人类共同命运")]),
            (
                "community of shared destinies",
                [("forbidden", "shared-future", "community of shared destinies")],
            ),
        ],
    )
    def test_finds_forbidden_forms(
        self, text: str, expected: list[tuple[str, str, str]]
    ) -> None:
        """Forbidden forms are found across case, line breaks, inflection, scripts."""
        assert found(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "OBORX is a made-up word",
            "the XOBOR code",
            "Global Development Initiative and Global Security Initiative",
            "a community with a shared future for mankind",
            "Communities with a shared future for mankind",
            "the community of human. Destiny is a word",
            "community of human (destiny)",
            "email me at someone@example.com",
            "see https://example.org/community-of-human-destiny",
            "人类命运共同体",
        ],
    )
    def test_stays_silent(self, text: str) -> None:
        """Inside longer words, across punctuation, in URLs, accepted forms: nothing."""
        assert found(text) == []

    def test_longer_term_contains_shorter(self) -> None:
        """The concept-paper canonical wins over the GSI inside it: no finding."""
        assert (
            found("We read the concept paper on the Global Security Initiative.") == []
        )
        matches = find_matches(
            GLOSSARY, "the concept paper on the Global Security Initiative"
        )
        assert [m.term_id for m in matches] == ["concept-paper"]


class TestCase:
    """Case-sensitive terms report other casings; sentence starts are fine."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "the global security initiative",
                [("case", "gsi", "global security initiative")],
            ),
            (
                "the GLOBAL SECURITY INITIATIVE",
                [("case", "gsi", "GLOBAL SECURITY INITIATIVE")],
            ),
            ("push to Github today", [("case", "github", "Github")]),
            (
                "the belt and road initiative",
                [("case", "bri", "belt and road initiative")],
            ),
        ],
    )
    def test_wrong_case(self, text: str, expected: list[tuple[str, str, str]]) -> None:
        """The same words in another case are a case finding."""
        assert found(text) == expected

    def test_sentence_start(self) -> None:
        """A lower-case canonical capitalised at a sentence start is not a finding."""
        glossary = Glossary(
            (Term("gui", "graphical user interface", case_sensitive=True),)
        )
        text = (
            "Graphical user interface. It is a graphical user interface.\n\n"
            "Graphical user interface"
        )
        assert check_text(glossary, text) == []
        assert [
            f.kind.value for f in check_text(glossary, "the Graphical user interface")
        ] == ["case"]


class TestNearMiss:
    """Every near-miss example of the specification, both ways."""

    @pytest.mark.parametrize(
        ("text", "term"),
        [
            ("comunity with a shared future for mankind", "shared-future"),
            ("Community of Shared Future for Mankind", "shared-future"),
            ("community of shared human destiny", "shared-future"),
            ("community of destiny", "shared-future"),
            ("community of human security", "human-security-community"),
            ("Confidence Building Measures", "cbm"),
            ("the concept note on the Global Security Initiative", "concept-paper"),
            ("a Git Hub account", "github"),
        ],
    )
    def test_recall(self, text: str, term: str) -> None:
        """Typos, function words, inserted, dropped and reordered words, hyphens."""
        results = check_text(GLOSSARY, text)
        assert [(f.kind.value, f.term) for f in results] == [("near-miss", term)]
        assert 0 < results[0].score < 1

    @pytest.mark.parametrize(
        "text",
        [
            "United Nations Headquarters",
            "security of human destiny",
            "of the United Nations",
            "the United Nations",
            "Global Development Initiative",
            "global security",
            "a human community",
            "shared future",
            "communal spirit",
            "the community of nations",
            "we stay true to multilateralism",
            "security of the community",
        ],
    )
    def test_precision(self, text: str) -> None:
        """Other concepts that share words are not near-misses."""
        assert [
            f for f in check_text(GLOSSARY, text) if f.kind.value == "near-miss"
        ] == []

    def test_content_word_replaced_in_short_phrase(self) -> None:
        """A replaced content word in a short phrase is another concept."""
        results = check_text(GLOSSARY, "community of human security")
        assert [f.term for f in results] == ["human-security-community"]

    def test_united_nations_headquarters_with_allowed_charter(self) -> None:
        """A replaced last word is another concept even next to an allowed form."""
        assert check_text(GLOSSARY, "United Nations Headquarters") == []

    def test_fuzzy_off(self) -> None:
        """A term with fuzzy off gets no near-misses."""
        glossary = Glossary((Term("x", "community of human destiny", fuzzy=None),))
        assert check_text(glossary, "community of destiny") == []

    def test_threshold(self) -> None:
        """A stricter threshold keeps only the closer variants."""
        glossary = Glossary(
            (Term("x", "community with a shared future for mankind", fuzzy=0.95),)
        )
        assert (
            len(check_text(glossary, "comunity with a shared future for mankind")) == 1
        )
        assert check_text(glossary, "Community of Shared Future for Mankind") == []

    def test_short_single_words_never_fuzzy(self) -> None:
        """Words under five characters are never fuzzy-matched."""
        glossary = Glossary((Term("x", "Node"), Term("y", "Kubernetes")))
        assert check_text(glossary, "a Nodes Nude Mode") == []
        assert [f.kind.value for f in check_text(glossary, "Kubernetess")] == [
            "forbidden"
        ] or [f.kind.value for f in check_text(glossary, "Kubernetess")] == [
            "near-miss"
        ]


class TestInconsistent:
    """Two accepted wordings of one term in one file."""

    def test_minority_wording_reported_with_counts(self) -> None:
        """Each use of the less frequent accepted wording is reported."""
        text = (
            "the United Nations Charter, the United Nations Charter and "
            "the Charter of the United Nations"
        )
        results = check_text(GLOSSARY, text)
        assert [(f.kind.value, f.matched) for f in results] == [
            ("inconsistent", "Charter of the United Nations")
        ]
        assert "2" in results[0].message
        assert results[0].replacement == "United Nations Charter"

    def test_abbreviations_are_not_inconsistent(self) -> None:
        """Spelling a name out, then abbreviating it, is consistent usage."""
        glossary = Glossary(
            (
                Term(
                    "sco",
                    "Shanghai Cooperation Organisation",
                    allowed=(Form("SCO", Status.ALLOWED),),
                    case_sensitive=True,
                ),
            )
        )
        assert (
            check_text(glossary, "The Shanghai Cooperation Organisation (SCO) met; SCO")
            == []
        )

    def test_one_wording_is_consistent(self) -> None:
        """A file that sticks to one wording has no inconsistent finding."""
        assert (
            found(
                "the Charter of the United Nations, the Charter of the United Nations"
            )
            == []
        )


class TestRegex:
    """Regex forms: anchored on a literal first word or scanned alone."""

    def test_unanchored_regex(self) -> None:
        """A regex without a literal first word still matches whole words only."""
        glossary = Glossary(
            (
                Term(
                    "x",
                    "email",
                    forbidden=(Form("[Ee]-?mails?", Status.FORBIDDEN, regex=True),),
                ),
            )
        )
        assert [
            f.matched for f in check_text(glossary, "E-mail and e-mails, not hemail")
        ] == ["E-mail", "e-mails"]

    @pytest.mark.parametrize(
        ("pattern", "found"),
        [
            ("e ?mail", ["e mail", "e\n mail", "email"]),
            ("e *mail", ["e mail", "e\n mail", "email"]),
            ("e +mail", ["e mail", "e\n mail"]),
            ("e[ ]?mail", ["e mail", "email"]),  # a space in a class is one space
        ],
    )
    def test_space_before_a_quantifier(self, pattern: str, found: list[str]) -> None:
        """A quantified space quantifies the whole run of white space."""
        form = Form(pattern, Status.FORBIDDEN, regex=True)
        glossary = Glossary((Term("x", "mail", forbidden=(form,)),))
        text = "An e mail, an e\n mail, an email."
        assert [f.matched for f in check_text(glossary, text)] == found

    def test_catastrophic_backtracking_times_out(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A pathological regex is stopped with an error naming the term."""
        monkeypatch.setattr("termcheck.matcher.REGEX_BUDGET_SECONDS", 0.2)
        glossary = Glossary(
            (
                Term(
                    "slow",
                    "a",
                    forbidden=(Form("(a|a)+b", Status.FORBIDDEN, regex=True),),
                ),
            )
        )
        with pytest.raises(MatchTimeoutError, match="slow"):
            check_text(glossary, "a" * 60 + "!")


class TestIndexCache:
    """The index is built once per glossary object."""

    def test_same_object_same_index(self) -> None:
        """A second lookup returns the same index."""
        assert index_for(GLOSSARY) is index_for(GLOSSARY)


class TestDottedCompounds:
    """A dot between two words joins them: file names, module and product names."""

    def test_dotted_form_is_matched(self) -> None:
        """A form with a dot matches as a whole, in any case, plural included."""
        glossary = Glossary(
            (
                Term(
                    "node",
                    "Node.js",
                    case_sensitive=True,
                    forbidden=(Form("NodeJS", Status.FORBIDDEN),),
                ),
            )
        )
        found_here = [
            (f.kind.value, f.matched)
            for f in check_text(glossary, "Node.js, node.js and NodeJS. End.")
        ]
        assert found_here == [("case", "node.js"), ("forbidden", "NodeJS")]

    @pytest.mark.parametrize(
        "text",
        ["see javascript.md", "typings.for.css.modules.loader", "the x.github.io site"],
    )
    def test_word_inside_a_dotted_compound_is_not_matched(self, text: str) -> None:
        """A term never matches one part of a file or module name."""
        glossary = Glossary(
            (
                Term("js", "JavaScript", case_sensitive=True),
                Term("gh", "GitHub", case_sensitive=True),
                Term(
                    "css",
                    "CSS",
                    forbidden=(Form("css", Status.FORBIDDEN, regex=True),),
                    case_sensitive=True,
                ),
            )
        )
        assert check_text(glossary, text) == []

    def test_sentence_end_is_not_a_compound(self) -> None:
        """A dot followed by a space still ends a sentence."""
        glossary = Glossary((Term("js", "JavaScript", case_sensitive=True),))
        assert [f.matched for f in check_text(glossary, "I like javascript. Yes")] == [
            "javascript"
        ]


class TestIdentifiers:
    """No term matches only a part of a file, package or module name."""

    @pytest.mark.parametrize(
        "text",
        [
            "install javascript-some-plugin here",
            "some-plugin-javascript",
            "typings-for-css-modules-loader",
            "open foo-javascript-bar.txt",
        ],
    )
    def test_part_of_identifier_not_matched(self, text: str) -> None:
        """Lower-case hyphen chains of 3+ parts and dotted chains name things."""
        glossary = Glossary((Term("js", "JavaScript", case_sensitive=True),))
        assert check_text(glossary, text) == []

    @pytest.mark.parametrize(
        ("text", "matched"),
        [
            ("javascript-based tools", "javascript"),
            ("the Javascript-Based-Tool", "Javascript"),
        ],
    )
    def test_prose_compounds_still_matched(self, text: str, matched: str) -> None:
        """Two-part compounds and chains with capitals are prose."""
        glossary = Glossary((Term("js", "JavaScript", case_sensitive=True),))
        assert [f.matched for f in check_text(glossary, text)] == [matched]

    def test_whole_chain_matches(self) -> None:
        """A form equal to the whole chain is still found."""
        assert [
            f.kind.value
            for f in check_text(GLOSSARY, "the community-of-human-destiny idea")
        ] == ["near-miss"]


class TestExactBeforeInflected:
    """A word that is a form as written is never read as another form's plural."""

    def test_https_is_not_plural_of_http(self) -> None:
        """'https' is the form HTTPS in the wrong case, not the plural of HTTP."""
        glossary = Glossary(
            (
                Term("http", "HTTP", case_sensitive=True),
                Term("https", "HTTPS", case_sensitive=True),
            )
        )
        assert [(f.term, f.kind.value) for f in check_text(glossary, "use https")] == [
            ("https", "case")
        ]
        assert [f.term for f in check_text(glossary, "two HTTPs")] == []
