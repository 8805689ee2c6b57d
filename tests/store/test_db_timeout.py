"""A team database that is unreachable or frozen: one clear line, exit status 2, and a connect
timeout that is a setting (issue 16, item 6).

"Frozen" is a socket on loopback that accepts connections and never answers (a server stopped
with SIGSTOP, or a firewall that swallows packets, looks the same to the client). "Unreachable"
is a loopback port where nothing listens.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from factcheck_gui.store import DatabaseUnavailableError, ReviewStore, StoreError
from factcheck_gui.store.database import DB_TIMEOUT_ENV, db_timeout_seconds
from tests.cli.test_cli_files import assert_usage_error, factcheck


@pytest.fixture
def frozen_port() -> Iterator[int]:
    """A port on 127.0.0.1 that accepts every connection and then says nothing."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        t.join(5)
        listener.close()
        for c in held:
            c.close()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nothing listens there


def test_a_frozen_server_is_one_line_after_the_configured_timeout(frozen_port: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    out = factcheck(
        "review",
        "list",
        "--db",
        f"postgresql://ann:secret@127.0.0.1:{frozen_port}/team",
        cwd=tmp_path,
        extra_env={DB_TIMEOUT_ENV: "3"},
    )
    elapsed = time.monotonic() - start
    assert_usage_error(out, f"the team database at 127.0.0.1:{frozen_port} did not answer in 3 s")
    assert (
        "secret" not in out.stderr and "OperationalError" not in out.stderr and "sqlalche" not in out.stderr
    )
    assert 2.5 < elapsed < 8, elapsed


def test_the_timeout_applies_to_every_command(frozen_port: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"postgresql://127.0.0.1:{frozen_port}/team"
    for args in (("export", "1", "--format", "csv"), ("review", "show", "1")):
        out = factcheck(*args, "--db", url, cwd=tmp_path, extra_env={DB_TIMEOUT_ENV: "2"})
        assert_usage_error(out, "did not answer in 2 s")


def test_a_port_where_nothing_listens_is_one_line_at_once(closed_port: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    out = factcheck(
        "review", "list", "--db", f"postgresql://ann:secret@127.0.0.1:{closed_port}/team", cwd=tmp_path
    )
    assert_usage_error(out, f"the team database at 127.0.0.1:{closed_port}")
    assert "refused" in out.stderr and "secret" not in out.stderr and "OperationalError" not in out.stderr
    assert time.monotonic() - start < 8


def test_the_store_raises_a_one_line_unavailable_error(
    frozen_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_TIMEOUT_ENV, "2")
    start = time.monotonic()
    with pytest.raises(DatabaseUnavailableError) as err:
        ReviewStore.open(f"postgresql://127.0.0.1:{frozen_port}/team")
    assert str(err.value).startswith(f"the team database at 127.0.0.1:{frozen_port} did not answer in 2 s")
    assert "\n" not in str(err.value)
    assert time.monotonic() - start < 6


@pytest.mark.parametrize(
    ("value", "seconds"), [(None, 10), ("", 10), ("5", 5), ("2.5", 3), ("1", 2), ("30", 30)]
)
def test_the_timeout_setting(monkeypatch: pytest.MonkeyPatch, value: str | None, seconds: int) -> None:
    if value is None:
        monkeypatch.delenv(DB_TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(DB_TIMEOUT_ENV, value)
    assert db_timeout_seconds() == seconds


@pytest.mark.parametrize("value", ["soon", "0", "-3", "nan", "inf"])
def test_a_bad_timeout_setting_is_one_line(monkeypatch: pytest.MonkeyPatch, value: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(DB_TIMEOUT_ENV, value)
    with pytest.raises(StoreError, match=DB_TIMEOUT_ENV):
        db_timeout_seconds()
    out = factcheck(
        "review",
        "list",
        "--db",
        "postgresql://127.0.0.1:1/team",
        cwd=tmp_path,
        extra_env={DB_TIMEOUT_ENV: value},
    )
    assert_usage_error(out, DB_TIMEOUT_ENV)
