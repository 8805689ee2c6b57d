"""A verdict key only ever rates the change the reviewer can see selected."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_filter_that_hides_the_current_change_stops_the_verdict_keys(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    session = win.session
    unflagged = next(c for c in session.index.review_changes if not c.flags)
    win.review.changes.select_change(unflagged.id)
    assert win.review.verdict.change_id == unflagged.id
    win.review.changes.table.setFocus()
    # "Flagged" hides every change without a flag, the selected one among them
    changes = win.review.changes
    changes.flag_filter.setCurrentIndex(changes.flag_filter.findData("*"))
    assert changes.proxy.rowCount() > 0
    assert changes.current_change_id() == ""
    panel = win.review.verdict
    assert "hidden by the filters" in panel.title.text()
    assert unflagged.id in panel.title.text()
    qtbot.keyClick(changes.table, Qt.Key.Key_1)
    qtbot.wait(20)
    assert session.value(unflagged.id) in (None, ""), "a verdict went to a change nobody sees"
    # choosing a visible change gives the keys back, to that change
    changes.select_row(0)
    visible = changes.current_change_id()
    assert visible and panel.change_id == visible
    qtbot.keyClick(changes.table, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: bool(session.value(visible)), timeout=5000)
    assert session.value(unflagged.id) in (None, "")
