"""File → Print report… and Print preview…: the report the exporters make (the HTML report in
Qt's rich-text subset, as in the PDF), on paper.

Printing runs in a worker: the review is read from the store, laid out for the printer's page
and drawn page by page (QPainter may draw on a QPrinter outside the GUI thread), in parts so
that no single Qt call holds the interpreter long (see :mod:`factcheck_gui.exporters.pdf`).
The preview lays the report out in a worker too; the preview dialog then only draws the laid
out pages (on the GUI thread, where Qt's dialog asks for all of them as it opens: about 4 s for
the 650 pages of a 20,000-claim review); only a page setup changed in the preview lays it out
again there. The report's documents load no resources (no file, no network).

Signals:
    printed(str): the report went to the printer (or its file); carries where.
    previewShown(object): the preview dialog is open (the QPrintPreviewDialog).
    failed(str): printing failed; carries the message shown in the window.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from factcheck_gui.ui.shell.workers import Failure, TaskContext, TaskHandle, Workers

if TYPE_CHECKING:
    from factcheck_gui.exporters.pdf import LaidOutReport
    from factcheck_gui.store.records import Review
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier


# Smaller parts than the PDF export's: each Qt call of the worker holds the interpreter, and the
# window shares it (a part of 40 changes took up to 140 ms to lay out on 20,000 claims).
PART_CHANGES, PART_CHARS = 15, 25_000


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

    def _busy(self) -> bool:
        task = self._task() if self._task is not None else None
        if task is not None and not task.done:
            self.notifier.flash("The report is still being prepared for printing.")
            return True
        return False

    def choose(self) -> QPrintDialog | None:
        """The print dialog (window-modal, returned); printing follows its OK."""
        if self.nav.session is None or self._busy():
            return None
        dialog = QPrintDialog(self.printer, self.parent_widget)
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

    def _job(self, printer: QPrinter, *, draw: bool) -> Callable[[TaskContext], Any]:
        """*worker*: read the review, lay its report out for ``printer`` (and draw it there)."""
        session = self.nav.session
        assert session is not None
        review_id, service = session.review_id, self.nav.service
        # The comparison on screen is the stored one: decoding it again (zlib and JSON, single
        # calls that hold the interpreter) froze the window for two seconds on 20,000 claims.
        comparison = session.index.comparison

        def job(ctx: TaskContext) -> tuple[Review, LaidOutReport]:
            from factcheck_gui.exporters.common import clean_text
            from factcheck_gui.exporters.pdf import draw_report, lay_out_report

            review = service.store().load_review(review_id, comparison=comparison)
            printer.setDocName(clean_text(f"Review #{review.id}: {review.title}"))
            laid = lay_out_report(
                review, printer, max_changes=PART_CHANGES, max_chars=PART_CHARS, cancelled=ctx.cancelled
            )
            if draw:
                draw_report(laid, printer, cancelled=ctx.cancelled)
            else:
                app = QCoreApplication.instance()
                if app is not None:
                    laid.move_to_thread(app.thread())  # the preview draws them on the GUI thread
            return review, laid

        return job

    def print_to(self, printer: QPrinter) -> TaskHandle[Any] | None:
        """Print the open review's report on ``printer`` in a worker; ``printed`` follows."""
        if self.nav.session is None or self._busy():
            return None
        self.save_note()  # a note typed a moment ago belongs in the report
        where = printer.outputFileName() or printer.printerName() or "the printer"

        def done(result: tuple[Review, LaidOutReport]) -> None:
            pages = result[1].pages
            self.notifier.flash(f"Report printed: {pages} page{'s' if pages != 1 else ''} to {where}")
            self.printed.emit(where)

        self.notifier.flash("Printing the report…")
        task = self.workers.start(
            "printing the report", self._job(printer, draw=True), finished=done, failed=self._failed
        )
        self._task = weakref.ref(task)
        return task

    def preview(self) -> TaskHandle[Any] | None:
        """Lay the report out in a worker, then open the print preview on it."""
        if self.nav.session is None or self._busy():
            return None
        self.save_note()
        printer = self.printer

        def done(result: tuple[Review, LaidOutReport]) -> None:
            # The dialog draws every page when it opens (on this thread, as Qt's preview does):
            # say so first, and give the message its paint.
            self.notifier.flash(f"Drawing the preview of {result[1].pages} pages…")
            QTimer.singleShot(30, lambda: show(*result))

        def show(review: Review, laid: LaidOutReport) -> None:
            dialog = QPrintPreviewDialog(printer, self.parent_widget)
            dialog.setObjectName("printPreview")
            dialog.setWindowTitle("Print preview — report")
            held = [laid]

            def paint(device: QPrinter) -> None:
                from factcheck_gui.exporters.pdf import draw_report, lay_out_report

                if not held[0].fits(device):  # the reader changed the page setup in the preview
                    held[0] = lay_out_report(review, device, max_changes=PART_CHANGES, max_chars=PART_CHARS)
                draw_report(held[0], device, keep=True)

            dialog.paintRequested.connect(paint)
            self._open(dialog)
            self.previewShown.emit(dialog)

        self.notifier.flash("Preparing the print preview…")
        task = self.workers.start(
            "preparing the print preview", self._job(printer, draw=False), finished=done, failed=self._failed
        )
        self._task = weakref.ref(task)
        return task

    def _failed(self, failure: Failure) -> None:
        text = f"Printing failed: {failure.message}"
        self.notifier.error(text)
        self.failed.emit(text)
