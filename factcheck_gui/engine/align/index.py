"""The candidate index: which original claims could a claim restate, found by rare terms.

An inverted index over the rare terms of the original claims (never an all-pairs matrix), so
finding candidates grows close to linearly with the number of claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck_gui.engine import memo
from factcheck_gui.engine.similarity import STOP_TERMS, Vocabulary

CANDIDATES = 12  # scored candidates per claim
MIN_POSTING = 50  # a term in more claims than this (or POSTING_SHARE of them, if more) is too
POSTING_SHARE = 0.005  # common to find candidates with
QUERY_TERMS = 10  # rarest terms of a claim used to find its candidates


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
        # Queries already answered, by their terms in order (claims with the same words ask
        # the same question: a long story repeats itself).
        self._asked: dict[tuple[tuple[str, ...], int], list[tuple[float, int]]] = {}

    def query(self, terms: Iterable[str], k: int = CANDIDATES) -> list[tuple[float, int]]:
        """Up to ``k`` (shared weight, original index) pairs, strongest first.

        Only the QUERY_TERMS rarest usable terms are looked up: they carry most of the
        evidence, and skipping the long postings of common terms keeps this near-linear.
        """
        if not memo.REUSE:
            return self._query(terms, k)
        asked = (tuple(terms), k)
        got = self._asked.get(asked)
        if got is None:
            got = self._asked[asked] = self._query(terms, k)
        return list(got)

    def _query(self, terms: Iterable[str], k: int) -> list[tuple[float, int]]:
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
