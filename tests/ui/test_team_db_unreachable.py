"""A team database that does not answer is one clear message in the window, and the window
keeps answering meanwhile."""

from __future__ import annotations

import socket

import pytest


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nothing listens there


def test_an_unreachable_team_database_is_one_message_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("psycopg")
    from factcheck_gui.ui.main_window import MainWindow

    monkeypatch.setenv("FACTCHECK_DB_TIMEOUT", "2")
    url = f"postgresql+psycopg://reviewer:secret@127.0.0.1:{closed_port()}/reviews"
    win = MainWindow(settings, url)
    qtbot.addWidget(win)
    win.show()
    win.nav.open_demo()
    qtbot.waitUntil(lambda: "127.0.0.1" in win.message.text(), timeout=20000)
    text = win.message.text()
    assert "team database at 127.0.0.1" in text
    assert "secret" not in text  # the password never reaches the screen
    assert "Traceback" not in text and "OperationalError" not in text
    win.quit_without_notes = True
    win.close()
