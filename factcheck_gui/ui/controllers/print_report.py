"""File → Print report… and Print preview…: the report the exporters make (the HTML report in
Qt's rich-text subset, as in the PDF), on paper.

A worker reads the review from the store and writes the report's parts (HTML text: plain
Python, no Qt). Everything Qt does with them runs on the GUI thread, in slices of a few
milliseconds between which the window paints and takes input (:mod:`factcheck_gui.ui.shell.sliced`):
each part is laid out for the printer's page (one QTextDocument each), then the pages are drawn
one by one. Not in a worker: a QTextDocument made there takes Qt's signal-slot locks while that
thread holds the interpreter, and the GUI thread, holding one of those locks while it asks Python
for a slot, waits for the interpreter: gdb showed both stopped for good.

The preview (:mod:`factcheck_gui.ui.views.print_preview`) opens at once; pages join it as they
are laid out, and only the pages in view are drawn (Qt's QPrintPreviewDialog drew all 650 pages
of a 20,000-claim review as it opened, freezing the window for seconds). Choosing another paper
size or orientation there lays the report out again; Print… prints the pages already laid out
when the print dialog kept the page. A page
range chosen in the print dialog is honoured. The report's documents load no resources (no
file, no network).

Signals:
    printed(str): the report went to the printer (or its file); carries where.
    previewShown(object): the preview dialog is open (a :class:`PrintPreview`).
    failed(str): printing failed; carries the message shown in the window.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from factcheck_gui.engine import Cancelled
from factcheck_gui.review import wording
from factcheck_gui.ui.controllers.navigator import Hold, Leaving
from factcheck_gui.ui.shell.sliced import Sliced
from factcheck_gui.ui.shell.workers import Failure, TaskContext, TaskHandle, Workers
from factcheck_gui.ui.views.print_preview import PrintPreview

if TYPE_CHECKING:
    from factcheck_gui.exporters.pdf import LaidOutReport
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier

# Parts small enough that laying one out stays a few milliseconds on the GUI thread (15 changes
# or 25,000 characters: median 5 ms, longest 31 ms on a 20,000-claim review).
PART_CHANGES, PART_CHARS = 15, 25_000


class PageRangeError(ValueError):
    """The print dialog's page range lies outside the report."""


