"""The verdict session: versions, conflicts, and what the reader is told."""

from __future__ import annotations

from factcheck_gui.review.session import Press, VerdictSession
from factcheck_gui.store import ReviewStore

from .conftest import events_of


def test_a_verdict_is_committed_at_once_with_its_version(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    cid = session.index.review_changes[0].id
    value = session.scale[0]
    assert session.press(cid, value) is Press.SAVED
    assert session.version(cid) == 1 and session.value(cid) == value
    assert colleague.load_review(session.review_id).verdicts[cid].value == value
    assert events_of(session).saves == [f"Saved: {cid} → {value}"]
    assert session.reviewed_count() == 1
    assert session.left_to_review() == len(session.index.review_changes) - 1


def test_clearing_a_change_without_a_verdict_writes_nothing(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    cid = session.index.review_changes[0].id
    assert session.press(cid, None) is Press.NOTHING_TO_CLEAR
    assert colleague.history(session.review_id, cid) == []
    value = session.scale[2]
    session.toggle(cid, value)
    assert session.toggle(cid, value) is Press.SAVED  # the chosen verdict again clears it
    assert session.value(cid) == ""


def test_a_colleagues_verdict_is_shown_then_replaced_on_a_second_press(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    cid = session.index.review_changes[0].id
    theirs, mine = session.scale[0], session.scale[1]
    colleague.set_verdict(session.review_id, cid, theirs, reviewer="Bob", expected_version=0)
    assert session.press(cid, mine) is Press.REFUSED
    assert session.value(cid) == theirs  # the panel shows theirs
    assert events_of(session).errors[-1].startswith(f"Bob set the verdict on {cid} to “{theirs}”")
    assert session.last_error == events_of(session).errors[-1]
    assert session.press(cid, mine) is Press.SAVED
    assert session.last_error == ""
    assert colleague.load_review(session.review_id).verdicts[cid].value == mine


def test_verdicts_read_later_replace_only_older_ones(session: VerdictSession, colleague: ReviewStore) -> None:
    cid = session.index.review_changes[0].id
    session.press(cid, session.scale[0])
    older = session.record(cid)
    newer = colleague.set_verdict(
        session.review_id, cid, session.scale[1], reviewer="Bob", expected_version=1
    )
    session.refresh_verdicts({cid: newer})
    assert session.value(cid) == session.scale[1]
    assert older is not None
    session.refresh_verdicts({cid: older})
    assert session.value(cid) == session.scale[1]


def test_a_note_with_characters_no_database_keeps_is_told_once(session: VerdictSession) -> None:
    first, second = (c.id for c in session.index.review_changes[:2])
    assert session.set_note(first, "ok \udcff")
    assert session.note(first) == "ok \ufffd"
    assert session.set_note(second, "again \udcff")
    told = [n for n in events_of(session).notices if "could not be stored" in n]
    assert len(told) == 1 and first in told[0]
