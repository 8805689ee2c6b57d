"""Issue 15, defect 5: the reason for a flag is read without scrolling, the Flags column uncut."""

from __future__ import annotations

import pytest

from factcheck_gui.ui.models.change_model import Column
from tests.ui.driver import Driver


@pytest.mark.parametrize("size", [(1280, 860), (1600, 1000)])
def test_the_flag_reasons_of_each_flagged_change_are_in_view(qtbot, driver: Driver, size) -> None:  # type: ignore[no-untyped-def]
    driver.resize(*size)
    driver.open_demo()
    flagged = [c for c in driver.win.session.index.review_changes if c.flags]
    assert flagged
    for change in flagged:
        driver.select_change(change.id)
        qtbot.wait(20)
        assert change.flags[0].message in driver.flag_reasons
        if change.diff:
            assert driver.what_changed.startswith("Changed: ")
        assert driver.flag_reasons_in_view(), f"{change.id}: the reason for its flag is below the fold"
    # after typing a note (the panel scrolls to it), the next change's reasons are in view again
    driver.select_change(flagged[0].id)
    driver.type_note("checked")
    driver.leave_note()
    driver.select_change(flagged[1].id)
    qtbot.wait(20)
    assert driver.flag_reasons_in_view()


def test_what_changed_lists_the_word_changes() -> None:
    from factcheck_gui.engine.compare import compare_texts
    from factcheck_gui.ui.views.verdict_panel import what_changed

    comparison = compare_texts(
        "Putin said Russia might supply arms to Korea.", "Putin indicated Russia may supply arms to Korea."
    )
    change = next(c for c in comparison.changes if c.is_change)
    assert what_changed(change, comparison) == "Changed: “said” → “indicated”; “might” → “may”"


@pytest.mark.parametrize("size", [(1280, 860), (1600, 1000)])
def test_the_flags_column_shows_its_text_uncut(qtbot, driver: Driver, size) -> None:  # type: ignore[no-untyped-def]
    driver.resize(*size)
    driver.open_demo()
    qtbot.wait(20)
    assert driver.elided_cells(Column.FLAGS) == []


def test_detail_only_the_rewrite_gives_is_a_note_in_the_panel_not_a_left_out_fact(
    qtbot, driver: Driver, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    story = (
        "Mayor Anna Berg said on Thursday that 36 people died in the flood in Ziarat district. "
        "About 250 homes were destroyed. The city may close the old bridge, she said.\n"
    )
    (tmp_path / "o.txt").write_text(story, encoding="utf-8")
    (tmp_path / "r.txt").write_text(
        story.replace("About 250 homes were destroyed.", "About 250 homes were destroyed in Quetta."),
        encoding="utf-8",
    )
    driver.open_pair(tmp_path / "o.txt", tmp_path / "r.txt")
    change = next(c for c in driver.win.session.index.review_changes if c.omitted)
    driver.select_change(change.id)
    qtbot.wait(20)
    assert "Note (not a changed fact): name added: Quetta" in driver.flag_reasons
    assert "Left out" not in driver.flag_reasons  # nothing was left out: Quetta was added
