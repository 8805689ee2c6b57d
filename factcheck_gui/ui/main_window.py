"""The main window, and the composition root: it builds the parts and wires them, nothing more.

The pages are views (:mod:`.views`); the review lifecycle is the :class:`Navigator`; each
menu command is a controller (:mod:`.controllers`) that receives only what it uses — the
navigator, the notifier, the workers, the settings — never the window. What must not be lost
on leaving a review (a note the store refused, pasted text) is a leave guard of the navigator.

Signals:
    reviewShown(int): a review is on screen with its verdicts, selection and scroll restored.
    reviewsListed(): the start page's list was refreshed.
    taskFailed(str): a background task ended with a message (also shown in the message bar).
    taskCancelled(): the reader cancelled a comparison.
    exported(str): a review was exported; carries the file path.
    dialogOpened(object): a dialog was opened window-modal (without a nested event loop).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget

from factcheck_gui.review.docindex import Side
from factcheck_gui.review.opening import OpenedReview, ReviewService
from factcheck_gui.ui.controllers.compare_again import CompareAgain
from factcheck_gui.ui.controllers.database_recovery import DatabaseRecovery
from factcheck_gui.ui.controllers.export_action import ExportController, export_formats
from factcheck_gui.ui.controllers.guide import DemoGuide
from factcheck_gui.ui.controllers.hand_link import HandLinks
from factcheck_gui.ui.controllers.inline import InlineController
from factcheck_gui.ui.controllers.ledger import LedgerPanel
from factcheck_gui.ui.controllers.navigator import Leaving, Navigator, NotesGuard, Screens
from factcheck_gui.ui.controllers.preferences import Preferences
from factcheck_gui.ui.controllers.print_report import PrintReport
from factcheck_gui.ui.controllers.review_file import ReviewFileError, ReviewFileImport
from factcheck_gui.ui.controllers.sources import SourcesController
from factcheck_gui.ui.controllers.story_input import StoryInput
from factcheck_gui.ui.controllers.undo import UndoRedo
from factcheck_gui.ui.controllers.zoom import Zoom
from factcheck_gui.ui.models.session import ReviewSession
from factcheck_gui.ui.shell.actions import build_actions, is_text_input, keep_enter_for_typing
from factcheck_gui.ui.shell.messages import MessageBar, Notifier, StatusArea
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.theme import Theme
from factcheck_gui.ui.shell.workers import TaskHandle, Workers
from factcheck_gui.ui.views.dialogs import OpenPairDialog, show_about
from factcheck_gui.ui.views.review_view import ReviewView
from factcheck_gui.ui.views.shortcuts import ShortcutSheet, actions_by_menu
from factcheck_gui.ui.views.start_page import StartPage

QUIT = Leaving("Quit", quits=True, stays="the window stays open")
TITLE = "Factcheck Compare"


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
    undo_redo: UndoRedo  # built after the menus, whose slots reach them
    guide: DemoGuide

    def __init__(self, settings: Settings, db_url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(TITLE)
        self.workers = Workers(self, expected=_expected_errors())
        self.quit_without_notes = False  # the reader chose to quit without a note the store refused
        self._shortcut_sheet: ShortcutSheet | None = None

        # -- the views
        self.start = StartPage(self)
        self.review = review = ReviewView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.stack.addWidget(review)
        self.message = MessageBar(self)
        central = QWidget(self)
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.message)
        col.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StatusArea(self.statusBar(), self)
        self.notifier = Notifier(self.message, self.status, self)

        # -- the review lifecycle and the controllers
        service = ReviewService(db_url or settings.db_url or None)
        screens = Screens(self.stack, self.start, review)
        self.nav = nav = Navigator(service, settings, self.workers, self.notifier, screens, self)
        nav.add_guard(NotesGuard(review.verdict, lambda: nav.session.last_error if nav.session else ""))
        self.input = StoryInput(nav, self.notifier, self.workers, self.start)
        nav.add_guard(self.input)
        self.again = CompareAgain(nav, self.notifier, self.workers, settings, self)
        self.exports = ExportController(
            nav, self.notifier, self.workers, settings, self, review.verdict.save_note
        )
        self.review_file = ReviewFileImport(nav, settings, self)
        self.recovery = DatabaseRecovery(nav, self.notifier, self.workers, self)
        self.prefs = Preferences(nav, settings, self, self.open_dialog)
        self.zoom = Zoom(
            settings, review.comparison, [self.start.left, self.start.right], self, self.status.flash
        )
        self.inline_view = InlineController(self.workers, review.comparison, settings, self)
        self.hand_links = HandLinks(nav, self.notifier, self.workers, settings, review, self)
        self.printing = PrintReport(nav, self.notifier, self.workers, self, review.verdict.save_note)
        nav.add_guard(self.printing)

        slots: dict[str, Any] = {
            "open_pair": self.open_pair_dialog,
            "open_demo": nav.open_demo,
            "import_review": self.review_file.choose,
            "start_page": nav.show_start_page,
            "compare_again_original": lambda: self.again.choose(Side.ORIGINAL),
            "compare_again_rewrite": lambda: self.again.choose(Side.REWRITE),
            "settings": self.prefs.dialog,
            "quit": self.close,
            "find": review.comparison.find_bar.open_bar,
            "paste_story": self.input.paste,
            "next_change": lambda: review.changes.step(1),
            "previous_change": lambda: review.changes.step(-1),
            "next_unreviewed": self.next_unreviewed,
            "next_flagged": lambda: review.step_flagged(1),
            "previous_flagged": lambda: review.step_flagged(-1),
            "next_unreviewed_flagged": lambda: review.step_flagged(1, unreviewed=True),
            "advance_after_verdict": self.prefs.set_advance,
            "hide_punctuation": self.prefs.set_hide_punctuation,
            **{f"theme_{t.value}": lambda on, t=t: self.prefs.set_theme(t, on) for t in Theme},
            "focus_note": self.focus_note,
            "verdict": review.verdict_key,
            "clear_verdict": lambda: review.verdict.apply_verdict(None),
            "clear_filters": review.changes.clear_filters,
            "sync_scroll": lambda on: setattr(review.comparison.sync, "enabled", on),
            "inline_view": self.inline_view.set_shown,
            "zoom_in": self.zoom.zoom_in,
            "zoom_out": self.zoom.zoom_out,
            "actual_size": self.zoom.actual_size,
            "print_report": self.printing.choose,
            "print_preview": self.printing.preview,
            "about": lambda: show_about(self),
            "shortcuts": self.show_shortcuts,
            "undo": lambda: self.undo_redo.undo(),
            "redo": lambda: self.undo_redo.redo(),
            "demo_guide": lambda: self.guide.open_guide(),
        }
        self.commands = build_actions(self, slots, export_formats(), self.exports.choose)
        self.prefs.bind(self.commands, review)  # the View and Review menus' settings, checked
        self.commands["inline_view"].setChecked(settings.inline_view)
        self.ledger = LedgerPanel(self, self.workers, self.review.select_change)
        self.undo_redo = UndoRedo(nav, review, self.notifier, self.commands, self)
        self.guide = DemoGuide(nav, review, settings, self)
        self.sources = SourcesController(self, nav, self.notifier, settings, review)
        self.again.several_drop = self.sources.dropped
        for top in self.menuBar().actions():
            menu = top.menu()
            if top.text() == "&View" and isinstance(menu, QMenu):
                menu.addAction(self.ledger.action)
        self._enter_guard = keep_enter_for_typing(self)
        self._wire()
        self.prefs.apply_font()
        self.status.set_database(service.display_name)
        self.status.set_reviewer(settings.reviewer)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1280, 860)

    def _wire(self) -> None:
        nav, review = self.nav, self.review
        nav.reviewOpened.connect(self._review_opened)
        nav.startPageShown.connect(self._start_page_shown)
        nav.reviewShown.connect(self.reviewShown)
        nav.reviewsListed.connect(self.reviewsListed)
        nav.taskCancelled.connect(self.taskCancelled)
        nav.progressChanged.connect(self._update_status)
        self.notifier.failed.connect(self.taskFailed)
        self.status.cancel.clicked.connect(nav.cancel_task)
        self.start.reviewActivated.connect(nav.open_review)
        self.start.pair_button.clicked.connect(self.open_pair_dialog)
        self.start.demo_button.clicked.connect(nav.open_demo)
        for pane in (review.comparison.left, review.comparison.right):
            pane.filesDropped.connect(lambda files, s=pane.side: self.again.dropped(s, files))
        review.progressChanged.connect(self._update_status)
        review.verdict.flash.connect(self.status.flash)
        review.said.connect(self.status.flash)
        review.currentChangeChanged.connect(lambda _c: nav.save_ui_state())
        review.currentChangeChanged.connect(self.ledger.show_change)
        nav.reviewOpened.connect(self.ledger.review_opened)
        nav.startPageShown.connect(self.ledger.review_closed)
        self.again.carried.connect(lambda _n: review.verdict.refresh_history())
        self.exports.exported.connect(self.exported)
        self.prefs.themeChanged.connect(review.comparison.refresh_theme)
        self.prefs.themeChanged.connect(review.verdict.refresh_theme)
        self.prefs.themeChanged.connect(self.message.refresh_theme)
        self.prefs.fontChanged.connect(self._set_story_font)
        self.prefs.reviewerChanged.connect(self.status.set_reviewer)

    # -- what the navigator reports --------------------------------------------------------------
    def _review_opened(self, opened: OpenedReview) -> None:
        self.commands.set_scale(opened.scale)
        self.commands.set_review_open(True)
        self.setWindowTitle(f"{opened.title} — {TITLE}")

    def _start_page_shown(self) -> None:
        self.commands.set_review_open(False)
        self.setWindowTitle(TITLE)

    def _update_status(self) -> None:
        session = self.nav.session
        total = len(session.index.review_changes) if session is not None else 0
        self.status.set_progress_text(
            f"{session.reviewed_count()} of {total} changes reviewed" if session is not None else ""
        )

    def _set_story_font(self, font: QFont) -> None:
        # Every story view (the review's panes and inline view, the start page's panes), at the
        # View menu's zoom, the selected change kept in view.
        self.zoom.set_base_font(font)

    # -- the review lifecycle, as the app and the tests call it ----------------------------------
    @property
    def session(self) -> ReviewSession | None:
        return self.nav.session

    @property
    def service(self) -> ReviewService:
        return self.nav.service

    @property
    def task(self) -> TaskHandle[OpenedReview] | None:
        return self.nav.task

    def open_paths(
        self, original: Path, rewrite: Path, *, carry_from: int | None = None
    ) -> TaskHandle[OpenedReview] | None:
        return self.nav.open_paths(original, rewrite, carry_from=carry_from)

    def compare_again_with(
        self, side: Side, path: Path, *, carry: bool | None = None
    ) -> TaskHandle[Any] | None:
        return self.again.compare_with(side, path, carry=carry)

    def export_to(self, fmt: str, path: Path) -> TaskHandle[tuple[str, str]] | None:
        """Export the open review in a worker; ``exported`` fires when the file is written."""
        return self.exports.export_to(fmt, path)

    # -- window commands -------------------------------------------------------------------------
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
                self.nav.open_paths(*paths)

        dialog.accepted.connect(accepted)
        return self.open_dialog(dialog)

    def show_shortcuts(self) -> ShortcutSheet:
        """Help → Keyboard shortcuts (F1): read from the window's own actions each time."""
        if self._shortcut_sheet is None:
            self._shortcut_sheet = ShortcutSheet(actions_by_menu(self.menuBar()), self)
        self._shortcut_sheet.show_sheet()
        return self._shortcut_sheet

    def next_unreviewed(self) -> None:
        if said := self.review.next_unreviewed():
            self.status.flash(said)

    def focus_note(self) -> None:
        if is_text_input(self.focusWidget()):
            return  # Enter belongs to the field being typed in
        if self.review.current_change_id():
            self.review.verdict.focus_note()

    def _quit(self) -> None:
        self.quit_without_notes = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A note typed a moment ago is committed before closing. When the store refuses it
        # (read-only or locked database, a colleague's edit), closing would lose it without a
        # word: stay open, say so, and quit only when the reader says the note may go.
        if self.quit_without_notes:
            self.review.verdict.save_all_notes()
        elif self.nav.stays(QUIT, self._quit):
            event.ignore()
            return
        self.nav.save_ui_state()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.workers.shutdown()
        self.nav.service.close()
        super().closeEvent(event)
