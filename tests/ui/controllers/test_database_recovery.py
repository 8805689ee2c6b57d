"""A damaged database file: a clear message, a new database beside it, the file left alone.

Every case uses a real file on disk: a review database damaged in its pages, or a file that
is no database at all. The store refuses it with CorruptDatabaseError; the window offers a
way to keep working, remembers the choice in the settings and never writes to the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from factcheck_gui.engine import compare_texts
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.records import DEFAULT_SCALE
from factcheck_gui.ui.shell.settings import Settings
from tests.ui.conftest import REFERENCE


@pytest.fixture
def no_traceback(capfd):  # type: ignore[no-untyped-def]
    yield
    assert "Traceback" not in capfd.readouterr().err


def damaged_database(path: Path) -> bytes:
    """A real review database with one review, then garbage written over its pages."""
    with ReviewStore.open(str(path)) as store:
        store.create_review(
            compare_texts("The bridge costs 40 million.", "The bridge costs 45 million."),
            title="Bridge",
            reviewer="Ann",
        )
    data = bytearray(path.read_bytes())
    for i in range(4096 + 100, min(len(data), 6 * 4096)):
        data[i] = (i * 7) & 0xFF
    path.write_bytes(bytes(data))
    return bytes(data)


def new_window(qtbot, settings: Settings, db_url: str | None = None):  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.main_window import MainWindow

    win = MainWindow(settings, db_url)
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    qtbot.waitExposed(win)
    return win


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file()}


def test_a_damaged_database_offers_a_new_one_beside_it_and_remembers_it(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, tmp_path: Path, store_for, no_traceback
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    damaged = folder / "reviews.db"
    before = damaged_database(damaged)
    stamp = damaged.stat().st_mtime_ns
    win = new_window(qtbot, settings, f"sqlite:///{damaged}")
    with qtbot.waitSignal(win.taskFailed, timeout=10000) as failed:
        win.nav.show_start_page()

    # One clear message: what is wrong, that the file was left alone, and what to do.
    text = win.message.text()
    assert win.message.isVisible() and win.message.property("level") == "error"
    assert failed.args[0] in text and "\n" not in text
    assert "reviews.db is damaged" in text and "left untouched" in text
    assert "Start a new, empty database beside it" in text
    assert win.message.action.isVisible() and win.message.action.text() == "Start a new database beside it"
    assert not win.message.action2.isVisible()

    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        qtbot.mouseClick(win.message.action, Qt.MouseButton.LeftButton)
    (fresh,) = [folder / n for n in files_in(folder) if n.startswith("reviews-new-") and n.endswith(".db")]
    assert settings.db_url == str(fresh)
    reread = Settings(QSettings(settings.q.fileName(), QSettings.Format.IniFormat))
    assert reread.db_url == str(fresh)  # written to the settings file, not only in memory
    assert fresh.name in win.status.db_label.text()
    assert "reviews.db was left untouched" in win.message.text()
    assert win.stack.currentWidget() is win.start and win.start.status.text() == "No reviews yet."

    # Work goes to the new database.
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.nav.open_paths(*REFERENCE)
    cid = win.review.current_change_id()
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)
    assert store_for(str(fresh)).load_review(win.session.review_id).verdicts[cid].value == DEFAULT_SCALE[0]
    win.close()

    # The next start (no --db) opens the remembered database straight away.
    again = new_window(qtbot, Settings(QSettings(settings.q.fileName(), QSettings.Format.IniFormat)))
    with qtbot.waitSignal(again.reviewsListed, timeout=10000):
        again.nav.show_start_page()
    assert again.start.model.rowCount() == 1 and not again.message.isVisible()
    assert fresh.name in again.status.db_label.text()
    again.close()

    # The damaged file: same bytes, same modification time, no journal left beside it.
    assert damaged.read_bytes() == before and damaged.stat().st_mtime_ns == stamp
    assert not {n for n in files_in(folder) if n.startswith("reviews.db-")}
    check = sqlite3.connect(fresh)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()


def test_the_database_an_earlier_offer_started_is_offered_next_time(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, tmp_path: Path, no_traceback
) -> None:
    damaged = tmp_path / "team-notes.db"
    damaged.write_bytes(b"these are not the reviews you are looking for\n" * 200)
    before = damaged.read_bytes()
    store, fresh = ReviewStore.open_fresh_beside(damaged)  # as an earlier offer did
    with store:
        store.create_review(
            compare_texts("Work starts in March.", "Work starts in April."), title="Roadworks", reviewer="Ann"
        )

    win = new_window(qtbot, settings, f"sqlite:///{damaged}")  # e.g. --db still names the old file
    with qtbot.waitSignal(win.taskFailed, timeout=10000):
        win.nav.show_start_page()
    text = win.message.text()
    assert "team-notes.db is not a review database" in text and fresh.name in text
    assert win.message.action.text() == f"Open {fresh.name}"
    assert win.message.action2.isVisible() and win.message.action2.text() == "Start another new database"

    with qtbot.waitSignal(win.reviewsListed, timeout=10000):
        qtbot.mouseClick(win.message.action, Qt.MouseButton.LeftButton)
    assert win.start.model.rowCount() == 1
    assert win.start.model.review_at(0).title == "Roadworks"
    assert settings.db_url == str(fresh) and fresh.name in win.status.db_label.text()
    databases = {n for n in files_in(tmp_path) if n.endswith(".db")}  # (the open one has a -wal)
    assert databases == {damaged.name, fresh.name}  # no further database was started
    assert damaged.read_bytes() == before
    win.close()


def test_starting_another_database_when_one_was_started_before(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, tmp_path: Path, no_traceback
) -> None:
    damaged = tmp_path / "reviews.sqlite3"
    before = damaged_database(damaged)
    store, earlier = ReviewStore.open_fresh_beside(damaged)
    store.close()
    win = new_window(qtbot, settings, str(damaged))  # a plain path works as the location too
    with qtbot.waitSignal(win.taskFailed, timeout=10000):
        win.nav.show_start_page()
    with qtbot.waitSignal(win.recovery.switched, timeout=10000) as switched:
        qtbot.mouseClick(win.message.action2, Qt.MouseButton.LeftButton)
    newest = Path(switched.args[0])
    assert newest.parent == tmp_path and newest not in (earlier, damaged)
    assert newest.is_file() and settings.db_url == str(newest)
    assert damaged.read_bytes() == before
    win.close()


def test_a_damaged_database_met_while_opening_a_pair_gets_the_same_offer(  # type: ignore[no-untyped-def]
    qtbot, settings: Settings, tmp_path: Path, no_traceback
) -> None:
    damaged = tmp_path / "reviews.db"
    before = damaged_database(damaged)
    win = new_window(qtbot, settings, f"sqlite:///{damaged}")
    with qtbot.waitSignal(win.taskFailed, timeout=30000):
        win.nav.open_paths(*REFERENCE)
    assert not win.status.task.isVisible()  # the comparison stopped; nothing is left running
    assert win.message.action.text() == "Start a new database beside it"
    with qtbot.waitSignal(win.recovery.switched, timeout=10000):
        qtbot.mouseClick(win.message.action, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.nav.open_paths(*REFERENCE)
    assert win.session is not None and damaged.read_bytes() == before
    win.close()
