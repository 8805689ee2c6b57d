"""Help → About names the app version and the comparison engine's, as --version does."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from factcheck_gui import ENGINE_VERSION, __version__


def test_about_shows_both_versions_labelled(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.commands["about"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "aboutBox") is not None, timeout=3000)
    box = window.findChild(QMessageBox, "aboutBox")
    assert box.text() == f"Factcheck Compare {__version__} (comparison engine {ENGINE_VERSION})"
    assert box.isVisible()  # shown without holding up the window's event loop
    box.accept()
