"""Pieces that keep the window usable when it is narrow (half a screen, a small laptop).

:class:`FlowLayout` lays its items out in a row and wraps them onto further rows when the row
is too narrow, so a filter bar or a legend never sets the window's minimum width to its whole
length. :class:`ElidedLabel` shows one line of text shortened with "…" when it has not the room,
with the whole text as its tooltip; its :meth:`~QLabel.text` stays the whole text.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written ("" for none).

    Qt renders a tooltip that merely looks like HTML as HTML; story text, flag messages and
    file names must stay inert, so they are escaped into a paragraph of their own.
    """
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new row when the next one does not fit."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6, row_spacing: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._row_spacing = row_spacing

    # -- the QLayout interface ---------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single item: narrower than that, an item would be cut."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # -- layout --------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); the height they take."""
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        x, y, row_height = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            width = min(hint.width(), area.width()) if area.width() > 0 else hint.width()
            width = max(width, item.minimumSize().width())
            if x > area.x() and x + width > area.right() + 1:
                x = area.x()
                y += row_height + self._row_spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


class ElidedLabel(QLabel):
    """A one-line plain-text label that shortens its text with "…" rather than widen its window.

    ``elide``: where the text is shortened (the middle keeps a file name's end). The whole text
    is the tooltip while it is shortened.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
        min_chars: int = 8,
    ) -> None:
        super().__init__(parent)
        self._elide = elide
        self._min_chars = min_chars
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        m = self.contentsMargins()
        least = self.fontMetrics().horizontalAdvance("x" * self._min_chars + "…") + m.left() + m.right()
        return QSize(min(hint.width(), least), hint.height())

    def shown_text(self) -> str:
        """The text as painted (shortened when the label is too narrow)."""
        return self.fontMetrics().elidedText(self.text(), self._elide, max(0, self.contentsRect().width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(QStyle.visualAlignment(self.layoutDirection(), self.alignment())),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip(plain_tooltip(self.text()) if self.shown_text() != self.text() else "")
