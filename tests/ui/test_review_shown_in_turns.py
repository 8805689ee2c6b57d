"""A review reaches the screen in short turns of the event loop: a long story's facts at the
top are there when it is shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCharFormat

from factcheck_gui.engine import compare_texts
from factcheck_gui.review import docindex
from factcheck_gui.review.docindex import ComparisonIndex, Side
from factcheck_gui.ui.views import pane
from factcheck_gui.ui.views.comparison_view import ComparisonView


def _fmt_at(p: pane.StoryPane, pos: int) -> QTextCharFormat:
    block = p.document().findBlock(pos)
    rel = pos - block.position()
    for r in block.layout().formats():
        if r.start <= rel < r.start + r.length:
            return QTextCharFormat(r.format)
    return QTextCharFormat()


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
    v = ComparisonView()
    qtbot.addWidget(v)
    v.resize(1000, 420)
    v.show()
    qtbot.waitExposed(v)
    v.set_index(index)
    # Before any turn of the event loop: the first paragraph's date and name are set in bold.
    assert _fmt_at(v.left, text.index("2000")).fontWeight() == QFont.Weight.Bold
    assert _fmt_at(v.left, text.index("Minister")).fontWeight() == QFont.Weight.Bold
    assert side.facts_pending
    qtbot.waitUntil(lambda: not side.facts_pending, timeout=10000)  # and the rest follows
