"""The review screen: comparison view above, change list and verdict panel below.

It wires selection both ways (list → panes, click in a pane or curtain → list) and answers
the navigation actions; it holds no store logic (that is :class:`ReviewSession`).
"""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.review import wording
from factcheck_gui.ui.models.change_model import REVIEWED, UNREVIEWED
from factcheck_gui.ui.models.session import ReviewSession
from factcheck_gui.ui.shell.settings import ReviewUiState
from factcheck_gui.ui.views.change_list import ChangeList
from factcheck_gui.ui.views.comparison_view import ComparisonView
from factcheck_gui.ui.views.pane import StoryPane
from factcheck_gui.ui.views.summary_strip import TO_REVIEW, SummaryStrip
from factcheck_gui.ui.views.verdict_panel import PREFERRED_WIDTH, VerdictPanel

# The change list's width below which the verdict panel narrows to leave it more room.
COMFORTABLE_LIST_WIDTH = 560


class _BottomSplitter(QSplitter):
    """The change list beside the verdict panel; after each resize the panel's width is fitted."""

    def __init__(self, view: ReviewView) -> None:
        super().__init__(Qt.Orientation.Horizontal, view)
        self._view = view

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._view.fit_verdict_panel()


class ReviewView(QWidget):
    """Signals: currentChangeChanged(str), progressChanged() when a verdict changes."""

    currentChangeChanged = Signal(str)
    progressChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.comparison = ComparisonView(self)
        self.changes = ChangeList(self)
        self.verdict = VerdictPanel(self)
        self.bottom = bottom = _BottomSplitter(self)
        bottom.addWidget(self.changes)
        bottom.addWidget(self.verdict)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        self._panel_dragged = False  # the reader chose the panel's width: keep it
        bottom.splitterMoved.connect(self._on_panel_dragged)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.comparison)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        # The story at a glance: counts by kind, flags by type, reviewed / to review; each count
        # filters the change list (through its own filter boxes, so both always agree).
        # In a narrow window the strip scrolls sideways rather than widen the window.
        self.strip = SummaryStrip(self)
        self.strip.setObjectName("summaryStrip")
        strip_area = QScrollArea(self)
        strip_area.setObjectName("summaryStripArea")
        strip_area.setWidget(self.strip)
        strip_area.setWidgetResizable(True)
        strip_area.setFrameShape(QFrame.Shape.NoFrame)
        strip_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        strip_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        strip_area.setFixedHeight(
            self.strip.sizeHint().height() + strip_area.horizontalScrollBar().sizeHint().height()
        )
        col.addWidget(strip_area)
        col.addWidget(self.splitter)
        self.strip.kindClicked.connect(lambda kind: self._choose(self.changes.kind_filter, kind))
        self.strip.flagClicked.connect(lambda flag: self._choose(self.changes.flag_filter, flag))
        self.strip.reviewClicked.connect(self._strip_review)
        for box in (self.changes.kind_filter, self.changes.flag_filter, self.changes.verdict_filter):
            box.currentIndexChanged.connect(self._sync_strip)
        self.changes.currentChangeChanged.connect(self._on_current)
        self.changes.currentHidden.connect(self.verdict.show_hidden)
        self.comparison.changeActivated.connect(self.select_change)
        self.verdict.note.escaped.connect(self._leave_note)
        # A resize or a new font wraps the stories anew: both panes keep the reader's place
        # (the selected change where it was), the scroll sync held until both are back.
        self._places_held: ExitStack | None = None
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self._release_places)
        for pane in self._panes():
            pane.installEventFilter(self)

    def _panes(self) -> tuple[StoryPane, StoryPane]:
        return self.comparison.left, self.comparison.right

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FontChange or (
            kind == QEvent.Type.Resize
            and isinstance(event, QResizeEvent)
            and event.oldSize().isValid()
            and event.oldSize() != event.size()
        ):
            self._hold_places()
        return super().eventFilter(obj, event)

    def _hold_places(self) -> None:
        if self._places_held is None:
            held = ExitStack()
            held.enter_context(self.comparison.sync.hold())
            for pane in self._panes():
                pane.keep_place()
            self._places_held = held
        self._place_timer.start()

    def _release_places(self) -> None:
        held, self._places_held = self._places_held, None
        if held is None:
            return
        with held:
            for pane in self._panes():
                pane.restore_place()
            for pane in self._panes():
                pane.release_place()

    @staticmethod
    def _choose(box: QComboBox, value: str) -> None:
        i = box.findData(value)
        box.setCurrentIndex(i if i >= 0 else 0)

    def _strip_review(self, which: str) -> None:
        self.changes.unreviewed_only.setChecked(False)
        value = {TO_REVIEW: UNREVIEWED, "": ""}.get(which, REVIEWED)
        self._choose(self.changes.verdict_filter, value)

    def _sync_strip(self, _index: int = 0) -> None:
        """The strip's checked count follows the filter boxes, whoever set them."""
        verdict = self.changes.verdict_filter.currentData() or ""
        review = {UNREVIEWED: TO_REVIEW, REVIEWED: "reviewed"}.get(verdict, "")
        self.strip.set_active(
            kind=self.changes.kind_filter.currentData() or "",
            flag=self.changes.flag_filter.currentData() or "",
            review=review,
        )

    def _on_panel_dragged(self, _pos: int, _index: int) -> None:
        self._panel_dragged = True

    def fit_verdict_panel(self) -> None:
        """The verdict panel has its preferred width while the change list keeps a comfortable
        width beside it; in a narrower window the panel gives way first, down to its minimum
        (its texts wrap). Once the reader drags the divider, the width is theirs.
        """
        if self._panel_dragged:
            return
        sizes = self.bottom.sizes()
        if len(sizes) != 2 or not sum(sizes):
            return
        total = sum(sizes)
        least = self.verdict.minimumWidth()
        want = max(least, min(max(PREFERRED_WIDTH, least), total - COMFORTABLE_LIST_WIDTH))
        want = min(want, max(least, total - self.changes.minimumSizeHint().width()))
        if want != sizes[1]:
            self.bottom.setSizes([total - want, want])

    def set_session(self, session: ReviewSession | None) -> None:
        """Show a review (None empties the screen)."""
        if self.session is not None:
            self.verdict.save_note()
            self.session.verdictChanged.disconnect(self._on_verdict_changed)
        self.session = session
        self.verdict.set_session(session)
        if session is None:
            self.comparison.set_index(None)
            self.changes.set_comparison(None, {}, ())
            self.strip.set_comparison(None)
            return
        session.verdictChanged.connect(self._on_verdict_changed)
        self.comparison.set_index(session.index)
        self.changes.set_comparison(session.index, session.values(), session.scale)
        self.strip.set_comparison(session.index.comparison, session.values())

    def _leave_note(self) -> None:
        """Escape in the note: save it and give the keys (J, K, N, 1–9) back to the change list."""
        self.verdict.leave_note()
        self.changes.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_verdict_changed(self, change_id: str) -> None:
        if self.session is not None:
            value = self.session.value(change_id)
            self.changes.set_verdict(change_id, value)
            self.strip.set_verdict(change_id, value)
        self.progressChanged.emit()

    def _on_current(self, change_id: str) -> None:
        self.comparison.show_change(change_id)
        self.verdict.show_change(change_id)
        self.currentChangeChanged.emit(change_id)

    def next_unreviewed(self) -> str:
        """Select the next change without a verdict; "" when there is one, else what to say."""
        changes = self.changes
        if changes.next_unreviewed():
            return ""
        left = self.session.left_to_review() if self.session is not None else 0
        if left and changes.proxy.is_filtering():
            # Not "every change has a verdict": the filters hide the ones still to do.
            return wording.hidden_unreviewed(left, shown_any=bool(changes.proxy.rowCount()))
        return "Every change has a verdict."

    def current_change_id(self) -> str:
        return self.changes.current_change_id()

    def select_change(self, change_id: str) -> bool:
        """Select a change in the list (and so in the panes and the verdict panel)."""
        if self.changes.select_change(change_id):
            return True
        # Not a change to review (an unchanged claim): still show it in the panes.
        self.comparison.show_change(change_id)
        return False

    def ui_state(self) -> ReviewUiState:
        left, right = self.comparison.scroll_state()
        return ReviewUiState(self.current_change_id(), left, right)

    def restore_ui_state(self, state: ReviewUiState) -> None:
        if state.change_id:
            self.select_change(state.change_id)
        if state.left_scroll or state.right_scroll:
            self.comparison.restore_scroll(state.left_scroll, state.right_scroll)
