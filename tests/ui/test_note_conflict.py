"""A colleague's note is never saved over unseen: the reader sees both and chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _colleague_then_mine(qtbot, win, store_for, db_url: str, theirs: str, mine: str):  # type: ignore[no-untyped-def]
    """A colleague writes ``theirs`` on the selected change while the reader types ``mine``."""
    cid = win.review.current_change_id()
    colleague = store_for(db_url)
    panel = win.review.verdict
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, mine)
    colleague.set_note(win.session.review_id, cid, theirs, reviewer="Colleague", expected_version=0)
    win.review.changes.table.setFocus()  # leaving the note saves it: refused
    return cid, colleague, panel


def test_the_reader_sees_the_colleagues_note_and_nothing_is_saved_over_it_by_moving_on(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    cid, colleague, panel = _colleague_then_mine(qtbot, win, store_for, db_url, "Source is AP", "Mine")
    review_id = win.session.review_id
    assert "NOT saved" in panel.saved_label.text()
    assert panel.conflict_box.isVisible()
    shown = panel.conflict_label.text()
    assert "Colleague" in shown and "“Source is AP”" in shown
    assert panel.note.toPlainText() == "Mine"

    # Moving on and coming back, leaving the note again: still theirs in the database.
    table = win.review.changes.table
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert not panel.conflict_box.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert win.review.current_change_id() == cid
    assert panel.note.toPlainText() == "Mine" and panel.conflict_box.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: on with the note, after its text
    qtbot.keyClicks(panel.note, ", checked")
    table.setFocus()
    assert colleague.verdict(review_id, cid).note == "Source is AP"

    # The reader decides: theirs is replaced, and both notes are in the history.
    panel.replace_theirs.click()
    assert colleague.verdict(review_id, cid).note == "Mine, checked"
    assert not panel.conflict_box.isVisible() and panel.saved_label.text() == "Note saved"
    notes = [h.new_note for h in colleague.history(review_id, cid)]
    assert notes[-2:] == ["Source is AP", "Mine, checked"]


def test_keep_theirs_shows_their_note_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    cid, colleague, panel = _colleague_then_mine(qtbot, win, store_for, db_url, "Theirs", "Mine")
    review_id = win.session.review_id
    rows = len(colleague.history(review_id, cid))
    panel.keep_theirs.click()
    assert panel.note.toPlainText() == "Theirs" and not panel.conflict_box.isVisible()
    win.close()  # nothing left unsaved: the window closes at once
    assert not win.isVisible()
    assert colleague.verdict(review_id, cid).note == "Theirs"
    assert len(colleague.history(review_id, cid)) == rows


def test_quitting_with_an_undecided_conflict_keeps_the_window(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    cid, colleague, _panel = _colleague_then_mine(qtbot, win, store_for, db_url, "Theirs", "Mine")
    win.close()
    assert win.isVisible() and cid in win.message.text()
    assert colleague.verdict(win.session.review_id, cid).note == "Theirs"


def test_a_colleagues_verdict_alone_does_not_hold_up_the_readers_note(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    """Someone set the verdict, not the note: the note is saved over nothing of theirs, at once."""
    win = opened
    cid = win.review.current_change_id()
    colleague = store_for(db_url)
    review_id = win.session.review_id
    panel = win.review.verdict
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "the figure is from 2019")
    value = win.session.scale[0]
    colleague.set_verdict(review_id, cid, value, reviewer="Colleague", expected_version=0)
    win.review.changes.table.setFocus()
    stored = colleague.verdict(review_id, cid)
    assert stored.note == "the figure is from 2019" and stored.value == value
    assert panel.saved_label.text() == "Note saved" and not panel.conflict_box.isVisible()
    assert not win.message.isVisible()
