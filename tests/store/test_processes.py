"""Real processes against one database: SIGKILL mid-burst, two writers racing, a held lock."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from factcheck_gui.engine import Comparison
from factcheck_gui.store import ConflictError, DatabaseLockedError, ReviewStore

from .workers import close, kill_mid_burst, run_race, spawn

WORKERS = Path(__file__).with_name("workers.py")


def test_sigkill_during_a_burst_loses_at_most_the_write_in_flight(
    store_url: str, comparison: Comparison
) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="t", reviewer="ann")
    rng = random.Random(7)
    written = 0
    for _ in range(3):
        acknowledged = kill_mid_burst(store_url, rid, written, rng)
        if store_url.startswith("sqlite"):
            path = store_url.removeprefix("sqlite:///")
            with sqlite3.connect(path) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            conn.close()
        with ReviewStore.open(store_url) as store:
            notes = [h.new_note for h in store.history(rid)]
        # Every acknowledged write is there, in order; at most one more made it to disk.
        assert notes[written : written + acknowledged] == [
            f"w{n}" for n in range(written, written + acknowledged)
        ]
        assert len(notes) - written - acknowledged in (0, 1)
        written = len(notes)
    assert written >= 15


def test_two_processes_racing_on_one_verdict_lose_nothing(store_url: str, comparison: Comparison) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="t", reviewer="ann")
    cid = next(c.id for c in comparison.changes if c.is_change)
    reports: list[dict[str, Any]] = run_race(store_url, rid, cid, 40)

    saved = sorted((v, value, note) for r in reports for v, value, note in r["saved"])
    with ReviewStore.open(store_url) as store:
        history = store.history(rid, cid)
        final = store.verdict(rid, cid)
    # Each successful write got its own version, and the history holds exactly those writes.
    assert [v for v, _, _ in saved] == list(range(1, len(saved) + 1))
    assert [(h.version, h.new_value, h.new_note) for h in history] == [tuple(s) for s in saved]
    assert final is not None and final.version == len(saved)
    assert sum(r["attempted"] for r in reports) == len(saved) + sum(r["conflicts"] for r in reports)


def test_a_second_instance_writing_in_between_is_reported(store_url: str, comparison: Comparison) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="t", reviewer="ann")
        cid = next(c.id for c in comparison.changes if c.is_change)
        seen = store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
        other = subprocess.run(
            [sys.executable, str(WORKERS), "write-once", store_url, str(rid), cid, "Misquote", "1", "bob"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.returncode == 0, other.stderr
        with pytest.raises(ConflictError) as err:
            store.set_verdict(rid, cid, "Distorted", reviewer="ann", expected_version=seen.version)
        assert err.value.current is not None and err.value.current.value == "Misquote"
        assert [(h.reviewer, h.new_value) for h in store.history(rid, cid)] == [
            ("ann", "Accurate"),
            ("bob", "Misquote"),
        ]


def test_a_lock_held_beyond_the_timeout_is_one_clear_error(store_url: str, comparison: Comparison) -> None:
    with ReviewStore.open(store_url) as setup:
        rid = setup.create_review(comparison, title="t", reviewer="ann")
        cid = comparison.changes[0].id
        setup.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
    if store_url.startswith("sqlite"):
        holder = spawn("hold-lock", store_url.removeprefix("sqlite:///"), "3")
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"

        def release() -> None:
            holder.kill()
            holder.wait(timeout=30)
            close(holder)
    else:
        import psycopg

        conn = psycopg.connect(store_url.replace("+psycopg", ""))
        conn.execute("SELECT * FROM verdicts FOR UPDATE")  # held until rollback
        release = conn.close
    try:
        with ReviewStore.open(store_url, busy_timeout_ms=300) as store:
            started = time.monotonic()
            with pytest.raises(DatabaseLockedError, match="locked") as err:
                store.set_verdict(rid, cid, "Misquote", reviewer="bob", expected_version=1)
            assert time.monotonic() - started < 2.5
            assert "\n" not in str(err.value)
    finally:
        release()
    with ReviewStore.open(store_url) as store:
        current = store.verdict(rid, cid)
        assert current is not None and current.value == "Accurate" and len(store.history(rid)) == 1
        store.set_verdict(rid, cid, "Misquote", reviewer="bob", expected_version=1)  # works once released
