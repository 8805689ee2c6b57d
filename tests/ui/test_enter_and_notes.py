"""Enter in the window: finds in the Find bar, goes to the note elsewhere; notes that say nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_enter_in_the_find_bar_finds_the_next_match_and_writes_no_note(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    cid = win.review.current_change_id()
    left, find, note = win.review.comparison.left, win.review.comparison.find_bar, win.review.verdict.note
    left.setFocus()
    qtbot.keyClick(left, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert find.isVisible() and find.edit.hasFocus()
    qtbot.keyClicks(find.edit, "Putin")  # letters (J, K, N among them) are typed, not shortcuts
    assert find.edit.text() == "Putin" and win.review.current_change_id() == cid

    qtbot.keyClick(find.edit, Qt.Key.Key_Return)
    assert find.edit.hasFocus() and not note.hasFocus()
    assert find.status.text().endswith(" · original")
    first = left.textCursor().selectionStart()
    assert left.textCursor().selectedText() == "Putin"
    qtbot.keyClick(find.edit, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert find.edit.hasFocus() and left.textCursor().selectionStart() > first
    qtbot.keyClick(find.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert left.textCursor().selectionStart() == first  # Shift+Enter: back to the previous one

    assert note.toPlainText() == ""
    qtbot.keyClick(find.edit, Qt.Key.Key_Escape)
    assert not find.isVisible()
    store = store_for(db_url)
    assert store.verdict(win.session.review_id, cid) is None
    assert store.history(win.session.review_id) == []

    # Outside a text field, Enter still goes to the note.
    table = win.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert note.hasFocus()


def test_a_note_of_only_whitespace_is_not_saved(qtbot, opened, db_url: str, store_for) -> None:  # type: ignore[no-untyped-def]
    win = opened
    cid = win.review.current_change_id()
    table, note = win.review.changes.table, win.review.verdict.note
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: to the note
    assert note.hasFocus()
    qtbot.keyClick(note, Qt.Key.Key_Return)  # a second Enter types a line break into it
    qtbot.keyClicks(note, "  ")
    assert note.toPlainText().strip() == "" and note.toPlainText()
    table.setFocus()  # focus loss would save a real note at once
    qtbot.wait(50)
    store = store_for(db_url)
    assert store.verdict(win.session.review_id, cid) is None
    assert store.history(win.session.review_id, cid) == []
    qtbot.waitUntil(lambda: not win.review.verdict.history_pending)
    assert "note edited" not in win.review.verdict.history.text()

    # A real note is saved; emptying it with whitespace later clears it (a real change).
    note.setFocus()
    note.setPlainText("Checked with Yonhap")
    with qtbot.waitSignal(win.session.saved, timeout=3000):
        table.setFocus()
    note.setFocus()
    note.setPlainText(" \n ")
    with qtbot.waitSignal(win.session.saved, timeout=3000):
        table.setFocus()
    assert store.verdict(win.session.review_id, cid).note == ""


def test_the_note_saved_label_belongs_to_its_change(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    panel, table = win.review.verdict, win.review.changes.table
    panel.note.setFocus()
    with qtbot.waitSignal(win.session.saved, timeout=3000):
        qtbot.keyClicks(panel.note, "Checked")
    assert panel.saved_label.text() == "Note saved"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_J)  # to a change with no note
    assert panel.note.toPlainText() == ""
    assert panel.saved_label.text() == ""
