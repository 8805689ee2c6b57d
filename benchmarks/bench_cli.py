"""Start-up of the command line as a user feels it: every figure is a fresh process.

    python benchmarks/bench_cli.py [--old CHECKOUT] [--repeat 7] [--reviews 30] [--claims 5000]

Measured, interleaved with ``--old`` (another checkout, say a worktree of main) in the same
run so that the ratio stays meaningful on a loaded machine, and beside peers that bound what a
process start costs here (``python -c pass`` with the same interpreter, ``git --version``):

* ``factcheck --version`` (goal 0.15 s);
* ``factcheck compare`` on the bundled demo pair (goal 0.35 s);
* ``factcheck review list`` on a database of ``--reviews`` reviews of a ``--claims``-claim pair
  (goal 0.3 s), and on one of a third as many, for the peak memory to be flat in the number
  of reviews.

Each command runs as the console script does (``from factcheck_gui.cli import main``) with
the checkout first on ``PYTHONPATH``; wall time and peak RSS (``wait4``) are medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENTRY = "import sys; from factcheck_gui.cli import main; sys.exit(main())"
GOALS = {"--version": 0.15, "compare demo": 0.35, "review list": 0.30}


def run(argv: list[str], checkout: Path | None, cwd: Path) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MiB, CPU seconds: user + system) of one fresh process; fails
    loudly on a non-zero exit. On a loaded machine the CPU time is the steadier figure."""
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({checkout}):\n{err}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def build_database(db: Path, reviews: int, claims: int, folder: Path, checkout: Path = ROOT) -> None:
    """``reviews`` reviews of one ``claims``-claim pair, stored by ``checkout``'s store (each
    checkout lists a database its own version wrote: an older one refuses a newer schema)."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(checkout))
    from sharedpath import shared_dir

    from factcheck_gui.engine import compare_texts
    from factcheck_gui.store import ReviewStore

    pair = folder / f"pair{claims}"
    if not pair.is_dir():
        tool = shared_dir() / "tools" / "bigpair.py"
        subprocess.run([sys.executable, str(tool), str(claims), str(pair)], check=True, capture_output=True)
    a = (pair / "original.txt").read_text(encoding="utf-8")
    b = (pair / "rewrite.txt").read_text(encoding="utf-8")
    cmp = compare_texts(a, b, original_name="original.txt", rewrite_name="rewrite.txt")
    with ReviewStore.open(f"sqlite:///{db}") as store:
        for i in range(reviews):
            store.create_review(cmp, title=f"big {i}", reviewer="ann")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", type=Path, help="another checkout, measured interleaved")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--reviews", type=int, default=30)
    ap.add_argument("--claims", type=int, default=5000)
    ap.add_argument("--build", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.build:
        db, count, claims, checkout = args.build
        build_database(Path(db), int(count), int(claims), Path(db).parent, Path(checkout))
        return 0
    checkouts = {"this": ROOT} | ({"old": args.old.resolve()} if args.old else {})
    samples = ROOT / "resources" / "samples"
    original, rewrite = sorted(samples.glob("*original*"))[0], sorted(samples.glob("*rewrite*"))[0]
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        t0 = time.perf_counter()
        # Built in a child: a forked child's peak RSS counts the parent's pages, keep it small.
        # Each checkout lists the databases its own store wrote.
        dbs = {}
        few_count = max(1, args.reviews // 3)
        for name, checkout in checkouts.items():
            dbs[name] = (tmp / f"{name}-many.sqlite3", tmp / f"{name}-few.sqlite3")
            for db, count in ((dbs[name][0], args.reviews), (dbs[name][1], few_count)):
                build = [py, str(Path(__file__).resolve()), "--build", str(db), str(count), str(args.claims)]
                subprocess.run([*build, str(checkout)], check=True, cwd=tmp)
        many = dbs["this"][0]
        print(
            f"built {args.reviews} and {few_count} reviews of a {args.claims}-claim pair per checkout "
            f"in {time.perf_counter() - t0:.1f} s ({many.stat().st_size / 2**20:.0f} MiB here)",
            flush=True,
        )
        peers: dict[str, tuple[list[str], Path | None]] = {"python -c pass": ([py, "-c", "pass"], None)}
        if shutil.which("git"):
            peers["git --version"] = (["git", "--version"], None)
        cases: dict[str, dict[str, tuple[list[str], Path | None]]] = {}
        for name, checkout in checkouts.items():
            base = [py, "-c", ENTRY]
            cases[name] = {
                "--version": ([*base, "--version"], checkout),
                "compare demo": ([*base, "compare", str(original), str(rewrite)], checkout),
                "review list": ([*base, "review", "list", "--db", str(dbs[name][0])], checkout),
                "review list (1/3)": ([*base, "review", "list", "--db", str(dbs[name][1])], checkout),
            }
        for cmd in cases.values():  # once each first: byte-compiled files, databases upgraded
            for argv_, checkout in cmd.values():
                run(argv_, checkout, tmp)
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for r in range(args.repeat):
            order = list(cases) if r % 2 == 0 else list(cases)[::-1]
            for peer, (argv_, checkout) in peers.items():
                results.setdefault(("peer", peer), []).append(run(argv_, checkout, tmp))
            for what in cases[order[0]]:
                for name in order:
                    argv_, checkout = cases[name][what]
                    results.setdefault((name, what), []).append(run(argv_, checkout, tmp))
    print(f"\nfresh processes, median of {args.repeat} (wall s, CPU s, peak RSS MiB):")
    for (peer_name, what), runs in results.items():
        if peer_name == "peer":
            wall, rss = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            print(f"  {'peer':6} {what:20} {wall:6.3f} s  CPU {cpu:5.3f} s {rss:6.0f} MiB")
    whats = list(next(iter(cases.values())))
    for what in whats:
        line = f"  {what:27}"
        walls = {}
        for name in checkouts:
            runs = results[(name, what)]
            wall, rss = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            walls[name] = wall
            line += f" {name} {wall:6.3f} s CPU {cpu:5.3f} s {rss:4.0f} MiB "
        if walls.get("old"):
            line += f" ratio {walls['this'] / walls['old']:.2f}"
        goal = GOALS.get(what)
        if goal is not None:
            line += f"  (goal ≤ {goal:.2f} s)"
        print(line)
    for name in checkouts:
        many_rss = statistics.median(r[1] for r in results[(name, "review list")])
        few_rss = statistics.median(r[1] for r in results[(name, "review list (1/3)")])
        print(
            f"  {name}: peak RSS listing {args.reviews} vs {max(1, args.reviews // 3)} reviews: "
            f"{many_rss - few_rss:+.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
