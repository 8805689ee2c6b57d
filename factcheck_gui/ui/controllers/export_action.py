"""File → Export: a save dialog offering every format of the exporters, the export in a worker.

A background task runs ``factcheck export`` in a child process (see
:mod:`factcheck_gui.ui.shell.export_process`) that reads the review from the store; the exporters
write to a temporary file and rename it into place, so a failed export never harms an existing
file.

A ClaimReview needs its publisher (organisation, review URL; Settings keeps them): when Settings
lacks them, or holds a web address that is not one, the export first asks for exactly those
fields (:class:`~factcheck_gui.ui.views.publisher_form.PublisherDialog`), stores the answer in
Settings and goes on; Cancel writes nothing and says so.

Signals:
    exported(str): the file was written; carries its path.
    failed(str): the export failed; carries the one-line message shown in the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from factcheck_gui.ui.shell.export_process import can_run_in_child, export_in_child
from factcheck_gui.ui.shell.workers import Failure, TaskContext, TaskHandle, Workers
from factcheck_gui.ui.views.dialogs import file_dialog
from factcheck_gui.ui.views.publisher_form import PublisherDialog, keys_to_ask

if TYPE_CHECKING:
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier
    from factcheck_gui.ui.shell.settings import Settings


def export_formats() -> list[tuple[str, str]]:
    """(format, menu label) for each format the exporters offer; [] without exporters."""
    try:
        from factcheck_gui.exporters import DESCRIPTIONS, FORMATS
    except ImportError:
        return []
    return [(str(f), str(DESCRIPTIONS.get(f, f.upper()))) for f in FORMATS]


def extension(fmt: str) -> str:
    """The file name suffix of a format (".csv", ".audit.csv", ".jsonld", …)."""
    try:
        from factcheck_gui.exporters import EXTENSIONS
    except ImportError:
        return f".{fmt}"
    return str(EXTENSIONS.get(fmt, f".{fmt}"))


def name_filter(fmt: str, label: str) -> str:
    return f"{label} (*{extension(fmt)})"


def suggested_format(path: Path, chosen: str, formats: list[str]) -> str:
    """Another format that the typed name's suffix suggests, or "" when it suggests none (or the
    chosen one). The chosen format is what gets written: a different suffix only asks."""
    name = path.name.lower()
    if name.endswith(extension(chosen)):
        return ""
    matches = [f for f in formats if name.endswith(extension(f))]
    return max(matches, key=lambda f: len(extension(f))) if matches else ""


class ExportController(QObject):
    """Exports the open review (see the module docstring); ``parent``: where its dialogs open,
    ``save_note``: commits the note being typed (it belongs in the export)."""

    exported = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        nav: Navigator,
        notifier: Notifier,
        workers: Workers,
        settings: Settings,
        parent: QWidget,
        save_note: Callable[[], object],
    ) -> None:
        super().__init__(parent)
        self.nav = nav
        self.notifier = notifier
        self.workers = workers
        self.settings = settings
        self.parent_widget = parent
        self.save_note = save_note
        self.last_format = ""

    def choose(self, fmt: str = "") -> QDialog | None:
        """Ask where to save (a window-modal save dialog, returned); the export follows.

        File → Export review → ClaimReview… without the publisher in Settings first asks for it
        (the dialog returned then; the save dialog follows its Continue)."""
        session = self.nav.session
        formats = export_formats()
        if session is None or not formats:
            return None
        if fmt == "claimreview":
            asked = self.ask_publisher(lambda: self._save_dialog(fmt, formats))
            if asked is not None:
                return asked
        return self._save_dialog(fmt, formats)

    def ask_publisher(self, then: Callable[[], object]) -> PublisherDialog | None:
        """Ask for the ClaimReview publisher fields Settings lacks (None, and ``then()`` at
        once, when nothing is missing); Continue stores them in Settings and calls ``then()``,
        Cancel says that nothing was written."""
        fields = self.settings.publisher_fields
        keys = keys_to_ask(fields)
        if not keys:
            then()
            return None
        dialog = PublisherDialog(self.parent_widget, fields, keys)

        def accepted() -> None:
            self.settings.set_publisher_fields(**dialog.fields())
            self.settings.sync()
            then()

        def rejected() -> None:
            self.notifier.info("ClaimReview export cancelled: nothing was written.")

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(rejected)
        dialog.open()
        return dialog

    def _save_dialog(self, fmt: str, formats: list[tuple[str, str]]) -> QFileDialog | None:
        session = self.nav.session
        if session is None:
            return None
        fmt = fmt or self.last_format or formats[0][0]
        codes = [f for f, _label in formats]
        filters = [name_filter(f, label) for f, label in formats]
        folder = self.settings.last_dir or str(Path.home())
        dialog = file_dialog(
            self.parent_widget, "Export review", folder, filters, save=True, name="exportDialog"
        )

        def filter_chosen(text: str) -> None:
            dialog.setDefaultSuffix(extension(codes[filters.index(text)]).lstrip("."))

        dialog.filterSelected.connect(filter_chosen)
        selected = filters[codes.index(fmt)] if fmt in codes else filters[0]
        dialog.selectNameFilter(selected)
        filter_chosen(selected)
        dialog.selectFile(f"review-{session.review_id}{extension(fmt)}")

        def chosen(path: str) -> None:
            picked = codes[filters.index(dialog.selectedNameFilter())]
            other = suggested_format(Path(path), picked, codes)
            if other:
                self.ask_format(Path(path), picked, other, dict(formats))
            else:
                self.export_asking(picked, Path(path))

        dialog.fileSelected.connect(chosen)
        dialog.open()
        return dialog

    def ask_format(self, path: Path, picked: str, other: str, labels: dict[str, str]) -> QMessageBox:
        """The name's suffix says another format than the one chosen: ask, never switch silently."""
        box = QMessageBox(self.parent_widget)
        box.setObjectName("exportFormatQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Which format?")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file name is the user's text
        box.setText(
            f"You chose {labels.get(picked, picked)}, but the name “{path.name}” ends like a "
            f"{labels.get(other, other)} file ({extension(other)})."
        )
        box.setInformativeText("Which format should be written?")
        keep = box.addButton(f"Write {labels.get(picked, picked)}", QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("keepChosenFormat")
        switch = box.addButton(f"Write {labels.get(other, other)}", QMessageBox.ButtonRole.ActionRole)
        switch.setObjectName("useNamedFormat")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)

        def answered(button: object) -> None:
            if button is keep:
                self.export_asking(picked, path)
            elif button is switch:
                self.export_asking(other, path)

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def export_asking(self, fmt: str, path: Path) -> None:
        """Export, first asking for the ClaimReview publisher when Settings lacks it (Export…
        with the ClaimReview file type chosen)."""
        if fmt == "claimreview":
            self.ask_publisher(lambda: self.export_to(fmt, path))
        else:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: Path) -> TaskHandle[tuple[str, str]] | None:
        """Export the open review in a worker; ``exported`` or ``failed`` follows."""
        session = self.nav.session
        if session is None:
            return None
        self.save_note()  # a note typed a moment ago belongs in the export
        self.last_format = fmt
        self.settings.last_dir = str(path.parent)
        review_id, service = session.review_id, self.nav.service
        fields = self.settings.publisher_fields

        def job(ctx: TaskContext) -> tuple[str, str]:
            url = service.store().url
            if can_run_in_child(url):  # a thread would hold the window up (see export_process)
                said: list[str] = []
                done = export_in_child(url, review_id, fmt, path, ctx.cancelled, publisher=fields, said=said)
                return str(done), (said[-1] if said else "")
            from factcheck_gui.exporters import ClaimReviewPublisher, ExportOptions, export_review_result

            options = ExportOptions(publisher=ClaimReviewPublisher(**fields))
            review = service.store().load_review(review_id)
            result = export_review_result(review, fmt, path, options)
            return str(result.path), result.message

        self.notifier.flash(f"Exporting to {path.name}…")
        return self.workers.start("exporting", job, finished=self._done, failed=self._failed)

    def _done(self, done: tuple[str, str]) -> None:
        path, said = done
        self.notifier.flash(f"Exported to {path}")
        self.notifier.info(f"Review exported to {path}" + (f". {said}" if said else ""))
        self.exported.emit(path)

    def _failed(self, failure: Failure) -> None:
        text = f"Export failed: {failure.message}"
        self.notifier.error(text)
        self.failed.emit(text)
