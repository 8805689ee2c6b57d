"""Tooltips quote story text and file names: shown as written, never read as markup."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from factcheck_gui.ui.models.change_model import Column

MARKUP = '<b>Bold?</b> &amp; <img src="x.png"> The mayor said 5.'
MARKUP_B = '<b>Bold!</b> &amp; <img src="y.png"> The mayor said 6.'


def _as_displayed(tooltip: str) -> str:
    """The text a tooltip shows (Qt renders it as rich text when it looks like HTML)."""
    doc = QTextDocument()
    if QtGui.Qt.mightBeRichText(tooltip):
        doc.setHtml(tooltip)
    else:
        doc.setPlainText(tooltip)
    return doc.toPlainText()


def test_change_list_tooltips_show_story_text_as_written(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "<u>a.txt", tmp_path / "<u>b.txt"
    a.write_text(f"The council met on Monday. {MARKUP}\n", encoding="utf-8")
    b.write_text(f"The council met on Monday. {MARKUP_B}\n", encoding="utf-8")
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_paths(a, b)
    model = window.review.changes.model
    row = next(r for r in range(model.rowCount()) if "Bold" in str(model.index(r, Column.ORIGINAL).data()))
    for col, expected in ((Column.ORIGINAL, MARKUP), (Column.REWRITE, MARKUP_B)):
        tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
        assert _as_displayed(tip).strip().endswith(expected)
        assert _as_displayed(tip).strip() == model.index(row, col).data()

    window.nav.show_start_page()
    qtbot.waitUntil(lambda: window.start.model.rowCount() > 0, timeout=10000)
    tip = window.start.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<u>a.txt → <u>b.txt" in _as_displayed(tip)
