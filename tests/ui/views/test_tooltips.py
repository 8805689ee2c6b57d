"""Tooltips: a flagged word's reason, the margin marks, the curtain, the similarity figure —
and story text in them is only ever text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextDocument

from factcheck_gui.review.docindex import Side
from factcheck_gui.ui.views.tips import pane_tip
from tests.ui.driver import Driver

EVIL = "<img src=http://evil.example/x.png>"


def test_a_flagged_word_tells_why_it_is_flagged(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    widget, pos = reviewing.flagged_word("c3", side="original")  # "not" dropped by the rewrite
    tip = reviewing.hover(widget, pos)
    assert tip == "c3 · Negation: negation lost: “not” is not in the rewrite"
    widget, pos = reviewing.flagged_word("c1")
    tip = reviewing.hover(widget, pos)
    assert tip.startswith("c1 · ") and "\n" not in tip.strip()


def test_words_without_a_flag_have_no_tooltip(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    reviewing.select_change("c2")  # reworded, no flag
    pane = reviewing.win.review.comparison.right
    claim = reviewing.win.session.index.change("c2").rewrite[0]
    top, _bottom = pane.claim_rect(claim)
    assert pane_tip(pane, QPoint(30, top + 3)) == ""
    assert pane_tip(pane, QPoint(30, pane.viewport().height() + 500)) == ""


def test_a_margin_mark_names_its_kind_and_flags(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    widget, pos = reviewing.margin_mark("c3", side="original")
    assert reviewing.hover(widget, pos) == "≈ c3: reworded in the rewrite · 1 fact flag: negation"
    widget, pos = reviewing.margin_mark("c14")
    assert reviewing.hover(widget, pos) == "+ c14: only in the rewrite · no fact flags"


def test_a_band_of_the_curtain_tells_which_claims_it_joins(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    change = reviewing.win.session.index.change("c3")
    widget, pos = reviewing.curtain_band("c3")
    tip = reviewing.hover(widget, pos)
    assert tip.startswith("≈ c3: reworded in the rewrite — joins ")
    assert f"{change.original[0]} in the original to {change.rewrite[0]} in the rewrite" in tip
    assert "similarity 0.62 (62%)" in tip and tip.endswith("Click to select it.")


def test_the_similarity_figure_is_explained_in_the_verdict_panel(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    reviewing.select_change("c3")
    assert reviewing.similarity_line == (
        "Similarity 0.62 (62%): how alike the wording is (1.00 = the same words), not whether the facts agree."
    )
    panel = reviewing.win.review.verdict
    doc = QTextDocument()
    doc.setHtml(panel.title.toolTip())
    assert "1.00 (100%: the same words)" in doc.toPlainText()
    reviewing.select_change("c14")  # added: no similarity to speak of
    assert reviewing.similarity_line == "" and panel.title.toolTip() == ""


def test_story_markup_in_a_tooltip_stays_text(qtbot, driver: Driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original = tmp_path / "original.txt"
    rewrite = tmp_path / "rewrite.txt"
    original.write_text("The mayor said the fair drew 40 visitors on Monday.\n", encoding="utf-8")
    rewrite.write_text(
        f'The mayor said the fair drew 400 visitors on Monday, adding: "it was a <b>triumph</b> {EVIL}".\n',
        encoding="utf-8",
    )
    driver.open_pair(original, rewrite)
    change = driver.win.session.index.review_changes[0]
    quote = next(f for f in change.flags if "<b>" in f.message)
    pane = driver.win.review.comparison.right
    driver.select_change(change.id)
    start = pane.side_index.to_qt(quote.rewrite_span[0])
    html = driver.hover_html(pane.viewport(), pane.position_rect(start + 3).center())
    assert html, "no tooltip on the flagged quotation"
    assert "<img" not in html and "<b>" not in html  # escaped, never markup
    doc = QTextDocument()
    doc.setHtml(html)
    assert f"<b>triumph</b> {EVIL}" in doc.toPlainText()  # the reader sees the characters
    assert not any(f.isImageFormat() for f in doc.allFormats())  # no image drawn, none fetched
    # The pure text for the same place, without Qt's conversion.
    assert "<b>triumph</b>" in pane_tip(pane, pane.position_rect(start + 3).center())
    assert pane.side is Side.REWRITE
