"""A review reaches the screen in short turns of the event loop: its page is filled while
hidden, shown at the next turn, and a long story's facts at the top are there when it is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont

from factcheck_gui.engine import compare_texts
from factcheck_gui.review import docindex
from factcheck_gui.review.docindex import ComparisonIndex, Side
from factcheck_gui.ui.views import pane
from tests.ui.views.test_display_speed_paths import _fmt_at, shown_view

from .conftest import REFERENCE


def _at_next_turn_once_filled(window, then) -> None:  # type: ignore[no-untyped-def]
    """Run ``then`` at the first turn of the event loop after the change list is filled (an
    event posted from the fill itself: it runs before any timer)."""
    model = window.review.changes.model

    def filled() -> None:
        if model.rowCount():
            model.modelReset.disconnect(filled)
            QTimer.singleShot(0, then)

    model.modelReset.connect(filled)


def test_the_review_page_is_filled_hidden_and_shown_at_the_next_turn(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    nav = window.nav
    seen: list[tuple[bool, str]] = []
    _at_next_turn_once_filled(
        window, lambda: seen.append((nav.on_start_page(), window.review.comparison.left.toPlainText()))
    )
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        nav.open_paths(*REFERENCE)
    assert nav.session is not None
    # A turn of the event loop (input, paint) between filling the page and showing it.
    assert seen == [(True, nav.session.index.comparison.original.text)]
    assert not nav.on_start_page()
    assert window.review.current_change_id() == nav.session.index.review_changes[0].id


def test_leaving_a_review_before_it_is_shown_keeps_the_readers_place(qtbot, window, settings) -> None:  # type: ignore[no-untyped-def]
    nav = window.nav
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        nav.open_paths(*REFERENCE)
    session = nav.session
    assert session is not None
    review_id = session.review_id
    chosen = session.index.review_changes[2].id
    window.review.select_change(chosen)
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        nav.show_start_page()
    left: list[bool] = []

    def back_at_once() -> None:  # the reader goes back before the review is shown
        left.append(nav.on_start_page())
        nav.show_start_page()

    _at_next_turn_once_filled(window, back_at_once)
    with qtbot.waitSignal(window.reviewsListed, timeout=30000):
        nav.open_review(review_id)
    assert left == [True]
    qtbot.wait(50)
    assert nav.session is None and nav.on_start_page()  # nothing comes back
    assert settings.review_state(nav.service.state_key, review_id).change_id == chosen
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        nav.open_review(review_id)
    assert window.review.current_change_id() == chosen


def test_a_long_storys_facts_on_the_first_screen_are_shown_with_it(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pane, "FORMAT_ALL_UP_TO", 50)
    monkeypatch.setattr(docindex, "EAGER_FACTS_CHARS", 1000)
    text = "\n".join(
        f"On {i % 28 + 1} March {2000 + i % 20}, Minister Alice Brown said {i * 3} workers came."
        for i in range(400)
    )
    index = ComparisonIndex(compare_texts(text, text.replace("workers", "people")))
    side = index.sides[Side.ORIGINAL]
    assert side.facts_pending  # a long story: the rest is lexed between events
    v = shown_view(qtbot, index, 1000, 420)
    # Before any turn of the event loop: the first paragraph's date and name are set in bold.
    assert _fmt_at(v.left, text.index("2000")).fontWeight() == QFont.Weight.Bold
    assert _fmt_at(v.left, text.index("Minister")).fontWeight() == QFont.Weight.Bold
    assert side.facts_pending
    qtbot.waitUntil(lambda: not side.facts_pending, timeout=10000)  # and the rest follows


class _Paints(QObject):
    """Notes, at each paint of a widget, what the reader is shown then."""

    def __init__(self, note) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.note = note
        self.seen: list[object] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append(self.note())
        return False


def test_a_shown_review_is_first_painted_at_a_turn_of_its_own(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Showing the page (its layout, the reader's place) and its first paint are two turns:
    a timer started as the page is shown runs before the page is painted."""
    nav, review = window.nav, window.review
    paints = _Paints(lambda: "paint")
    review.changes.table.viewport().installEventFilter(paints)
    order: list[str] = paints.seen  # type: ignore[assignment]
    # A timer (not a zero-delay call, which is an event posted before the paint's own).
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(lambda: order.append("timer"))
    nav.reviewOpened.connect(lambda _o: timer.start())
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        nav.open_paths(*REFERENCE)
    qtbot.waitUntil(lambda: "paint" in order, timeout=5000)
    assert order[0] == "timer"


def test_the_first_paint_shows_the_readers_place_restored(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    nav, review = window.nav, window.review
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        nav.open_paths(*REFERENCE)
    session = nav.session
    assert session is not None
    review_id = session.review_id
    chosen = session.index.review_changes[-1].id
    review.select_change(chosen)
    place = (chosen, *review.comparison.scroll_state())
    assert place[1] or place[2]  # the last change is further down the story
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        nav.show_start_page()
    paints = _Paints(lambda: (review.current_change_id(), *review.comparison.scroll_state()))
    review.comparison.left.viewport().installEventFilter(paints)
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        nav.open_review(review_id)
    qtbot.waitUntil(lambda: bool(paints.seen), timeout=5000)
    assert paints.seen[0] == place
    assert window.review.isVisible() and window.review.updatesEnabled()
