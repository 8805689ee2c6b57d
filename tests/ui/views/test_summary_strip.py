"""The summary strip: counts by kind, flags by type, reviewed / to review, each a filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.types import ChangeKind, Comparison
from factcheck_gui.ui.views.summary_strip import REVIEWED, TO_REVIEW, SummaryStrip
from tests.ui.conftest import REFERENCE


@pytest.fixture(scope="module")
def demo() -> Comparison:
    return compare_texts(REFERENCE[0].read_text(encoding="utf-8"), REFERENCE[1].read_text(encoding="utf-8"))


@pytest.fixture
def strip(qtbot, demo: Comparison) -> SummaryStrip:  # type: ignore[no-untyped-def]
    s = SummaryStrip()
    qtbot.addWidget(s)
    s.set_comparison(demo, {"c1": "accurate", "c3": "misleading"})
    s.resize(1400, s.sizeHint().height())
    s.show()
    qtbot.waitExposed(s)
    return s


def test_counts_read_in_words(strip: SummaryStrip, demo: Comparison) -> None:
    counts = strip.counts()
    kinds = {k: sum(1 for c in demo.changes if c.kind is k) for k in ChangeKind}
    assert counts["kind:reworded"] == f"≈ {kinds[ChangeKind.REWORDED]} reworded"
    assert counts["kind:removed"] == f"− {kinds[ChangeKind.REMOVED]} removed"
    assert counts["kind:added"] == "+ 3 added"
    assert counts["kind:unchanged"] == f"= {kinds[ChangeKind.UNCHANGED]} kept"
    assert counts["kind:split"] == "÷ 1 split" and counts["kind:merged"] == "∪ 1 merged"
    # Flags in a reader's words, never the internal labels.
    assert counts["flag:quote_unsourced"] == "3 unsourced quotations"
    assert counts["flag:negation"] == "2 negations"
    assert counts["flag:attribution"] == "3 attributions"
    assert counts["flag:*"] == "⚑ 5 flagged"
    assert not any("_" in text for text in counts.values())
    review = sum(1 for c in demo.changes if c.is_change)
    assert counts[f"review:{REVIEWED}"] == "✓ 2 reviewed"
    assert counts[f"review:{TO_REVIEW}"] == f"○ {review - 2} to review"
    # A kind with no change cannot be clicked (there is nothing to show).
    assert not strip.button("kind:unchanged").isEnabled() or kinds[ChangeKind.UNCHANGED]


def test_click_filters_and_second_click_shows_all(qtbot, strip: SummaryStrip) -> None:  # type: ignore[no-untyped-def]
    b = strip.button("kind:removed")
    with qtbot.waitSignal(strip.kindClicked) as got:
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    assert got.args == ["removed"] and b.isChecked()
    with qtbot.waitSignal(strip.flagClicked) as got:
        qtbot.mouseClick(strip.button("flag:negation"), Qt.MouseButton.LeftButton)
    assert got.args == ["negation"]
    assert strip.button("flag:negation").isChecked() and not b.isChecked()  # one filter shows as active
    with qtbot.waitSignal(strip.flagClicked) as got:
        qtbot.mouseClick(strip.button("flag:negation"), Qt.MouseButton.LeftButton)
    assert got.args == [""] and not strip.button("flag:negation").isChecked()
    with qtbot.waitSignal(strip.reviewClicked) as got:
        qtbot.mouseClick(strip.button(f"review:{TO_REVIEW}"), Qt.MouseButton.LeftButton)
    assert got.args == [TO_REVIEW]
    with qtbot.waitSignal(strip.flagClicked) as got:
        qtbot.mouseClick(strip.button("flag:*"), Qt.MouseButton.LeftButton)
    assert got.args == ["*"]


def test_verdicts_update_the_review_counts(strip: SummaryStrip, demo: Comparison) -> None:
    review = sum(1 for c in demo.changes if c.is_change)
    strip.set_verdict("c5", "accurate")
    assert strip.counts()[f"review:{REVIEWED}"] == "✓ 3 reviewed"
    strip.set_verdict("c1", None)
    strip.set_verdict("c2", "")
    assert strip.counts()[f"review:{REVIEWED}"] == "✓ 2 reviewed"
    assert strip.counts()[f"review:{TO_REVIEW}"] == f"○ {review - 2} to review"
    strip.set_verdicts({})
    assert strip.counts()[f"review:{REVIEWED}"] == "✓ 0 reviewed"


def test_set_active_and_empty(qtbot, strip: SummaryStrip) -> None:  # type: ignore[no-untyped-def]
    strip.set_active(flag="number")
    assert not strip.button("kind:added").isChecked()
    strip.set_active(kind="added")
    assert strip.button("kind:added").isChecked()
    strip.set_comparison(None)
    assert strip.counts()["kind:reworded"] == "≈ 0 reworded"
    assert not strip.button("kind:reworded").isEnabled()
    assert not any(k.startswith("flag:") for k in strip.counts())


def test_story_text_never_reaches_the_strip(qtbot) -> None:  # type: ignore[no-untyped-def]
    c = compare_texts("<b>Bold</b> said 3 people came.", "<b>Bold</b> said 30 people came.")
    s = SummaryStrip()
    qtbot.addWidget(s)
    s.set_comparison(c)
    assert s.counts()["flag:number"] == "1 number"
    assert all("<" not in t for t in s.counts().values())


def test_counts_made_in_a_worker_are_shown_as_made_and_not_kept_after_the_review(  # type: ignore[no-untyped-def]
    qtbot, demo: Comparison
) -> None:
    import gc
    import threading

    from factcheck_gui.review.docindex import ComparisonIndex
    from factcheck_gui.ui.views import summary_strip

    index = ComparisonIndex(demo)
    made: list[summary_strip.StoryCounts] = []
    worker = threading.Thread(target=lambda ix: made.append(summary_strip.prepare_counts(ix)), args=(index,))
    worker.start()
    worker.join()
    assert made[0] == summary_strip.story_counts(demo)
    assert summary_strip._counts_for(demo) is made[0]  # showing it counts nothing again
    s = SummaryStrip()
    qtbot.addWidget(s)
    s.set_comparison(demo, {})
    assert s.counts()["kind:added"] == "+ 3 added"
    del index
    gc.collect()
    assert id(demo) not in summary_strip._PREPARED  # nothing of a closed review stays behind


def test_a_1280_pixel_window_shows_every_count_without_scrolling(qtbot, driver) -> None:  # type: ignore[no-untyped-def]
    # (a reviewer found "✓ 0 reviewed" and "○ 16 to review" past the edge of a 1280-pixel window)
    driver.open_demo()
    strip = driver.win.review.strip
    area = strip.parentWidget().parentWidget()  # the strip's scroll area (viewport, then area)
    driver.resize(1280, 860)
    qtbot.waitUntil(lambda: not area.horizontalScrollBar().isVisible(), timeout=3000)
    right_edge = area.viewport().mapTo(driver.win, area.viewport().rect().topRight()).x()
    for key in (f"review:{REVIEWED}", f"review:{TO_REVIEW}", "kind:reworded", "flag:*"):
        b = strip.button(key)
        assert b.isVisible() and b.mapTo(driver.win, b.rect().topRight()).x() <= right_edge, key
    assert strip.compact and strip.button("kind:reworded").text() == "≈ 5"
    assert "to review" in strip.button(f"review:{TO_REVIEW}").accessibleName()  # words for a screen reader
    assert strip.counts()[f"review:{REVIEWED}"] == "✓ 0 reviewed"  # and in the tooltip, in words
    driver.resize(2200, 860)  # room for the words again
    qtbot.waitUntil(lambda: not strip.compact, timeout=3000)
    assert strip.button("kind:reworded").text().endswith("reworded")
