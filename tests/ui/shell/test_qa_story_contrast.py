"""Word-level marks stay readable on every claim tint, the selected change's stronger one too."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette, QTextDocument

from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review.docindex import Mark
from factcheck_gui.ui.shell.theme import dark_palette, kind_tint, light_palette
from factcheck_gui.ui.views.highlight import StoryHighlighter
from tests.ui.shell.test_readability import contrast

MIN_CONTRAST = 4.5  # WCAG AA for body text


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_deleted_inserted_and_fact_words_are_readable_on_every_tint(qtbot, dark: bool) -> None:  # type: ignore[no-untyped-def]
    palette = dark_palette() if dark else light_palette()
    highlighter = StoryHighlighter(QTextDocument(), palette)
    foregrounds = {
        "text": palette.color(QPalette.ColorRole.Text),
        "deleted": highlighter.format_for(frozenset({Mark.DELETED.value})).foreground().color(),
        "inserted": highlighter.format_for(frozenset({Mark.INSERTED.value})).foreground().color(),
        "hedge": highlighter.format_for(frozenset({"fact:hedge"})).foreground().color(),
    }
    too_faint = [
        (kind.value, "selected" if strong else "plain", name, round(contrast(fg, bg), 2))
        for kind in ChangeKind
        for strong in (False, True)
        for bg in [kind_tint(kind, palette, strong=strong)]
        for name, fg in foregrounds.items()
        if contrast(fg, bg) < MIN_CONTRAST
    ]
    assert not too_faint
