"""A note the store refuses (locked or read-only database) is never lost without a word."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.driver import Driver


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
    reviewing: Driver, tmp_path: Path
) -> None:
    with write_locked(reviewing.win, tmp_path):
        reviewing.type_note("doomed")
        reviewing.quit()
        assert reviewing.is_open
        assert reviewing.offer == "Quit without the note"
        reviewing.accept_offer()
        assert not reviewing.is_open


def test_a_refused_note_stays_with_its_change_when_the_reader_moves_on(  # type: ignore[no-untyped-def]
    reviewing: Driver, tmp_path: Path, db_url: str, store_for
) -> None:
    cid = reviewing.current_change
    with write_locked(reviewing.win, tmp_path):
        reviewing.type_note("check the figure")
        reviewing.escape_note()
        reviewing.press("J")  # on to the next change: the note is still refused
        assert reviewing.current_change != cid and reviewing.note_text == ""
        reviewing.press("K")  # back: what was typed is still there
        assert reviewing.current_change == cid
        assert reviewing.note_text == "check the figure"
        assert "NOT saved" in reviewing.note_status
    reviewing.press("J")  # leaving it again, with the lock gone, saves it
    assert store_for(db_url).verdict(reviewing.review_id, cid).note == "check the figure"


# -- leaving the review (start page, another review, compare again, another database) ----------


def offered(win, button: str) -> bool:  # type: ignore[no-untyped-def]
    return win.message.action.isVisible() and win.message.action.text() == button


def type_refused_note(qtbot, win, text: str) -> str:  # type: ignore[no-untyped-def]
    """Type a note on the selected change and move focus away (the store refuses it); its id."""
    cid = win.review.current_change_id()
    note = win.review.verdict.note
    note.setFocus()
    qtbot.keyClicks(note, text)
    win.review.changes.table.setFocus()
    assert "NOT saved" in win.review.verdict.saved_label.text()
    return str(cid)


def read_only_window(qtbot, opened, tmp_path: Path, settings):  # type: ignore[no-untyped-def]
    """The review of ``opened`` again, in a window on the same database opened read-only."""
    from factcheck_gui.ui.main_window import MainWindow

    review_id = opened.session.review_id
    opened.close()
    # SQLite's own read-only mode (file permissions do not stop the root user tests may run as).
    url = f"sqlite:///file:{tmp_path / 'reviews.db'}?mode=ro&uri=true"
    win = MainWindow(settings, url)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.reviewShown, timeout=10000):
        win.nav.open_review(review_id)
    return win


def test_the_start_page_waits_for_a_refused_note_then_saves_it(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver, tmp_path: Path, db_url: str, store_for
) -> None:
    review_id = reviewing.review_id
    with write_locked(reviewing.win, tmp_path):
        cid = reviewing.current_change
        reviewing.type_note("ministry figure is 12, not 21")
        reviewing.leave_note()
        assert "NOT saved" in reviewing.note_status
        reviewing.go_to_start_page()
        # Still on the review, the note still there, the reader told why and what they may do.
        assert reviewing.on_review and reviewing.review_id == review_id
        assert reviewing.note_text == "ministry figure is 12, not 21"
        assert cid in reviewing.message and "could not be saved" in reviewing.message
        assert "locked" in reviewing.message and reviewing.message_level == "error"
        assert reviewing.offer == "Go to the start page without the note"
    # The lock is gone: leaving again saves the note on the way out.
    with qtbot.waitSignal(reviewing.win.reviewsListed, timeout=10000):
        reviewing.go_to_start_page()
    assert reviewing.on_start_page and reviewing.review_id is None
    assert store_for(db_url).verdict(review_id, cid).note == "ministry figure is 12, not 21"


def test_opening_another_pair_waits_for_a_refused_note_moved_away_from(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    from tests.ui.conftest import REFERENCE

    win = opened
    review_id = win.session.review_id
    before = [r.id for r in store_for(db_url).list_reviews()]
    with write_locked(win, tmp_path):
        cid = type_refused_note(qtbot, win, "check the date")
        qtbot.keyClick(win.review.changes.table, Qt.Key.Key_J)  # on to another change: kept aside
        assert win.nav.open_paths(*REFERENCE) is None  # File → Open: nothing compared, nothing stored
        assert win.session.review_id == review_id and win.task is None
        assert cid in win.message.text() and offered(win, "Compare the two files without the note")
        qtbot.keyClick(win.review.changes.table, Qt.Key.Key_K)  # the typed text is still there
        assert win.review.verdict.note.toPlainText() == "check the date"
    assert [r.id for r in store_for(db_url).list_reviews()] == before
    # The reader explicitly lets the note go: the other pair opens, the note was never stored.
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.message.action.click()
    assert win.session.review_id != review_id
    stored = store_for(db_url).verdict(review_id, cid)
    assert stored is None or stored.note == ""  # let go, as the reader chose


def test_compare_again_waits_for_a_note_a_colleague_overtook(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    """A colleague's conflicting edit refuses the note as the reader leaves: it stays, theirs too."""
    from factcheck_gui.review.docindex import Side
    from tests.ui.conftest import REFERENCE

    win = opened
    review_id = win.session.review_id
    cid = win.review.current_change_id()
    colleague = store_for(db_url)
    colleague.set_note(review_id, cid, "Theirs", reviewer="Colleague", expected_version=0)
    note = win.review.verdict.note
    note.setFocus()
    qtbot.keyClicks(note, "Mine")  # Compare again at once: the note is saved on the way out…
    assert win.compare_again_with(Side.REWRITE, REFERENCE[1]) is None  # …and refused
    assert win.session.review_id == review_id and note.toPlainText() == "Mine"
    text = win.message.text()
    assert cid in text and "Colleague" in text and offered(win, "Compare again without the note")
    assert [r.id for r in colleague.list_reviews()] == [review_id]  # nothing compared or stored
    assert colleague.verdict(review_id, cid).note == "Theirs"  # theirs is not replaced unseen


