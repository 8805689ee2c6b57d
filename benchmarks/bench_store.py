"""Review store figures: big reviews (listing, storing, opening), and durability (verdict
writes per second, SIGKILL survival, two racing writers).

    python benchmarks/bench_store.py [--old DIR] [--reviews 30] [--claims 5000]
        [--store-claims 20000] [--repeat 3] [--no-big]
        [--writes 500] [--kills 20] [--race 200] [--no-durability] [--no-postgres]

Big reviews (needs ../shared/tools/bigpair.py, found from the repository root), on SQLite:

- ``factcheck review list`` as a user runs it (a fresh process: wall time and peak RSS) on a
  database of 10 and of ``--reviews`` reviews of a ``--claims``-claim pair, and the store's
  ``list_reviews()`` alone (what the start page calls); an empty database gives the
  command's startup cost (Python, SQLAlchemy, the engine), the same whatever the reviews;
- storing a ``--store-claims``-claim review, next to the comparison itself in the same process
  (the ratio is what counts on a loaded machine), on SQLite and (unless ``--no-postgres``) on a
  temporary PostgreSQL 15 server;
- opening (``load_review``) a stored 5k and 20k review.

``--old DIR``: a checkout of another version (``git -C /work/main worktree add`` or ``git
archive | tar -x``); each figure is measured for it and for this checkout in turn, in the same
run, and the new code also lists the old code's database after upgrading a copy of it.

Durability runs on a fresh SQLite file and, when /usr/lib/postgresql/15/bin exists, on a
temporary PostgreSQL 15 server (fsync on, as a real team server would run) started by the same
helper the tests use. Prints one block of figures per back end.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
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

# Run in a child process with PYTHONPATH set to the checkout measured, so old and new code each
# import only themselves. Only the store's public API of both versions is used.
CHILD = r"""
import json, shutil, statistics, sys, time
from pathlib import Path
mode, args = sys.argv[1], sys.argv[2:]
from factcheck_gui.engine import compare_texts
from factcheck_gui.store import DEFAULT_SCALE, ReviewStore

def pair(folder):
    folder = Path(folder)
    a = sorted(folder.glob("original*"))[0].read_text(encoding="utf-8")
    b = sorted(folder.glob("rewrite*"))[0].read_text(encoding="utf-8")
    return a, b

def compared(folder):
    a, b = pair(folder)
    return compare_texts(a, b, original_name="original.txt", rewrite_name="rewrite.txt")

out = {}
if mode == "build":  # pair, db, count, copy_at, copy_to: count reviews, a copy after copy_at
    folder, db, count, copy_at, copy_to = args[0], args[1], int(args[2]), int(args[3]), args[4]
    cmp = compared(folder)
    cids = [c.id for c in cmp.changes if c.is_change][:5]
    for n in range(1, count + 1):
        with ReviewStore.open(db) as store:
            rid = store.create_review(cmp, title=f"review {n}", reviewer="ann")
            for i, cid in enumerate(cids):  # a few verdicts, so the counts are not all zero
                store.set_verdict(rid, cid, DEFAULT_SCALE[i], reviewer="bob", expected_version=0)
        if n == copy_at:
            shutil.copy(db, copy_to)
    out["changes"] = len(cmp.changes)
elif mode == "list":  # db, repeat: list_reviews() as the start page calls it
    with ReviewStore.open(args[0]) as store:
        times = []
        for _ in range(int(args[1])):
            t = time.perf_counter(); listed = store.list_reviews(); times.append(time.perf_counter() - t)
    out = {"seconds": statistics.median(times), "reviews": len(listed)}
elif mode == "store":  # pair, db: the comparison, then storing it, in the same process
    a, b = pair(args[0])
    t = time.perf_counter()
    cmp = compare_texts(a, b, original_name="original.txt", rewrite_name="rewrite.txt")
    out["compare"] = time.perf_counter() - t
    with ReviewStore.open(args[1]) as store:
        t = time.perf_counter()
        out["review"] = store.create_review(cmp, title="big", reviewer="ann")
        out["store"] = time.perf_counter() - t
