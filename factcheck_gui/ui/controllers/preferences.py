"""File → Settings: the dialog, and applying theme, font, reviewer and database to the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog

from factcheck_gui.ui.shell.theme import apply_theme
from factcheck_gui.ui.views.dialogs import SettingsDialog

if TYPE_CHECKING:
    from factcheck_gui.ui.main_window import MainWindow


class Preferences(QObject):
    """Shows the settings dialog of a :class:`MainWindow` and applies what it changed."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win

    def dialog(self) -> QDialog:
        """The settings dialog (window-modal, returned); OK applies it at once."""
        win = self.win
        dialog = SettingsDialog(win, win.settings, db_in_use=win.service.url or "")

        def accepted() -> None:
            # Only an edited database field switches databases: the one in use may come from
            # --db, and OK after changing the theme must not drop the open review.
            db_changed, location = dialog.db_edited(), dialog.db_url.text().strip()
            dialog.apply(database=False)
            self.apply()
            if db_changed:
                # Remembered only once switched: a note the store refused may hold the switch
                # back until the reader chooses (see MainWindow.may_leave_review).
                win.use_database(location or None, remember=True)

        dialog.accepted.connect(accepted)
        return win.open_dialog(dialog)

    def apply(self, *, db_changed: bool = False) -> None:
        """Apply theme, font and reviewer now; a new database reopens the start page."""
        win, settings = self.win, self.win.settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        win.review.comparison.refresh_theme()
        win.review.verdict.refresh_theme()
        win.message.refresh_theme()
        self.apply_font()
        win.status.set_reviewer(settings.reviewer)
        if win.session is not None:
            win.session.reviewer = settings.reviewer
        if db_changed:
            win.use_database(settings.db_url or None)

    def apply_font(self) -> None:
        """The story font and size from the settings, in every story pane."""
        win, settings = self.win, self.win.settings
        font = QFont(win.font())
        if settings.font_family:
            font.setFamily(settings.font_family)
        if settings.font_size:
            font.setPointSize(settings.font_size)
        for pane in (
            win.review.comparison.left,
            win.review.comparison.right,
            win.start.left,
            win.start.right,
        ):
            pane.setFont(font)
