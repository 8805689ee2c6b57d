"""Colours, marks and the light/dark application theme.

The change-kind colours are the Okabe–Ito palette, chosen because readers with any common form
of colour blindness can still tell them apart; every kind also has a margin mark so colour is
never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.resources import data_path


class Theme(str, Enum):
    """The user's theme choice."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class KindStyle:
    """How one change kind looks: its colour, its margin mark and its legend label."""

    colour: str
    mark: str
    label: str


KIND_STYLES: dict[ChangeKind, KindStyle] = {
    ChangeKind.REWORDED: KindStyle("#E69F00", "≈", "reworded"),
    ChangeKind.MOVED: KindStyle("#56B4E9", "↕", "moved"),
    ChangeKind.ADDED: KindStyle("#009E73", "+", "added"),
    ChangeKind.REMOVED: KindStyle("#D55E00", "−", "removed"),
    ChangeKind.SPLIT: KindStyle("#CC79A7", "÷", "split"),
    ChangeKind.MERGED: KindStyle("#CC79A7", "∪", "merged"),
    ChangeKind.UNCHANGED: KindStyle("#999999", "!", "unchanged, flagged"),
}

FLAG_COLOUR = "#D55E00"  # wavy underline under flagged wording
# Text accents, chosen to keep 4.5:1 contrast on every kind tint, the selected change's
# stronger tint included (light theme / dark theme).
FACT_COLOUR_LIGHT = "#004F8C"
FACT_COLOUR_DARK = "#B3DCFF"
DELETED_COLOURS = ("#8F2412", "#FFB4AB")  # struck-through words of the original
INSERTED_COLOURS = ("#00553A", "#9FF0CC")  # underlined words of the rewrite


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's base colour is dark (decides tint strength and text accents)."""
    pal = palette if palette is not None else QApplication.palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def blend(colour: str | QColor, base: QColor, alpha: float) -> QColor:
    """``colour`` laid over ``base`` at ``alpha`` (0..1), as an opaque colour."""
    c = QColor(colour)
    return QColor(
        round(c.red() * alpha + base.red() * (1 - alpha)),
        round(c.green() * alpha + base.green() * (1 - alpha)),
        round(c.blue() * alpha + base.blue() * (1 - alpha)),
    )


def kind_tint(kind: ChangeKind, palette: QPalette, *, strong: bool = False) -> QColor:
    """Background tint of a claim of this kind (``strong`` for the selected change)."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = is_dark(palette)
    if kind is ChangeKind.UNCHANGED:
        alpha = 0.0 if not strong else (0.30 if dark else 0.22)
    else:
        alpha = (0.22 if dark else 0.20) if not strong else (0.36 if dark else 0.42)
    return blend(KIND_STYLES[kind].colour, base, alpha)


def deleted_colour(palette: QPalette) -> QColor:
    return QColor(DELETED_COLOURS[is_dark(palette)])


def inserted_colour(palette: QPalette) -> QColor:
    return QColor(INSERTED_COLOURS[is_dark(palette)])


def fact_colour(palette: QPalette) -> QColor:
    return QColor(FACT_COLOUR_DARK if is_dark(palette) else FACT_COLOUR_LIGHT)


def dark_palette() -> QPalette:
    """A calm dark palette for the Fusion style."""
    pal = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2d30",
        role.WindowText: "#e4e4e4",
        role.Base: "#1e1f22",
        role.AlternateBase: "#26282b",
        role.ToolTipBase: "#2b2d30",
        role.ToolTipText: "#e4e4e4",
        role.PlaceholderText: "#8a8a8a",
        role.Text: "#e4e4e4",
        role.Button: "#35373b",
        role.ButtonText: "#e4e4e4",
        role.BrightText: "#ff6b6b",
        role.Link: "#8cc8ff",
        role.Highlight: "#2f65a6",
        role.HighlightedText: "#ffffff",
        role.Mid: "#45474b",
        role.Dark: "#18191b",
        role.Light: "#4a4c50",
    }
    for r, c in colours.items():
        pal.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7a7a7a"))
    return pal


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Set the style, palette and stylesheet of the whole application."""
    if theme is Theme.SYSTEM:
        # Follow the platform: keep its style and palette, only add our stylesheet.
        app.setPalette(QPalette())
    else:
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())
    qss = data_path("styles", "app.qss")
    app.setStyleSheet(qss.read_text(encoding="utf-8") if qss.is_file() else "")


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet again to ``widget`` and its descendants after a property changed.

    Rules such as ``QFrame#messageBar[dark="true"] QLabel`` depend on an ancestor's property;
    Qt re-evaluates them only for widgets that are polished again.
    """
    for w in (widget, *widget.findChildren(QWidget)):
        style = w.style()
        style.unpolish(w)
        style.polish(w)
        w.update()
