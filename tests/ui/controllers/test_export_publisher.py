"""File → Export → ClaimReview… without the publisher in Settings asks for it, then exports."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit

from factcheck_gui.ui.shell.settings import Settings
from tests.ui.conftest import answer_file_dialog
from tests.ui.controllers.test_export import give_first_change_a_verdict


def _publisher_dialog(qtbot, win) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _visible(win) is not None, timeout=5000)
    dialog = _visible(win)
    assert dialog is not None
    assert dialog.windowModality() != Qt.WindowModality.NonModal
    return dialog


def _visible(win) -> QDialog | None:  # type: ignore[no-untyped-def]
    shown = [d for d in win.findChildren(QDialog, "publisherDialog") if d.isVisible()]
    return shown[-1] if shown else None


def _field(dialog: QDialog, key: str) -> QLineEdit | None:
    return dialog.findChild(QLineEdit, f"claimreview_{key}")


def _click(qtbot, dialog: QDialog, which: QDialogButtonBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    button = dialog.findChild(QDialogButtonBox).button(which)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _reread(settings: Settings) -> dict[str, str]:
    """The publisher as the settings file holds it (a fresh reader of the same file)."""
    settings.sync()
    return Settings(QSettings(settings.q.fileName(), QSettings.Format.IniFormat)).publisher_fields


def test_missing_publisher_is_asked_for_then_the_claimreview_is_written(
    qtbot, opened, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = opened
    win.settings.set_publisher_fields(organisation_url="https://checks.example/")  # the rest unset
    give_first_change_a_verdict(qtbot, win)
    win.commands["export_claimreview"].trigger()
    dialog = _publisher_dialog(qtbot, win)
    # Exactly what is missing is asked, with one line saying why and that it is kept.
    assert _field(dialog, "organisation") is not None and _field(dialog, "review_url") is not None
    assert _field(dialog, "organisation_url") is None and _field(dialog, "reviewer_name") is None
    why = dialog.findChild(QLabel, "publisherWhy").text()
    assert "ClaimReview" in why and "next time" in why
    assert win.findChild(QFileDialog, "exportDialog") is None  # the save dialog waits for it
    qtbot.keyClicks(_field(dialog, "organisation"), "Example Checks")
    qtbot.keyClicks(_field(dialog, "review_url"), "https://checks.example/r/1")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert _reread(win.settings) == {
        "organisation": "Example Checks",
        "reviewer_name": "",
        "review_url": "https://checks.example/r/1",
        "organisation_url": "https://checks.example/",
    }
    target = tmp_path / "review.jsonld"
    with qtbot.waitSignal(win.exported, timeout=30000):
        answer_file_dialog(qtbot, win, "exportDialog", target)
    reviews = json.loads(target.read_bytes())
    assert reviews[0]["author"]["name"] == "Example Checks"
    assert reviews[0]["author"]["url"] == "https://checks.example/"
    assert reviews[0]["url"] == "https://checks.example/r/1"

    # Next time nothing is asked: the save dialog opens at once.
    win.commands["export_claimreview"].trigger()
    qtbot.waitUntil(lambda: win.findChild(QFileDialog, "exportDialog") is not None, timeout=3000)
    assert _visible(win) is None
    win.findChild(QFileDialog, "exportDialog").reject()


def test_an_invalid_review_url_is_shown_in_the_dialog_and_nothing_is_written(
    qtbot, opened, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = opened
    win.settings.set_publisher_fields(organisation="Example Checks")
    give_first_change_a_verdict(qtbot, win)
    win.commands["export_claimreview"].trigger()
    dialog = _publisher_dialog(qtbot, win)
    assert _field(dialog, "organisation") is None  # Settings has it
    qtbot.keyClicks(_field(dialog, "review_url"), "checks.example/r/1")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    problem = dialog.findChild(QLabel, "publisherProblem")
    assert dialog.isVisible() and problem.isVisible()  # the dialog stays open, saying why
    assert "review URL" in problem.text() and "http" in problem.text()
    assert win.findChild(QFileDialog, "exportDialog") is None
    assert _reread(win.settings)["review_url"] == ""  # nothing stored
    # Corrected, it continues.
    _field(dialog, "review_url").setText("https://checks.example/r/1")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: win.findChild(QFileDialog, "exportDialog") is not None, timeout=3000)
    win.findChild(QFileDialog, "exportDialog").reject()
    assert not list(tmp_path.glob("*.json*"))


def test_a_bad_web_address_kept_in_settings_is_asked_again(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    win.settings.set_publisher_fields(
        organisation="Example Checks",
        review_url="https://checks.example/r/1",
        organisation_url="checks.example",
    )
    win.commands["export_claimreview"].trigger()
    dialog = _publisher_dialog(qtbot, win)
    assert _field(dialog, "organisation_url").text() == "checks.example"  # prefilled
    assert _field(dialog, "review_url") is None
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)


def test_cancel_writes_nothing_and_stores_nothing(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = opened
    give_first_change_a_verdict(qtbot, win)
    win.commands["export_claimreview"].trigger()
    dialog = _publisher_dialog(qtbot, win)
    qtbot.keyClicks(_field(dialog, "organisation"), "Example Checks")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: _visible(win) is None, timeout=3000)
    assert "nothing was written" in win.message.text()
    assert win.findChild(QFileDialog, "exportDialog") is None
    assert _reread(win.settings)["organisation"] == ""
    assert not list(tmp_path.glob("*.json*"))


def test_export_with_the_claimreview_file_type_asks_before_writing(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Export… (the general command) with the ClaimReview file type: asked after the file is
    chosen, written once answered."""
    win = opened
    win.exports.last_format = "claimreview"  # the save dialog starts on ClaimReview
    give_first_change_a_verdict(qtbot, win)
    win.commands["export"].trigger()
    answer_file_dialog(qtbot, win, "exportDialog", tmp_path / "review.jsonld")
    dialog = _publisher_dialog(qtbot, win)
    qtbot.keyClicks(_field(dialog, "organisation"), "Example Checks")
    qtbot.keyClicks(_field(dialog, "review_url"), "https://checks.example/r/1")
    with qtbot.waitSignal(win.exported, timeout=30000) as sig:
        _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    target = Path(sig.args[0])
    assert json.loads(target.read_bytes())[0]["author"]["name"] == "Example Checks"
