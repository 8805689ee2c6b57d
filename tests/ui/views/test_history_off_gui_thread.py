"""The verdict panel's history is read from the store in a worker: moving through the changes
(a held J key) never waits on the database, an answer for a change left behind is never shown,
and a verdict is still in the store the moment its key is pressed."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import event

from factcheck_gui.store.records import DEFAULT_SCALE
from tests.ui.driver import Driver


def _history_reads_by_thread(win: Any) -> list[str]:
    """The thread of every query on the history table from now on (a real engine event)."""
    threads: list[str] = []
    engine = win.nav.service.store()._engine

    def seen(_conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
        if "FROM history" in statement:
            threads.append(threading.current_thread().name)

    event.listen(engine, "before_cursor_execute", seen)
    return threads


def test_moving_through_changes_reads_no_history_on_the_gui_thread(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    win = reviewing.win
    reads = _history_reads_by_thread(win)
    gui = threading.current_thread().name
    for _ in range(4):
        reviewing.press("J")
    reviewing.press_verdict("1")
    assert DEFAULT_SCALE[0] in reviewing.history  # (waits for the worker's answer)
    assert reads, "the history was never read"
    assert gui not in reads


def test_a_verdict_is_stored_at_once_and_its_history_follows(  # type: ignore[no-untyped-def]
    qtbot, reviewing: Driver, db_url: str, store_for
) -> None:
    cid = reviewing.current_change
    reviewing.press_verdict("1")
    # No waiting: the write is committed when the key press returns.
    stored = store_for(db_url).verdict(reviewing.review_id, cid)
    assert stored is not None and stored.value == DEFAULT_SCALE[0]
    assert reviewing.history.endswith(f"Tester: {DEFAULT_SCALE[0]}")


def test_the_history_shown_is_always_the_selected_changes(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    first = reviewing.current_change
    reviewing.press_verdict("2")
    assert DEFAULT_SCALE[1] in reviewing.history
    # Quick presses: the answers for the changes passed on the way are dropped.
    for _ in range(3):
        reviewing.press("J")
    assert reviewing.current_change != first
    assert reviewing.history == "No verdict yet."
    panel = reviewing.win.review.verdict
    qtbot.wait(100)  # any late answer for an earlier change has arrived by now
    assert panel.history.text() == "No verdict yet."
    for _ in range(3):
        reviewing.press("K")
    assert reviewing.current_change == first
    assert DEFAULT_SCALE[1] in reviewing.history


def test_a_held_key_reads_the_history_once_where_it_stops(qtbot, reviewing: Driver) -> None:  # type: ignore[no-untyped-def]
    # The first change's history is read once the review is shown: let that read end first.
    panel = reviewing.win.review.verdict
    qtbot.waitUntil(lambda: not panel._history_timer.isActive(), timeout=5000)
    assert reviewing.history  # (waits for its answer)
    qtbot.wait(100)
    reads = _history_reads_by_thread(reviewing.win)
    table = reviewing.win.review.changes.table
    table.setFocus()
    # The rest made long for the test, so six presses surely come within it however loaded the
    # machine is (a held key repeats every 30–50 ms; the real rest is 40 ms).
    reviewing.win.review.verdict._history_timer.setInterval(3000)
    for _ in range(6):  # presses faster than the selection's rest: no read starts between them
        qtbot.keyClick(table, Qt.Key.Key_J)
    assert reviewing.history == "No verdict yet."
    qtbot.waitUntil(lambda: len(reads) > 0, timeout=5000)
    qtbot.wait(100)
    assert len(reads) == 1, reads  # for the change it stopped on