elif mode == "open":  # db, review id, repeat: load_review
    with ReviewStore.open(args[0]) as store:
        times = []
        for _ in range(int(args[2])):
            t = time.perf_counter(); store.load_review(int(args[1])); times.append(time.perf_counter() - t)
    out = {"seconds": statistics.median(times)}
print(json.dumps(out))
"""


def run_child(checkout: Path, argv: list[str], cwd: Path) -> tuple[dict[str, float], float, float]:
    """Run ``argv`` with ``checkout`` first on the path; its JSON answer (the last line printed),
    wall time and peak RSS in MiB (of that process alone, from wait4)."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        assert proc.stderr is not None
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        out.seek(0)
        lines = out.read().splitlines()
    if proc.returncode != 0:
        shown = " ".join(a for a in argv if "\n" not in a)
        raise SystemExit(f"{shown} failed in {checkout}:\n{err}")
    answer = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return answer, wall, usage.ru_maxrss / 1024


def child(checkout: Path, mode: str, *args: object, cwd: Path) -> dict[str, float]:
    return run_child(checkout, [sys.executable, "-c", CHILD, mode, *map(str, args)], cwd)[0]


def cli_list(checkout: Path, db: Path, cwd: Path) -> tuple[float, float]:
    """`factcheck review list --db DB` in a fresh process: (wall seconds, peak RSS MiB)."""
    argv = [sys.executable, "-m", "factcheck_gui.cli", "review", "list", "--db", str(db)]
    _, wall, rss = run_child(checkout, argv, cwd)
    return wall, rss


def bigpair(claims: int, folder: Path) -> Path:
    from sharedpath import shared_dir

    out = folder / f"pair{claims}"
    tool = shared_dir() / "tools" / "bigpair.py"
    subprocess.run([sys.executable, str(tool), str(claims), str(out)], check=True, capture_output=True)
    return out


def med(values: list[float]) -> float:
    return statistics.median(values)


