"""Linking by hand in the window: the verdict panel of a removed claim whose closest claim is
an added one offers "Link with c3 as one claim"; the review comes back with one change, its
changed figure flagged, stored; "Take this link apart" undoes it. A verdict on one of the two
refuses the link with one line and leaves the review as it was. Real window, real SQLite file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.engine.test_nearest_hint import ORIGINAL, REWRITE


def _flood(qtbot, window, tmp_path: Path):  # type: ignore[no-untyped-def]
    a, b = tmp_path / "wire.txt", tmp_path / "rewrite.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_paths(a, b)
    return window


def test_link_and_take_apart_from_the_verdict_panel(qtbot, window, tmp_path, db_url, store_for) -> None:  # type: ignore[no-untyped-def]
    win = _flood(qtbot, window, tmp_path)
    review, panel = win.review, win.review.verdict
    assert review.select_change("c2")
    assert panel.link_button.isVisibleTo(panel) and panel.link_button.text() == "Link with c3 as one claim"
    assert not panel.unlink_button.isVisibleTo(panel)
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.current_change_id() == "c5", timeout=5000)
    assert "linked by hand" in panel.title.text()
    assert "number changed: 40 → 45" in panel.flags.text()
    assert review.changes.proxy.rowCount() == 1  # one change to review where there were two
    assert "c2 and c3 are one claim now: c5." in win.notifier.bar.text()
    qtbot.waitUntil(lambda: "linked by hand as one claim, c5" in panel.history.text(), timeout=5000)
    store = store_for(db_url)
    assert store.load_review(win.session.review_id).comparison.change("c5").by_hand
    # and back
    assert panel.unlink_button.isVisibleTo(panel) and not panel.link_button.isVisibleTo(panel)
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        qtbot.mouseClick(panel.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.current_change_id() == "c2", timeout=5000)
    assert review.changes.proxy.rowCount() == 2
    assert [c.id for c in store.load_review(win.session.review_id).comparison.changes if c.is_change] == [
        "c2",
        "c3",
    ]


def test_a_verdict_refuses_the_link_and_nothing_changes(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = _flood(qtbot, window, tmp_path)
    review, panel = win.review, win.review.verdict
    assert review.select_change("c3")
    qtbot.keyClick(review.changes.table, Qt.Key.Key_1)  # a verdict on the added claim
    assert review.select_change("c2")
    session = win.session
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "c3 has a verdict or a note" in win.notifier.bar.text(), timeout=10000)
    assert win.session is session  # the review stays on screen as it was
    assert review.changes.proxy.rowCount() == 2
