"""Refusing YAML alias bombs and self-containing aliases before any expansion."""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from termcheck.errors import GlossaryError

__all__ = ["MAX_NODES", "check_expansion"]

MAX_NODES = 1_000_000
"""Upper bound on the nodes that alias expansion may add to those in the file;
real glossaries stay far below it, however large they are."""


def check_expansion(root: yaml.Node, path: str) -> None:
    """Refuse alias bombs and self-containing aliases before anything is expanded.

    Aliases make the composed graph share nodes, so a small file can stand for
    billions of nodes. Sizes are memoised per shared node: the cost is linear in
    the file, not in the expansion. Only what aliases add counts against
    ``MAX_NODES``: a large file without aliases is never refused.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def expanded_size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _fail(node, path, "recursive alias: a node contains itself")
        open_nodes.add(key)
        total = 1 + sum(expanded_size(child) for child in _children(node))
        open_nodes.discard(key)
        # Without aliases a subtree never outgrows the nodes seen so far, so a
        # large but honest file never trips this; an alias bomb does at once.
        if total - len(sizes) > MAX_NODES:  # sizes holds each node once
            problem = "too many nodes after alias expansion (alias bomb?)"
            raise _fail(node, path, problem)
        sizes[key] = total
        return total

    expanded_size(root)


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        yield from node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _fail(node: yaml.Node, path: str, problem: str) -> GlossaryError:
    mark = node.start_mark
    return GlossaryError(problem, path, mark.line + 1, mark.column + 1)
