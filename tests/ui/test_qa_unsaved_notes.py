"""A note the store refuses (locked or read-only database) is never lost without a word."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt


@contextmanager
def write_locked(win, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Another program holds the database's write lock (the app's writes fail quickly)."""
    win.service.close()
    win.service.busy_timeout_ms = 150
    other = sqlite3.connect(tmp_path / "reviews.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_quitting_right_after_a_refused_note_keeps_the_window_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    win = opened
    cid = win.review.current_change_id()
    table, note = win.review.changes.table, win.review.verdict.note
    with write_locked(win, tmp_path):
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Return)
        qtbot.keyClicks(note, "source says 300, not 350")
        win.close()  # Ctrl+Q at once
        assert win.isVisible()  # not closed: the note would be lost
        assert cid in win.message.text() and "could not be saved" in win.message.text()
        assert win.message.action.isVisible() and note.toPlainText() == "source says 300, not 350"
    # The lock is gone: quitting now saves the note and closes.
    win.close()
    assert not win.isVisible()
    assert store_for(db_url).verdict(win.session.review_id, cid).note == "source says 300, not 350"


def test_the_reader_may_quit_without_the_refused_note(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path
) -> None:
    win = opened
    with write_locked(win, tmp_path):
        win.review.verdict.note.setFocus()
        qtbot.keyClicks(win.review.verdict.note, "doomed")
        win.close()
        assert win.isVisible()
        win.message.action.click()  # "Quit without the note"
        assert not win.isVisible()


def test_a_refused_note_stays_with_its_change_when_the_reader_moves_on(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    win = opened
    cid = win.review.current_change_id()
    table, note = win.review.changes.table, win.review.verdict.note
    with write_locked(win, tmp_path):
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Return)
        qtbot.keyClicks(note, "check the figure")
        qtbot.keyClick(note, Qt.Key.Key_Escape)
        qtbot.keyClick(table, Qt.Key.Key_J)  # on to the next change: the note is still refused
        assert win.review.current_change_id() != cid and note.toPlainText() == ""
        qtbot.keyClick(table, Qt.Key.Key_K)  # back: what was typed is still there
        assert win.review.current_change_id() == cid
        assert note.toPlainText() == "check the figure"
        assert "NOT saved" in win.review.verdict.saved_label.text()
    qtbot.keyClick(table, Qt.Key.Key_J)  # leaving it again, with the lock gone, saves it
    assert store_for(db_url).verdict(win.session.review_id, cid).note == "check the figure"
