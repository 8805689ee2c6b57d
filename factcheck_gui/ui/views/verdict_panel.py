"""The verdict panel: scale buttons, note, flags with their explanations, and history.

Notes are committed 600 ms after the last keystroke and when the note loses focus, so nothing
waits for a Save click and a closed window loses nothing already typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from factcheck_gui.engine.nearest import hint_line
from factcheck_gui.engine.types import Change, ChangeKind, Comparison, DiffOpKind, FlagChange
from factcheck_gui.review import wording
from factcheck_gui.review.drafts import DraftState, NoteDrafts, Saved
from factcheck_gui.review.session import Press
from factcheck_gui.review.wording import NO_VERDICT_TO_CLEAR, NOT_SAVED_CONFLICT, NOT_SAVED_YET
from factcheck_gui.ui.models.session import ReviewSession
from factcheck_gui.ui.shell.theme import KIND_STYLES, is_dark, restyle
from factcheck_gui.ui.shell.workers import TaskContext, Workers
from factcheck_gui.ui.views.tips import SimilarityLine

if TYPE_CHECKING:
    from factcheck_gui.store.records import HistoryRecord

NOTE_DEBOUNCE_MS = 600
# A change's history is read once the selection rests this long: a held J key passes many
# changes without starting a read for each.
HISTORY_REST_MS = 40
# The panel's width: the review screen gives it the preferred width while the change list has
# room, and lets it narrow down to the minimum (or what its verdict buttons need) in a window
# in half a screen or on a laptop.
PREFERRED_WIDTH = 260
MIN_WIDTH = 220
CHOSEN = "✓ "  # before the chosen verdict's label: its state is not told by colour alone
# One side is empty: a similarity between the two sides means nothing for these.
_NO_SIMILARITY = (ChangeKind.ADDED, ChangeKind.REMOVED)


_KEYBOARD_FOCUS = (
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
)


class NoteEdit(QPlainTextEdit):
    """The note field; emits ``focusLost``, ``escaped`` (Escape) and keeps Enter and digits for typing."""

    focusLost = Signal()
    focusGained = Signal()
    escaped = Signal()

    def event(self, e: QEvent) -> bool:
        # Window shortcuts (1–9, J, K, N, Enter) must not fire while the reader types a note.
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            mods = e.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.NoModifier and (
                (e.text().isprintable() and e.text()) or e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                e.accept()
                return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        # Escape ends the note (Enter went into it): the reader is back with the change list.
        if e.key() == Qt.Key.Key_Escape and not e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            e.accept()
            self.escaped.emit()
            return
        super().keyPressEvent(e)

    def focusInEvent(self, e: QFocusEvent) -> None:
        super().focusInEvent(e)
        if e.reason() in _KEYBOARD_FOCUS:  # Enter, Alt+N, Tab: go on after what is written
            self.moveCursor(QTextCursor.MoveOperation.End)
        self.focusGained.emit()

    def focusOutEvent(self, e: QFocusEvent) -> None:
        super().focusOutEvent(e)
        self.focusLost.emit()


class VerdictPanel(QWidget):
    """Shows and edits the verdict of the selected change of a :class:`ReviewSession`.

    Signals:
        flash(str): a short word for the status bar (e.g. "No verdict to clear").
    """

    flash = Signal(str)
    historyShown = Signal(str)
    nearestRequested = Signal(str)  # a claim id: show it in its pane (the selection stays)
    linkRequested = Signal(str, str)  # a removed and an added change: link them as one claim
    unlinkRequested = Signal(str)  # a change linked by hand: take it apart

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.change_id = ""
        # The notes not (yet) in the store and the note in the field (the rules: review.drafts).
        self.drafts = NoteDrafts()
        self.title = QLabel("No change selected", self)
        self.title.setObjectName("verdictTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)

        self.scale_box = QGroupBox("Verdict", self)
        self.scale_box.setObjectName("verdictScale")
        self.scale_grid = QGridLayout(self.scale_box)
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(False)  # a click on the chosen verdict clears it
        self.buttons.idClicked.connect(self._on_button)
        self.clear_button = QPushButton("0  Clear", self)
        self.clear_button.clicked.connect(lambda: self.apply_verdict(None))

        self.note = NoteEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText("Note (saved as you type)")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_DEBOUNCE_MS)
        self._note_timer.timeout.connect(self.save_note)
        self.note.textChanged.connect(self._on_note_typed)
        self.note.focusLost.connect(self.save_note)
        self.note.focusGained.connect(self._on_note_focused)
        self._scroll_before_note: int | None = None  # the panel's scroll before Enter went to the note
        self.note.focusLost.connect(self._forget_scroll)
        self.saved_label = QLabel("", self)
        self.saved_label.setObjectName("savedLabel")
        # "Note NOT saved — …" must wrap in a narrow panel, not widen it past its scroll area.
        self.saved_label.setWordWrap(True)
        # Room for two lines from the start: a message appearing never moves the panel under
        # the reader (and the panel can scroll to it at once).
        self.saved_label.setMinimumHeight(2 * self.saved_label.fontMetrics().lineSpacing())
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        # A colleague changed the note while the reader was writing theirs: both are shown and
        # nothing is saved over the colleague's note until the reader says so.
        self.conflict_box = QFrame(self)
        self.conflict_box.setObjectName("noteConflict")
        self.conflict_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_label = QLabel(self.conflict_box)
        self.conflict_label.setTextFormat(Qt.TextFormat.PlainText)  # a colleague's note is text
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replace_theirs = QPushButton("&Replace theirs with mine", self.conflict_box)
        self.replace_theirs.clicked.connect(self._replace_theirs)
        self.keep_theirs = QPushButton("&Keep theirs", self.conflict_box)
        self.keep_theirs.clicked.connect(self._keep_theirs)
        conflict_col = QVBoxLayout(self.conflict_box)  # stacked: the panel may be narrow
        conflict_col.addWidget(self.conflict_label)
        conflict_col.addWidget(self.replace_theirs)
        conflict_col.addWidget(self.keep_theirs)
        self.conflict_box.hide()

        self.flags = QLabel(self)
        self.flags.setObjectName("flags")
        self.flags.setTextFormat(Qt.TextFormat.PlainText)  # flag messages quote story text
        self.flags.setWordWrap(True)
        self.flags.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # An added or removed claim's closest counterpart, shown beside it in the other pane.
        self.nearest_button = QPushButton(self)
        self.nearest_button.setObjectName("showNearest")
        self.nearest_button.clicked.connect(self._show_nearest)
        self.nearest_button.hide()
        self._nearest_claim = ""
        # Link it with the change of that closest claim, when that one is one-sided too; and
        # take a link made by hand apart again.
        self.link_button = QPushButton(self)
        self.link_button.setObjectName("linkByHand")
        self.link_button.clicked.connect(self._link)
        self.link_button.hide()
        self._link_with = ""
        self.unlink_button = QPushButton("Take this link apart", self)
        self.unlink_button.setObjectName("unlinkByHand")
        self.unlink_button.setToolTip("Show the two claims as the removed and the added claim they were")
        self.unlink_button.clicked.connect(lambda: self.unlinkRequested.emit(self.change_id))
        self.unlink_button.hide()
        # What changed, word by word ("“might” → “may consider”; + “echoing …”"): plain text.
        self.changed = QLabel(self)
        self.changed.setObjectName("whatChanged")
        self.changed.setTextFormat(Qt.TextFormat.PlainText)
        self.changed.setWordWrap(True)
        self.changed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QLabel(self)
        self.history.setObjectName("history")
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setWordWrap(True)
        # History reads run here, one at a time, never behind a comparison in the window's pool.
        self._history_workers = Workers(self)
        self._history_workers.pool.setMaxThreadCount(1)
        app = QCoreApplication.instance()
        if app is not None:  # a read still running when the app quits is waited for, its answer dropped
            app.aboutToQuit.connect(self._history_workers.shutdown)
        self._history_asked = 0  # requests made; only the latest one's answer is shown
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(HISTORY_REST_MS)
        self._history_timer.timeout.connect(self._read_history)
        self._history_for = ""  # the change whose history the label shows

        self._inner = inner = QWidget(self)
        col = QVBoxLayout(inner)
        # The explanation first: what the change is and why it is flagged are read before a
        # verdict is chosen, so they sit at the top, in view without scrolling in any window.
        col.addWidget(self.title)
        col.addWidget(self.changed)
        col.addWidget(_heading("Flags", self))
        col.addWidget(self.flags)
        col.addWidget(self.nearest_button)
        col.addWidget(self.link_button)
        col.addWidget(self.unlink_button)
        self.similarity_line = SimilarityLine(self)  # what the similarity figure means
        col.addWidget(self.similarity_line)
        col.addWidget(self.scale_box)
        col.addWidget(self.clear_button)
        note_label = QLabel("&Note:", self)
        note_label.setBuddy(self.note)
        col.addWidget(note_label)
        col.addWidget(self.note)
        col.addWidget(self.saved_label)
        col.addWidget(self.conflict_box)
        col.addWidget(_heading("History", self))
        col.addWidget(self.history)
        col.addStretch(1)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._fit_width()
        self._set_enabled(False)

    # -- session and selection ---------------------------------------------------------------
    def set_session(self, session: ReviewSession | None) -> None:
        self.save_note()
        self.session = session
        self.change_id = ""
        self.drafts.reset(session)
        for b in list(self.buttons.buttons()):
            self.buttons.removeButton(b)
            b.deleteLater()
        if session is not None:
            for i, value in enumerate(session.scale[:9]):
                b = QPushButton(f"{i + 1}  {value}", self.scale_box)
                b.setCheckable(True)
                b.setObjectName(f"verdict-{i + 1}")
                b.setToolTip(f"Verdict “{value}” (key {i + 1})")
                self.buttons.addButton(b, i)
                self.scale_grid.addWidget(b, i, 0)
            session.verdictChanged.connect(self._on_verdict_changed)
        self.refresh_theme()
        self.show_change("")

    def _fit_width(self) -> None:
        """As narrow as the reader wants (texts wrap), but never so narrow that the verdict
        buttons would scroll sideways."""
        scroll = self.scroll_area
        need = (
            self._inner.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
        )
        self.setMinimumWidth(max(MIN_WIDTH, need))

    def refresh_theme(self) -> None:
        """The chosen verdict's colours for the current palette (see ``app.qss``)."""
        self.scale_box.setProperty("dark", is_dark())
        restyle(self.scale_box)
        self._fit_width()  # the theme's style may make the buttons wider

    def show_hidden(self, change_id: str) -> None:
        """The change on show was hidden by a filter: its note is saved, and the panel takes no
        verdict until the reader picks a change they can see."""
        self.show_change("")
        self.title.setText(f"{change_id} is hidden by the filters — choose a change in the list")
        self.changed.setText("")
        self.flags.setText(
            "Verdict keys do nothing until a visible change is selected, so a verdict never goes "
            "to a change you cannot see. Clear the filters to see it again."
        )

    def show_change(self, change_id: str) -> None:
        """Show the verdict, note, flags and history of a change ("" for none)."""
        if change_id != self.change_id:
            self.save_note(reveal=False)
            self.saved_label.setText("")  # "Note saved" belongs to the change it was said for
            if self.session is not None:
                self.session.seen(change_id)  # its verdict is on screen from now
            if not self.note.hasFocus():  # a new change: its explanation, at the top, in view
                self.scroll_area.verticalScrollBar().setValue(0)
        self.change_id = change_id
        session = self.session
        if session is None or not change_id:
            self._offer_nearest(None)
            self.title.setText("No change selected")
            self.similarity_line.show_change(None)
            self.changed.setText("")
            self.flags.setText("")
            self.history.setText("")
            self._set_note_text(self.drafts.show(""))
            self._show_conflict()
            self._set_enabled(False)
            self._sync_buttons()
            return
        self._set_enabled(True)
        change = session.index.change(change_id)
        moved = " (moved)" if change.moved and change.kind.value != "moved" else ""
        similarity = "" if change.kind in _NO_SIMILARITY else f" · similarity {change.similarity:.2f}"
        hand = " · linked by hand" if change.by_hand else ""
        self.title.setText(
            f"{change.id} · {KIND_STYLES[change.kind].mark} {change.kind.value}{moved}{similarity}{hand}"
        )
        self.similarity_line.show_change(change)
        self.title.setToolTip(self.similarity_line.toolTip() if similarity else "")
        explained = [f"• {f.message}" for f in change.flags]
        if change.omitted:  # left out, or detail only the rewrite gives: worth knowing, not a changed fact
            left = [f.message for f in change.omitted if f.change is FlagChange.OMITTED]
            notes = [f.message for f in change.omitted if f.change is not FlagChange.OMITTED]
            if left:
                explained.append("Left out (not a changed fact): " + "; ".join(left))
            if notes:
                explained.append("Note (not a changed fact): " + "; ".join(notes))
        near = session.index.comparison.nearest_line(change)
        if near:  # an added or removed claim: what a reviewer might link it to by hand
            explained.append(near)
            hint = hint_line(session.index.comparison, change)  # a figure or date that differs
            if hint:
                explained.append(hint)
        self._offer_nearest(change)
        self.changed.setText(what_changed(change, session.index.comparison))
        self.flags.setText("\n\n".join(explained) or "No fact flags.")
        self._set_note_text(self.drafts.show(change_id))
        state = self.drafts.state(change_id)
        if state is not None:  # typed here earlier and not stored: still here
            self.saved_label.setText(NOT_SAVED_CONFLICT if state is DraftState.OVERTAKEN else NOT_SAVED_YET)
        self._show_conflict()
        self._sync_buttons()
        self.refresh_history()

    def _offer_nearest(self, change: Change | None) -> None:
        """The buttons showing an added or removed claim's closest counterpart and linking the
        two, and taking a link made by hand apart (each hidden where it does not apply)."""
        claim = change.nearest[0] if change is not None and change.nearest is not None else ""
        self._nearest_claim = claim
        other = self.session.index.claim_change.get(claim) if self.session is not None and claim else None
        one_sided = {ChangeKind.ADDED, ChangeKind.REMOVED}
        self._link_with = (
            other.id
            if other is not None
            and change is not None
            and other.kind in one_sided
            and other.kind != change.kind
            else ""
        )
        if self._link_with:
            self.link_button.setText(f"Link with {self._link_with} as one claim")
            self.link_button.setToolTip(
                f"The two are one claim the engine did not link: show them as one change, with "
                f"its word differences and fact flags ({self._link_with}: {claim}). "
                "Take the link apart again at any time."
            )
        self.link_button.setVisible(bool(self._link_with))
        self.unlink_button.setVisible(change is not None and change.by_hand)
        if claim:
            where = "original" if claim.startswith("o") else "rewrite"
            self.nearest_button.setText(f"Show the closest, {claim}, in the {where}")
            self.nearest_button.setToolTip(
                "Scroll the other pane to the claim most like this one and mark it, to read the "
                "two side by side (the selected change stays selected)"
            )
        self.nearest_button.setVisible(bool(claim))

    def _link(self) -> None:
        if self._link_with and self.change_id:
            self.linkRequested.emit(self.change_id, self._link_with)

    def _show_nearest(self) -> None:
        if self._nearest_claim:
            self.nearestRequested.emit(self._nearest_claim)

    def refresh_history(self) -> None:
        """Read the shown change's history from the store in a worker and show it when it comes.

        Selecting a change (a held J key) never waits on the store: the label is emptied at
        once and the read starts when the selection has rested for :data:`HISTORY_REST_MS`;
        an answer for a change no longer shown — or older than a later request for the same
        change (a verdict given meanwhile) — is dropped. The verdict and note writes themselves
        are not here: they stay committed the moment they are made.
        """
        self._history_asked += 1
        self._history_for = ""  # nothing of another change (or an older read) stays on show
        self.history.setText("")
        if self.session is None or not self.change_id:
            self._history_timer.stop()
            return
        self._history_timer.start()

    def _read_history(self) -> None:
        asked, session, change_id = self._history_asked, self.session, self.change_id
        if session is None or not change_id:
            return

        def read(_ctx: TaskContext) -> list[HistoryRecord] | None:
            if asked != self._history_asked:  # the reader moved on before this could start
                return None
            return session.history(change_id)

        self._history_workers.start(
            "reading a change's history",
            read,
            finished=lambda rows: self._history_read(asked, session, change_id, rows),
        )

    @property
    def history_pending(self) -> bool:
        """A history read for the change on show has not been shown yet."""
        return bool(self.change_id) and self._history_for != self.change_id

    def _history_read(
        self, asked: int, session: ReviewSession, change_id: str, rows: list[HistoryRecord] | None
    ) -> None:
        if not isValid(self) or rows is None or asked != self._history_asked:
            return  # a later request (another change, a newer write) has its own answer coming
        if session is not self.session or change_id != self.change_id:
            return
        self.history.setText(history_text(rows))
        self._history_for = change_id
        self.historyShown.emit(change_id)

    # -- verdicts -----------------------------------------------------------------------------
    def apply_verdict(self, value: str | None) -> bool:
        """Commit ``value`` (None clears) for the shown change.

        Clearing a change that has no verdict (as last seen) writes nothing: no "cleared"
        confirmation, no history row, just a word in the status bar.
        """
        if self.session is None or not self.change_id:
            return False
        self.save_note()
        pressed = self.session.press(self.change_id, value)
        if pressed is Press.NOTHING_TO_CLEAR:
            self.flash.emit(NO_VERDICT_TO_CLEAR)
            return False
        self._sync_buttons()
        if pressed is not Press.REFUSED:
            self.refresh_history()
        return pressed is Press.SAVED

    def apply_number(self, number: int) -> bool:
        """Verdict by its 1-based position on the scale (the number keys)."""
        if self.session is None or not (1 <= number <= len(self.session.scale)):
            return False
        return self.apply_verdict(self.session.scale[number - 1])

    def _on_button(self, i: int) -> None:
        if self.session is None:
            return
        value = self.session.scale[i]
        self.apply_verdict(None if self.session.value(self.change_id) == value else value)

    def _sync_buttons(self) -> None:
        session = self.session
        current = session.value(self.change_id) if session is not None and self.change_id else ""
        for b in self.buttons.buttons():
            i = self.buttons.id(b)
            value = session.scale[i] if session is not None else ""
            chosen = bool(current) and value == current
            b.setChecked(chosen)
            b.setText(f"{CHOSEN if chosen else ''}{i + 1}  {value}")

    def _on_verdict_changed(self, change_id: str) -> None:
        if change_id != self.change_id or self.session is None:
            return
        self._sync_buttons()
        news, replacement = self.drafts.arrived(self.note.toPlainText())
        if replacement is not None:  # untouched here: show the new note
            self._set_note_text(replacement)
        if news:
            self.refresh_history()

    # -- notes --------------------------------------------------------------------------------
    def _set_note_text(self, text: str) -> None:
        self._note_timer.stop()
        self.note.blockSignals(True)
        self.note.setPlainText(text)
        self.note.blockSignals(False)

    def _on_note_typed(self) -> None:
        self.saved_label.setText(wording.TYPING)
        self._note_timer.start()

    def save_note(self, *, reveal: bool = True) -> bool:
        """Commit the note now if it differs from the stored one; False when the store refused it.

        ``reveal``: scroll the panel to say so when refused (not when moving to another change).
        """
        self._note_timer.stop()
        if self.session is None or not self.change_id:
            return True
        text = self.note.toPlainText()
        return self._after_save(self.drafts.save(text), text, reveal=reveal)

    def _after_save(self, saved: Saved, text: str, *, reveal: bool) -> bool:
        """Say what became of the note (the line under it, the conflict box, the history)."""
        if saved is Saved.SETTLED:
            self._show_conflict()
            if self.saved_label.text() in (wording.TYPING, NOT_SAVED_YET, NOT_SAVED_CONFLICT):
                self.saved_label.setText(wording.SAVED if text.strip() else "")
            return True
        if saved is Saved.SAVED:
            stored = self.drafts.origin
            if stored != text:  # characters no database keeps became U+FFFD: show what is stored
                self._show_stored_text(stored)
            self._show_conflict()
            self.saved_label.setText(wording.NOTE_SAVED)
            self.refresh_history()
            return True
        # Kept here (and shown again on return to the change) until the store takes it.
        if saved is Saved.OVERTAKEN:
            self.saved_label.setText(NOT_SAVED_CONFLICT)
        else:
            self.saved_label.setText(wording.NOT_SAVED_REFUSED)
        self._show_conflict()
        if reveal:
            self._show_note()
        return False

    def _show_stored_text(self, stored: str) -> None:
        """Put the stored note in the field, the cursor where it was (replacements are 1:1)."""
        position = self.note.textCursor().position()
        self._set_note_text(stored)
        cursor = self.note.textCursor()
        cursor.setPosition(min(position, len(stored)))
        self.note.setTextCursor(cursor)

    def _show_conflict(self) -> None:
        cid = self.change_id
        if self.session is None or not cid or self.drafts.state(cid) is not DraftState.OVERTAKEN:
            self.conflict_box.hide()
            return
        rec = self.session.record(cid)
        when = rec.decided_at.astimezone().strftime("%H:%M") if rec is not None else ""
        who = rec.reviewer if rec is not None else None
        self.conflict_label.setText(wording.note_conflict(who, self.session.note(cid), when))
        self.conflict_box.show()

    def _replace_theirs(self) -> None:
        """The reader read the colleague's note and chose to save theirs over it."""
        if self.session is None or not self.change_id:
            return
        self._note_timer.stop()
        text = self.note.toPlainText()
        self._after_save(self.drafts.replace_theirs(text), text, reveal=True)

    def _keep_theirs(self) -> None:
        """The reader let their own text go: the field shows the colleague's note."""
        if self.session is None or not self.change_id:
            return
        self._set_note_text(self.drafts.keep_theirs())
        self.saved_label.setText("")
        self._show_conflict()

    def save_all_notes(self) -> list[str]:
        """Commit the note being typed and retry the notes the store refused; the ids still unsaved.

        A note whose change a colleague has written a different note on since the reader began
        is not saved (it would replace theirs unseen): it becomes a conflict the reader decides
        on that change.
        """
        self.save_note()
        return self.drafts.retry()

    def discard_unsaved(self, change_ids: list[str]) -> None:
        """Let go of these refused notes: the reader chose to leave without them.

        The note on screen, if among them, shows the stored note again (so leaving does not
        try to save it once more); a note typed after the reader was asked is not touched.
        """
        stored = self.drafts.discard(change_ids, self.note.toPlainText())
        if stored is not None:
            self._set_note_text(stored)
            self.saved_label.setText("")
            self._show_conflict()

    def _on_note_focused(self) -> None:
        if self._scroll_before_note is None:
            self._scroll_before_note = self.scroll_area.verticalScrollBar().value()
        self._show_note()

    def focus_note(self) -> None:
        """Enter: type in the note, after what is already written (not glued before it)."""
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note.moveCursor(QTextCursor.MoveOperation.End)  # also when it had the focus already

    def _forget_scroll(self) -> None:
        self._scroll_before_note = None

    def leave_note(self) -> None:
        """Escape in the note: save it and scroll the panel back to where it was before."""
        self.save_note()
        if self._scroll_before_note is not None:
            self.scroll_area.verticalScrollBar().setValue(self._scroll_before_note)
            self._scroll_before_note = None

    def _show_note(self) -> None:
        """Scroll the panel so the note being typed and what became of it are in view."""
        inner = self.scroll_area.widget()
        layout = inner.layout() if inner is not None else None
        if layout is not None:
            layout.activate()  # a conflict box just shown has its place already
        self._scroll_to_note()
        if self.conflict_box.isVisible():  # once the scroll area has made room for the box
            QTimer.singleShot(0, self._scroll_to_note)

    def _scroll_to_note(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.note, 0, 4)
        self.scroll_area.ensureWidgetVisible(self.saved_label, 0, 4)
        if self.conflict_box.isVisible():  # last: the choice's buttons must be on screen
            self.scroll_area.ensureWidgetVisible(self.keep_theirs, 0, 4)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.scale_box, self.clear_button, self.note):
            w.setEnabled(on)


