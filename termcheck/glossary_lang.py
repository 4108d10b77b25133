"""Reading a term's ``inflections``: listed inflected forms of its wordings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from termcheck.model import Form
from termcheck.yamlnodes import YList, YMap, describe, given

if TYPE_CHECKING:
    from termcheck.yamlnodes import NodeReader, Where

__all__ = ["read_inflections"]


def read_inflections(
    reader: NodeReader,
    mapping: YMap,
    canonical: str,
    allowed: list[tuple[Form, Where]],
    forbidden: list[tuple[Form, Where]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``inflections: {WORDING: [FORM, ...]}``; each WORDING must be one of the
    term's literal wordings. The n-th form of a wording is replaced by the n-th
    form of the canonical when a fix is made."""
    node = given(mapping, "inflections")
    if node is None:
        return ()
    if not isinstance(node, YMap):
        raise reader.fail(
            node, f"'inflections' must be a mapping of wordings, not {describe(node)}"
        )
    wordings = {" ".join(canonical.casefold().split())}
    wordings.update(
        " ".join(form.text.casefold().split())
        for form, _ in allowed + forbidden
        if not form.regex
    )
    found = []
    for key, (key_node, value) in node.entries.items():
        wording = " ".join(key.split())
        if wording.casefold() not in wordings:
            raise reader.fail(
                key_node,
                f"'inflections' names {wording!r}, which is not a wording of this "
                "term (canonical, allowed or forbidden)",
            )
        if not isinstance(value, YList):
            raise reader.fail(
                value, f"the inflections of {wording!r} must be a list of forms"
            )
        forms = reader.texts(value, f"the inflections of {wording!r}")
        found.append((wording, tuple(" ".join(f.split()) for f in forms)))
    return tuple(found)
