"""The overview map beside a pane: every change marked by kind and flag, a frame on what the
pane shows, a click on a mark asks for that change, elsewhere for that part of the story."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPlainTextEdit

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.types import ChangeKind, Comparison, Side
from factcheck_gui.ui.shell.theme import FLAG_COLOUR, KIND_STYLES
from factcheck_gui.ui.views.overview_map import MapMark, OverviewMap, marks_of
from tests.ui.conftest import REFERENCE


@pytest.fixture(scope="module")
def demo() -> Comparison:
    return compare_texts(REFERENCE[0].read_text(encoding="utf-8"), REFERENCE[1].read_text(encoding="utf-8"))


@pytest.fixture
def omap(qtbot, demo: Comparison) -> OverviewMap:  # type: ignore[no-untyped-def]
    m = OverviewMap()
    qtbot.addWidget(m)
    m.resize(m.width(), 400)
    m.set_comparison(demo, Side.ORIGINAL)
    m.show()
    qtbot.waitExposed(m)
    return m


def _pixel(m: OverviewMap, x: int, y: int) -> QColor:
    return m.grab().toImage().pixelColor(x, y)


def _close(a: QColor, b: QColor, tol: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < tol


def test_every_change_of_the_side_is_marked(omap: OverviewMap, demo: Comparison) -> None:
    ids = {m.change_id for m in omap.marks()}
    want = {c.id for c in demo.changes if c.is_change and c.original}
    assert ids == want
    assert "c14" not in ids  # added: it has no place in the original
    assert omap.accessibleDescription() == f"{len(want)} changes marked, 4 flagged"


def test_marks_painted_by_kind_with_a_flag_block(omap: OverviewMap, demo: Comparison) -> None:
    removed = omap.change_rows("c7")  # removed, no flag
    assert removed
    y = removed[len(removed) // 2]
    assert _close(_pixel(omap, 4, y), QColor(KIND_STYLES[ChangeKind.REMOVED].colour), 80)
    assert not _close(_pixel(omap, omap.width() - 2, y), QColor(FLAG_COLOUR), 20)
    flagged = omap.change_rows("c3")  # reworded, negation flag: the right edge carries the flag
    y = flagged[len(flagged) // 2]
    assert _close(_pixel(omap, omap.width() - 2, y), QColor(FLAG_COLOUR), 20)
    assert _close(_pixel(omap, 4, y), QColor(KIND_STYLES[ChangeKind.REWORDED].colour), 80)


def test_click_on_a_mark_asks_for_its_change(qtbot, omap: OverviewMap) -> None:  # type: ignore[no-untyped-def]
    for cid in ("c11", "c12", "c13"):  # three removed claims in a row: each its own rows
        rows = omap.change_rows(cid)
        for y in (rows[1], rows[-2]):  # (a row shared with the neighbour shows one of them)
            with qtbot.waitSignal(omap.changeClicked) as got:
                qtbot.mouseClick(omap, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
            assert got.args == [cid]


def test_click_where_nothing_changed_asks_for_a_fraction(qtbot) -> None:  # type: ignore[no-untyped-def]
    m = OverviewMap()
    qtbot.addWidget(m)
    m.resize(m.width(), 200)
    m.set_marks(
        [MapMark(0, 10, ChangeKind.ADDED, False, "c1"), MapMark(190, 200, ChangeKind.REMOVED, True, "c2")],
        200,
    )
    m.show()
    with qtbot.waitSignal(m.positionClicked) as got:
        qtbot.mouseClick(m, Qt.MouseButton.LeftButton, pos=QPoint(5, 100))
    assert got.args[0] == pytest.approx(0.5, abs=0.01)
    with qtbot.waitSignal(m.changeClicked) as got:
        qtbot.mouseClick(m, Qt.MouseButton.LeftButton, pos=QPoint(5, 198))
    assert got.args == ["c2"]
    # Where two changes share a pixel row, the flagged one is shown and taken.
    m.resize(m.width(), 20)
    m.set_marks(
        [MapMark(0, 3, ChangeKind.REWORDED, False, "c1"), MapMark(4, 6, ChangeKind.REWORDED, True, "c2")], 200
    )
    assert m.mark_at(0) is not None and m.mark_at(0).change_id == "c2"  # type: ignore[union-attr]


def test_viewport_follows_the_scrollbar(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QPlainTextEdit("\n".join(f"line {i}" for i in range(400)))
    qtbot.addWidget(edit)
    edit.resize(300, 200)
    edit.show()
    qtbot.waitExposed(edit)
    m = OverviewMap()
    qtbot.addWidget(m)
    m.resize(m.width(), 400)
    m.show()
    sb = edit.verticalScrollBar()
    m.follow(sb)
    top, bottom = m.viewport()  # type: ignore[misc]
    assert top == 0.0 and 0 < bottom < 0.2
    sb.setValue(sb.maximum())
    top, bottom = m.viewport()  # type: ignore[misc]
    assert bottom == pytest.approx(1.0) and top > 0.8
    # The frame is drawn where the pane is: its outline at the bottom, none at the top.
    img = m.grab().toImage()
    text = m.palette().color(m.palette().ColorRole.Text)
    assert _close(img.pixelColor(0, 399), text) and not _close(img.pixelColor(0, 10), text)


def test_marks_of_counts_claims(demo: Comparison) -> None:
    marks, length = marks_of(demo, "rewrite")
    assert length == len(demo.rewrite.text)
    assert {m.change_id for m in marks if m.kind is ChangeKind.ADDED} == {"c14", "c15", "c16"}
    c1 = [m for m in marks if m.change_id == "c1"]
    assert len(c1) == 2 and all(m.flagged for m in c1)  # a split: both rewrite claims


def test_a_long_storys_marks_are_drawn_in_a_turn_of_their_own(qtbot) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.views.overview_map import DRAW_LATER_FROM

    n = DRAW_LATER_FROM + 500
    marks = [MapMark(i * 10, i * 10 + 5, ChangeKind.REMOVED, False, f"c{i + 1}") for i in range(n)]
    m = OverviewMap()
    qtbot.addWidget(m)
    m.resize(m.width(), 300)
    m.set_marks(marks, n * 10)
    m.show()
    qtbot.waitExposed(m)
    removed = QColor(KIND_STYLES[ChangeKind.REMOVED].colour)
    qtbot.waitUntil(lambda: _close(_pixel(m, 4, 150), removed, 80), timeout=3000)
    assert m.mark_at(150) is not None
