"""Does this checkout's engine give the same comparisons as another checkout's, byte for byte?

Runs ``compare_texts(a, b).to_json()`` on the labelled pairs (``benchmarks/pairs/tune``, ``test`` and
``fresh``), the demo pair and bigpair pairs (1,000 and 5,000 claims; more with ``--sizes``) in
this checkout and, in a subprocess with ``PYTHONPATH`` set to it, in the other checkout
(default: ``/work/main``, or ``$FACTCHECK_OLD``), and prints each pair as ``same`` or where the
two first differ (the change, its field). Exit 1 when any differs. The engine version each
output names is left out of the comparison unless ``--with-version`` is given.

Usage: python benchmarks/same_output.py [--old CHECKOUT] [--sizes 1000 5000] [--pathological]
       [--with-version]

``--pathological`` adds the worst cases of ``bench_engine.py --pathological`` (slow on an old
engine: a minute or more each).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_CHILD = r"""
import json, os, sys
import factcheck_gui
from factcheck_gui.engine import compare_texts
print("engine from", os.path.dirname(os.path.dirname(factcheck_gui.__file__)), file=sys.stderr)
jobs = json.load(open(sys.argv[1], encoding="utf-8"))
out = {}
for name, (pa, pb) in jobs.items():
    a = open(pa, encoding="utf-8").read(); b = open(pb, encoding="utf-8").read()
    out[name] = compare_texts(a, b).to_json()
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), sort_keys=True)
"""


def pairs(sizes: list[int], tmp: Path, pathological: bool) -> dict[str, tuple[str, str]]:
    """name → (original path, rewrite path) of every pair compared."""
    jobs: dict[str, tuple[str, str]] = {}
    for part in ("tune", "test", "fresh"):
        for d in sorted((HERE / "pairs" / part).iterdir()):
            if (d / "original.txt").is_file():
                jobs[f"{part}/{d.name}"] = (str(d / "original.txt"), str(d / "rewrite.txt"))
    samples = ROOT / "resources" / "samples"
    jobs["demo"] = (str(samples / "original.txt"), str(samples / "rewrite.txt"))
    sys.path.insert(0, str(HERE))
    import bench_engine  # (builds bigpair's pairs from the shared sentences)

    bp = bench_engine._bigpair()
    for n in sizes:
        a, b = bp.build(n)
        pa, pb = tmp / f"big{n}_o.txt", tmp / f"big{n}_r.txt"
        pa.write_text(a, encoding="utf-8")
        pb.write_text(b, encoding="utf-8")
        jobs[f"bigpair {n}"] = (str(pa), str(pb))
    if pathological:
        for k, (name, a, b) in enumerate(bench_engine.pathological_inputs()):
            pa, pb = tmp / f"path{k}_o.txt", tmp / f"path{k}_r.txt"
            pa.write_text(a, encoding="utf-8")
            pb.write_text(b, encoding="utf-8")
            jobs[name] = (str(pa), str(pb))
    return jobs


def run(checkout: Path, jobs: dict[str, tuple[str, str]], tmp: Path, tag: str) -> dict[str, Any]:
    job_file, out_file = tmp / f"jobs_{tag}.json", tmp / f"out_{tag}.json"
    job_file.write_text(json.dumps(jobs), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(checkout))
    # (run in the temporary folder: ``-c`` puts the working directory first on the path, and
    # from a checkout that would be the checkout's own engine whatever PYTHONPATH says)
    subprocess.run([sys.executable, "-c", _CHILD, str(job_file), str(out_file)], env=env, check=True, cwd=tmp)
    return json.loads(out_file.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def first_difference(old: Any, new: Any, path: str = "") -> str:
    """Where two JSON values first differ, as a path ("changes[12].flags")."""
    if type(old) is not type(new):
        return f"{path or '.'}: {type(old).__name__} vs {type(new).__name__}"
    if isinstance(old, dict):
        for k in sorted(set(old) | set(new)):
            if k not in old or k not in new:
                return f"{path}.{k}: only in {'new' if k not in old else 'old'}"
            if old[k] != new[k]:
                return first_difference(old[k], new[k], f"{path}.{k}")
    if isinstance(old, list):
        for i, (x, y) in enumerate(zip(old, new, strict=False)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
        if len(old) != len(new):
            return f"{path}: {len(old)} vs {len(new)} items"
    return f"{path}: {json.dumps(old)[:200]} vs {json.dumps(new)[:200]}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", type=Path, default=Path(os.environ.get("FACTCHECK_OLD", "/work/main")))
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    ap.add_argument("--pathological", action="store_true")
    ap.add_argument(
        "--with-version", action="store_true", help="also compare the engine version each output names"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        jobs = pairs(args.sizes, tmp, args.pathological)
        new = run(ROOT, jobs, tmp, "new")
        old = run(args.old.resolve(), jobs, tmp, "old")
    differ = 0
    if not args.with_version:  # (a version bumped for other changes would hide every other difference)
        for out in (old, new):
            for got in out.values():
                got.pop("engine", None)
    for name in jobs:
        a = json.dumps(old[name], sort_keys=True).encode()
        b = json.dumps(new[name], sort_keys=True).encode()
        if a == b:
            print(f"same     {name} ({hashlib.sha256(b).hexdigest()[:12]})")
            continue
        differ += 1
        n_old, n_new = len(old[name]["changes"]), len(new[name]["changes"])
        print(f"DIFFERS  {name}: {first_difference(old[name], new[name])} ({n_old} vs {n_new} changes)")
    print(f"{len(jobs) - differ} of {len(jobs)} pairs identical to {args.old}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
