"""The store as the UI and CLI use it, on SQLite and on PostgreSQL."""

from __future__ import annotations

import contextlib
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from factcheck_gui.engine import Comparison, SourceInfo, compare_texts
from factcheck_gui.store import (
    DEFAULT_SCALE,
    ConflictError,
    ReviewStore,
    StoreError,
    UnknownChangeError,
    UnknownReviewError,
    UnknownVerdictError,
)


def changed(comparison: Comparison) -> list[str]:
    return [c.id for c in comparison.changes if c.is_change]


def test_a_review_reopens_exactly_as_it_was(store: ReviewStore) -> None:
    source = SourceInfo(kind="html", location="https://example.org/story", title="Story", sha256="ab" * 32)
    original = "Putin said Russia might supply weapons. Kim agreed.\n\nThe pact was signed on Wednesday."
    rewrite = "Putin said Russia will supply weapons. Kim agreed.\n\nThe pact was signed on Tuesday."
    cmp = compare_texts(
        original, rewrite, original_name="a.html", rewrite_name="b.txt", original_source=source
    )
    review_id = store.create_review(cmp, title="  Putin   arms  ", reviewer="ann")

    review = store.load_review(review_id)
    assert review.comparison == cmp  # texts, claims, changes, flags, similarities: all equal
    assert review.comparison.original.source == source
    assert review.comparison.original.text == original
    assert review.engine_version == cmp.engine
    assert review.title == "Putin arms"
    assert review.scale == DEFAULT_SCALE
    assert review.summary.status == "open"
    assert review.summary.reviewers == ("ann",)
    assert review.summary.total_changes == len(changed(cmp)) > 0
    assert review.summary.reviewed_changes == 0
    assert review.summary.created_at.tzinfo is not None
    assert review.verdicts == {} and review.history == ()


def test_list_is_newest_first_with_progress(store: ReviewStore, comparison: Comparison) -> None:
    first = store.create_review(comparison, title="first", reviewer="ann")
    second = store.create_review(comparison, title="", reviewer="bob")
    store.set_verdict(first, changed(comparison)[0], "Accurate", reviewer="cat", expected_version=0)

    listed = store.list_reviews()
    assert [s.id for s in listed] == [second, first]
    assert listed[1].reviewed_changes == 1 and listed[1].reviewers == ("ann", "cat")
    assert listed[0].title == "original.txt → rewrite.txt"  # a blank title gets a useful one
    assert listed[0].original_name == "original.txt"


def test_verdict_lifecycle_is_all_in_history(store: ReviewStore, comparison: Comparison) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    cid = changed(comparison)[0]
    v1 = store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
    assert (v1.value, v1.version, v1.note, v1.reviewer) == ("Accurate", 1, "", "ann")
    v2 = store.set_verdict(rid, cid, "Misleading", reviewer="bob", note="numbers differ", expected_version=1)
    v3 = store.set_note(rid, cid, "numbers differ: 3 vs 4", reviewer="bob", expected_version=v2.version)
    assert v3.value == "Misleading" and v3.version == 3
    v4 = store.set_verdict(rid, cid, "Distorted", reviewer="ann", expected_version=3)  # note None keeps it
    assert v4.note == "numbers differ: 3 vs 4"
    v5 = store.set_verdict(rid, cid, None, reviewer="ann", expected_version=4)
    assert v5.value is None and v5.version == 5

    history = store.history(rid, cid)
    assert [(h.action, h.old_value, h.new_value, h.reviewer, h.version) for h in history] == [
        ("set", None, "Accurate", "ann", 1),
        ("changed", "Accurate", "Misleading", "bob", 2),
        ("note", "Misleading", "Misleading", "bob", 3),
        ("changed", "Misleading", "Distorted", "ann", 4),
        ("cleared", "Distorted", None, "ann", 5),
    ]
    assert history[2].old_note == "numbers differ" and history[2].new_note == "numbers differ: 3 vs 4"
    assert all(h.at.tzinfo is not None for h in history)
    assert store.load_review(rid).verdicts[cid] == v5
    assert store.verdict(rid, cid) == v5
    assert store.load_review(rid).summary.reviewed_changes == 0  # cleared is not reviewed


def test_repeating_the_same_verdict_writes_nothing(store: ReviewStore, comparison: Comparison) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    cid = changed(comparison)[0]
    v1 = store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
    assert store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=1) == v1
    assert len(store.history(rid)) == 1


def test_a_stale_write_is_refused_and_both_values_stay_in_history(
    store_url: str, comparison: Comparison
) -> None:
    # Two stores = two app instances, each with its own engine and connections.
    with ReviewStore.open(store_url) as first, ReviewStore.open(store_url) as second:
        rid = first.create_review(comparison, title="t", reviewer="ann")
        cid = changed(comparison)[0]
        first.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
        seen_by_ann = first.verdict(rid, cid)
        seen_by_bob = second.verdict(rid, cid)
        assert seen_by_ann == seen_by_bob and seen_by_ann is not None and seen_by_bob is not None
        second.set_verdict(rid, cid, "Misquote", reviewer="bob", expected_version=seen_by_bob.version)
        with pytest.raises(ConflictError) as err:
            first.set_verdict(rid, cid, "Distorted", reviewer="ann", expected_version=seen_by_ann.version)
        assert err.value.current is not None
        assert (err.value.current.value, err.value.current.reviewer) == ("Misquote", "bob")
        assert "bob" in str(err.value) and "\n" not in str(err.value)
        assert [h.new_value for h in first.history(rid, cid)] == ["Accurate", "Misquote"]
        # Ann decides again knowing Bob's verdict: now it goes through.
        again = first.set_verdict(
            rid, cid, "Distorted", reviewer="ann", expected_version=err.value.current.version
        )
        assert again.version == 3


