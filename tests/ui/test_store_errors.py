"""Store errors (conflict, locked, read-only) reach the reader as a message, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from factcheck_gui.store.records import DEFAULT_SCALE


@pytest.fixture
def no_traceback(capfd):  # type: ignore[no-untyped-def]
    yield
    assert "Traceback" not in capfd.readouterr().err


def test_a_verdict_conflict_from_a_second_store_is_a_message(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for, no_traceback
) -> None:
    win = opened
    cid = win.review.current_change_id()
    colleague = store_for(db_url)  # a second client on the same SQLite file
    colleague.set_verdict(
        win.session.review_id, cid, DEFAULT_SCALE[4], reviewer="Colleague", expected_version=0
    )

    button = win.review.verdict.buttons.button(0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = win.message.text()
    assert win.message.isVisible() and win.message.property("level") == "error"
    assert "Colleague" in text and cid in text and "\n" not in text
    # Their verdict is what the reader now sees, in the list, the buttons and the database.
    assert win.review.changes.model.verdict(cid) == DEFAULT_SCALE[4]
    assert win.review.verdict.buttons.button(4).isChecked() and not button.isChecked()
    assert colleague.load_review(win.session.review_id).verdicts[cid].value == DEFAULT_SCALE[4]
    # Deciding again, now that the reader has seen theirs, works.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert colleague.load_review(win.session.review_id).verdicts[cid].value == DEFAULT_SCALE[0]


def test_a_note_conflict_says_the_note_was_not_saved(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for, no_traceback
) -> None:
    win = opened
    cid = win.review.current_change_id()
    store_for(db_url).set_note(win.session.review_id, cid, "Theirs", reviewer="Colleague", expected_version=0)
    note = win.review.verdict.note
    note.setFocus()
    qtbot.keyClicks(note, "Mine")
    win.review.changes.table.setFocus()  # focus loss saves the note at once
    assert "Colleague" in win.message.text()
    assert "NOT saved" in win.review.verdict.saved_label.text()
    assert store_for(db_url).load_review(win.session.review_id).verdicts[cid].note == "Theirs"


def test_a_locked_database_is_a_message_and_the_verdict_is_not_shown_as_saved(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, store_for, db_url: str, no_traceback
) -> None:
    win = opened
    cid = win.review.current_change_id()
    win.service.close()
    win.service.busy_timeout_ms = 150  # keep the test short; the app waits the store's default
    other = sqlite3.connect(tmp_path / "reviews.db", isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
        win.review.changes.table.setFocus()
        qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)
        assert "locked" in win.message.text() and win.message.property("level") == "error"
        assert win.review.changes.model.verdict(cid) == ""
        assert win.status.progress_label.text().startswith("0 of ")
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)  # lock gone: the same key now saves
    assert win.review.changes.model.verdict(cid) == DEFAULT_SCALE[0]
    assert store_for(db_url).load_review(win.session.review_id).verdicts[cid].value == DEFAULT_SCALE[0]


def test_a_read_only_database_opens_for_reading_and_refuses_writes_with_a_message(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, settings, no_traceback
) -> None:
    from tests.ui.test_qa_unsaved_notes import read_only_window

    win = read_only_window(qtbot, opened, tmp_path, settings)
    cid = win.review.current_change_id()
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)
    assert "read-only" in win.message.text() and "\n" not in win.message.text()
    assert win.review.changes.model.verdict(cid) == ""
    win.close()
