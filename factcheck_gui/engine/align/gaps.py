"""Gap filling: between two confident links, the claims in the gap are the likeliest pairs.

News rewrites mostly keep the order of their source. Once confident links are made, the
order-consistent ones are anchors (the longest increasing chain of them, as in Gale–Church,
Bleualign and Vecalign); between two consecutive anchors the unlinked claims on each side are
aligned by a monotone dynamic programme over their pair values, which lets a weak pair stand
that no global threshold would accept (a lossy restatement scoring 0.25 in a gap where
nothing else fits) while keeping the gap's pairs in order.

A gap of a few claims a side is scored pair by pair; a large one (two unrelated texts) uses
only the index's candidate pairs, and the programme runs as a weighted longest increasing
chain over those points (O(k log k)), so the cost stays linear in the number of claims.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

DENSE_CELLS = 400  # a gap of at most this many pairs is scored pair by pair


def gaps(
    anchors: Sequence[tuple[int, int]], free_o: Iterable[int], free_r: Iterable[int], n_o: int, n_r: int
) -> list[tuple[list[int], list[int]]]:
    """The unlinked claims between consecutive anchors: (originals, rewrites) per gap, both non-empty."""
    bounds = [(-1, -1), *sorted(anchors), (n_o, n_r)]
    los = [b[0] for b in bounds]
    lrs = [b[1] for b in bounds]
    per_o: dict[int, list[int]] = {}
    per_r: dict[int, list[int]] = {}
    for i in free_o:
        g = bisect.bisect_left(los, i) - 1
        per_o.setdefault(g, []).append(i)
    for j in free_r:
        g = bisect.bisect_left(lrs, j) - 1
        per_r.setdefault(g, []).append(j)
    out = []
    for g in sorted(per_o.keys() & per_r.keys()):
        out.append((sorted(per_o[g]), sorted(per_r[g])))
    return out


def best_monotone(values: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The pairs (o, r), strictly increasing in both, of the greatest total positive value.

    Between chains of equal value the one nearer the start wins (each value is scaled down by
    a trillionth per position of o + r): a rule that does not depend on which text is called
    the original, so swapping the texts swaps the answer.
    """
    pts = sorted((o, r, v * (1.0 - 1e-12 * (o + r))) for (o, r), v in values.items() if v > 0)
    if not pts:
        return []
    rank = {r: n + 1 for n, r in enumerate(sorted({p[1] for p in pts}))}
    size = len(rank)
    tree_v = [0.0] * (size + 1)  # Fenwick tree of prefix maxima over r ...
    tree_k = [-1] * (size + 1)  # ... and which point holds each
    n = len(pts)
    best_v = [0.0] * n
    back = [-1] * n
    start = 0
    while start < n:  # points of one original claim: computed together, then inserted
        o0 = pts[start][0]
        end = start + 1
        while end < n and pts[end][0] == o0:
            end += 1
        for k in range(start, end):
            pos = rank[pts[k][1]] - 1
            v, pk = 0.0, -1
            while pos > 0:  # the best chain ending before this r
                if tree_v[pos] > v:
                    v, pk = tree_v[pos], tree_k[pos]
                pos &= pos - 1
            best_v[k] = v + pts[k][2]
            back[k] = pk
        for k in range(start, end):
            pos, v = rank[pts[k][1]], best_v[k]
            while pos <= size:
                if v > tree_v[pos]:
                    tree_v[pos], tree_k[pos] = v, k
                pos += pos & -pos
        start = end
    k = max(range(n), key=lambda m: (best_v[m], -m))
    out = []
    while k != -1:
        out.append((pts[k][0], pts[k][1]))
        k = back[k]
    return out[::-1]


def fill(
    gap_list: Sequence[tuple[list[int], list[int]]],
    value: Callable[[int, int], float],
    sparse: Callable[[list[int], list[int]], Iterable[tuple[int, int]]],
) -> list[tuple[int, int]]:
    """The pairs the gaps' dynamic programmes choose.

    ``value(i, j)`` is a pair's value (positive to be worth linking); ``sparse(os, rs)`` gives
    the candidate pairs of a gap too large to score pair by pair.
    """
    chosen: list[tuple[int, int]] = []
    for os_, rs in gap_list:
        if len(os_) * len(rs) <= DENSE_CELLS:
            cells: Iterable[tuple[int, int]] = ((i, j) for i in os_ for j in rs)
        else:
            cells = sparse(os_, rs)
        values = {}
        for i, j in cells:
            v = value(i, j)
            if v > 0:
                values[(i, j)] = v
        chosen.extend(best_monotone(values))
    return chosen
