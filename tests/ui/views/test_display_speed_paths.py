"""The paths that keep a long comparison cheap to show: highlighting only what is on screen, the
fact tokens lexed in slices between events, and the change list filtered without a Qt call
per row.

The long-story paths are exercised with a few hundred paragraphs by lowering the thresholds
that switch them on (a 20,000-claim pair is what ``benchmarks/bench_ui.py`` measures).
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review import docindex
from factcheck_gui.review.docindex import (
    ComparisonIndex,
    Run,
    RunList,
    Side,
    StylePlan,
    one_line,
    utf16_mapper,
)
from factcheck_gui.ui.models.change_model import ChangeIdRole
from factcheck_gui.ui.shell.theme import kind_tint
from factcheck_gui.ui.views import pane
from factcheck_gui.ui.views.change_list import ChangeList
from factcheck_gui.ui.views.comparison_view import ComparisonView
from factcheck_gui.ui.views.pane import StoryPane

PARAGRAPHS = 240


_WORDS = (
    "harbour council budget school river bridge hospital market station library tunnel "
    "festival museum airport stadium factory garden orchestra clinic railway"
).split()
_TOWNS = "Northfield Eastbury Westmoor Southport Kingsbridge Ashford Redcliff Milbrook".split()


def _story(n: int, *, rewrite: bool) -> str:
    rng = random.Random(11)
    paras = []
    for i in range(n):
        a, b, c = rng.sample(_WORDS, 3)
        town = rng.choice(_TOWNS)
        count = i * 3 + (1 if rewrite and i % 4 == 0 else 0)  # every fourth paragraph: a number changed
        first = f"On {i % 28 + 1} March {2000 + i % 20}, Minister Alice Brown of {town} said {count} {a} workers came."
        second = f"The {b} of {town} approved {i + 7} new {c} plans after a long debate."
        if rewrite and i % 9 == 0:
            second = f"Officials said the {b} perhaps approved {i + 7} {c} plans, though not all."
        if rewrite and i % 13 == 5:
            continue  # a paragraph removed
        paras.append(f"{first} {second}")
        if rewrite and i % 17 == 3:
            paras.append(
                f"A new {rng.choice(_WORDS)} opened in {rng.choice(_TOWNS)} on Friday to some surprise."
            )
    return "\n".join(paras)


@pytest.fixture(scope="module")
def long_comparison():  # type: ignore[no-untyped-def]
    return compare_texts(_story(PARAGRAPHS, rewrite=False), _story(PARAGRAPHS, rewrite=True))


@pytest.fixture
def lazy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The long-story paths from a few hundred paragraphs on."""
    monkeypatch.setattr(pane, "FORMAT_ALL_UP_TO", 50)
    monkeypatch.setattr(docindex, "EAGER_FACTS_CHARS", 1000)


def _fmt_at(p: StoryPane, pos: int) -> QTextCharFormat:
    block = p.document().findBlock(pos)
    rel = pos - block.position()
    for r in block.layout().formats():
        if r.start <= rel < r.start + r.length:
            return QTextCharFormat(r.format)
    return QTextCharFormat()


def shown_view(qtbot, index: ComparisonIndex, width: int = 1000, height: int = 500) -> ComparisonView:  # type: ignore[no-untyped-def]
    """A comparison view on screen, showing ``index``."""
    v = ComparisonView()
    qtbot.addWidget(v)
    v.resize(width, height)
    v.show()
    qtbot.waitExposed(v)
    v.set_index(index)
    return v


def _visible_blocks(p: StoryPane) -> list[QTextBlock]:
    out = []
    block = p.firstVisibleBlock()
    offset = QPointF(p.contentOffset())
    while (
        block.isValid() and p.blockBoundingGeometry(block).translated(offset).top() <= p.viewport().height()
    ):
        out.append(block)
        block = block.next()
    return out


def _shown_view(qtbot, comparison) -> ComparisonView:  # type: ignore[no-untyped-def]
    v = ComparisonView()
    qtbot.addWidget(v)
    v.resize(1000, 420)
    v.show()
    qtbot.waitExposed(v)
    v.set_index(ComparisonIndex(comparison))
    qtbot.wait(20)
    return v


