"""The change list's row menu: copy a change with its verdict and note (plain text), show it
in the other pane, copy its id."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QGuiApplication

from tests.ui.driver import Driver


def _clipboard() -> tuple[str, bool]:
    mime = QGuiApplication.clipboard().mimeData()
    return mime.text(), mime.hasHtml()


def test_the_row_menu_offers_the_three_commands(reviewing: Driver) -> None:
    menu = reviewing.row_menu("c3")
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Copy change with verdict and note"
    assert texts[1].startswith("Show in the other pane")
    assert texts[2] == "Copy change id"


def test_copy_change_with_verdict_and_note(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    session = reviewing.win.session
    reviewing.select_change("c3")
    reviewing.press_verdict("2")
    reviewing.type_note("Quote checked against the Kremlin transcript")
    reviewing.leave_note()
    qtbot.waitUntil(lambda: bool(session.note("c3")), timeout=5000)
    reviewing.choose(reviewing.row_menu("c3"), "Copy change with verdict and note")
    text, html = _clipboard()
    assert not html  # plain text only
    comparison = session.index.comparison
    change = session.index.change("c3")
    lines = text.splitlines()
    assert lines[0] == "c3 · reworded"
    assert lines[1] == f"Original ({', '.join(change.original)}): " + " ".join(
        comparison.text_of(change, "original").split()
    )
    assert lines[2].startswith(f"Rewrite ({', '.join(change.rewrite)}): “We then reserve")
    assert any(line.startswith("Flag (negation): ") for line in lines)
    assert f"Verdict: {session.scale[1]}" in lines
    assert "Note: Quote checked against the Kremlin transcript" in lines
    assert any(line.startswith("Reviewer: Tester, ") for line in lines)
    assert "c3 copied" in reviewing.status_message


def test_a_change_without_verdict_and_story_markup_stay_plain(driver: Driver, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The <b>mayor</b> opened the bridge on Monday. It rained.", encoding="utf-8")
    b.write_text("The <b>mayor</b> closed the bridge on Tuesday. It rained.", encoding="utf-8")
    driver.open_pair(a, b)
    cid = driver.ids_shown()[0]
    driver.choose(driver.row_menu(cid), "Copy change with verdict and note")
    text, html = _clipboard()
    assert not html and "The <b>mayor</b> opened the bridge on Monday." in text
    assert "Verdict: none yet" in text and "Note: —" in text and "Reviewer: —" in text
    driver.choose(driver.row_menu(cid), "Copy change id")
    assert _clipboard() == (cid, False)


def test_show_in_the_other_pane(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    win = reviewing.win
    reviewing.menu_item("sync_scroll").trigger()  # the panes scroll apart
    reviewing.set_story_font_size(16)
    reviewing.select_change("c10")
    comparison = win.review.comparison
    comparison.last_pane = comparison.left  # (the reader clicked in the original)
    comparison.right.verticalScrollBar().setValue(0)
    assert reviewing.on_screen("c10") == {"original": True, "rewrite": False}
    reviewing.choose(reviewing.row_menu("c10"), "Show in the other pane (the rewrite)")
    assert reviewing.on_screen("c10") == {"original": True, "rewrite": True}
    assert comparison.last_pane is comparison.right and reviewing.current_change == "c10"
    # Now the other pane is the original; a removed change has nothing in the rewrite.
    comparison.left.verticalScrollBar().setValue(0)
    reviewing.choose(reviewing.row_menu("c10"), "Show in the other pane (the original)")
    assert reviewing.on_screen("c10")["original"]
    comparison.last_pane = comparison.left  # (the reader clicked in the original)
    show = next(a for a in reviewing.row_menu("c13").actions() if "other pane" in a.text())
    assert not show.isEnabled() and "not in the rewrite" in show.text()


# (the offscreen platform cannot raise a popup or give it the keyboard)
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_a_right_click_or_the_menu_key_opens_it(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QMenu

    changes = reviewing.win.review.changes
    table, viewport = changes.table, changes.table.viewport()
    reviewing.select_change("c2")

    def menu_shown() -> QMenu:
        menus = [m for m in reviewing.win.findChildren(QMenu, "changeRowMenu") if m.isVisible()]
        assert len(menus) == 1
        return menus[0]

    pos = table.visualRect(changes.proxy.index(reviewing.ids_shown().index("c5"), 3)).center()
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    )
    qtbot.waitUntil(lambda: menu_shown() is not None, timeout=3000)
    reviewing.choose(menu_shown(), "Copy change id")  # the row under the pointer
    assert _clipboard()[0] == "c5"
    menu_shown().close()
    at = QPoint(1, 1)
    QApplication.sendEvent(
        table, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, table.mapToGlobal(at))
    )
    qtbot.waitUntil(lambda: menu_shown() is not None, timeout=3000)
    reviewing.choose(menu_shown(), "Copy change id")  # the Menu key: the current row
    assert _clipboard()[0] == "c2"
    menu_shown().close()


def test_show_in_the_other_pane_from_a_claim(reviewing: Driver) -> None:
    reviewing.menu_item("sync_scroll").trigger()
    reviewing.set_story_font_size(16)
    reviewing.select_change("c1")
    reviewing.win.review.comparison.right.verticalScrollBar().setValue(0)
    menu = reviewing.pane_menu("original", "c10")
    reviewing.choose(menu, "Show c10 in the other pane (the rewrite)")
    assert reviewing.current_change == "c10"
    assert reviewing.on_screen("c10") == {"original": True, "rewrite": True}
    show = next(a for a in reviewing.pane_menu("original", "c13").actions() if "c13" in a.text())
    assert not show.isEnabled() and show.text() == "c13 is not in the rewrite"


def test_the_row_menu_links_a_removed_claim_with_a_chosen_added_one(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    """Not only the closest: the row menu of a removed claim lists the added claims near it,
    likeliest first, and links the one chosen; the linked change's menu takes it apart."""
    win = reviewing.win
    menu = reviewing.row_menu("c7")
    (sub,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    entries = [a.text() for a in sub.actions()]
    assert entries[0].startswith("c14 (r") and "similarity" in entries[0]
    assert any(e.startswith("c16 (") for e in entries)
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        reviewing.choose(sub, "c16 (")
    qtbot.waitUntil(lambda: win.review.verdict.unlink_button.isVisibleTo(win.review.verdict), timeout=5000)
    linked = win.review.current_change_id()
    change = win.session.index.change(linked)
    assert change.by_hand and [p.id for _at, p in change.linked_from] == ["c7", "c16"]
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        reviewing.choose(reviewing.row_menu(linked), "Take this link apart")
    qtbot.waitUntil(lambda: win.session.index.has_change("c16"), timeout=5000)
    assert not win.session.index.has_change(linked)
