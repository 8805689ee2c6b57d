"""View → Inline view: one column, the rewrite with the original's deleted words struck through
and the inserted words underlined in place, claim by claim; selection both ways."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review.docindex import ComparisonIndex, Mark
from factcheck_gui.review.inline import BREAK, plan_inline
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.theme import deleted_colour, inserted_colour
from factcheck_gui.ui.views.inline_view import InlineView, build_inline
from tests.ui.conftest import REFERENCE


@pytest.fixture(scope="module")
def demo() -> ComparisonIndex:
    return ComparisonIndex(
        compare_texts(REFERENCE[0].read_text(encoding="utf-8"), REFERENCE[1].read_text(encoding="utf-8"))
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _formats(doc):  # type: ignore[no-untyped-def]
    """(text, QTextCharFormat) of every fragment of the document."""
    out = []
    block = doc.firstBlock()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            out.append((frag.text(), frag.charFormat()))
            it += 1
        block = block.next()
    return out


def test_the_column_is_the_rewrite_with_the_deletions_in_place(demo: ComparisonIndex) -> None:
    plan = plan_inline(demo)
    kept = "".join(p.text for p in plan.items if p is not BREAK and Mark.DELETED.value not in p.keys)
    rewrite = "".join(c.text for c in demo.comparison.rewrite.claims)
    assert _squash(kept) == _squash(rewrite)  # every word of the rewrite, in its order
    struck = " ".join(p.text for p in plan.items if p is not BREAK and Mark.DELETED.value in p.keys)
    # what the rewrite dropped is there, struck: a whole removed claim and a replaced phrase
    removed = demo.change("c7")
    assert removed.kind is ChangeKind.REMOVED
    assert demo.comparison.text_of(removed, "original") in struck
    assert "might supply" in struck and "may consider supplying" in kept


def test_a_removed_claim_stands_where_it_was_in_the_original(demo: ComparisonIndex) -> None:
    plan = plan_inline(demo)
    first = {cid: span[0] for cid, span in plan.claim_items.items()}
    # o4 and o5 (removed) came after o2 (kept as r2) and before o6 (kept as r3)
    assert first["r2"] < first["o4"] < first["o5"] < first["r3"]
    # the moved claim comes where the rewrite has it
    assert first["r6"] < first["r7"] < first["r8"]


def test_the_document_has_the_panes_marks_never_colour_alone(qtbot, demo: ComparisonIndex) -> None:  # type: ignore[no-untyped-def]
    palette = QApplication.palette()
    built = build_inline(demo, palette)
    frags = _formats(built.doc)
    struck = [f for t, f in frags if "might supply" in t]
    assert struck and struck[0].fontStrikeOut()
    assert struck[0].foreground().color() == deleted_colour(palette)
    added = [f for t, f in frags if "The announcement follows" in t]
    assert added and added[0].underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert added[0].foreground().color() == inserted_colour(palette)
    flagged = [f for t, f in frags if f.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert flagged  # flagged wording has the wavy underline of the panes
    # deletions and insertions in place, as the reader reads them
    assert "Vladimir Putin said indicated on Thursday that Russia might supply may consider" in (
        built.doc.toPlainText()
    )
    built.doc.deleteLater()


def test_story_markup_stays_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    original = "The mayor said <b>no</b> to the plan. Costs rose 5%."
    rewrite = 'The mayor said <img src="http://127.0.0.1:9/x.png"> yes to the plan. Costs rose 7%.'
    built = build_inline(ComparisonIndex(compare_texts(original, rewrite)), QApplication.palette())
    text = built.doc.toPlainText()
    assert "<b>no</b>" in text and '<img src="http://127.0.0.1:9/x.png">' in text
    assert not any(f.fontWeight() > 600 and t == "no" for t, f in _formats(built.doc))
    assert built.doc.toHtml().count("<img") == 0
    built.doc.deleteLater()


def test_clicking_a_claim_emits_its_change(qtbot, demo: ComparisonIndex) -> None:  # type: ignore[no-untyped-def]
    view = InlineView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.needsDocument, timeout=2000) as asked:
        view.set_index(demo)
    assert asked.args == [demo]
    assert view.set_built(build_inline(demo, view.palette()))
    start = view.change_start("c2")
    assert start is not None
    rect = view.position_rect(start + 3)
    with qtbot.waitSignal(view.changeClicked, timeout=2000) as clicked:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.center().y())
        )
    assert clicked.args == ["c2"]


def test_a_document_of_another_comparison_is_refused(qtbot, demo: ComparisonIndex) -> None:  # type: ignore[no-untyped-def]
    view = InlineView()
    qtbot.addWidget(view)
    view.set_index(demo)
    other = ComparisonIndex(compare_texts("One claim here.", "One claim there."))
    assert not view.set_built(build_inline(other, view.palette()))
    assert view.built is None


def test_find_in_the_column_finds_what_the_document_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Find text is made in the worker, before the document exists: it must read as the
    document does, no-break spaces and paragraph breaks included, or every hit is misplaced."""
    original = "The council met.\n\nIt voted\xa0for the plan. Costs rose 5%."
    rewrite = "The council met on Monday.\n\nIt voted\xa0against the plan. Costs rose 7%."
    built = build_inline(ComparisonIndex(compare_texts(original, rewrite)), QApplication.palette())
    shown = built.doc.toPlainText()
    assert built.search is not None
    for needle in ("voted for", "for against the", "rose 5 7%", "on monday.\nit voted"):
        hit = built.search.step(needle, 0)
        assert hit is not None, needle
        assert shown[hit[0] : hit[1]].lower() == needle
    built.doc.deleteLater()


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        (
            "Fans cheered 🎉 loudly.\r\nThe mayor spoke.",
            "Fans cheered 🎉 quietly.\r\nThe mayor spoke at noon.",
        ),
        ("Café\xa0owners met.\u2028They agreed.", "Café\xa0owners met on Friday.\u2028They disagreed."),
    ],
)
def test_the_worker_places_every_claim_where_the_document_has_it(qtbot, original, rewrite) -> None:  # type: ignore[no-untyped-def]
    """The claims' places are worked out in the worker, in Qt's units: an emoji is two, a CR LF
    one; a wrong place would select or scroll to the wrong words."""
    from factcheck_gui.ui.views.inline_view import prepare_inline

    idx = ComparisonIndex(compare_texts(original, rewrite))
    planned = prepare_inline(idx)
    built = build_inline(idx, QApplication.palette())
    cur = built.doc.find("quietly" if "quietly" in rewrite else "disagreed")
    assert not cur.isNull()
    assert (
        built.change_at(cur.selectionStart())
        == idx.claim_change[idx.comparison.rewrite.claims[0 if "quietly" in rewrite else 1].id].id
    )
    assert planned.length == built.doc.characterCount() - 1
    assert (planned.starts, planned.ends) == (built.starts, built.ends)
    built.doc.deleteLater()


