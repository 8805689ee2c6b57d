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


def _on_screen(pane, qpos: int) -> bool:  # type: ignore[no-untyped-def]
    top = pane.position_rect(qpos).top()
    return 0 <= top < pane.viewport().height()


def test_the_closest_claim_is_shown_and_marked_in_the_other_pane(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    win = opened
    win.resize(1100, 600)
    review = win.review
    changes = win.session.index.review_changes
    added = [c for c in changes if c.kind.value == "added" and c.nearest is not None]
    removed = [c for c in changes if c.kind.value == "removed" and c.nearest is not None]
    assert added and removed
    for change, pane in ((added[-1], review.comparison.left), (removed[0], review.comparison.right)):
        review.changes.select_change(change.id)
        button = review.verdict.nearest_button
        assert button.isVisibleTo(review.verdict)
        cid = change.nearest[0]
        assert cid in button.text()
        start, end = win.session.index.sides[pane.side].span(cid)
        bar = pane.verticalScrollBar()
        for value in (bar.maximum(), bar.minimum()):  # scrolled away from the claim first
            bar.setValue(value)
            if not _on_screen(pane, start):
                break
        assert not _on_screen(pane, start)
        marks_before = len(pane.extraSelections())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert _on_screen(pane, start)  # brought into view
        marked = pane.extraSelections()[marks_before:]
        assert [(m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in marked] == [(start, end)]
        assert review.current_change_id() == change.id  # the reader stays on the change
        assert review.verdict.change_id == change.id
    # the mark goes with the next selection
    review.changes.select_change(added[-1].id)
    assert len(review.comparison.left.extraSelections()) == 0


def test_a_reworded_change_offers_no_closest_claim(opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    reworded = next(c for c in win.session.index.review_changes if c.kind.value == "reworded")
    win.review.changes.select_change(reworded.id)
    assert not win.review.verdict.nearest_button.isVisibleTo(win.review.verdict)


def test_the_panel_says_what_would_differ_were_the_two_one_claim(opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    # c7 of the demo: "Putin threatened … that Russia might supply arms" is left removed; its
    # closest rewrite claim says Russia "may consider supplying"
    win.review.changes.select_change("c7")
    assert "If one claim with r1: modality changed: might → may consider" in win.review.verdict.flags.text()
