"""The PDF report, drawn by QtGui (QTextDocument + QPdfWriter): selectable text, numbered pages.

Qt is imported inside the functions so that ``factcheck export --format csv`` (and every other
format) never loads it. Only QtGui is used, never QtWidgets: a QGuiApplication is enough, and one
is created on the offscreen platform when the caller has none (the CLI, a worker script).
"""

from __future__ import annotations

import os
from typing import IO, Any

from factcheck_gui.exporters.common import ExportError, clean_text
from factcheck_gui.exporters.html import iter_html
from factcheck_gui.store.records import Review

_APP: Any = None  # the QGuiApplication this module created, kept alive for the process
_DPI = 300
_MARGIN_MM = 15.0


def ensure_gui_app() -> None:
    """Make sure a QGuiApplication exists (creating an offscreen one when there is none)."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise ExportError("PDF export needs a Qt GUI application, but a console-only one is running")
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication(["factcheck"])


def write_pdf(review: Review, stream: IO[bytes]) -> None:
    """Render the report (the HTML report in Qt's rich-text subset) as PDF into ``stream``."""
    ensure_gui_app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    html = "".join(iter_html(review, flavour="qt"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(clean_text(f"Review #{review.id}: {review.title}"))
    writer.setCreator("Factcheck Compare")

    page = writer.pageLayout().paintRectPixels(_DPI)
    footer = _DPI * 0.35  # room for the page number, in device pixels (~9 mm)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    width, height = float(page.width()), float(page.height()) - footer
    doc.setPageSize(QSizeF(width, height))
    pages = doc.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("cannot start drawing the PDF")
    try:
        small = QFont(font)
        small.setPointSizeF(8)
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(0, -i * height)
            doc.drawContents(painter, QRectF(0, i * height, width, height))
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, height, width, footer),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                f"Page {i + 1} of {pages}",
            )
    finally:
        painter.end()
    buf.close()
    stream.write(bytes(data.data()))
