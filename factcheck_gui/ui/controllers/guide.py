"""The first-run guide to the demo (Help → Guide to the demo).

It shows by itself the first time the demo pair is on screen — whichever way it was opened —
until the reader closes it with "Don't show this guide again" ticked (the default; stored in the
settings). Help → Guide to the demo shows it at any time, opening the demo first when another
review or the start page is on screen.

``FACTCHECK_NO_DEMO_GUIDE=1`` keeps it from showing by itself (the test suite and the
screenshot script set it); Help → Guide to the demo still shows it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtWidgets import QMainWindow

from factcheck_gui.review.docindex import Mark
from factcheck_gui.ui.views.guide import GuideCard, GuideStep, widget_rect

if TYPE_CHECKING:
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.settings import Settings
    from factcheck_gui.ui.views.pane import StoryPane
    from factcheck_gui.ui.views.review_view import ReviewView

ENV_OFF = "FACTCHECK_NO_DEMO_GUIDE"
SETTING_OFF = "help/demo_guide_off"

_demo_texts: tuple[str, str] | None = None


def demo_texts() -> tuple[str, str]:
    """The demo pair's texts as a review of it holds them (read once)."""
    global _demo_texts
    if _demo_texts is None:
        from factcheck_gui.importers import load_path
        from factcheck_gui.resources import sample_pair

        original, rewrite = sample_pair()
        _demo_texts = (load_path(original).text, load_path(rewrite).text)
    return _demo_texts


def flagged_word_rect(panes: tuple[StoryPane, ...], window: QMainWindow) -> QRect | None:
    """Where a flagged word is on screen (the selected change's first), in window coordinates."""
    found: list[tuple[bool, QRect]] = []
    for pane in panes:
        side = pane.side_index
        if side is None or not pane.isVisible():
            continue
        lo, hi = pane.visible_range()
        for run in side.marks.between(lo, hi + 1):
            if run.key != Mark.FLAG.value:
                continue
            first, last = pane.position_rect(run.start), pane.position_rect(run.end)
            right = last.right() if last.top() == first.top() else pane.viewport().width() - 1
            rect = QRect(first.topLeft(), QPoint(max(right, first.right() + 4), first.bottom()))
            if not pane.viewport().rect().contains(rect.center()):
                continue
            top_left = pane.viewport().mapTo(window, rect.topLeft())
            found.append((run.change_id == pane.current_change_id, QRect(top_left, rect.size())))
    found.sort(key=lambda f: not f[0])  # the selected change's words first
    return found[0][1] if found else None


class DemoGuide(QObject):
    """Shows the guide over the window when the demo is on screen (see the module docstring)."""

    def __init__(self, nav: Navigator, review: ReviewView, settings: Settings, window: QMainWindow) -> None:
        super().__init__(window)
        self.nav, self.review, self.settings, self.window = nav, review, settings, window
        self.card: GuideCard | None = None
        self._asked = False  # Help → Guide to the demo while another review was on screen
        self._shown = False  # shown by itself in this run already
        nav.reviewShown.connect(self._review_shown)
        nav.reviewClosed.connect(self.close)

    # -- when -------------------------------------------------------------------------------
    @property
    def turned_off(self) -> bool:
        """The reader said "Don't show this guide again" (or the environment turned it off)."""
        if os.environ.get(ENV_OFF, "").strip() not in ("", "0"):
            return True
        return str(self.settings.q.value(SETTING_OFF, "false")).lower() in ("true", "1")

    def demo_on_screen(self) -> bool:
        session = self.nav.session
        if session is None or not self.nav.screens.review.isVisible():
            return False
        comparison = session.index.comparison
        original, rewrite = demo_texts()
        return comparison.original.text == original and comparison.rewrite.text == rewrite

    def _review_shown(self, _review_id: int) -> None:
        asked, self._asked = self._asked, False
        if not self.demo_on_screen():
            return
        if asked or not (self._shown or self.turned_off):
            self.show_guide()

    def open_guide(self) -> None:
        """Help → Guide to the demo: now, or once the demo has opened."""
        if self.demo_on_screen():
            self.show_guide()
            return
        self._asked = True
        self.nav.open_demo()  # a leave guard may ask first: the guide follows the demo

    # -- the card ---------------------------------------------------------------------------
    def show_guide(self) -> GuideCard:
        if self.card is None:
            self.card = GuideCard(self.window, self._steps())
            self.card.closed.connect(self._closed)
            for pane in (self.review.comparison.left, self.review.comparison.right):
                pane.verticalScrollBar().valueChanged.connect(lambda _v: self._place())
        self._shown = True
        self.card.start()
        return self.card

    def _place(self) -> None:
        if self.card is not None:
            self.card.place()

    def close(self) -> None:
        if self.card is not None:
            self.card.close_guide()

    def _closed(self, dont_show: bool) -> None:
        self.settings.q.setValue(SETTING_OFF, bool(dont_show))
        self.settings.sync()

    def _steps(self) -> list[GuideStep]:
        review, win = self.review, self.window
        panes = (review.comparison.right, review.comparison.left)

        def file_menu() -> QRect | None:
            bar = win.menuBar()
            for action in bar.actions():
                if action.text().replace("&", "") == "File":
                    r = bar.actionGeometry(action)
                    return QRect(bar.mapTo(win, r.topLeft()), r.size())
            return None

        return [
            GuideStep(
                "The change list",
                "Every claim the rewrite changed, one per row in reading order. J and K move "
                "through it, N jumps to the next change without a verdict; the boxes above "
                "filter it by kind, flag or verdict.",
                lambda: widget_rect(review.changes, win),
            ),
            GuideStep(
                "The two stories side by side",
                "The original on the left, the rewrite on the right. The selected change is "
                "tinted in both; the band between them links each claim to its counterpart. "
                "Click a claim in either story to select its change.",
                lambda: widget_rect(review.comparison, win),
            ),
            GuideStep(
                "A flagged word",
                "A wavy underline marks a fact the rewrite changed: a number, a date, a name, "
                "a quotation, a hedge, a lost “not”. Point at it for the reason; the verdict "
                "panel lists every flag of the selected change.",
                lambda: flagged_word_rect(panes, win) or widget_rect(review.comparison.right, win),
            ),
            GuideStep(
                "Your verdict, one key",
                "Press a number key to rate the selected change on this scale (0 clears it), "
                "Enter to write a note. Each verdict and note is saved the moment you make "
                "it; Edit → Undo takes the last one back.",
                lambda: widget_rect(review.verdict.scale_box, win),
            ),
            GuideStep(
                "Export the review",
                "File → Export review writes what you decided: a report for your editor, the "
                "audit trail, or ClaimReview for publishing.",
                file_menu,
            ),
        ]
