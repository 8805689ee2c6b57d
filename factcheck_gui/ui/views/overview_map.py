"""The overview map: a narrow strip beside a pane's scrollbar that marks every change of the
document by kind and flag over the document's whole height (as Meld, WinMerge and Beyond
Compare do), with the part the pane shows framed. A click jumps there.

Painting never walks the changes: :meth:`OverviewMap.set_marks` keeps them sorted, a resize
summarises them once into one entry per pixel row (the most telling change of that row wins:
flagged over added or removed over the rest), and that summary is drawn into a cached pixmap.
A paint is one pixmap and one frame, however many changes the story has.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QToolTip, QWidget

from factcheck_gui.engine.types import ChangeKind, Comparison, Side
from factcheck_gui.ui.shell.theme import FLAG_COLOUR, KIND_STYLES, blend, is_dark

WIDTH = 14
SNAP = 3  # pixels around a click in which a marked change is taken for the one meant
DRAW_LATER_FROM = 1500  # marks: a map with more is drawn after the paint that first shows it


@dataclass(frozen=True, slots=True)
class MapMark:
    """One change on the map: where it is (in any unit, with the map's ``length``), its kind
    and whether it carries a flag."""

    start: float
    end: float
    kind: ChangeKind
    flagged: bool
    change_id: str


def marks_of(
    comparison: Comparison, side: Side | str, to_qt: Callable[[int], int] | None = None
) -> tuple[list[MapMark], int]:
    """The marks of one pane (character offsets) and that text's length: every claim of a
    change a reviewer has to look at, by its change's kind. Plain Python: a worker can make
    them for a long story, and the GUI thread only :meth:`OverviewMap.set_marks`.

    ``to_qt``: map the offsets to the pane's positions (UTF-16, see ``docindex.utf16_mapper``)
    so that marks and the framed part of the pane share one unit."""
    original = Side(side) is Side.ORIGINAL
    doc = comparison.original if original else comparison.rewrite
    claims = doc.claims
    unchanged = ChangeKind.UNCHANGED
    marks: list[MapMark] = []
    q = to_qt if to_qt is not None else _same
    for ch in comparison.changes:
        if ch.kind is unchanged and not ch.flags:
            continue  # (most changes of a long story: nothing to mark)
        for cid in ch.original if original else ch.rewrite:
            claim = claims[int(cid[1:]) - 1]
            marks.append(MapMark(q(claim.start), q(claim.end), ch.kind, bool(ch.flags), ch.id))
    return marks, q(len(doc.text))


def _same(i: int) -> int:
    return i


# How telling a mark is when several share a pixel row (higher wins).
def _rank(m: MapMark) -> int:
    if m.flagged:
        return 3
    if m.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        return 2
    return 1 if m.kind is not ChangeKind.UNCHANGED else 0


@dataclass(frozen=True)
class MapData:
    """A map's marks ready to show: sorted, each with its rank, each change's first mark, and
    what the map says to a screen reader. Plain Python (see :func:`map_data`)."""

    marks: tuple[MapMark, ...]
    ranks: tuple[int, ...]
    first: dict[str, MapMark]
    length: float
    description: str


def map_data(marks: Iterable[MapMark], length: float) -> MapData:
    """:class:`MapData` of ``marks`` over a document ``length`` long; a worker can make it."""
    ordered = tuple(sorted(marks, key=lambda m: m.start))
    first: dict[str, MapMark] = {}
    for m in ordered:
        first.setdefault(m.change_id, m)
    flagged = sum(1 for m in first.values() if m.flagged)
    description = f"{len(first)} changes marked, {flagged} flagged" if first else "No changes"
    return MapData(ordered, tuple(_rank(m) for m in ordered), first, max(float(length), 1.0), description)


class OverviewMap(QWidget):
    """Marks of one pane's changes over the document's height, and the visible part framed.

    Signals:

    - ``changeClicked(str)``: the reader clicked (or dragged onto) a marked change;
    - ``positionClicked(float)``: the reader clicked where no change is marked, at this
      fraction (0 top, 1 bottom) of the document.
    """

    changeClicked = Signal(str)
    positionClicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewMap")
        self.setFixedWidth(WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Overview of the changes")
        self._data = map_data((), 1)
        self._rows: list[MapMark | None] = []  # the winning mark of each pixel row
        self._pixmap: QPixmap | None = None
        self._view: tuple[float, float] | None = None  # no frame until a pane says what it shows
        self._current = ""
        self._current_at = -1.0  # where the selected change starts (found once, not per paint)
        self._scrollbar: QScrollBar | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.render_now)

    # -- data -------------------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison | None, side: Side | str) -> None:
        """Mark the changes of one side of ``comparison`` (None: nothing)."""
        if comparison is None:
            self.set_marks((), 1)
        else:
            self.set_marks(*marks_of(comparison, side))

    def set_marks(self, marks: Iterable[MapMark], length: float) -> None:
        """Show ``marks`` over a document ``length`` long (the marks' unit: characters, or
        pixels of the pane's layout for an exact match with its scrollbar)."""
        self.set_data(map_data(marks, length))

    def set_data(self, data: MapData) -> None:
        """Show marks sorted and summed up by :func:`map_data` (in a worker, for a long story)."""
        self._data = data
        self.setAccessibleDescription(data.description)
        self._current, self._current_at = "", -1.0
        self._invalidate()

    # (the data's parts, as the painting and the lookups read them)
    @property
    def _marks(self) -> tuple[MapMark, ...]:
        return self._data.marks

    @property
    def _length(self) -> float:
        return self._data.length

    @property
    def _first(self) -> dict[str, MapMark]:
        return self._data.first

    def set_viewport(self, top: float, bottom: float) -> None:
        """Frame the part of the document the pane shows (fractions 0..1)."""
        top = min(max(top, 0.0), 1.0)
        bottom = min(max(bottom, top), 1.0)
        if self._view != (top, bottom):
            self._view = (top, bottom)
            self.update()

    def set_current(self, change_id: str) -> None:
        """Point at the selected change ("" for none)."""
        if change_id != self._current:
            self._current = change_id
            m = self._first.get(change_id) if change_id else None
            self._current_at = m.start if m is not None else -1.0
            self.update()

    def follow(self, scrollbar: QScrollBar) -> None:
        """Keep the frame on what ``scrollbar`` shows (its value, range and page step)."""
        if self._scrollbar is not None:
            self._scrollbar.valueChanged.disconnect(self._from_scrollbar)
            self._scrollbar.rangeChanged.disconnect(self._from_scrollbar)
        self._scrollbar = scrollbar
        scrollbar.valueChanged.connect(self._from_scrollbar)
        scrollbar.rangeChanged.connect(self._from_scrollbar)
        self._from_scrollbar()

    def _from_scrollbar(self, *_args: int) -> None:
        sb = self._scrollbar
        if sb is None:
            return
        total = sb.maximum() - sb.minimum() + sb.pageStep()
        if total <= 0:
            self.set_viewport(0.0, 1.0)
            return
        top = (sb.value() - sb.minimum()) / total
        self.set_viewport(top, top + sb.pageStep() / total)

    # -- lookups ----------------------------------------------------------------------------
    def marks(self) -> Sequence[MapMark]:
        return self._marks

    def data(self) -> MapData:
        """What the map shows (see :meth:`set_data`)."""
        return self._data

    def length(self) -> float:
        """The document's length in the marks' unit."""
        return self._length

    def row_of(self, position: float) -> int:
        """The pixel row of a position in the document (in the marks' unit)."""
        h = max(self.height(), 1)
        return min(int(position / self._length * h), h - 1)

    def viewport(self) -> tuple[float, float] | None:
        """The framed part (fractions), None before a pane says what it shows."""
        return self._view

    def mark_at(self, y: int) -> MapMark | None:
        """The mark shown at pixel row ``y``, or the nearest within :data:`SNAP` rows."""
        rows = self._summary()
        for d in range(SNAP + 1):
            for r in (y - d, y + d):
                if 0 <= r < len(rows) and rows[r] is not None:
                    return rows[r]
        return None

    # -- summary and painting ----------------------------------------------------------------
    def _invalidate(self) -> None:
        self._rows = []
        self._pixmap = None
        self.update()

    def _summary(self) -> list[MapMark | None]:
        """One entry per pixel row: the most telling mark there (built once per size)."""
        h = max(self.height(), 1)
        if len(self._rows) == h:
            return self._rows
        rows: list[MapMark | None] = [None] * h
        best = [-1] * h  # the rank of each row's mark
        scale = h / self._length
        ceil, top = math.ceil, h - 1
        for m, rank in zip(self._marks, self._data.ranks, strict=True):
            first = min(int(m.start * scale), top)
            last = min(max(ceil(m.end * scale) - 1, first), top)  # (end exclusive)
            for r in range(first, last + 1):
                if rank > best[r]:  # (the first of equals stays)
                    best[r] = rank
                    rows[r] = m
        self._rows = rows
        return rows

    def _colours(self) -> dict[ChangeKind, QColor]:
        base = self.palette().color(QPalette.ColorRole.Base)
        alpha = 0.75 if is_dark(self.palette()) else 0.9
        return {k: blend(s.colour, base, alpha) for k, s in KIND_STYLES.items()}

    def _render(self) -> QPixmap:
        if self._pixmap is not None and self._pixmap.size() == self.size():
            return self._pixmap
        rows = self._summary()
        w, h = self.width(), self.height()
        ratio = self.devicePixelRatioF()
        pix = QPixmap(QSize(max(w, 1), max(h, 1)) * ratio)
        pix.setDevicePixelRatio(ratio)
        pix.fill(self.palette().color(QPalette.ColorRole.Base))
        p = QPainter(pix)
        colours = self._colours()
        flag = QColor(FLAG_COLOUR)
        # The kind fills the left part of the strip; a flag adds a block on the right edge, so
        # a flagged change reads by its shape, not by colour alone.
        body = w - 4
        y = 0
        while y < h:
            m = rows[y]
            end = y + 1
            while end < h and rows[end] is not None and m is not None and rows[end] is m:
                end += 1
            if m is not None:
                p.fillRect(QRect(1, y, body - 1, end - y), colours[m.kind])
                if m.flagged:
                    p.fillRect(QRect(body, y, 3, max(end - y, 2)), flag)
            y = end
        p.end()
        self._pixmap = pix
        return pix

    def render_now(self) -> None:
        """Summarise the marks for this size and draw them (if not done yet), then repaint."""
        self._render()
        self.update()

    def _drawn(self) -> bool:
        return self._pixmap is not None and self._pixmap.size() == self.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        if self._drawn() or len(self._marks) <= DRAW_LATER_FROM:
            p.drawPixmap(0, 0, self._render())
        else:
            # A long story's marks are summed up in a turn of the event loop of their own, not
            # in the paint that shows the window (or its new size) the first time.
            p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
            self._later.start()
        h = self.height()
        text = self.palette().color(QPalette.ColorRole.Text)
        if self._current_at >= 0:
            y = self.row_of(self._current_at)
            p.fillRect(QRect(0, max(y - 1, 0), self.width(), 3), text)
        if self._view is None:
            p.end()
            return
        top, bottom = self._view
        frame = QRectF(0.5, top * h + 0.5, self.width() - 1.0, max((bottom - top) * h, 3.0) - 1.0)
        fill = QColor(text)
        fill.setAlphaF(0.12)
        p.fillRect(frame, fill)
        p.setPen(QPen(text, 1))
        p.drawRect(frame)
        p.end()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.type() == event.Type.PaletteChange:
            self._pixmap = None  # theme switched: redraw in its colours
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._invalidate()
        super().resizeEvent(event)

    # -- the mouse --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(int(event.position().y()))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        y = int(event.position().y())
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(y)
        m = self.mark_at(y)
        tip = ""
        if m is not None:
            tip = f"{m.change_id}: {KIND_STYLES[m.kind].label}" + (", flagged" if m.flagged else "")
        if tip:
            QToolTip.showText(event.globalPosition().toPoint() + QPoint(8, 0), tip, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def _jump(self, y: int) -> None:
        m = self.mark_at(y)
        if m is not None:
            self.changeClicked.emit(m.change_id)
        else:
            self.positionClicked.emit(min(max(y / max(self.height(), 1), 0.0), 1.0))

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def change_rows(self, change_id: str) -> range:
        """The pixel rows the first claim of a change covers (empty: not marked)."""
        m = self._first.get(change_id)
        if m is None:
            return range(0)
        first = self.row_of(m.start)
        h = max(self.height(), 1)
        last = min(max(math.ceil(m.end / self._length * h) - 1, first), h - 1)
        return range(first, last + 1)

    def refresh_theme(self) -> None:
        """Draw again in the palette's colours (the theme was switched)."""
        self._pixmap = None
        self.update()
