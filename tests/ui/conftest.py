"""Fixtures for the Qt tests: settings and database in a temporary folder, the main window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FACTCHECK_NO_DEMO_GUIDE", "1")  # the demo's first-run guide: only where a test asks

from PySide6.QtCore import QSettings

from factcheck_gui.ui.shell.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
REFERENCE = (SAMPLES / "original.txt", SAMPLES / "rewrite.txt")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot pass size hints to a window manager it
    # does not have, nor raise a window (a tooltip); that is not a problem of the app.
    for item in items:
        if "tests/ui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"))


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path: Path) -> None:
    """QSettings (default INI paths) point at the test's folder, never the user's config."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'reviews.db'}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.reviewer = "Tester"
    # On for the reader by default; the tests of other behaviour stay on the rated change
    # (tests/ui/test_advance_after_verdict.py covers the default and the switch).
    s.advance_after_verdict = False
    return s


@pytest.fixture
def window(qtbot, settings: Settings, db_url: str):  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    win = MainWindow(settings, db_url)
    qtbot.addWidget(win)
    win.resize(1200, 820)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.quit_without_notes = True  # a test may leave a note the store refused: close all the same
    win.close()


@pytest.fixture
def opened(qtbot, window):  # type: ignore[no-untyped-def]
    """The main window showing the reference pair as a new review."""
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_paths(*REFERENCE)
    return window


@pytest.fixture
def store_for():  # type: ignore[no-untyped-def]
    """Open the test database as a second, independent client (closed after the test)."""
    from factcheck_gui.store import ReviewStore

    opened = []

    def open_store(url: str):  # type: ignore[no-untyped-def]
        store = ReviewStore.open(url)
        opened.append(store)
        return store

    yield open_store
    for store in opened:
        store.close()


def answer_file_dialog(qtbot, parent, name: str, path: Path):  # type: ignore[no-untyped-def]
    """Fill in ``path`` in the window-modal file dialog ``name`` and click its OK button.

    (Typing key by key would open the name completer's popup, which the offscreen platform
    cannot raise; the dialog's own accept logic still runs.)
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit

    qtbot.waitUntil(lambda: parent.findChild(QFileDialog, name) is not None, timeout=3000)
    dialog = parent.findChild(QFileDialog, name)
    assert dialog.isVisible() and dialog.windowModality() != Qt.WindowModality.NonModal
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    edit.setText(str(path))
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    ok = box.button(QDialogButtonBox.StandardButton.Save) or box.button(QDialogButtonBox.StandardButton.Open)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return dialog


@pytest.fixture
def restore_app_look():  # type: ignore[no-untyped-def]
    """Put the application's style, palette and stylesheet back after a test changes the theme."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    style, palette, sheet = app.style().name(), app.palette(), app.styleSheet()
    yield app
    app.setStyle(style)
    app.setPalette(palette)
    app.setStyleSheet(sheet)


@pytest.fixture
def driver(qtbot, window):  # type: ignore[no-untyped-def]
    """The main window, driven as a reader would (see ``driver.py``)."""
    from .driver import Driver

    return Driver(qtbot, window)


@pytest.fixture
def reviewing(qtbot, opened):  # type: ignore[no-untyped-def]
    """A driver on the main window showing the reference pair as a new review."""
    from .driver import Driver

    return Driver(qtbot, opened)
