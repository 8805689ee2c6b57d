"""The fact ledger view: facts grouped by kind, filtered by status, one click from their change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.ledger import FactKind, FactStatus, Ledger, build_ledger
from factcheck_gui.engine.types import Comparison
from factcheck_gui.ui.ledger_view import LedgerModel, LedgerView

from .conftest import REFERENCE


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
    v.show()
    qtbot.waitExposed(v)
    return v


def _group_titles(v: LedgerView) -> list[str]:
    return [v.model.index(g, 0).data() for g in range(v.model.rowCount())]


def test_model_is_a_sound_tree(qtmodeltester, demo: tuple[Comparison, Ledger]) -> None:  # type: ignore[no-untyped-def]
    model = LedgerModel()
    model.set_ledger(demo[1])
    qtmodeltester.check(model, force_py=True)
    model.set_filter(frozenset({FactStatus.NEW}))
    qtmodeltester.check(model, force_py=True)


def test_groups_by_kind_with_counts_in_words(view: LedgerView, demo: tuple[Comparison, Ledger]) -> None:
    titles = _group_titles(view)
    assert [t.split(":")[0] for t in titles] == ["Dates and times", "Names", "Titles", "Quotations"]
    counts = demo[1].counts()
    q = {s: counts[FactKind.QUOTATION, s] for s in FactStatus}
    assert titles[3] == (
        f"Quotations: {sum(q.values())} ({q[FactStatus.KEPT]} kept, {q[FactStatus.CHANGED]} changed, "
        f"{q[FactStatus.DROPPED]} dropped, {q[FactStatus.NEW]} new)"
    )
    assert view.summary.text().startswith(f"{len(demo[1])} facts: ")
    # A fact row reads its status in words, both wordings, and the change that holds it.
    quotes = view.model.index(3, 0)
    rows = [
        [view.model.index(r, c, quotes).data() for c in range(5)] for r in range(view.model.rowCount(quotes))
    ]
    new = next(r for r in rows if r[0] == "+ new")
    assert new[1] == "—" and new[2].startswith("In particular, explosive nuclear devices") and new[3] == "c16"


def test_status_filter_and_search(qtbot, view: LedgerView) -> None:  # type: ignore[no-untyped-def]
    view.set_status_filter(FactStatus.DROPPED.value)
    shown = view.visible_entries()
    assert shown and all(e.status is FactStatus.DROPPED for e in shown)
    assert {"Vietnam", "Yonhap", "Wednesday"} <= {e.original for e in shown}
    assert view.status.currentText() == "Dropped"
    assert "showing" in _group_titles(view)[1]  # Names: some kept ones are hidden
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
    idx = view.model.index(0, 1, view.model.index(0, 0))
    assert idx.data() == "Vietnam"
    rect = view.tree.visualRect(idx)
    with qtbot.waitSignal(view.changeRequested) as got, qtbot.waitSignal(view.entryRequested) as entry:
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == ["c2"]
    assert entry.args[0].original_span is not None
    # Enter on another fact asks for that one's change.
    view.search.setText("Yonhap")
    view.tree.setFocus()
    view.tree.setCurrentIndex(view.model.index(0, 0, view.model.index(0, 0)))
    with qtbot.waitSignal(view.changeRequested) as got:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert got.args == ["c11"]
    # A click on a group heading asks for nothing.
    with qtbot.assertNotEmitted(view.changeRequested, wait=50):
        qtbot.mouseClick(
            view.tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.tree.visualRect(view.model.index(0, 0)).center(),
        )


def test_show_change_selects_without_asking(qtbot, view: LedgerView) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(view.changeRequested, wait=50):
        assert view.show_change("c16")
    e = view.model.entry(view.tree.currentIndex())
    assert e is not None and "c16" in e.changes
    assert not view.show_change("c999")


def test_states_before_and_while_building(qtbot) -> None:  # type: ignore[no-untyped-def]
    v = LedgerView()
    qtbot.addWidget(v)
    v.show()
    assert v.placeholder.isVisible() and v.placeholder.text() == "No comparison yet."
    v.set_building()
    assert v.placeholder.text() == "Listing the story's facts…" and not v.tree.isVisible()
    c = compare_texts("Nothing here at all.", "nothing here at all, really.")
    v.set_ledger(build_ledger(c))
    assert v.placeholder.text() == "The story states no number, date, name, title or quotation."


def test_story_text_shown_as_written(qtbot) -> None:  # type: ignore[no-untyped-def]
    c = compare_texts('He said "<b>stop</b> now" on Monday.', 'He said "<i>go</i> now" on Monday.')
    v = LedgerView()
    qtbot.addWidget(v)
    v.set_ledger(build_ledger(c))
    shown = {e.rewrite for e in v.visible_entries()} | {e.original for e in v.visible_entries()}
    assert "<i>go</i> now" in shown
    tip = v.model.index(0, 2, v.model.index(v.model.rowCount() - 1, 0)).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;" in tip  # escaped: a tooltip that looks like markup stays text
