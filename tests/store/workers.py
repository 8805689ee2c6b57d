"""Separate processes for the store tests and the benchmark: ``python workers.py COMMAND …``.

Each worker talks to the database only through :class:`ReviewStore`, like a second app
instance would, and reports on stdout one line per event so the parent can act on it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from factcheck_gui.store import DEFAULT_SCALE, ConflictError, ReviewStore


def burst(url: str, review_id: int, start: int, count: int) -> None:
    """Write verdicts as fast as possible; print ``ok SEQ`` after each commit returned.

    The note carries the sequence number, so the parent can check which writes survived.
    """
    store = ReviewStore.open(url)
    review = store.load_review(review_id)
    changes = [c.id for c in review.comparison.changes]
    versions = {c: review.verdicts[c].version if c in review.verdicts else 0 for c in changes}
    for seq in range(start, start + count):
        change = changes[seq % len(changes)]
        value = DEFAULT_SCALE[seq % len(DEFAULT_SCALE)]
        record = store.set_verdict(
            review_id, change, value, reviewer="burst", note=f"w{seq}", expected_version=versions[change]
        )
        versions[change] = record.version
        sys.stdout.write(f"ok {seq}\n")
        sys.stdout.flush()


def race(url: str, review_id: int, change_id: str, count: int, name: str, seed: int) -> None:
    """Read the verdict, think a moment, write it with the version read; report a JSON summary."""
    rng = random.Random(seed)
    store = ReviewStore.open(url)
    saved: list[list[object]] = []
    conflicts = 0
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()  # both workers start together
    for i in range(count):
        current = store.verdict(review_id, change_id)
        seen = current.version if current is not None else 0
        time.sleep(rng.uniform(0, 0.002))
        note = f"{name}-{i}"
        try:
            record = store.set_verdict(
                review_id,
                change_id,
                rng.choice(DEFAULT_SCALE),
                reviewer=name,
                note=note,
                expected_version=seen,
            )
        except ConflictError:
            conflicts += 1
            continue
        saved.append([record.version, record.value, note])
    store.close()
    sys.stdout.write(json.dumps({"attempted": count, "conflicts": conflicts, "saved": saved}) + "\n")


def write_once(url: str, review_id: int, change_id: str, value: str, expected: int, name: str) -> None:
    """One verdict, as a second app instance would write it."""
    store = ReviewStore.open(url)
    record = store.set_verdict(review_id, change_id, value, reviewer=name, expected_version=expected)
    store.close()
    sys.stdout.write(f"{record.version}\n")


def hold_lock(path: str, seconds: float) -> None:
    """Take SQLite's exclusive lock (as another program might) and keep it for a while."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    sys.stdout.write("locked\n")
    sys.stdout.flush()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def main(argv: list[str]) -> None:
    command, *rest = argv
    if command == "burst":
        burst(rest[0], int(rest[1]), int(rest[2]), int(rest[3]))
    elif command == "race":
        race(rest[0], int(rest[1]), rest[2], int(rest[3]), rest[4], int(rest[5]))
    elif command == "write-once":
        write_once(rest[0], int(rest[1]), rest[2], rest[3], int(rest[4]), rest[5])
    elif command == "fill":
        fill(rest[0], int(rest[1]), int(rest[2]))
    elif command == "hold-lock":
        hold_lock(rest[0], float(rest[1]))
    else:
        raise SystemExit(f"unknown command {command}")


def fill(url: str, review_id: int, limit_bytes: int) -> None:
    """Write verdicts under a file-size limit until the store says the disk is full."""
    import resource
    import signal

    from factcheck_gui.store import StoreError

    # Without this the kernel kills the process (SIGXFSZ) instead of failing the write.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    store = ReviewStore.open(url)
    changes = [c.id for c in store.load_review(review_id).comparison.changes]
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
    saved = 0
    error = ""
    versions = {c: 0 for c in changes}
    try:
        for seq in range(100_000):
            change = changes[seq % len(changes)]
            record = store.set_verdict(
                review_id,
                change,
                "Accurate",
                reviewer="fill",
                note=f"w{seq} " + "x" * 3000,
                expected_version=versions[change],
            )
            versions[change] = record.version
            saved += 1
    except StoreError as exc:
        error = f"{type(exc).__name__}: {exc}"
    sys.stdout.write(json.dumps({"saved": saved, "error": error}) + "\n")


# -- parent side: start workers and read their reports (used by the tests and the benchmark) --


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def close(proc: subprocess.Popen[str]) -> None:
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def kill_mid_burst(url: str, review_id: int, start: int, rng: random.Random) -> int:
    """Start a burst, SIGKILL it after a random number of acknowledged writes; return that number."""
    proc = spawn("burst", url, str(review_id), str(start), "100000")
    assert proc.stdout is not None
    target = rng.randint(5, 60)
    acknowledged = 0
    for line in proc.stdout:
        if line != f"ok {start + acknowledged}\n":
            raise AssertionError(f"unexpected worker output {line!r}")
        acknowledged += 1
        if acknowledged >= target:
            break
    time.sleep(rng.uniform(0, 0.005))  # land somewhere inside the next write
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()  # writes acknowledged between our decision and the kill
    proc.wait(timeout=30)
    acknowledged += rest.count("ok ")
    error = proc.stderr.read() if proc.stderr else ""
    close(proc)
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"burst worker ended by itself ({proc.returncode}): {error}")
    return acknowledged


def run_race(url: str, review_id: int, change_id: str, count: int) -> list[dict[str, object]]:
    """Two workers race on one verdict; returns their reports."""
    procs = [
        spawn("race", url, str(review_id), change_id, str(count), name, str(seed))
        for seed, name in enumerate(("ann", "bob"))
    ]
    for p in procs:
        assert p.stdout is not None
        if p.stdout.readline() != "ready\n":
            raise AssertionError(p.stderr.read() if p.stderr else "race worker failed")
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    reports = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        if p.returncode != 0:
            raise AssertionError(err)
        reports.append(json.loads(out))
    return reports


if __name__ == "__main__":
    main(sys.argv[1:])
