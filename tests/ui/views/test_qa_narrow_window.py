"""The window in half a 1920-px screen or beside a browser on a 1366×768 laptop: 800×560 works."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

from factcheck_gui.ui.shell.theme import Theme, apply_theme
from factcheck_gui.ui.views.verdict_panel import PREFERRED_WIDTH
from tests.ui.conftest import REFERENCE

NARROW = (800, 560)


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _side_by_side(widgets: list[QWidget], ancestor: QWidget) -> None:
    """Each widget is shown whole (not squeezed below its minimum), inside ``ancestor``, and
    none overlaps another."""
    rects = [_rect_in(w, ancestor) for w in widgets]
    for w, r in zip(widgets, rects, strict=True):
        assert w.isVisible(), w
        assert ancestor.rect().contains(r), (w, r, ancestor.rect())
        assert w.width() >= w.minimumSizeHint().width(), w
    for (a, ra), (b, rb) in combinations(zip(widgets, rects, strict=True), 2):
        assert not ra.intersects(rb), (a, ra, b, rb)


@pytest.mark.parametrize("theme", [None, Theme.LIGHT], ids=["platform-style", "app-stylesheet"])
def test_the_review_is_usable_in_a_window_of_800_by_560(  # type: ignore[no-untyped-def]
    qtbot, opened, theme: Theme | None, restore_app_look
) -> None:
    win = opened
    if theme is not None:  # the app's own style and stylesheet make some parts wider
        apply_theme(restore_app_look, theme)
        qtbot.wait(50)
    hint = win.minimumSizeHint()
    assert hint.width() <= NARROW[0] and hint.height() <= NARROW[1], hint
    win.resize(*NARROW)
    qtbot.wait(50)
    assert win.width() <= NARROW[0] and win.height() <= NARROW[1]  # the minimum lets it be that small

    comp, panel, changes = win.review.comparison, win.review.verdict, win.review.changes
    for widget in (comp.left, comp.right, panel):
        assert widget.isVisible() and widget.width() > 150, widget
    _side_by_side([comp.left, comp.curtain, comp.right], comp)
    _side_by_side([changes, panel], win.review)

    # The verdict buttons keep their full width in view: no sideways scrolling.
    assert panel.scroll_area.horizontalScrollBar().maximum() == 0
    viewport = panel.scroll_area.viewport()
    assert panel.buttons.buttons()
    for button in panel.buttons.buttons():
        left = button.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + button.width() <= viewport.width(), button.text()
        assert button.width() >= button.minimumSizeHint().width()

    # The filters wrap rather than overlap, and the list keeps rows to read below them.
    filters = [changes.kind_filter, changes.flag_filter, changes.verdict_filter, changes.unreviewed_only]
    _side_by_side([*filters, changes.count_label], changes)
    below = max(_rect_in(w, changes).bottom() for w in filters)
    assert changes.table.geometry().top() > below
    assert changes.table.viewport().height() >= 3 * changes.table.verticalHeader().defaultSectionSize()

    # The legend wraps too: every entry whole, none on another.
    _side_by_side(
        [
            w
            for w in comp.legend.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisible()
        ],
        comp.legend,
    )

    # A short message in the status bar still has room beside the permanent parts.
    message = "Saved: verdict on C3"
    win.status.flash(message)
    bar = win.statusBar()
    assert bar.currentMessage() == message
    status = win.status
    permanent = [status.progress_label, status.db_label, status.reviewer_label]
    _side_by_side(permanent, bar)
    assert status.progress_label.width() >= status.progress_label.sizeHint().width()  # not shortened
    room = min(w.x() for w in permanent) - 12  # QStatusBar draws the message left of them
    assert room >= bar.fontMetrics().horizontalAdvance(message), room

    # Wide again, the verdict panel and the list's kind, flags and verdict columns have their
    # usual widths back (nothing stays shortened in a wide window).
    win.resize(1200, 820)
    qtbot.wait(50)
    assert panel.width() == PREFERRED_WIDTH
    from factcheck_gui.ui.models.change_model import Column

    header = win.review.changes.table.horizontalHeader()
    kind, flags, verdict = (header.sectionSize(c) for c in (Column.KIND, Column.FLAGS, Column.VERDICT))
    # the Flags column is as wide as this comparison's longest flag names need (issue 15)
    assert (kind, verdict) == (110, 130) and flags >= 130
    assert flags == win.review.changes._flags_width


def test_long_names_are_shortened_rather_than_widen_the_window(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long = "2024-03-12 Interview with the minister of finance on the budget, rewrite for the web"
    a, b = tmp_path / f"{long} (original).txt", tmp_path / f"{long} (rewrite).txt"
    a.write_text(REFERENCE[0].read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text(REFERENCE[1].read_text(encoding="utf-8"), encoding="utf-8")
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_paths(a, b)
    window.status.set_reviewer("Maria-Alexandra Konstantinopoulou-Vandenberghe (night desk)")
    assert window.minimumSizeHint().width() <= NARROW[0]
    window.resize(*NARROW)
    qtbot.wait(50)
    assert window.width() <= NARROW[0]

    title = window.review.comparison.left_title
    assert title.text() == f"Original — {a.name}"  # the whole name, as before
    assert title.shown_text() != title.text() and "…" in title.shown_text()
    assert title.shown_text().endswith("(original).txt")  # the end of a file name stays
    assert a.name in title.toolTip()
    reviewer = window.status.reviewer_label
    assert reviewer.text().startswith("Reviewer: Maria-Alexandra") and "night desk" in reviewer.toolTip()


def test_the_start_page_is_usable_in_a_window_of_800_by_560(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        window.nav.show_start_page()
    assert window.minimumSizeHint().width() <= NARROW[0]
    window.resize(*NARROW)
    qtbot.wait(50)
    assert window.width() <= NARROW[0] and window.height() <= NARROW[1]
    start = window.start
    _side_by_side([start.pair_button, start.demo_button, start.open_button], start)
    _side_by_side([start.left, start.right], start)
    for pane in (start.left, start.right):
        assert pane.width() > 150 and pane.height() >= pane.minimumHeight()
    assert start.table.isVisible() and start.table.height() > 50


def test_a_wide_window_opens_a_review_with_the_columns_at_their_usual_widths(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.models.change_model import Column

    window.resize(1440, 900)
    qtbot.wait(50)
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_paths(*REFERENCE)
    qtbot.wait(50)
    header = window.review.changes.table.horizontalHeader()
    kind, flags, verdict = (header.sectionSize(c) for c in (Column.KIND, Column.FLAGS, Column.VERDICT))
    # the Flags column is as wide as this comparison's longest flag names need (issue 15)
    assert (kind, verdict) == (110, 130) and flags >= 130
    assert flags == window.review.changes._flags_width


def test_filters_wrapped_in_a_short_narrow_list_stay_above_the_table(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win = opened
    review, changes = win.review, win.review.changes
    win.resize(800, 560)
    qtbot.wait(30)
    across = sum(review.bottom.sizes())
    review.bottom.setSizes([260, across - 260])  # the reader drags the list narrow…
    review._panel_dragged = True
    down = sum(review.splitter.sizes())
    review.splitter.setSizes([down - 130, 130])  # …and the bottom pane short
    qtbot.wait(50)
    table_top = changes.table.mapTo(changes, QPoint(0, 0)).y()
    for w in (changes.kind_filter, changes.flag_filter, changes.verdict_filter, changes.unreviewed_only):
        assert w.isVisible()
        assert w.mapTo(changes, QPoint(0, w.height())).y() <= table_top, w
