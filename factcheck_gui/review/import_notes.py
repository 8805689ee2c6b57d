"""What the importers noticed about a story's text, said to the reader once it is shown.

An importer that had to guess (an encoding detected, a PDF without a text layer, a page whose
charset was missing) records a warning in the document's :class:`SourceInfo`; the reports
carry it in their appendix, and the window says it when a new comparison opens, so a garbled
text is never reviewed unawares.
"""

from __future__ import annotations

from factcheck_gui.engine.types import Comparison, Document

# A warning of a long message is cut here: the bar is one line; the reports keep it whole.
MAX_CHARS = 160


def import_notes(comparison: Comparison) -> str:
    """One line naming each side's import warnings ("" when there are none): "Original
    “c3.txt”: not UTF-8: decoded as cp1252 (detected). Check that the text reads right."."""
    parts = [
        _side(label, doc)
        for label, doc in (("Original", comparison.original), ("Rewrite", comparison.rewrite))
        if doc.source.warnings
    ]
    if not parts:
        return ""
    return " · ".join(parts) + ". Check that the text reads right."


def _side(label: str, doc: Document) -> str:
    said = "; ".join(" ".join(w.split()) for w in doc.source.warnings)
    if len(said) > MAX_CHARS:
        said = said[: MAX_CHARS - 1].rstrip() + "…"
    name = " ".join(doc.name.split()) or "(pasted)"
    return f"{label} “{name}”: {said}"
