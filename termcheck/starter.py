"""``termcheck init``: a commented starter config and glossary, never overwriting."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from termcheck.errors import ConfigError

__all__ = ["CONFIG_NAME", "GLOSSARY_NAME", "starter_config", "write_starter"]

CONFIG_NAME: Final = ".termcheck.yaml"
GLOSSARY_NAME: Final = "glossary.yaml"

_GLOSSARY: Final = """\
# A termcheck glossary (format version 1). Each term has one canonical
# wording, optionally other accepted wordings (allowed), and the wordings to
# report (forbidden). Every key is described in termcheck's README.
#
#   termcheck glossary validate glossary.yaml   # is it valid?
#   termcheck glossary test glossary.yaml       # do the examples behave?
version: 1
name: Project terms
language: en
terms:
  - id: email
    canonical: email
    forbidden: [e-mail]
    severity: warning
    note: House style writes "email" without a hyphen.
    examples:
      bad: ["Reply to the e-mail by Friday."]
      good: ["Reply to the email by Friday."]
"""


def starter_config() -> str:
    """The starter ``.termcheck.yaml``, listing the formats and markups there are."""
    from termcheck.caps import PER_FILE, PER_RUN
    from termcheck.extractors import EXTRACTORS
    from termcheck.formatters import FORMATTERS

    formats = ", ".join(FORMATTERS)
    markups = ", ".join(EXTRACTORS)
    return f"""\
# termcheck configuration. `termcheck check` finds this file from the current
# folder upwards to the repository root (`--config PATH` names another one).
# Paths and patterns below are relative to this file's folder; patterns use
# .gitignore syntax. Options on the command line win over this file.

# Glossaries to check against: files, or names of glossaries bundled with
# termcheck.
glossaries:
  - {GLOSSARY_NAME}

# Files to check when a folder is walked. Without `include`: files ending in
# .md, .markdown, .txt, .rst, .html, .htm, .tex and .adoc (and any ending
# under `markup`). Files ignored by git are always left out of a walk.
# include:
#   - "docs/**/*.md"

# Files never checked, even when named on the command line.
exclude:
  - "node_modules/"

# Lowest severity that makes `termcheck check` exit 1: error, warning, info
# or never.
fail-on: error

# Output format: {formats}.
# format: text

# How to read other file endings: {markups}.
# markup:
#   .mdx: markdown

# Near-miss threshold for terms whose glossary sets none: a number in (0, 1],
# or false for no near-miss search.
# fuzzy: 0.88

# Whether `--fix` also rewrites findings inside quotations (someone's words);
# they are reported either way. `--fix-quotes` does it for one run.
# fix-quotes: false

# How many findings a report lists, in the whole run and in one file; the
# rest are counted as omitted (the exit status still counts them). 0: all.
# max-findings: {PER_RUN}
# max-findings-per-file: {PER_FILE}

# Settings for some paths, applied in order; a later match wins.
# overrides:
#   - paths: ["legal/**"]
#     glossaries: [legal-glossary.yaml]
#     fail-on: warning
#     disable: [email]
#     fix-quotes: true
"""


def write_starter(folder: Path) -> list[Path]:
    """Write the starter files into ``folder``; ConfigError if one exists."""
    files = {folder / CONFIG_NAME: starter_config(), folder / GLOSSARY_NAME: _GLOSSARY}
    for path in files:
        if path.exists():
            raise ConfigError("already exists; not overwriting it", str(path))
    written = []
    for path, text in files.items():
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(path)
    return written
