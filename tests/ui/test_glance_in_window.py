"""The story at a glance in the review window: the summary strip filters the change list,
follows the reader's verdicts, and F1 lists the window's own shortcuts."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget


def test_the_summary_strip_counts_the_demo_and_filters_the_list(reviewing: Any) -> None:
    d = reviewing
    counts = d.summary
    assert "added" in counts["kind:added"] and "to review" in counts["review:unreviewed"]
    total = d.rows_shown
    d.click_summary("kind:added")
    assert 0 < d.rows_shown < total
    assert d.kinds_shown() == {"+ added"}
    # The list's own filter box says so too, and a second click shows everything again.
    assert d.win.review.changes.kind_filter.currentData() == "added"
    d.click_summary("kind:added")
    assert d.rows_shown == total


def test_the_strip_follows_verdicts_and_shows_only_what_is_left(reviewing: Any) -> None:
    d = reviewing
    before = d.summary["review:reviewed"]
    d.select_row(0)
    d.press_verdict("1")
    assert d.summary["review:reviewed"] != before
    assert d.summary["review:reviewed"].startswith("✓ 1 ")
    d.click_summary("review:unreviewed")
    assert d.rows_shown == int(d.summary["review:unreviewed"].split()[1])
    d.click_summary("review:reviewed")
    assert d.rows_shown == 1


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_f1_shows_the_keyboard_shortcuts_of_the_real_actions(reviewing: Any) -> None:
    sheet = reviewing.open_shortcuts()
    assert sheet is not None and sheet.isVisible()
    tree = sheet.findChild(QTreeWidget)
    rows = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        rows.append((item.text(0), item.text(1)))
        rows.extend((item.child(k).text(0), item.child(k).text(1)) for k in range(item.childCount()))
    described = " ".join(f"{k} {a}" for k, a in rows)
    assert "Next unreviewed change" in described.replace("&", "")
    assert "F1" in described
    sheet.close()


def test_the_fact_ledger_lists_the_demo_s_facts_and_a_click_selects_their_change(
    qtbot: Any, reviewing: Any
) -> None:
    d = reviewing
    panel = d.win.ledger
    assert not panel.dock.isVisible()
    d.win.show()
    panel.action.trigger()  # View → Fact ledger (Ctrl+L)
    qtbot.waitUntil(lambda: bool(panel.view.visible_entries()), timeout=30000)
    entries = panel.view.visible_entries()
    # It opens on what changed: the Yonhap sentence was dropped, so its name is listed.
    dropped = [e for e in entries if e.status.value == "dropped"]
    assert any("Yonhap" in e.text for e in dropped)
    target = next(e for e in entries if e.change and e.change != d.current_change)
    row = panel.view.model.row_of_change(target.change)
    index = panel.view.model.index(row, 0)
    rect = panel.view.table.visualRect(index)
    qtbot.mouseClick(panel.view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert d.current_change == target.change


def test_the_fact_ledger_dock_keeps_its_width_while_the_reader_filters_and_searches(
    qtbot: Any, reviewing: Any
) -> None:
    d = reviewing
    panel = d.win.ledger
    d.win.show()
    panel.action.trigger()
    qtbot.waitUntil(lambda: panel.view.model.ledger() is not None, timeout=30000)
    qtbot.wait(50)
    width = d.win.review.width()  # the panes and the list beside the dock
    for key in ("", "kept", "changed", "not kept"):
        panel.view.set_status_filter(key)
        qtbot.wait(20)
        assert d.win.review.width() == width, key
    for text in ("Yonhap", "no such fact anywhere", ""):
        panel.view.search.setText(text)
        qtbot.wait(20)
        assert d.win.review.width() == width, text
