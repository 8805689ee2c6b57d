"""The start page after a failed open, the demo pair reopened, and what the status bar keeps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.ui.shell.settings import Settings
from tests.ui.conftest import REFERENCE
from tests.ui.controllers.test_database_recovery import damaged_database, new_window


def one_review(store_for, url: str) -> int:  # type: ignore[no-untyped-def]
    comparison = compare_texts("The bridge costs 40 million.", "The bridge costs 45 million.")
    return int(store_for(url).create_review(comparison, title="Bridge", reviewer="Ann"))


def test_a_pair_that_cannot_be_read_leaves_the_start_page_listing_the_reviews(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, db_url: str, tmp_path: Path, store_for
) -> None:
    one_review(store_for, db_url)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    win = new_window(qtbot, settings, db_url)  # factcheck-gui BADFILE MISSING --db URL
    with qtbot.waitSignal(win.taskFailed, timeout=30000):
        win.nav.open_paths(bad, tmp_path / "missing.txt")
    assert win.message.property("level") == "error"
    qtbot.waitUntil(lambda: win.start.status.text() == "1 review in this database.", timeout=10000)
    assert win.start.model.rowCount() == 1 and win.stack.currentWidget() is win.start
    assert win.status.db_label.text().startswith("Database: local: ")
    assert "sqlite:" not in win.status.db_label.text()
    win.close()


def test_a_damaged_database_does_not_leave_the_start_page_loading(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, tmp_path: Path
) -> None:
    damaged = tmp_path / "reviews.db"
    damaged_database(damaged)
    win = new_window(qtbot, settings, f"sqlite:///{damaged}")
    with qtbot.waitSignal(win.taskFailed, timeout=30000):
        win.nav.open_paths(*REFERENCE)
    assert "Loading" not in win.start.status.text()
    assert "could not be listed" in win.start.status.text()
    assert win.message.action.text() == "Start a new database beside it"  # the offer stays
    assert win.status.db_label.text() == f"Database: local: {damaged}"  # a name, not the raw URL
    win.close()


def test_the_demo_pair_reopens_its_review_instead_of_adding_another(  # type: ignore[no-untyped-def]
    qtbot, window, db_url: str, store_for
) -> None:
    with qtbot.waitSignal(window.reviewShown, timeout=30000) as first:
        window.nav.open_demo()
    table = window.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        window.nav.show_start_page()
    with qtbot.waitSignal(window.reviewShown, timeout=30000) as second:
        qtbot.mouseClick(window.start.demo_button, Qt.MouseButton.LeftButton)
    assert second.args == first.args
    assert window.session.reviewed_count() == 1  # the verdict given before is there
    assert len(store_for(db_url).list_reviews()) == 1


def test_the_progress_count_stays_while_a_short_message_shows(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    total = len(win.session.index.review_changes)
    table = win.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert win.statusBar().currentMessage().startswith("Saved:")
    assert win.status.progress_label.isVisible()
    assert win.status.progress_label.text() == f"1 of {total} changes reviewed"


def test_no_similarity_for_a_change_with_one_side(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    changes = win.session.index.review_changes
    one_sided = next(c for c in changes if c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED))
    reworded = next(c for c in changes if c.kind is ChangeKind.REWORDED)
    win.review.select_change(one_sided.id)
    assert "similarity" not in win.review.verdict.title.text()
    win.review.select_change(reworded.id)
    assert f"similarity {reworded.similarity:.2f}" in win.review.verdict.title.text()


def test_find_bar_buttons_stay_put_when_the_answer_appears(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    find = opened.review.comparison.find_bar
    find.open_bar()
    qtbot.waitUntil(find.isVisible)
    row = find.layout()
    parts = [row.itemAt(i).widget() for i in range(row.count())]  # label, field, buttons, answer

    def places() -> list[object]:
        return [w.geometry() for w in parts]

    before = places()
    find.edit.setText("Putin")
    assert find.find_text()
    qtbot.wait(20)
    assert find.status.text().endswith(" · original") and places() == before
    find.edit.setText("no such words anywhere")
    assert not find.find_text()
    qtbot.wait(20)
    assert find.status.text() == "no match" and places() == before


def test_the_start_page_shows_no_review_progress(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    total = len(win.session.index.review_changes)
    table = win.review.changes.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert win.status.progress_label.text() == f"1 of {total} changes reviewed"
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        win.commands["start_page"].trigger()
    assert win.stack.currentWidget() is win.start
    assert win.status.progress_label.text() == ""  # no review open: nothing "reviewed"
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        qtbot.mouseClick(win.start.open_button, Qt.MouseButton.LeftButton)
    assert win.status.progress_label.text() == f"1 of {total} changes reviewed"
