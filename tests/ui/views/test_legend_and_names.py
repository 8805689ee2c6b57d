"""Issue 15, defect 7: names whole in the panes, and the legend drawn with the panes' formats."""

from __future__ import annotations

from pathlib import Path

from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review.docindex import Mark, Side
from tests.ui.driver import Driver


def _position(driver: Driver, side: Side, want: set[str], avoid: set[str]) -> int:
    """A Qt position of a pane whose styled keys hold ``want`` and none of ``avoid``."""
    plan = driver.win.session.index.sides[side].plan
    for start, end, sid in zip(plan.starts, plan.ends, plan.style, strict=True):
        keys = plan.styles[sid]
        if want <= keys and not keys & avoid:
            return (start + end) // 2 if end - start > 1 else start
    raise AssertionError(f"no {want} without {avoid} in the {side.value} pane")


def _same(a, b, *, underline_only: bool = False) -> None:  # type: ignore[no-untyped-def]
    assert a.underlineStyle() == b.underlineStyle()
    assert a.underlineColor() == b.underlineColor()
    if not underline_only:
        assert a.foreground() == b.foreground()
        assert a.fontStrikeOut() == b.fontStrikeOut()


def test_the_legend_draws_each_mark_as_the_panes_do(qtbot, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    driver.open_demo()
    kinds = {k.value for k in ChangeKind}
    others = {m.value for m in Mark}
    inserted = _position(driver, Side.REWRITE, {Mark.INSERTED.value}, others - {Mark.INSERTED.value})
    flagged = _position(driver, Side.REWRITE, {Mark.FLAG.value}, set())
    deleted = _position(driver, Side.ORIGINAL, {Mark.DELETED.value}, others - {Mark.DELETED.value})
    _same(driver.legend_format("inserted"), driver.pane_format_at("rewrite", inserted))
    # a flag is drawn over the words' other marks (inserted, most often): its underline is the flag
    _same(driver.legend_format("flagged"), driver.pane_format_at("rewrite", flagged), underline_only=True)
    _same(driver.legend_format("deleted"), driver.pane_format_at("original", deleted))
    # inserted and flagged look different in the panes, and so in the legend
    assert (
        driver.legend_format("inserted").underlineStyle() != driver.legend_format("flagged").underlineStyle()
    )
    # each kind's swatch has the tint its claims have in the panes
    reworded = _position(driver, Side.ORIGINAL, {ChangeKind.REWORDED.value}, (kinds | others) - {"reworded"})
    assert (
        driver.legend_format("reworded").background().color()
        == driver.pane_format_at("original", reworded).background().color()
    )


def test_abbreviations_initials_and_headlines_in_the_panes(qtbot, driver: Driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original = tmp_path / "original.txt"
    rewrite = tmp_path / "rewrite.txt"
    original.write_text(
        "Mayor Announces New Budget for City Schools\n"
        "By Nicholas L. McQuaid\n"
        "The U.S. Treasury backed the plan, officials said on Monday.\n",
        encoding="utf-8",
    )
    rewrite.write_text(
        "Mayor Announces New Budget for City Schools\n"
        "By Nicholas L. McQuaid\n"
        "The U.S. Treasury opposed the plan, officials said on Tuesday.\n",
        encoding="utf-8",
    )
    driver.open_pair(original, rewrite)
    for side in ("original", "rewrite"):
        assert all(driver.pane_bold(side, "U.S. Treasury")), "only the U of U.S. is bold"
        assert all(driver.pane_bold(side, "Nicholas L. McQuaid")), "the surname after an initial is plain"
        assert not any(driver.pane_bold(side, "Announces New Budget")), "headline words taken for names"
