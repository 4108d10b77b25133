"""Parse untrusted XML safely: no entity expansion, no external resources."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Final

import defusedxml
import defusedxml.ElementTree

from termcheck.errors import GlossaryError, excerpt

__all__ = ["XML_LANG", "local_name", "parse_xml"]

XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_xml(data: bytes, path: str) -> ElementTree.Element:
    """The root element of ``data``; GlossaryError for unsafe or broken XML.

    Entity declarations (billion laughs, external entities: XXE) are refused
    outright; a DOCTYPE that only names a DTD is allowed, and never fetched.
    """
    try:
        root: ElementTree.Element = defusedxml.ElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.EntitiesForbidden as error:
        problem = (
            f"refusing XML that declares entities ({excerpt(str(error.name))}): "
            "entity expansion and external entities are not allowed"
        )
        raise GlossaryError(problem, path) from None
    except defusedxml.DefusedXmlException as error:
        raise GlossaryError(f"refusing unsafe XML: {error}", path) from None
    except ElementTree.ParseError as error:
        line, column = error.position
        message = str(error).split(":", 1)[0]
        raise GlossaryError(
            f"not well-formed XML: {message}", path, line, column + 1
        ) from None
    return root


def local_name(tag: str) -> str:
    """An element's name without its namespace: ``{urn:x}termSec`` -> ``termSec``."""
    return tag.rsplit("}", 1)[-1]
