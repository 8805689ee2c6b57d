"""0 (clear verdict) on a change without a verdict does nothing but say so gently."""

from __future__ import annotations

from tests.ui.driver import Driver


def test_clearing_a_change_without_a_verdict_writes_nothing(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    cid = reviewing.current_change
    reviewing.press_verdict("0")
    shown = reviewing.status_message
    assert "cleared" not in shown.lower() and "saved" not in shown.lower()
    assert shown == "No verdict to clear"
    assert reviewing.message == ""
    assert store_for(db_url).history(reviewing.review_id, cid) == []
    assert reviewing.history == "No verdict yet."


def test_clearing_a_note_only_change_keeps_the_note_and_writes_nothing(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    cid = reviewing.current_change
    reviewing.type_note("ask the council")
    reviewing.leave_note()  # focus loss saves the note: one history row
    store = store_for(db_url)
    assert [h.action for h in store.history(reviewing.review_id, cid)] == ["note"]
    reviewing.clear_verdict()  # the button does the same as the key
    assert reviewing.status_message == "No verdict to clear"
    assert [h.action for h in store.history(reviewing.review_id, cid)] == ["note"]
    assert store.verdict(reviewing.review_id, cid).note == "ask the council"


def test_clearing_a_verdict_still_clears_it(reviewing: Driver, db_url: str, store_for) -> None:  # type: ignore[no-untyped-def]
    cid = reviewing.current_change
    reviewing.press_verdict("1")
    reviewing.press_verdict("0")
    assert "cleared" in reviewing.status_message
    actions = [h.action for h in store_for(db_url).history(reviewing.review_id, cid)]
    assert actions == ["set", "cleared"]
    assert reviewing.win.review.changes.model.verdict(cid) == ""
    assert reviewing.verdict == "" and reviewing.chosen_button is None
