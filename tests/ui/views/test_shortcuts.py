"""The shortcut sheet: built from the real actions, so what it lists is what the keys do."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from factcheck_gui.ui.shell.actions import build_actions
from factcheck_gui.ui.views.shortcuts import ShortcutSheet, actions_by_menu, describe, keys_of


def _window(qtbot):  # type: ignore[no-untyped-def]
    win = QMainWindow()
    qtbot.addWidget(win)

    class Slots(dict):  # every action name answers with a callable that does nothing
        def __missing__(self, key: str):  # type: ignore[no-untyped-def]
            return lambda *a: None

    slots = Slots()
    acts = build_actions(win, slots, [("csv", "CSV")], lambda fmt: None)
    return win, acts


def test_sheet_lists_the_window_actions_by_menu(qtbot) -> None:  # type: ignore[no-untyped-def]
    win, acts = _window(qtbot)
    acts.set_scale(("accurate", "misleading", "false"))
    sheet = ShortcutSheet(actions_by_menu(win.menuBar()), win)
    qtbot.addWidget(sheet)
    rows = sheet.rows()
    assert ("Review", "Alt+Down or J", "Next change") in rows
    assert ("Review", "N", "Next unreviewed change") in rows
    assert ("Review", "1", "accurate") in rows and ("Review", "3", "false") in rows
    assert not any(r[1] == "4" for r in rows)  # a verdict the scale has not: hidden, not listed
    assert ("File", QKeySequence("Ctrl+Q").toString(QKeySequence.SequenceFormat.NativeText), "Quit") in rows
    assert all(r[1] for r in rows)  # actions without keys are left out
    assert not any("&" in r[2] or r[2].endswith("…") for r in rows)


# (the offscreen platform has no window stack to raise the sheet in)
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_sheet_follows_a_renamed_or_rebound_action(qtbot) -> None:  # type: ignore[no-untyped-def]
    win, acts = _window(qtbot)
    sheet = ShortcutSheet(actions_by_menu(win.menuBar()), win)
    qtbot.addWidget(sheet)
    acts["next_change"].setShortcuts([QKeySequence("F8")])
    acts.set_scale(("true", "false"))
    sheet.show_sheet()
    qtbot.waitExposed(sheet)
    assert ("F8", "Next change") in sheet.visible_rows()
    assert ("1", "true") in sheet.visible_rows()
    assert not sheet.isModal()
    assert win.isEnabled()  # the window stays usable beside it


def test_filter_and_pairs(qtbot) -> None:  # type: ignore[no-untyped-def]
    act = QAction("&Find in story…")
    act.setShortcut(QKeySequence("Ctrl+F"))
    sheet = ShortcutSheet({"Edit": [act], "Lists": [("Up / Down", "Previous / next row"), ("", "no keys")]})
    qtbot.addWidget(sheet)
    sheet.show()
    assert describe(act) == "Find in story" and keys_of(act) == QKeySequence("Ctrl+F").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert len(sheet.visible_rows()) == 2
    qtbot.keyClicks(sheet.filter, "row")
    assert sheet.visible_rows() == [("Up / Down", "Previous / next row")]
    assert sheet.empty.isHidden()
    sheet.filter.setText("nothing like it")
    assert sheet.visible_rows() == [] and sheet.empty.isVisible()


def test_story_like_text_stays_plain(qtbot) -> None:  # type: ignore[no-untyped-def]
    sheet = ShortcutSheet([("Ctrl+<", "<b>not bold</b>")])
    qtbot.addWidget(sheet)
    assert sheet.visible_rows() == [("Ctrl+<", "<b>not bold</b>")]
