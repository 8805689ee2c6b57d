"""Find (Ctrl+F) while View → Inline view is shown searches the column shown there (issue 15):
the hit is selected in the column, its change is selected, and the bar counts the column's hits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.driver import Driver

ORIGINAL = (
    "The mayor opened the new bridge on Monday. It cost 12 million dollars to build.\n\n"
    "Residents say the bridge is busy already. Traffic on the bridge was light in the morning."
)
REWRITE = (
    "The mayor opened the new bridge on Monday. It cost 15 million dollars to build.\n\n"
    "Residents say the bridge is busy already. Traffic on the bridge was heavy in the morning."
)


@pytest.fixture
def inline_shown(qtbot, driver: Driver, tmp_path: Path) -> Driver:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "original.txt", tmp_path / "rewrite.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    driver.open_pair(a, b)
    driver.win.commands["inline_view"].trigger()
    inline = driver.win.review.comparison.inline
    qtbot.waitUntil(lambda: inline.built is not None, timeout=20000)
    return driver


def _find(qtbot, d: Driver, text: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F in the inline view, type ``text``, Enter."""
    comparison = d.win.review.comparison
    comparison.inline.setFocus()
    qtbot.keyClick(comparison.inline, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(comparison.find_bar.edit.hasFocus()), timeout=3000)
    comparison.find_bar.edit.selectAll()
    qtbot.keyClicks(comparison.find_bar.edit, text)
    qtbot.keyClick(comparison.find_bar.edit, Qt.Key.Key_Return)


def test_find_searches_the_inline_column_and_cycles(qtbot, inline_shown: Driver) -> None:  # type: ignore[no-untyped-def]
    d = inline_shown
    inline = d.win.review.comparison.inline
    column = inline.toPlainText()
    # "bridge" stands 3 times in each text (6 in the two panes) but 3 times in the column.
    assert column.count("bridge") == 3
    _find(qtbot, d, "Bridge")
    assert d.find_status == "1 of 3 · inline"
    starts = []
    changes_seen: set[str] = set()
    for n in (1, 2, 3):
        assert d.find_status == f"{n} of 3 · inline"
        cursor = inline.textCursor()
        assert cursor.selectedText() == "bridge"  # the hit is selected in the column
        starts.append(cursor.selectionStart())
        holding = inline.built.change_at(cursor.selectionStart())
        if holding and d.win.session.index.change(holding).is_change:
            # The change holding the hit is selected in the list and the column.
            assert d.current_change == holding and inline.current_change_id == holding
            changes_seen.add(holding)
        d.find_next()
    assert starts == sorted(starts) and len(set(starts)) == 3
    assert changes_seen  # (a hit in a changed claim was among them)
    assert starts == [i for i in range(len(column)) if column.startswith("bridge", i)]
    # Round again to the first, and back with Shift+Enter and F3 / Shift+F3.
    assert d.find_status == "1 of 3 · inline" and inline.textCursor().selectionStart() == starts[0]
    d.find_previous()
    assert d.find_status == "3 of 3 · inline" and inline.textCursor().selectionStart() == starts[2]
    inline.setFocus()
    qtbot.keyClick(inline, Qt.Key.Key_F3)
    assert d.find_status == "1 of 3 · inline"
    qtbot.keyClick(inline, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert d.find_status == "3 of 3 · inline"


def test_a_deleted_word_is_found_in_the_column_and_selects_its_change(qtbot, inline_shown: Driver) -> None:  # type: ignore[no-untyped-def]
    d = inline_shown
    inline = d.win.review.comparison.inline
    index = d.win.session.index
    changed = next(c for c in index.review_changes if "12" in index.comparison.text_of(c, "original"))
    d.select_change(next(c.id for c in index.review_changes if c.id != changed.id))
    _find(qtbot, d, "12 ")  # struck through in the column: only in the original's text
    assert d.find_status == "1 of 1 · inline"
    assert inline.textCursor().selectedText() == "12 "
    assert d.current_change == changed.id and inline.current_change_id == changed.id
    _find(qtbot, d, "nowhere")
    assert d.find_status == "no match"
    assert d.current_change == changed.id  # "no match" leaves the selection alone


def test_back_in_the_two_panes_find_searches_them_again(qtbot, inline_shown: Driver) -> None:  # type: ignore[no-untyped-def]
    d = inline_shown
    d.win.commands["inline_view"].trigger()  # off: the two panes
    d.find("bridge")
    assert d.find_status == "1 of 6 · original"
