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

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

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
        """The history the panel shows for the change on show (read in a worker: waited for)."""
        self.qtbot.waitUntil(lambda: not self._panel.history_pending, timeout=self.timeout_ms)
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

    # -- Edit → Undo / Redo -------------------------------------------------------------------
    def _focused(self) -> QWidget:
        return self.win.focusWidget() or self._table

    def undo(self) -> None:
        """Ctrl+Z where the focus is (in the note field: the text's own undo)."""
        self.qtbot.keyClick(self._focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    def redo(self, *, with_y: bool = False) -> None:
        """Ctrl+Shift+Z (or Ctrl+Y) where the focus is."""
        if with_y:
            self.qtbot.keyClick(self._focused(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        else:
            mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            self.qtbot.keyClick(self._focused(), Qt.Key.Key_Z, mods)

    @property
    def undo_text(self) -> str:
        """Edit → Undo as the menu names it ("Undo verdict c13 → Accurate")."""
        return str(self.win.commands["undo"].text()).replace("&", "")

    @property
    def redo_text(self) -> str:
        return str(self.win.commands["redo"].text()).replace("&", "")

    # -- the guide to the demo ------------------------------------------------------------------
    @property
    def guide_shown(self) -> bool:
        card = self.win.guide.card
        return bool(card is not None and card.isVisible())

    @property
    def guide_step(self) -> str:
        """The title of the guide's step on screen ("" when it is not shown)."""
        return str(self.win.guide.card.title.text()) if self.guide_shown else ""

    def guide_next(self) -> None:
        self.qtbot.mouseClick(self.win.guide.card.next_button, Qt.MouseButton.LeftButton)

    def close_guide(self, *, dont_show_again: bool = True) -> None:
        card = self.win.guide.card
        card.dont_show.setChecked(dont_show_again)
        self.qtbot.mouseClick(card.close_button, Qt.MouseButton.LeftButton)

    def open_guide(self) -> None:
        """Help → Guide to the demo."""
        self.win.commands["demo_guide"].trigger()

    # -- tooltips -------------------------------------------------------------------------------
    # -- navigation comforts: the overview maps, the place kept, the menus ----------------------
    def _pane(self, side: str) -> Any:
        comparison = self.win.review.comparison
        return comparison.left if side == "original" else comparison.right

    def hover_html(self, widget: QWidget, pos: QPoint) -> str:
        """Point at ``pos`` of ``widget``: the tooltip's text as Qt got it ("" for none)."""
        QToolTip.hideText()
        self.qtbot.wait(350)  # a tooltip hides after a moment
        QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
        return str(QToolTip.text()) if QToolTip.isVisible() else ""

    def hover(self, widget: QWidget, pos: QPoint) -> str:
        """The tooltip at ``pos`` of ``widget`` as the reader reads it."""
        doc = QTextDocument()
        doc.setHtml(self.hover_html(widget, pos))
        return str(doc.toPlainText())

    def flagged_word(self, change_id: str, side: str = "rewrite") -> tuple[QWidget, QPoint]:
        """Where a flagged word of the change is in its pane (the change selected, so on screen)."""
        self.select_change(change_id)
        pane = self._pane(side)
        change = self.win.session.index.change(change_id)
        span = next(
            f.original_span if side == "original" else f.rewrite_span
            for f in change.flags
            if (f.original_span if side == "original" else f.rewrite_span)
        )
        start = pane.side_index.to_qt(span[0])
        return pane.viewport(), pane.position_rect(start + 1).center()

    def margin_mark(self, change_id: str, side: str = "rewrite") -> tuple[QWidget, QPoint]:
        """The kind mark beside the change's first claim in a pane's margin."""
        self.select_change(change_id)
        pane = self._pane(side)
        change = self.win.session.index.change(change_id)
        claim = (change.original if side == "original" else change.rewrite)[0]
        top, _bottom = pane.claim_rect(claim)
        return pane._margin, QPoint(8, top + 4)

    def curtain_band(self, change_id: str) -> tuple[QWidget, QPoint]:
        """A point inside the curtain's band of the change."""
        self.select_change(change_id)
        curtain = self.win.review.comparison.curtain
        curtain.repaint()
        for path, cid in curtain.bands():
            if cid != change_id:
                continue
            box = path.boundingRect()
            for i in range(1, 20):
                for j in range(1, 20):
                    p = QPointF(box.left() + box.width() * i / 20, box.top() + box.height() * j / 20)
                    if curtain.band_at(p) == change_id:
                        return curtain, p.toPoint()
        raise AssertionError(f"no band of {change_id} on screen")

    @property
    def similarity_line(self) -> str:
        """The verdict panel's line saying what the similarity figure means ("" when hidden)."""
        line = self._panel.similarity_line
        return str(line.text()) if line.isVisible() else ""

    # -- several sources ------------------------------------------------------------------------
    def open_several(self, rewrite: Path, sources: list[Path]) -> None:
        """A new review of ``rewrite`` against ``sources`` (as `factcheck-gui STORY --source …`)."""
        with self.qtbot.waitSignal(self.win.reviewShown, timeout=self.timeout_ms):
            self.win.sources.open_several(rewrite, sources)

    def add_source(self, path: Path) -> None:
        """File → Add source…, choose ``path``, and wait until the new review is on screen."""
        from tests.ui.conftest import answer_file_dialog

        self.win.sources.action.trigger()
        with self.qtbot.waitSignal(self.win.reviewShown, timeout=self.timeout_ms):
            answer_file_dialog(self.qtbot, self.win, "addSourceDialog", path)

    def drop_on_left(self, files: list[Path]) -> None:
        """Drag files from the file manager onto the left pane of the open review."""
        from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
        from PySide6.QtGui import QDragEnterEvent, QDropEvent
        from PySide6.QtWidgets import QApplication

        pane = self.win.review.comparison.left
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
        args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        enter = QDragEnterEvent(QPoint(20, 20), *args)
        QApplication.sendEvent(pane.viewport(), enter)
        assert enter.isAccepted()
        QApplication.sendEvent(pane.viewport(), QDropEvent(QPointF(20, 20), *args))

    @property
    def sources_strip(self) -> list[str]:
        """What the source switcher says, button by button, then the share from no source
        ([] when it is hidden: a pair review)."""
        switcher = self.win.sources.switcher
        return switcher.texts() if switcher.isVisible() else []

    def choose_source(self, number: int) -> None:
        """Click source ``number`` (1-based) in the switcher."""
        self.qtbot.mouseClick(self.win.sources.switcher.buttons[number - 1], Qt.MouseButton.LeftButton)

    @property
    def source_shown(self) -> int:
        """The source (1-based) checked in the switcher: the one the left pane shows."""
        return int(self.win.sources.switcher.current()) + 1

    @property
    def left_title(self) -> str:
        return str(self.win.review.comparison.left_title.text())

    def left_shows(self, start: int) -> bool:
        """Whether offset ``start`` of the left-hand text is in the left pane's viewport."""
        from factcheck_gui.review.docindex import Side

        index = self.win.review.comparison.index
        first, last = self.win.review.comparison.left.visible_range()
        return bool(first <= index.sides[Side.ORIGINAL].to_qt(start) <= last)

    def list_column(self, header: str) -> list[str]:
        """The texts of one column of the change list, by its header, as shown."""
        table = self._table
        model = table.model()
        cols = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        if header not in cols:
            return []
        c = cols.index(header)
        return [str(model.index(r, c).data()) for r in range(model.rowCount())]
    # -- what the reader sees of the selected change (issue 15) -------------------------------
    def resize(self, width: int, height: int) -> None:
        """Resize the window and let the layouts settle."""
        self.win.resize(width, height)
        self.qtbot.waitUntil(lambda: self.win.size().width() == width, timeout=3000)
        self.qtbot.wait(50)

    @property
    def flag_reasons(self) -> str:
        """The verdict panel's explanation of the selected change's flags."""
        return str(self._panel.flags.text())

    @property
    def what_changed(self) -> str:
        """The verdict panel's line of word changes ("Changed: “said” → “indicated”; …")."""
        return str(self._panel.changed.text())

    def flag_reasons_in_view(self) -> bool:
        """The explanation of the change (its title, word changes and flag reasons) lies whole
        inside the verdict panel's visible viewport and the window."""
        from PySide6.QtCore import QPoint, QRect

        viewport = self._panel.scroll_area.viewport()
        for label in (self._panel.title, self._panel.changed, self._panel.flags):
            in_viewport = QRect(label.mapTo(viewport, QPoint(0, 0)), label.size())
            in_window = QRect(label.mapTo(self.win, QPoint(0, 0)), label.size())
            if not (
                label.isVisible()
                and viewport.rect().contains(in_viewport)
                and self.win.rect().contains(in_window)
            ):
                return False
        return True

    def elided_cells(self, column: int) -> list[str]:
        """The texts of a change-list column that do not fit its width (shown cut)."""
        table = self._table
        proxy = self.win.review.changes.proxy
        delegate = table.itemDelegate()
        from PySide6.QtWidgets import QStyleOptionViewItem

        cut = []
        for row in range(proxy.rowCount()):
            index = proxy.index(row, column)
            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.font = table.font()
            if delegate.sizeHint(option, index).width() > table.columnWidth(column):
                cut.append(str(index.data()))
        return cut

    # -- Find (Edit → Find in story…, Ctrl+F) --------------------------------------------------
    @property
    def _find(self) -> Any:
        return self.win.review.comparison.find_bar

    def find(self, text: str) -> None:
        """Ctrl+F, type ``text`` and press Enter: the first match is shown."""
        self.qtbot.keyClick(
            self.win.review.comparison.left, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
        )
        self.qtbot.waitUntil(lambda: bool(self._find.edit.hasFocus()), timeout=3000)
        self._find.edit.selectAll()
        self.qtbot.keyClicks(self._find.edit, text)
        self.qtbot.keyClick(self._find.edit, Qt.Key.Key_Return)

    def find_next(self) -> None:
        self.qtbot.keyClick(self._find.edit, Qt.Key.Key_Return)

    def find_previous(self) -> None:
        self.qtbot.keyClick(self._find.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)

    def press_f3(self, *, shift: bool = False) -> None:
        """F3 (Shift+F3) with the focus in the original pane."""
        pane = self.win.review.comparison.left
        pane.setFocus()
        mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        self.qtbot.keyClick(pane, Qt.Key.Key_F3, mods)

    @property
    def find_status(self) -> str:
        """What the find bar says ("3 of 17 · rewrite", "no match")."""
        return str(self._find.status.text())

    def selected_text(self, side: str) -> str:
        """The text selected in a pane ("original" or "rewrite")."""
        comparison = self.win.review.comparison
        pane = comparison.left if side == "original" else comparison.right
        return str(pane.textCursor().selectedText())

    def selection_start(self, side: str) -> int:
        comparison = self.win.review.comparison
        pane = comparison.left if side == "original" else comparison.right
        return int(pane.textCursor().selectionStart())

    def change_in_pane(self, side: str) -> str:
        """The change a pane emphasises as selected."""
        comparison = self.win.review.comparison
        pane = comparison.left if side == "original" else comparison.right
        return str(pane.current_change_id)

    # -- how the panes and the legend draw text -------------------------------------------------
    def pane_format_at(self, side: str, position: int) -> Any:
        """The character format a pane draws the character at Qt ``position`` with."""
        from PySide6.QtGui import QTextCharFormat

        comparison = self.win.review.comparison
        pane = comparison.left if side == "original" else comparison.right
        pane.highlighter.format_all()
        block = pane.document().findBlock(position)
        offset = position - block.position()
        ranges = block.layout().formats()  # kept while a format is copied out of it
        for r in ranges:
            if r.start <= offset < r.start + r.length:
                return QTextCharFormat(r.format)
        return QTextCharFormat()

    def pane_bold(self, side: str, text: str) -> list[bool]:
        """For each character of the first ``text`` in a pane: is it drawn bold?"""
        from PySide6.QtGui import QFont

        comparison = self.win.review.comparison
        pane = comparison.left if side == "original" else comparison.right
        start = pane.toPlainText().index(text)
        return [
            self.pane_format_at(side, start + i).fontWeight() >= QFont.Weight.Bold for i in range(len(text))
        ]

    def legend_format(self, name: str) -> Any:
        """The format the legend draws its sample for ``name`` with ("inserted", "reworded")."""
        return self.win.review.comparison.legend.samples[name].format

    # -- the start page's recent reviews --------------------------------------------------------
    def recent_reviews(self) -> list[dict[str, str]]:
        """The start page's list as shown: one dict a row, by column header."""
        model = self.win.start.model
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        return [
            {h: str(model.index(r, c).data()) for c, h in enumerate(headers)} for r in range(model.rowCount())
        ]

    def wait_for_recent_reviews(self, count: int) -> None:
        self.win.nav.refresh_reviews()
        self.qtbot.waitUntil(lambda: self.win.start.model.rowCount() == count, timeout=self.timeout_ms)
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
