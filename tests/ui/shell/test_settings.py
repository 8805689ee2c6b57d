"""Settings (one typed object over QSettings), the settings dialog and the open-pair dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from factcheck_gui.store.records import DEFAULT_SCALE
from factcheck_gui.ui.shell.settings import ReviewUiState, Settings
from factcheck_gui.ui.shell.theme import Theme, is_dark
from factcheck_gui.ui.views.dialogs import OpenPairDialog, SettingsDialog
from tests.ui.conftest import REFERENCE


def ini(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def test_settings_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = ini(path)
    s.reviewer = "  Ann Lee  "
    s.theme = Theme.DARK
    s.db_url = " postgresql://team@db.example/reviews "
    s.font_family = "DejaVu Serif"
    s.font_size = 13
    s.last_dir = str(tmp_path)
    s.save_review_state("local: x.db", 7, ReviewUiState("c4", 120, 80))
    s.sync()

    again = ini(path)  # a new process reading the same file
    assert again.reviewer == "Ann Lee"
    assert again.theme is Theme.DARK
    assert again.db_url == "postgresql://team@db.example/reviews"
    assert (again.font_family, again.font_size) == ("DejaVu Serif", 13)
    assert again.last_dir == str(tmp_path)
    assert again.review_state("local: x.db", 7) == ReviewUiState("c4", 120, 80)
    assert again.review_state("local: other.db", 7) == ReviewUiState()  # per database

    again.db_url = str(tmp_path / "mine.db")  # a local file is a database location too
    again.sync()
    assert ini(path).db_url == str(tmp_path / "mine.db")


def test_settings_defaults_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[General]\ntheme=purple\nfont\\size=900\nreviewer=\n", encoding="utf-8")
    s = ini(path)
    assert s.theme is Theme.SYSTEM
    assert s.font_size == 72
    assert s.reviewer  # falls back to the login name, never empty
    assert s.db_url == "" and s.geometry is None


def test_without_a_name_in_the_settings_the_app_records_the_cli_s_reviewer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One rule with ``factcheck review``: $FACTCHECK_REVIEWER before the login name."""
    monkeypatch.setenv("FACTCHECK_REVIEWER", "Env Name")
    s = ini(tmp_path / "s.ini")
    assert s.reviewer == "Env Name"
    s.reviewer = "Ann Lee"  # a name set in the settings is the reader's choice: it wins
    assert s.reviewer == "Ann Lee"


def test_settings_dialog_applies_reviewer_theme_and_database(  # type: ignore[no-untyped-def]
    qtbot, opened, settings: Settings, tmp_path: Path, store_for, restore_app_look
) -> None:
    win = opened
    app = restore_app_look
    win.commands["settings"].trigger()
    dialog = win.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.reviewer.text() == "Tester"
    dialog.reviewer.setText("Ann Lee")
    dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.DARK.value))
    team_db = tmp_path / "team" / "shared.db"
    dialog.db_url.setText(str(team_db))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):  # a new database: back to the start page
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    assert win.status.reviewer_label.text() == "Reviewer: Ann Lee"
    assert is_dark(app.palette())
    assert win.stack.currentWidget() is win.start and win.session is None
    assert "shared.db" in win.status.db_label.text()
    assert win.start.model.rowCount() == 0  # the new database has no reviews yet
    # The typed object and its file hold the new values.
    assert (settings.reviewer, settings.theme, settings.db_url) == ("Ann Lee", Theme.DARK, str(team_db))
    reread = Settings(QSettings(settings.q.fileName(), QSettings.Format.IniFormat))
    assert (reread.reviewer, reread.theme, reread.db_url) == ("Ann Lee", Theme.DARK, str(team_db))

    # Work goes to the new database, under the new name.
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.nav.open_paths(*REFERENCE)
    cid = win.review.current_change_id()
    win.activateWindow()  # the offscreen platform does not hand activation back after a dialog
    qtbot.waitUntil(win.isActiveWindow)
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)
    stored = store_for(str(team_db)).load_review(win.session.review_id).verdicts[cid]
    assert (stored.value, stored.reviewer) == (DEFAULT_SCALE[0], "Ann Lee")


def test_cancelling_the_settings_dialog_changes_nothing(qtbot, window, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    window.commands["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    dialog.reviewer.setText("Somebody else")
    dialog.db_url.setText("postgresql://elsewhere/db")
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert settings.reviewer == "Tester" and settings.db_url == ""
    assert window.status.reviewer_label.text() == "Reviewer: Tester"


def test_open_pair_dialog_opens_the_pair(qtbot, window, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    window.commands["open_pair"].trigger()
    dialog = window.findChild(OpenPairDialog)
    assert dialog is not None and dialog.isVisible()
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert not open_button.isEnabled()  # both sides are needed
    dialog.original.setText(str(REFERENCE[0]))
    assert not open_button.isEnabled()
    dialog.rewrite.setText(str(REFERENCE[1]))
    assert open_button.isEnabled()
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    comp = window.session.index.comparison
    assert (comp.original.name, comp.rewrite.name) == ("original.txt", "rewrite.txt")
    assert settings.last_dir == str(REFERENCE[0].parent)


def test_the_database_location_may_be_a_path_or_an_sqlite_url(tmp_path: Path) -> None:
    s = ini(tmp_path / "s.ini")
    s.db_url = tmp_path / "fresh.db"  # a Path, as "start a new database beside it" gives
    assert s.db_url == str(tmp_path / "fresh.db")
    s.db_url = f"sqlite:///{tmp_path / 'other.db'}"
    s.sync()
    assert ini(tmp_path / "s.ini").db_url == f"sqlite:///{tmp_path / 'other.db'}"


def test_the_settings_dialog_keeps_the_claimreview_publisher(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The organisation and review URL a ClaimReview export needs are typed once, in Settings,
    and are there for every later export (also in a new process)."""
    path = tmp_path / "s.ini"
    dialog = SettingsDialog(None, ini(path))
    qtbot.addWidget(dialog)
    assert dialog.publisher["organisation"].text() == ""
    qtbot.keyClicks(dialog.publisher["organisation"], "Example Fact Check")
    qtbot.keyClicks(dialog.publisher["review_url"], "https://factcheck.example/putin")
    qtbot.keyClicks(dialog.publisher["reviewer_name"], "Ann Lee")
    dialog.apply()

    again = ini(path)
    assert again.publisher_fields == {
        "organisation": "Example Fact Check",
        "reviewer_name": "Ann Lee",
        "review_url": "https://factcheck.example/putin",
        "organisation_url": "",
    }
    reopened = SettingsDialog(None, again)
    qtbot.addWidget(reopened)
    assert reopened.publisher["organisation"].text() == "Example Fact Check"
