"""Undo and redo of verdicts and notes: new writes with versions and history, never a loss."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factcheck_gui.review.opening import NoProgress, ReviewService
from factcheck_gui.review.session import VerdictSession
from factcheck_gui.review.undo import Field, Result, UndoBook, UndoStack
from factcheck_gui.store import ReviewStore

from .conftest import Events, events_of


def _stack(session: VerdictSession) -> UndoStack:
    stack = UndoStack()
    stack.attach(session)
    return stack


def _actions(store: ReviewStore, session: VerdictSession, cid: str) -> list[tuple[str, Any, Any]]:
    return [(h.action, h.old_value, h.new_value) for h in store.history(session.review_id, cid)]


def test_undo_writes_the_verdict_before_as_a_new_step_and_redo_writes_it_again(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    stack = _stack(session)
    cid = session.index.review_changes[0].id
    accurate, misleading = session.scale[0], session.scale[2]
    assert stack.undo_label() == "Undo" and not stack.can_undo
    session.press(cid, accurate)
    session.press(cid, misleading)
    assert stack.undo_label() == f"Undo verdict {cid} → {misleading}"

    out = stack.undo()
    assert out.result is Result.DONE and out.step is not None and out.step.field is Field.VERDICT
    assert session.value(cid) == accurate and session.version(cid) == 3
    assert colleague.verdict(session.review_id, cid).value == accurate  # committed at once
    assert out.message.startswith(f"Undone: verdict {cid} → {misleading}")
    assert stack.undo_label() == f"Undo verdict {cid} → {accurate}"
    assert stack.redo_label() == f"Redo verdict {cid} → {misleading}"

    assert stack.undo().done
    assert session.value(cid) == "" and not stack.can_undo
    assert stack.undo().result is Result.NOTHING
    assert stack.redo().done and stack.redo().done
    assert session.value(cid) == misleading
    # Nothing is lost: every step, undone or redone, is a row of the history.
    assert _actions(colleague, session, cid) == [
        ("set", None, accurate),
        ("changed", accurate, misleading),
        ("changed", misleading, accurate),
        ("cleared", accurate, None),
        ("set", None, accurate),
        ("changed", accurate, misleading),
    ]
    assert colleague.verdict(session.review_id, cid).version == 6


def test_notes_are_undone_one_save_at_a_time(session: VerdictSession, colleague: ReviewStore) -> None:
    stack = _stack(session)
    cid = session.index.review_changes[1].id
    session.set_note(cid, "first thought")
    session.set_note(cid, "second thought")
    assert stack.undo_label() == f"Undo note on {cid}"
    assert stack.undo().done and session.note(cid) == "first thought"
    assert stack.undo().done and session.note(cid) == ""
    assert colleague.verdict(session.review_id, cid).note == ""
    assert [h.new_note for h in colleague.history(session.review_id, cid)] == [
        "first thought",
        "second thought",
        "first thought",
        "",
    ]
    assert stack.redo_label() == f"Redo note on {cid}"
    assert stack.redo().done and session.note(cid) == "first thought"


def test_a_clear_that_writes_nothing_and_news_from_the_store_are_no_steps(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    stack = _stack(session)
    cid = session.index.review_changes[0].id
    session.press(cid, None)  # no verdict to clear
    session.set_note(cid, "   ")  # a blank note is no note: nothing written
    theirs = colleague.set_verdict(
        session.review_id, cid, session.scale[1], reviewer="Bob", expected_version=0
    )
    session.refresh_verdicts({cid: theirs})  # news: Bob's, not the reader's
    assert stack.steps() == [] and stack.undo_label() == "Undo"
    assert stack.undo().result is Result.NOTHING
    assert session.value(cid) == session.scale[1]


def test_a_colleagues_verdict_since_is_never_undone_silently(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    stack = _stack(session)
    cid = session.index.review_changes[0].id
    mine, theirs = session.scale[0], session.scale[3]
    session.press(cid, mine)
    colleague.set_verdict(session.review_id, cid, theirs, reviewer="Bob", expected_version=1)
    rows = len(colleague.history(session.review_id, cid))

    out = stack.undo()
    assert out.result is Result.OVERTAKEN
    assert out.message == (
        f"Not undone: Bob set the verdict on {cid} to “{theirs}” after your change, so theirs "
        "stays. Undo again to replace it (both stay in the history)."
    )
    assert "\n" not in out.message
    assert len(colleague.history(session.review_id, cid)) == rows  # nothing written
    assert colleague.verdict(session.review_id, cid).value == theirs
    assert session.value(cid) == theirs  # the window shows theirs now
    assert stack.undo_label() == f"Undo verdict {cid} → {mine}"  # still the reader's step

    # Told once, the reader may replace theirs: undoing again writes what was before.
    assert stack.undo().done
    assert colleague.verdict(session.review_id, cid).value is None
    assert [a for a, _o, _n in _actions(colleague, session, cid)] == ["set", "changed", "cleared"]


def test_a_colleagues_note_does_not_stop_the_undo_of_a_verdict_and_is_kept(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    stack = _stack(session)
    cid = session.index.review_changes[2].id
    session.press(cid, session.scale[0])
    colleague.set_note(
        session.review_id, cid, "Bob checked the wire copy", reviewer="Bob", expected_version=1
    )
    assert stack.undo().done
    now = colleague.verdict(session.review_id, cid)
    assert now.value is None and now.note == "Bob checked the wire copy"


def test_a_colleagues_note_since_stops_the_undo_of_a_note(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    stack = _stack(session)
    cid = session.index.review_changes[2].id
    session.set_note(cid, "mine")
    colleague.set_note(session.review_id, cid, "theirs", reviewer="Bob", expected_version=1)
    out = stack.undo()
    assert out.result is Result.OVERTAKEN and "Bob changed the note on" in out.message
    assert colleague.verdict(session.review_id, cid).note == "theirs"
    assert session.note(cid) == "theirs"


def test_a_new_step_after_an_undo_drops_the_redo(session: VerdictSession) -> None:
    stack = _stack(session)
    a, b = (c.id for c in session.index.review_changes[:2])
    session.press(a, session.scale[0])
    stack.undo()
    assert stack.can_redo
    session.press(b, session.scale[1])
    assert not stack.can_redo and stack.redo().result is Result.NOTHING
    assert stack.undo_label() == f"Undo verdict {b} → {session.scale[1]}"


def test_a_locked_database_refuses_the_undo_and_keeps_the_step(
    session: VerdictSession, write_locked: Callable[[], Any]
) -> None:
    events = events_of(session)
    stack = _stack(session)
    cid = session.index.review_changes[0].id
    session.press(cid, session.scale[0])
    with write_locked():  # type: ignore[attr-defined]
        out = stack.undo()
    assert out.result is Result.REFUSED and out.message
    assert events.errors[-1] == out.message
    assert session.value(cid) == session.scale[0]
    assert stack.undo().done and session.value(cid) == ""


def test_the_session_still_reports_everything_while_the_stack_listens(session: VerdictSession) -> None:
    events = events_of(session)
    stack = _stack(session)
    cid = session.index.review_changes[0].id
    session.press(cid, session.scale[0])
    assert events.saves[-1] == f"Saved: {cid} → {session.scale[0]}"
    stack.detach()
    assert session.events is events


def test_the_steps_of_a_review_outlive_its_window_session(
    service: ReviewService, session: VerdictSession, colleague: ReviewStore
) -> None:
    book = UndoBook()
    first = book.stack("db", session.review_id)
    first.attach(session)
    cid = session.index.review_changes[0].id
    session.press(cid, session.scale[0])
    # The reader leaves the review and opens it again: a new session, the same stack.
    again = VerdictSession(service, service.load(session.review_id, NoProgress()), "Ann", Events())
    stack = book.stack("db", session.review_id)
    assert stack is first and book.stack("db", session.review_id + 1) is not first
    stack.attach(again)
    assert stack.undo().done
    assert colleague.verdict(session.review_id, cid).value is None
