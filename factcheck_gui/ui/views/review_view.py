"""The review screen: comparison view above, change list and verdict panel below.

It wires selection both ways (list → panes, click in a pane or curtain → list) and answers
the navigation actions; it holds no store logic (that is :class:`ReviewSession`).
"""

from __future__ import annotations

from contextlib import ExitStack
from functools import partial

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QMenu,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.engine.types import Change, ChangeKind, claim_index
from factcheck_gui.review import wording
from factcheck_gui.review.docindex import Side
from factcheck_gui.ui.models.change_model import REVIEWED, UNREVIEWED, ChangeIdRole
from factcheck_gui.ui.models.session import ReviewSession
from factcheck_gui.ui.shell.settings import ReviewUiState
from factcheck_gui.ui.views.change_list import ChangeList
from factcheck_gui.ui.views.comparison_view import ComparisonView
from factcheck_gui.ui.views.pane import StoryPane
from factcheck_gui.ui.views.summary_strip import TO_REVIEW, StripArea, SummaryStrip
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
    """Signals: currentChangeChanged(str), progressChanged() when a verdict changes,
    said(str) a short word for the status bar ("Back to the first flagged change")."""

    currentChangeChanged = Signal(str)
    progressChanged = Signal()
    said = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        # A verdict key goes on to the next unreviewed change (the setting, on by default).
        self.advance_after_verdict = True
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
        strip_area = StripArea(self)
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
        self.changes.hidingChanged.connect(self.strip.set_hide_punctuation)  # counts what it shows
        for box in (self.changes.kind_filter, self.changes.flag_filter, self.changes.verdict_filter):
            box.currentIndexChanged.connect(self._sync_strip)
        self.changes.currentChangeChanged.connect(self._on_current)
        self.changes.currentHidden.connect(self.verdict.show_hidden)
        self.comparison.changeActivated.connect(self.select_change)
        self.verdict.note.escaped.connect(self._leave_note)
        self.verdict.nearestRequested.connect(self.show_nearest)
        # A resize or a new font wraps the stories anew: both panes keep the reader's place
        # (the selected change where it was), the scroll sync held until both are back.
        self._places_held: ExitStack | None = None
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self._release_places)
        for pane in self._panes():
            pane.installEventFilter(self)
            pane.otherPaneRequested.connect(lambda cid, side=pane.side.other: self.show_in_pane(cid, side))
        # The row menu, by the mouse (on the rows) or the keyboard (Menu key: the current row).
        for w in (self.changes.table, self.changes.table.viewport()):
            w.installEventFilter(self)

    def _panes(self) -> tuple[StoryPane, StoryPane]:
        return self.comparison.left, self.comparison.right

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        table = self.changes.table
        on_rows = obj is table or obj is table.viewport()
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent) and on_rows:
            if event.reason() == QContextMenuEvent.Reason.Keyboard:
                pos = table.visualRect(table.currentIndex()).center()
            else:
                pos = event.pos() if obj is table.viewport() else table.viewport().mapFrom(table, event.pos())
            self._popup_row_menu(pos)
            return True
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

    def _release_places(self, *, restore: bool = True) -> None:
        held, self._places_held = self._places_held, None
        self._place_timer.stop()
        if held is None:
            return
        with held:
            if restore:
                for pane in self._panes():
                    pane.restore_place()
            for pane in self._panes():
                pane.release_place(restore=restore)

    def drop_places(self) -> None:
        """The panes go somewhere new (another change, a scroll restored): a place held
        through a resize is not gone back to."""
        self._release_places(restore=False)

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

    def set_session(self, session: ReviewSession | None, *, rewrite_later: bool = False) -> None:
        """Show a review (None empties the screen); ``rewrite_later``: the rewrite's pane is
        filled by ``comparison.fill_rewrite()`` (see :meth:`ComparisonView.set_index`)."""
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
        self.comparison.set_index(session.index, rewrite_later=rewrite_later)
        self.changes.set_comparison(session.index, session.values(), session.scale)
        self.strip.set_comparison(
            session.index.comparison, session.values(), hide_punctuation=self.changes.hides_punctuation
        )

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
        self.drop_places()
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

    def step_flagged(self, delta: int, *, unreviewed: bool = False) -> str:
        """Review → Next / Previous flagged change (``unreviewed``: the next one without a
        verdict), among the changes the list shows; what was said ("" when it just moved)."""
        found, wrapped = self.changes.step_flagged(delta, unreviewed=unreviewed)
        what = "unreviewed flagged change" if unreviewed else "flagged change"
        if found:
            said = ""
            if wrapped:
                said = f"Back to the {'first' if delta > 0 else 'last'} {what} shown."
        else:
            said = self._none_shown(what, unreviewed=unreviewed)
        if said:
            self.said.emit(said)
        return said

    def _none_shown(self, what: str, *, unreviewed: bool) -> str:
        """No such change among those shown: say whether the filters hide some."""
        session = self.session
        if session is None:
            return ""
        hidden = sum(
            1
            for c in session.index.review_changes
            if c.flags and not (unreviewed and session.value(c.id)) and not self.changes.is_shown(c.id)
        )
        if hidden:
            are = "is" if hidden == 1 else "are"
            return f"No {what} is shown; {hidden} {are} hidden by the filters (Review → Show all changes)."
        return f"No {what} {'left' if unreviewed else 'in this review'}."

    def current_change_id(self) -> str:
        return self.changes.current_change_id()

    def verdict_key(self, number: int) -> bool:
        """A verdict key (1–9): the verdict for the change selected, committed at once; then,
        with :attr:`advance_after_verdict`, the next unreviewed change the list shows. A note
        the store did not take keeps the reader on its change, with what became of it."""
        change_id = self.verdict.change_id
        saved = self.verdict.apply_number(number)
        if (
            saved
            and self.advance_after_verdict
            and change_id
            and change_id == self.current_change_id()
            and self.verdict.drafts.state(change_id) is None
        ):
            said = self.next_unreviewed()
            if said:
                self.said.emit(said)
        return saved

    # -- the change list's row menu -------------------------------------------------------------
    def row_menu(self, pos: QPoint) -> QMenu | None:
        """The context menu of the row at ``pos`` (the table's viewport; a key press: the
        current row), not shown yet."""
        table = self.changes.table
        idx = table.indexAt(pos)
        if not idx.isValid():
            idx = table.currentIndex()
        if not idx.isValid() or self.session is None:
            return None
        change_id = str(idx.data(ChangeIdRole))
        menu = QMenu(self)
        menu.setObjectName("changeRowMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("&Copy change with verdict and note", lambda: self.copy_change(change_id))
        target = self._other_pane()
        change = self.session.index.change(change_id)
        holds = bool(self.session.index.claim_ids(change, target.side))
        where = "the original" if target.side is Side.ORIGINAL else "the rewrite"
        show = menu.addAction(
            f"&Show in the other pane ({where})" if holds else f"Show in the other pane (not in {where})",
            lambda: self.show_in_pane(change_id, target.side),
        )
        show.setEnabled(holds)
        self._link_entries(menu, change)
        menu.addAction("Copy change &id", lambda: _copy(change_id))
        return menu

    def _link_entries(self, menu: QMenu, change: Change) -> None:
        """ "Link as one claim with" the likeliest counterparts of an added or removed claim
        (not only the closest, which the verdict panel offers), and "Take this link apart" for
        a link made by hand: what the verdict panel's link buttons ask for."""
        if self.session is None:
            return
        if change.by_hand:
            menu.addAction("Take this link &apart", lambda: self.verdict.unlinkRequested.emit(change.id))
        if change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED):
            return
        from factcheck_gui.engine.handlink import link_candidates

        comparison = self.session.index.comparison
        sub = menu.addMenu("&Link as one claim with")
        sub.setObjectName("linkWithMenu")
        found = link_candidates(comparison, change.id)
        for other, score in found:
            doc, ids = (
                (comparison.original, other.original)
                if other.original
                else (comparison.rewrite, other.rewrite)
            )
            said = " ".join(doc.claims[claim_index(cid)].text for cid in ids)
            label = f"{other.id} ({', '.join(ids)}, similarity {score:.2f}): “{_excerpt(said)}”"
            link = sub.addAction(label.replace("&", "&&"))  # story text is never a shortcut
            link.triggered.connect(partial(self.verdict.linkRequested.emit, change.id, other.id))
        if not found:
            other_kind = "added" if change.kind is ChangeKind.REMOVED else "removed"
            none = sub.addAction(f"(no {other_kind} claim near it)")
            none.setEnabled(False)

    def _popup_row_menu(self, pos: QPoint) -> None:
        menu = self.row_menu(pos)
        if menu is not None:
            menu.popup(self.changes.table.viewport().mapToGlobal(pos))

    def _other_pane(self) -> StoryPane:
        """The pane the reader did not use last."""
        c = self.comparison
        return c.right if c.last_pane is c.left else c.left

    def show_in_pane(self, change_id: str, side: Side) -> bool:
        """Select the change and bring its claims on ``side`` into that pane's view; the pane
        becomes the one used last (so the menu's next "other pane" is the first again)."""
        if self.session is None:
            return False
        if change_id != self.current_change_id():
            self.select_change(change_id)
        change = self.session.index.change(change_id)
        claims = self.session.index.claim_ids(change, side)
        if not claims:
            return False
        pane = self.comparison.left if side is Side.ORIGINAL else self.comparison.right
        with self.comparison.sync.hold():
            pane.scroll_to_y(self.session.index.sides[side].span(claims[0])[0], pane.viewport().height() / 3)
        self.comparison.last_pane = pane
        pane.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show_nearest(self, claim_id: str) -> bool:
        """Bring ``claim_id`` (the closest counterpart of the selected added or removed claim)
        into its pane's view, a third of the way down, and mark it; the selection stays."""
        if self.session is None:
            return False
        side = Side.ORIGINAL if claim_id.startswith("o") else Side.REWRITE
        pane = self.comparison.left if side is Side.ORIGINAL else self.comparison.right
        if not pane.mark_claim(claim_id):
            return False
        with self.comparison.sync.hold():
            pane.scroll_to_y(self.session.index.sides[side].span(claim_id)[0], pane.viewport().height() / 3)
        self.comparison.last_pane = pane
        self.said.emit(f"{claim_id}, the closest claim, is marked in the {side.value} pane.")
        return True

    def copy_change(self, change_id: str) -> str:
        """Put the change, its verdict and note on the clipboard as plain text; the text."""
        if self.session is None:
            return ""
        text = change_as_text(self.session, change_id)
        _copy(text)
        self.said.emit(f"{change_id} copied with its verdict and note.")
        return text

    def select_change(self, change_id: str) -> bool:
        """Select a change in the list (and so in the panes and the verdict panel). False, and
        nothing selected, for an id the review no longer has (a saved place in a review whose
        changes were linked by hand since, on this workstation or another)."""
        if self.session is None or not self.session.index.has_change(change_id):
            return False
        if self.changes.select_change(change_id):
            return True
        # Not a change to review (an unchanged claim): still show it in the panes.
        self.comparison.show_change(change_id)
        return False

    def ui_state(self) -> ReviewUiState:
        left, right = self.comparison.scroll_state()
        return ReviewUiState(self.current_change_id(), left, right)

    def restore_ui_state(self, state: ReviewUiState) -> None:
        if state.change_id in self.changes.proxy.hidden():
            # Punctuation-only and hidden (View menu): reopening does not undo the reader's choice.
            self.changes.select_row(0)
        elif state.change_id and not self.select_change(state.change_id):
            self.changes.select_row(0)  # that change is gone (linked by hand since)
        if state.left_scroll or state.right_scroll:
            self.restore_scroll(state.left_scroll, state.right_scroll)

    def restore_scroll(self, left: int, right: int) -> None:
        """Both panes where the reader left them (a place held through a resize gives way)."""
        self.drop_places()
        self.comparison.restore_scroll(left, right)


