"""Alignment of a derived text against several sources at once.

All sources' claims stand in one list (the *union*, source after source) with one vocabulary
and one candidate index, so the cost grows with the total number of source claims, not with
the number of sources times the derived text. The pair form's phases
(:mod:`factcheck_gui.engine.align`) run on it unchanged where they do not depend on the order
of the source claims — exact pairs, candidate scoring, confident and clear-margin links,
splits and merges, reuse. The two that do, gap filling and headlines, run per source: the
derived text keeps the order of each source, never an order across sources.

Two additions make a claim found in several sources link to all of them:

- a derived claim identical to a claim of one source is scored against the other sources too
  (the pair form never scores it: its counterpart is settled), so the same claim reworded in
  another source finds it;
- the merge phase then joins every unused source claim whose clear best candidate is a linked
  derived claim: a sentence merged from two sources, or stated by both, links to both, and
  its facts are checked against the union of the two.

With one source the pair form's :func:`factcheck_gui.engine.align.align` runs as it is, so the
links are those of ``compare_texts``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from factcheck_gui.engine import align as _align
from factcheck_gui.engine.align import Alignment, CandidateIndex, Group, Link
from factcheck_gui.engine.align.evidence import link_rank
from factcheck_gui.engine.align.groups import make_groups
from factcheck_gui.engine.similarity import Profiles, Vocabulary, scored_pair

# (Hook wanted in engine/align: ``align(orig, rew, vocab, check, bounds=...)`` running its
# order-dependent phases per source; until then the phases are called one by one here.)


def align_sources(
    orig: Profiles,
    rew: Profiles,
    vocab: Vocabulary,
    bounds: Sequence[int],
    index: CandidateIndex,
    check: Callable[[], None] = lambda: None,
) -> list[Group]:
    """Group the union's claims (``bounds[k]:bounds[k + 1]`` are source k's) with the derived
    claims into changes. ``index``: the candidate index over all union claims."""
    if len(bounds) <= 2:
        return _align.align(orig, rew, vocab, check)
    al = Alignment(orig, rew, vocab)
    _align.exact_pairs(al)
    check()
    _align.score_candidates(al, check)
    score_settled(al, bounds, index)
    check()
    _align.link_confident(al)
    splits_merges(al, bounds)
    check()
    before = len(al.links)
    _align.link_clear_margin(al)
    check()
    per_source_gaps(al, bounds)
    if len(al.links) > before:
        splits_merges(al, bounds)
    per_source_headlines(al, bounds)
    _align.link_reuse(al)
    check()
    near_o, near_r = _align.nearest(al)
    return make_groups(al.links, len(orig), len(rew), near_o, near_r, al.summaries)


def source_of(bounds: Sequence[int], i: int) -> int:
    """The source (0-based) of union claim ``i``."""
    return bisect.bisect_right(bounds, i) - 1


def score_settled(al: Alignment, bounds: Sequence[int], index: CandidateIndex) -> None:
    """Score each derived claim settled by an identical source claim against the other
    sources' claims its rare terms find, so the merge phase can join them."""
    partner = {lk.r: lk.o for lk in al.links}
    if not partner:
        return
    o_profile, r_profile = al.orig.getter(), al.rew.getter()
    added: list[_align.Scored] = []
    for j, i0 in sorted(partner.items()):
        home = source_of(bounds, i0)
        pj = None
        for _, i in index.query(al.rew.terms[j]):
            if i == i0 or i in al.used_o or source_of(bounds, i) == home:
                continue
            if pj is None:
                pj = r_profile(j)
            pi = o_profile(i)
            score, shared = scored_pair(pi, pj, al.vocab)
            added.append((link_rank(pi, pj, score, shared), score, i, j, shared))
    if added:
        al.scored.extend(added)
        al.scored.sort(key=lambda x: (-x[0], x[3], x[2]))


CROSS_MATCH = 0.6  # a claim of another source joins a derived claim at this rank: it restates it


def splits_merges(al: Alignment, bounds: Sequence[int]) -> None:
    """The pair form's split and merge phase, where a claim of another source than the derived
    claim's must restate it (or stand inside it, as half of a merged sentence does).

    Most claims of a story's sources are never used, and many say something like a used
    claim; a fragment's criterion (a clear best candidate at 0.25) would join them all.
    """
    n = len(al.links)
    _align.link_splits_merges(al)
    if len(al.links) == n:
        return
    home: dict[int, set[int]] = {}
    for lk in al.links[:n]:
        home.setdefault(lk.r, set()).add(source_of(bounds, lk.o))
    rank = {(x[2], x[3]): x[0] for x in al.scored}
    kept = al.links[:n]
    for lk in al.links[n:]:
        mine = home.get(lk.r)
        if mine is None or source_of(bounds, lk.o) in mine or _restates(al, lk, rank):
            kept.append(lk)
        else:
            al.used_o.discard(lk.o)
    al.links[:] = kept


