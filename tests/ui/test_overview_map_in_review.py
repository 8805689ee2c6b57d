"""The overview map beside each pane's scrollbar in the review window, and the reader's place
kept when the window is resized or the story font changes."""

from __future__ import annotations

import pytest

from tests.ui.driver import Driver


def test_each_pane_has_a_map_of_its_changes(reviewing: Driver) -> None:
    index = reviewing.win.session.index
    assert reviewing.map_marks("original") == {c.id for c in index.review_changes if c.original}
    assert reviewing.map_marks("rewrite") == {c.id for c in index.review_changes if c.rewrite}
    assert "c14" in reviewing.map_marks("rewrite") and "c14" not in reviewing.map_marks("original")


def test_a_click_on_the_map_selects_the_change_and_the_frame_follows(reviewing: Driver) -> None:
    reviewing.set_story_font_size(16)  # (the story is longer than the pane)
    reviewing.select_change("c1")
    top, bottom = reviewing.map_frame("original")
    assert top == pytest.approx(0.0, abs=0.02) and bottom < 0.9
    reviewing.click_map("original", "c13")
    assert reviewing.current_change == "c13"
    assert "c13" in reviewing.panel_title
    assert reviewing.on_screen("c13") == {"original": True}
    top, bottom = reviewing.map_frame("original")
    assert top <= reviewing.map_fraction("original", "c13") <= bottom
    reviewing.click_map("rewrite", "c15")  # an added claim: only the rewrite has it
    assert reviewing.current_change == "c15" and reviewing.on_screen("c15") == {"rewrite": True}


def test_a_click_on_a_change_hidden_by_the_filters_shows_it(reviewing: Driver) -> None:
    reviewing.show_only_flagged()
    assert "c7" not in reviewing.ids_shown()
    reviewing.click_map("original", "c7")
    assert reviewing.current_change == "c7" and "c7" in reviewing.panel_title


@pytest.mark.parametrize("change_id", ["c13", "c9", "c4"])
def test_the_selected_change_stays_in_view_after_a_resize(reviewing: Driver, change_id: str) -> None:
    reviewing.set_story_font_size(14)
    reviewing.select_change(change_id)
    assert all(reviewing.on_screen(change_id).values())
    for width, height in ((900, 640), (1400, 900), (1000, 700)):
        reviewing.resize_window(width, height)
        assert all(reviewing.on_screen(change_id).values()), f"{change_id} out of view at {width}×{height}"
    assert reviewing.current_change == change_id


@pytest.mark.parametrize("change_id", ["c13", "c9"])
def test_the_selected_change_stays_in_view_after_a_font_change(reviewing: Driver, change_id: str) -> None:
    reviewing.set_story_font_size(12)
    reviewing.select_change(change_id)
    for points in (20, 9, 16):
        reviewing.set_story_font_size(points)
        assert all(reviewing.on_screen(change_id).values()), f"{change_id} out of view at {points} pt"


def test_a_change_chosen_during_a_resize_is_where_the_panes_end(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    reviewing.set_story_font_size(14)
    reviewing.select_change("c2")
    reviewing.win.resize(1000, 700)  # the panes hold the reader's place on c2 …
    reviewing.select_change("c13")  # … until the reader chose another change
    qtbot.wait(50)
    assert reviewing.on_screen("c13") == {"original": True}
