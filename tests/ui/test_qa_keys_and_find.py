"""Keyboard flow through the note (Escape gives the keys back) and Find across both panes."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_escape_in_the_note_saves_it_and_gives_the_keys_back_to_the_list(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    cid = win.review.current_change_id()
    table, note = win.review.changes.table, win.review.verdict.note
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: to the note
    assert note.hasFocus()
    qtbot.keyClicks(note, "check the date")
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    assert table.hasFocus() and not note.hasFocus()
    store = store_for(db_url)
    assert store.verdict(win.session.review_id, cid).note == "check the date"

    qtbot.keyClick(table, Qt.Key.Key_J)  # J moves on: it is not typed into the note
    assert win.review.current_change_id() != cid
    assert store.verdict(win.session.review_id, cid).note == "check the date"


def test_find_goes_on_into_the_other_pane(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    left, right = win.review.comparison.left, win.review.comparison.right
    find = win.review.comparison.find_bar
    assert "Additionally" not in left.toPlainText() and "Additionally" in right.toPlainText()
    left.setFocus()
    qtbot.keyClick(left, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(find.edit, "Additionally")
    qtbot.keyClick(find.edit, Qt.Key.Key_Return)
    assert find.status.text().endswith(" · rewrite")
    assert right.textCursor().selectedText() == "Additionally"

    # Only in the original: found there even when the rewrite was searched last.
    find.edit.setText("Yonhap")
    qtbot.keyClick(find.edit, Qt.Key.Key_Return)
    assert find.status.text().endswith(" · original")
    assert left.textCursor().selectedText() == "Yonhap"


def test_find_without_a_match_leaves_the_panes_where_they_were(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    left, right = win.review.comparison.left, win.review.comparison.right
    find = win.review.comparison.find_bar
    win.review.select_change(win.review.changes.model.change_at(win.review.changes.model.rowCount() - 1).id)
    qtbot.wait(50)
    before = left.verticalScrollBar().value(), right.verticalScrollBar().value()
    assert before != (0, 0)
    find.open_bar()
    qtbot.keyClicks(find.edit, "no such words here")
    qtbot.keyClick(find.edit, Qt.Key.Key_Return)
    assert find.status.text() == "no match"
    assert (left.verticalScrollBar().value(), right.verticalScrollBar().value()) == before


def test_note_not_saved_wraps_in_a_narrow_panel_and_stays_in_view(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    win.resize(1000, 620)  # a laptop-sized window: the panel is short and narrow
    panel = win.review.verdict
    splitter = panel.parentWidget()
    splitter.setSizes([splitter.width() - 270, 270])
    qtbot.wait(50)
    cid = win.review.current_change_id()
    store_for(db_url).set_note(win.session.review_id, cid, "Theirs", reviewer="Colleague", expected_version=0)
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Mine")
    win.review.changes.table.setFocus()  # focus loss saves: refused (a colleague wrote first)
    qtbot.wait(50)
    assert "NOT saved" in panel.saved_label.text()
    # No sideways scrolling: the verdict buttons keep their full width in view.
    assert panel.scroll_area.horizontalScrollBar().maximum() == 0
    # The reader sees that the note was not saved without scrolling for it.
    viewport = panel.scroll_area.viewport()
    label_top = panel.saved_label.mapTo(viewport, panel.saved_label.rect().topLeft()).y()
    label_bottom = panel.saved_label.mapTo(viewport, panel.saved_label.rect().bottomLeft()).y()
    assert label_top >= 0 and label_bottom <= viewport.height()


def test_enter_scrolls_the_short_panel_to_the_note_and_escape_scrolls_back(  # type: ignore[no-untyped-def]
    qtbot, opened
) -> None:
    win = opened
    win.resize(1000, 560)
    panel = win.review.verdict
    qtbot.wait(50)
    bar = panel.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # the note is below the fold
    table = win.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    viewport = panel.scroll_area.viewport()
    bottom = panel.note.mapTo(viewport, panel.note.rect().bottomLeft()).y()
    assert panel.note.hasFocus() and bottom <= viewport.height()  # what is typed is seen
    qtbot.keyClick(panel.note, Qt.Key.Key_Escape)
    assert table.hasFocus() and bar.value() == 0  # the verdict buttons are back in view


def test_enter_adds_to_an_existing_note_after_its_text(qtbot, opened, db_url: str, store_for) -> None:  # type: ignore[no-untyped-def]
    win = opened
    cid = win.review.current_change_id()
    table, note = win.review.changes.table, win.review.verdict.note
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClicks(note, "First thought.")
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_K)  # back to the change: its note is shown again
    assert win.review.current_change_id() == cid
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClicks(note, " Second thought.")
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    assert store_for(db_url).verdict(win.session.review_id, cid).note == "First thought. Second thought."
