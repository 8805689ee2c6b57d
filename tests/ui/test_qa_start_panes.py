"""The start page's panes hold stories not compared yet: a wrong paste can be replaced or cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from factcheck_gui.ui.docindex import Side
from tests.ui.conftest import REFERENCE


def _paste(qtbot, pane, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_wrong_paste_on_the_start_page_can_be_replaced(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_start_page()
    left, right = window.start.pane(Side.ORIGINAL), window.start.pane(Side.REWRITE)
    _paste(qtbot, left, "The wrong article. It says 5 things.")
    qtbot.waitUntil(lambda: "wrong article" in left.toPlainText(), timeout=10000)
    original = REFERENCE[0].read_text(encoding="utf-8")
    _paste(qtbot, left, original)  # the reader noticed and pastes the right one
    qtbot.waitUntil(lambda: "wrong article" not in left.toPlainText(), timeout=10000)
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        _paste(qtbot, right, REFERENCE[1].read_text(encoding="utf-8"))
    comp = window.session.index.comparison
    assert "wrong article" not in comp.original.text
    assert comp.original.text.split()[:5] == original.split()[:5]


def test_a_start_page_pane_can_be_cleared_but_a_review_pane_is_never_replaced(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_start_page()
    left = window.start.pane(Side.ORIGINAL)
    _paste(qtbot, left, "The wrong article.")
    qtbot.waitUntil(lambda: not left.is_empty(), timeout=10000)
    assert Side.ORIGINAL in window.input.pending
    left.clear_story()
    assert left.is_empty() and Side.ORIGINAL not in window.input.pending

    review_pane = window.review.comparison.right
    assert not review_pane.replaceable
