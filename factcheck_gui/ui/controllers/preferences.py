"""File → Settings: the dialog, and applying theme, font, reviewer and database; and the
settings the menus switch too (View → Theme, View → Hide punctuation-only changes, Review →
After a verdict, go to the next unreviewed change), each menu item kept checked as it is set.

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

from factcheck_gui.ui.shell.theme import Theme, apply_theme
from factcheck_gui.ui.views.dialogs import SettingsDialog

if TYPE_CHECKING:
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.actions import Actions
    from factcheck_gui.ui.shell.settings import Settings
    from factcheck_gui.ui.views.review_view import ReviewView


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
        self.actions: Actions | None = None
        self.review: ReviewView | None = None

    def bind(self, actions: Actions, review: ReviewView) -> None:
        """The menu items that show these settings, and the review screen that follows them."""
        self.actions, self.review = actions, review
        review.changes.hidingChanged.connect(self._hiding_changed)
        self._show_settings()

    def _show_settings(self) -> None:
        """The settings as they are now: in the review screen, and checked in the menus."""
        s = self.settings
        if self.review is not None:
            self.review.advance_after_verdict = s.advance_after_verdict
            self.review.changes.set_hide_punctuation(s.hide_punctuation)
        if self.actions is None:
            return
        checked = {f"theme_{t.value}": t is s.theme for t in Theme}
        checked["advance_after_verdict"] = s.advance_after_verdict
        checked["hide_punctuation"] = s.hide_punctuation
        for name, on in checked.items():
            action = self.actions.by_name.get(name)
            if action is not None and action.isChecked() != on:
                action.blockSignals(True)  # showing the setting, not the reader choosing it
                action.setChecked(on)
                action.blockSignals(False)

    # -- what the menus switch -----------------------------------------------------------------
    def set_theme(self, theme: Theme, on: bool = True) -> None:
        """View → Theme: applied at once and kept for the next start (``on``: False is the
        theme the reader just left, which needs nothing)."""
        if not on:
            return
        self.settings.theme = Theme(theme)
        self.settings.sync()
        self._apply_theme()
        self._show_settings()

    def set_advance(self, on: bool) -> None:
        """Review → After a verdict, go to the next unreviewed change."""
        self.settings.advance_after_verdict = on
        self.settings.sync()
        self._show_settings()

    def set_hide_punctuation(self, on: bool) -> None:
        """View → Hide punctuation-only changes."""
        self.settings.hide_punctuation = on
        self.settings.sync()
        self._show_settings()

    def _hiding_changed(self, on: bool) -> None:
        # The list showed every change again (Show all changes, or a change asked for that
        # the hiding hid): the setting and the menu follow.
        if on != self.settings.hide_punctuation:
            self.set_hide_punctuation(on)

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
        self._apply_theme()
        self.apply_font()
        self._show_settings()
        self.reviewerChanged.emit(settings.reviewer)
        if self.nav.session is not None:
            self.nav.session.reviewer = settings.reviewer
        if db_changed:
            self.nav.use_database(settings.db_url or None)

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
        self.themeChanged.emit()

    def apply_font(self) -> None:
        """The story font and size from the settings, for every story pane."""
        font = QFont(self.parent_widget.font())
        if self.settings.font_family:
            font.setFamily(self.settings.font_family)
        if self.settings.font_size:
            font.setPointSize(self.settings.font_size)
        self.fontChanged.emit(font)
