"""View → Zoom in / Zoom out / Actual size: one zoom for the story text of every story view.

The zoom multiplies the story font of the settings (``Preferences.apply_font``); it is kept in
the settings and bounded (:data:`~factcheck_gui.ui.shell.settings.ZOOM_RANGE`). The selected
change stays where it was on screen (:meth:`ComparisonView.keeping_place`). Qt only lays out
again the blocks on screen (the plain text layout clears the others' lines and estimates them),
so a step costs the same on a 20,000-claim story as on a short one.

Signals:
    zoomed(int): the zoom now applied, in percent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from factcheck_gui.ui.shell.settings import ZOOM_RANGE, Settings
from factcheck_gui.ui.views.comparison_view import ComparisonView

# The steps of Zoom in / Zoom out, as browsers and editors offer them.
ZOOM_STEPS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)


class Zoom(QObject):
    """Applies the zoom to ``comparison``'s panes and inline view and to ``others``."""

    zoomed = Signal(int)

    def __init__(
        self,
        settings: Settings,
        comparison: ComparisonView,
        others: Sequence[QWidget],
        parent: QObject | None = None,
        say: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.comparison = comparison
        self.others = list(others)
        self.say = say
        self.base = QFont()
        self.percent = settings.zoom

    def set_base_font(self, font: QFont) -> None:
        """The story font at 100 % (from the settings); applied at the current zoom."""
        self.base = QFont(font)
        self._apply()

    def font(self) -> QFont:
        font = QFont(self.base)
        size = self.base.pointSizeF() if self.base.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * self.percent / 100)
        return font

    def zoom_in(self) -> None:
        self.set_percent(next((z for z in ZOOM_STEPS if z > self.percent), ZOOM_RANGE[1]))

    def zoom_out(self) -> None:
        self.set_percent(next((z for z in reversed(ZOOM_STEPS) if z < self.percent), ZOOM_RANGE[0]))

    def actual_size(self) -> None:
        self.set_percent(100)

    def set_percent(self, percent: int) -> None:
        percent = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], int(percent)))
        if self.say is not None:
            self.say(f"Zoom {percent} %")
        if percent == self.percent:
            return
        self.percent = percent
        self.settings.zoom = percent
        self._apply()

    def _apply(self) -> None:
        font = self.font()
        with self.comparison.keeping_place():
            for story in (self.comparison.left, self.comparison.right, self.comparison.inline):
                story.setFont(font)
        for view in self.others:
            view.setFont(font)
        self.zoomed.emit(self.percent)
