"""ReviewStore.latest_review_of: the review of exactly these two texts worked on last."""

from __future__ import annotations

from factcheck_gui.engine import Comparison, compare_texts
from factcheck_gui.store import ReviewStore


def test_the_latest_review_of_exactly_these_texts(store: ReviewStore, comparison: Comparison) -> None:
    original, rewrite = comparison.original.sha256, comparison.rewrite.sha256
    assert store.latest_review_of(original, rewrite) is None

    older = store.create_review(comparison, title="first", reviewer="ann")
    newer = store.create_review(comparison, title="second", reviewer="ann")
    swapped = compare_texts(comparison.rewrite.text, comparison.original.text)
    store.create_review(swapped, title="the other way round", reviewer="ann")
    assert store.latest_review_of(original, rewrite) == newer
    assert store.latest_review_of(rewrite, original) not in (older, newer)  # order matters

    cid = next(c.id for c in comparison.changes if c.is_change)
    store.set_verdict(older, cid, "Accurate", reviewer="bob", expected_version=0)
    assert store.latest_review_of(original, rewrite) == older  # worked on last

    other = compare_texts(comparison.original.text, comparison.rewrite.text + " One more sentence.")
    assert store.latest_review_of(original, other.rewrite.sha256) is None
    assert len(store.list_reviews()) == 3  # reading wrote nothing
