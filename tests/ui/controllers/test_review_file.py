"""File → Import review file…: a JSON review from the export becomes a new review, and opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from factcheck_gui.exporters import export_review
from factcheck_gui.store.records import DEFAULT_SCALE
from factcheck_gui.ui.shell.settings import Settings
from tests.ui.conftest import answer_file_dialog
from tests.ui.controllers.test_compare_again import set_verdicts


@pytest.fixture
def no_traceback(capfd):  # type: ignore[no-untyped-def]
    yield
    assert "Traceback" not in capfd.readouterr().err


def other_workstation(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A second window with its own settings and its own, empty database."""
    from factcheck_gui.ui.main_window import MainWindow

    settings = Settings(QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat))
    settings.reviewer = "Bea"
    url = f"sqlite:///{tmp_path / 'other.db'}"
    win = MainWindow(settings, url)
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        win.nav.show_start_page()
    return win, url


def test_a_review_exported_to_json_imports_with_its_verdicts_and_opens(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for, no_traceback
) -> None:
    win = opened
    set_verdicts(qtbot, win, [Qt.Key.Key_1, Qt.Key.Key_3])
    noted = win.review.current_change_id()
    note = win.review.verdict.note
    note.setFocus()
    qtbot.keyClicks(note, "Quote checked against the tape")
    win.review.changes.table.setFocus()  # focus loss saves the note
    exported = store_for(db_url).load_review(win.session.review_id)
    (tmp_path / "shared").mkdir()
    review_file = export_review(exported, "json", tmp_path / "shared" / "review.json")
    decided = {cid: v.value for cid, v in exported.verdicts.items() if v.value}
    assert len(decided) == 2

    other, other_url = other_workstation(qtbot, tmp_path)
    action = other.commands["import_review"]
    assert action.isEnabled() and action in other.menuBar().actions()[0].menu().actions()
    action.trigger()
    with qtbot.waitSignal(other.reviewShown, timeout=30000) as shown:
        answer_file_dialog(qtbot, other, "importReviewDialog", review_file)

    # On screen: the same texts and title, every verdict in the list, the progress, the note.
    new_id = shown.args[0]
    assert other.session.review_id == new_id
    assert other.windowTitle().startswith(exported.title)
    comp = other.session.index.comparison
    assert (comp.original.text, comp.rewrite.text) == (
        exported.comparison.original.text,
        exported.comparison.rewrite.text,
    )
    model = other.review.changes.model
    assert {c.id: model.verdict(c.id) for c in comp.changes if model.verdict(c.id)} == decided
    total = len(other.session.index.review_changes)
    assert other.status.progress_label.text() == f"2 of {total} changes reviewed"
    assert other.review.select_change(noted)
    assert other.review.verdict.note.toPlainText() == "Quote checked against the tape"
    # In the database: a new review with the same verdicts, notes and history.
    stored = store_for(other_url).load_review(new_id)
    assert {cid: v.value for cid, v in stored.verdicts.items() if v.value} == decided
    assert stored.verdicts[noted].note == "Quote checked against the tape"
    assert [(h.change_id, h.action, h.new_value) for h in stored.history] == [
        (h.change_id, h.action, h.new_value) for h in exported.history
    ]
    assert other.settings.last_dir == str(review_file.parent)
    other.close()


def test_importing_into_the_same_database_adds_a_second_review(  # type: ignore[no-untyped-def]
    qtbot, opened, tmp_path: Path, db_url: str, store_for
) -> None:
    win = opened
    first = win.session.review_id
    set_verdicts(qtbot, win, [Qt.Key.Key_2])
    review_file = export_review(store_for(db_url).load_review(first), "json", tmp_path / "r.json")
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.review_file.import_file(review_file)
    assert win.session.review_id != first
    assert set(win.session.values().values()) == {DEFAULT_SCALE[1]}
    assert {r.id for r in store_for(db_url).list_reviews()} == {first, win.session.review_id}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{this is not json", "not a review file (invalid JSON at line 1"),
        (b'{"schema": "factcheck.compare/1", "changes": []}', "not a review file (expected schema"),
        (b"\xff\xfe\x00garbage", "not a review file (not UTF-8 text)"),
        (json.dumps({"schema": "factcheck.review/99", "app": "9.0"}).encode(), "newer version"),
    ],
)
def test_a_bad_review_file_is_one_clear_message_and_stores_nothing(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, db_url: str, store_for, content: bytes, expected: str, no_traceback
) -> None:
    bad = tmp_path / "colleague.json"
    bad.write_bytes(content)
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        window.nav.show_start_page()
    window.commands["import_review"].trigger()
    with qtbot.waitSignal(window.taskFailed, timeout=10000) as failed:
        answer_file_dialog(qtbot, window, "importReviewDialog", bad)
    text = window.message.text()
    assert text == failed.args[0] and window.message.property("level") == "error"
    assert text.startswith("cannot import colleague.json: ") and expected in text and "\n" not in text
    assert window.session is None and window.stack.currentWidget() is window.start
    assert not window.status.task.isVisible()
    assert store_for(db_url).list_reviews() == []
    assert bad.read_bytes() == content


def test_a_review_file_that_cannot_be_read_is_a_message(qtbot, window, tmp_path: Path, no_traceback) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.taskFailed, timeout=10000) as failed:
        window.review_file.import_file(tmp_path / "gone.json")
    assert failed.args[0].startswith("cannot read gone.json: ")
    with qtbot.waitSignal(window.taskFailed, timeout=10000) as failed:
        window.review_file.import_file(tmp_path)
    assert "is a folder, not a review file" in failed.args[0]
