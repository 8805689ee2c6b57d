"""Characters the store could not keep (saved as U+FFFD): the reviewer is told once, clearly."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factcheck_gui.engine import SourceInfo, compare_texts
from factcheck_gui.importers import ImportedText
from tests.ui.conftest import REFERENCE

BAD = "\ud800"  # a lone surrogate, as a broken paste or a surrogate-escaped file name gives
FFFD = "\ufffd"


def broken_review(store) -> int:  # type: ignore[no-untyped-def]
    comparison = compare_texts(
        f"The mayor said the bridge would cost 40 million euros {BAD}. Work starts in March.",
        "The mayor said the bridge will cost 45 million euros. Work starts in March.",
        original_name=f"bridge{BAD}.txt",
        rewrite_name="bridge-v2.txt",
    )
    return int(store.create_review(comparison, title="Bridge", reviewer="Ann"))


def test_opening_a_review_with_replaced_characters_says_so_once(  # type: ignore[no-untyped-def]
    qtbot, window, db_url: str, store_for
) -> None:
    store = store_for(db_url)
    review_id = broken_review(store)
    replaced = store.review_summary(review_id).replaced_chars
    assert replaced == 2  # the file name and the original text
    with qtbot.waitSignal(window.reviewShown, timeout=10000):
        window.nav.open_review(review_id)
    text = window.message.text()
    assert window.message.isVisible() and window.message.property("level") == "warning"
    assert "2 characters of this review" in text and "could not be stored" in text and FFFD in text
    assert FFFD in window.session.index.comparison.original.text  # where they were, visibly

    # Told once: reopening the review does not say it again.
    qtbot.mouseClick(window.message.dismiss, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        window.nav.show_start_page()
    with qtbot.waitSignal(window.reviewShown, timeout=10000):
        window.nav.open_review(review_id)
    assert not window.message.isVisible()

    # New ones (a colleague's note with a NUL) are news: told again, with the new total.
    cid = window.session.index.review_changes[0].id
    store.set_note(review_id, cid, "Mayor\x00 quote", reviewer="Colleague", expected_version=0)
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        window.nav.show_start_page()
    with qtbot.waitSignal(window.reviewShown, timeout=10000):
        window.nav.open_review(review_id)
    assert "3 characters of this review" in window.message.text()


def test_the_message_stays_until_dismissed(qtbot, window, db_url: str, store_for) -> None:  # type: ignore[no-untyped-def]
    review_id = broken_review(store_for(db_url))
    with qtbot.waitSignal(window.reviewShown, timeout=10000):
        window.nav.open_review(review_id)
    assert not window.message._timer.isActive()  # information fades after 8 s; this does not
    assert window.message.dismiss.isVisible()


def test_a_pasted_story_with_a_broken_character_is_reported_when_it_opens(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    original = ImportedText(REFERENCE[0].read_text(encoding="utf-8"), "original.txt", SourceInfo())
    pasted = ImportedText(
        REFERENCE[1].read_text(encoding="utf-8").replace(".", ".\x00", 1), "pasted text", SourceInfo()
    )
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        window.nav.open_imported(original, pasted)
    assert "1 character of this review" in window.message.text()
    assert "is shown as" in window.message.text()
    assert FFFD in window.session.index.comparison.rewrite.text


def test_a_note_with_a_character_that_cannot_be_stored_is_reported_once(  # type: ignore[no-untyped-def]
    qtbot, opened, db_url: str, store_for
) -> None:
    win = opened
    assert not win.message.isVisible()  # the reference pair has nothing to replace
    cid = win.review.current_change_id()
    note = win.review.verdict.note
    note.setFocus()
    note.setPlainText("Checked\x00 with the council")  # as a paste from a broken document gives
    win.review.changes.table.setFocus()  # focus loss saves the note
    text = win.message.text()
    assert f"1 character of your note on {cid} could not be stored" in text and FFFD in text
    assert win.message.level() == "warning"
    stored = store_for(db_url).load_review(win.session.review_id).verdicts[cid]
    assert stored.note == f"Checked{FFFD} with the council" and stored.replaced_chars == 1

    # Once: a second such note is saved without another message.
    qtbot.mouseClick(win.message.dismiss, Qt.MouseButton.LeftButton)
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_J)
    other = win.review.current_change_id()
    note.setFocus()
    note.setPlainText("Second\x00 note")
    win.review.changes.table.setFocus()
    assert not win.message.isVisible()
    assert store_for(db_url).load_review(win.session.review_id).verdicts[other].note == f"Second{FFFD} note"
