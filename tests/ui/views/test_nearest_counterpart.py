"""An added or removed claim names its closest counterpart, so a reviewer can link it by hand."""

from __future__ import annotations


def test_a_removed_claim_shows_the_closest_claim_of_the_rewrite(opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    removed = next(
        c for c in win.session.index.review_changes if c.kind.value == "removed" and c.nearest is not None
    )
    win.review.changes.select_change(removed.id)
    shown = win.review.verdict.flags.text()
    cid, sim = removed.nearest
    assert f"Closest in the rewrite: {cid} (similarity {sim:.2f})" in shown
    # the counterpart's own words, so the reviewer need not look it up
    words = win.session.index.comparison.rewrite.claim(cid).text.split()[:4]
    assert " ".join(words) in shown


def test_a_reworded_claim_names_no_counterpart(opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    reworded = next(c for c in win.session.index.review_changes if c.kind.value == "reworded")
    win.review.changes.select_change(reworded.id)
    assert "Closest in" not in win.review.verdict.flags.text()
