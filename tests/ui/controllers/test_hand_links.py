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


def test_a_colleagues_link_meanwhile_offers_to_reopen_and_keeps_the_note(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path, db_url, store_for
) -> None:
    """Another workstation links c2 and c3 while this window shows them: a verdict or a note on
    one of them is refused in one line that says why and offers to reopen; the note typed stays
    in the panel, and reopening asks about it before showing the review as it is now."""
    win = _flood(qtbot, window, tmp_path)
    review, panel, bar = win.review, win.review.verdict, win.message
    store_for(db_url).link_changes(win.session.review_id, "c2", "c3", reviewer="Colleague")
    assert review.select_change("c3")
    qtbot.keyClick(review.changes.table, Qt.Key.Key_1)
    assert "c3 is no longer in this review: someone linked it" in win.notifier.bar.text()
    assert bar.action.isVisible() and bar.action.text() == "Reopen the review"
    assert "has no change" not in win.notifier.bar.text()  # not the command line's wording
    panel.note.setPlainText("the toll is 45 in the rewrite")
    assert not panel.save_note()
    assert panel.note.toPlainText() == "the toll is 45 in the rewrite"  # kept
    assert "Your note stays in the panel" in win.notifier.bar.text()
    bar.action.click()
    asked = win.notifier.bar.text()  # asked first, nothing dropped unasked
    assert "Your note on c3 could not be saved (c3 is no longer in this review)" in asked
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        bar.action.click()
    assert review.changes.proxy.rowCount() == 1  # the colleague's link: one change now
    assert win.session.index.has_change("c5") and not win.session.index.has_change("c3")


def test_an_unsaved_note_holds_the_link_back(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = _flood(qtbot, window, tmp_path)
    review, panel = win.review, win.review.verdict
    assert review.select_change("c2")
    win.service.store().set_verdict(  # a colleague's note first: ours becomes a draft to decide
        win.session.review_id, "c2", None, reviewer="Colleague", note="theirs", expected_version=None
    )
    panel.note.setPlainText("mine")
    panel.save_note()
    session = win.session
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    assert "The note on c2 is not saved yet" in win.notifier.bar.text()
    assert win.session is session and review.changes.proxy.rowCount() == 2


def test_story_text_in_the_link_menu_is_no_shortcut(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "wire.txt", tmp_path / "rewrite.txt"
    a.write_text("Markets were calm.\nShares of Smith & Wesson fell 5 percent on Monday.\n", encoding="utf-8")
    b.write_text("Markets were calm.\nA & B Holdings opened a plant in Ohio.\n", encoding="utf-8")
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_paths(a, b)
    review = window.review
    removed = [c.id for c in window.session.index.comparison.changes if c.kind.value == "removed"]
    assert removed, "the two claims were expected apart"
    assert review.select_change(removed[0])
    menu = review.row_menu(review.changes.table.visualRect(review.changes.table.currentIndex()).center())
    (sub,) = [act.menu() for act in menu.actions() if act.menu() is not None]
    (entry,) = sub.actions()
    assert "A && B Holdings" in entry.text()  # shown as "A & B Holdings", no mnemonic
