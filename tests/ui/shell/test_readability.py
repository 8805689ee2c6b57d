"""Readable in both themes, measured on the rendered pixels: message bars and the chosen verdict."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from factcheck_gui.ui.shell.theme import Theme, apply_theme, is_dark


def luminance(c: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def pixels(widget: QWidget, rect: QRect | None = None) -> list[QColor]:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    r = rect or widget.rect()
    return [
        image.pixelColor(int(x * ratio), int(y * ratio))
        for y in range(r.top(), r.bottom() + 1)
        for x in range(r.left(), r.right() + 1)
    ]


def text_contrast(widget: QWidget, rect: QRect) -> float:
    """Contrast of the text in ``rect`` of ``widget`` as painted: the most common colour is the
    background, the glyph pixel farthest from it is the text colour."""
    colours = pixels(widget, rect)
    background = QColor(Counter(c.rgb() for c in colours).most_common(1)[0][0])
    return max(contrast(c, background) for c in colours)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_every_message_kind_is_readable(qtbot, window, theme: Theme, restore_app_look) -> None:  # type: ignore[no-untyped-def]
    apply_theme(restore_app_look, theme)
    assert is_dark() is (theme is Theme.DARK)
    bar = window.message
    shows = {
        "info": lambda: bar.show_info("Review exported to /tmp/story-review.html"),
        "warning": lambda: bar.show_warning("2 characters of this review could not be stored."),
        "error": lambda: bar.show_error("The review database reviews.db is damaged (not a database)."),
        "offer": lambda: bar.show_offer("3 verdicts of review #1 apply here.", "Carry 3 over", lambda: None),
    }
    backgrounds = set()
    for kind, show in shows.items():
        show()
        qtbot.waitUntil(lambda: bar.label.isVisible() and bar.label.width() > 50)
        text_box = bar.label.geometry()
        ratio = text_contrast(bar, text_box)
        assert ratio >= 4.5, f"{kind} message in the {theme} theme: contrast {ratio:.2f}"
        backgrounds.add(Counter(c.rgb() for c in pixels(bar, text_box)).most_common(1)[0][0])
        bar.clear()
    assert len(backgrounds) == 3  # info (and offers), warning and error each look different


def test_a_message_shown_before_a_theme_change_stays_readable(qtbot, window, restore_app_look) -> None:  # type: ignore[no-untyped-def]
    apply_theme(restore_app_look, Theme.LIGHT)
    window.message.show_error("The review database reviews.db is damaged.")
    window.settings.theme = Theme.DARK
    window.prefs.apply()  # what Settings → OK does
    bar = window.message
    qtbot.waitUntil(lambda: bar.label.width() > 50)
    assert text_contrast(bar, bar.label.geometry()) >= 4.5


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_chosen_verdict_is_clearly_marked(qtbot, opened, theme: Theme, restore_app_look) -> None:  # type: ignore[no-untyped-def]
    win = opened
    win.settings.theme = theme
    win.prefs.apply()
    panel = win.review.verdict
    assert panel.apply_number(2)
    buttons = sorted(panel.buttons.buttons(), key=panel.buttons.id)
    chosen, other = buttons[1], buttons[2]
    assert chosen.isChecked() and not other.isChecked()
    assert chosen.text().startswith("✓") and not other.text().startswith("✓")  # not colour alone
    qtbot.waitUntil(lambda: chosen.isVisible() and chosen.height() > 10)

    window_colour = win.palette().color(win.backgroundRole())

    def edge_contrast(button: QWidget) -> float:
        """The strongest contrast of the button's left edge against the window (WCAG: 3:1 for
        the boundary of a control that shows a state)."""
        mid = button.height() // 2
        return max(contrast(c, window_colour) for c in pixels(button, QRect(0, mid - 2, 3, 5)))

    assert edge_contrast(chosen) >= 3.0, f"{theme}: {edge_contrast(chosen):.2f}"
    assert edge_contrast(chosen) > edge_contrast(other) + 1.0
    assert text_contrast(chosen, chosen.rect().adjusted(4, 4, -4, -4)) >= 4.5

    assert panel.apply_number(2)  # the same key again: still chosen, still marked
    assert chosen.isChecked() and chosen.text().startswith("✓")
    panel.apply_verdict(None)
    assert not chosen.isChecked() and not chosen.text().startswith("✓")
