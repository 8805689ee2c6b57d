"""Review → Next / Previous flagged change (F, Shift+F) and Next unreviewed flagged change (U):
among the changes the list shows, so a verdict key then goes to a change the reader sees."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from tests.ui.driver import Driver

FLAGGED = ["c1", "c3", "c5", "c10", "c16"]  # the demo's flagged changes, in the list's order


def test_f_and_shift_f_step_through_the_flagged_changes(reviewing: Driver) -> None:
    index = reviewing.win.session.index
    assert [c.id for c in index.review_changes if c.flags] == FLAGGED
    reviewing.select_change("c2")
    seen = []
    for _ in FLAGGED:
        reviewing.key("F")
        seen.append(reviewing.current_change)
    assert seen == ["c3", "c5", "c10", "c16", "c1"]  # on past the last one, round to the first
    assert "first flagged change" in reviewing.status_message
    reviewing.key("Shift+F")
    assert reviewing.current_change == "c16"
    reviewing.key("Shift+F")
    assert reviewing.current_change == "c10" and "c10" in reviewing.panel_title


def test_only_the_changes_the_list_shows(reviewing: Driver) -> None:
    changes = reviewing.win.review.changes
    changes.kind_filter.setCurrentIndex(changes.kind_filter.findData("reworded"))
    assert set(reviewing.ids_shown()) >= {"c3", "c10"} and "c1" not in reviewing.ids_shown()
    reviewing.select_change("c3")
    reviewing.key("F")
    assert reviewing.current_change == "c10"
    reviewing.key("F")
    assert reviewing.current_change == "c3"  # c16 (added) and c1 (split) are hidden: never there


def test_after_a_filter_hid_the_change_f_selects_a_visible_one_and_the_keys_rate_it(
    qtbot,  # type: ignore[no-untyped-def]
    reviewing: Driver,
) -> None:
    session = reviewing.win.session
    reviewing.select_change("c2")
    reviewing.show_only_flagged()
    assert reviewing.current_change == "" and "hidden by the filters" in reviewing.panel_title
    reviewing.key("F")
    assert reviewing.current_change == "c1" and "c1" in reviewing.panel_title
    reviewing.press_verdict("1")
    qtbot.waitUntil(lambda: bool(session.value("c1")), timeout=5000)
    assert not session.value("c2")


def test_u_skips_the_flagged_changes_with_a_verdict(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    session = reviewing.win.session
    reviewing.select_change("c3")
    reviewing.press_verdict("2")
    qtbot.waitUntil(lambda: bool(session.value("c3")), timeout=5000)
    reviewing.select_change("c1")
    reviewing.key("U")
    assert reviewing.current_change == "c5"
    for cid in ("c5", "c10", "c16", "c1"):
        reviewing.select_change(cid)
        reviewing.press_verdict("1")
        qtbot.waitUntil(lambda cid=cid: bool(session.value(cid)), timeout=5000)
    reviewing.key("U")
    assert reviewing.current_change == "c1"  # nothing left: it stays, and says so
    assert reviewing.status_message == "No unreviewed flagged change left."


def test_says_when_the_filters_hide_every_flagged_change(reviewing: Driver) -> None:
    changes = reviewing.win.review.changes
    changes.kind_filter.setCurrentIndex(changes.kind_filter.findData("removed"))
    reviewing.select_row(0)
    before = reviewing.current_change
    reviewing.key("F")
    assert reviewing.current_change == before
    assert "No flagged change is shown; 5 are hidden by the filters" in reviewing.status_message


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_keys_are_in_the_review_menu_and_the_shortcut_sheet(reviewing: Driver) -> None:
    sheet = reviewing.open_shortcuts()
    rows = sheet.rows()
    for keys, what in (
        ("F", "Next flagged change"),
        ("Shift+F", "Previous flagged change"),
        ("U", "Next unreviewed flagged change"),
    ):
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        assert ("Review", native, what) in rows
    # no key does two things
    keys = [k.toString() for a in reviewing.win.actions() for k in a.shortcuts() if not k.isEmpty()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
