"""The fact ledger view: facts grouped by kind, filtered by status, one click from their change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.ledger import FactKind, FactStatus, Ledger, build_ledger
from factcheck_gui.engine.types import Comparison
from factcheck_gui.ui.views.ledger_view import LedgerModel, LedgerView, ledger_task
from tests.ui.conftest import REFERENCE


@pytest.fixture(scope="module")
def demo() -> tuple[Comparison, Ledger]:
    c = compare_texts(REFERENCE[0].read_text(encoding="utf-8"), REFERENCE[1].read_text(encoding="utf-8"))
    return c, build_ledger(c)


@pytest.fixture
def view(qtbot, demo: tuple[Comparison, Ledger]) -> LedgerView:  # type: ignore[no-untyped-def]
    v = LedgerView()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.set_ledger(demo[1])
    v.set_status_filter("")  # all facts
    v.show()
    qtbot.waitExposed(v)
    return v


def test_model_is_a_sound_table(qtmodeltester, demo: tuple[Comparison, Ledger]) -> None:  # type: ignore[no-untyped-def]
    model = LedgerModel()
    model.set_ledger(demo[1])
    qtmodeltester.check(model, force_py=True)
    model.set_filter(frozenset({FactStatus.NEW}))
    qtmodeltester.check(model, force_py=True)


def test_opens_on_the_facts_that_are_not_kept(qtbot, demo: tuple[Comparison, Ledger]) -> None:  # type: ignore[no-untyped-def]
    v = LedgerView()
    qtbot.addWidget(v)
    v.set_ledger(demo[1])
    assert v.status.currentText() == "Changed, dropped or new"
    shown = v.visible_entries()
    assert shown and all(e.status is not FactStatus.KEPT for e in shown)
    counts = demo[1].status_counts()
    assert v.summary.text() == (
        f"{len(demo[1])} facts: {counts[FactStatus.KEPT]} kept, {counts[FactStatus.CHANGED]} changed, "
        f"{counts[FactStatus.DROPPED]} dropped, {counts[FactStatus.NEW]} new. Showing {len(shown)}."
    )


def test_groups_by_kind_with_counts_in_words(view: LedgerView, demo: tuple[Comparison, Ledger]) -> None:
    titles = view.heading_titles()
    assert [t.split(":")[0] for t in titles] == ["▾ Dates and times", "▾ Names", "▾ Titles", "▾ Quotations"]
    counts = demo[1].counts()
    q = {s: counts[FactKind.QUOTATION, s] for s in FactStatus}
    assert titles[3] == (
        f"▾ Quotations: {sum(q.values())} ({q[FactStatus.KEPT]} kept, {q[FactStatus.CHANGED]} changed, "
        f"{q[FactStatus.DROPPED]} dropped, {q[FactStatus.NEW]} new)"
    )
    # A heading spans the table; a fact row reads its status in words, both wordings and the
    # change that holds it.
    heading = view.model.headings()[3]
    assert view.table.columnSpan(heading, 0) == 5
    rows = [
        [view.model.index(r, c).data() for c in range(5)] for r in range(heading + 1, view.model.rowCount())
    ]
    new = next(r for r in rows if r[0] == "+ new")
    assert new[1] == "—" and new[2].startswith("In particular, explosive nuclear devices") and new[3] == "c16"


def test_a_click_on_a_heading_folds_its_facts(qtbot, view: LedgerView) -> None:  # type: ignore[no-untyped-def]
    names = view.model.headings()[1]
    before = len(view.visible_entries())
    n_names = view.model.headings()[2] - names - 1
    pos = view.table.visualRect(view.model.index(names, 0)).center()
    with qtbot.assertNotEmitted(view.changeRequested, wait=50):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert len(view.visible_entries()) == before - n_names
    assert view.heading_titles()[1].startswith("▸ Names")
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert len(view.visible_entries()) == before


def test_status_filter_and_search(qtbot, view: LedgerView) -> None:  # type: ignore[no-untyped-def]
    view.set_status_filter(FactStatus.DROPPED.value)
    shown = view.visible_entries()
    assert shown and all(e.status is FactStatus.DROPPED for e in shown)
    assert {"Vietnam", "Yonhap", "Wednesday"} <= {e.original for e in shown}
    assert view.status.currentText() == "Dropped"
    assert "showing" in view.heading_titles()[1]  # Names: the kept ones are hidden
    view.set_status_filter("not kept")
    assert all(e.status is not FactStatus.KEPT for e in view.visible_entries())
    qtbot.keyClicks(view.search, "yonhap")
    assert [e.original for e in view.visible_entries()] == ["Yonhap"]
    view.search.setText("no such fact anywhere")
    assert view.visible_entries() == [] and view.placeholder.isVisible()
    assert view.placeholder.text() == "No fact matches the filter."
    view.search.clear()
    view.set_status_filter("")
    assert len(view.visible_entries()) == len(view.model.ledger())  # type: ignore[arg-type]


def test_click_on_a_fact_asks_for_its_change(qtbot, view: LedgerView) -> None:  # type: ignore[no-untyped-def]
    view.search.setText("Vietnam")
    idx = view.model.index(1, 1)  # (row 0: the Names heading)
    assert idx.data() == "Vietnam"
    rect = view.table.visualRect(idx)
    with qtbot.waitSignal(view.changeRequested) as got, qtbot.waitSignal(view.entryRequested) as entry:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == ["c2"]
    assert entry.args[0].original_span is not None
    # Enter on another fact asks for that one's change.
    view.search.setText("Yonhap")
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 0))
    with qtbot.waitSignal(view.changeRequested) as got:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert got.args == ["c11"]


def test_show_change_selects_without_asking(qtbot, view: LedgerView) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(view.changeRequested, wait=50):
        assert view.show_change("c16")
    e = view.model.entry(view.table.currentIndex())
    assert e is not None and "c16" in e.changes
    assert not view.show_change("c999")


def test_states_before_and_while_building(qtbot) -> None:  # type: ignore[no-untyped-def]
    v = LedgerView()
    qtbot.addWidget(v)
    v.show()
    assert v.placeholder.isVisible() and v.placeholder.text() == "No comparison yet."
    v.set_building()
    assert v.placeholder.text() == "Listing the story's facts…" and not v.table.isVisible()
    c = compare_texts("Nothing here at all.", "nothing here at all, really.")
    v.set_ledger(build_ledger(c))
    assert v.placeholder.text() == "The story states no number, date, name, title or quotation."


def test_story_text_shown_as_written(qtbot) -> None:  # type: ignore[no-untyped-def]
    c = compare_texts('He said "<b>stop</b> now" on Monday.', 'He said "<i>go</i> now" on Monday.')
    v = LedgerView()
    qtbot.addWidget(v)
    v.set_ledger(build_ledger(c))
    v.set_status_filter("")
    shown = {e.rewrite for e in v.visible_entries()} | {e.original for e in v.visible_entries()}
    assert "<i>go</i> now" in shown
    row = next(r for r in range(v.model.rowCount()) if "<i>" in (v.model.index(r, 2).data() or ""))
    tip = v.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;" in tip  # escaped: a tooltip that looks like markup stays text


def test_built_in_the_window_worker_pool(qtbot, demo: tuple[Comparison, Ledger]) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.shell.workers import Workers

    workers = Workers()
    v = LedgerView()
    qtbot.addWidget(v)
    v.set_building()
    handle = workers.start("ledger", ledger_task(demo[0]), finished=v.set_ledger)
    with qtbot.waitSignal(handle.signals.finished, timeout=30000):
        pass
    workers.shutdown()
    assert len(v.model.ledger() or ()) == len(demo[1])
    assert v.placeholder.isHidden() and "facts:" in v.summary.text()


def test_its_width_does_not_follow_the_filter_or_the_search(qtbot, demo: tuple[Comparison, Ledger]) -> None:  # type: ignore[no-untyped-def]
    # In its dock the view's width hints are the dock's: had they followed the summary's text,
    # the placeholder's or the search's clear button, the dock would widen and narrow with every
    # filter and every letter typed, and both panes of the review beside it would rewrap.
    v = LedgerView()
    qtbot.addWidget(v)
    v.show()
    hints: set[tuple[int, int]] = set()

    def note() -> None:
        hints.add((v.minimumSizeHint().width(), v.sizeHint().width()))

    note()
    v.set_building()
    note()
    v.set_ledger(demo[1])
    note()
    for key in ("", "kept", "changed", "dropped", "new", "not kept"):
        v.set_status_filter(key)
        note()
    for text in ("m", "mil", "a fact the story never states", ""):
        v.search.setText(text)
        note()
    assert len(hints) == 1, hints
