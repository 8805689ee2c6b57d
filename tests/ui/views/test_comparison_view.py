"""The reference pair in the side-by-side view: highlights, curtain, clicks and scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.types import ChangeKind, DiffOpKind
from factcheck_gui.lexer import fact_spans
from factcheck_gui.review.docindex import ComparisonIndex, Side
from factcheck_gui.ui.shell.theme import kind_tint
from factcheck_gui.ui.views.comparison_view import ComparisonView
from factcheck_gui.ui.views.pane import StoryPane


@pytest.fixture
def view(qtbot, reference_pair):  # type: ignore[no-untyped-def]
    comparison = compare_texts(*reference_pair, original_name="original.txt", rewrite_name="rewrite.txt")
    v = ComparisonView()
    qtbot.addWidget(v)
    v.resize(1100, 500)
    v.set_index(ComparisonIndex(comparison))
    v.show()
    qtbot.waitExposed(v)
    return v


def fmt_at(pane: StoryPane, pos: int) -> QTextCharFormat:
    """The highlighter's format of the character at ``pos`` (a QTextLayout format range)."""
    block = pane.document().findBlock(pos)
    rel = pos - block.position()
    ranges = block.layout().formats()
    for r in ranges:
        if r.start <= rel < r.start + r.length:
            return QTextCharFormat(r.format)
    return QTextCharFormat()


def test_claims_are_tinted_by_kind(view: ComparisonView) -> None:
    idx = view.index
    assert idx is not None
    for side, pane in ((Side.ORIGINAL, view.left), (Side.REWRITE, view.right)):
        for claim in idx.sides[side].doc.claims:
            change = idx.claim_change[claim.id]
            middle = (claim.start + claim.end) // 2
            bg = fmt_at(pane, middle).background().color()
            if change.is_change:
                assert bg == kind_tint(change.kind, pane.palette()), (claim.id, change.kind)
            else:
                assert fmt_at(pane, middle).background().style() == Qt.BrushStyle.NoBrush


def test_word_diffs_struck_left_and_underlined_right(view: ComparisonView) -> None:
    idx = view.index
    assert idx is not None
    checked = 0
    for change in idx.review_changes:
        for op in change.diff:
            if op.trivial:
                continue
            if op.op in (DiffOpKind.DELETE, DiffOpKind.REPLACE) and op.original:
                assert fmt_at(view.left, op.original[0]).fontStrikeOut(), (change.id, op)
                checked += 1
            if op.op in (DiffOpKind.INSERT, DiffOpKind.REPLACE) and op.rewrite:
                assert (
                    fmt_at(view.right, op.rewrite[0]).underlineStyle()
                    != QTextCharFormat.UnderlineStyle.NoUnderline
                )
                checked += 1
            if op.op is DiffOpKind.EQUAL and op.original:
                assert not fmt_at(view.left, op.original[0]).fontStrikeOut()
    assert checked > 20


def test_fact_tokens_come_from_the_story_lexer(view: ComparisonView) -> None:
    text = view.index.comparison.rewrite.text  # type: ignore[union-attr]
    spans = fact_spans(text)
    numbers = [s for s in spans if s[2] in ("number", "date", "name")]
    assert numbers
    for s, _e, _k in numbers:
        assert fmt_at(view.right, s).fontWeight() == QFont.Weight.Bold
    quotes = [s for s in spans if s[2] == "quote"]
    for s, _e, _k in quotes:
        assert fmt_at(view.right, s).fontItalic()


def test_curtain_links_counterparts_and_moved_band_crosses(view: ComparisonView) -> None:
    idx = view.index
    assert idx is not None
    moved = next(c for c in idx.review_changes if c.kind is ChangeKind.MOVED)
    view.show_change(moved.id)
    bands = [b for b in view.curtain.bands() if b[1] == moved.id]
    assert len(bands) == len(moved.original) * len(moved.rewrite)
    # The moved claim is level in both panes once selected (scroll sync keeps them aligned).
    lt = view.left.claim_rect(moved.original[0])[0]
    rt = view.right.claim_rect(moved.rewrite[0])[0]
    assert abs(lt - rt) <= view.left.line_step() or view.left.verticalScrollBar().value() == 0
    # The band leaves the left edge at the original claim and meets the right edge at the rewrite.
    path = bands[0][0]
    top_left = path.elementAt(0)
    assert top_left.x == 0 and abs(top_left.y - view.curtain._y(view.left, lt)) < 1
    # Every visible change to review with both sides has a band.
    visible = {c.id for c in view.curtain.visible_changes()}
    assert visible <= {cid for _p, cid in view.curtain.bands()}


def test_clicking_a_claim_selects_its_change(qtbot, view: ComparisonView) -> None:
    idx = view.index
    assert idx is not None
    change = next(c for c in idx.review_changes if c.kind is ChangeKind.REWORDED)
    view.show_change(change.id)
    s, e = idx.sides[Side.REWRITE].span(change.rewrite[0])
    rect = view.right.position_rect((s + e) // 2)
    with qtbot.waitSignal(view.changeActivated) as sig:
        qtbot.mouseClick(view.right.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [change.id]


def test_selected_change_is_level_in_both_panes(view: ComparisonView) -> None:
    idx = view.index
    assert idx is not None
    for change in idx.review_changes:
        if change.original and change.rewrite:
            view.show_change(change.id)
            lt = view.left.claim_rect(change.original[0])[0]
            rt = view.right.claim_rect(change.rewrite[0])[0]
            at_edge = any(
                sb.value() in (sb.minimum(), sb.maximum())
                for sb in (view.left.verticalScrollBar(), view.right.verticalScrollBar())
            )
            assert at_edge or abs(lt - rt) <= view.left.line_step(), change.id


def test_scrolling_one_pane_brings_the_other_along(qtbot, view: ComparisonView) -> None:
    view.resize(1100, 260)  # small enough that both stories scroll
    qtbot.wait(0)
    sb_left, sb_right = view.left.verticalScrollBar(), view.right.verticalScrollBar()
    assert sb_left.maximum() > 0 and sb_right.maximum() > 0
    sb_left.setValue(sb_left.maximum())
    assert sb_right.value() == sb_right.maximum()
    sb_left.setValue(0)
    assert sb_right.value() == 0
    sb_left.setValue(sb_left.maximum() // 2)
    assert 0 < sb_right.value() < sb_right.maximum()


def test_find_in_the_focused_pane(qtbot, view: ComparisonView) -> None:
    view.right.setFocus()
    view.find_bar.open_bar()
    view.find_bar.edit.setText("nuclear doctrine")
    assert view.find_bar.find_text()
    assert view.right.textCursor().selectedText() == "nuclear doctrine"
    view.find_bar.edit.setText("no such words anywhere")
    assert not view.find_bar.find_text()
    assert view.find_bar.status.text() == "no match"
