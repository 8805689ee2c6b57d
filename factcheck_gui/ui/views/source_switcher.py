"""The sources of a several-source review, above the panes: one button per source with its
colour key, its number and name and its share of the derived text, then the share from no
source. The button of the source shown on the left (the one that supports the selected claim)
is checked; clicking another shows that source on the left.

Each button says in words what its colour keys ("s2 · press-release.txt — 18 %"), and the
sources that support the selected claim are marked "✓ supports the selected claim" in the
button's text: colour is never the only cue. Hidden for a pair review.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

# A colour key per source (Okabe–Ito's colour-blind-safe set, then two more), in source order.
SOURCE_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#8C564B",
    "#7F7F7F",
)
NO_SOURCE_COLOUR = "#BBBBBB"
SUPPORTS = "✓ supports the selected claim"


def source_colour(source: int) -> QColor:
    return QColor(SOURCE_COLOURS[source % len(SOURCE_COLOURS)])


def key_icon(colour: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(colour)
    return QIcon(pix)


def percent(share: float) -> str:
    if 0 < share < 0.005:
        return "under 1 %"
    return f"{round(share * 100)} %"


class SourceSwitcher(QFrame):
    """Signals: sourceChosen(int) when the reader picks a source (0-based)."""

    sourceChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceSwitcher")
        self.setAccessibleName("Sources of the derived text")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 2, 4, 2)
        self.row.setSpacing(6)
        self.title = QLabel("Supported by:", self)
        self.row.addWidget(self.title)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.sourceChosen.emit)
        self.buttons: list[QToolButton] = []
        self.none_label = QLabel(self)
        self.none_label.setObjectName("noSourceShare")
        self.row.addStretch(1)
        self._names: list[str] = []
        self._shares: list[tuple[int, float]] = []
        self._supporting: tuple[int, ...] = ()
        self.hide()

    def set_sources(
        self, names: Sequence[str], shares: Sequence[tuple[int, float]], none: tuple[int, float]
    ) -> None:
        """Show these sources (``shares``: derived claims and share of the derived text each
        supports; ``none``: the same for no source). No names: hidden (a pair review)."""
        for b in self.buttons:
            self.group.removeButton(b)
            b.deleteLater()
        self.buttons = []
        self._names, self._shares, self._supporting = list(names), list(shares), ()
        self.row.removeWidget(self.none_label)
        if not names:
            self.hide()
            return
        for k in range(len(names)):
            b = QToolButton(self)
            b.setObjectName(f"source{k + 1}")
            b.setCheckable(True)
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setIcon(key_icon(source_colour(k)))
            b.setIconSize(QSize(12, 12))
            self.group.addButton(b, k)
            self.row.insertWidget(1 + k, b)
            self.buttons.append(b)
            self._label(k)
        claims, share = none
        self.none_label.setPixmap(QPixmap())
        self.none_label.setText(
            f"▨ no source — {percent(share)} ({claims} claim{'s' if claims != 1 else ''})"
        )
        self.none_label.setToolTip("Claims of the derived text that none of the sources supports")
        self.row.insertWidget(1 + len(names), self.none_label)
        self.buttons[0].setChecked(True)
        self.show()

    def _label(self, k: int) -> None:
        claims, share = self._shares[k]
        text = f"s{k + 1} · {self._names[k]} — {percent(share)}"
        if k in self._supporting:
            text += f"  {SUPPORTS}"
        b = self.buttons[k]
        b.setText(text.replace("&", "&&"))  # a file name's "&" is no mnemonic
        b.setToolTip(
            f"Source {k + 1}: {self._names[k]}\nsupports {claims} claim{'s' if claims != 1 else ''} "
            f"({percent(share)} of the derived text); click to show it on the left"
        )
        b.setAccessibleName(text)

    def set_supporting(self, sources: Sequence[int], shown: int | None) -> None:
        """Mark the sources that support the selected claim; check the one shown on the left."""
        self._supporting = tuple(sources)
        for k in range(len(self.buttons)):
            self._label(k)
        if shown is not None and 0 <= shown < len(self.buttons):
            self.buttons[shown].setChecked(True)

    @property
    def supporting(self) -> tuple[int, ...]:
        """The sources marked as supporting the selected claim."""
        return self._supporting

    def current(self) -> int:
        return self.group.checkedId()

    def texts(self) -> list[str]:
        """What the strip says, button by button, then the no-source share (for tests and
        screen readers)."""
        return [b.text().replace("&&", "&") for b in self.buttons] + [self.none_label.text()]
