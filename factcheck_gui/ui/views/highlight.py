"""Paints claim tints, word-level differences, flags and fact tokens into a story pane.

The styled stretches of a pane are merged once, in the worker that builds the
:class:`ComparisonIndex` (:class:`StylePlan`); this highlighter only turns the stretches of
the blocks it is asked for into character formats, so the cost on the GUI thread follows what
is on screen, never the length of the story. The pane asks for its visible blocks when it is
shown, scrolled or resized (:meth:`StoryHighlighter.format_blocks`); a short story is formatted
whole at once (:meth:`format_all`). The fact tokens come from the story lexer
(``factcheck_gui.lexer``) that the HTML export also uses, so the app and the report emphasise
the same words; for a long story the pane lexes them in slices between events
(:meth:`SideIndex.lex_facts_for`) and formats again the blocks shown once theirs are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
)

from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review.docindex import Mark, SideIndex, StylePlan
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
# A story with no more stretches than this is formatted whole when shown (a few milliseconds).
FORMAT_ALL_UP_TO = 4000


def story_format(keys: frozenset[str], palette: QPalette) -> QTextCharFormat:
    """The character format a story pane gives text with these run keys (kind values, marks,
    "fact:<kind>"); the legend draws its samples with the same function, so both always agree."""
    fmt = QTextCharFormat()
    for kind in ChangeKind:
        if kind.value in keys:
            fmt.setBackground(kind_tint(kind, palette))
    if Mark.DELETED.value in keys:
        fmt.setFontStrikeOut(True)
        fmt.setForeground(deleted_colour(palette))
    if Mark.INSERTED.value in keys:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setForeground(inserted_colour(palette))
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
            fmt.setForeground(fact_colour(palette))
    fmt.setProperty(QTextCharFormat.Property.UserProperty, ",".join(sorted(keys)))
    return fmt


class StoryHighlighter(QObject):
    """Formats the blocks of one document from a :class:`SideIndex`'s plan (nothing until an
    index is set, and then only the blocks asked for)."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._doc = document
        self._index: SideIndex | None = None
        self._plan: StylePlan | None = None
        self._palette = palette
        self._cache: dict[frozenset[str], QTextCharFormat] = {}
        self._by_style: list[QTextCharFormat | None] = []
        # Positions of the blocks formatted from the current plan: True once with their facts.
        self._done: dict[int, bool] = {}
        self.generation = 0  # counts set_index calls
        self.walk_complete = False  # the last format_blocks met only blocks with their facts

    @property
    def index(self) -> SideIndex | None:
        return self._index

    def set_index(self, index: SideIndex | None, palette: QPalette | None = None) -> None:
        """Use new runs (and optionally a new palette). Nothing is repainted here: every block
        counts as not formatted until :meth:`format_blocks` or :meth:`format_all` reaches it."""
        self._index = index
        self._plan = index.plan if index is not None else None
        if palette is not None:
            self._palette = palette
        self._cache.clear()
        self._by_style = [None] * (len(self._plan.styles) if self._plan is not None else 0)
        self._done.clear()
        self.generation += 1

    def is_formatted(self, block: QTextBlock) -> bool:
        return block.position() in self._done

    def formatted_count(self) -> int:
        return len(self._done)

    def format_for(self, keys: frozenset[str]) -> QTextCharFormat:
        """The combined character format for a set of run keys (cached)."""
        fmt = self._cache.get(keys)
        if fmt is None:
            fmt = self._cache[keys] = story_format(keys, self._palette)
        return fmt

    def _style_format(self, plan: StylePlan, sid: int) -> QTextCharFormat:
        fmt = self._by_style[sid]
        if fmt is None:
            fmt = self._by_style[sid] = self.format_for(plan.styles[sid])
        return fmt

    def _apply(self, block: QTextBlock) -> bool:
        """Give ``block`` its formats (no relayout); False when it already had them.

        A block formatted before its fact tokens were lexed counts as not formatted once they are.
        """
        plan, side = self._plan, self._index
        pos = block.position()
        if plan is None or side is None:
            return False
        end = pos + block.length() - 1
        complete = end <= side.facts_known_to()
        if self._done.get(pos, False) or (pos in self._done and not complete):
            return False
        self._done[pos] = complete
        ranges: list[QTextLayout.FormatRange] = []
        for a, b, fmt in self._stretches(plan, side, pos, end):
            r = QTextLayout.FormatRange()
            r.start = a - pos
            r.length = b - a
            r.format = fmt
            ranges.append(r)
        layout = block.layout()
        if ranges or layout.formats():
            layout.setFormats(ranges)
        return True

    def _stretches(
        self, plan: StylePlan, side: SideIndex, lo: int, hi: int
    ) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, end, format) of ``[lo, hi)``: the plan's stretches with the fact tokens over them."""
        segs = list(plan.segments(lo, hi))
        facts = [(max(lo, r.start), min(hi, r.end), r.key) for r in side.facts_between(lo, hi)]
        if not facts:
            return [(a, b, self._style_format(plan, sid)) for a, b, sid in segs]
        bounds = sorted(
            {lo, hi, *(x for a, b, _ in segs for x in (a, b)), *(x for a, b, _ in facts for x in (a, b))}
        )
        out: list[tuple[int, int, QTextCharFormat]] = []
        i = j = 0
        for a, b in pairwise(bounds):
            if a >= b:
                continue
            while i < len(segs) and segs[i][1] <= a:
                i += 1
            while j < len(facts) and facts[j][1] <= a:
                j += 1
            keys: frozenset[str] = frozenset()
            if i < len(segs) and segs[i][0] <= a:
                keys = plan.styles[segs[i][2]]
            if j < len(facts) and facts[j][0] <= a:
                keys = keys | {facts[j][2]}
            if keys:
                if out and out[-1][1] == a and out[-1][2] is self.format_for(keys):
                    out[-1] = (out[-1][0], b, out[-1][2])
                else:
                    out.append((a, b, self.format_for(keys)))
        return out

    def format_blocks(self, first: QTextBlock, more: Callable[[QTextBlock], bool]) -> int:
        """Format ``first`` and the blocks after it while ``more(block)`` holds; how many were new.

        The formatted stretch is laid out again at once (one ``markContentsDirty``), so the
        next paint shows it styled.
        """
        if self._plan is None:
            return 0
        block, new = first, 0
        lo = hi = -1
        self.walk_complete = True
        while block.isValid() and more(block):
            if not self._done.get(block.position(), False) and self._index is not None:
                self.walk_complete = self.walk_complete and (
                    block.position() + block.length() - 1 <= self._index.facts_known_to()
                )
            if self._apply(block):
                new += 1
                if lo < 0:
                    lo = block.position()
                hi = block.position() + block.length()
            block = block.next()
        if new:
            self._doc.markContentsDirty(lo, hi - lo)
        return new

    def format_all(self) -> int:
        """Format every block now (for a short story)."""
        return self.format_blocks(self._doc.firstBlock(), lambda _b: True)


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One entry of the legend: a sample drawn with the pane format of ``keys``, then a label."""

    sample: str
    keys: frozenset[str]
    label: str
    name: str  # what the entry is called ("reworded", "inserted", "flagged")


KIND_ORDER = (
    ChangeKind.REWORDED,
    ChangeKind.MOVED,
    ChangeKind.SPLIT,
    ChangeKind.MERGED,
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
)


def legend_items() -> list[LegendItem]:
    """The legend's entries in reading order: each change kind (its mark on its tint), then
    the decorations of words within a change."""
    kinds = [
        LegendItem(f" {KIND_STYLES[k].mark} ", frozenset({k.value}), KIND_STYLES[k].label, k.value)
        for k in KIND_ORDER
    ]
    marks = [
        LegendItem("deleted", frozenset({Mark.DELETED.value}), "", "deleted"),
        LegendItem("inserted", frozenset({Mark.INSERTED.value}), "", "inserted"),
        LegendItem("flagged", frozenset({Mark.FLAG.value}), "", "flagged"),
        LegendItem("punctuation", frozenset({Mark.TRIVIAL.value}), "or case only", "trivial"),
        LegendItem("fact token", frozenset({"fact:number"}), "", "fact token"),
    ]
    return kinds + marks