def test_switching_database_waits_for_a_note_a_read_only_database_refused(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, settings
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from factcheck_gui.ui.views.dialogs import SettingsDialog

    win = read_only_window(qtbot, opened, tmp_path, settings)
    url, review_id = win.service.url, win.session.review_id
    cid = type_refused_note(qtbot, win, "the quote is from 2019")
    assert "read-only" in win.message.text()

    other = tmp_path / "elsewhere.db"
    win.commands["settings"].trigger()
    dialog = win.findChild(SettingsDialog)
    dialog.db_url.setText(str(other))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    # Not switched: same database, same review, the note on screen, nothing remembered yet.
    assert win.service.url == url and win.session.review_id == review_id
    assert win.review.verdict.note.toPlainText() == "the quote is from 2019"
    assert settings.db_url == "" and not other.exists()
    text = win.message.text()
    assert cid in text and "read-only" in text and offered(win, "Switch database without the note")
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        win.message.action.click()
    assert win.session is None and settings.db_url == str(other)
    assert "elsewhere.db" in win.status.db_label.text()
    win.quit_without_notes = True
    win.close()


def test_a_note_refused_while_another_review_loads_holds_that_review_back(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, settings
) -> None:
    import threading

    win = read_only_window(qtbot, opened, tmp_path, settings)
    review_id = win.session.review_id
    go = threading.Event()

    def job(ctx):  # type: ignore[no-untyped-def]
        go.wait(20)
        return win.service.load(review_id, ctx)

    assert win.nav.run_compare(job, "Opening…") is not None  # nothing refused yet: it starts
    cid = type_refused_note(qtbot, win, "typed while it loads")  # the read-only store refuses it
    shown = win.session
    go.set()
    qtbot.waitUntil(lambda: win.task is None, timeout=10000)
    assert win.session is shown  # the review with the typed note is still the one on screen
    assert win.review.verdict.note.toPlainText() == "typed while it loads"
    assert cid in win.message.text() and offered(win, "Show the other review without the note")
    with qtbot.waitSignal(win.reviewShown, timeout=10000):
        win.message.action.click()
    assert win.session is not shown and win.session.review_id == review_id
    win.quit_without_notes = True
    win.close()


def test_quitting_is_still_offered_after_leaving_was_refused(  # type: ignore[no-untyped-def]
    reviewing: Driver, tmp_path: Path
) -> None:
    with write_locked(reviewing.win, tmp_path):
        reviewing.type_note("doomed")
        reviewing.leave_note()
        reviewing.go_to_start_page()
        assert reviewing.offer == "Go to the start page without the note"
        reviewing.quit()
        assert reviewing.is_open and reviewing.offer == "Quit without the note"
        reviewing.accept_offer()
        assert not reviewing.is_open


def test_a_note_typed_after_the_question_is_not_let_go_with_the_refused_one(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    win = opened
    review_id = win.session.review_id
    note = win.review.verdict.note
    with write_locked(win, tmp_path):
        cid = type_refused_note(qtbot, win, "first thought")
        win.commands["start_page"].trigger()
        assert offered(win, "Go to the start page without the note")
        note.setFocus()
        qtbot.keyClicks(note, ", and a second one")  # typed after being asked
        win.message.action.click()  # "without the note": the one asked about, not this
        assert win.stack.currentWidget() is win.review  # still refused: asked again
        assert note.toPlainText() == "first thought, and a second one"
        assert cid in win.message.text() and offered(win, "Go to the start page without the note")
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        win.commands["start_page"].trigger()
    assert store_for(db_url).verdict(review_id, cid).note == "first thought, and a second one"
