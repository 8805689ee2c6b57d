"""Engine speed, memory and alignment accuracy on large pairs built from real sentences.

Builds pairs with ../shared/tools/bigpair.py (N real sentences a side; the rewrite moves
blocks, paraphrases ~10 % of the sentences that have a human paraphrase, drops ~5 %, adds
~5 %), re-deriving bigpair's ground truth (which original sentence each rewrite sentence came
from) by replaying its deterministic recipe. For each size it runs, each in a fresh process:
factcheck's compare_texts, difflib.HtmlDiff (one sentence per line) and, up to --redlines-max,
redlines. Prints a table; --json writes the figures. factcheck's seconds are those of
``compare_texts`` (as in the app, where the engine is loaded); the import of the engine in the
fresh process is its own column, and ``+import`` is the ratio with it.

Usage: python benchmarks/bench_engine.py [--sizes 1000 5000 20000] [--redlines-max 5000]
       [--repeat 3] [--json FILE]
       python benchmarks/bench_engine.py --pathological [--json FILE]

--pathological runs the worst cases instead, built from the same real sentences: a 5 MB
paragraph without full stops (its rewrite made the same way from bigpair's rewrite), 100,000
one-line bullets a side, and two unrelated texts (the pool's sentences split in two halves,
about 10,000 claims a side: all the real sentences there are). Each prints factcheck's time
and peak memory next to ``git diff --no-index --word-diff`` on the same files in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sharedpath import shared_dir

HERE = Path(__file__).resolve().parent
TOOLS = shared_dir() / "tools"  # found from the repository root (sharedpath.py)


def _bigpair():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bigpair", TOOLS / "bigpair.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def build_with_truth(n: int, seed: int = 7) -> tuple[str, str, list[str], list[str], list[tuple[str, int]]]:
    """bigpair.build(n) plus, for each rewrite sentence, (kind, original index or -1)."""
    bp = _bigpair()
    rnd = random.Random(seed)
    para, uniq = bp.pool()
    rnd.shuffle(uniq)
    orig, extra = uniq[:n], uniq[n:]
    rew: list[tuple[str, tuple[str, int]]] = []
    for i, s in enumerate(orig):
        r = rnd.random()
        if r < 0.05:
            continue
        if s in para and r < 0.30:
            rew.append((para[s], ("paraphrase", i)))
        else:
            rew.append((s, ("same", i)))
        if rnd.random() < 0.05 and extra:
            rew.append((extra.pop(), ("added", -1)))
    blocks = [rew[i : i + 20] for i in range(0, len(rew), 20)]
    for _ in range(max(1, len(blocks) // 10)):
        b = blocks.pop(rnd.randrange(len(blocks)))
        blocks.insert(rnd.randrange(len(blocks) + 1), b)
    rew = [s for b in blocks for s in b]

    def fmt(ss: list[str]) -> str:
        return "\n\n".join(" ".join(ss[i : i + 5]) for i in range(0, len(ss), 5)) + "\n"

    a, b = fmt(orig), fmt([s for s, _ in rew])
    assert (a, b) == bp.build(n, seed), "bigpair's recipe changed; update the replay"
    return a, b, orig, [x for x, _ in rew], [t for _, t in rew]


def run_child(kind: str, a: Path, b: Path) -> dict[str, float]:
    """Time one tool in a fresh process (so peak memory is its own)."""
    code = f"""
import json, resource, sys, time
a = open({str(a)!r}, encoding="utf-8").read(); b = open({str(b)!r}, encoding="utf-8").read()
t = time.perf_counter()
imported = 0.0
if {kind!r} == "factcheck":
    from factcheck_gui.engine import compare_texts
    imported = time.perf_counter() - t  # (reported apart: the app has the engine loaded)
    t = time.perf_counter()
    out = compare_texts(a, b)
    extra = len(out.changes)
elif {kind!r} == "htmldiff":
    import difflib
    from factcheck_gui.engine import split_claims
    la = [c.text for c in split_claims(a, "o")]; lb = [c.text for c in split_claims(b, "r")]
    t = time.perf_counter()
    extra = len(difflib.HtmlDiff().make_file(la, lb))
