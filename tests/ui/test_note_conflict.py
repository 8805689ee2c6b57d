"""A colleague's note is never saved over unseen: the reader sees both and chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.driver import Driver


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


def _overtaken(reviewing: Driver, colleague, theirs: str, mine: str) -> str:  # type: ignore[no-untyped-def]
    """A colleague writes ``theirs`` on the selected change while the reader types ``mine``."""
    cid = reviewing.current_change
    reviewing.type_note(mine)
    colleague.set_note(reviewing.review_id, cid, theirs, reviewer="Colleague", expected_version=0)
    reviewing.leave_note()  # leaving the note saves it: refused
    return cid


def test_the_reader_sees_the_colleagues_note_and_nothing_is_saved_over_it_by_moving_on(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver, db_url: str, store_for
) -> None:
    colleague = store_for(db_url)
    cid = _overtaken(reviewing, colleague, "Source is AP", "Mine")
    review_id = reviewing.review_id
    assert "NOT saved" in reviewing.note_status
    assert reviewing.conflict_shown
    assert "Colleague" in reviewing.conflict_text and "“Source is AP”" in reviewing.conflict_text
    assert reviewing.note_text == "Mine"
    assert "Colleague changed the note" in reviewing.message and "choose which to keep" in reviewing.message

    panel = reviewing.win.review.verdict

    def choice_in_view() -> bool:
        viewport = panel.scroll_area.viewport()
        bottom = panel.keep_theirs.mapTo(viewport, panel.keep_theirs.rect().bottomLeft()).y()
        return 0 <= bottom <= viewport.height()

    qtbot.waitUntil(choice_in_view, timeout=2000)  # the choice is on screen, not below the fold

    # Moving on and coming back, leaving the note again: still theirs in the database.
    reviewing.press("J")
    assert not reviewing.conflict_shown
    reviewing.press("K")
    assert reviewing.current_change == cid
    assert reviewing.note_text == "Mine" and reviewing.conflict_shown
    reviewing.type_note(", checked")  # Enter: on with the note, after its text
    reviewing.leave_note()
    assert colleague.verdict(review_id, cid).note == "Source is AP"

    # The reader decides: theirs is replaced, and both notes are in the history.
    reviewing.replace_theirs()
    assert colleague.verdict(review_id, cid).note == "Mine, checked"
    assert not reviewing.conflict_shown and reviewing.note_status == "Note saved"
    notes = [h.new_note for h in colleague.history(review_id, cid)]
    assert notes[-2:] == ["Source is AP", "Mine, checked"]


def test_keep_theirs_shows_their_note_and_writes_nothing(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    colleague = store_for(db_url)
    cid = _overtaken(reviewing, colleague, "Theirs", "Mine")
    review_id = reviewing.review_id
    rows = len(colleague.history(review_id, cid))
    reviewing.keep_theirs()
    assert reviewing.note_text == "Theirs" and not reviewing.conflict_shown
    reviewing.quit()  # nothing left unsaved: the window closes at once
    assert not reviewing.is_open
    assert colleague.verdict(review_id, cid).note == "Theirs"
    assert len(colleague.history(review_id, cid)) == rows


def test_quitting_with_an_undecided_conflict_keeps_the_window(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    colleague = store_for(db_url)
    cid = _overtaken(reviewing, colleague, "Theirs", "Mine")
    reviewing.quit()
    assert reviewing.is_open and cid in reviewing.message
    assert reviewing.offer == "Quit without the note"
    assert colleague.verdict(reviewing.review_id, cid).note == "Theirs"


def test_a_colleagues_verdict_alone_does_not_hold_up_the_readers_note(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    """Someone set the verdict, not the note: the note is saved over nothing of theirs, at once."""
    cid = reviewing.current_change
    colleague = store_for(db_url)
    review_id = reviewing.review_id
    reviewing.type_note("the figure is from 2019")
    value = reviewing.win.session.scale[0]
    colleague.set_verdict(review_id, cid, value, reviewer="Colleague", expected_version=0)
    reviewing.leave_note()
    stored = colleague.verdict(review_id, cid)
    assert stored.note == "the figure is from 2019" and stored.value == value
    assert reviewing.note_status == "Note saved" and not reviewing.conflict_shown
    # Not an error, but the reader is told whose verdict now stands beside their note.
    assert reviewing.message_level != "error"
    assert "Colleague" in reviewing.message and "your note was saved beside it" in reviewing.message
    assert reviewing.chosen_button == 1


def test_a_note_refused_then_overtaken_by_a_colleague_is_not_saved_over_theirs_later(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path, db_url: str, store_for
) -> None:
    """Refused (locked), then a colleague writes, then the retry on leaving meets their note."""
    from tests.ui.test_qa_unsaved_notes import write_locked

    win = opened
    cid = win.review.current_change_id()
    table, panel = win.review.changes.table, win.review.verdict
    with write_locked(win, tmp_path):
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.note, "Mine")
        qtbot.keyClick(panel.note, Qt.Key.Key_Escape)
        qtbot.keyClick(table, Qt.Key.Key_J)
    colleague = store_for(db_url)
    review_id = win.session.review_id
    colleague.set_note(review_id, cid, "Theirs", reviewer="Colleague", expected_version=0)
    win.nav.show_start_page()  # held back: the retry meets the colleague's note
    assert win.session is not None and win.session.review_id == review_id
    assert cid in win.message.text()

    qtbot.keyClick(table, Qt.Key.Key_K)  # back to the change: both notes, the choice offered
    assert win.review.current_change_id() == cid
    assert panel.note.toPlainText() == "Mine" and panel.conflict_box.isVisible()
    assert "Theirs" in panel.conflict_label.text()
    qtbot.keyClick(table, Qt.Key.Key_J)  # leaving it again does not save over theirs
    assert colleague.verdict(review_id, cid).note == "Theirs"


def test_a_colleagues_verdict_that_arrives_with_the_note_save_is_not_replaced_unseen(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    cid = reviewing.current_change
    review_id = reviewing.review_id
    colleague = store_for(db_url)
    reviewing.type_note("Mine")
    scale = reviewing.win.session.scale
    colleague.set_verdict(review_id, cid, scale[-1], reviewer="Colleague", expected_version=0)
    reviewing.click_verdict(1)  # the reader's verdict
    stored = colleague.verdict(review_id, cid)
    assert stored.value == scale[-1] and stored.note == "Mine"  # theirs kept, the note saved
    assert "Colleague" in reviewing.message and scale[-1] in reviewing.message
    assert "Press the verdict again" in reviewing.message
    assert reviewing.chosen_button == len(scale)  # the panel shows their verdict
    reviewing.click_verdict(1)  # now seen: replaced
    assert colleague.verdict(review_id, cid).value == scale[0]


def test_a_note_stored_with_a_replaced_character_is_no_conflict_with_itself(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    panel = win.review.verdict
    cid = win.review.current_change_id()
    table = win.review.changes.table
    panel.note.setFocus()
    panel.note.setPlainText("Mayor\x00 quote")  # pasted with a NUL no database keeps
    table.setFocus()
    assert panel.note.toPlainText() == "Mayor\ufffd quote"  # the field shows what is stored
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.note, " checked")
    table.setFocus()
    assert not panel.conflict_box.isVisible() and panel.saved_label.text() == "Note saved"
    assert store_for(db_url).verdict(win.session.review_id, cid).note == "Mayor\ufffd quote checked"


def test_the_choice_stays_on_screen_with_a_long_colleague_note_in_a_small_window(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    win.resize(800, 560)
    qtbot.wait(50)
    theirs = "Checked with the agency: the quote is accurate and the figure comes from the ministry. " * 5
    _cid, _colleague, panel = _colleague_then_mine(qtbot, win, store_for, db_url, theirs.strip(), "Mine")
    viewport = panel.scroll_area.viewport()

    def in_view(w) -> bool:  # type: ignore[no-untyped-def]
        top = w.mapTo(viewport, w.rect().topLeft()).y()
        return top >= 0 and top + w.height() <= viewport.height()

    qtbot.waitUntil(lambda: in_view(panel.replace_theirs) and in_view(panel.keep_theirs), timeout=2000)
