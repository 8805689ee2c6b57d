"""Verdicts given under a filter or a sort by verdict, and N when the filters hide the rest."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factcheck_gui.ui.models.change_model import Column


def _ids(change_list) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = change_list.proxy
    return [proxy.index(r, Column.NUMBER).data() for r in range(proxy.rowCount())]


def test_verdict_then_j_under_unreviewed_only_skips_nothing(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    changes = win.review.changes
    changes.unreviewed_only.setChecked(True)
    changes.select_row(0)
    order = _ids(changes)
    seen = []
    for _ in range(4):  # the reviewer's rhythm: a verdict, then J
        seen.append(win.review.current_change_id())
        win.commands["verdict_1"].trigger()
        # The verdict is on screen for the change just decided: it has not vanished.
        assert win.review.current_change_id() == seen[-1]
        assert changes.model.verdict(seen[-1]) == win.session.scale[0]
        win.commands["next_change"].trigger()
    assert seen == order[:4]  # every change in turn, none skipped
    assert win.review.current_change_id() == order[4]
    # Once the reader moved on, the reviewed rows left the "Unreviewed only" list.
    assert not set(seen) & set(_ids(changes))


def test_verdict_then_j_when_sorted_by_verdict_goes_to_the_row_that_was_next(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    changes = win.review.changes
    changes.table.sortByColumn(Column.VERDICT, Qt.SortOrder.AscendingOrder)
    changes.select_row(3)
    order = _ids(changes)
    first = win.review.current_change_id()
    win.commands["verdict_1"].trigger()
    assert _ids(changes) == order  # the row did not jump away under the reader
    win.commands["next_change"].trigger()
    assert win.review.current_change_id() == order[4]
    # Now it is sorted among the decided ones, and J from here still goes on in order.
    assert _ids(changes).index(first) < _ids(changes).index(order[4])


def test_n_says_when_the_filters_hide_the_changes_left(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    changes = win.review.changes
    changes.kind_filter.setCurrentIndex(changes.kind_filter.findData("removed"))
    shown = _ids(changes)
    assert 0 < len(shown) < changes.model.rowCount()
    for row in range(len(shown)):
        changes.select_row(row)
        win.commands["verdict_1"].trigger()
    messages: list[str] = []
    win.statusBar().messageChanged.connect(messages.append)
    win.commands["next_unreviewed"].trigger()
    left = changes.model.rowCount() - len(shown)
    assert messages and "Every change has a verdict" not in messages[-1]
    assert f"{left} more" in messages[-1] and "filters" in messages[-1]

    changes.clear_filters()
    win.commands["next_unreviewed"].trigger()
    assert win.review.current_change_id() not in shown