def test_a_first_verdict_racing_another_first_verdict_conflicts(
    store: ReviewStore, comparison: Comparison
) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    cid = changed(comparison)[0]
    store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
    with pytest.raises(ConflictError):
        store.set_verdict(rid, cid, "Misleading", reviewer="bob", expected_version=None)


def test_bad_input_gets_one_clear_line_and_changes_nothing(
    store: ReviewStore, comparison: Comparison
) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    cid = changed(comparison)[0]
    store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
    cases: list[tuple[type[StoreError], object]] = [
        (
            UnknownVerdictError,
            lambda: store.set_verdict(rid, cid, "Mostly true", reviewer="x", expected_version=1),
        ),
        (
            UnknownReviewError,
            lambda: store.set_verdict(rid + 99, cid, "Accurate", reviewer="x", expected_version=1),
        ),
        (
            UnknownChangeError,
            lambda: store.set_verdict(rid, "c9999", "Accurate", reviewer="x", expected_version=0),
        ),
        (UnknownReviewError, lambda: store.load_review(12345)),
        (UnknownChangeError, lambda: store.history(rid, "nope")),
        (StoreError, lambda: store.set_scale(rid, ["", "  "])),
        (StoreError, lambda: store.set_status(rid, "archived")),
        (StoreError, lambda: store.rename_review(rid, "   ")),
    ]
    messages = []
    for error, call in cases:
        with pytest.raises(error) as err:
            call()  # type: ignore[operator]
        messages.append(str(err.value))
    assert all(m and "\n" not in m and "Traceback" not in m for m in messages)
    assert "Mostly true" in messages[0] and "Accurate" in messages[0]  # says what the scale holds
    review = store.load_review(rid)
    assert review.verdicts[cid].value == "Accurate" and len(review.history) == 1
    assert review.scale == DEFAULT_SCALE and review.summary.status == "open" and review.title == "t"


def test_scale_status_title(store: ReviewStore, comparison: Comparison) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann", scale=["True", "False"])
    cid = changed(comparison)[0]
    with pytest.raises(UnknownVerdictError):
        store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
    store.set_verdict(rid, cid, "False", reviewer="ann", expected_version=0)
    assert store.set_scale(rid, ["True", "False", " Satire "]) == ("True", "False", "Satire")
    store.set_verdict(rid, cid, "Satire", reviewer="ann", expected_version=1)
    store.set_scale(rid, ["True"])  # a value in use may leave the scale; the verdict stays
    store.set_status(rid, "done")
    store.rename_review(rid, "Renamed")
    review = store.load_review(rid)
    assert review.scale == ("True",) and review.verdicts[cid].value == "Satire"
    assert review.summary.status == "done" and review.title == "Renamed"


def test_history_is_append_only_in_the_database_itself(store: ReviewStore, comparison: Comparison) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    store.set_verdict(rid, changed(comparison)[0], "Accurate", reviewer="ann", expected_version=0)
    engine = create_engine(store.url)
    try:
        for statement in ("UPDATE history SET new_value = 'Misleading'", "DELETE FROM history"):
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        engine.dispose()
    assert [h.new_value for h in store.history(rid)] == ["Accurate"]


def test_a_review_file_imports_with_its_verdicts_and_history(
    store: ReviewStore, comparison: Comparison
) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    ids = changed(comparison)
    store.set_verdict(rid, ids[0], "Accurate", reviewer="ann", note="ok", expected_version=0)
    store.set_verdict(rid, ids[0], "Misleading", reviewer="bob", expected_version=1)
    store.set_verdict(rid, ids[1], "Misquote", reviewer="bob", expected_version=0)
    original = store.load_review(rid)

    copy_id = store.add_review(original)
    copy = store.load_review(copy_id)
    assert copy_id != rid
    assert copy.comparison == original.comparison
    assert copy.verdicts == original.verdicts
    assert copy.history == original.history
    assert copy.summary.created_at == original.summary.created_at
    assert copy.summary.reviewers == original.summary.reviewers


def test_one_store_is_safe_to_share_between_threads(store: ReviewStore, comparison: Comparison) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    ids = changed(comparison)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for n in range(5):
                cid = ids[(offset + n * 4) % len(ids)]
                current = store.verdict(rid, cid)
                with contextlib.suppress(ConflictError):  # another thread got there first: fine
                    store.set_verdict(
                        rid,
                        cid,
                        DEFAULT_SCALE[n],
                        reviewer=f"t{offset}",
                        expected_version=current.version if current else 0,
                    )
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    review = store.load_review(rid)
    assert sum(v.version for v in review.verdicts.values()) == len(review.history)


def test_ui_state_round_trip(store: ReviewStore, comparison: Comparison) -> None:
    rid = store.create_review(comparison, title="t", reviewer="ann")
    assert store.get_ui_state(rid) == {}
    store.set_ui_state(rid, {"selected": "c3", "filter": ["reworded"]})
    store.set_ui_state(rid, {"selected": "c4"})
    assert store.get_ui_state(rid) == {"selected": "c4"}
    with pytest.raises(UnknownReviewError):
        store.set_ui_state(rid + 1, {})


def test_times_are_utc(store: ReviewStore, comparison: Comparison) -> None:
    before = datetime.now(UTC)
    rid = store.create_review(comparison, title="t", reviewer="ann")
    record = store.set_verdict(rid, changed(comparison)[0], "Accurate", reviewer="ann", expected_version=0)
    assert record.decided_at.utcoffset() is not None
    assert before <= record.decided_at <= datetime.now(UTC)
