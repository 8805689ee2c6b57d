"""The link curtain between the panes: a band joins each claim to its counterpart (Meld style).

Moved claims get bands that cross; added and removed claims get a wedge that points at the
place in the other text where they would sit. Only changes with a claim on screen are drawn.
Pointing at a band tells which claims it joins (plain text: see ``views/tips.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from factcheck_gui.engine.types import Change
from factcheck_gui.review import tips
from factcheck_gui.review.docindex import ComparisonIndex, Side
from factcheck_gui.ui.shell.theme import KIND_STYLES, is_dark
from factcheck_gui.ui.views.pane import StoryPane
from factcheck_gui.ui.views.sync import ScrollSync
from factcheck_gui.ui.views.tips import plain_tip

CURTAIN_WIDTH = 48


class LinkCurtain(QWidget):
    """Draws the bands; clicking a band selects its change through ``on_click``."""

    def __init__(
        self, left: StoryPane, right: StoryPane, sync: ScrollSync, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.left, self.right, self.sync = left, right, sync
        self.index: ComparisonIndex | None = None
        self.current_change_id = ""
        self.on_click: list = []  # callables taking a change id
        self._bands: list[tuple[QPainterPath, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between the two stories")
        for pane in (left, right):
            pane.updateRequest.connect(lambda *_: self.update())

    def sizeHint(self) -> QSize:
        return QSize(CURTAIN_WIDTH, 100)

    def minimumSizeHint(self) -> QSize:
        return QSize(CURTAIN_WIDTH, 10)

    def set_index(self, index: ComparisonIndex | None) -> None:
        self.index = index
        self.current_change_id = ""
        self.update()

    def set_current(self, change_id: str) -> None:
        self.current_change_id = change_id
        self.update()

    def visible_changes(self) -> list[Change]:
        """Changes to review with a claim visible in either pane, in the engine's order."""
        idx = self.index
        if idx is None:
            return []
        seen: dict[str, Change] = {}
        for side, pane in ((Side.ORIGINAL, self.left), (Side.REWRITE, self.right)):
            lo, hi = pane.visible_range()
            si = idx.sides[side]
            for i in si.claims_between(lo, hi):
                ch = idx.claim_change.get(si.doc.claims[i].id)
                if ch is not None and ch.is_change:
                    seen[ch.id] = ch
        return sorted(seen.values(), key=lambda c: idx.order(c.id))

    def _y(self, pane: StoryPane, y: int) -> float:
        """A pane viewport y in curtain coordinates."""
        return float(
            self.mapFromGlobal(pane.viewport().mapToGlobal(pane.viewport().rect().topLeft())).y() + y
        )

    def bands(self) -> list[tuple[QPainterPath, str]]:
        """(outline, change id) for every band currently drawn (used for painting and clicks)."""
        idx = self.index
        if idx is None or self.left.is_empty() or self.right.is_empty():
            return []
        w = float(self.width())
        out: list[tuple[QPainterPath, str]] = []
        near_left, near_right = self._near(self.left, Side.ORIGINAL), self._near(self.right, Side.REWRITE)
        for ch in self.visible_changes():
            lefts = [near_left(c) for c in ch.original]
            rights = [near_right(c) for c in ch.rewrite]
            if not lefts:
                y = self.sync.corresponding_y(Side.REWRITE, rights[0][0])
                lefts = [(int(y), int(y) + 2)]
            if not rights:
                y = self.sync.corresponding_y(Side.ORIGINAL, lefts[0][0])
                rights = [(int(y), int(y) + 2)]
            for lt, lb in lefts:
                for rt, rb in rights:
                    out.append(
                        (
                            _band(
                                w,
                                self._y(self.left, lt),
                                self._y(self.left, lb),
                                self._y(self.right, rt),
                                self._y(self.right, rb),
                            ),
                            ch.id,
                        )
                    )
        return out

    def _near(self, pane: StoryPane, side: Side) -> Callable[[str], tuple[int, int]]:
        """A claim's top and bottom in ``pane``; for a claim far from the view (a moved claim's
        counterpart thousands of lines away) a place well beyond the viewport's edge instead:
        its band leaves the curtain the same way, and the pane need not lay out every block
        between the view and it (tens of milliseconds per paint in a long story)."""
        assert self.index is not None
        si = self.index.sides[side]
        lo, hi = pane.visible_range()
        reach = 3 * max(1, hi - lo)
        far = 3 * max(1, pane.viewport().height())

        def rect(claim_id: str) -> tuple[int, int]:
            start, end = si.span(claim_id)
            if end < lo - reach:
                return -far - 2, -far
            if start > hi + reach:
                return far, far + 2
            return pane.span_rect(start, end)

        return rect

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        idx = self.index
        self._bands = self.bands()
        if idx is None:
            return
        alpha = 110 if is_dark(self.palette()) else 80
        for path, cid in self._bands:
            kind = idx.change(cid).kind
            colour = QColor(KIND_STYLES[kind].colour)
            fill = QColor(colour)
            current = cid == self.current_change_id
            fill.setAlpha(200 if current else alpha)
            painter.setPen(QPen(colour, 2.0 if current else 1.0))
            painter.setBrush(fill)
            painter.drawPath(path)

    def band_at(self, pos: QPointF) -> str:
        """The change id of the band drawn topmost at ``pos`` ("" for none)."""
        for path, cid in reversed(self._bands):
            if path.contains(pos):
                return cid
        return ""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is not Qt.MouseButton.LeftButton:
            return
        cid = self.band_at(event.position())
        if cid:
            for callback in self.on_click:
                callback(cid)

    def tip_at(self, pos: QPointF) -> str:
        """What pointing at ``pos`` tells: which claims the band there joins (plain text)."""
        cid = self.band_at(pos)
        if not cid or self.index is None:
            return ""
        change = self.index.change(cid)
        return tips.band_tip(change, KIND_STYLES[change.kind].mark)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), plain_tip(text), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _band(w: float, lt: float, lb: float, rt: float, rb: float) -> QPainterPath:
    """A band from [lt, lb] on the left edge to [rt, rb] on the right edge with S-curves."""
    path = QPainterPath(QPointF(0, lt))
    path.cubicTo(QPointF(w * 0.5, lt), QPointF(w * 0.5, rt), QPointF(w, rt))
    path.lineTo(QPointF(w, rb))
    path.cubicTo(QPointF(w * 0.5, rb), QPointF(w * 0.5, lb), QPointF(0, lb))
    path.closeSubpath()
    return path
