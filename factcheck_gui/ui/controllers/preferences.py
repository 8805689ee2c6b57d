"""File → Settings: the dialog, and applying theme, font, reviewer and database.

Signals:
    themeChanged(): the application's theme was applied; views pick their colours again.
    fontChanged(object): the story font (a QFont) for every story pane.
    reviewerChanged(str): the name verdicts are now recorded under.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from factcheck_gui.ui.shell.theme import apply_theme
from factcheck_gui.ui.views.dialogs import SettingsDialog

if TYPE_CHECKING:
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.settings import Settings


class Preferences(QObject):
    """Shows the settings dialog and applies what it changed (``parent``: where it opens)."""

    themeChanged = Signal()
    fontChanged = Signal(object)
    reviewerChanged = Signal(str)

    def __init__(
        self,
        nav: Navigator,
        settings: Settings,
        parent: QWidget,
        open_dialog: Callable[[QDialog], QDialog],
    ) -> None:
        super().__init__(parent)
        self.nav = nav
        self.settings = settings
        self.parent_widget = parent
        self.open_dialog = open_dialog

    def dialog(self) -> QDialog:
        """The settings dialog (window-modal, returned); OK applies it at once."""
        dialog = SettingsDialog(self.parent_widget, self.settings, db_in_use=self.nav.service.url or "")

        def accepted() -> None:
            # Only an edited database field switches databases: the one in use may come from
            # --db, and OK after changing the theme must not drop the open review.
            db_changed, location = dialog.db_edited(), dialog.db_url.text().strip()
            dialog.apply(database=False)
            self.apply()
            if db_changed:
                # Remembered only once switched: a note the store refused may hold the switch
                # back until the reader chooses (see the navigator's leave guards).
                self.nav.use_database(location or None, remember=True)

        dialog.accepted.connect(accepted)
        return self.open_dialog(dialog)

    def apply(self, *, db_changed: bool = False) -> None:
        """Apply theme, font and reviewer now; a new database reopens the start page."""
        settings = self.settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.themeChanged.emit()
        self.apply_font()
        self.reviewerChanged.emit(settings.reviewer)
        if self.nav.session is not None:
            self.nav.session.reviewer = settings.reviewer
        if db_changed:
            self.nav.use_database(settings.db_url or None)

    def apply_font(self) -> None:
        """The story font and size from the settings, for every story pane."""
        font = QFont(self.parent_widget.font())
        if self.settings.font_family:
            font.setFamily(self.settings.font_family)
        if self.settings.font_size:
            font.setPointSize(self.settings.font_size)
        self.fontChanged.emit(font)