def history_text(rows: list[HistoryRecord]) -> str:
    """A change's history as the panel shows it, newest first."""
    lines = []
    for h in reversed(rows):
        when = h.at.astimezone().strftime("%Y-%m-%d %H:%M")
        if h.action == "note":
            what = "note edited"
        elif h.action == "cleared":
            what = f"cleared {h.old_value or ''}".strip()
        elif h.action == "carried":
            what = f"carried over: {h.new_value}"
        elif h.action in ("linked", "unlinked"):  # a link made by hand, or taken apart
            what = h.new_note
        else:
            what = f"{h.old_value} → {h.new_value}" if h.old_value else f"{h.new_value}"
        lines.append(f"{when}  {h.reviewer}: {what}")
    return "\n".join(lines) or "No verdict yet."


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


WHAT_CHANGED_OPS = 3  # word changes listed; the rest are counted
_QUOTED_CHARS = 40


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= _QUOTED_CHARS else flat[: _QUOTED_CHARS - 1] + '…'}”"


def what_changed(change: Change, comparison: Comparison) -> str:
    """The change's word differences in a line: "“might” → “may consider”; − “not”; + “echoing
    …”" (the first few, the others counted; punctuation- or case-only ones left out)."""
    parts: list[str] = []
    for op in change.diff:
        if op.op is DiffOpKind.EQUAL or op.trivial:
            continue
        before = comparison.original.text[op.original[0] : op.original[1]] if op.original else ""
        after = comparison.rewrite.text[op.rewrite[0] : op.rewrite[1]] if op.rewrite else ""
        if before.strip() and after.strip():
            parts.append(f"{_quoted(before)} → {_quoted(after)}")
        elif before.strip():
            parts.append(f"− {_quoted(before)}")
        elif after.strip():
            parts.append(f"+ {_quoted(after)}")
    if not parts:
        return ""
    more = len(parts) - WHAT_CHANGED_OPS
    shown = "; ".join(parts[:WHAT_CHANGED_OPS])
    return f"Changed: {shown}" + (f" (and {more} more)" if more > 0 else "")
