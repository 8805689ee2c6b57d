"""The print preview: the report's pages in a scrolling column, each as wide as the view.

The dialog opens at once, before the report is laid out; pages join the column as they are
laid out (``set_pages``), each shown as a blank sheet until it is drawn. Only the pages in view
and a few around them are drawn, one page per turn of the event loop (a page takes a few
milliseconds), on an image at the width shown, by the ``draw`` function the controller gives
(page, width in pixels → QImage); a paint only paints the images already drawn. Images of pages
far from view are let go.

Signals:
    painted(): the column has painted (each time).
    printRequested(): Print… was pressed.
    pageChosen(object, object): the reader chose a paper size or orientation; carries the
        QPageSize.PageSizeId and the QPageLayout.Orientation shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

GAP = 12  # pixels between the pages and round them
AROUND = 2  # pages drawn ahead above and below those in view
KEEP = 40  # page images kept; the farthest from view go first


class PageColumn(QAbstractScrollArea):
    """The pages one under another, each as wide as the view (fit width)."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPages")
        self.pages = 0  # laid out and ready to draw
        self.aspect = 297 / 210  # height over width of a sheet (A4 until the layout says)
        self.images: dict[int, QImage] = {}
        self.draw: Callable[[int, int], QImage] | None = None
        self._wanted: list[tuple[int, int]] = []
        self._drawer = QTimer(self)
        self._drawer.setSingleShot(True)
        self._drawer.setInterval(0)
        self._drawer.timeout.connect(self._draw_next)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._changed())
        self.viewport().setAutoFillBackground(False)

    # -- geometry --------------------------------------------------------------------------
    def page_width(self) -> int:
        return max(80, self.viewport().width() - 2 * GAP)

    def page_height(self) -> int:
        return round(self.page_width() * self.aspect)

    def _pitch(self) -> int:
        return self.page_height() + GAP

    def page_rect(self, n: int) -> QRect:
        """Where page ``n`` is in the viewport."""
        top = GAP + n * self._pitch() - self.verticalScrollBar().value()
        return QRect(GAP, top, self.page_width(), self.page_height())

    def visible_pages(self) -> range:
        if self.pages == 0:
            return range(0)
        top = self.verticalScrollBar().value()
        first = max(0, (top - GAP) // self._pitch())
        last = min(self.pages - 1, (top + self.viewport().height()) // self._pitch())
        return range(first, last + 1)

    def show_page(self, n: int) -> None:
        """Scroll so that page ``n`` is at the top."""
        self.verticalScrollBar().setValue(n * self._pitch())

    # -- filling ---------------------------------------------------------------------------
    def set_pages(
        self, pages: int, aspect: float, draw: Callable[[int, int], QImage] | None, *, redraw: bool = False
    ) -> None:
        """``pages`` are ready to be drawn by ``draw``; a new ``draw`` (a new layout) drops the
        images drawn by the old one, and so does ``redraw`` (the layout is complete: a page drawn
        while it was not says "Page 1 of 4" of a five-page report)."""
        if draw is not self.draw or redraw:
            self.images.clear()
        self.pages, self.aspect, self.draw = pages, aspect, draw
        self._changed()

    def _draw_next(self) -> None:
        """Draw the first page still wanted (nearest the view first), then come back for the next."""
        if not self._wanted or self.draw is None:
            return
        n, width = self._wanted.pop(0)
        try:
            if n < self.pages:
                self.add_page(n, width, self.draw(n, width))
        finally:  # (a page that cannot be drawn does not hold up the others)
            if self._wanted:
                self._drawer.start()

    def add_page(self, n: int, width: int, image: QImage) -> None:
        self.images[n] = image
        if len(self.images) > KEEP:
            seen = self.visible_pages()
            middle = (seen.start + seen.stop) // 2 if seen else 0
            for k in sorted(self.images, key=lambda k: -abs(k - middle))[: len(self.images) - KEEP]:
                del self.images[k]
        if n in self.visible_pages():
            self.viewport().update(self.page_rect(n))

    def _width_px(self) -> int:
        return round(self.page_width() * self.devicePixelRatioF())

    def _changed(self) -> None:
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, GAP + self.pages * self._pitch() - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(max(20, self._pitch() // 10))
        seen = self.visible_pages()
        width = self._width_px()
        ahead = range(max(0, seen.start - AROUND), min(self.pages, seen.stop + AROUND)) if seen else range(0)
        centre = seen.start
        self._wanted = [
            (n, width)
            for n in sorted(ahead, key=lambda n: (n not in seen, abs(n - centre)))
            if n not in self.images or self.images[n].width() != width
        ]
        if self._wanted:
            self._drawer.start()
        self.viewport().update()

    # -- Qt --------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._changed()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), QColor(128, 128, 128))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for n in self.visible_pages():
            rect = self.page_rect(n)
            image = self.images.get(n)
            if image is not None:  # of another width while a new one is drawn: scaled meanwhile
                painter.drawImage(rect, image)
            else:
                painter.fillRect(rect, QColor("white"))
                painter.setPen(QColor(160, 160, 160))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"Page {n + 1}")
        painter.end()
        self.painted.emit()


# The paper sizes offered (others set in the print dialog are shown by their own name).
PAPERS = (
    QPageSize.PageSizeId.A4,
    QPageSize.PageSizeId.Letter,
    QPageSize.PageSizeId.Legal,
    QPageSize.PageSizeId.A3,
    QPageSize.PageSizeId.A5,
)


class PrintPreview(QDialog):
    """The preview dialog: the page count, paper and orientation, Print…, Close, and the pages."""

    printRequested = Signal()
    pageChosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle("Print preview — report")
        self.status = QLabel("Laying out the report…")
        self.status.setObjectName("previewStatus")
        self.print_button = QPushButton("&Print…")
        self.print_button.setObjectName("previewPrint")
        self.print_button.clicked.connect(self.printRequested)
        self.paper = QComboBox()
        self.paper.setObjectName("previewPaper")
        self.paper.setToolTip("Paper size")
        for size in PAPERS:
            self.paper.addItem(QPageSize.name(size), size)
        self.orientation = QComboBox()
        self.orientation.setObjectName("previewOrientation")
        self.orientation.setToolTip("Orientation")
        self.orientation.addItem("Portrait", QPageLayout.Orientation.Portrait)
        self.orientation.addItem("Landscape", QPageLayout.Orientation.Landscape)
        for box in (self.paper, self.orientation):
            box.activated.connect(
                lambda _i: self.pageChosen.emit(self.paper.currentData(), self.orientation.currentData())
            )
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        self.column = PageColumn(self)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.paper)
        bar.addWidget(self.orientation)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.column, 1)
        self.resize(720, 860)

    @property
    def page_count(self) -> int:
        return self.column.pages

    def set_pages(
        self, pages: int, aspect: float, draw: Callable[[int, int], QImage] | None, *, final: bool
    ) -> None:
        """``pages`` laid out so far (all of them when ``final``), drawn on demand by ``draw``."""
        if final:
            self.status.setText(f"{pages} page{'s' if pages != 1 else ''}")
        else:
            self.status.setText(f"Laying out the report… {pages} page{'s' if pages != 1 else ''} so far")
        self.column.set_pages(pages, aspect, draw, redraw=final)

    def show_page_choice(self, size: QPageSize.PageSizeId, orientation: QPageLayout.Orientation) -> None:
        """Show the printer's paper size and orientation (a size not offered is added by name)."""
        at = self.paper.findData(size)
        if at < 0:
            self.paper.addItem(QPageSize.name(size), size)
            at = self.paper.count() - 1
        self.paper.setCurrentIndex(at)
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(orientation)))

    def restart(self) -> None:
        """A new layout begins (a new paper or orientation): no page until it has some."""
        self.status.setText("Laying out the report…")
        self.column.set_pages(0, self.column.aspect, None)

    def show_failure(self, text: str) -> None:
        self.status.setText(text)