def _tinted_claims_ok(v: ComparisonView, p: StoryPane, blocks: list[QTextBlock]) -> int:
    """Assert every claim of ``blocks`` carries its change's tint; how many changed claims."""
    idx = v.index
    assert idx is not None
    side = idx.sides[p.side]
    checked = 0
    for block in blocks:
        for i in side.claims_between(block.position(), block.position() + block.length() - 1):
            claim = side.doc.claims[i]
            if not (block.position() <= claim.start < block.position() + block.length()):
                continue
            change = idx.claim_change[claim.id]
            bg = _fmt_at(p, (claim.start + claim.end) // 2).background()
            if change.is_change:
                assert bg.color() == kind_tint(change.kind, p.palette()), (claim.id, change.kind)
                checked += 1
            else:
                assert bg.style() == Qt.BrushStyle.NoBrush, claim.id
    return checked


def test_a_long_story_is_highlighted_where_it_is_shown_and_not_beyond(qtbot, lazy, long_comparison) -> None:  # type: ignore[no-untyped-def]
    v = _shown_view(qtbot, long_comparison)
    left = v.left
    shown = _visible_blocks(left)
    assert shown and all(left.highlighter.is_formatted(b) for b in shown)
    # Highlighting follows what is on screen, not the length of the story.
    assert left.highlighter.formatted_count() <= 2 * len(shown) + 4 < left.document().blockCount() // 4
    last = left.document().lastBlock()
    assert not left.highlighter.is_formatted(last) and not last.layout().formats()
    assert _tinted_claims_ok(v, left, shown) > 0


def test_scrolling_reveals_highlighted_text(qtbot, lazy, long_comparison) -> None:  # type: ignore[no-untyped-def]
    v = _shown_view(qtbot, long_comparison)
    right = v.right
    sb = right.verticalScrollBar()
    checked = 0
    for frac in (0.5, 1.0, 0.25):
        sb.setValue(round(sb.maximum() * frac))
        qtbot.wait(10)
        shown = _visible_blocks(right)
        assert shown[0].blockNumber() > 0
        assert all(right.highlighter.is_formatted(b) for b in shown)
        checked += _tinted_claims_ok(v, right, shown)
    assert checked > 0
    # The inserted words of the rewrite are underlined where the reader scrolled to.
    assert right.highlighter.formatted_count() < right.document().blockCount()


def test_the_fact_tokens_of_a_long_story_arrive_while_it_is_shown(qtbot, lazy, long_comparison) -> None:  # type: ignore[no-untyped-def]
    v = _shown_view(qtbot, long_comparison)
    idx = v.index
    assert idx is not None
    side = idx.sides[Side.ORIGINAL]
    text = side.doc.text
    year = text.index("2000")
    # Shown before its fact tokens are known: the claim tints are there already.
    qtbot.waitUntil(lambda: not side.facts_pending, timeout=10000)
    qtbot.waitUntil(lambda: _fmt_at(v.left, year).fontWeight() == QFont.Weight.Bold, timeout=5000)
    assert "fact:date" in _fmt_at(v.left, year).stringProperty(QTextCharFormat.Property.UserProperty)
    # … and where the reader scrolls next.
    sb = v.left.verticalScrollBar()
    sb.setValue(sb.maximum())
    qtbot.wait(10)
    block = _visible_blocks(v.left)[-1]
    minister = block.position() + block.text().index("Minister")
    assert _fmt_at(v.left, minister).fontWeight() == QFont.Weight.Bold  # a name


def test_a_new_story_stops_the_lexing_of_the_last(qtbot, lazy, long_comparison, reference_pair) -> None:  # type: ignore[no-untyped-def]
    v = ComparisonView()
    qtbot.addWidget(v)
    v.resize(1000, 420)
    v.show()
    qtbot.waitExposed(v)
    v.set_index(ComparisonIndex(long_comparison))
    long_side = v.left.side_index
    assert long_side is not None and long_side.facts_pending  # lexed between events, none yet
    small = ComparisonIndex(compare_texts(*reference_pair))
    v.set_index(small)  # before the long story's facts are lexed
    qtbot.wait(300)
    assert long_side.facts_pending  # nobody lexes a story no longer shown
    assert v.left.document().toPlainText() == small.comparison.original.text
    assert v.left.highlighter.index is small.sides[Side.ORIGINAL]


def test_the_plan_keeps_every_key_of_overlapping_runs() -> None:
    rng = random.Random(7)
    for _ in range(50):
        lists = []
        for key in ("reworded", "deleted", "fact:number", "flag"):
            runs = []
            for _ in range(rng.randrange(0, 12)):
                a = rng.randrange(0, 200)
                runs.append(Run(a, a + rng.randrange(0, 30), key))
            lists.append(RunList(runs))
        plan = StylePlan.build(lists)
        for pos in range(0, 240):
            want = frozenset(r.key for rl in lists for r in rl if r.start <= pos < r.end)
            assert plan.keys_at(pos) == want, pos
        # Stretches do not overlap, and segments() clips them to the range asked for.
        assert all(e <= s for e, s in zip(plan.ends, plan.starts[1:], strict=False))
        for a, b, sid in plan.segments(50, 90):
            assert 50 <= a < b <= 90 and plan.styles[sid] == plan.keys_at(a)


def test_runs_between_two_positions_are_every_run_that_meets_them() -> None:
    rng = random.Random(5)
    runs = RunList(
        [Run(a, a + rng.randrange(0, 40), "k") for a in (rng.randrange(0, 500) for _ in range(300))]
    )
    for _ in range(200):
        lo = rng.randrange(0, 560)
        hi = lo + rng.randrange(0, 60)
        want = [r for r in runs if r.start < hi and r.end > lo]
        assert list(runs.between(lo, hi)) == want, (lo, hi)


def test_the_lists_single_line_texts_are_the_claims_collapsed(long_comparison) -> None:  # type: ignore[no-untyped-def]
    idx = ComparisonIndex(long_comparison, facts=False)
    for change, (orig, rew) in zip(idx.review_changes, idx.row_texts, strict=True):
        assert orig == one_line(long_comparison.text_of(change, "original"))
        assert rew == one_line(long_comparison.text_of(change, "rewrite"))


def test_positions_past_astral_characters_are_qt_positions() -> None:
    text = "a😀b😀c"
    q = utf16_mapper(text)
    assert [q(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert utf16_mapper("plain")(3) == 3


def _ids(changes: ChangeList) -> list[str]:
    proxy = changes.proxy
    return [proxy.index(r, 0).data(ChangeIdRole) for r in range(proxy.rowCount())]


def test_filters_show_the_right_rows_and_keep_the_current_change(qtbot, long_comparison) -> None:  # type: ignore[no-untyped-def]
    idx = ComparisonIndex(long_comparison, facts=False)
    changes = ChangeList()
    qtbot.addWidget(changes)
    changes.resize(900, 400)
    changes.show()
    changes.set_comparison(idx, {}, ("Accurate", "Misleading"))
    every = [c.id for c in idx.review_changes]
    assert _ids(changes) == every
    reworded = [c.id for c in idx.review_changes if c.kind is ChangeKind.REWORDED]
    assert reworded and len(reworded) < len(every)
    flagged = [c.id for c in idx.review_changes if c.kind is ChangeKind.REWORDED and c.flags]
    assert flagged
    current = flagged[len(flagged) // 2]
    assert changes.select_change(current)
    changes.kind_filter.setCurrentIndex(changes.kind_filter.findData("reworded"))
    assert _ids(changes) == reworded
    assert changes.current_change_id() == current
    assert changes.count_label.text() == f"{len(reworded)} of {len(every)} shown"
    changes.flag_filter.setCurrentIndex(changes.flag_filter.findData("*"))
    assert _ids(changes) == flagged
    assert changes.current_change_id() == current
    changes.kind_filter.setCurrentIndex(0)
    changes.flag_filter.setCurrentIndex(0)
    assert _ids(changes) == every
    assert changes.current_change_id() == current  # back to all: still the change chosen
    selected = changes.table.selectionModel().selectedRows()
    assert [i.data(ChangeIdRole) for i in selected] == [current]
    # A filter that hides the chosen change leaves nothing current (no verdict goes astray).
    hidden: list[str] = []
    changes.currentHidden.connect(hidden.append)
    changes.kind_filter.setCurrentIndex(changes.kind_filter.findData("removed"))
    assert current not in _ids(changes)
    assert hidden == [current] and changes.current_change_id() == ""


def test_a_verdict_under_unreviewed_only_leaves_the_list_once_the_reader_moves_on(
    qtbot, long_comparison
) -> None:  # type: ignore[no-untyped-def]
    idx = ComparisonIndex(long_comparison, facts=False)
    changes = ChangeList()
    qtbot.addWidget(changes)
    changes.show()
    changes.set_comparison(idx, {}, ("Accurate", "Misleading"))
    changes.unreviewed_only.setChecked(True)
    changes.select_row(3)
    first = changes.current_change_id()
    nxt = _ids(changes)[4]
    changes.set_verdict(first, "Accurate")
    assert first in _ids(changes)  # pinned while the reader is on it
    assert changes.step(1) and changes.current_change_id() == nxt
    assert first not in _ids(changes)
    assert changes.current_change_id() == nxt
    changes.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # by verdict: unreviewed last
    changes.unreviewed_only.setChecked(False)
    assert _ids(changes)[0] == first


def test_a_pane_prepared_in_a_worker_is_shown_highlighted_and_searchable(qtbot, reference_pair) -> None:  # type: ignore[no-untyped-def]
    import threading

    from factcheck_gui.ui.views.pane import prepare_documents

    idx = ComparisonIndex(compare_texts(*reference_pair))
    worker = threading.Thread(target=prepare_documents, args=(idx,))
    worker.start()
    worker.join()
    prepared = idx.prepared[Side.ORIGINAL]
    # The worker makes the map's marks, never a document: moving a worker's QTextDocument to
    # the window's thread deadlocked a CI run (the pane fills its own).
    assert not [v for v in vars(prepared).values() if isinstance(v, QObject)]
    v = shown_view(qtbot, idx, 1000, 500)
    assert not idx.prepared  # taken, once
    assert v.left.toPlainText() == idx.comparison.original.text
    assert v.left.isReadOnly() and v.left.document().documentMargin() == 8
    change = next(c for c in idx.review_changes if c.original)
    s, e = idx.sides[Side.ORIGINAL].span(change.original[0])
    assert _fmt_at(v.left, (s + e) // 2).background().color() == kind_tint(change.kind, v.left.palette())
    v.find_bar.edit.setText(idx.comparison.original.claims[-1].text[:20])
    v.last_pane = v.left
    assert v.find_bar.find_text()
    # The next review fills the same pane again (no prepared document this time).
    v.set_index(ComparisonIndex(compare_texts(*reversed(reference_pair))))
    assert v.left.toPlainText() == reference_pair[1]


def test_a_one_paragraph_story_is_laid_out_on_the_window_thread_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A plain-text layout lays a one-paragraph document out at once, shaping it with the fonts;
    a worker doing that beside the window is the pattern that deadlocked printing, and a worker's
    document handed over with moveToThread deadlocked a CI run. The workers make no document
    (panes and inline column plan only); the window's thread fills and lays them out."""
    import threading

    from factcheck_gui.ui.views.inline_view import InlineFill, InlinePlanned, InlineView, prepare_inline
    from factcheck_gui.ui.views.pane import prepare_documents

    original = " ".join(f"Officials in Northfield counted {i} boats on the river today" for i in range(300))
    rewrite = original.replace("counted 7 boats", "counted 9 boats")
    assert "\n" not in original  # one paragraph: one block
    idx = ComparisonIndex(compare_texts(original, rewrite))
    planned: list = []
    worker = threading.Thread(target=lambda: (prepare_documents(idx), planned.append(prepare_inline(idx))))
    worker.start()
    worker.join()
    assert not [v for v in vars(idx.prepared[Side.ORIGINAL]).values() if isinstance(v, QObject)]
    assert isinstance(planned[0], InlinePlanned)
    assert not [v for v in vars(planned[0]).values() if isinstance(v, QObject)]  # no Qt object
    v = shown_view(qtbot, idx, 900, 500)
    doc = v.left.document()
    assert doc.blockCount() == 1
    assert doc.firstBlock().layout().lineCount() > 10  # wrapped at the pane's width, on this thread
    assert doc.defaultFont() == v.left.font()
    inline = InlineView()
    qtbot.addWidget(inline)
    inline.resize(700, 400)
    inline.show()
    inline.set_index(idx)
    fill = InlineFill(planned[0], inline.palette())
    assert fill.doc.thread() is inline.thread()
    steps = fill.steps(per_step=8)
    built = None
    while built is None:  # step by step, as the window fills it
        try:
            next(steps)
        except StopIteration as stop:
            built = stop.value
    assert fill.doc.firstBlock().layout().lineCount() == 0  # no layout while it is filled
    assert inline.set_built(built)
    assert inline.document() is built.doc
    assert built.doc.firstBlock().layout().lineCount() > 10
    assert "counted 9 boats" in inline.toPlainText()