class PrintReport(QObject):
    """Prints and previews the open review's report (``parent``: where the dialogs open)."""

    printed = Signal(str)
    previewShown = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        nav: Navigator,
        notifier: Notifier,
        workers: Workers,
        parent: QWidget,
        save_note: Callable[[], object],
    ) -> None:
        super().__init__(parent)
        self.nav = nav
        self.notifier = notifier
        self.workers = workers
        self.parent_widget = parent
        self.save_note = save_note
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the reader's choices stay
        # Weakly (see InlineController): the task's signals hold callbacks that hold this.
        self._task: weakref.ref[TaskHandle[Any]] | None = None
        self._run: Sliced | None = None  # printing's GUI-thread part
        self._printer_in_use: QPrinter | None = None  # the printer that run draws on
        self.preview_run: Sliced | None = None  # the open preview's layout (None: none running)
        self.preview_task: TaskHandle[Any] | None = None  # the preview's reading of the review

    def _busy(self) -> bool:
        if self.printing_now():
            self.notifier.flash("The report is still being printed.")
            return True
        return False

    def printing_now(self) -> bool:
        """Is a report being read or printed (the preview aside)?"""
        task = self._task() if self._task is not None else None
        return (task is not None and not task.done) or (self._run is not None and not self._run.done)

    def holds(self, leaving: Leaving) -> Hold | None:
        """The leave guard: quitting while the report prints would lose the print job."""
        if not leaving.quits or not self.printing_now():
            return None
        return Hold(wording.printing_on_quit(), leaving.doing, self.cancel_printing)

    def cancel_printing(self) -> None:
        task = self._task() if self._task is not None else None
        if task is not None and not task.done:
            task.cancel()  # (its reading may still run a moment: it is no print job any more)
        self._task = None
        if self._run is not None:
            printer, partial = self._printer_in_use, not self._run.done
            # A half-printed report is not sent as if whole: the printer's job is aborted, and a
            # PDF file (its engine cannot abort) is removed once the drawing has ended.
            aborted = printer is not None and partial and printer.abort()
            self._run.cancel()
            self._run = None
            if printer is not None and partial and not aborted and printer.outputFileName():
                Path(printer.outputFileName()).unlink(missing_ok=True)

    def choose(self, parent: QWidget | None = None) -> QPrintDialog | None:
        """The print dialog (window-modal over ``parent``, the window by default; returned);
        printing follows its OK."""
        if self.nav.session is None or self._busy():
            return None
        dialog = QPrintDialog(self.printer, parent or self.parent_widget)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle("Print report")
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        """Window-modal, without a nested event loop (the print dialogs' ``open`` wants a slot)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        QDialog.open(dialog)

    def _read(
        self, finished: Callable[[tuple[str, list[str]]], object], failed: Callable[[Failure], object]
    ) -> TaskHandle[Any]:
        """A worker reads the open review and writes its report's parts (no Qt there)."""
        session = self.nav.session
        assert session is not None
        review_id, service = session.review_id, self.nav.service
        # The comparison on screen is the stored one: decoding it again (zlib and JSON, single
        # calls that hold the interpreter) froze the window for two seconds on 20,000 claims.
        comparison = session.index.comparison

        def job(ctx: TaskContext) -> tuple[str, list[str]]:
            from factcheck_gui.exporters.common import clean_text
            from factcheck_gui.exporters.pdf import report_parts

            review = service.store().load_review(review_id, comparison=comparison)
            parts = []
            for html in report_parts(review, max_changes=PART_CHANGES, max_chars=PART_CHARS):
                if ctx.cancelled():
                    raise Cancelled()
                parts.append(html)
            return clean_text(f"Review #{review.id}: {review.title}"), parts

        return self.workers.start("reading the report", job, finished=finished, failed=failed)

    # -- printing ------------------------------------------------------------------------------
    def print_to(
        self, printer: QPrinter, laid: LaidOutReport | None = None
    ) -> TaskHandle[Any] | Sliced | None:
        """Print the open review's report on ``printer`` (``laid``: already laid out for it);
        ``printed`` or ``failed`` follows."""
        if self.nav.session is None or self._busy():
            return None
        self.save_note()  # a note typed a moment ago belongs in the report
        where = printer.outputFileName() or printer.printerName() or "the printer"

        def done(pages: int) -> None:
            self.notifier.flash(f"Report printed: {pages} page{'s' if pages != 1 else ''} to {where}")
            self.printed.emit(where)

        def go(read: tuple[str, list[str]] | None) -> Sliced:
            if read is not None:
                printer.setDocName(read[0])
            run = Sliced(self._print_steps(printer, read[1] if read is not None else None, laid), self)
            self._printer_in_use = printer
            run.finished.connect(done)
            run.failed.connect(lambda text: self._failed(Failure(text)))
            self._run = run
            return run.start()

        self.notifier.flash("Printing the report…")
        if laid is not None and laid.fits(printer):
            return go(None)
        if laid is not None:  # laid out for another page (chosen in the print dialog): let it go
            _release(laid.parts, self)
            laid = None
        task = self._read(go, self._failed)
        self._task = weakref.ref(task)
        return task

    def _print_steps(
        self, printer: QPrinter, parts: list[str] | None, laid: LaidOutReport | None
    ) -> Generator[None, None, int]:
        from factcheck_gui.exporters.pdf import ReportLayout, draw_steps

        if laid is None:
            assert parts is not None
            layout = ReportLayout(printer)
            for html in parts:
                layout.add(html)
                yield
            laid = layout.result()
        pages = _chosen_pages(printer, laid.pages)
        for _n in draw_steps(laid, printer, pages):
            yield
        return len(pages)

    # -- the preview ---------------------------------------------------------------------------
    def preview(self) -> PrintPreview | None:
        """Open the print preview at once; the report is read, laid out and drawn meanwhile."""
        if self.nav.session is None or self._busy():
            return None
        self.save_note()
        printer = self.printer
        dialog = PrintPreview(self.parent_widget)
        dialog.show_page_choice(printer.pageLayout().pageSize().id(), printer.pageLayout().orientation())
        # parts: the report's HTML parts; layout: the ReportLayout being made or made; laid: the
        # finished layout (Print… prints it when the page is the same); handed: Print… took it.
        state: dict[str, Any] = {"parts": None, "layout": None, "laid": None, "open": True, "handed": False}

        def lay_out() -> None:
            if self.preview_run is not None:
                self.preview_run.cancel()
            if state["layout"] is not None:  # a new page setup: the old layout goes
                _release(state["layout"].parts, self)
            state["layout"] = state["laid"] = None  # (Print… meanwhile reads the report anew)
            dialog.restart()
            run = Sliced(self._preview_steps(printer, state["parts"], dialog, state), self)
            run.failed.connect(lambda text: failed(Failure(text)))
            self.preview_run = run.start()

        def read(done: tuple[str, list[str]]) -> None:
            printer.setDocName(done[0])
            state["parts"] = done[1]
            if state["open"]:
                lay_out()

        def failed(failure: Failure) -> None:
            if state["open"]:
                dialog.show_failure(f"Printing failed: {failure.message}")
            self._failed(failure)

        def closed(_result: int) -> None:
            if not state["open"]:
                return
            state["open"] = False
            if not reading.done:
                reading.cancel()
            if self.preview_run is not None:
                self.preview_run.cancel()
                self.preview_run = None
            dialog.column.set_pages(0, dialog.column.aspect, None)
            layout = state["layout"]
            if layout is not None and not state["handed"]:
                _release(layout.parts, self)

        def page_chosen(size: QPageSize.PageSizeId, orientation: QPageLayout.Orientation) -> None:
            if (size, orientation) == (
                printer.pageLayout().pageSize().id(),
                printer.pageLayout().orientation(),
            ):
                return
            if size != QPageSize.PageSizeId.Custom:  # ("Custom": the printer's own size, kept)
                printer.setPageSize(QPageSize(size))
            printer.setPageOrientation(orientation)
            if state["parts"] is not None:  # else the reading lays it out when it ends
                lay_out()

        def print_now() -> None:
            chosen = QPrintDialog(printer, dialog)
            chosen.setObjectName("printDialog")
            chosen.setWindowTitle("Print report")

            def accepted() -> None:
                laid = state["laid"]
                state["handed"] = laid is not None
                dialog.accept()  # the preview makes way for the printing
                self.print_to(printer, laid)

            chosen.accepted.connect(accepted)
            self._open(chosen)

        dialog.finished.connect(closed)
        dialog.printRequested.connect(print_now)
        dialog.pageChosen.connect(page_chosen)
        self._open(dialog)
        self.previewShown.emit(dialog)
        reading = self._read(read, failed)
        self.preview_task = reading
        return dialog

    def _preview_steps(
        self, printer: QPrinter, parts: list[str], dialog: PrintPreview, state: dict[str, Any]
    ) -> Generator[None, None, None]:
        from factcheck_gui.exporters.pdf import ReportLayout

        dpi = printer.logicalDpiY()
        paper = printer.pageLayout().fullRectPixels(dpi)
        inside = printer.pageLayout().paintRectPixels(dpi)
        aspect = paper.height() / paper.width()
        layout = ReportLayout(printer)
        state["layout"], state["laid"] = layout, None

        def draw(n: int, width: int) -> QImage:
            from factcheck_gui.exporters.pdf import draw_page

            image = QImage(width, round(width * aspect), QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            scale = width / paper.width()
            painter.scale(scale, scale)
            painter.translate(inside.x(), inside.y())
            draw_page(laid_so_far(), painter, n)
            painter.end()
            return image

        done: list[LaidOutReport] = []

        def laid_so_far() -> LaidOutReport:
            return done[0] if done else layout.result()

        shown = -1
        for html in parts:
            layout.add(html)
            if layout.pages_done != shown:
                shown = layout.pages_done
                dialog.set_pages(shown, aspect, draw, final=False)
            yield
        done.append(layout.result())
        state["laid"] = done[0]
        dialog.set_pages(done[0].pages, aspect, draw, final=True)

    def _failed(self, failure: Failure) -> None:
        text = f"Printing failed: {failure.message}"
        self.notifier.error(text)
        self.failed.emit(text)


def _release(parts: list[Any], parent: QObject) -> None:
    """Let the laid-out parts go one per step (all at once, on 20,000 claims, is a long stall)."""

    def steps() -> Generator[None, None, None]:
        while parts:
            parts.pop()
            yield

    Sliced(steps(), parent).start()


def _chosen_pages(printer: QPrinter, pages: int) -> list[int]:
    """The pages (from 0, in order) the print dialog asked for: all, or its page ranges within
    the report ("1-2, 5": pages 0, 1 and 4; not 0 to 4, which ``fromPage``/``toPage`` span)."""
    ranges = printer.pageRanges().toRangeList()
    if printer.printRange() != QPrinter.PrintRange.PageRange or not ranges:
        return list(range(pages))
    chosen = sorted({n for r in ranges for n in range(max(r.from_, 1) - 1, min(r.to, pages))})
    if not chosen:
        have = f"{pages} page{'s' if pages != 1 else ''}"
        asked = ", ".join(str(r.from_) if r.from_ == r.to else f"{r.from_}–{r.to}" for r in ranges)
        raise PageRangeError(f"the report has {have}; the print dialog asked for page {asked}")
    return chosen
