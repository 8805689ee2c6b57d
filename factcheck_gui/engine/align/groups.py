"""Links to changes: pairs, splits, merges and one-sided claims; and which pairs moved."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from functools import partial as _bind
from operator import itemgetter
from typing import NamedTuple


class Link(NamedTuple):
    """A scored pair (original index, rewrite index).

    (Named tuples rather than frozen dataclasses: a long rewrite makes one of each per claim,
    and a tuple is built about twice as fast.)
    """

    o: int
    r: int
    score: float
    partial: bool = False


class Group(NamedTuple):
    """Claims (by index) that form one change."""

    original: tuple[int, ...]
    rewrite: tuple[int, ...]
    score: float
    primary: bool = True  # False for a secondary reuse of an already linked claim
    # A one-sided group's closest claim on the other side and its score, when it has any
    # candidate at all: what a reviewer would link by hand if the engine would not.
    nearest: tuple[int, float] | None = None


def make_groups(
    links: list[Link],
    n_orig: int,
    n_rew: int,
    nearest_o: dict[int, tuple[int, float]] | None = None,
    nearest_r: dict[int, tuple[int, float]] | None = None,
    summaries: list[Link] | None = None,
) -> list[Group]:
    """Turn links into changes: pairs, splits (one original, several rewrite claims), merges."""
    # How many links each claim has; the links themselves only of claims with several (most
    # claims have one link, and a star needs two).
    n_o = Counter(map(_O, links))
    n_r = Counter(map(_R, links))
    deg_o: dict[int, list[Link]] = {i: [] for i, n in n_o.items() if n > 1}
    deg_r: dict[int, list[Link]] = {j: [] for j, n in n_r.items() if n > 1}
    if deg_o or deg_r:
        for lk in links:
            if lk.o in deg_o:
                deg_o[lk.o].append(lk)
            if lk.r in deg_r:
                deg_r[lk.r].append(lk)
    groups: list[Group] = []
    done: set[tuple[int, int]] = set()

    # Stars: an original restated by several rewrite claims that restate nothing else (split),
    # a rewrite claim combining several originals that appear nowhere else (merge).
    for i, lks in deg_o.items():
        members = [lk for lk in lks if n_r[lk.r] == 1]
        if len(members) >= 2:
            groups.append(Group((i,), tuple(sorted(lk.r for lk in members)), max(lk.score for lk in members)))
            done.update((lk.o, lk.r) for lk in members)
    for j, lks in deg_r.items():
        members = [lk for lk in lks if n_o[lk.o] == 1 and (lk.o, lk.r) not in done]
        if len(members) >= 2:
            groups.append(Group(tuple(sorted(lk.o for lk in members)), (j,), max(lk.score for lk in members)))
            done.update((lk.o, lk.r) for lk in members)
    # Everything else is a pair; a pair between two claims that are both linked elsewhere by a
    # stronger link is a secondary reuse (still reported: a claim reused in several places
    # appears in each of those changes).
    # Full links before partial ones, each strongest first (stable: equal scores keep their order).
    full = sorted((lk for lk in links if not lk.partial), key=_SCORE, reverse=True)
    partial = sorted((lk for lk in links if lk.partial), key=_SCORE, reverse=True)
    # (Links are distinct pairs: only star members can already be done.)
    append = groups.append
    for o, r, score, _ in full:
        if not done or (o, r) not in done:
            append(_new_group(((o,), (r,), score, True, None)))  # = Group((o,), (r,), score)
    for o, r, score, _ in partial:
        if not done or (o, r) not in done:
            secondary = n_o[o] > 1 and n_r[r] > 1
            append(Group((o,), (r,), score, not secondary))

    # a headline summing up a claim linked elsewhere: a secondary pair of its own
    for lk in summaries or ():
        groups.append(Group((lk.o,), (lk.r,), lk.score, False))
        n_o[lk.o] += 1
        n_r[lk.r] += 1
    near_o, near_r = nearest_o or {}, nearest_r or {}
    groups.extend(Group((i,), (), 0.0, True, near_o.get(i)) for i in range(n_orig) if i not in n_o)
    groups.extend(Group((), (j,), 0.0, True, near_r.get(j)) for j in range(n_rew) if j not in n_r)
    return groups


# Group(…) with every field given, made in C (a named tuple's own __new__ is a Python
# function, and a long rewrite has a pair group per claim)
_new_group = _bind(tuple.__new__, Group)
_O = itemgetter(0)  # Link.o
_R = itemgetter(1)  # Link.r
_SCORE = itemgetter(2)  # Link.score


def out_of_order(groups: Sequence[Group]) -> set[int]:
    """Indices (into ``groups``) of two-sided primary groups outside the longest common ordering.

    The groups are taken in rewrite order; the longest increasing run of their original
    positions is the order the rewrite kept. Everything else moved. O(n log n).
    """
    items = sorted(
        (g.rewrite[0], g.original[0], k)
        for k, g in enumerate(groups)
        if g.original and g.rewrite and g.primary
    )
    tails: list[int] = []  # smallest original index ending an increasing run of each length
    tail_k: list[int] = []
    prev: dict[int, int] = {}
    for _, o, k in items:
        pos = bisect.bisect_left(tails, o)
        if pos == len(tails):
            tails.append(o)
            tail_k.append(k)
        else:
            tails[pos] = o
            tail_k[pos] = k
        prev[k] = tail_k[pos - 1] if pos > 0 else -1
    keep: set[int] = set()
    k = tail_k[-1] if tail_k else -1
    while k != -1:
        keep.add(k)
        k = prev[k]
    return {k for _, _, k in items if k not in keep}