def _excerpt(text: str, limit: int = 60) -> str:
    """A claim on one line, cut at a word within ``limit`` characters (a menu entry)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _copy(text: str) -> None:
    """Plain text on the clipboard, nothing else (story text never goes there as markup)."""
    QGuiApplication.clipboard().setText(text)


def change_as_text(session: ReviewSession, change_id: str) -> str:
    """A change as a reader would paste it into a message: id and kind, both sides' text, the
    flags, the verdict, the note and who gave the verdict."""
    index = session.index
    change = index.change(change_id)
    comparison = index.comparison
    kind = change.kind.value + (" (moved)" if change.moved and change.kind.value != "moved" else "")
    lines = [f"{change.id} · {kind}"]
    for side, label in ((Side.ORIGINAL, "Original"), (Side.REWRITE, "Rewrite")):
        claims = index.claim_ids(change, side)
        text = " ".join(comparison.text_of(change, side).split())
        lines.append(f"{label} ({', '.join(claims)}): {text}" if claims else f"{label}: —")
    if change.flags:
        lines += [f"Flag ({f.type.value.replace('_', ' ')}): {f.message}" for f in change.flags]
    else:
        lines.append("Flags: none")
    lines.append(f"Verdict: {session.value(change_id) or 'none yet'}")
    note = session.note(change_id)
    lines.append(f"Note: {note}" if note else "Note: —")
    record = session.record(change_id)
    if record is not None and session.value(change_id):
        when = record.decided_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"Reviewer: {record.reviewer or '—'}, {when}")
    else:
        lines.append("Reviewer: —")
    return "\n".join(lines) + "\n"
