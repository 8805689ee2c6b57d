"""0 (clear verdict) on a change without a verdict does nothing but say so gently."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_clearing_a_change_without_a_verdict_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    cid = win.review.current_change_id()
    table = win.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_0)
    shown = win.statusBar().currentMessage()
    assert "cleared" not in shown.lower() and "saved" not in shown.lower()
    assert shown == "No verdict to clear"
    assert not win.message.isVisible()
    assert store_for(db_url).history(win.session.review_id, cid) == []
    assert win.review.verdict.history.text() == "No verdict yet."


def test_clearing_a_note_only_change_keeps_the_note_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    cid = win.review.current_change_id()
    table, note = win.review.changes.table, win.review.verdict.note
    note.setFocus()
    qtbot.keyClicks(note, "ask the council")
    table.setFocus()  # focus loss saves the note: one history row
    store = store_for(db_url)
    assert [h.action for h in store.history(win.session.review_id, cid)] == ["note"]
    win.review.verdict.clear_button.click()  # the button does the same as the key
    assert win.statusBar().currentMessage() == "No verdict to clear"
    assert [h.action for h in store.history(win.session.review_id, cid)] == ["note"]
    assert store.verdict(win.session.review_id, cid).note == "ask the council"


def test_clearing_a_verdict_still_clears_it(qtbot, opened, db_url: str, store_for) -> None:  # type: ignore[no-untyped-def]
    win = opened
    cid = win.review.current_change_id()
    table = win.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_0)
    assert "cleared" in win.statusBar().currentMessage()
    actions = [h.action for h in store_for(db_url).history(win.session.review_id, cid)]
    assert actions == ["set", "cleared"]
    assert win.review.changes.model.verdict(cid) == ""
    assert not any(b.isChecked() for b in win.review.verdict.buttons.buttons())
