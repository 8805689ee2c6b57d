"""After a verdict, go to the next unreviewed change: a setting (on unless switched off), in
the Settings dialog and the Review menu. The verdict is committed at once; a typed note is
never lost on the way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox

from factcheck_gui.ui.shell.settings import Settings
from tests.ui.driver import Driver


def _advance_on(reviewing: Driver) -> None:
    item = reviewing.menu_item("advance_after_verdict")
    assert item.isCheckable() and not item.isChecked()  # (the tests' settings start it off)
    item.trigger()
    assert item.isChecked()


def test_on_by_default(qtbot, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    fresh = Settings(QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))
    assert fresh.advance_after_verdict is True
    win = MainWindow(fresh, db_url)
    qtbot.addWidget(win)
    assert win.commands["advance_after_verdict"].isChecked()
    assert win.review.advance_after_verdict
    win.close()


def test_a_verdict_key_commits_then_selects_the_next_unreviewed_change(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver, db_url: str, store_for
) -> None:
    _advance_on(reviewing)
    store = store_for(db_url)
    reviewing.select_change("c3")
    reviewing.press_verdict("2")
    assert reviewing.current_change == "c4"
    assert store.verdict(reviewing.review_id, "c3").value == reviewing.win.session.scale[1]  # committed
    reviewing.select_change("c2")
    reviewing.press_verdict("1")
    assert reviewing.current_change == "c4"  # c3 has its verdict: passed over
    assert store.verdict(reviewing.review_id, "c2").value == reviewing.win.session.scale[0]
    assert "c4" in reviewing.panel_title
    reviewing.press_verdict("0")  # clearing is no verdict: it stays
    assert reviewing.current_change == "c4"


def test_it_goes_only_to_a_change_the_list_shows(reviewing: Driver) -> None:
    _advance_on(reviewing)
    reviewing.show_only_flagged()
    reviewing.select_change("c1")
    reviewing.press_verdict("1")
    assert reviewing.current_change == "c3"  # c2 has no flag: hidden, skipped
    for _ in range(4):
        reviewing.press_verdict("1")
    assert reviewing.current_change == "c16"  # the last one: every change shown has a verdict
    assert "Every change shown has a verdict" in reviewing.status_message


def test_a_typed_note_is_saved_with_the_verdict_and_is_there_on_return(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    _advance_on(reviewing)
    store = store_for(db_url)
    reviewing.select_change("c2")
    reviewing.type_note("Checked with the AP wire")  # not saved yet (typing)
    reviewing.menu_item("verdict_1").trigger()  # Review → Verdict → 1 while the note is open
    assert reviewing.current_change == "c3"
    record = store.verdict(reviewing.review_id, "c2")
    assert record.note == "Checked with the AP wire" and record.value
    reviewing.select_change("c2")
    assert reviewing.note_text == "Checked with the AP wire"


def test_a_note_the_store_did_not_take_keeps_the_reader_on_its_change(  # type: ignore[no-untyped-def]
    reviewing: Driver, db_url: str, store_for
) -> None:
    _advance_on(reviewing)
    colleague = store_for(db_url)
    reviewing.select_change("c2")
    reviewing.type_note("Mine")
    colleague.set_note(reviewing.review_id, "c2", "Theirs", reviewer="Colleague", expected_version=0)
    reviewing.menu_item("verdict_1").trigger()
    assert reviewing.current_change == "c2"  # not moved on: the choice is the reader's
    assert reviewing.note_text == "Mine" and reviewing.conflict_shown


def test_switched_off_in_the_menu_or_the_dialog(qtbot, reviewing: Driver, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    _advance_on(reviewing)
    assert settings.advance_after_verdict is True  # kept for the next start
    reviewing.menu_item("advance_after_verdict").trigger()
    assert settings.advance_after_verdict is False
    reviewing.select_change("c2")
    reviewing.press_verdict("1")
    assert reviewing.current_change == "c2"
    # The Settings dialog shows it, and switches it back on.
    with qtbot.waitSignal(reviewing.win.dialogOpened) as opened:
        reviewing.menu_item("settings").trigger()
    dialog = opened.args[0]
    box = dialog.findChild(QCheckBox, "advanceAfterVerdict")
    assert not box.isChecked()
    box.setChecked(True)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert settings.advance_after_verdict is True
    assert reviewing.menu_item("advance_after_verdict").isChecked()
    reviewing.press_verdict("2")
    assert reviewing.current_change == "c3"
