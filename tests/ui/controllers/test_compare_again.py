"""File → Compare again: a new version replaces one side; the store's carry-over is offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from factcheck_gui.review.docindex import Side
from factcheck_gui.store.records import DEFAULT_SCALE
from tests.ui.conftest import REFERENCE, answer_file_dialog


def new_version(path: Path, source: Path, extra: str) -> Path:
    path.write_text(source.read_text(encoding="utf-8") + f"\n{extra}\n", encoding="utf-8")
    return path


def set_verdicts(qtbot, win, keys: list[Qt.Key]) -> list[str]:  # type: ignore[no-untyped-def]
    """One verdict key per change from the first; returns the change ids."""
    table = win.review.changes.table
    table.setFocus()
    ids = []
    for key in keys:
        ids.append(win.review.current_change_id())
        qtbot.keyClick(table, key)
        qtbot.keyClick(table, Qt.Key.Key_J)
    return ids


def test_compare_again_from_the_menu_offers_the_verdicts_and_carries_them(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    win = opened
    first = win.session.review_id
    first_title = win.session.opened.title
    set_verdicts(qtbot, win, [Qt.Key.Key_1, Qt.Key.Key_3])
    seen = {c: v for c, v in win.session.values().items()}
    edited = new_version(tmp_path / "rewrite-v2.txt", REFERENCE[1], "A new closing sentence was added.")

    action = win.commands["compare_again_rewrite"]
    assert action.isEnabled() and "rewrite" in action.text()
    action.trigger()
    assert "rewrite" in win.findChild(QFileDialog, "compareAgainDialog").windowTitle()
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        answer_file_dialog(qtbot, win, "compareAgainDialog", edited)

    second = win.session.review_id
    assert second != first
    comp = win.session.index.comparison
    assert comp.rewrite.name == "rewrite-v2.txt" and comp.original.name == "original.txt"
    assert win.session.reviewed_count() == 0  # nothing carried without the reader's word
    # The offer: how many verdicts, from which review, and a button to carry them.
    assert win.message.isVisible()
    offer = win.message.text()
    assert f"2 verdicts of review #{first}" in offer and first_title in offer
    assert win.message.action.isVisible() and win.message.action.text() == "Carry 2 over"

    with qtbot.waitSignal(win.again.carried, timeout=10000) as sig:
        qtbot.mouseClick(win.message.action, Qt.MouseButton.LeftButton)
    assert sig.args == [2]
    assert f"2 verdicts carried over from review #{first}" in win.message.text()
    total = len(win.session.index.review_changes)
    assert win.status.progress_label.text() == f"2 of {total} changes reviewed"
    # Same wording, same verdict: shown in the list and stored in the new review.
    model = win.review.changes.model
    assert sorted(
        model.verdict(c.id) for c in win.session.index.review_changes if model.verdict(c.id)
    ) == sorted(seen.values())
    store = store_for(db_url)
    stored = store.load_review(second).verdicts
    assert sorted(v.value for v in stored.values() if v.value) == sorted(seen.values())
    carried = [h for cid in stored for h in store.history(second, cid)]
    assert carried and all(h.action == "carried" for h in carried)
    assert {c: v.value for c, v in store.load_review(first).verdicts.items()} == seen  # old one untouched
    # The verdict panel shows the carried verdict's history.
    current = win.review.current_change_id()
    if stored.get(current) is not None:
        qtbot.waitUntil(lambda: not win.review.verdict.history_pending)
        assert "carried over" in win.review.verdict.history.text()


def test_a_new_original_offers_the_verdicts_of_the_review_compared_again(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    win = opened
    first = win.session.review_id
    set_verdicts(qtbot, win, [Qt.Key.Key_2])
    edited = new_version(tmp_path / "original-v2.txt", REFERENCE[0], "An extra sentence in the original.")
    # The store looks for earlier reviews by the original, which is the side that changed:
    # the offer still comes, from the review on screen.
    win.commands["compare_again_original"].trigger()
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        answer_file_dialog(qtbot, win, "compareAgainDialog", edited)
    assert win.session.index.comparison.original.name == "original-v2.txt"
    assert f"1 verdict of review #{first}" in win.message.text()
    assert "the review you compared again" in win.message.text()
    with qtbot.waitSignal(win.again.carried, timeout=10000):
        qtbot.mouseClick(win.message.action, Qt.MouseButton.LeftButton)
    assert win.session.values() and set(win.session.values().values()) == {DEFAULT_SCALE[1]}
    stored = store_for(db_url).load_review(win.session.review_id).verdicts
    assert [v.value for v in stored.values() if v.value] == [DEFAULT_SCALE[1]]


def test_dismissing_the_offer_carries_nothing(qtbot, opened, tmp_path: Path, db_url: str, store_for) -> None:  # type: ignore[no-untyped-def]
    win = opened
    set_verdicts(qtbot, win, [Qt.Key.Key_1])
    edited = new_version(tmp_path / "rewrite-v3.txt", REFERENCE[1], "Yet another ending.")
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.compare_again_with(Side.REWRITE, edited)
    assert win.message.action.isVisible()
    qtbot.mouseClick(win.message.dismiss, Qt.MouseButton.LeftButton)
    assert not win.message.isVisible()
    qtbot.wait(50)  # no carry-over task was started behind the reader's back
    assert win.session.reviewed_count() == 0 and not win.workers.busy()
    stored = store_for(db_url).load_review(win.session.review_id).verdicts
    assert not [v for v in stored.values() if v.value]


def test_dropping_a_file_on_a_review_pane_compares_that_side_again(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.controllers.test_input import drop_files

    win = opened
    first = win.session.review_id
    set_verdicts(qtbot, win, [Qt.Key.Key_1])
    edited = new_version(tmp_path / "rewrite-dropped.txt", REFERENCE[1], "Dropped ending.")
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        drop_files(win.review.comparison.right, [edited])
    assert win.session.review_id != first
    assert win.session.index.comparison.rewrite.name == "rewrite-dropped.txt"
    assert f"review #{first}" in win.message.text() and win.message.action.isVisible()


def test_a_new_original_for_a_reviewed_rewrite_is_offered_by_the_store(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    # Not "Compare again": a new pair opened from the File menu whose rewrite was reviewed
    # before against an earlier original. The store finds that review by the rewrite.
    win = opened
    first = win.session.review_id
    set_verdicts(qtbot, win, [Qt.Key.Key_2, Qt.Key.Key_4])
    edited = new_version(tmp_path / "original-v2.txt", REFERENCE[0], "An extra sentence in the original.")
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        win.nav.show_start_page()
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.nav.open_paths(edited, REFERENCE[1])
    second = win.session.review_id
    store = store_for(db_url)
    expected = store.carry_over_count(first, second)  # the store's dry run, nothing written
    assert expected == 2 and store.load_review(second).verdicts == {}
    offer = win.message.text()
    assert f"2 verdicts of review #{first}" in offer and "(same rewrite)" in offer
    assert win.message.action.text() == "Carry 2 over"
    with qtbot.waitSignal(win.again.carried, timeout=10000) as sig:
        qtbot.mouseClick(win.message.action, Qt.MouseButton.LeftButton)
    assert sig.args == [expected]
    assert sorted(win.session.values().values()) == sorted([DEFAULT_SCALE[1], DEFAULT_SCALE[3]])
    assert store.carry_over_count(first, second) == 0
