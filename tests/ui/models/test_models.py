"""Item models: qtmodeltester on each, and the change list's filters and sorting."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review.docindex import ComparisonIndex
from factcheck_gui.store.records import ReviewSummary
from factcheck_gui.ui.models.change_model import (
    UNREVIEWED,
    ChangeFilterProxy,
    ChangeIdRole,
    ChangeTableModel,
    Column,
)
from factcheck_gui.ui.views.start_page import Col, ReviewListModel


@pytest.fixture(scope="module")
def index(reference_pair: tuple[str, str]) -> ComparisonIndex:
    return ComparisonIndex(compare_texts(*reference_pair))


def ids(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, 0).data(ChangeIdRole) for r in range(model.rowCount())]


def test_change_model_rows_match_the_engine(qtmodeltester, index: ComparisonIndex) -> None:
    model = ChangeTableModel()
    model.set_comparison(index, {"c2": "Accurate"})
    qtmodeltester.check(model)
    expected = [c.id for c in index.comparison.changes if c.is_change]
    assert ids(model) == expected
    for row, change in enumerate(index.review_changes):
        assert (
            model.index(row, Column.KIND).data().endswith(change.kind.value)
            or "moved" in model.index(row, Column.KIND).data()
        )
        flags = model.index(row, Column.FLAGS).data()
        for f in change.flags:
            assert f.type.value.replace("_", " ") in flags
    row = expected.index("c2")
    assert model.index(row, Column.VERDICT).data() == "Accurate"
    assert model.index(row + 1, Column.VERDICT).data() == "unreviewed"
    # texts are single-line (the view elides them)
    assert all("\n" not in (model.index(r, Column.ORIGINAL).data() or "") for r in range(model.rowCount()))


def test_proxy_filters_and_sorts(qtmodeltester, index: ComparisonIndex) -> None:
    model = ChangeTableModel()
    model.set_comparison(index, {})
    proxy = ChangeFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_kind(ChangeKind.REMOVED.value)
    assert ids(proxy) and all(index.change(i).kind is ChangeKind.REMOVED for i in ids(proxy))
    proxy.set_kind("")
    proxy.set_flag("negation")
    assert ids(proxy) == [
        c.id for c in index.review_changes if any(f.type.value == "negation" for f in c.flags)
    ]
    proxy.set_flag("*")
    assert set(ids(proxy)) == {c.id for c in index.review_changes if c.flags}
    proxy.set_flag("")
    model.set_verdict("c1", "Misleading")
    proxy.set_unreviewed_only(True)
    assert "c1" not in ids(proxy) and len(ids(proxy)) == model.rowCount() - 1
    proxy.set_unreviewed_only(False)
    proxy.set_verdict("Misleading")
    assert ids(proxy) == ["c1"]
    proxy.set_verdict(UNREVIEWED)
    assert "c1" not in ids(proxy)
    proxy.set_verdict("")
    proxy.sort(Column.NUMBER, Qt.SortOrder.DescendingOrder)
    assert ids(proxy) == list(reversed([c.id for c in index.review_changes]))
    proxy.sort(Column.VERDICT, Qt.SortOrder.AscendingOrder)
    assert ids(proxy)[0] == "c1"  # reviewed first, unreviewed last
    qtmodeltester.check(proxy)


def test_review_list_model(qtmodeltester) -> None:
    now = datetime(2024, 6, 21, 10, 0, tzinfo=UTC)
    model = ReviewListModel()
    model.set_reviews(
        [
            ReviewSummary(1, "a → b", "open", now, now, ("Ann",), 31, 12),
            ReviewSummary(2, "c → d", "open", now, now.replace(hour=11), (), 4, 4),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "#2  c → d"  # most recently updated first
    assert model.index(1, Col.PROGRESS).data() == "12 of 31 reviewed"
    assert model.index(0, Col.PROGRESS).data() == "4 of 4 reviewed ✓"


@pytest.mark.parametrize("which", ["changes", "proxy", "reviews"])
def test_the_windows_models_stay_valid_while_the_reader_works(
    qtbot, qtmodeltester, opened, which: str
) -> None:  # type: ignore[no-untyped-def]
    """A live model of the window, checked while verdicts, filters, sorting and reloads happen."""
    win = opened
    changes = win.review.changes
    model = {"changes": changes.model, "proxy": changes.proxy, "reviews": win.start.model}[which]
    qtmodeltester.check(model)  # one tester per test: it keeps watching every signal from here on
    table = changes.table
    table.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_2, Qt.Key.Key_J, Qt.Key.Key_0):
        qtbot.keyClick(table, key)
    changes.unreviewed_only.setChecked(True)
    qtbot.keyClick(table, Qt.Key.Key_3)  # the row leaves the filtered view
    changes.kind_filter.setCurrentIndex(changes.kind_filter.findData("reworded"))
    qtbot.mouseClick(
        table.horizontalHeader().viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.horizontalHeader().viewport().rect().center(),
    )
    win.commands["clear_filters"].trigger()
    assert changes.proxy.rowCount() == changes.model.rowCount()
    review_id = win.session.review_id
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        win.nav.show_start_page()  # models reset to empty and the list refilled
    assert changes.model.rowCount() == 0 and win.start.model.rowCount() == 1
    with qtbot.waitSignal(win.reviewShown, timeout=10000):
        win.nav.open_review(review_id)
    assert changes.model.rowCount() == len(win.session.index.review_changes)
    qtmodeltester.check(model)


def test_rows_are_selectable_cells_without_children_through_the_proxy(index: ComparisonIndex) -> None:
    model = ChangeTableModel()
    model.set_comparison(index, {})
    proxy = ChangeFilterProxy()
    proxy.setSourceModel(model)
    want = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    for m in (model, proxy):
        assert m.flags(m.index(0, Column.ORIGINAL)) == want
        assert m.flags(m.index(m.rowCount(), 0)) == Qt.ItemFlag.NoItemFlags  # past the last row
        assert m.index(m.rowCount(), 0).data(ChangeIdRole) is None
    assert proxy.index(0, 0).data(ChangeIdRole) == index.review_changes[0].id
    proxy.setSourceModel(ChangeTableModel())  # another (empty) model: nothing of the old rows
    assert proxy.rowCount() == 0 and proxy.index(0, 0).data(ChangeIdRole) is None
