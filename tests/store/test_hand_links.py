"""Links made by hand, stored: the review reopens with the linked change (on SQLite and on a
real PostgreSQL server), the history says who linked it, a verdict is never dropped with the
change it was on, and taking a link apart restores the review's changes."""

from __future__ import annotations

import pytest

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.store import ReviewStore, StoreError
from tests.engine.test_nearest_hint import ORIGINAL, REWRITE


@pytest.fixture
def review_id(store: ReviewStore) -> int:
    return store.create_review(compare_texts(ORIGINAL, REWRITE), title="Flood", reviewer="Ana")


def test_a_link_is_stored_with_its_flags_and_its_history(store: ReviewStore, review_id: int) -> None:
    linked = store.link_changes(review_id, "c2", "c3", reviewer="Bo")
    review = store.load_review(review_id)
    assert [c.id for c in review.comparison.changes] == ["c1", linked.id, "c4"]
    stored = review.comparison.change(linked.id)
    assert stored.by_hand and stored.flags[0].message == "number changed: 40 → 45"
    (event,) = review.history
    assert (event.change_id, event.action, event.reviewer) == (linked.id, "linked", "Bo")
    assert "c2 (removed) and c3 (added) linked by hand" in event.new_note
    assert review.summary.total_changes == 1  # the list counts one change to review now
    # a verdict on the linked change is stored like any other
    record = store.set_verdict(
        review_id, linked.id, "Misleading", reviewer="Bo", note="", expected_version=None
    )
    assert record.value == "Misleading"
    # the changes it replaced are gone: a window still showing them is told so
    with pytest.raises(StoreError, match="has no change 'c3'"):
        store.set_verdict(review_id, "c3", "Accurate", reviewer="Ana", note="", expected_version=None)


def test_nothing_decided_is_dropped_with_a_change(store: ReviewStore, review_id: int) -> None:
    store.set_verdict(review_id, "c3", None, reviewer="Ana", note="check the toll", expected_version=None)
    with pytest.raises(StoreError, match="c3 has a verdict or a note"):
        store.link_changes(review_id, "c2", "c3", reviewer="Ana")
    review = store.load_review(review_id)
    assert [c.id for c in review.comparison.changes] == ["c1", "c2", "c3", "c4"]  # nothing half done
    assert review.verdicts["c3"].note == "check the toll"


def test_taking_a_link_apart_restores_the_changes(store: ReviewStore, review_id: int) -> None:
    before = store.load_review(review_id).comparison
    linked = store.link_changes(review_id, "c2", "c3", reviewer="Ana")
    parts = store.unlink_change(review_id, linked.id, reviewer="Ana")
    assert [p.id for p in parts] == ["c2", "c3"]
    review = store.load_review(review_id)
    assert review.comparison == before
    assert [h.action for h in review.history] == ["linked", "unlinked"]
    # verdicts go to the two again, and a new link never reuses the old one's id
    store.set_verdict(review_id, "c2", "Accurate", reviewer="Ana", note="", expected_version=None)
    store.set_verdict(review_id, "c2", None, reviewer="Ana", note="", expected_version=1)
    again = store.link_changes(review_id, "c3", "c2", reviewer="Ana")
    assert again.id != linked.id


def test_a_linked_review_reopens_in_a_fresh_store(store_url: str, review_id: int, store: ReviewStore) -> None:
    linked = store.link_changes(review_id, "c2", "c3", reviewer="Ana")
    with ReviewStore.open(store_url) as other:
        assert other.load_review(review_id).comparison.change(linked.id).by_hand
