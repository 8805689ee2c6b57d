"""The PDF report, drawn by QtGui (QTextDocument + QPdfWriter): selectable text, numbered pages.

Qt is imported inside the functions so that ``factcheck export --format csv`` (and every other
format) never loads it. Only QtGui is used, never QtWidgets: a QGuiApplication is enough, and one
is created on the offscreen platform when the caller has none (the CLI, a worker script).

The report is laid out in parts, not as one document, each part one Qt call
(:class:`ReportLayout`), and drawn one page per step (:func:`draw_steps`): the app prints on
its GUI thread, which must get back to its event loop every few milliseconds, and one ``setHtml``
or layout of a 5,000-change report took hundreds of milliseconds. (Not in a worker thread: Qt
objects made there deadlocked against the GUI thread; the app's PDF export runs the CLI in a
child process.) Here the title and summary are one QTextDocument and the changes follow in
documents of a few dozen each (the last one also holds the review's details and sources). The
parts flow on: a part starts where the previous one ended on the page (its first block is
pushed down by an empty block that tall), and Qt's own pagination decides where each part's
lines and table rows break.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from factcheck_gui.engine import Cancelled
from factcheck_gui.exporters.common import ExportError, clean_text
from factcheck_gui.exporters.html import HTML_TAIL, html_head, iter_back, iter_changes, iter_front
from factcheck_gui.store.records import Review

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPagedPaintDevice, QPainter, QTextDocument

_APP: Any = None  # the QGuiApplication this module created, kept alive for the process
_INERT: Any = None  # the QTextDocument class that loads no resources (made on first use)
_DPI = 300
_MARGIN_MM = 15.0
# A part is cut after this many changes, or sooner once its HTML reaches _PART_CHARS (one
# 10,000-character claim costs as much to lay out as dozens of short ones). At these sizes each
# setHtml / layout call takes a few milliseconds on a 2020s laptop.
_PART_CHANGES = 40
_PART_CHARS = 60_000


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


def report_parts(
    review: Review,
    *,
    max_changes: int = _PART_CHANGES,
    max_chars: int = _PART_CHARS,
    changed_or_added_only: bool = False,
) -> Iterator[str]:
    """The Qt-flavoured HTML report as complete documents: the title and summary, then the
    changes in groups of at most ``max_changes`` (fewer when their HTML passes ``max_chars``),
    then the review's details and sources."""
    head = html_head(review, qt=True)
    yield head + "".join(iter_front(review, qt=True, changed_or_added_only=changed_or_added_only)) + HTML_TAIL
    group: list[str] = []
    size = 0
    for piece in iter_changes(review, qt=True, changed_or_added_only=changed_or_added_only):
        group.append(piece)
        size += len(piece)
        if len(group) >= max_changes or size >= max_chars:
            yield head + "".join(group) + HTML_TAIL
            group, size = [], 0
    yield head + "".join(group) + "".join(iter_back(review, qt=True)) + HTML_TAIL


