"""Tests for the LaTeX extractor."""

from __future__ import annotations

import pytest

from termcheck.checker import check_text
from termcheck.extractors.latex import extract
from tests.extractors.cases import assert_shown
from tests.semantics import semantics_glossary

GLOSSARY = semantics_glossary()

CASES = [
    ("\\section{Section words}\n", "Section words", "section"),
    ("\\section*[Short words]{Long words}\n", "Short Long words", "section"),
    (
        "\\subsection{Sub words}\\label{sec:label_key}\n",
        "Sub words",
        "label_key label sec",
    ),
    (
        "text \\emph{stressed words} and \\textbf{bold}\n",
        "text stressed words and bold",
        "emph textbf",
    ),
    ("see \\cite{cite_key} and \\ref{ref_key}\n", "see and", "cite_key ref_key"),
    ("\\usepackage[opt_a]{pkg_name}\n", "", "usepackage opt_a pkg_name"),
    (
        "math $inline_math$ and $$display_math$$ end\n",
        "math and end",
        "inline_math display_math",
    ),
    (
        "math \\(paren_math\\) and \\[bracket_math\\] end\n",
        "math and end",
        "paren_math bracket_math",
    ),
    (
        "\\begin{equation}\nequation_body\n\\end{equation}\nafter\n",
        "after",
        "equation_body equation begin",
    ),
    ("\\begin{align*}\naligned_body\n\\end{align*}\nafter\n", "after", "aligned_body"),
    (
        "\\begin{verbatim}\nverb_body \\end{x}\n\\end{verbatim}\nafter\n",
        "after",
        "verb_body",
    ),
    (
        "\\begin{lstlisting}[language=Py]\nlisting_body\n\\end{lstlisting}\n",
        "",
        "listing_body language",
    ),
    ("\\begin{minted}{python}\nminted_body\n\\end{minted}\n", "", "minted_body"),
    ("inline \\verb|verb_text| end\n", "inline end", "verb_text"),
    ("text % comment_words\nnext\n", "text next", "comment_words"),
    ("50\\% of text\n", "50 of text", ""),
    ("\\href{https://h.org/target}{link words}\n", "link words", "https target"),
    ("\\url{https://h.org/url_target}\n", "", "url_target"),
    ("\\includegraphics[width=2cm]{pic/file}\n", "", "width pic file"),
    ("\\item item words\n\\item[label words] more\n", "item words label more", ""),
    ("\\footnote{note words}\n", "note words", "footnote"),
    ("\\caption{caption words}\n", "caption words", ""),
    (
        "\\unknown{arg_hidden}[opt_hidden] after\n",
        "after",
        "unknown arg_hidden opt_hidden",
    ),
    ("\\begin{tabular}{ll_spec}\na & b\n\\end{tabular}\n", "a b", "ll_spec tabular"),
]


class TestLatexConstructs:
    """Each construct is shown or skipped as the issue lists."""

    @pytest.mark.parametrize(("text", "shown", "hidden"), CASES)
    def test_construct(self, text, shown, hidden):
        """Recall (shown words stay) and precision (skipped words go)."""
        assert_shown("latex", text, shown, hidden)

    def test_escaped_percent_is_not_a_comment(self):
        """``\\%`` is a percent sign: the text after it stays prose."""
        assert extract("5\\% growth\n").comments == ()

    def test_comment_reported(self):
        """A comment's body (after ``%``) is reported for directives."""
        text = "x % termcheck: off\n"
        (span,) = extract(text).comments
        assert text[span[0] : span[1]] == " termcheck: off"

    def test_unclosed_constructs_do_not_crash(self):
        """An unclosed group, math or environment masks to the end of the text."""
        for text in ("\\cite{open", "$open math", "\\begin{verbatim}\nx", "\\verb|x"):
            assert len(extract(text).masked) == len(text)


class TestLatexPhrases:
    """Phrases across text commands are found; commands' own args end them."""

    def test_phrase_across_emph(self):
        """``community of \\emph{human} destiny`` is one phrase."""
        text = "a community of \\emph{human} destiny\n"
        (finding,) = check_text(GLOSSARY, text, markup="latex")
        assert finding.matched == "community of \\emph{human} destiny"

    def test_phrase_stops_at_citation(self):
        """A hidden argument ends a phrase."""
        assert check_text(GLOSSARY, "One Belt \\cite{k} One Road", markup="latex") == []

    def test_position_after_math(self):
        """Columns count the skipped math."""
        text = "Let $x^2 + y^2$ be OBOR.\n"
        (finding,) = check_text(GLOSSARY, text, markup="latex")
        assert finding.column == text.index("OBOR") + 1