def test_a_long_column_is_filled_in_slices_and_the_window_keeps_answering(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    import time

    from factcheck_gui.ui.controllers import inline as controller

    lines = [f"Officials in district {i} counted {i * 3} boats on the river by Monday." for i in range(6000)]
    rewrite = [ln.replace("boats", "vessels") if i % 7 == 0 else ln for i, ln in enumerate(lines)]
    idx = ComparisonIndex(compare_texts("\n\n".join(lines), "\n\n".join(rewrite)))
    slices: list[float] = []

    class Timed(controller.Sliced):
        def _slice(self) -> None:
            t0 = time.perf_counter()
            super()._slice()
            slices.append(time.perf_counter() - t0)

    ctl = opened.inline_view
    patch = pytest.MonkeyPatch()
    patch.setattr(controller, "Sliced", Timed)
    try:
        ctl.view.set_index(idx)
        ctl.set_shown(True)
        qtbot.waitUntil(lambda: ctl.view.built is not None and ctl.view.built.index is idx, timeout=60000)
    finally:
        patch.undo()
    assert len(slices) >= 2  # filled a slice at a time, the events answered between them
    assert max(slices) < 0.25  # no slice holds the window for long (a loose bound: CI is slow)
    assert "vessels" in ctl.view.toPlainText() and "boats" in ctl.view.toPlainText()
    start = ctl.view.change_start(idx.review_changes[-1].id)
    assert start is not None
    ctl.set_shown(False)


# -- in the window ---------------------------------------------------------------------------------
def _inline_on(qtbot, win):  # type: ignore[no-untyped-def]
    win.commands["inline_view"].trigger()
    inline = win.review.comparison.inline
    qtbot.waitUntil(lambda: inline.built is not None, timeout=20000)
    return inline


def _on_screen(view, qpos: int) -> bool:  # type: ignore[no-untyped-def]
    top = view.position_rect(qpos).top()
    return 0 <= top < view.viewport().height()


def test_the_view_menu_switches_to_one_column_and_back(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    comp = opened.review.comparison
    action = opened.commands["inline_view"]
    assert action.isCheckable() and not action.isChecked()
    assert action.shortcut().toString() == "Ctrl+I"
    assert comp.inline.isHidden() and comp.left.isVisible()
    inline = _inline_on(qtbot, opened)
    assert inline.isVisible() and not comp.left.isVisible() and not comp.right.isVisible()
    assert comp.legend.isVisible()  # the same legend explains the marks
    assert opened.inline_view.builds == 1  # built once, by a worker task
    assert opened.settings.inline_view
    qtbot.keyClick(opened.review.changes.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert not action.isChecked() and comp.left.isVisible() and inline.isHidden()
    assert not opened.settings.inline_view


def test_selecting_a_change_in_the_list_scrolls_the_column_to_it(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    opened.resize(1000, 560)
    inline = _inline_on(qtbot, opened)
    assert opened.review.select_change("c16")  # the last change, far below the first screen
    start = inline.change_start("c16")
    assert start is not None and inline.verticalScrollBar().value() > 0
    assert _on_screen(inline, start)
    assert inline.current_change_id == "c16"
    sels = inline.extraSelections()
    assert sels and sels[0].cursor.selectionStart() == start


def test_clicking_in_the_column_selects_the_change(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    inline = _inline_on(qtbot, opened)
    start = inline.change_start("c3")
    assert start is not None
    inline.scroll_to_y(start, 40)
    rect = inline.position_rect(start + 2)
    qtbot.mouseClick(inline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.review.current_change_id() == "c3"
    assert opened.review.comparison.left.current_change_id == "c3"  # and the panes follow
    assert opened.review.verdict.change_id == "c3"  # a verdict key now rates c3


def test_the_choice_is_kept_across_restarts(qtbot, tmp_path, db_url) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    ini = str(tmp_path / "restart.ini")
    first = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)), db_url)
    qtbot.addWidget(first)
    first.commands["inline_view"].trigger()
    first.quit_without_notes = True
    first.close()
    again = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)), db_url)
    qtbot.addWidget(again)
    again.show()
    assert again.commands["inline_view"].isChecked()
    with qtbot.waitSignal(again.reviewShown, timeout=30000):
        again.nav.open_paths(*REFERENCE)
    assert again.review.comparison.inline.isVisible()
    qtbot.waitUntil(lambda: again.review.comparison.inline.built is not None, timeout=20000)
    again.quit_without_notes = True
    again.close()


def test_a_new_theme_rebuilds_the_colours(qtbot, opened, restore_app_look) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.shell.theme import Theme, apply_theme

    inline = _inline_on(qtbot, opened)
    first = inline.built
    apply_theme(QApplication.instance(), Theme.DARK)
    opened.prefs.themeChanged.emit()
    qtbot.waitUntil(lambda: inline.built is not None and inline.built is not first, timeout=20000)
    frags = _formats(inline.document())
    struck = [f for t, f in frags if f.fontStrikeOut()]
    assert struck and struck[0].foreground().color() == deleted_colour(inline.palette())