def _restates(al: Alignment, lk: Link, rank: dict[tuple[int, int], float]) -> bool:
    """Does source claim ``lk.o`` restate derived claim ``lk.r`` (not merely look like it)?
    Its rank must be high and, when both state numbers, they must share one: "49 killed" in
    one source and "41 killed" in another are two reports, not one claim told twice."""
    if rank.get((lk.o, lk.r), 0.0) < CROSS_MATCH:
        return False
    a, b = al.orig[lk.o].numbers, al.rew[lk.r].numbers
    return not (a and b and a.isdisjoint(b))


def _sub(al: Alignment, lo: int, hi: int) -> Alignment:
    """The alignment of one source (union claims ``lo:hi``, renumbered from 0) with the whole
    derived text, as the pair form's phases see it."""
    orig = Profiles(al.orig.texts[lo:hi], al.vocab, al.orig.terms[lo:hi], al.orig.norms[lo:hi])
    sub = Alignment(orig, al.rew, al.vocab)
    sub.links = [Link(lk.o - lo, lk.r, lk.score, lk.partial) for lk in al.links if lo <= lk.o < hi]
    sub.summaries = [Link(lk.o - lo, lk.r, lk.score, lk.partial) for lk in al.summaries if lo <= lk.o < hi]
    sub.used_o = {i - lo for i in al.used_o if lo <= i < hi}
    sub.used_r = set(al.used_r)
    sub.scored = [(x[0], x[1], x[2] - lo, x[3], x[4]) for x in al.scored if lo <= x[2] < hi]
    return sub


def per_source_gaps(al: Alignment, bounds: Sequence[int]) -> None:
    """The gap-filling programme of each source against the derived text, for a source with a
    confident link (an anchor); a derived claim two sources' programmes both want goes to the
    stronger pair."""
    proposals: list[tuple[float, int, int]] = []  # (score, union index, derived index)
    new_scored: list[_align.Scored] = []
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        if lo == hi:
            continue
        sub = _sub(al, lo, hi)
        if not sub.links:
            # No confident link: the story does not follow this source's order, so order says
            # nothing about which of its claims are counterparts (an unrelated source's claims
            # would fill the derived text's gaps at the programme's low threshold).
            continue
        n_links, seen = len(sub.links), {(x[2], x[3]) for x in sub.scored}
        _align.fill_gaps(sub)
        proposals.extend((lk.score, lk.o + lo, lk.r) for lk in sub.links[n_links:])
        new_scored.extend((x[0], x[1], x[2] + lo, x[3], x[4]) for x in sub.scored if (x[2], x[3]) not in seen)
    for score, i, j in sorted(proposals, key=lambda p: (-p[0], p[2], p[1])):
        if al.free(i, j):
            al.take(i, j, score)
    if new_scored:  # pairs scored only here still tell a one-sided claim its closest counterpart
        al.scored.extend(new_scored)
        al.scored.sort(key=lambda x: (-x[0], x[3], x[2]))


def per_source_headlines(al: Alignment, bounds: Sequence[int]) -> None:
    """Each source's headline against the derived text's lead and the derived headline against
    each source's lead, source by source. Of a source nothing else of the derived text
    restates, only the derived headline's link stands (a story's headline sums up its
    sources); its own headline sharing two words with some claim of the lead is chance."""
    linked = {source_of(bounds, lk.o) for lk in al.links}
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        if lo == hi:
            continue
        sub = _sub(al, lo, hi)
        n_links, n_sum = len(sub.links), len(sub.summaries)
        _align.link_headlines(sub)
        keep = k in linked
        for lk in sub.links[n_links:]:
            if keep or lk.r == 0:
                al.take(lk.o + lo, lk.r, lk.score)
        for lk in sub.summaries[n_sum:]:
            if keep or lk.r == 0:
                al.summaries.append(Link(lk.o + lo, lk.r, lk.score, lk.partial))
                al.used_o.add(lk.o + lo)
                al.used_r.add(lk.r)


def moved_per_source(groups: Sequence[Group], bounds: Sequence[int]) -> set[int]:
    """Indices of the two-sided primary groups out of their source's order in the derived text
    (the order across sources means nothing: a story alternates between them)."""
    if len(bounds) <= 2:
        return _align.out_of_order(groups)
    by_source: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        if g.original and g.rewrite and g.primary:
            by_source.setdefault(source_of(bounds, g.original[0]), []).append(k)
    moved: set[int] = set()
    for ks in by_source.values():
        sub = [groups[k] for k in ks]
        moved.update(ks[m] for m in _align.out_of_order(sub))
    return moved