else:
    from redlines import Redlines
    extra = len(Redlines(a, b, markdown_style="none").output_markdown)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": dt, "import_seconds": imported, "peak_mb": peak, "n": extra}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_median(kind: str, a: Path, b: Path, repeat: int) -> dict[str, float]:
    """:func:`run_child` ``repeat`` times: median seconds (a shared machine is noisy), max peak."""
    runs = [run_child(kind, a, b) for _ in range(repeat)]
    secs = sorted(r["seconds"] for r in runs)
    imports = sorted(r.get("import_seconds", 0.0) for r in runs)
    return {
        "seconds": secs[len(secs) // 2],
        "seconds_min": secs[0],
        "import_seconds": imports[len(imports) // 2],
        "peak_mb": max(r["peak_mb"] for r in runs),
        "n": runs[0]["n"],
    }


def _sentence_spans(sentences: list[str]) -> list[tuple[int, int]]:
    """Offsets of each sentence in bigpair's formatted text (5 per paragraph)."""
    spans, pos = [], 0
    for i, s in enumerate(sentences):
        if i and i % 5 == 0:
            pos += 1  # "\n\n" instead of " " between paragraphs (one extra char)
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return spans


def _owner(spans: list[tuple[int, int]], pos: int) -> int:
    import bisect

    k = bisect.bisect_right([s for s, _ in spans], pos) - 1
    return k if k >= 0 and pos < spans[k][1] else -1


def accuracy(
    a: str, b: str, orig: list[str], rew: list[str], truth: list[tuple[str, int]]
) -> dict[str, float]:
    """Precision/recall of the engine's links against bigpair's ground truth, by sentence.

    Claims are mapped to the sentence they start in; a link (rewrite sentence → original
    sentence) is right when bigpair derived that rewrite sentence from that original one.
    """
    from factcheck_gui.engine import compare_texts

    cmp = compare_texts(a, b)
    o_spans = _sentence_spans(orig)
    r_spans = _sentence_spans(rew)
    o_of = {c.id: _owner(o_spans, c.start) for c in cmp.original.claims}
    r_of = {c.id: _owner(r_spans, c.start) for c in cmp.rewrite.claims}
    got: dict[int, set[int]] = {}
    removed_o: set[int] = set()
    added_r: set[int] = set()
    moved = 0
    for ch in cmp.changes:
        if ch.kind.value == "removed":
            removed_o.update(o_of[o] for o in ch.original)
        if ch.kind.value == "added":
            added_r.update(r_of[r] for r in ch.rewrite)
        moved += ch.moved
        for r in ch.rewrite:
            got.setdefault(r_of[r], set()).update(o_of[o] for o in ch.original)
    tp = fp = fn = 0
    for j, (kind, oi) in enumerate(truth):
        links = got.get(j, set())
        if kind == "added":
            fp += len(links)
            continue
        tp += oi in links
        fn += oi not in links
        fp += len(links - {oi})
    kept = {oi for k, oi in truth if k != "added"}
    dropped = set(range(len(orig))) - kept
    added = {j for j, (k, _) in enumerate(truth) if k == "added"}
    return {
        "link_precision": tp / max(tp + fp, 1),
        "link_recall": tp / max(tp + fn, 1),
        "removed_precision": len(removed_o & dropped) / max(len(removed_o), 1),
        "removed_recall": len(removed_o & dropped) / max(len(dropped), 1),
        "added_precision": len(added_r & added) / max(len(added_r), 1),
        "added_recall": len(added_r & added) / max(len(added), 1),
        "changes_marked_moved": moved,
    }


def pathological_inputs() -> list[tuple[str, str, str]]:
    """(name, original, rewrite) of the worst cases, deterministic."""
    import re

    bp = _bigpair()
    a, b = bp.build(20000)

    def no_stops(text: str, size: int) -> str:
        flat = " ".join(re.sub(r"[.!?]+(?=\s|$)", "", text).split())
        while len(flat) < size:
            flat = f"{flat} {flat}"
        return flat[:size] + "\n"

    def bullets(text: str, n: int) -> str:
        lines = [s for s in " ".join(text.split()).split(". ") if s]
        return "".join(f"- {s}\n" for s in (lines * (n // len(lines) + 1))[:n])

    _, uniq = bp.pool()
    rnd = random.Random(3)
    rnd.shuffle(uniq)
    half = len(uniq) // 2

    def para(ss: list[str]) -> str:
        return "\n\n".join(" ".join(ss[i : i + 5]) for i in range(0, len(ss), 5)) + "\n"

    return [
        ("5 MB paragraph, no full stops", no_stops(a, 5_000_000), no_stops(b, 5_000_000)),
        ("100k one-line bullets", bullets(a, 100_000), bullets(b, 100_000)),
        (f"two unrelated texts ({half} sentences)", para(uniq[:half]), para(uniq[half : 2 * half])),
    ]


def run_git_word_diff(a: Path, b: Path) -> dict[str, float] | None:
    """``git diff --no-index --word-diff`` on the two files in a fresh process (None: no git)."""
    import shutil

    if shutil.which("git") is None:
        return None
    code = f"""
import json, resource, subprocess, time
t = time.perf_counter()
out = subprocess.run(["git", "diff", "--no-index", "--word-diff", {str(a)!r}, {str(b)!r}],
                     capture_output=True)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"seconds": dt, "peak_mb": peak, "n": len(out.stdout)}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def pathological(json_out: Path | None) -> None:
    """The worst cases: factcheck next to git --word-diff, time and peak memory."""
    head = f"{'input':<38} {'MB in':>6} {'factcheck s':>11} {'MB':>6} {'git s':>7} {'git MB':>7}"
    print(f"{head} {'changes':>8}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, a, b in pathological_inputs():
            pa, pb = Path(tmp, "original.txt"), Path(tmp, "rewrite.txt")
            pa.write_text(a, encoding="utf-8")
            pb.write_text(b, encoding="utf-8")
            fc = run_child("factcheck", pa, pb)
            git = run_git_word_diff(pa, pb)
            rows.append({"input": name, "bytes": len(a.encode()), "factcheck": fc, "git_word_diff": git})
            git_s = f"{git['seconds']:>7.2f} {git['peak_mb']:>7.0f}" if git else f"{'—':>7} {'—':>7}"
            print(
                f"{name:<38} {len(a.encode()) / 1e6:>6.1f} {fc['seconds']:>11.2f} {fc['peak_mb']:>6.0f} "
                f"{git_s} {fc['n']:>8}"
            )
    if json_out:
        json_out.write_text(json.dumps({"pathological": rows}, indent=1))


def reference_ms(runs: int = 30) -> float:
    from factcheck_gui.engine import compare_texts
    from factcheck_gui.resources import sample_pair

    a, b = (p.read_text(encoding="utf-8") for p in sample_pair())
    compare_texts(a, b)  # warm caches and imports
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        compare_texts(a, b)
        times.append(time.perf_counter() - t)
    return 1000 * sorted(times)[len(times) // 2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--redlines-max", type=int, default=5000)
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--repeat", type=int, default=1, help="runs of factcheck and HtmlDiff per size (median reported)"
    )
    ap.add_argument("--pathological", action="store_true", help="the worst cases instead of the sizes")
    args = ap.parse_args()
    if args.pathological:
        pathological(args.json)
        return
    results: dict[str, object] = {"reference_pair_ms_median": reference_ms()}
    print(f"reference pair: {results['reference_pair_ms_median']:.1f} ms (median of 30, in one process)")
    print(
        f"{'claims':>7} {'factcheck s':>11} {'import s':>8} {'MB':>6} {'HtmlDiff s':>10} {'redlines s':>10} "
        f"{'fc/HtmlDiff':>11} {'+import':>7} {'link P':>7} {'link R':>7} {'add P/R':>11} {'rem P/R':>11}"
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            a, b, orig, rew, truth = build_with_truth(n)
            pa, pb = Path(tmp, f"o{n}.txt"), Path(tmp, f"r{n}.txt")
            pa.write_text(a, encoding="utf-8")
            pb.write_text(b, encoding="utf-8")
            fc = run_median("factcheck", pa, pb, args.repeat)
            hd = run_median("htmldiff", pa, pb, args.repeat)
            rl = run_child("redlines", pa, pb) if n <= args.redlines_max else None
            acc = accuracy(a, b, orig, rew, truth)
            row = {"claims": n, "factcheck": fc, "htmldiff": hd, "redlines": rl, **acc}
            rows.append(row)
            rl_s = f"{rl['seconds']:.2f}" if rl else "—"
            ratio = fc["seconds"] / hd["seconds"]
            with_import = (fc["seconds"] + fc["import_seconds"]) / hd["seconds"]
            print(
                f"{n:>7} {fc['seconds']:>11.2f} {fc['import_seconds']:>8.2f} {fc['peak_mb']:>6.0f} "
                f"{hd['seconds']:>10.2f} {rl_s:>10} {ratio:>11.2f} {with_import:>7.2f} "
                f"{acc['link_precision']:>7.3f} {acc['link_recall']:>7.3f} "
                f"{acc['added_precision']:>5.2f}/{acc['added_recall']:<5.2f} "
                f"{acc['removed_precision']:>5.2f}/{acc['removed_recall']:<5.2f}"
            )
    for prev, cur in itertools.pairwise(rows):
        growth = cur["factcheck"]["seconds"] / prev["factcheck"]["seconds"]  # type: ignore[index]
        ratio = cur["claims"] / prev["claims"]  # type: ignore[operator]
        per_doubling = growth ** (1 / max(1e-9, __import__("math").log2(ratio)))
        print(
            f"time growth {prev['claims']}→{cur['claims']}: ×{growth:.2f} (×{per_doubling:.2f} per doubling)"
        )
    results["rows"] = rows
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    main()
