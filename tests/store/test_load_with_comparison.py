"""A caller that has the review's comparison decoded already (the window printing the review on
screen) loads the rest of the review without decoding it again, and gets the same review."""

from __future__ import annotations

from factcheck_gui.engine import Comparison
from factcheck_gui.store import ReviewStore


def test_the_same_review_without_decoding_the_comparison_again(
    store: ReviewStore, comparison: Comparison
) -> None:
    rid = store.create_review(comparison, title="Pair", reviewer="ana")
    first = next(c.id for c in comparison.changes if c.is_change)
    store.set_verdict(rid, first, "Accurate", reviewer="ana", note="Checked.", expected_version=None)
    stored = store.load_review(rid)
    given = store.load_review(rid, comparison=stored.comparison)
    assert given.comparison is stored.comparison  # not decoded a second time
    assert given == stored
    assert given.verdicts[first].note == "Checked."
