"""A verdict key only ever rates the change the reviewer can see selected."""

from __future__ import annotations

from tests.ui.driver import Driver


def test_a_filter_that_hides_the_current_change_stops_the_verdict_keys(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    session = reviewing.win.session
    unflagged = next(c for c in session.index.review_changes if not c.flags)
    reviewing.select_change(unflagged.id)
    assert unflagged.id in reviewing.panel_title
    # "Flagged" hides every change without a flag, the selected one among them
    reviewing.show_only_flagged()
    assert reviewing.rows_shown > 0
    assert reviewing.current_change == ""
    assert "hidden by the filters" in reviewing.panel_title and unflagged.id in reviewing.panel_title
    reviewing.press_verdict("1")
    qtbot.wait(20)
    assert session.value(unflagged.id) in (None, ""), "a verdict went to a change nobody sees"
    # choosing a visible change gives the keys back, to that change
    reviewing.select_row(0)
    visible = reviewing.current_change
    assert visible and visible in reviewing.panel_title
    reviewing.press_verdict("1")
    qtbot.waitUntil(lambda: bool(session.value(visible)), timeout=5000)
    assert session.value(unflagged.id) in (None, "")