def big_reviews(args: argparse.Namespace, folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    checkouts = {"new": ROOT}
    if args.old is not None:
        checkouts = {"old": Path(args.old).resolve(), "new": ROOT}
    small, big = bigpair(args.claims, folder), bigpair(args.store_claims, folder)
    print(f"\n== big reviews (SQLite; {', '.join(f'{k}: {v}' for k, v in checkouts.items())}) ==")
    dbs: dict[str, dict[int, Path]] = {}
    for name, checkout in checkouts.items():
        few = 10 if args.reviews > 10 else 0
        full, part = folder / f"{name}-{args.reviews}.sqlite3", folder / f"{name}-{few}.sqlite3"
        started = time.perf_counter()
        built = child(checkout, "build", small, full, args.reviews, few, part, cwd=folder)
        empty = folder / f"{name}-empty.sqlite3"
        cli_list(checkout, empty, folder)  # creates it: the startup cost of the command alone
        dbs[name] = {0: empty, few: part, args.reviews: full} if few else {0: empty, args.reviews: full}
        print(
            f"{name}: built {args.reviews} reviews of the {args.claims}-claim pair "
            f"({built['changes']:.0f} changes each) in {time.perf_counter() - started:.1f} s, "
            f"{full.stat().st_size / 2**20:.0f} MiB on disk"
        )
    if args.old is not None:
        # The new code on the old code's database: upgraded on first open, old reviews as they were.
        migrated = folder / f"old-read-by-new-{args.reviews}.sqlite3"
        shutil.copy(dbs["old"][args.reviews], migrated)
        cli_list(ROOT, migrated, folder)
        checkouts_dbs = [(n, n, dbs[n]) for n in checkouts] + [
            ("new", "new on old's db", {args.reviews: migrated})
        ]
    else:
        checkouts_dbs = [(n, n, dbs[n]) for n in checkouts]

    listing: dict[tuple[str, int], list[tuple[float, float]]] = {}
    calls: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        for code, label, by_count in checkouts_dbs:
            for count, db in by_count.items():
                listing.setdefault((label, count), []).append(cli_list(checkouts[code], db, folder))
            calls.setdefault(label, []).append(
                child(checkouts[code], "list", by_count[args.reviews], 5, cwd=folder)["seconds"]
            )
    print("`factcheck review list` (fresh process, median of --repeat): wall time, peak RSS (0: startup)")
    for (label, count), runs in listing.items():
        wall, rss = med([w for w, _ in runs]), med([r for _, r in runs])
        print(f"  {label:16} {count:3} reviews: {wall:.2f} s, {rss:.0f} MiB")
    for label in calls:
        runs = listing[(label, args.reviews)]
        few = [r for (lab, c), rs in listing.items() if lab == label and c == 10 for _, r in rs]
        flat = (
            f"; RSS {args.reviews} vs 10 reviews: +{med([r for _, r in runs]) - med(few):.0f} MiB"
            if few
            else ""
        )
        alone = med(calls[label]) * 1000
        print(f"  {label:16} list_reviews() alone, {args.reviews} reviews: {alone:.0f} ms{flat}")

    stored: dict[str, list[dict[str, float]]] = {}
    for i in range(args.repeat):
        for name, checkout in checkouts.items():
            db = folder / f"{name}-store-{i}.sqlite3"
            stored.setdefault(name, []).append(
                {**child(checkout, "store", big, db, cwd=folder), "db": str(db)}
            )
    print(
        f"storing a {args.store_claims}-claim review (create_review), next to its comparison, same process:"
    )
    for name, runs in stored.items():
        ratio = med([r["store"] / r["compare"] for r in runs])
        store, compare = med([r["store"] for r in runs]), med([r["compare"] for r in runs])
        print(
            f"  {name}: store {store:.2f} s, compare {compare:.2f} s, "
            f"ratio store/compare {ratio:.2f} (goal <= 1.0)"
        )
    if not args.no_postgres and pgserver.binaries_present():
        server = pgserver.start_server(fsync=True)
        try:
            on_pg: dict[str, list[dict[str, float]]] = {}
            for i in range(args.repeat):
                for name, checkout in checkouts.items():
                    url = server.create_database(f"store_{name}_{i}")
                    on_pg.setdefault(name, []).append(child(checkout, "store", big, url, cwd=folder))
        finally:
            server.stop()
        print("the same on PostgreSQL 15 (loopback TCP, fsync on):")
        for name, runs in on_pg.items():
            ratio = med([r["store"] / r["compare"] for r in runs])
            print(f"  {name}: store {med([r['store'] for r in runs]):.2f} s, ratio store/compare {ratio:.2f}")
    opened: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.repeat):
        for name, checkout in checkouts.items():
            for what, db, rid in (
                (f"{args.claims // 1000}k", dbs[name][args.reviews], 1),
                (
                    f"{args.store_claims // 1000}k",
                    Path(stored[name][0]["db"]),
                    int(stored[name][0]["review"]),
                ),
            ):
                opened.setdefault((name, what), []).append(
                    child(checkout, "open", db, rid, 3, cwd=folder)["seconds"]
                )
    print("opening a stored review (load_review, median):")
    for (name, what), runs in opened.items():
        print(f"  {name}: {what} review {med(runs) * 1000:.0f} ms")


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
    parser.add_argument("--old", metavar="DIR", help="a checkout of an earlier version, measured too")
    parser.add_argument("--reviews", type=int, default=30)
    parser.add_argument("--claims", type=int, default=5000, help="claims of the listed reviews")
    parser.add_argument("--store-claims", type=int, default=20000, help="claims of the stored review")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-big", action="store_true", help="skip the big-review figures")
    parser.add_argument("--no-durability", action="store_true", help="skip writes, kills and races")
    args = parser.parse_args()
    if not args.no_big:
        with tempfile.TemporaryDirectory() as folder:
            big_reviews(args, Path(folder))
    if args.no_durability:
        return
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
