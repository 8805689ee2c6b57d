"""A reader's round trip through the window, in the reader's words (see ``driver.py``)."""

from __future__ import annotations

from tests.ui.driver import Driver


def test_a_verdict_and_a_note_on_the_demo_are_there_when_the_demo_is_opened_again(
    driver: Driver, db_url: str, store_for
) -> None:  # type: ignore[no-untyped-def]
    driver.open_demo()
    review_id = driver.review_id
    changes = [c.id for c in driver.win.session.index.review_changes]
    target = changes[-1]
    driver.select_change(target)
    assert driver.current_change == target
    driver.press_verdict("1")
    scale = driver.win.session.scale
    assert driver.verdict == scale[0] and driver.chosen_button == 1
    assert driver.progress == f"1 of {len(changes)} changes reviewed"
    driver.type_note("checked against the wire copy")
    driver.escape_note()
    assert driver.note_status == "Note saved"

    driver.go_to_start_page()
    assert driver.on_start_page and driver.progress == ""
    driver.open_demo()  # the demo reopens its review, where the reader left it
    assert driver.review_id == review_id and driver.current_change == target
    assert driver.verdict == scale[0] and driver.note_text == "checked against the wire copy"
    stored = store_for(db_url).verdict(review_id, target)
    assert (stored.value, stored.note, stored.reviewer) == (
        scale[0],
        "checked against the wire copy",
        "Tester",
    )
