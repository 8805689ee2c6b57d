"""Issue 15, defect 4: a Find hit selects its change, clears the old hit and counts the hits."""

from __future__ import annotations

import time

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.review.docindex import ComparisonIndex, Side
from tests.ui.driver import Driver


def _holder(driver: Driver, side: str, start: int) -> str:
    index = driver.win.session.index
    change = index.change_at(Side.ORIGINAL if side == "original" else Side.REWRITE, start)
    assert change is not None
    return change.id


def test_each_hit_selects_its_change_and_says_which_of_how_many(qtbot, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    driver.open_demo()
    original = driver.win.session.index.comparison.original.text
    rewrite = driver.win.session.index.comparison.rewrite.text
    total = original.lower().count("korea") + rewrite.lower().count("korea")
    driver.find("korea")
    assert driver.find_status == f"1 of {total} · original"
    assert driver.selected_text("original") == "Korea"
    first = driver.selection_start("original")
    holder = _holder(driver, "original", first)
    assert driver.change_in_pane("original") == holder == driver.change_in_pane("rewrite")
    if holder in {c.id for c in driver.win.session.index.review_changes}:
        assert driver.current_change == holder  # the change list (and the verdict panel) follow

    seen = {holder}
    for n in range(2, total + 1):  # on through the original, then into the rewrite
        driver.find_next()
        side = "original" if n <= original.lower().count("korea") else "rewrite"
        other = "rewrite" if side == "original" else "original"
        assert driver.find_status == f"{n} of {total} · {side}"
        assert driver.selected_text(side) == "Korea"
        assert driver.selected_text(other) == "", "the old hit is still selected in the other pane"
        holder = _holder(driver, side, driver.selection_start(side))
        assert driver.change_in_pane(side) == holder
        seen.add(holder)
    assert len(seen) > 3  # the hits are in many changes, each one selected in turn

    driver.find_next()  # round to the first again
    assert driver.find_status == f"1 of {total} · original"
    assert driver.selection_start("original") == first and driver.selected_text("rewrite") == ""
    driver.find_previous()  # Shift+Enter: back round to the last one, in the rewrite
    assert driver.find_status == f"{total} of {total} · rewrite"
    assert driver.selected_text("original") == ""
    driver.press_f3()  # F3 from a pane: the next one
    assert driver.find_status == f"1 of {total} · original"
    driver.press_f3(shift=True)
    assert driver.find_status == f"{total} of {total} · rewrite"


def test_no_match_says_so_and_moves_nothing(qtbot, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    driver.open_demo()
    driver.select_row(3)
    before = driver.current_change
    driver.find("no such words in either story")
    assert driver.find_status == "no match"
    assert driver.current_change == before


def test_the_search_counts_and_steps_in_utf16_positions_and_fast_on_a_long_story() -> None:
    from factcheck_gui.review.search import Hit, StorySearch

    search = StorySearch(ComparisonIndex(compare_texts("Korea 😀 korea. İİ Korea.", "KOREA."), facts=False))
    assert search.counts("korea") == (3, 1)
    first = search.step("korea", Side.ORIGINAL, 0)
    assert first == Hit(Side.ORIGINAL, 0, 5)
    second = search.step("korea", Side.ORIGINAL, first.end)
    assert second == Hit(Side.ORIGINAL, 9, 14)  # 😀 is two UTF-16 units
    third = search.step("korea", Side.ORIGINAL, second.end)
    assert third is not None and third.start == 19
    fourth = search.step("korea", Side.ORIGINAL, third.end)  # on into the rewrite
    assert fourth == Hit(Side.REWRITE, 0, 5)
    assert search.step("korea", Side.REWRITE, fourth.end) == first  # and round
    assert search.step("korea", Side.ORIGINAL, 0, backward=True) == fourth  # back round
    assert [search.ordinal("korea", h) for h in (first, second, third, fourth)] == [1, 2, 3, 4]
    assert search.step("seoul", Side.ORIGINAL, 0) is None and search.total("seoul") == 0

    story = "Claim {n} about Korea and the talks. "
    text = "".join(story.format(n=n) for n in range(20_000))
    big = StorySearch(ComparisonIndex(compare_texts(text, text[: len(text) // 2]), facts=False))
    big.start()  # a long story: lower-cased in a thread of its own
    big.counts("korea")  # (a caller that does not ask whether it is ready waits for it)
    assert big.ready
    t0 = time.perf_counter()
    total = big.total("a")  # a letter in every word or so: 200,000 matches
    hit = big.step("a", Side.REWRITE, 10_000)
    assert hit is not None and big.ordinal("a", hit) > big.counts("a")[0]
    took = time.perf_counter() - t0
    assert total == text.count("a") + text[: len(text) // 2].count("a")
    assert took < 0.25, took  # a few milliseconds on an idle machine


def test_a_long_story_is_prepared_aside_and_the_first_enter_answers_when_it_is(qtbot) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.views.comparison_view import PREPARING, ComparisonView

    text = "".join(f"Claim {n} about Korea and the talks. " for n in range(8_000))  # 300 kB
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    view.set_index(ComparisonIndex(compare_texts(text, text), facts=False))
    bar = view.find_bar
    bar.open_bar()
    bar.edit.setText("korea")
    t0 = time.perf_counter()
    found = bar.find_text()
    assert time.perf_counter() - t0 < 0.05 or found  # Enter never waits for the preparation
    if not found:
        assert bar.status.text() == PREPARING
    qtbot.waitUntil(lambda: bar.status.text() == "1 of 16000 · original", timeout=10_000)
    assert view.left.textCursor().selectedText() == "Korea"
