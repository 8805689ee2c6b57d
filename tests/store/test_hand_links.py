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
    # on the new change and on each of the two it replaced
    assert [(h.change_id, h.action, h.reviewer) for h in review.history] == [
        (linked.id, "linked", "Bo"),
        ("c2", "linked", "Bo"),
        ("c3", "linked", "Bo"),
    ]
    event = review.history[0]
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
    assert [h.action for h in store.history(review_id, linked.id)] == ["linked", "unlinked"]
    # verdicts go to the two again, and a new link never reuses the old one's id
    store.set_verdict(review_id, "c2", "Accurate", reviewer="Ana", note="", expected_version=None)
    store.set_verdict(review_id, "c2", None, reviewer="Ana", note="", expected_version=1)
    again = store.link_changes(review_id, "c3", "c2", reviewer="Ana")
    assert again.id != linked.id


def test_a_linked_review_reopens_in_a_fresh_store(store_url: str, review_id: int, store: ReviewStore) -> None:
    linked = store.link_changes(review_id, "c2", "c3", reviewer="Ana")
    with ReviewStore.open(store_url) as other:
        assert other.load_review(review_id).comparison.change(linked.id).by_hand


def _positions(store: ReviewStore, review_id: int) -> list[str]:
    """The change ids in the order the store's rows keep them (the verdict lists' order)."""
    from sqlalchemy import select

    from factcheck_gui.store.models import ChangeRow

    with store._session(write=False) as s:
        return list(
            s.scalars(
                select(ChangeRow.change_id)
                .where(ChangeRow.review_id == review_id)
                .order_by(ChangeRow.position)
            )
        )


@pytest.mark.parametrize("undo_order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_links_undone_in_any_order_keep_the_rows_in_reading_order(
    store: ReviewStore, undo_order: tuple[int, int, int]
) -> None:
    from tests.conftest import SAMPLES

    demo = compare_texts(
        (SAMPLES / "original.txt").read_text(encoding="utf-8"),
        (SAMPLES / "rewrite.txt").read_text(encoding="utf-8"),
    )
    rid = store.create_review(demo, title="Demo", reviewer="Ana")
    made = [
        store.link_changes(rid, first, second, reviewer="Ana").id
        for first, second in [("c7", "c16"), ("c13", "c14"), ("c11", "c15")]
    ]
    assert _positions(store, rid) == [c.id for c in store.load_review(rid).comparison.changes]
    for k in undo_order:
        store.unlink_change(rid, made[k], reviewer="Bo")
        assert _positions(store, rid) == [c.id for c in store.load_review(rid).comparison.changes]
    assert store.load_review(rid).comparison == demo


def test_a_part_shows_its_link_in_its_own_history(store: ReviewStore, review_id: int) -> None:
    store.set_verdict(review_id, "c2", "Accurate", reviewer="Ana", note="", expected_version=None)
    store.set_verdict(review_id, "c2", None, reviewer="Ana", note="", expected_version=1)
    linked = store.link_changes(review_id, "c2", "c3", reviewer="Bo")
    store.unlink_change(review_id, linked.id, reviewer="Cy")
    assert [h.action for h in store.history(review_id, "c2")] == ["set", "cleared", "linked", "unlinked"]
    assert [(h.action, h.reviewer) for h in store.history(review_id, "c3")] == [
        ("linked", "Bo"),
        ("unlinked", "Cy"),
    ]
    assert [h.action for h in store.history(review_id, linked.id)] == ["linked", "unlinked"]


def test_a_first_verdict_during_a_colleagues_link_finds_the_change_gone(
    store_url: str, store: ReviewStore, review_id: int
) -> None:
    """The link holds the review until it commits; the verdict written meanwhile from another
    workstation waits, then is refused in one line (no foreign-key error), and nothing is lost."""
    import threading

    from factcheck_gui.store import handlinks

    outcome: list[BaseException | object] = []
    with ReviewStore.open(store_url) as other:
        with store._session(write=True) as s:
            handlinks.link(s, review_id, "c2", "c3", reviewer="Bo")
            writer = threading.Thread(
                target=lambda: outcome.append(_try_verdict(other, review_id, "c3")), daemon=True
            )
            writer.start()
            writer.join(0.5)
            assert writer.is_alive()  # waiting for the link to commit
        writer.join(10)
    (result,) = outcome
    assert isinstance(result, StoreError) and "has no change 'c3'" in str(result)
    assert [c.id for c in store.load_review(review_id).comparison.changes] == ["c1", "c5", "c4"]


def _try_verdict(store: ReviewStore, review_id: int, change_id: str) -> BaseException | object:
    try:
        return store.set_verdict(
            review_id, change_id, "Accurate", reviewer="Ana", note="", expected_version=None
        )
    except Exception as exc:  # the test looks at what came back
        return exc


@pytest.mark.postgres
def test_a_review_is_read_as_of_one_moment_on_postgresql(store: ReviewStore) -> None:
    """Its comparison, verdicts and history come from one snapshot, never half before and half
    after a colleague's link (SQLite's read transaction is one snapshot by itself)."""
    from sqlalchemy import text

    if store.url.startswith("sqlite"):
        pytest.skip("PostgreSQL only")
    with store._session(write=False, snapshot=True) as s:
        assert s.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"


def test_a_review_read_with_the_comparison_on_screen_gets_a_colleagues_link(
    store_url: str, store: ReviewStore, review_id: int
) -> None:
    """The window passes the comparison it shows (not decoded again); after a colleague's link
    the report must still hold the linked change and its verdict, not the two it replaced."""
    on_screen = store.load_review(review_id).comparison
    with ReviewStore.open(store_url) as other:
        linked = other.link_changes(review_id, "c2", "c3", reviewer="Bo")
        other.set_verdict(
            review_id, linked.id, "Misleading", reviewer="Bo", note="45, not 40", expected_version=None
        )
    review = store.load_review(review_id, comparison=on_screen)
    assert [c.id for c in review.comparison.changes] == ["c1", linked.id, "c4"]
    assert review.verdicts[linked.id].note == "45, not 40"
    same = store.load_review(review_id, comparison=review.comparison)
    assert same.comparison is review.comparison  # unchanged: not decoded again
