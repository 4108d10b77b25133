"""``termcheck lsp``: a language server that checks documents as they are edited.

``pieces`` and ``incremental`` (no LSP dependency) re-check a changed document
from cached per-paragraph results; ``workspace`` finds each document's config
and glossaries; ``positions`` keeps the editor's text; ``actions`` turns
findings and fixes into LSP values; ``server`` speaks the protocol with pygls
(the ``lsp`` extra).
"""
