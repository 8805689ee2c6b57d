"""File → Import review file…: a review written by the JSON export becomes a new review here.

A colleague's review file (``factcheck.review/1`` JSON, from File → Export or ``factcheck
export --format json``) is read, checked by :func:`factcheck_gui.exporters.review_from_json`
and stored as a new review — both texts, the changes, every verdict and its history — in a
background task, then opened. A file that is not such a review is one clear message; nothing
is stored from it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from factcheck_gui.ui.shell.workers import TaskContext, TaskHandle
from factcheck_gui.ui.views.dialogs import file_dialog

if TYPE_CHECKING:
    from factcheck_gui.review.opening import OpenedReview, ReviewService
    from factcheck_gui.store.records import Review
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.settings import Settings

REVIEW_FILE_FILTERS = ["Review files (*.json)", "All files (*)"]


class ReviewFileError(Exception):
    """A review file that cannot be read or is not a review; ``str()`` is one line for the reader."""


def read_review_file(path: Path) -> Review:
    """Read and check a JSON review file; :class:`ReviewFileError` naming the file when unusable."""
    from factcheck_gui.exporters import jsonfile

    try:
        return jsonfile.read_review_file(path, path.name)
    except jsonfile.ReviewFileError as exc:
        message = str(exc)
        raise ReviewFileError(
            message if message.startswith("cannot ") else f"cannot import {message}"
        ) from None


def import_job(service: ReviewService, path: Path) -> Callable[[TaskContext], OpenedReview]:
    """The background task: read, check, store as a new review, load it for the window."""

    def job(ctx: TaskContext) -> OpenedReview:
        from factcheck_gui.engine import Cancelled

        review = read_review_file(path)
        ctx.progress(0.5)
        if ctx.cancelled():
            raise Cancelled  # nothing stored yet
        opened = service.import_review(review, ctx)
        ctx.progress(1.0)
        return opened

    return job


class ReviewFileImport(QObject):
    """Runs File → Import review file… (``parent``: where its dialog opens)."""

    def __init__(self, nav: Navigator, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self.nav = nav
        self.settings = settings
        self.parent_widget = parent

    def choose(self) -> QFileDialog:
        """Ask for the review file (a window-modal dialog, returned); the import follows."""
        folder = self.settings.last_dir or str(Path.home())
        dialog = file_dialog(
            self.parent_widget, "Import a review file", folder, REVIEW_FILE_FILTERS, name="importReviewDialog"
        )
        dialog.fileSelected.connect(lambda p: self.import_file(Path(p)))
        dialog.open()
        return dialog

    def import_file(self, path: Path) -> TaskHandle[OpenedReview] | None:
        """Store the review file as a new review and open it (in a worker, with Cancel).

        None while the open review holds a note the store refused (the reader is asked first).
        """
        self.settings.last_dir = str(path.parent)
        return self.nav.run_compare(
            import_job(self.nav.service, path), f"Importing {path.name}…", leaving="Import the review file"
        )
