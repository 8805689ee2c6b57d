"""Review store figures: verdict writes per second, SIGKILL survival, two racing writers.

    python benchmarks/bench_store.py [--writes 500] [--kills 20] [--race 200] [--no-postgres]

Runs on a fresh SQLite file and, when /usr/lib/postgresql/15/bin exists, on a temporary
PostgreSQL 15 server (fsync on, as a real team server would run) started by the same helper
the tests use. Prints one block of figures per back end.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck_gui.engine import compare_texts  # noqa: E402
from factcheck_gui.store import DEFAULT_SCALE, ReviewStore  # noqa: E402


def load(name: str) -> ModuleType:
    """Import a helper from tests/store without making tests a package on sys.path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "store" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


workers = load("workers")
pgserver = load("pgserver")


def new_review(url: str) -> tuple[int, list[str]]:
    samples = ROOT / "resources" / "samples"
    cmp = compare_texts(
        (samples / "original.txt").read_text(encoding="utf-8"),
        (samples / "rewrite.txt").read_text(encoding="utf-8"),
        original_name="original.txt",
        rewrite_name="rewrite.txt",
    )
    with ReviewStore.open(url) as store:
        return store.create_review(cmp, title="bench", reviewer="bench"), [c.id for c in cmp.changes]


def writes_per_second(url: str, n: int) -> float:
    rid, changes = new_review(url)
    with ReviewStore.open(url) as store:
        versions = dict.fromkeys(changes, 0)
        started = time.perf_counter()
        for i in range(n):
            cid = changes[i % len(changes)]
            rec = store.set_verdict(
                rid,
                cid,
                DEFAULT_SCALE[i % len(DEFAULT_SCALE)],
                reviewer="bench",
                note=f"n{i}",
                expected_version=versions[cid],
            )
            versions[cid] = rec.version
        elapsed = time.perf_counter() - started
    return n / elapsed


def kill_test(url: str, kills: int) -> dict[str, object]:
    rid, _ = new_review(url)
    rng = random.Random(2024)
    written = acknowledged_total = in_flight_saved = lost = 0
    integrity = "ok"
    for _ in range(kills):
        acknowledged = workers.kill_mid_burst(url, rid, written, rng)
        acknowledged_total += acknowledged
        if url.startswith("sqlite"):
            with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
                check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            conn.close()
            if check != "ok":
                integrity = check
        with ReviewStore.open(url) as store:
            notes = [h.new_note for h in store.history(rid)]
        expected = [f"w{n}" for n in range(written, written + acknowledged)]
        present = set(notes[written:])
        lost += sum(1 for e in expected if e not in present)
        in_flight_saved += max(0, len(notes) - written - acknowledged)
        written = len(notes)
    return {
        "kills": kills,
        "acknowledged writes": acknowledged_total,
        "acknowledged writes lost": lost,
        "unacknowledged in-flight writes found committed": in_flight_saved,
        "integrity_check": integrity if url.startswith("sqlite") else "n/a (server)",
    }


def race(url: str, count: int) -> dict[str, object]:
    rid, changes = new_review(url)
    reports = workers.run_race(url, rid, changes[0], count)
    saved = sorted(tuple(s) for r in reports for s in r["saved"])
    with ReviewStore.open(url) as store:
        history = [(h.version, h.new_value, h.new_note) for h in store.history(rid, changes[0])]
    lost = len(set(saved) - set(history))
    return {
        "processes": 2,
        "writes attempted": sum(r["attempted"] for r in reports),
        "conflicts reported": sum(r["conflicts"] for r in reports),
        "writes saved": len(saved),
        "history rows": len(history),
        "writes lost": lost,
    }


def report(name: str, url: str, args: argparse.Namespace) -> None:
    print(f"\n== {name} ==")
    print(
        f"verdict writes per second (one process, each its own committed transaction): "
        f"{writes_per_second(url, args.writes):.0f}"
    )
    for key, value in kill_test(url, args.kills).items():
        print(f"kill test: {key}: {value}")
    for key, value in race(url, args.race).items():
        print(f"concurrent writers: {key}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=500)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--race", type=int, default=200, help="attempts per racing process")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        report("SQLite (WAL, synchronous=FULL)", url, args)
    if args.no_postgres or not pgserver.binaries_present():
        print("\n(PostgreSQL skipped)")
        return
    server = pgserver.start_server(fsync=True)
    try:
        url = server.create_database("bench")
        report("PostgreSQL 15 (loopback TCP, fsync on)", url, args)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
