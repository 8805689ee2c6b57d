"""Export speed and memory on a large review (default 5,000 claims), built through engine and store.

    python benchmarks/bench_export.py [N_CLAIMS] [--keep DIR]

Makes a pair with ../shared/tools/bigpair.py, compares it, stores the review in a fresh
SQLite file, sets a verdict on every second change that needs review, then times loading the
review and each export format (written to files through ``export_review``) and reports the
peak traced Python memory of each step (tracemalloc) and the process's peak RSS.

"GIL ms" is the longest the export kept the GIL from another thread while running in a worker
thread, as the app runs it: an upper bound on how long it freezes the app's window (goal < 100).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from sharedpath import shared_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck_gui.engine import compare_texts
from factcheck_gui.exporters import EXTENSIONS, FORMATS, ClaimReviewPublisher, ExportOptions, export_review
from factcheck_gui.store import ReviewStore

BIGPAIR = shared_dir() / "tools" / "bigpair.py"


def longest_gil_hold(work: Callable[[], object], qt: bool) -> float:
    """Run ``work`` in a worker thread (a QThread when it uses Qt, as in the app) and return the
    longest gap, in ms, between wake-ups of this thread sleeping 1 ms at a time."""
    if qt:
        from PySide6.QtCore import QThread

        class Worker(QThread):
            def run(self) -> None:
                work()

        worker = Worker()
        worker.start()
        alive = worker.isRunning
    else:
        thread = threading.Thread(target=work)
        thread.start()
        alive = thread.is_alive
    longest = 0.0
    last = time.perf_counter()
    while alive():
        time.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    if qt:
        worker.wait()
    return longest * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claims", nargs="?", type=int, default=5000)
    ap.add_argument("--keep", metavar="DIR", help="write the pair, database and exports here")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(BIGPAIR), str(args.claims), str(work)], check=True, capture_output=True
    )
    a = (work / "original.txt").read_text(encoding="utf-8")
    b = (work / "rewrite.txt").read_text(encoding="utf-8")

    t0 = time.perf_counter()
    cmp = compare_texts(a, b, original_name="original.txt", rewrite_name="rewrite.txt")
    t_cmp = time.perf_counter() - t0
    with ReviewStore.open(f"sqlite:///{work / 'bench.sqlite3'}") as store:
        t0 = time.perf_counter()
        rid = store.create_review(cmp, title=f"bench {args.claims}", reviewer="bench")
        to_review = [c for c in cmp.changes if c.is_change]
        scale = store.load_review(rid).scale
        for i, ch in enumerate(to_review[::2]):
            store.set_verdict(
                rid, ch.id, scale[i % len(scale)], reviewer="bench", note=f"note {i}", expected_version=None
            )
        t_store = time.perf_counter() - t0
        del cmp
        tracemalloc.start()
        t0 = time.perf_counter()
        review = store.load_review(rid)
        t_load = time.perf_counter() - t0
        _, peak_load = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"pair: {args.claims} claims -> {len(review.comparison.changes)} changes, "
        f"{len(to_review)} to review, {len(review.verdicts)} verdicts, {len(review.history)} history rows"
    )
    print(
        f"compare {t_cmp:.2f} s; store review + verdicts {t_store:.2f} s; "
        f"load_review {t_load:.2f} s (peak {peak_load / 2**20:.1f} MiB traced)"
    )
    print(f"{'format':<12} {'seconds':>8} {'size MiB':>9} {'peak MiB':>9} {'GIL ms':>7}")
    for fmt in FORMATS:
        path = work / f"review{EXTENSIONS[fmt]}"
        if fmt == "pdf":  # start Qt outside the measurement: it is a one-time cost per process
            from factcheck_gui.exporters.pdf import ensure_gui_app

            ensure_gui_app()
        # ClaimReview needs its publisher (the app asks once in Settings).
        opts = ExportOptions(publisher=ClaimReviewPublisher("Bench", "", "https://bench.example/r"))
        t0 = time.perf_counter()
        export_review(review, fmt, path, opts)
        dt = time.perf_counter() - t0
        # Memory in a second run: tracing slows Python down, so it must not skew the timing.
        tracemalloc.start()
        export_review(review, fmt, path, opts)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        gil = longest_gil_hold(lambda: export_review(review, fmt, path, opts), qt=fmt == "pdf")  # noqa: B023
        print(f"{fmt:<12} {dt:8.2f} {path.stat().st_size / 2**20:9.2f} {peak / 2**20:9.1f} {gil:7.0f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS {rss:.0f} MiB (includes the engine run and Qt); files in {work}")
    print(
        "(peak MiB: Python allocations traced by tracemalloc during that export; "
        "Qt's own memory is not traced)"
    )


if __name__ == "__main__":
    main()
