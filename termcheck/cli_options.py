"""Options that ``check``, ``stats`` and ``discover`` share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

__all__ = ["color_option", "glossary_option", "paths_argument"]

_Command = TypeVar("_Command", bound=Callable[..., Any])
Decorator = Callable[[_Command], _Command]

_GLOSSARY_HELP = "Glossary file or bundled glossary name; repeat to combine several."
_COLOR_HELP = "Colour the output [default: on a terminal unless NO_COLOR is set]."


def paths_argument(*, required: bool = True) -> Decorator[Any]:
    """The ``PATH...`` argument: files, folders, or ``-`` for standard input."""
    return click.argument(
        "paths",
        nargs=-1,
        required=required,
        metavar="PATH..." if required else "[PATH...]",
        shell_complete=_complete_path,
    )


def glossary_option(help_text: str = _GLOSSARY_HELP) -> Decorator[Any]:
    """``-g``/``--glossary PATH|NAME``, repeatable, into ``glossaries``."""
    return click.option(
        "-g",
        "--glossary",
        "glossaries",
        multiple=True,
        metavar="PATH|NAME",
        help=help_text,
        shell_complete=_complete_glossary,
    )


def color_option(help_text: str = _COLOR_HELP) -> Decorator[Any]:
    """``--color``/``--no-color`` into ``color`` (None: decide by the terminal)."""
    return click.option("--color/--no-color", default=None, help=help_text)


def _complete_path(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Let the shell complete file and folder names (the value is not checked)."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


def _complete_glossary(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Complete a bundled glossary's name, or a file name."""
    from click.shell_completion import CompletionItem

    from termcheck.bundled import bundled_glossaries

    names = [name for name in bundled_glossaries() if name.startswith(incomplete)]
    files = _complete_path(ctx, param, incomplete)
    return files + [CompletionItem(name) for name in names]
