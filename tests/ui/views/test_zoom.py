"""View → Zoom in / Zoom out / Actual size: the story text of both panes (and the inline view)
grows and shrinks together, within bounds, is kept across restarts, and the selected change stays
on screen while it does."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from factcheck_gui.review.docindex import Side
from factcheck_gui.ui.shell.settings import Settings

CHANGE = "c10"  # far enough down the demo that a pane jumping to the top loses it


def _sizes(win) -> list[float]:  # type: ignore[no-untyped-def]
    comp = win.review.comparison
    return [v.font().pointSizeF() for v in (comp.left, comp.right, comp.inline)]


def _top(pane, change_id: str) -> int:  # type: ignore[no-untyped-def]
    change = pane.index.change(change_id)
    start, _end = pane.side_index.span(pane.index.claim_ids(change, pane.side)[0])
    return int(pane.position_rect(start).top())


def _on_screen(pane, change_id: str) -> bool:  # type: ignore[no-untyped-def]
    """The change's first claim in this pane is inside the viewport."""
    change = pane.index.change(change_id)
    ids = pane.index.claim_ids(change, pane.side)
    start, _end = pane.side_index.span(ids[0])
    top = pane.position_rect(start).top()
    return 0 <= top < pane.viewport().height()


def _select_far_down(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    win.resize(1000, 560)  # short panes: the change is well below the first screen
    qtbot.wait(50)
    assert win.review.select_change(CHANGE)
    comp = win.review.comparison
    qtbot.waitUntil(lambda: _on_screen(comp.left, CHANGE) and _on_screen(comp.right, CHANGE))
    assert comp.left.verticalScrollBar().value() > 0


def test_zoom_in_out_and_actual_size_scale_both_panes_together(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    base = _sizes(opened)
    assert base[0] == base[1] == base[2] > 0
    opened.commands["zoom_in"].trigger()
    bigger = _sizes(opened)
    assert bigger[0] == bigger[1] == bigger[2] == base[0] * 1.1
    opened.commands["zoom_in"].trigger()
    assert _sizes(opened)[0] == base[0] * 1.25
    opened.commands["zoom_out"].trigger()
    opened.commands["zoom_out"].trigger()
    opened.commands["zoom_out"].trigger()
    assert _sizes(opened) == [base[0] * 0.9] * 3
    opened.commands["actual_size"].trigger()
    assert _sizes(opened) == base
    assert opened.statusBar().currentMessage() == "Zoom 100 %"  # the reader is told the zoom


def test_keyboard_shortcuts(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    base = _sizes(opened)[0]
    table = opened.review.changes.table
    table.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(table, Qt.Key.Key_Equal, ctrl)  # Ctrl+= (the key under + without Shift)
    assert _sizes(opened)[0] == base * 1.1
    qtbot.keyClick(table, Qt.Key.Key_Plus, ctrl)
    assert _sizes(opened)[0] == base * 1.25
    qtbot.keyClick(table, Qt.Key.Key_Minus, ctrl)
    assert _sizes(opened)[0] == base * 1.1
    qtbot.keyClick(table, Qt.Key.Key_0, ctrl)
    assert _sizes(opened)[0] == base
    # Ctrl+0 is not the "0" that clears a verdict, nor the other way round
    assert opened.commands["clear_verdict"].shortcut().toString() == "0"


def test_zoom_is_bounded(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    base = _sizes(opened)[0]
    for _ in range(30):
        opened.commands["zoom_in"].trigger()
    assert opened.zoom.percent == 300 and _sizes(opened)[0] == base * 3
    for _ in range(30):
        opened.commands["zoom_out"].trigger()
    assert opened.zoom.percent == 50 and _sizes(opened)[0] == base * 0.5


def test_zoom_is_kept_across_restarts(qtbot, tmp_path, db_url) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    ini = str(tmp_path / "restart.ini")
    first = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)), db_url)
    qtbot.addWidget(first)
    base = first.review.comparison.left.font().pointSizeF()
    first.commands["zoom_in"].trigger()
    first.commands["zoom_in"].trigger()
    first.quit_without_notes = True
    first.close()

    again = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)), db_url)
    qtbot.addWidget(again)
    assert again.zoom.percent == 125
    assert _sizes(again) == [base * 1.25] * 3
    assert again.start.left.font().pointSizeF() == base * 1.25  # the start page's panes too
    again.quit_without_notes = True
    again.close()


def test_the_selected_change_stays_on_screen_while_zooming(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    comp = opened.review.comparison
    _select_far_down(qtbot, opened)
    line = comp.left.line_step()
    for command in ["zoom_in"] * 8 + ["actual_size"] + ["zoom_out"] * 6 + ["actual_size"]:
        before = [_top(pane, CHANGE) for pane in (comp.left, comp.right)]
        opened.commands[command].trigger()
        qtbot.wait(10)
        for pane, was in zip((comp.left, comp.right), before, strict=True):
            assert _on_screen(pane, CHANGE), (command, pane.side)
            # where it was, give or take a line (scrolling goes by whole lines), unless the story
            # is scrolled to its end and cannot go further
            sb = pane.verticalScrollBar()
            if command == "zoom_in" and sb.minimum() < sb.value() < sb.maximum():
                assert abs(_top(pane, CHANGE) - was) <= 2 * max(line, pane.line_step()), (command, pane.side)
    assert opened.review.current_change_id() == CHANGE


def test_a_font_change_from_the_settings_keeps_the_change_too(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    comp = opened.review.comparison
    _select_far_down(qtbot, opened)
    opened.settings.font_size = 16
    opened.prefs.apply_font()
    assert comp.left.font().pointSizeF() == 16
    assert _on_screen(comp.left, CHANGE) and _on_screen(comp.right, CHANGE)


def test_text_that_comes_into_view_at_a_smaller_size_is_styled(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    comp = opened.review.comparison
    for _ in range(6):
        opened.commands["zoom_out"].trigger()
    qtbot.wait(20)
    pane = comp.right
    last = pane.visible_range()[1]
    block = pane.document().findBlock(last)
    assert pane.highlighter.is_formatted(block)
    assert pane.side is Side.REWRITE
