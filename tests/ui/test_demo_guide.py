"""The first-run guide to the demo: shown once, never in the way of the keys, reopened from Help."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from factcheck_gui.ui.controllers.guide import ENV_OFF, SETTING_OFF
from tests.ui.driver import Driver


@pytest.fixture
def first_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a reader's first start: nothing turns the guide off."""
    monkeypatch.delenv(ENV_OFF, raising=False)


def _inside(outer: QRect, inner: QRect | None) -> bool:
    return inner is not None and outer.adjusted(-4, -4, 4, 4).contains(inner)


def _rect_of(widget, window) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def test_the_guide_shows_the_first_time_the_demo_opens_and_leaves_the_keys_alone(  # type: ignore[no-untyped-def]
    qtbot, first_run, driver: Driver
) -> None:
    driver.open_demo()
    assert driver.guide_shown and driver.guide_step == "The change list"
    card = driver.win.guide.card
    assert QApplication.activeModalWidget() is None  # not a dialog: the window stays usable
    assert driver.win.review.changes.table.hasFocus()  # the keys still go to the list
    # The spotlight is on the change list, and the card does not cover it.
    assert _inside(card.spotlight.geometry(), _rect_of(driver.win.review.changes, driver.win))
    # A verdict key goes to the selected change, as without the guide.
    cid = driver.current_change
    driver.press_verdict("1")
    assert driver.win.session.value(cid) == driver.win.session.scale[0]
    driver.press("J")
    assert driver.current_change != cid and driver.guide_shown

    titles = [driver.guide_step]
    for _ in range(4):
        driver.guide_next()
        titles.append(driver.guide_step)
        assert card.spotlight.isVisible() and card.target_rect() is not None
        assert _inside(card.spotlight.geometry(), card.target_rect().intersected(driver.win.rect()))
        if titles[-1] != "The two stories side by side":  # the panes fill the top: the card sits on them
            assert not card.geometry().intersects(card.target_rect())
    assert titles == [
        "The change list",
        "The two stories side by side",
        "A flagged word",
        "Your verdict, one key",
        "Export the review",
    ]
    driver.guide_next()  # "Done"
    assert not driver.guide_shown
    assert str(driver.win.settings.q.value(SETTING_OFF)).lower() == "true"

    driver.go_to_start_page()
    driver.open_demo()
    assert not driver.guide_shown  # once is enough
    driver.open_guide()  # Help → Guide to the demo
    assert driver.guide_shown and driver.guide_step == "The change list"


def test_the_flagged_word_step_points_at_a_flagged_word_on_screen(qtbot, first_run, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.controllers.guide import flagged_word_rect

    driver.open_demo()
    driver.select_change("c1")  # flagged: a hedge, an attribution and a quotation
    comparison = driver.win.review.comparison
    rect = flagged_word_rect((comparison.right, comparison.left), driver.win)
    assert rect is not None
    pane = comparison.right if _inside(_rect_of(comparison.right, driver.win), rect) else comparison.left
    viewport_pos = pane.viewport().mapFrom(driver.win, rect.center())
    qpos = pane.cursorForPosition(viewport_pos).position()
    flags = [r for r in pane.side_index.marks.between(qpos - 1, qpos + 1) if r.key == "flag"]
    assert flags, "the guide points at a word that is not flagged"


def test_unticked_the_guide_comes_again_with_the_demo(qtbot, first_run, driver: Driver, db_url: str) -> None:  # type: ignore[no-untyped-def]
    driver.open_demo()
    driver.close_guide(dont_show_again=False)
    assert not driver.guide_shown
    assert str(driver.win.settings.q.value(SETTING_OFF)).lower() == "false"
    driver.go_to_start_page()
    driver.open_demo()
    assert not driver.guide_shown  # not twice in one run
    from factcheck_gui.ui.main_window import MainWindow

    driver.quit()  # the next start of the app
    again = MainWindow(driver.win.settings, db_url)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    second = Driver(qtbot, again)
    second.open_demo()
    assert second.guide_shown  # the next start shows it again
    again.quit_without_notes = True
    again.close()


def test_help_opens_the_demo_with_its_guide_from_the_start_page(qtbot, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    assert driver.on_start_page and not driver.guide_shown
    with qtbot.waitSignal(driver.win.reviewShown, timeout=30000):
        driver.open_guide()
    assert driver.guide_shown and driver.guide_step == "The change list"
    driver.go_to_start_page()
    assert not driver.guide_shown  # its targets left with the review


def test_the_test_suite_and_screenshots_open_the_demo_without_the_guide(qtbot, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    driver.open_demo()
    assert not driver.guide_shown


def test_the_card_is_opaque_over_the_story_it_sits_on(qtbot, first_run, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    # A reviewer found the card's words printed over the original's text: its style sheet
    # drew a border and no background.
    from PySide6.QtGui import QPalette

    driver.open_demo()
    card = driver.win.guide.card
    panes = driver.win.review.comparison
    assert card.geometry().intersects(_rect_of(panes, driver.win))  # it sits on the stories
    shot = driver.win.grab().toImage()
    ratio = shot.devicePixelRatio()
    top_left = card.mapTo(driver.win, card.rect().topLeft())
    want = card.palette().color(QPalette.ColorRole.Window).rgb()
    # The card's inner margin, down its left side: the card's own colour all the way.
    for y in range(8, card.height() - 8, 4):
        pixel = shot.pixelColor(int((top_left.x() + 5) * ratio), int((top_left.y() + y) * ratio))
        assert pixel.rgb() == want, (y, pixel.name())
