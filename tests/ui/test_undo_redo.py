"""Edit → Undo / Redo of verdicts and notes, through the window as a reader uses it."""

from __future__ import annotations

from tests.ui.driver import Driver


def _history(store, driver: Driver, cid: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(h.action, h.old_value, h.new_value) for h in store.history(driver.review_id, cid)]


def test_ctrl_z_undoes_the_verdict_the_menu_names_and_redo_brings_it_back(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver, db_url: str, store_for
) -> None:
    store = store_for(db_url)
    session = reviewing.win.session
    cid = session.index.review_changes[2].id
    accurate = session.scale[0]
    reviewing.select_change(cid)
    assert reviewing.undo_text == "Undo" and not reviewing.win.commands["undo"].isEnabled()
    reviewing.press_verdict("1")
    assert reviewing.undo_text == f"Undo verdict {cid} → {accurate}"

    reviewing.undo()
    assert reviewing.verdict == "" and reviewing.chosen_button is None
    assert store.verdict(reviewing.review_id, cid).value is None  # committed at once
    assert reviewing.redo_text == f"Redo verdict {cid} → {accurate}"
    assert "cleared" in reviewing.history  # the panel's history shows the undo as a step
    assert f"Undone: verdict {cid} → {accurate}" in reviewing.status_message
    assert reviewing.progress.startswith("0 of")

    reviewing.redo()
    assert reviewing.verdict == accurate and reviewing.chosen_button == 1
    reviewing.undo()
    reviewing.redo(with_y=True)  # Ctrl+Y redoes too
    assert reviewing.verdict == accurate
    # Nothing is lost by undoing: every step is in the history.
    assert [a for a, _o, _n in _history(store, reviewing, cid)] == ["set", "cleared", "set", "cleared", "set"]


def test_an_undo_goes_to_its_change_and_selects_it(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    session = reviewing.win.session
    first, other = session.index.review_changes[0].id, session.index.review_changes[3].id
    reviewing.select_change(first)
    reviewing.press_verdict("2")
    reviewing.select_change(other)
    reviewing.undo()
    assert session.value(first) == "" and reviewing.current_change == first
    assert first in reviewing.panel_title


def test_an_undo_of_a_change_the_filters_hide_applies_to_it_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver
) -> None:
    session = reviewing.win.session
    unflagged = next(c.id for c in session.index.review_changes if not c.flags)
    reviewing.select_change(unflagged)
    reviewing.press_verdict("1")
    reviewing.show_only_flagged()  # hides it: nothing is selected now
    assert reviewing.current_change == ""
    assert reviewing.undo_text == f"Undo verdict {unflagged} → {session.scale[0]}"
    reviewing.undo()
    assert session.value(unflagged) == ""
    assert f"{unflagged} is hidden by the filters" in reviewing.message
    assert reviewing.current_change == "", "the undo moved the selection to a change nobody chose"
    assert all(not session.value(c.id) for c in session.index.review_changes)  # only that one changed


def test_undo_while_typing_a_note_undoes_the_text_not_a_verdict(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver, db_url: str, store_for
) -> None:
    store = store_for(db_url)
    cid = reviewing.current_change
    reviewing.press_verdict("3")
    reviewing.type_note("check the date")
    assert reviewing.undo_text == "Undo typing"
    reviewing.undo()  # Ctrl+Z in the note field
    assert reviewing.note_text == ""
    assert reviewing.verdict == reviewing.win.session.scale[2]  # the verdict stays
    reviewing.redo(with_y=True)
    assert reviewing.note_text == "check the date"
    assert reviewing.verdict == reviewing.win.session.scale[2]

    reviewing.escape_note()  # the note is saved; back in the list, Ctrl+Z undoes steps again
    assert store.verdict(reviewing.review_id, cid).note == "check the date"
    assert reviewing.undo_text == f"Undo note on {cid}"
    reviewing.undo()
    assert store.verdict(reviewing.review_id, cid).note == ""
    assert reviewing.note_text == ""
    assert reviewing.verdict == reviewing.win.session.scale[2]
    reviewing.undo()
    assert reviewing.verdict == ""


def test_an_undo_never_overwrites_a_colleagues_verdict_unseen(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver, db_url: str, store_for
) -> None:
    colleague = store_for(db_url)
    cid = reviewing.current_change
    session = reviewing.win.session
    reviewing.press_verdict("1")
    theirs = session.scale[3]
    colleague.set_verdict(reviewing.review_id, cid, theirs, reviewer="Bob", expected_version=1)
    reviewing.undo()
    assert reviewing.message.startswith(f"Not undone: Bob set the verdict on {cid} to “{theirs}”")
    assert "\n" not in reviewing.message
    assert colleague.verdict(reviewing.review_id, cid).value == theirs  # theirs stays
    assert reviewing.verdict == theirs and reviewing.chosen_button == 4  # and is shown
    reviewing.undo()  # told, the reader may replace it: both stay in the history
    assert colleague.verdict(reviewing.review_id, cid).value is None
    assert [a for a, _o, _n in _history(colleague, reviewing, cid)] == ["set", "changed", "cleared"]


def test_the_steps_are_per_review(qtbot, reviewing: Driver, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first_review = reviewing.review_id
    cid = reviewing.current_change
    reviewing.press_verdict("1")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council approved 40 new homes on Monday.\n", encoding="utf-8")
    b.write_text("The council approved 400 new homes on Tuesday.\n", encoding="utf-8")
    reviewing.open_pair(a, b)
    assert reviewing.undo_text == "Undo"  # the other review's steps are not this one's
    reviewing.open_review(first_review)
    assert reviewing.undo_text == f"Undo verdict {cid} → {reviewing.win.session.scale[0]}"
    reviewing.undo()
    assert reviewing.win.session.value(cid) == ""
