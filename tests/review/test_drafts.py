"""The note drafts as a state machine: saved, unsaved, overtaken by a colleague, kept, replaced."""

from __future__ import annotations

from factcheck_gui.review.drafts import DraftState, NoteDrafts, Saved
from factcheck_gui.review.session import Press, VerdictSession
from factcheck_gui.store import ReviewStore

from .conftest import events_of


def first_two(session: VerdictSession) -> tuple[str, str]:
    changes = session.index.review_changes
    return changes[0].id, changes[1].id


def test_a_typed_note_is_saved_and_leaves_no_draft(session: VerdictSession, colleague: ReviewStore) -> None:
    drafts = NoteDrafts(session)
    cid, _ = first_two(session)
    assert drafts.show(cid) == ""
    assert drafts.save("source says 300") is Saved.SAVED
    assert colleague.load_review(session.review_id).verdicts[cid].note == "source says 300"
    assert drafts.state(cid) is None and drafts.pending() == []
    assert drafts.save("source says 300") is Saved.SETTLED  # nothing written twice
    assert drafts.save("   ") is Saved.SAVED  # blank is no note: it clears the one there
    assert colleague.load_review(session.review_id).verdicts[cid].note == ""


def test_a_note_the_store_refuses_stays_a_draft_and_is_retried_on_leaving(
    session: VerdictSession, colleague: ReviewStore, write_locked
) -> None:  # type: ignore[no-untyped-def]
    drafts = NoteDrafts(session)
    cid, other = first_two(session)
    drafts.show(cid)
    with write_locked():
        assert drafts.save("ministry figure is 12") is Saved.UNSAVED
    assert drafts.state(cid) is DraftState.UNSAVED
    assert events_of(session).errors  # the reader is told why
    drafts.show(other)
    assert drafts.show(cid) == "ministry figure is 12"  # back on its change: still there
    drafts.show(other)
    assert drafts.retry() == []  # the lock is gone: saved while leaving
    assert colleague.load_review(session.review_id).verdicts[cid].note == "ministry figure is 12"


def test_a_colleagues_note_is_never_saved_over_unseen_then_kept(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    drafts = NoteDrafts(session)
    cid, _ = first_two(session)
    drafts.show(cid)
    colleague.set_note(session.review_id, cid, "theirs: checked", reviewer="Bob", expected_version=0)
    assert drafts.save("mine") is Saved.OVERTAKEN
    assert drafts.state(cid) is DraftState.OVERTAKEN
    assert colleague.load_review(session.review_id).verdicts[cid].note == "theirs: checked"
    assert "Bob changed the note on" in events_of(session).errors[-1]
    assert drafts.save("mine, edited") is Saved.OVERTAKEN  # still not over theirs until chosen
    assert drafts.keep_theirs() == "theirs: checked"
    assert drafts.state(cid) is None
    assert colleague.load_review(session.review_id).verdicts[cid].note == "theirs: checked"


def test_replace_theirs_saves_the_readers_note_over_the_colleagues(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    drafts = NoteDrafts(session)
    cid, _ = first_two(session)
    drafts.show(cid)
    colleague.set_note(session.review_id, cid, "theirs", reviewer="Bob", expected_version=0)
    assert drafts.save("mine") is Saved.OVERTAKEN
    assert drafts.replace_theirs("mine") is Saved.SAVED
    assert drafts.state(cid) is None
    history = colleague.history(session.review_id, cid)
    assert colleague.load_review(session.review_id).verdicts[cid].note == "mine"
    assert len([h for h in history if h.action == "note"]) == 2  # both stay in the history


def test_a_colleagues_verdict_beside_the_note_holds_the_next_press_once(
    session: VerdictSession, colleague: ReviewStore
) -> None:
    drafts = NoteDrafts(session)
    cid, _ = first_two(session)
    drafts.show(cid)
    value, mine = session.scale[0], session.scale[1]
    colleague.set_verdict(session.review_id, cid, value, reviewer="Bob", expected_version=0)
    assert drafts.save("my note") is Saved.SAVED  # their verdict left the note alone
    stored = colleague.load_review(session.review_id).verdicts[cid]
    assert (stored.value, stored.note) == (value, "my note")
    assert "Bob set the verdict" in events_of(session).notices[-1]
    assert session.press(cid, mine) is Press.HELD  # theirs is not replaced unseen
    assert colleague.load_review(session.review_id).verdicts[cid].value == value
    assert session.press(cid, mine) is Press.SAVED
    assert colleague.load_review(session.review_id).verdicts[cid].value == mine


def test_a_retried_draft_overtaken_meanwhile_waits_for_the_reader(
    session: VerdictSession, colleague: ReviewStore, write_locked
) -> None:  # type: ignore[no-untyped-def]
    drafts = NoteDrafts(session)
    cid, other = first_two(session)
    drafts.show(cid)
    with write_locked():
        assert drafts.save("mine") is Saved.UNSAVED
    colleague.set_note(session.review_id, cid, "theirs", reviewer="Bob", expected_version=0)
    drafts.show(other)
    assert drafts.retry() == [cid]
    assert drafts.state(cid) is DraftState.OVERTAKEN
    assert colleague.load_review(session.review_id).verdicts[cid].note == "theirs"


def test_leaving_without_a_draft_lets_it_go_but_not_text_typed_after(
    session: VerdictSession, write_locked
) -> None:  # type: ignore[no-untyped-def]
    drafts = NoteDrafts(session)
    cid, _ = first_two(session)
    drafts.show(cid)
    with write_locked():
        drafts.save("mine")
        assert drafts.discard([cid], "mine") == ""  # the field shows the stored note again
        assert drafts.pending() == []
        drafts.save("typed again")
        assert drafts.discard([cid], "typed again, and more") is None  # not what was asked about
    assert drafts.pending() == []


def test_a_note_arriving_replaces_only_an_untouched_field(session: VerdictSession) -> None:
    drafts = NoteDrafts(session)
    cid, _ = first_two(session)
    drafts.show(cid)
    rec = session.service.store().set_note(
        session.review_id, cid, "from the store", reviewer="Bob", expected_version=0
    )
    session.refresh_verdicts({cid: rec})
    assert drafts.arrived("") == (True, "from the store")
    assert drafts.origin == "from the store"
    rec = session.service.store().set_note(
        session.review_id, cid, "again", reviewer="Bob", expected_version=rec.version
    )
    session.refresh_verdicts({cid: rec})
    assert drafts.arrived("being typed") == (True, None)  # the reader's text stays
