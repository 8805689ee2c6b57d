"""A short guide to the demo: a card floating over the window that points at one part at a time.

Plain widgets inside the main window (no dialog, no event loop of its own): the window stays
usable while it shows. Its buttons take the focus only by Tab, never on showing or by a click,
so J, K, the verdict keys and Enter keep going where they went before.

Signals:
    closed(bool): the reader closed the guide; True when it should not show again by itself.
    stepShown(int): a step is on screen (0-based).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

CARD_WIDTH = 340
GAP = 10  # between the card and what it points at


@dataclass(frozen=True)
class GuideStep:
    title: str
    text: str
    target: Callable[[], QRect | None]  # what it points at, in the window's coordinates


class _Spotlight(QFrame):
    """A frame drawn around what the current step points at; mouse clicks go through it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("guideSpotlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("#guideSpotlight { border: 3px solid #0072B2; border-radius: 4px; }")


class GuideCard(QFrame):
    """The guide's card and its spotlight, children of ``window`` (see the module docstring)."""

    closed = Signal(bool)
    stepShown = Signal(int)

    def __init__(self, window: QWidget, steps: list[GuideStep]) -> None:
        super().__init__(window)
        self.window_ = window
        self.steps = steps
        self.current = 0
        self.setObjectName("demoGuide")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Guide to the demo")
        # (A style sheet with a border paints no background of its own: the card is given the
        # window colour, or its words print over the story it sits on.)
        self.setStyleSheet(
            "#demoGuide { background-color: palette(window); border: 2px solid #0072B2; border-radius: 6px; }"
        )
        self.spotlight = _Spotlight(window)
        self.counter = QLabel(self)
        self.counter.setObjectName("guideCounter")
        self.title = QLabel(self)
        self.title.setObjectName("guideTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.body.setObjectName("guideText")
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.back_button = QPushButton("Back", self)
        self.next_button = QPushButton("Next", self)
        self.close_button = QPushButton("Close", self)
        self.dont_show = QCheckBox("Don't show this guide again", self)
        self.dont_show.setChecked(True)  # a first-run guide: once, unless the reader wants more
        for b in (self.back_button, self.next_button, self.close_button):
            b.setAutoDefault(False)
        for w in (self.back_button, self.next_button, self.close_button, self.dont_show):
            w.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # never taken from the list by a click
        self.back_button.clicked.connect(lambda: self.show_step(self.current - 1))
        self.next_button.clicked.connect(self._next)
        self.close_button.clicked.connect(self.close_guide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        col = QVBoxLayout(self)
        col.addWidget(self.counter)
        col.addWidget(self.title)
        col.addWidget(self.body)
        col.addWidget(self.dont_show)
        col.addLayout(buttons)
        self.setFixedWidth(CARD_WIDTH)
        window.installEventFilter(self)  # follow the window's size
        self.hide()
        self.spotlight.hide()

    # -- showing --------------------------------------------------------------------------
    def start(self) -> None:
        self.show_step(0)

    def show_step(self, i: int) -> None:
        self.current = max(0, min(i, len(self.steps) - 1))
        step = self.steps[self.current]
        self.counter.setText(f"Guide to the demo · step {self.current + 1} of {len(self.steps)}")
        self.title.setText(step.title)
        self.body.setText(step.text)
        self.back_button.setEnabled(self.current > 0)
        self.next_button.setText("Done" if self.current == len(self.steps) - 1 else "Next")
        self.show()
        self.place()
        self.stepShown.emit(self.current)

    def _next(self) -> None:
        if self.current >= len(self.steps) - 1:
            self.close_guide()
        else:
            self.show_step(self.current + 1)

    def close_guide(self) -> None:
        was = self.isVisible()
        self.hide()
        self.spotlight.hide()
        if was:
            self.closed.emit(self.dont_show.isChecked())

    def target_rect(self) -> QRect | None:
        return self.steps[self.current].target() if self.isVisible() else None

    def place(self) -> None:
        """Spotlight the step's target and put the card beside it, inside the window."""
        if not self.isVisible():
            return
        area = self.window_.rect()
        target = self.steps[self.current].target()
        self.adjustSize()
        size = self.sizeHint().expandedTo(self.minimumSizeHint())
        w, h = CARD_WIDTH, size.height()
        if target is None or not target.isValid():
            self.spotlight.hide()
            self.move(area.center() - QPoint(w // 2, h // 2))
            self.raise_()
            return
        ring = target.adjusted(-3, -3, 3, 3).intersected(area)
        self.spotlight.setGeometry(ring)
        self.spotlight.show()
        self.spotlight.raise_()
        spots = [
            QPoint(target.left(), target.bottom() + GAP),  # below
            QPoint(target.left(), target.top() - GAP - h),  # above
            QPoint(target.right() + GAP, target.top()),  # right
            QPoint(target.left() - GAP - w, target.top()),  # left
        ]
        fits = [p for p in spots if area.contains(QRect(p, size.expandedTo(self.size())))]

        def inside(p: QPoint) -> QPoint:
            return QPoint(
                max(area.left(), min(p.x(), area.right() - w)), max(area.top(), min(p.y(), area.bottom() - h))
            )

        if fits:
            spot = inside(fits[0])
        else:  # a target taller or wider than the room beside it: the side where the card, kept
            # inside the window, still leaves the target uncovered; else over its middle
            clear = [inside(p) for p in spots if not QRect(inside(p), QSize(w, h)).intersects(target)]
            spot = clear[0] if clear else inside(target.center() - QPoint(w // 2, h // 2))
        self.move(spot)
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window_ and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.place()
        return False


def widget_rect(widget: QWidget | None, window: QWidget) -> QRect | None:
    """``widget``'s rectangle in ``window``'s coordinates (None when it is not on screen)."""
    if widget is None or not widget.isVisible():
        return None
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
