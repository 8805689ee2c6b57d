"""The summary strip follows View → Hide punctuation-only changes (issue 15): with it on, the
strip counts what the change list shows and says how many it hides; off, every change again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from factcheck_gui.ui.shell.settings import Settings
from tests.ui.driver import Driver

# The View menu tests' pair: three changes only touch punctuation (". → !", "well-known → well
# known", ", → ;"); two change a fact or a word (12 → 15, light → heavy).
from tests.ui.test_view_menu import ORIGINAL, REWRITE


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "original.txt", tmp_path / "rewrite.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    return a, b


@pytest.fixture
def punctuated(driver: Driver, tmp_path: Path) -> Driver:
    driver.open_pair(*_pair(tmp_path))
    return driver


def _number(text: str) -> int:
    """The figure of a count ("≈ 5 reworded" → 5, "✓ 2 reviewed" → 2)."""
    return int(next(w for w in text.split() if w.isdigit()))


def _hidden_note(d: Driver) -> str:
    label = d.win.review.strip.hidden_label
    return str(label.text()) if label.isVisibleTo(d.win.review.strip) else ""


def test_the_strip_counts_what_the_list_shows_while_hiding(punctuated: Driver) -> None:
    d = punctuated
    index = d.win.session.index
    before = d.summary
    assert _number(before["review:unreviewed"]) == 5 and _hidden_note(d) == ""
    d.menu_item("hide_punctuation").trigger()
    assert d.rows_shown == 2
    after = d.summary
    shown_kinds = {c.kind.value for c in index.review_changes if c.id in set(d.ids_shown())}
    counted = sum(_number(v) for k, v in after.items() if k.startswith("kind:") and k != "kind:unchanged")
    assert counted == d.rows_shown == 2  # the kinds count the list's rows
    assert shown_kinds <= {k.removeprefix("kind:") for k, v in after.items() if _number(v)}
    assert _number(after["kind:reworded"]) == _number(before["kind:reworded"]) - 3
    assert _number(after["review:unreviewed"]) == 2  # "○ 2 to review"
    assert after["kind:unchanged"] == before["kind:unchanged"]  # kept claims are never hidden
    assert _hidden_note(d) == "3 punctuation-only hidden"
    # Off again: every change counted, the note gone.
    d.menu_item("hide_punctuation").trigger()
    assert d.summary == before and _hidden_note(d) == ""


def test_a_verdict_on_a_hidden_change_is_not_counted_while_it_is_hidden(qtbot, punctuated: Driver) -> None:  # type: ignore[no-untyped-def]
    d = punctuated
    index = d.win.session.index
    first = next(c.id for c in index.review_changes if "mayor op" in index.comparison.text_of(c, "original"))
    d.select_change(first)  # punctuation-only
    d.press_verdict("1")
    qtbot.waitUntil(lambda: _number(d.summary["review:reviewed"]) == 1, timeout=3000)
    d.menu_item("hide_punctuation").trigger()
    assert _number(d.summary["review:reviewed"]) == 0 and _number(d.summary["review:unreviewed"]) == 2
    # Review → Show all changes: the hiding goes off and the strip counts every change again.
    d.menu_item("clear_filters").trigger()
    assert _number(d.summary["review:reviewed"]) == 1 and _number(d.summary["review:unreviewed"]) == 4
    assert _hidden_note(d) == ""


def test_an_active_count_stays_checked_when_the_hiding_switches(punctuated: Driver) -> None:
    d = punctuated
    d.click_summary("kind:reworded")
    d.menu_item("hide_punctuation").trigger()
    assert d.win.review.strip.button("kind:reworded").isChecked()
    assert len(d.kinds_shown()) == 1  # the list still shows only the reworded changes
    assert d.rows_shown == _number(d.summary["kind:reworded"]) == 2


def test_hiding_at_the_next_start_is_counted_at_once(
    qtbot, settings: Settings, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    settings.hide_punctuation = True
    win = MainWindow(settings, db_url)
    qtbot.addWidget(win)
    win.show()
    d = Driver(qtbot, win)
    d.open_pair(*_pair(tmp_path))
    assert d.rows_shown == 2
    assert _number(d.summary["review:unreviewed"]) == 2
    assert _hidden_note(d) == "3 punctuation-only hidden"
    qtbot.mouseClick(d.win.review.strip.button("review:unreviewed"), Qt.MouseButton.LeftButton)
    assert d.rows_shown == 2  # the count and the rows it filters to agree
    win.close()
