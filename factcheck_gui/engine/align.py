"""Claim alignment: which rewrite claims restate which original claims, in any order.

Candidates come from an inverted index over rare terms (never an all-pairs matrix), so time
grows close to linearly with the number of claims. Each candidate pair is scored; a greedy
one-to-one matching takes the strongest pairs, then partial links join fragments (a claim
that reuses part of a longer one) so that splits and merges come out as such. Order is judged
by a longest common ordering of the matched pairs: what falls outside it has moved.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from factcheck_gui.engine.similarity import (
    STOP_TERMS,
    Profile,
    Profiles,
    Vocabulary,
    scored_pair,
)

MATCH_THRESHOLD = 0.5  # one-to-one link: the pair restates the same claim
WEAK_MATCH = 0.3  # ... or, when both are each other's best remaining candidate
FRAGMENT_MATCH = 0.25  # an unmatched claim joins a matched one (split/merge) at this score
FRAGMENT_MARGIN = 0.05  # ... if it beats its next candidate by this much
PARTIAL_COVERAGE = 0.6  # share of the smaller claim's word weight found in the larger one
PARTIAL_CHARS = 72  # rapidfuzz partial_ratio of the smaller claim inside the larger one
MIN_SHARED_TERMS = 3  # content words two partially linked claims must share
MIN_REUSED_RUN = 4  # content words of a verbatim stretch that make two linked claims share a fragment
CANDIDATES = 12  # scored candidates per claim
MIN_POSTING = 50  # a term in more claims than this (or POSTING_SHARE of them, if more) is too
POSTING_SHARE = 0.005  # common to find candidates with
QUERY_TERMS = 10  # rarest terms of a claim used to find its candidates


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


class CandidateIndex:
    """Inverted index over the rare terms of the original claims."""

    def __init__(
        self, terms: Sequence[Iterable[str]], vocab: Vocabulary, skip: set[int] | None = None
    ) -> None:
        self.vocab = vocab
        index: dict[str, list[int]] = defaultdict(list)
        skip = skip or set()
        for i, ts in enumerate(terms):
            if i not in skip:
                for t in (ts if isinstance(ts, frozenset) else frozenset(ts)).difference(STOP_TERMS):
                    index[t].append(i)
        self.max_posting = max(MIN_POSTING, int(len(terms) * POSTING_SHARE))
        # Only terms rare enough to find candidates with are ever looked up.
        self._index = {t: ids for t, ids in index.items() if len(ids) <= self.max_posting}

    def query(self, terms: Iterable[str], k: int = CANDIDATES) -> list[tuple[float, int]]:
        """Up to ``k`` (shared weight, original index) pairs, strongest first.

        Only the QUERY_TERMS rarest usable terms are looked up: they carry most of the
        evidence, and skipping the long postings of common terms keeps this near-linear.
        """
        index = self._index
        usable = sorted(index.keys() & (terms if isinstance(terms, frozenset) else set(terms)))
        if not usable:
            return []
        if len(usable) > QUERY_TERMS:
            # (what heapq.nsmallest gives, faster for a few dozen terms)
            usable = sorted(usable, key=lambda t: (len(index[t]), t))[:QUERY_TERMS]
        weight = self.vocab.weight
        acc = dict.fromkeys(index[usable[0]], weight(usable[0]))
        get = acc.get
        for t in usable[1:]:
            w = weight(t)
            for i in index[t]:
                acc[i] = get(i, 0.0) + w
        # Strongest first, ties by the higher index (as sorting the (weight, index) pairs would
        # order them): two sorts of plain keys are much faster than sorting tuples.
        top = sorted(sorted(acc, reverse=True), key=acc.__getitem__, reverse=True)[:k]
        return [(acc[i], i) for i in top]


def _enough_shared(a: Profile, b: Profile) -> bool:
    """Do two claims share enough content words (not stopwords, not everyday news words)?

    Three shared words, or two that make up most of the content of the shorter claim
    ("Her deputy took over the ministry." in a longer sentence).
    """
    ca, cb = a.content, b.content
    shared = len(ca & cb)
    return shared >= MIN_SHARED_TERMS or (shared >= 2 and shared >= 0.6 * min(len(ca), len(cb)))


_RUN_WORDS = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*")


def _run_words(norm: str, cache: dict[str, list[str]]) -> list[str]:
    got = cache.get(norm)
    if got is None:
        got = cache[norm] = _RUN_WORDS.findall(norm)
    return got


def _shared_run(a: Profile, b: Profile, cache: dict[str, list[str]]) -> int:
    """Content words in the longest stretch of words two claims share verbatim."""
    wa, wb = _run_words(a.norm, cache), _run_words(b.norm, cache)
    best = 0
    for blk in Indel.opcodes(wa, wb):
        if blk.tag == "equal" and blk.src_end - blk.src_start >= MIN_REUSED_RUN:
            content = sum(1 for w in wa[blk.src_start : blk.src_end] if w not in STOP_TERMS)
            best = max(best, content)
    return best


def _partial(o: Profile, r: Profile, shared: float) -> bool:
    """Does the smaller of the two claims restate a part of the larger one?"""
    small = min(o.weight, r.weight)
    if shared / small < PARTIAL_COVERAGE:
        return False
    if len(o.content & r.content) < MIN_SHARED_TERMS:
        return False
    a, b = (o.norm, r.norm) if len(o.norm) <= len(r.norm) else (r.norm, o.norm)
    return fuzz.partial_token_set_ratio(a, b) >= PARTIAL_CHARS or fuzz.partial_ratio(a, b) >= PARTIAL_CHARS


def align(
    orig: Profiles,
    rew: Profiles,
    vocab: Vocabulary,
    check: Callable[[], None] = lambda: None,
) -> list[Group]:
    """Group claims into changes. Unlinked claims come back as one-sided groups."""
    links: list[Link] = []
    used_o: set[int] = set()
    used_r: set[int] = set()

    # 1. Identical claims (after normalising) pair first, in reading order.
    by_norm: dict[str, list[int]] = defaultdict(list)
    for i, norm in enumerate(orig.norms):
        by_norm[norm].append(i)
    for j, norm in enumerate(rew.norms):
        pool = by_norm.get(norm)
        if pool:
            i = pool.pop(0)
            links.append(Link(i, j, 1.0))
            used_o.add(i)
            used_r.add(j)
    check()

    # 2. Score candidates of the remaining rewrite claims (and fragments of matched ones).
    scored: list[tuple[float, int, int, float]] = []
    # Originals identical to a rewrite claim are settled; they are not candidates.
    index = CandidateIndex(orig.terms, vocab, skip=set(used_o))
    o_profile, r_profile = orig.getter(), rew.getter()
    for j in range(len(rew)):
        if j in used_r:
            continue  # identical to an original claim: nothing else to find for it
        pj = r_profile(j)
        for _, i in index.query(rew.terms[j]):
            score, shared = scored_pair(o_profile(i), pj, vocab)
            scored.append((score, i, j, shared))
        if j % 512 == 0:
            check()
    scored.sort(key=lambda x: (-x[0], x[2], x[1]))

    # 3. Greedy one-to-one: strongest pairs first.
    def take(i: int, j: int, score: float) -> None:
        links.append(Link(i, j, score))
        used_o.add(i)
        used_r.add(j)

    for s, i, j, _ in scored:
        if s < MATCH_THRESHOLD:
            break
        if i not in used_o and j not in used_r:
            take(i, j, s)
    check()

    # 4. Weaker pairs, when each is the other's best remaining candidate: a heavy rewording
    #    scores lower than a light one, but still stands out from everything else.
    best_o: dict[int, tuple[float, int]] = {}
    best_r: dict[int, tuple[float, int]] = {}
    for s, i, j, _ in scored:
        if s < WEAK_MATCH:
            break
        if i in used_o or j in used_r:
            continue
        if i not in best_o:
            best_o[i] = (s, j)
        if j not in best_r:
            best_r[j] = (s, i)
    for s, i, j, _ in scored:
        if s < WEAK_MATCH:
            break
        if i in used_o or j in used_r:
            continue
        if (
            best_o.get(i, (0, -1))[1] == j
            and best_r.get(j, (0, -1))[1] == i
            and _enough_shared(orig[i], rew[j])
        ):
            take(i, j, s)
    check()

    # 5. Secondary links: an unmatched claim whose clear best candidate is already matched is a
    #    fragment of it (split) or folded into it (merge); two matched claims that share a
    #    verbatim fragment are reuse.
    by_o: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_r: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for s, i, j, _ in scored:
        by_o[i].append((s, j))
        by_r[j].append((s, i))
    linked = {(lk.o, lk.r) for lk in links}

    def clear_best(cands: list[tuple[float, int]]) -> tuple[float, int] | None:
        if not cands or cands[0][0] < FRAGMENT_MATCH:
            return None
        if len(cands) > 1 and cands[0][0] - cands[1][0] < FRAGMENT_MARGIN:
            return None
        return cands[0]

    for i in range(len(orig)):
        if i in used_o:
            continue
        best = clear_best(by_o.get(i, []))
        if best and best[1] in used_r and _enough_shared(orig[i], rew[best[1]]):
            links.append(Link(i, best[1], best[0], partial=True))
            linked.add((i, best[1]))
    for j in range(len(rew)):
        if j in used_r:
            continue
        best = clear_best(by_r.get(j, []))
        if best and best[1] in used_o and _enough_shared(orig[best[1]], rew[j]):
            links.append(Link(best[1], j, best[0], partial=True))
            linked.add((best[1], j))
    run_words: dict[str, list[str]] = {}
    for s, i, j, shared in scored:
        if (i, j) in linked or i not in used_o or j not in used_r:
            continue
        pi, pj = o_profile(i), r_profile(j)
        if _partial(pi, pj, shared) or _shared_run(pi, pj, run_words) >= MIN_REUSED_RUN:
            links.append(Link(i, j, s, partial=True))
            linked.add((i, j))
    check()
    return _groups(links, len(orig), len(rew))


def _groups(links: list[Link], n_orig: int, n_rew: int) -> list[Group]:
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
            append(Group((o,), (r,), score))
    for o, r, score, _ in partial:
        if not done or (o, r) not in done:
            secondary = n_o[o] > 1 and n_r[r] > 1
            append(Group((o,), (r,), score, not secondary))

    groups.extend(Group((i,), (), 0.0) for i in range(n_orig) if i not in n_o)
    groups.extend(Group((), (j,), 0.0) for j in range(n_rew) if j not in n_r)
    return groups


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
