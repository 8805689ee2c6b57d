"""The fact ledger beside the review: View → Fact ledger (Ctrl+L) shows a dock with every
number, date, name, title and quotation of both versions, kept, changed, dropped or new.

The ledger of a review is built in a worker the first time the dock is shown for it (never
on the GUI thread), started once the window has made room for the dock and painted: a worker
holding the GIL makes every Python call of that relayout (both panes rewrap, the change table
repaints) wait its turn, which turned a 60 ms relayout into a stall of half a second.
Activating a fact selects the change that holds it, and selecting a change shows its facts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from factcheck_gui.engine.ledger import Ledger
from factcheck_gui.review.opening import OpenedReview
from factcheck_gui.ui.shell.workers import Failure, Workers
from factcheck_gui.ui.views.ledger_view import LedgerView, ledger_task

# How long after the dock is shown the build starts: the relayout and paint come first.
SETTLE_MS = 120


class LedgerPanel(QObject):
    """Owns the dock and the one ledger build that may be running."""

    def __init__(self, window: QMainWindow, workers: Workers, select_change: Callable[[str], object]) -> None:
        super().__init__(window)
        self.workers = workers
        self.view = LedgerView()
        self.dock = QDockWidget("Fact ledger", window)
        self.dock.setObjectName("ledgerDock")
        self.dock.setWidget(self.view)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText("Fact &ledger")
        self.action.setObjectName("fact_ledger")
        self.action.setShortcut("Ctrl+L")
        self.view.changeRequested.connect(select_change)
        self.dock.visibilityChanged.connect(self._visible)
        self._opened: OpenedReview | None = None
        self._built_for: object = None
        self._token = 0

    def review_opened(self, opened: OpenedReview) -> None:
        self._opened = opened
        self._built_for = None
        self.view.set_ledger(None)
        if self.dock.isVisible():
            self._build()

    def review_closed(self) -> None:
        self._opened = None
        self._built_for = None
        self._token += 1
        self.view.set_ledger(None)

    def show_change(self, change_id: str) -> None:
        if self.dock.isVisible():
            self.view.show_change(change_id)

    def _visible(self, shown: bool) -> None:
        if shown and self._opened is not None and self._built_for is not self._opened:
            self._build()

    def _build(self) -> None:
        opened = self._opened
        if opened is None:
            return
        self._built_for = opened
        self._token += 1
        token = self._token
        self.view.set_building()
        QTimer.singleShot(SETTLE_MS, self, lambda: self._start(opened, token))

    def _start(self, opened: OpenedReview, token: int) -> None:
        if token != self._token:  # the review was left (or another build began) meanwhile
            return

        def done(ledger: Ledger) -> None:
            if token == self._token:  # not a ledger of a review left meanwhile
                self.view.set_ledger(ledger)

        def failed(failure: Failure) -> None:
            if token == self._token:
                self._built_for = None
                self.view.set_ledger(None)

        self.workers.start(
            "building the fact ledger", ledger_task(opened.index.comparison), finished=done, failed=failed
        )
