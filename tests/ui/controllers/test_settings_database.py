"""Settings → OK keeps the database in use (also one given with --db) unless its field was edited."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.theme import Theme, is_dark
from factcheck_gui.ui.views.dialogs import SettingsDialog


def click_ok(qtbot, dialog: SettingsDialog) -> None:  # type: ignore[no-untyped-def]
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_ok_after_changing_only_the_theme_keeps_the_database_and_the_review(  # type: ignore[no-untyped-def]
    qtbot, opened, settings: Settings, db_url: str, restore_app_look
) -> None:
    win = opened  # started like `factcheck-gui A B --db URL`: the settings name no database
    assert settings.db_url == ""
    review_id, service = win.session.review_id, win.service
    win.commands["settings"].trigger()
    dialog = win.findChild(SettingsDialog)
    assert dialog.db_url.text() == db_url  # the database in use, not the settings' default
    dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.DARK.value))
    click_ok(qtbot, dialog)
    qtbot.wait(50)  # a switch would start listing the other database's reviews

    assert is_dark(restore_app_look.palette())
    assert win.service is service and win.service.url == db_url
    assert win.stack.currentWidget() is win.review and win.session.review_id == review_id
    assert "reviews.db" in win.status.db_label.text()
    assert settings.db_url == ""  # --db is for this run; it is not written to the settings unasked


def test_clearing_the_field_goes_back_to_the_default_database(  # type: ignore[no-untyped-def]
    qtbot, window, settings: Settings, tmp_path: Path
) -> None:
    window.commands["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    dialog.db_url.setText("")
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        click_ok(qtbot, dialog)
    assert window.service.url is None and settings.db_url == ""
    assert "reviews.sqlite3" in window.status.db_label.text()  # the per-user default file


def test_the_settings_dialog_is_laid_out_for_reading(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.commands["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitExposed(dialog)
    label = next(lab for lab in dialog.findChildren(QLabel) if lab.text() == "&Database:")
    assert label.buddy() is dialog.db_url  # shown as "Database:" with Alt+D, not a literal "&"
    assert dialog.width() >= dialog.minimumWidth() >= 560
    dialog.db_url.setText("")
    edit = dialog.db_url
    room = edit.contentsRect().width() - edit.textMargins().left() - edit.textMargins().right()
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) < room - 8  # not cut off
    dialog.reject()


def test_the_default_database_is_shown_by_its_real_path(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, monkeypatch
) -> None:
    """No --db, no FACTCHECK_DB: the reader sees where the default file is, not just "default"."""
    from factcheck_gui.store.database import default_db_path
    from factcheck_gui.ui.main_window import MainWindow

    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    win = MainWindow(settings)  # no database given anywhere: the per-user default file
    qtbot.addWidget(win)
    win.show()
    win.commands["settings"].trigger()
    dialog = win.findChild(SettingsDialog)
    qtbot.waitExposed(dialog)
    path = str(default_db_path())
    assert dialog.db_url.text() == ""  # empty still means "the default", as before
    assert dialog.db_location.isVisible() and path in dialog.db_location.text()
    assert path in dialog.db_url.toolTip()
    dialog.db_url.setText("elsewhere.db")  # a location typed: the note says what empty would be
    assert path in dialog.db_location.text()
    dialog.reject()
    win.close()


def test_the_path_shown_for_an_empty_field_follows_factcheck_db(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, tmp_path: Path, monkeypatch
) -> None:
    team = tmp_path / "shared" / "team.db"
    monkeypatch.setenv("FACTCHECK_DB", str(team))
    dialog = SettingsDialog(None, settings, db_in_use="")
    qtbot.addWidget(dialog)
    assert str(team) in dialog.db_location.text() and "FACTCHECK_DB" in dialog.db_location.text()
    monkeypatch.setenv("FACTCHECK_DB", "postgresql://ann:secret@db.example/reviews")
    dialog = SettingsDialog(None, settings, db_in_use="")
    qtbot.addWidget(dialog)
    shown = dialog.db_location.text()
    assert "db.example/reviews" in shown and "secret" not in shown
    # A malformed FACTCHECK_DB: the dialog still opens (the reader can fix the database there)
    # and says what is wrong without showing the password.
    monkeypatch.setenv("FACTCHECK_DB", "postgresql://ann:secret@db.example:notaport/reviews")
    dialog = SettingsDialog(None, settings, db_in_use="")
    qtbot.addWidget(dialog)
    shown = dialog.db_location.text()
    assert "FACTCHECK_DB names no database" in shown and "notaport" in shown
    assert "secret" not in shown and "secret" not in dialog.db_location.toolTip()
