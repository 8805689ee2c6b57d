"""The start page's panes hold stories not compared yet: a wrong paste can be replaced or cleared."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from factcheck_gui.review.docindex import Side
from tests.ui.conftest import REFERENCE
from tests.ui.controllers.test_input import drop_files, drop_text


def _paste(qtbot, pane, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_wrong_paste_on_the_start_page_can_be_replaced(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    left, right = window.start.pane(Side.ORIGINAL), window.start.pane(Side.REWRITE)
    _paste(qtbot, left, "The wrong article. It says 5 things.")
    qtbot.waitUntil(lambda: "wrong article" in left.toPlainText(), timeout=10000)
    original = REFERENCE[0].read_text(encoding="utf-8")
    _paste(qtbot, left, original)  # the reader noticed and pastes the right one
    qtbot.waitUntil(lambda: "wrong article" not in left.toPlainText(), timeout=10000)
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        _paste(qtbot, right, REFERENCE[1].read_text(encoding="utf-8"))
    comp = window.session.index.comparison
    assert "wrong article" not in comp.original.text
    assert comp.original.text.split()[:5] == original.split()[:5]


def test_a_start_page_pane_can_be_cleared_but_a_review_pane_is_never_replaced(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    left = window.start.pane(Side.ORIGINAL)
    _paste(qtbot, left, "The wrong article.")
    qtbot.waitUntil(lambda: not left.is_empty(), timeout=10000)
    assert Side.ORIGINAL in window.input.pending
    left.clear_story()
    assert left.is_empty() and Side.ORIGINAL not in window.input.pending

    review_pane = window.review.comparison.right
    assert not review_pane.replaceable


# -- a file dropped on pasted text --------------------------------------------------------------
# Pasted text may have been typed or edited before it was copied and exist nowhere else: a
# dropped file replaces it only when the reader says so.


@pytest.fixture
def _clipboard_emptied_after():  # type: ignore[no-untyped-def]
    yield
    QGuiApplication.clipboard().clear()


def _story_docx(path: Path) -> Path:
    """A real Word file (the importers' test story), copied where the test drops it from."""
    path.write_bytes((Path(__file__).parents[2] / "data" / "importers" / "story.docx").read_bytes())
    return path


PASTED = "My own notes on the speech. The minister said 12 things, I typed them in."


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_a_file_dropped_on_pasted_text_replaces_it_only_when_confirmed(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    window.nav.show_start_page()
    left = window.start.pane(Side.ORIGINAL)
    _paste(qtbot, left, PASTED)
    qtbot.waitUntil(lambda: "My own notes" in left.toPlainText(), timeout=10000)
    story = _story_docx(tmp_path / "story.docx")
    first_words = (Path(__file__).parents[2] / "data" / "importers" / "story.txt").read_text(
        encoding="utf-8"
    )[:30]

    drop_files(left, [story])
    bar = window.message
    assert bar.text() == "Replace the pasted original with story.docx?"
    assert bar.action.isVisible() and bar.action.text() == "Replace"
    qtbot.wait(300)  # nothing is imported behind the question
    assert "My own notes" in left.toPlainText()
    assert window.input.pending[Side.ORIGINAL].text == left.toPlainText()

    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)  # the reader keeps the pasted text
    qtbot.wait(300)
    assert not bar.isVisible() and "My own notes" in left.toPlainText()

    drop_files(left, [story])
    assert bar.action.isVisible()
    with qtbot.waitSignal(window.input.sideReady, timeout=10000):
        qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert first_words in left.toPlainText() and "My own notes" not in left.toPlainText()
    assert window.input.pending[Side.ORIGINAL].name == "story.docx"
    assert not bar.isVisible()

    # Now filled from a file: the next file simply replaces it, nothing to ask.
    with qtbot.waitSignal(window.input.sideReady, timeout=10000):
        drop_files(left, [REFERENCE[0]])
    assert left.toPlainText() == REFERENCE[0].read_text(encoding="utf-8")
    assert not bar.isVisible()


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_a_file_dropped_on_an_empty_pane_or_beside_pasted_text_is_taken_at_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    left, right = window.start.pane(Side.ORIGINAL), window.start.pane(Side.REWRITE)
    _paste(qtbot, left, PASTED)
    qtbot.waitUntil(lambda: "My own notes" in left.toPlainText(), timeout=10000)
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        drop_files(right, [REFERENCE[1]])  # the other, empty pane: no question
    comp = window.session.index.comparison
    assert "My own notes" in comp.original.text and comp.rewrite.name == REFERENCE[1].name


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_two_files_dropped_over_pasted_text_ask_before_comparing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    right = window.start.pane(Side.REWRITE)
    _paste(qtbot, right, PASTED)
    qtbot.waitUntil(lambda: "My own notes" in right.toPlainText(), timeout=10000)
    drop_files(window.start.pane(Side.ORIGINAL), list(REFERENCE))
    bar = window.message
    assert bar.text() == f"Replace the pasted rewrite with {REFERENCE[0].name} and {REFERENCE[1].name}?"
    qtbot.wait(300)
    assert window.session is None and "My own notes" in right.toPlainText()
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert window.session.index.comparison.rewrite.name == REFERENCE[1].name


# -- another way off the start page over pasted text --------------------------------------------
# Opening a review any other way clears the panes once it shows: pasted text would be gone
# without a word. The message bar asks first; nothing starts behind the question.


def _paste_original(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    left = window.start.pane(Side.ORIGINAL)
    _paste(qtbot, left, PASTED)
    qtbot.waitUntil(lambda: "My own notes" in left.toPlainText(), timeout=10000)


def _asked_and_held_back(qtbot, window, question: str, button: str) -> None:  # type: ignore[no-untyped-def]
    bar = window.message
    assert bar.text() == question
    assert bar.action.isVisible() and bar.action.text() == button
    qtbot.wait(300)  # nothing compared, opened or stored behind the question
    assert window.session is None and window.task is None
    assert window.stack.currentWidget() is window.start
    assert "My own notes" in window.start.pane(Side.ORIGINAL).toPlainText()


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_the_demo_pair_over_pasted_text_opens_only_when_confirmed(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    _paste_original(qtbot, window)
    bar = window.message

    qtbot.mouseClick(window.start.demo_button, Qt.MouseButton.LeftButton)
    _asked_and_held_back(
        qtbot,
        window,
        "Your pasted original will be cleared: open the demo pair anyway?",
        "Open the demo pair",
    )
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)  # the reader keeps the pasted text
    qtbot.wait(300)
    assert window.session is None and "My own notes" in window.start.pane(Side.ORIGINAL).toPlainText()
    assert Side.ORIGINAL in window.input.pasted

    window.commands["open_demo"].trigger()  # File → Open the demo pair asks the same
    assert bar.action.text() == "Open the demo pair"
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert window.session is not None and not window.input.pasted
    assert window.start.pane(Side.ORIGINAL).is_empty()

    # Back on the start page with empty panes: the demo opens without a question.
    window.nav.show_start_page()
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_demo()


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_two_files_from_file_open_over_pasted_text_ask_first(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from factcheck_gui.ui.views.dialogs import OpenPairDialog

    window.nav.show_start_page()
    _paste_original(qtbot, window)
    window.commands["open_pair"].trigger()
    dialog = window.findChild(OpenPairDialog)
    dialog.original.setText(str(REFERENCE[0]))
    dialog.rewrite.setText(str(REFERENCE[1]))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton)
    _asked_and_held_back(
        qtbot,
        window,
        "Your pasted original will be cleared: compare the two files anyway?",
        "Compare the two files",
    )
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        qtbot.mouseClick(window.message.action, Qt.MouseButton.LeftButton)
    comp = window.session.index.comparison
    assert (comp.original.name, comp.rewrite.name) == (REFERENCE[0].name, REFERENCE[1].name)


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_a_recent_review_or_a_review_file_over_pasted_text_ask_first(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    from factcheck_gui.exporters import export_review

    win = opened
    first = win.session.review_id
    review_file = export_review(store_for(db_url).load_review(first), "json", tmp_path / "r.json")
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        win.nav.show_start_page()
    _paste_original(qtbot, win)

    qtbot.mouseClick(win.start.open_button, Qt.MouseButton.LeftButton)  # the recent review
    _asked_and_held_back(
        qtbot,
        win,
        f"Your pasted original will be cleared: open review #{first} anyway?",
        f"Open review #{first}",
    )
    win.review_file.import_file(review_file)  # File → Import review file…
    _asked_and_held_back(
        qtbot,
        win,
        "Your pasted original will be cleared: import the review file anyway?",
        "Import the review file",
    )
    assert [r.id for r in store_for(db_url).list_reviews()] == [first]  # nothing imported yet

    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        qtbot.mouseClick(win.message.action, Qt.MouseButton.LeftButton)
    assert win.session.review_id != first and not win.input.pasted


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_a_confirmed_opening_that_fails_keeps_the_pasted_text(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    _paste_original(qtbot, window)
    window.nav.open_paths(tmp_path / "gone.txt", REFERENCE[1])
    assert window.message.action.text() == "Compare the two files"
    with qtbot.waitSignal(window.taskFailed, timeout=30000):
        qtbot.mouseClick(window.message.action, Qt.MouseButton.LeftButton)
    assert window.session is None
    assert "My own notes" in window.start.pane(Side.ORIGINAL).toPlainText()
    # Still pasted, still asked about.
    window.nav.open_demo()
    assert window.message.text() == "Your pasted original will be cleared: open the demo pair anyway?"


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_what_keeps_the_panes_asks_nothing(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    _paste_original(qtbot, window)
    window.commands["start_page"].trigger()  # already there
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        assert window.nav.use_database(f"sqlite:///{tmp_path / 'other.db'}")  # a switch keeps the panes
    assert not window.message.action.isVisible()
    assert "My own notes" in window.start.pane(Side.ORIGINAL).toPlainText()
    # The second side pasted: the pasted text is compared, not lost, so no question.
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        _paste(qtbot, window.start.pane(Side.REWRITE), REFERENCE[1].read_text(encoding="utf-8"))
    assert "My own notes" in window.session.index.comparison.original.text


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_text_dragged_onto_pasted_text_replaces_it_only_when_confirmed(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    left = window.start.pane(Side.ORIGINAL)
    _paste_original(qtbot, window)
    drop_text(left, "A selection dragged from the browser. It has 3 claims.")
    bar = window.message
    assert bar.text() == "Replace the pasted original with the text you dropped?"
    qtbot.wait(300)  # nothing replaced behind the question
    assert "My own notes" in left.toPlainText()
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert "My own notes" in left.toPlainText()

    drop_text(left, "A selection dragged from the browser. It has 3 claims.")
    with qtbot.waitSignal(window.input.sideReady, timeout=10000):
        qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert "dragged from the browser" in left.toPlainText() and "My own notes" not in left.toPlainText()

    # An empty pane takes dropped text at once.
    right = window.start.pane(Side.REWRITE)
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        drop_text(right, "A selection dragged from the browser. It has 4 claims.")


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_an_old_replace_offer_does_not_take_text_pasted_after_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    left = window.start.pane(Side.ORIGINAL)
    _paste_original(qtbot, window)
    drop_text(left, "A selection dragged from the browser.")
    bar = window.message
    assert bar.action.isVisible()  # asked; the reader does not answer yet…
    _paste(qtbot, left, "A second paste, edited by hand. It has 2 claims.")  # …and pastes again
    qtbot.waitUntil(lambda: "second paste" in left.toPlainText(), timeout=10000)
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)  # the old question's button
    qtbot.wait(300)
    assert "second paste" in left.toPlainText()  # not replaced on an answer about other text
    assert bar.text() == "Replace the pasted original with the text you dropped?" and bar.action.isVisible()


@pytest.mark.usefixtures("_clipboard_emptied_after")
def test_closing_the_window_over_pasted_text_asks_first(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    _paste_original(qtbot, window)
    window.close()  # the title bar's close button, or Ctrl+Q
    assert window.isVisible()  # stays open: the pasted text exists nowhere else
    bar = window.message
    assert bar.text() == (
        "Your pasted original is not saved anywhere: quit anyway? (Compare it to keep a review.)"
    )
    assert bar.action.isVisible() and bar.action.text() == "Quit"
    assert "My own notes" in window.start.pane(Side.ORIGINAL).toPlainText()
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)  # the reader keeps it
    window.close()  # asked again
    assert window.isVisible() and bar.action.text() == "Quit"
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)  # ... and lets it go this time
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_closing_the_window_with_empty_panes_asks_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    window.close()
    assert not window.isVisible()
