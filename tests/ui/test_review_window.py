"""The main window on the reference pair: keyboard, verdicts in SQLite, notes, reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factcheck_gui.store.records import DEFAULT_SCALE
from factcheck_gui.ui.views.start_page import Col
from tests.ui.driver import Driver


def test_opens_into_the_comparison_with_the_engines_changes(reviewing: Driver) -> None:
    session = reviewing.win.session
    assert reviewing.on_review
    expected = [c.id for c in session.index.comparison.changes if c.is_change]
    model = reviewing.win.review.changes.model
    assert [model.change_at(r).id for r in range(model.rowCount())] == expected
    assert reviewing.current_change == expected[0]
    assert reviewing.progress == f"0 of {len(expected)} changes reviewed"
    assert "reviews.db" in reviewing.win.status.db_label.text()
    assert reviewing.win.status.reviewer_label.text() == "Reviewer: Tester"


def test_keyboard_navigation(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    ids = [c.id for c in win.session.index.review_changes]
    table = win.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert win.review.current_change_id() == ids[1]
    qtbot.keyClick(win.review.comparison.left, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert win.review.current_change_id() == ids[2]
    qtbot.keyClick(table, Qt.Key.Key_K)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert win.review.current_change_id() == ids[0]
    # the panes follow: the selected change's claims carry the strong selection
    assert win.review.comparison.left.current_change_id == ids[0]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert win.review.verdict.note.hasFocus()


def test_number_keys_record_verdicts_in_the_database(reviewing: Driver, db_url, store_for) -> None:  # type: ignore[no-untyped-def]
    first = reviewing.current_change
    reviewing.press_verdict("3")
    assert reviewing.verdict == DEFAULT_SCALE[2]
    reviewing.press("N")  # next unreviewed
    second = reviewing.current_change
    assert second != first
    reviewing.press_verdict("1")
    reviewing.press("N")
    reviewing.press("K")
    reviewing.press_verdict("2")  # change the verdict of the second change
    total = len(reviewing.win.session.index.review_changes)
    assert reviewing.progress == f"2 of {total} changes reviewed"
    store = store_for(db_url)
    review = store.load_review(reviewing.review_id)
    assert review.verdicts[first].value == DEFAULT_SCALE[2]
    assert review.verdicts[second].value == DEFAULT_SCALE[1]
    assert review.verdicts[second].reviewer == "Tester"
    assert len(store.history(reviewing.review_id, second)) == 2
    # typing digits into the note writes text, not verdicts
    reviewing.type_note("42")
    assert reviewing.note_text == "42"
    assert reviewing.verdict == DEFAULT_SCALE[1]


def test_note_is_saved_after_a_pause_and_on_focus_loss(qtbot, opened, db_url, store_for) -> None:  # type: ignore[no-untyped-def]
    win = opened
    cid = win.review.current_change_id()
    note = win.review.verdict.note
    note.setFocus()
    with qtbot.waitSignal(win.session.saved, timeout=3000):
        qtbot.keyClicks(note, "Checked with Yonhap")
    store = store_for(db_url)
    try:
        assert store.load_review(win.session.review_id).verdicts[cid].note == "Checked with Yonhap"
    finally:
        store.close()
    qtbot.keyClicks(note, ".")
    with qtbot.waitSignal(win.session.saved, timeout=1000):
        win.review.changes.table.setFocus()  # focus loss saves at once
    store = store_for(db_url)
    try:
        assert store.load_review(win.session.review_id).verdicts[cid].note == "Checked with Yonhap."
    finally:
        store.close()


def test_reopening_restores_verdicts_selection_and_scroll(qtbot, opened, settings, db_url) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    win = opened
    review_id = win.session.review_id
    ids = [c.id for c in win.session.index.review_changes]
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_4)
    win.review.changes.select_change(ids[-3])
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_5)
    win.resize(1200, 600)
    qtbot.wait(10)
    scroll = win.review.comparison.scroll_state()
    win.close()

    again = MainWindow(settings, db_url)
    qtbot.addWidget(again)
    again.resize(1200, 600)
    again.show()
    with qtbot.waitSignal(again.reviewsListed, timeout=10000):
        again.nav.show_start_page()
    assert again.start.model.rowCount() == 1
    assert again.start.model.index(0, Col.PROGRESS).data() == f"2 of {len(ids)} reviewed"
    with qtbot.waitSignal(again.reviewShown, timeout=10000):
        again.nav.open_review(review_id)
    assert again.review.current_change_id() == ids[-3]
    assert again.review.changes.model.verdict(ids[0]) == DEFAULT_SCALE[3]
    assert again.review.changes.model.verdict(ids[-3]) == DEFAULT_SCALE[4]
    assert again.review.comparison.scroll_state() == scroll
    again.close()


def test_filters_in_the_window(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    changes = win.review.changes
    changes.table.setFocus()
    qtbot.keyClick(changes.table, Qt.Key.Key_1)
    changes.unreviewed_only.setChecked(True)
    assert changes.proxy.rowCount() == changes.model.rowCount() - 1
    changes.kind_filter.setCurrentIndex(changes.kind_filter.findData("added"))
    shown = [changes.proxy.index(r, 0).data() for r in range(changes.proxy.rowCount())]
    assert shown and all(win.session.index.change(c).kind.value == "added" for c in shown)
    win.commands["clear_filters"].trigger()
    assert changes.proxy.rowCount() == changes.model.rowCount()


def test_a_conflicting_write_is_reported_not_overwritten(qtbot, opened, db_url, store_for) -> None:  # type: ignore[no-untyped-def]
    win = opened
    cid = win.review.current_change_id()
    store = store_for(db_url)
    try:  # a colleague sets the verdict meanwhile
        store.set_verdict(
            win.session.review_id, cid, DEFAULT_SCALE[5], reviewer="Colleague", expected_version=0
        )
    finally:
        store.close()
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)
    assert win.message.isVisible() and win.message.label.text()
    assert win.review.changes.model.verdict(cid) == DEFAULT_SCALE[5]  # theirs is shown
    store = store_for(db_url)
    try:
        assert store.load_review(win.session.review_id).verdicts[cid].value == DEFAULT_SCALE[5]
    finally:
        store.close()
