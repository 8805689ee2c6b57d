"""The View menu: the theme (as the settings offer it) and Hide punctuation-only changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox

from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.theme import Theme, is_dark
from tests.ui.driver import Driver

ORIGINAL = (
    "The mayor opened the new bridge on Monday. It cost 12 million dollars to build. "
    "Residents say the bridge is well-known already. Traffic was light in the morning.\n\n"
    "The council will meet again in May, the mayor said."
)
REWRITE = (
    "The mayor opened the new bridge on Monday! It cost 15 million dollars to build. "
    "Residents say the bridge is well known already. Traffic was heavy in the morning.\n\n"
    "The council will meet again in May; the mayor said."
)


@pytest.fixture
def punctuated(driver: Driver, tmp_path: Path) -> Driver:
    a, b = tmp_path / "original.txt", tmp_path / "rewrite.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    driver.open_pair(a, b)
    return driver


def _ids(d: Driver) -> dict[str, str]:
    """Change id by the first words of its original sentence."""
    index = d.win.session.index
    return {index.comparison.text_of(c, "original")[:12]: c.id for c in index.review_changes}


def test_view_theme_switches_and_is_kept(qtbot, window, settings: Settings, restore_app_look) -> None:  # type: ignore[no-untyped-def]
    items = {t: window.commands[f"theme_{t.value}"] for t in Theme}
    assert items[settings.theme].isChecked() and sum(a.isChecked() for a in items.values()) == 1
    items[Theme.DARK].trigger()
    assert settings.theme is Theme.DARK and is_dark(QApplication.palette())
    assert items[Theme.DARK].isChecked() and not items[Theme.SYSTEM].isChecked()
    items[Theme.LIGHT].trigger()
    assert settings.theme is Theme.LIGHT and not is_dark(QApplication.palette())
    with qtbot.waitSignal(window.dialogOpened) as opened:
        window.commands["settings"].trigger()
    box = opened.args[0].findChild(QComboBox, "theme")
    assert box.currentData() == Theme.LIGHT.value  # the dialog offers the same choice
    opened.args[0].reject()


def test_hide_punctuation_only_changes(punctuated: Driver, settings: Settings) -> None:
    ids = _ids(punctuated)
    punct = {ids["The mayor op"], ids["Residents sa"], ids["The council "]}
    kept = {ids["It cost 12 m"], ids["Traffic was "]}
    assert set(punctuated.ids_shown()) == punct | kept
    item = punctuated.menu_item("hide_punctuation")
    assert item.isCheckable() and not item.isChecked()
    item.trigger()
    assert set(punctuated.ids_shown()) == kept
    assert "3 punctuation-only hidden" in punctuated.count_text
    assert settings.hide_punctuation is True
    # Review → Show all changes shows them again, and the menu item follows.
    punctuated.menu_item("clear_filters").trigger()
    assert set(punctuated.ids_shown()) == punct | kept
    assert not item.isChecked() and settings.hide_punctuation is False
    assert "hidden" not in punctuated.count_text


def test_a_hidden_current_change_takes_no_verdict(qtbot, punctuated: Driver) -> None:  # type: ignore[no-untyped-def]
    session = punctuated.win.session
    cid = _ids(punctuated)["The mayor op"]
    punctuated.select_change(cid)
    punctuated.menu_item("hide_punctuation").trigger()
    assert punctuated.current_change == "" and "hidden by the filters" in punctuated.panel_title
    punctuated.press_verdict("1")
    qtbot.wait(20)
    assert not session.value(cid)


def test_hiding_at_the_next_start(qtbot, settings: Settings, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    settings.hide_punctuation = True
    win = MainWindow(settings, db_url)
    qtbot.addWidget(win)
    win.show()
    d = Driver(qtbot, win)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    d.open_pair(a, b)
    assert d.menu_item("hide_punctuation").isChecked()
    assert d.rows_shown == 2 and "3 punctuation-only hidden" in d.count_text
    win.close()


def test_reopening_on_a_hidden_change_keeps_it_hidden(qtbot, punctuated: Driver, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    cid = _ids(punctuated)["The mayor op"]
    punctuated.select_change(cid)  # where the reader leaves the review
    review_id = punctuated.review_id
    punctuated.go_to_start_page()
    qtbot.waitUntil(lambda: punctuated.on_start_page, timeout=5000)
    punctuated.menu_item("hide_punctuation").trigger()  # (from the start page)
    punctuated.open_review(review_id)
    assert punctuated.menu_item("hide_punctuation").isChecked() and settings.hide_punctuation
    assert punctuated.rows_shown == 2 and punctuated.current_change in punctuated.ids_shown()
