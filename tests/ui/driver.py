"""A page object for the main window: UI tests say what a reader does and sees.

``driver.open_demo()``, ``driver.select_change("c13")``, ``driver.press_verdict("1")``,
``driver.type_note("…")``, ``driver.note_text``, ``driver.message`` — instead of reaching
through ``win.review.changes.table``. Keys and clicks go through ``qtbot`` to the real widgets,
so the window's shortcuts, focus rules and leave guards all take part; only this file knows
where each widget lives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

KEYS = {
    **{str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)},
    "Enter": Qt.Key.Key_Return,
    "Escape": Qt.Key.Key_Escape,
    "J": Qt.Key.Key_J,
    "K": Qt.Key.Key_K,
    "N": Qt.Key.Key_N,
}


class Driver:
    """Drives one :class:`~factcheck_gui.ui.main_window.MainWindow` as a reader would."""

    def __init__(self, qtbot: Any, window: Any, timeout_ms: int = 30000) -> None:
        self.qtbot = qtbot
        self.win = window
        self.timeout_ms = timeout_ms

    # -- the pieces, for the few assertions that need a widget ------------------------------
    @property
    def _table(self) -> QWidget:
        return self.win.review.changes.table

    @property
    def _panel(self) -> Any:
        return self.win.review.verdict

    # -- opening and leaving ------------------------------------------------------------------
    def open_demo(self) -> None:
        """File → Open demo pair, and wait until the review is on screen."""
        with self.qtbot.waitSignal(self.win.reviewShown, timeout=self.timeout_ms):
            self.win.commands["open_demo"].trigger()

    def open_pair(self, original: Path, rewrite: Path) -> None:
        """Compare two files as a new review, and wait until it is on screen."""
        with self.qtbot.waitSignal(self.win.reviewShown, timeout=self.timeout_ms):
            self.win.nav.open_paths(original, rewrite)

    def open_review(self, review_id: int) -> None:
        with self.qtbot.waitSignal(self.win.reviewShown, timeout=self.timeout_ms):
            self.win.nav.open_review(review_id)

    def go_to_start_page(self) -> None:
        """File → Start page (it may be held: see :attr:`message`)."""
        self.win.commands["start_page"].trigger()

    def quit(self) -> None:
        """File → Quit (the window may stay: see :attr:`message`)."""
        self.win.commands["quit"].trigger()

    @property
    def on_start_page(self) -> bool:
        return self.win.stack.currentWidget() is self.win.start

    @property
    def on_review(self) -> bool:
        return self.win.stack.currentWidget() is self.win.review

    @property
    def is_open(self) -> bool:
        return bool(self.win.isVisible())

    @property
    def review_id(self) -> int | None:
        return self.win.session.review_id if self.win.session is not None else None

    # -- the change list ----------------------------------------------------------------------
    def select_change(self, change_id: str) -> None:
        """Pick a change in the list (its panes and verdict panel follow)."""
        assert self.win.review.select_change(change_id), f"{change_id} is not in the list"
        self._table.setFocus()

    def select_row(self, row: int) -> None:
        """Pick the change on a row of the list as it is shown (filtered and sorted)."""
        self.win.review.changes.select_row(row)
        self._table.setFocus()

    def show_only_flagged(self) -> None:
        """The change list's flag filter: changes with any fact flag."""
        changes = self.win.review.changes
        changes.flag_filter.setCurrentIndex(changes.flag_filter.findData("*"))

    def click_summary(self, key: str) -> None:
        """Click a count of the summary strip above the panes ("kind:added", "review:unreviewed")."""
        self.qtbot.mouseClick(self.win.review.strip.button(key), Qt.MouseButton.LeftButton)

    @property
    def summary(self) -> dict[str, str]:
        """What each count of the summary strip reads, by its key."""
        return dict(self.win.review.strip.counts())

    def kinds_shown(self) -> set[str]:
        """The kinds of the changes the list shows."""
        proxy = self.win.review.changes.proxy
        return {str(proxy.index(r, 1).data()) for r in range(proxy.rowCount())}

    def open_shortcuts(self) -> Any:
        """Help → Keyboard shortcuts, by its key (F1); the sheet shown."""
        self.qtbot.keyClick(self.win, Qt.Key.Key_F1)
        return self.win._shortcut_sheet

    @property
    def rows_shown(self) -> int:
        return int(self.win.review.changes.proxy.rowCount())

    @property
    def panel_title(self) -> str:
        """What the verdict panel says it shows ("c4 · changed …", "… hidden by the filters …")."""
        return str(self._panel.title.text())

    @property
    def current_change(self) -> str:
        return str(self.win.review.current_change_id())

    def press(self, key: str) -> None:
        """A key on the change list: "J", "K", "N", "Enter", "Escape", a digit."""
        self._table.setFocus()
        self.qtbot.keyClick(self._table, KEYS[key])

    def press_verdict(self, key: str) -> None:
        """A verdict by its number key ("0" clears) on the change selected."""
        self.press(key)

    def click_verdict(self, number: int) -> None:
        """A verdict button of the panel (1-based, as on its label)."""
        self._panel.buttons.button(number - 1).click()

    def clear_verdict(self) -> None:
        """The panel's Clear button (what the 0 key does)."""
        self._panel.clear_button.click()

    @property
    def verdict(self) -> str:
        """The verdict of the change selected, as the reader's session has it."""
        session = self.win.session
        return session.value(self.current_change) if session is not None else ""

    @property
    def chosen_button(self) -> int | None:
        """The number of the checked verdict button (None: none)."""
        for button in self._panel.buttons.buttons():
            if button.isChecked():
                return int(self._panel.buttons.id(button)) + 1
        return None

    # -- the note -----------------------------------------------------------------------------
    def type_note(self, text: str) -> None:
        """Enter on the change, then type: the note field has the focus and the text."""
        if not self._panel.note.hasFocus():
            self.press("Enter")
        self.qtbot.keyClicks(self._panel.note, text)

    def leave_note(self) -> None:
        """Back to the change list (the note is saved on leaving it)."""
        self._table.setFocus()

    def escape_note(self) -> None:
        self.qtbot.keyClick(self._panel.note, Qt.Key.Key_Escape)

    @property
    def note_text(self) -> str:
        return str(self._panel.note.toPlainText())

    @property
    def note_status(self) -> str:
        """The line under the note ("Note saved", "Note NOT saved — …")."""
        return str(self._panel.saved_label.text())

    @property
    def conflict_shown(self) -> bool:
        """The panel shows a colleague's note beside the reader's, with the choice."""
        return bool(self._panel.conflict_box.isVisible())

    @property
    def conflict_text(self) -> str:
        return str(self._panel.conflict_label.text())

    def keep_theirs(self) -> None:
        self._panel.keep_theirs.click()

    def replace_theirs(self) -> None:
        self._panel.replace_theirs.click()

    @property
    def history(self) -> str:
        return str(self._panel.history.text())

    # -- the message bar and the status bar -------------------------------------------------
    @property
    def message(self) -> str:
        return str(self.win.message.text())

    @property
    def message_level(self) -> str:
        return str(self.win.message.level())

    @property
    def offer(self) -> str:
        """The label of the message bar's first button ("" when it offers nothing)."""
        action = self.win.message.action
        return str(action.text()) if action.isVisible() else ""

    def accept_offer(self) -> None:
        """Click the message bar's first button (the offer)."""
        assert self.offer, f"no offer in the message bar: {self.message!r}"
        self.win.message.action.click()

    @property
    def status_message(self) -> str:
        """The status bar's short message ("No verdict to clear", "Saved: …")."""
        return str(self.win.statusBar().currentMessage())

    @property
    def progress(self) -> str:
        """ "3 of 13 changes reviewed" in the status bar."""
        return str(self.win.status.progress_label.text())

    # -- navigation comforts: the overview maps, the place kept, the menus ----------------------
    def _pane(self, side: str) -> Any:
        comparison = self.win.review.comparison
        return comparison.left if side == "original" else comparison.right

    def map_marks(self, side: str) -> set[str]:
        """The changes marked on a pane's overview map ("original" or "rewrite")."""
        pane = self._pane(side)
        assert pane.map.isVisible(), f"no overview map beside the {side} pane"
        return {m.change_id for m in pane.map.marks()}

    def map_frame(self, side: str) -> tuple[float, float]:
        """The part of the story the map frames (fractions 0 top .. 1 bottom)."""
        self.qtbot.wait(20)  # (the frame follows once the event loop has run)
        frame = self._pane(side).map.viewport()
        assert frame is not None
        return (float(frame[0]), float(frame[1]))

    def map_fraction(self, side: str, change_id: str) -> float:
        """Where a change starts on a pane's map (a fraction of the story)."""
        omap = self._pane(side).map
        rows = omap.change_rows(change_id)
        assert rows, f"{change_id} is not marked on the {side} map"
        return float(rows[0] / max(omap.height(), 1))

    def click_map(self, side: str, change_id: str) -> None:
        """Click a change's mark on a pane's overview map."""
        from PySide6.QtCore import QPoint

        omap = self._pane(side).map
        rows = omap.change_rows(change_id)
        assert rows, f"{change_id} is not marked on the {side} map"
        self.qtbot.mouseClick(omap, Qt.MouseButton.LeftButton, pos=QPoint(5, rows[len(rows) // 2]))

    def on_screen(self, change_id: str) -> dict[str, bool]:
        """For each pane holding the change: is its first claim inside the pane's view?"""
        from factcheck_gui.engine.types import Side

        index = self.win.session.index
        change = index.change(change_id)
        out: dict[str, bool] = {}
        for side in Side:
            claims = change.original if side is Side.ORIGINAL else change.rewrite
            if claims:
                pane = self._pane(side.value)
                top = pane.position_rect(index.sides[side].span(claims[0])[0]).top()
                out[side.value] = 0 <= top < pane.viewport().height()
        return out

    def resize_window(self, width: int, height: int) -> None:
        self.win.resize(width, height)
        self.qtbot.waitUntil(lambda: self.win.size().width() == width, timeout=3000)
        self.qtbot.wait(50)  # the panes wrap anew, then come back to the reader's place

    def set_story_font_size(self, points: int) -> None:
        """File → Settings…, Font size, OK."""
        from PySide6.QtWidgets import QDialogButtonBox, QSpinBox

        with self.qtbot.waitSignal(self.win.dialogOpened) as opened:
            self.win.commands["settings"].trigger()
        dialog = opened.args[0]
        dialog.findChild(QSpinBox, "fontSize").setValue(points)
        box = dialog.findChild(QDialogButtonBox)
        self.qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        self.qtbot.wait(50)

    def menu_item(self, name: str) -> Any:
        """A window command by its name ("next_flagged"), as the menus hold it."""
        return self.win.commands[name]

    def key(self, sequence: str) -> None:
        """A window shortcut pressed on the change list ("F", "Shift+F", "U")."""
        from PySide6.QtGui import QKeySequence

        combo = QKeySequence(sequence)[0]
        self._table.setFocus()
        self.qtbot.keyClick(self._table, combo.key(), combo.keyboardModifiers())

    @property
    def count_text(self) -> str:
        """The change list's header count ("12 of 16 shown …")."""
        return str(self.win.review.changes.count_label.text())

    def ids_shown(self) -> list[str]:
        """The change ids the list shows, in its order."""
        from factcheck_gui.ui.models.change_model import ChangeIdRole

        proxy = self.win.review.changes.proxy
        return [str(proxy.index(r, 0).data(ChangeIdRole)) for r in range(proxy.rowCount())]

    def row_menu(self, change_id: str) -> Any:
        """Right-click a change's row: the context menu (built, not shown)."""
        changes = self.win.review.changes
        index = changes.proxy.index(self.ids_shown().index(change_id), 3)
        changes.table.scrollTo(index)
        return self.win.review.row_menu(changes.table.visualRect(index).center())

    def choose(self, menu: Any, text: str) -> None:
        """Trigger the menu item whose text starts with ``text`` (its "&" left out)."""
        for action in menu.actions():
            if action.text().replace("&", "").startswith(text):
                assert action.isEnabled(), f"{action.text()!r} is disabled"
                action.trigger()
                return
        raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")

    def pane_menu(self, side: str, change_id: str) -> Any:
        """Right-click on a change's first claim in a pane: the context menu (built, not shown)."""
        from factcheck_gui.engine.types import Side

        index, pane = self.win.session.index, self._pane(side)
        change = index.change(change_id)
        start, end = index.sides[Side(side)].span(index.claim_ids(change, Side(side))[0])
        self.win.review.comparison.show_change(change_id)  # (the claim on screen)
        rect = pane.position_rect((start + end) // 2)
        return pane.context_menu(rect.center())
