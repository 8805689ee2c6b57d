"""Paints claim tints, word-level differences, flags and fact tokens into a story pane.

The styled stretches of a pane are merged once, in the worker that builds the
:class:`ComparisonIndex` (:class:`StylePlan`); this highlighter only turns the stretches of
the blocks it is asked for into character formats, so the cost on the GUI thread follows what
is on screen, never the length of the story. The pane asks for its visible blocks when it is
shown, scrolled or resized (:meth:`StoryHighlighter.format_blocks`); a short story is formatted
whole at once (:meth:`format_all`). The fact tokens come from the story lexer
(``factcheck_gui.lexer``) that the HTML export also uses, so the app and the report emphasise
the same words; for a long story they are lexed in a background thread
(:func:`run_in_background`) and painted when they arrive.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
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
from factcheck_gui.ui.docindex import Mark, SideIndex, StylePlan
from factcheck_gui.ui.theme import (
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
        self._done: set[int] = set()  # positions of the blocks formatted from the current plan

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

    def is_formatted(self, block: QTextBlock) -> bool:
        return block.position() in self._done

    def formatted_count(self) -> int:
        return len(self._done)

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

    def _style_format(self, plan: StylePlan, sid: int) -> QTextCharFormat:
        fmt = self._by_style[sid]
        if fmt is None:
            fmt = self._by_style[sid] = self.format_for(plan.styles[sid])
        return fmt

    def _apply(self, block: QTextBlock) -> bool:
        """Give ``block`` its formats (no relayout); False when it already had them."""
        plan = self._plan
        pos = block.position()
        if plan is None or pos in self._done:
            return False
        self._done.add(pos)
        end = pos + block.length() - 1
        ranges: list[QTextLayout.FormatRange] = []
        for a, b, sid in plan.segments(pos, end):
            r = QTextLayout.FormatRange()
            r.start = a - pos
            r.length = b - a
            r.format = self._style_format(plan, sid)
            ranges.append(r)
        layout = block.layout()
        if ranges or layout.formats():
            layout.setFormats(ranges)
        return True

    def format_blocks(self, first: QTextBlock, more: Callable[[QTextBlock], bool]) -> int:
        """Format ``first`` and the blocks after it while ``more(block)`` holds; how many were new.

        The formatted stretch is laid out again at once (one ``markContentsDirty``), so the
        next paint shows it styled.
        """
        if self._plan is None:
            return 0
        block, new = first, 0
        lo = hi = -1
        while block.isValid() and more(block):
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


class _Relay(QObject):
    """Carries a background result to the GUI thread: done(token, result)."""

    done = Signal(object, object)


_relay: _Relay | None = None


def background_relay() -> _Relay:
    """The application's relay (created on the GUI thread on first use, never deleted)."""
    global _relay
    if _relay is None:
        _relay = _Relay(QCoreApplication.instance())
    return _relay


def run_in_background(token: object, fn: Callable[[], Any]) -> None:
    """Run the pure function ``fn`` in a daemon thread; ``background_relay().done`` then carries
    ``(token, fn())`` to the GUI thread. Nothing waits for it: a result nobody wants any more
    (its token is stale) is dropped by the receiver, and a failure only leaves ``fn``'s work
    undone."""
    relay = background_relay()

    def work() -> None:
        try:
            result = fn()
        except Exception:  # the highlighting is a courtesy: the review shows anyway
            import logging

            logging.getLogger(__name__).exception("background highlighting failed")
            return
        with contextlib.suppress(RuntimeError):  # the application is going away
            relay.done.emit(token, result)

    threading.Thread(target=work, name="factcheck-highlight", daemon=True).start()


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
