"""Paints claim tints, word-level differences, flags and fact tokens into a story pane.

One QSyntaxHighlighter per pane reads the precomputed runs of a :class:`SideIndex`; the fact
tokens come from the story lexer (``factcheck_gui.lexer``) that the HTML export also uses, so
the app and the report emphasise the same words.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review.docindex import Mark, Run, SideIndex
from factcheck_gui.ui.shell.theme import (
    FLAG_COLOUR,
    KIND_STYLES,
    deleted_colour,
    fact_colour,
    inserted_colour,
    kind_tint,
)

_BOLD_FACTS = {"fact:number", "fact:date", "fact:name"}
_ACCENT_FACTS = {"fact:hedge", "fact:negation", "fact:attribution"}


class StoryHighlighter(QSyntaxHighlighter):
    """Formats one pane from a :class:`SideIndex` (nothing is drawn until an index is set)."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._index: SideIndex | None = None
        self._palette = palette
        self._cache: dict[frozenset[str], QTextCharFormat] = {}

    def set_index(self, index: SideIndex | None, palette: QPalette | None = None) -> None:
        """Use new runs (and optionally a new palette) and repaint the whole document."""
        self._index = index
        if palette is not None:
            self._palette = palette
        self._cache.clear()
        self.rehighlight()

    def format_for(self, keys: frozenset[str]) -> QTextCharFormat:
        """The combined character format for a set of run keys (cached)."""
        fmt = self._cache.get(keys)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        for kind in ChangeKind:
            if kind.value in keys:
                fmt.setBackground(kind_tint(kind, self._palette))
        if Mark.DELETED.value in keys:
            fmt.setFontStrikeOut(True)
            fmt.setForeground(deleted_colour(self._palette))
        if Mark.INSERTED.value in keys:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setForeground(inserted_colour(self._palette))
        if Mark.TRIVIAL.value in keys:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        if Mark.FLAG.value in keys:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(FLAG_COLOUR))
        if keys & _BOLD_FACTS:
            fmt.setFontWeight(QFont.Weight.Bold)
        if "fact:quote" in keys:
            fmt.setFontItalic(True)
        if keys & _ACCENT_FACTS:
            fmt.setFontItalic(True)
            if Mark.DELETED.value not in keys and Mark.INSERTED.value not in keys:
                fmt.setForeground(fact_colour(self._palette))
        fmt.setProperty(QTextCharFormat.Property.UserProperty, ",".join(sorted(keys)))
        self._cache[keys] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:
        idx = self._index
        if idx is None:
            return
        block = self.currentBlock()
        lo = block.position()
        hi = lo + len(text)
        runs: list[Run] = [*idx.tints.between(lo, hi), *idx.marks.between(lo, hi), *idx.facts.between(lo, hi)]
        if not runs:
            return
        bounds = sorted({lo, hi, *(max(lo, r.start) for r in runs), *(min(hi, r.end) for r in runs)})
        for a, b in pairwise(bounds):
            if a >= b:
                continue
            keys = frozenset(r.key for r in runs if r.start < b and r.end > a)
            if keys:
                self.setFormat(a - lo, b - a, self.format_for(keys))


def legend_items() -> list[tuple[str, str, str]]:
    """(colour, mark, label) for the legend, in reading order."""
    order = [
        ChangeKind.REWORDED,
        ChangeKind.MOVED,
        ChangeKind.SPLIT,
        ChangeKind.MERGED,
        ChangeKind.ADDED,
        ChangeKind.REMOVED,
    ]
    return [(KIND_STYLES[k].colour, KIND_STYLES[k].mark, KIND_STYLES[k].label) for k in order]
