"""Tooltips of the story panes and the verdict panel's similarity line (texts: review/tips.py).

Every tooltip goes through :func:`plain_tip`: Qt reads a tooltip that looks like markup as
rich text, and story text (a flag quotes it) must never become markup — an ``<img src=…>`` in
a story is shown as those characters, never fetched or drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from factcheck_gui.engine.types import Change
from factcheck_gui.review import tips
from factcheck_gui.ui.shell.theme import KIND_STYLES

if TYPE_CHECKING:
    from factcheck_gui.ui.views.pane import StoryPane


def plain_tip(text: str) -> str:
    """``text`` as a tooltip shows it: escaped, its line breaks kept ("" stays "")."""
    if not text:
        return ""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def pane_tip(pane: StoryPane, pos: QPoint) -> str:
    """The reason of the flagged word under ``pos`` (viewport coordinates), as plain text."""
    index = pane.index
    if index is None:
        return ""
    cursor = pane.cursorForPosition(pos)
    at = cursor.position()
    rect = pane.cursorRect(cursor)
    if not rect.top() <= pos.y() <= rect.bottom():
        return ""  # below the last line, or between paragraphs
    if pos.x() < rect.x():  # the left half of a character puts the cursor after it
        at -= 1
    return tips.flag_tip(index, pane.side, max(0, at))


def margin_tip(pane: StoryPane, y: int) -> str:
    """The kind mark beside the line at ``y`` (margin coordinates = viewport's)."""
    side, index = pane.side_index, pane.index
    if side is None or index is None:
        return ""
    lo, hi = pane.visible_range()
    for run in side.tints.between(lo, hi + 1):
        top, bottom = pane.span_rect(run.start, run.end)
        if top <= y <= bottom:
            change = index.change(run.change_id)
            return tips.margin_tip(change, KIND_STYLES[change.kind].mark)
    return ""


class PaneTips(QObject):
    """Answers the tooltip events of a pane's text and its margin of kind marks."""

    def __init__(self, pane: StoryPane, margin: QWidget) -> None:
        super().__init__(pane)
        self.pane, self.margin = pane, margin
        pane.viewport().installEventFilter(self)
        margin.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        if obj is self.pane.viewport():
            text = pane_tip(self.pane, event.pos())
        elif obj is self.margin:
            text = margin_tip(self.pane, event.pos().y())
        else:
            return False
        if text:
            QToolTip.showText(event.globalPos(), plain_tip(text), self.pane.viewport())
        else:
            QToolTip.hideText()
        return True


def install_pane_tips(pane: StoryPane, margin: QWidget) -> PaneTips:
    """Flag reasons on the pane's words and kind names on its margin marks."""
    return PaneTips(pane, margin)


class SimilarityLine(QLabel):
    """Under the verdict panel's title: what the change's similarity figure means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarityLine")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setToolTip(plain_tip(tips.SIMILARITY_TIP))
        self.hide()

    def show_change(self, change: Change | None) -> None:
        line = tips.similarity_line(change) if change is not None else ""
        self.setText(line)
        self.setVisible(bool(line))