def _qt_default_dpi() -> float:
    """The DPI QTextDocumentLayout scales fixed line heights against (Qt's ``qt_defaultDpiY``:
    96 under AA_Use96Dpi, else the primary screen's logical DPI; 96 offscreen)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication

    if QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_Use96Dpi):
        return 96.0
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 100.0


@dataclass(frozen=True, slots=True)
class _Part:
    """One laid-out part: its page ``i`` is printed on PDF page ``first_page + i``."""

    doc: QTextDocument
    first_page: int
    pages: int


def inert_document() -> QTextDocument:
    """A QTextDocument that loads nothing: no image, no style sheet, from a file or anywhere.

    The report's markup has no resource of its own and story text is escaped, but Qt would read
    any local file an ``<img>`` named: a document that prints the report answers every image
    with one blank pixel (an empty answer would make Qt read the file itself) and every other
    resource with nothing.
    """
    global _INERT
    if _INERT is None:
        from PySide6.QtCore import QByteArray
        from PySide6.QtGui import QImage, QTextDocument

        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(0)
        image = QTextDocument.ResourceType.ImageResource.value

        class _Inert(QTextDocument):
            def loadResource(self, type: int, name: Any) -> Any:
                return QImage(blank) if type == image else QByteArray()

        _INERT = _Inert
    return _INERT()  # type: ignore[no-any-return]


class ReportLayout:
    """Lays the report out for the page of ``device`` (a QPdfWriter, a QPrinter), one part per
    :meth:`add`: each call is one ``setHtml`` and one layout, so a caller on the GUI thread can
    let the event loop run between parts (the app lays printed reports out there: Qt objects
    made in a worker thread can deadlock against the GUI thread, see
    :mod:`factcheck_gui.ui.controllers.print_report`). Each part is placed after the previous
    one: it starts where that one ended on the page."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        from PySide6.QtGui import QFont

        self.device = device
        self.dpi = device.logicalDpiY()
        page = device.pageLayout().paintRectPixels(self.dpi)
        self.footer = self.dpi * 0.35  # room for the page number, in device pixels (~9 mm)
        self.font = QFont()
        self.font.setPointSizeF(10)
        # No ligatures: an "ff" drawn as one glyph is extracted as U+FB00, so a copied word (or the
        # hex of a SHA-256) would not be the text. Every format in the report inherits this font.
        for tag in ("liga", "clig"):
            self.font.setFeature(QFont.Tag(tag), 0)
        self.width, self.height = float(page.width()), float(page.height()) - self.footer
        self._scale = self.dpi / _qt_default_dpi()
        self.parts: list[_Part] = []
        self._page = 0
        self._used = 0.0  # height taken on page ``_page`` by the parts so far (document coordinates)

    @property
    def pages_done(self) -> int:
        """How many pages are complete: all but the last one begun (a next part may go on it)."""
        if not self.parts:
            return 0
        last = self.parts[-1]
        return last.first_page + last.pages - 1

    def add(self, html: str) -> None:
        """Lay out one part (a complete HTML document of the report)."""
        from PySide6.QtCore import QSizeF
        from PySide6.QtGui import QTextBlockFormat, QTextCursor

        width, height = self.width, self.height
        doc = inert_document()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDefaultFont(self.font)
        doc.setHtml(html)
        margin = doc.documentMargin()
        # Start below what is already on the page: an empty first block of that fixed height (Qt
        # ignores the top margin of a frame's first block). ``_used`` ends with the previous part's
        # bottom margin and this part adds its own top margin: both come out of the spacer.
        space = self._used - 2 * margin
        if space >= height - 2 * margin:  # the page is full: start on the next one
            self._page, space = self._page + 1, 0.0
        if space > 0:
            cursor = QTextCursor(doc)
            cursor.insertBlock(cursor.blockFormat(), cursor.charFormat())
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            spacer = QTextBlockFormat()
            # Qt scales a fixed line height by the paint device's DPI over its default DPI.
            spacer.setLineHeight(space / self._scale, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            cursor.setBlockFormat(spacer)
        doc.setPageSize(QSizeF(width, height))
        pages = doc.pageCount()
        bottom = doc.size().height() - (pages - 1) * height  # where this part ends on its last page
        if pages > 1 and bottom <= margin:  # only the bottom margin spilled onto a new page
            pages -= 1
            bottom = height
        self.parts.append(_Part(doc, self._page, pages))
        self._page += pages - 1
        self._used = bottom

    def result(self) -> LaidOutReport:
        pages = self.parts[-1].first_page + self.parts[-1].pages
        return LaidOutReport(self.parts, self.font, self.width, self.height, self.footer, self.dpi, pages)


@dataclass
class LaidOutReport:
    """The report laid out for one paint device's page (see :class:`ReportLayout`)."""

    parts: list[_Part]
    font: QFont
    width: float
    height: float
    footer: float
    dpi: int
    pages: int  # in all

    def fits(self, device: QPagedPaintDevice) -> bool:
        """True while ``device`` still has the page this was laid out for."""
        page = device.pageLayout().paintRectPixels(device.logicalDpiY())
        return device.logicalDpiY() == self.dpi and (page.width(), page.height()) == (
            round(self.width),
            round(self.height + self.footer),
        )


def lay_out_report(
    review: Review,
    device: QPagedPaintDevice,
    *,
    max_changes: int = _PART_CHANGES,
    max_chars: int = _PART_CHARS,
    changed_or_added_only: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> LaidOutReport:
    """Lay the whole report out in parts for the page of ``device`` (a QPdfWriter, a QPrinter)."""
    layout = ReportLayout(device)
    for html in report_parts(
        review, max_changes=max_changes, max_chars=max_chars, changed_or_added_only=changed_or_added_only
    ):
        if cancelled is not None and cancelled():
            raise Cancelled()
        layout.add(html)
    return layout.result()


def draw_page(laid: LaidOutReport, painter: QPainter, n: int) -> None:
    """Draw page ``n`` (from 0) of a laid-out report with ``painter``, numbered: on the device
    it was laid out for (printing), or on an image with the painter scaled to it (the preview)."""
    from bisect import bisect_right

    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont

    width, height = laid.width, laid.height
    starts = [part.first_page for part in laid.parts]
    # The parts on page n: the last one starting on or before it, and those before it that reach it.
    i = bisect_right(starts, n) - 1
    on_page = []
    while i >= 0 and laid.parts[i].first_page + laid.parts[i].pages > n:
        on_page.append(laid.parts[i])
        i -= 1
    for part in reversed(on_page):
        k = n - part.first_page
        painter.save()
        painter.translate(0, -k * height)
        part.doc.drawContents(painter, QRectF(0, k * height, width, height))
        painter.restore()
    small = QFont(laid.font)
    small.setPixelSize(round(8 * laid.dpi / 72))  # 8 pt on the page, whatever the painter's device
    painter.setFont(small)
    painter.drawText(
        QRectF(0, height, width, laid.footer),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
        f"Page {n + 1} of {laid.pages}",
    )


def draw_steps(
    laid: LaidOutReport, device: QPagedPaintDevice, pages: Sequence[int] | None = None, *, keep: bool = False
) -> Iterator[int]:
    """Draw ``pages`` (from 0, in increasing order; all by default) of a laid-out report on
    ``device``, one page per step (yielding its number), as a generator a GUI-thread caller
    can pause between pages.

    Unless ``keep``, each part is let go once its last page is drawn (freeing them all at once
    would take as long as freeing one big document did). Closing the generator ends the drawing.
    """
    from PySide6.QtGui import QPainter

    pages = range(laid.pages) if pages is None else pages
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("cannot start drawing the report")
    try:
        for k, n in enumerate(pages):
            if k:
                device.newPage()
            draw_page(laid, painter, n)
            if not keep:
                while laid.parts and laid.parts[0].first_page + laid.parts[0].pages <= n + 1:
                    del laid.parts[0]
            yield n
    finally:
        painter.end()


def draw_report(
    laid: LaidOutReport,
    device: QPagedPaintDevice,
    *,
    keep: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Draw a whole laid-out report on ``device``, page by page, numbered (see :func:`draw_steps`)."""
    for _n in draw_steps(laid, device, keep=keep):
        if cancelled is not None and cancelled():
            raise Cancelled()


def write_pdf(
    review: Review,
    stream: IO[bytes],
    *,
    max_changes: int = _PART_CHANGES,
    max_chars: int = _PART_CHARS,
    changed_or_added_only: bool = False,
) -> None:
    """Render the report (the HTML report in Qt's rich-text subset) as PDF into ``stream``.

    ``max_changes`` and ``max_chars`` size the parts it is laid out in (see :func:`report_parts`).
    """
    ensure_gui_app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

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
    laid = lay_out_report(
        review,
        writer,
        max_changes=max_changes,
        max_chars=max_chars,
        changed_or_added_only=changed_or_added_only,
    )
    draw_report(laid, writer)
    buf.close()
    stream.write(plain_text_cmaps(bytes(data.data())))


# The ToUnicode CMaps Qt writes (uncompressed) say which text each drawn glyph stands for.
_CMAP = re.compile(rb"(?<=stream\n)/CIDInit /ProcSet findresource begin\n.*?(?=endstream)", re.S)
_BFRANGE = re.compile(rb"(?<=beginbfrange\n).*?(?=endbfrange)", re.S)
_ENTRY = re.compile(rb"(<[0-9A-Fa-f]+>)\s*(<[0-9A-Fa-f]+>)\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_HEX = re.compile(rb"<[0-9A-Fa-f]+>")
# Text for glyphs Qt names by the wrong (or an unhelpful) character, as UTF-16BE hex.
_SPACE_FIX = {b"<0009>": b"<0020>"}  # the space glyph: Qt names it by TAB, the lowest code point using it
_LIGATURE_FIX = {
    b"<FB00>": b"<00660066>",  # ff
    b"<FB01>": b"<00660069>",  # fi
    b"<FB02>": b"<0066006C>",  # fl
    b"<FB03>": b"<006600660069>",  # ffi
    b"<FB04>": b"<00660066006C>",  # ffl
    b"<FB05>": b"<00730074>",  # long s + t
    b"<FB06>": b"<00730074>",  # st
}


def plain_text_cmaps(pdf: bytes) -> bytes:
    """``pdf`` with its text extracting as the plain characters shown: spaces, not tabs.

    Qt maps each glyph back to the lowest code point the font draws with it (QFontSubset's
    reverse map), so the space glyph, which DejaVu and many fonts also use for TAB, is extracted
    as a tab, and a ligature as U+FB00…. The fix rewrites each ToUnicode bfrange list in place:
    written compactly (hex strings need no spaces between them) and padded with spaces to its old
    length, so every byte offset in the file, and the xref table, stay valid. Spaces always fit
    (same length); a ligature's longer text is put in while the room saved lasts (the report
    turns ligatures off, so this only guards a font that forces them).
    """

    def fix_cmap(m: re.Match[bytes]) -> bytes:
        return _BFRANGE.sub(fix_ranges, m.group(0))

    def fix_ranges(m: re.Match[bytes]) -> bytes:
        old = m.group(0)
        found = _ENTRY.findall(old)
        if len(found) != old.count(b"\n"):  # not the one-entry-per-line list Qt writes
            return old
        entries: list[tuple[bytes, list[bytes] | None]] = []
        for lo, hi, dst in found:
            if dst.startswith(b"["):
                tokens: list[bytes] = _HEX.findall(dst)
                entries.append((lo + hi, [_SPACE_FIX.get(t.upper()) or t for t in tokens]))
            else:
                single = _SPACE_FIX.get(dst.upper(), dst) if lo == hi else dst
                entries.append((lo + hi + single, None))

        def render() -> bytes:
            return b"".join(
                head + (b"[" + b"".join(tokens) + b"]" if tokens is not None else b"") + b"\n"
                for head, tokens in entries
            )

        room = len(old) - len(render())
        for _head, listed in entries:
            for i, t in enumerate(listed or []):
                text = _LIGATURE_FIX.get(t.upper())
                if listed is not None and text is not None and len(text) - len(t) <= room:
                    room -= len(text) - len(t)
                    listed[i] = text
        new = render()
        if len(new) > len(old):  # cannot happen (compacting only shrinks): keep Qt's own
            return old
        return new[:-1] + b" " * (len(old) - len(new)) + b"\n"

    return _CMAP.sub(fix_cmap, pdf)
