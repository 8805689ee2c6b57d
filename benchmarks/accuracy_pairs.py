"""Accuracy on real, hand-labelled story pairs, next to a difflib and a TF-IDF matcher.

Runs ``shared/tools/score_pairs.py`` (never copied here) on the tuning part and on the test
part of ``benchmarks/pairs/`` with its peers, and prints per-pair and mean figures: link F1
(which claim became which), added-claim and removed-claim F1, fact-change recall and flag
precision. The engine was tuned on ``pairs/tune`` only; ``pairs/test`` is the held-out report;
``pairs/fresh`` holds pairs labelled later, blind to the engine's output, after this session's
tuning (``--part fresh``; not in ``all``, which keeps the figures comparable across sessions).

Also prints, pooled over each part's pairs, how many of the flagged changes hold a labelled
fact change (the per-pair flag precision counts a pair with no flag as 0).

Usage: python benchmarks/accuracy_pairs.py [--part tune|test|fresh|all] [--no-peers]
(FACTCHECK_CMD names another factcheck executable to score, e.g. one checkout's wrapper.)
Needs the bench extra (pysbd, scikit-learn) for the peers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sharedpath import ROOT, shared_dir

PAIRS = ROOT / "benchmarks" / "pairs"
KEYS = ("link_f1", "added_f1", "removed_f1", "fact_recall", "flag_precision")
SHORT = {
    "link_f1": "link",
    "added_f1": "added",
    "removed_f1": "removed",
    "fact_recall": "fact-rec",
    "flag_precision": "flag-prec",
}
GOALS = {"link_f1": 0.92, "added_f1": 0.90, "removed_f1": 0.90, "fact_recall": 0.75, "flag_precision": 0.80}


def factcheck_command() -> str:
    if os.environ.get("FACTCHECK_CMD"):  # e.g. a checkout's own ``python -m factcheck_gui.cli`` wrapper
        return os.environ["FACTCHECK_CMD"]
    here = Path(sys.executable).parent / "factcheck"
    return str(here) if here.exists() else (shutil.which("factcheck") or sys.exit("factcheck not installed"))


def score(part: Path, peers: bool) -> dict[str, dict[str, dict[str, float]]]:
    cmd = [sys.executable, str(shared_dir() / "tools" / "score_pairs.py"), str(part), factcheck_command()]
    if peers:
        cmd.append("--peers")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"score_pairs.py failed on {part.name}: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(name: str, rows: dict[str, dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    who = list(rows)
    pairs = sorted(rows["factcheck"])
    print(f"\n## {name}: {len(pairs)} pairs\n")
    print(f"{'pair':<52}" + "".join(f"{SHORT[k]:>10}" for k in KEYS))
    for p in pairs:
        for w in who:
            label = p if w == "factcheck" else f"  {w}"
            print(f"{label[:51]:<52}" + "".join(f"{rows[w][p][k]:>10.2f}" for k in KEYS))
    means = {w: {k: sum(r[k] for r in rows[w].values()) / max(1, len(rows[w])) for k in KEYS} for w in who}
    print(f"\n{'mean':<52}" + "".join(f"{SHORT[k]:>10}" for k in KEYS))
    for w in who:
        print(f"{w:<52}" + "".join(f"{means[w][k]:>10.2f}" for k in KEYS))
    print(f"{'goal':<52}" + "".join(f"{GOALS[k]:>10.2f}" for k in KEYS))
    if "tfidf" in means:
        lead = means["factcheck"]["link_f1"] - means["tfidf"]["link_f1"]
        print(f"link F1 over TF-IDF: {lead:+.3f} (goal +0.05)")
    return means["factcheck"]


def pooled_flag_precision(part: Path) -> tuple[int, int]:
    """Over all pairs of ``part``: the flagged changes linking both sides, and how many of them
    hold a labelled fact change. (The scorer's per-pair flag precision counts a pair with
    labelled fact changes and no flagged change as 0, so its mean falls with recall; this is
    the share of flags a reviewer would find real.) The labels are read with the scorer's own
    sentence mapping, ``shared/tools/evalalign.py``, imported where it lies."""
    tools = str(shared_dir() / "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    from evalalign import map_sentences  # type: ignore[import-not-found]

    good = flagged = 0
    for pair in sorted(d for d in part.iterdir() if (d / "gold.json").is_file()):
        gold = json.loads((pair / "gold.json").read_text(encoding="utf-8"))
        out = subprocess.run(
            [
                factcheck_command(),
                "compare",
                str(pair / "original.txt"),
                str(pair / "rewrite.txt"),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        pred = json.loads(out.stdout)
        o_map = map_sentences(gold["original_sentences"], pred["original"]["claims"])
        r_map = map_sentences(gold["rewrite_sentences"], pred["rewrite"]["claims"])
        facts = {(x["rewrite"], x["original"]) for x in gold.get("fact_changes", [])}
        of_r = {c: i for i, cs in r_map.items() for c in cs}
        of_o = {c: j for j, cs in o_map.items() for c in cs}
        both = [c for c in pred["changes"] if c.get("flags") and c.get("original") and c.get("rewrite")]
        flagged += len(both)
        good += sum(
            1
            for c in both
            if any((of_r.get(r), of_o.get(o)) in facts for r in c["rewrite"] for o in c["original"])
        )
    return good, flagged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("tune", "test", "fresh", "all"), default="all")
    ap.add_argument("--no-peers", action="store_true")
    args = ap.parse_args()
    parts = ("tune", "test") if args.part == "all" else (args.part,)
    for part in parts:
        report(part, score(PAIRS / part, not args.no_peers))
        good, flagged = pooled_flag_precision(PAIRS / part)
        share = f"{good / flagged:.2f}" if flagged else "—"
        print(
            f"flagged changes holding a labelled fact change, all pairs pooled: {good} of {flagged} ({share})"
        )


if __name__ == "__main__":
    main()
