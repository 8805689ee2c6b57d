"""The main window: a start page or a review screen, menus, status bar and message bar.

It composes the parts (:mod:`start_page`, :mod:`review_view`, :mod:`actions`,
:mod:`compare_again`, :mod:`export_action`, :mod:`review_file`, :mod:`database_recovery`) and
runs the long work (import, compare, create or load a review, export) through :class:`Workers`.

Signals:
    reviewShown(int): a review is on screen with its verdicts, selection and scroll restored.
    reviewsListed(): the start page's list was refreshed.
    taskFailed(str): a background task ended with a message (also shown in the message bar).
    taskCancelled(): the reader cancelled a comparison.
    exported(str): a review was exported; carries the file path.
    dialogOpened(object): a dialog was opened window-modal (without a nested event loop).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.review.docindex import Side
from factcheck_gui.review.opening import OpenedReview, ReviewService
from factcheck_gui.store.errors import CorruptDatabaseError, StoreError
from factcheck_gui.ui.controllers.compare_again import CompareAgain
from factcheck_gui.ui.controllers.database_recovery import DatabaseRecovery
from factcheck_gui.ui.controllers.export_action import ExportController, export_formats
from factcheck_gui.ui.controllers.preferences import Preferences
from factcheck_gui.ui.controllers.review_file import ReviewFileError, ReviewFileImport
from factcheck_gui.ui.controllers.story_input import StoryInput
from factcheck_gui.ui.models.session import ReviewSession
from factcheck_gui.ui.shell.actions import build_actions, is_text_input, keep_enter_for_typing
from factcheck_gui.ui.shell.messages import MessageBar, StatusArea
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.workers import Failure, TaskContext, TaskHandle, Workers
from factcheck_gui.ui.views.dialogs import OpenPairDialog, show_about
from factcheck_gui.ui.views.review_view import ReviewView
from factcheck_gui.ui.views.start_page import StartPage


def _expected_errors() -> tuple[type[BaseException], ...]:
    from factcheck_gui.importers import ImportFailed
    from factcheck_gui.store import StoreError

    errors: list[type[BaseException]] = [ImportFailed, StoreError, ReviewFileError]
    try:
        from factcheck_gui.exporters import ExportError

        errors.append(ExportError)
    except ImportError:  # the exporters are optional for the window to work
        pass
    return tuple(errors)


class MainWindow(QMainWindow):
    """See the module docstring for the signals."""

    reviewShown = Signal(int)
    reviewsListed = Signal()
    taskFailed = Signal(str)
    taskCancelled = Signal()
    exported = Signal(str)
    dialogOpened = Signal(object)

    def __init__(self, settings: Settings, db_url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Factcheck Compare")
        self.service = ReviewService(db_url or settings.db_url or None)
        self.workers = Workers(self, expected=_expected_errors())
        self.session: ReviewSession | None = None
        self._task: TaskHandle | None = None
        self._discard_note = False  # the reader chose to quit without a note the store refused
        self._last_store_error = ""  # the store's last refusal of a verdict or note

        self.start = StartPage(self)
        self.review = ReviewView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.review)
        self.message = MessageBar(self)
        central = QWidget(self)
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.message)
        col.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StatusArea(self.statusBar(), self)
        self.status.cancel.clicked.connect(self.cancel_task)
        self.again = CompareAgain(self)
        self.exports = ExportController(self)
        self.exports.exported.connect(self.exported)
        self.input = StoryInput(self)
        self.review_file = ReviewFileImport(self)
        self.recovery = DatabaseRecovery(self)
        self.prefs = Preferences(self)

        slots: dict[str, Any] = {
            "open_pair": self.open_pair_dialog,
            "open_demo": self.open_demo,
            "import_review": self.review_file.choose,
            "start_page": self.show_start_page,
            "compare_again_original": lambda: self.again.choose(Side.ORIGINAL),
            "compare_again_rewrite": lambda: self.again.choose(Side.REWRITE),
            "settings": self.prefs.dialog,
            "quit": self.close,
            "find": self.review.comparison.find_bar.open_bar,
            "paste_story": self.input.paste,
            "next_change": lambda: self.review.changes.step(1),
            "previous_change": lambda: self.review.changes.step(-1),
            "next_unreviewed": self.next_unreviewed,
            "focus_note": self.focus_note,
            "verdict": self.review.verdict.apply_number,
            "clear_verdict": lambda: self.review.verdict.apply_verdict(None),
            "clear_filters": self.review.changes.clear_filters,
            "sync_scroll": self._set_sync,
            "about": lambda: show_about(self),
        }
        self.commands = build_actions(self, slots, export_formats(), self.exports.choose)
        self._enter_guard = keep_enter_for_typing(self)

        self.start.reviewActivated.connect(self.open_review)
        self.start.pair_button.clicked.connect(self.open_pair_dialog)
        self.start.demo_button.clicked.connect(self.open_demo)
        for pane in (self.review.comparison.left, self.review.comparison.right):
            pane.filesDropped.connect(lambda files, s=pane.side: self.again.dropped(s, files))
        self.review.progressChanged.connect(self._update_status)
        self.review.verdict.flash.connect(self.status.flash)
        self.review.currentChangeChanged.connect(lambda _c: self._save_ui_state())
        self.prefs.apply_font()
        self.status.set_database(self.service.display_name)
        self.status.set_reviewer(settings.reviewer)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1280, 860)

    # -- pages -------------------------------------------------------------------------------
    def show_start_page(self) -> None:
        if not self.may_leave_review("Go to the start page", self.show_start_page):
            return
        self._leave_review()
        self.stack.setCurrentWidget(self.start)
        self.commands.set_review_open(False)
        self.setWindowTitle("Factcheck Compare")
        self.refresh_reviews()

    def refresh_reviews(self) -> None:
        self.workers.start(
            "listing reviews",
            self.service.list_reviews,
            finished=self._reviews_listed,
            failed=lambda failure: self._failed(failure, listing=True),
        )

    def _reviews_listed(self, reviews: list[Any]) -> None:
        self.start.set_reviews(reviews)
        self.status.set_database(self.service.display_name)
        self.reviewsListed.emit()

    # -- opening ------------------------------------------------------------------------------
    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` window-modal without a nested event loop; it is deleted on close."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialogOpened.emit(dialog)
        return dialog

    def open_pair_dialog(self) -> QDialog:
        dialog = OpenPairDialog(self, self.settings.last_dir)

        def accepted() -> None:
            if paths := dialog.paths():
                self.settings.last_dir = str(paths[0].parent)
                self.open_paths(*paths)

        dialog.accepted.connect(accepted)
        return self.open_dialog(dialog)

    def open_demo(self) -> TaskHandle | None:
        """The bundled demo pair: its latest review in this database if it has one, else a new one."""
        from factcheck_gui.importers import load_path
        from factcheck_gui.resources import sample_pair

        original, rewrite = sample_pair()

        def job(ctx: TaskContext) -> OpenedReview:
            return self.service.reopen_or_create(
                load_path(original), load_path(rewrite), reviewer=self.settings.reviewer, ctx=ctx
            )

        return self.run_compare(job, "Opening the demo pair…", leaving="Open the demo pair")

    def open_paths(
        self, original: Path, rewrite: Path, *, carry_from: int | None = None
    ) -> TaskHandle | None:
        """Import two files, compare them and open them as a new review (in a worker)."""
        from factcheck_gui.importers import load_path

        def job(ctx: TaskContext) -> OpenedReview:
            a, b = load_path(original), load_path(rewrite)
            return self.service.compare_and_create(
                a, b, reviewer=self.settings.reviewer, ctx=ctx, carry_from=carry_from
            )

        return self.run_compare(
            job, f"Comparing {original.name} with {rewrite.name}…", leaving="Compare the two files"
        )

    def open_imported(
        self, original: Any, rewrite: Any, *, carry_from: int | None = None
    ) -> TaskHandle | None:
        """Compare two imported texts and open them as a new review (in a worker)."""

        def job(ctx: TaskContext) -> OpenedReview:
            return self.service.compare_and_create(
                original, rewrite, reviewer=self.settings.reviewer, ctx=ctx, carry_from=carry_from
            )

        return self.run_compare(job, f"Comparing {original.name} with {rewrite.name}…")

    def run_compare(
        self, job: Any, label: str, *, leaving: str = "Open the other stories"
    ) -> TaskHandle | None:
        """Run a job that returns an :class:`OpenedReview` (with progress and Cancel), then show it.

        Not while the open review holds a note the store refused, nor while the start page's
        panes hold pasted text the review would clear (None then; see :meth:`may_leave_review`
        and :meth:`StoryInput.may_clear`, ``leaving`` names the action on its button).
        """
        if not self.may_leave(leaving, lambda: self.run_compare(job, label, leaving=leaving)):
            return None
        self.cancel_task()
        self.message.clear()
        self.status.busy(label)
        self._task = self.workers.start(
            "comparing",
            job,
            finished=self._opened,
            progress=self.status.set_progress,
            cancelled=self._cancelled,
            failed=self._failed,
        )
        return self._task

    def open_review(self, review_id: int) -> TaskHandle | None:
        """Load a stored review (in a worker) and show it as it was left (see :meth:`run_compare`)."""
        if not self.may_leave(f"Open review #{review_id}", lambda: self.open_review(review_id)):
            return None
        self.cancel_task()
        self.status.busy(f"Opening review #{review_id}…")
        self._task = self.workers.start(
            "opening a review",
            lambda ctx: self.service.load(review_id, ctx),
            finished=self._opened,
            cancelled=self._cancelled,
            failed=self._failed,
        )
        return self._task

    def cancel_task(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()

    def _opened(self, opened: OpenedReview) -> None:
        self._task = None
        self.status.idle()
        # A note typed meanwhile may have been refused: the review it belongs to stays.
        if not self.may_leave_review("Show the other review", lambda: self._opened(opened)):
            return
        self._leave_review()
        self.input.clear()
        self.session = ReviewSession(self.service, opened, self.settings.reviewer, self)
        self.session.error.connect(self.message.show_error)
        self.session.error.connect(self._remember_store_error)
        self.session.saved.connect(lambda _what: self._remember_store_error(""))
        self.session.notice.connect(self.message.show_warning)
        self.session.saved.connect(self.status.flash)
        self.commands.set_scale(opened.scale)
        self.review.set_session(self.session)
        self.stack.setCurrentWidget(self.review)
        self.commands.set_review_open(True)
        self.setWindowTitle(f"{opened.title} — Factcheck Compare")
        self.status.set_database(self.service.display_name)
        self._update_status()
        self.again.tell(opened)
        state = self.settings.review_state(self.service.state_key, opened.review_id)
        self.review.restore_ui_state(state)
        if not state.change_id:
            self.review.changes.select_row(0)
        # Scroll positions need the panes laid out at their final size: restore once more
        # after the event loop has run the layout.
        QTimer.singleShot(0, lambda: self._finish_restore(opened.review_id, state))

    def _finish_restore(self, review_id: int, state: Any) -> None:
        if self.session is None or self.session.review_id != review_id:
            return
        if state.left_scroll or state.right_scroll:
            self.review.comparison.restore_scroll(state.left_scroll, state.right_scroll)
        self.review.changes.table.setFocus()
        self.reviewShown.emit(review_id)

    def _failed(self, failure: Failure, *, listing: bool = False) -> None:
        message, exc = failure.message, failure.error
        if self._task is None or self._task.done:  # not while a comparison is still running
            self._task = None
            self.status.idle()
        if isinstance(exc, CorruptDatabaseError) and exc.path is not None:
            self.recovery.offer(exc)  # the message, with a way to keep working
            self.taskFailed.emit(message)
        else:
            self.show_error(message)
        if self.session is None:
            self._settle_start_page(database_failed=listing or isinstance(exc, StoreError))

    def _settle_start_page(self, *, database_failed: bool) -> None:
        """After a failure with no review open, the start page must not keep saying "Loading…".

        A file that could not be read leaves the database fine: list its reviews. When the
        database itself failed, listing would only fail again: say so instead.
        """
        if database_failed:
            self.start.set_unavailable()
        elif self.stack.currentWidget() is self.start and not self.start.listed:
            self.refresh_reviews()

    def show_failure(self, failure: Failure) -> None:
        """A task's failure, as :meth:`show_error`."""
        self.show_error(failure.message)

    def show_error(self, message: str) -> None:
        """A one-line error in the message bar (it stays until dismissed)."""
        self.message.show_error(message)
        self.taskFailed.emit(message)

    def _cancelled(self) -> None:
        self._task = None
        self.status.idle()
        self.message.show_info("Comparison cancelled.")
        self.taskCancelled.emit()

    def may_leave(self, doing: str, proceed: Callable[[], object]) -> bool:
        """True when another review may be opened: nothing on screen is lost by it.

        Neither a note the store refused (:meth:`may_leave_review`) nor text pasted into the
        start page's panes (:meth:`StoryInput.may_clear`); otherwise the message bar asks, and
        its button runs ``proceed`` (named by ``doing``).
        """
        return self.may_leave_review(doing, proceed) and self.input.may_clear(doing, proceed)

    def may_leave_review(self, doing: str, proceed: Callable[[], object]) -> bool:
        """True when the open review may be left: no note the store refused, or retried and saved.

        A note the store refused (read-only or locked database, a colleague's edit) lives only
        on screen; leaving the review would drop it without a word. So, like closing the window,
        the review stays, the message bar says so and offers "``doing`` without the note", which
        lets the note go and then runs ``proceed``.
        """
        if self.session is None:
            return True
        unsaved = self.review.verdict.save_all_notes()
        if not unsaved:
            return True

        def without() -> None:
            self.review.verdict.discard_unsaved(unsaved)
            proceed()

        self._offer_without_notes(unsaved, "this review stays open", doing, without)
        return False

    def _offer_without_notes(
        self, unsaved: list[str], stays: str, doing: str, without: Callable[[], object]
    ) -> None:
        reason = self._last_store_error
        one = len(unsaved) == 1
        self.message.show_offer(
            f"{'Your note' if one else 'Your notes'} on {', '.join(unsaved)} could not be saved"
            + (f" ({reason.rstrip('.')})" if reason else "")
            + f", so {stays}: copy the text somewhere safe, or {doing[:1].lower()}{doing[1:]} without it.",
            f"{doing} without the note" if one else f"{doing} without the notes",
            without,
            level="error",
        )

    def _leave_review(self) -> None:
        """Close the review on screen (callers first ask :meth:`may_leave_review`)."""
        if self.session is None:
            return
        self._save_ui_state()
        self.review.set_session(None)
        self.session.deleteLater()
        self.session = None
        self._update_status()  # no "N of M changes reviewed" left from the review

    def _save_ui_state(self) -> None:
        if self.session is not None:
            self.settings.save_review_state(
                self.service.state_key, self.session.review_id, self.review.ui_state()
            )

    # -- compare again and export (see compare_again.py, export_action.py) ---------------------
    def compare_again_with(self, side: Side, path: Path, *, carry: bool | None = None) -> TaskHandle | None:
        """Replace one side of the open review by ``path`` (see :meth:`CompareAgain.compare_with`)."""
        return self.again.compare_with(side, path, carry=carry)

    def export_to(self, fmt: str, path: Path) -> TaskHandle | None:
        """Export the open review in a worker; ``exported`` fires when the file is written."""
        return self.exports.export_to(fmt, path)

    # -- review commands ----------------------------------------------------------------------
    def next_unreviewed(self) -> None:
        changes = self.review.changes
        if changes.next_unreviewed():
            return
        left = 0
        if self.session is not None:
            left = len(self.session.index.review_changes) - self.session.reviewed_count()
        if left and changes.proxy.is_filtering():
            # Not "every change has a verdict": the filters hide the ones still to do.
            shown = (
                "No change is shown" if not changes.proxy.rowCount() else "Every change shown has a verdict"
            )
            self.status.flash(
                f"{shown}; {left} more without one {'is' if left == 1 else 'are'} hidden by the "
                "filters (Review → Show all changes)."
            )
        else:
            self.status.flash("Every change has a verdict.")

    def focus_note(self) -> None:
        if is_text_input(self.focusWidget()):
            return  # Enter belongs to the field being typed in
        if self.review.current_change_id():
            self.review.verdict.focus_note()

    def _set_sync(self, on: bool) -> None:
        self.review.comparison.sync.enabled = on

    def _update_status(self) -> None:
        if self.session is None:
            self.status.set_progress_text("")
            return
        total = len(self.session.index.review_changes)
        self.status.set_progress_text(f"{self.session.reviewed_count()} of {total} changes reviewed")

    # -- settings (see preferences.py) ----------------------------------------------------------
    def use_database(self, url: str | None, store: Any = None, *, remember: bool = False) -> bool:
        """Work in another database (``store``: already open on it) from its start page on.

        ``remember``: it is also the database of the next start (written to the settings).
        False, and nothing changed, while the open review holds a note the store refused
        (see :meth:`may_leave_review`).
        """
        if not self.may_leave_review(
            "Switch database", lambda: self.use_database(url, store, remember=remember)
        ):
            return False
        if remember:
            self.settings.db_url = url or ""
            self.settings.sync()
        self._leave_review()
        self.service.close()
        self.service = ReviewService(url, store=store)
        self.status.set_database(self.service.display_name)
        self.show_start_page()
        return True

    def _remember_store_error(self, message: str) -> None:
        self._last_store_error = message

    def _quit_discarding_note(self) -> None:
        self._discard_note = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A note typed a moment ago is committed before closing. When the store refuses it
        # (read-only or locked database, a colleague's edit), closing would lose it without a
        # word: stay open, say so, and quit only when the reader says the note may go.
        unsaved = self.review.verdict.save_all_notes()
        if unsaved and not self._discard_note:
            event.ignore()
            self._offer_without_notes(unsaved, "the window stays open", "Quit", self._quit_discarding_note)
            return
        self._save_ui_state()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.workers.shutdown()
        self.service.close()
        super().closeEvent(event)
