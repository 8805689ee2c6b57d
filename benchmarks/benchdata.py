"""Readers for the public sentence-pair sets in ../shared/bench (never copied into the repo).

MRPC: label 1 = paraphrase. STS-B: score 0–5. Both are tab-separated with unbalanced quotes,
so they are split on tabs, never read with CSV quoting.
"""

from __future__ import annotations

import os
from pathlib import Path

from sharedpath import shared_dir

BENCH = Path(os.environ.get("FACTCHECK_BENCH") or shared_dir() / "bench")


def mrpc(split: str) -> list[tuple[str, str, int]]:
    rows = []
    with open(BENCH / "mrpc" / f"msr_paraphrase_{split}.txt", encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) == 5 and f[0] in "01":
                rows.append((f[3], f[4], int(f[0])))
    return rows


def stsb(split: str) -> list[tuple[str, str, float]]:
    rows = []
    with open(BENCH / "stsb" / f"sts-{split}.csv", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 7:
                rows.append((f[5], f[6], float(f[4])))
    return rows


def spearman(x: list[float], y: list[float]) -> float:
    import numpy as np

    def ranks(v: list[float]) -> np.ndarray:
        a = np.asarray(v, dtype=float)
        order = a.argsort(kind="mergesort")
        r = np.empty(len(a))
        r[order] = np.arange(len(a))
        # average ranks of ties
        _, inv, counts = np.unique(a, return_inverse=True, return_counts=True)
        sums = np.bincount(inv, weights=r)
        return (sums / counts)[inv]

    rx, ry = ranks(x), ranks(y)
    return float(np.corrcoef(rx, ry)[0, 1])
