"""Claim alignment: which rewrite claims restate which original claims, in any order.

Named phases, each a function of the alignment so far (:class:`Alignment`):

1. :func:`exact_pairs` — claims identical after normalising pair first, in reading order;
   :func:`link_headline_pair` — then two opening headlines that share two content words;
2. :func:`score_candidates` — every other rewrite claim is scored against the original claims
   the rare-term index finds for it (never an all-pairs matrix);
3. :func:`link_confident` — a greedy one-to-one matching of the strongest pairs, by a rank that
   adds asymmetric containment and decisive numbers to the score (``evidence.py``);
4. :func:`link_clear_margin` — weaker pairs that are each other's best candidate, by enough
   over the runner-up: a heavy rewording stands out from everything else;
5. :func:`fill_gaps` — between order-consistent links, a monotone dynamic programme over the
   gap's claims (``gaps.py``): headlines and lossy restatements that keep their place;
   (:func:`link_splits_merges` runs after 3 and again after 5: an unmatched claim whose clear
   best candidate is matched joins it, so splits and merges are found before a look-alike
   takes the second half, and before the flags compare facts against the union);
   :func:`link_headlines` — a headline is linked to what it sums up: the other text's
   headline, or else the lead claim that shares most of its words (earlier claims first);
   a headline is never part of a split or merge; a record's title ("Transcript of VOA
   Interview with …") is no headline, and a transcript's "Presenters:" line pairs only with
   another such line (``evidence.py``);
6. :func:`link_reuse` — matched claims sharing a verbatim fragment are reuse, unless each has
   its own counterpart that says all the two share (look-alikes with different numbers);
7. groups and order (``groups.py``): links become changes, and what falls outside the longest
   common ordering has moved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial as _bind
from itertools import repeat

from factcheck_gui.engine.align.evidence import (
    LinkRanker,
    RunWords,
    enough_shared,
    metadata,
    partial,
    record_title,
    shared_content,
    shared_run,
)
from factcheck_gui.engine.align.gaps import best_monotone, fill, gaps
from factcheck_gui.engine.align.groups import Group, Link, make_groups, out_of_order
from factcheck_gui.engine.align.index import CandidateIndex
from factcheck_gui.engine.lexicon import MONTHS, WEEKDAYS
from factcheck_gui.engine.similarity import Profile, Profiles, Vocabulary, scored_pair, terms_of

__all__ = ["Alignment", "CandidateIndex", "Group", "Link", "align", "out_of_order"]

MATCH_THRESHOLD = 0.5  # one-to-one link: the pair restates the same claim
WEAK_MATCH = 0.3  # ... or, when both are each other's best remaining candidate
MARGIN_MATCH = 0.2  # ... or lower still, when it leads the runner-up on both sides by MARGIN
MARGIN = 0.1
GAP_MIN = 0.08  # a pair inside a gap between anchors needs this rank ...
GAP_MIN_SHARED = 2  # ... and this many shared content words (one for two headlines)
GAP_CLEAR = 0.15  # ... and three of them, or most of the smaller's, unless it scores this
# (alone a side between two anchors, sharing more than when and where)
HEADLINE_WORDS = 16  # a first claim this short with no closing full stop is a headline
HEADLINE_REACH = 12  # ... summarising one of the other text's first claims,
HEADLINE_LEAD = 0.05  # ... the earlier the likelier: shared weight counts 5 % less per claim before it
FRAGMENT_MATCH = 0.22  # an unmatched claim joins a matched one (split/merge) at this score
FRAGMENT_MARGIN = 0.05  # ... if it beats its next candidate by this much
FRAGMENT_NEW = 1  # ... and shares with it this many words its partners do not


# (rank, score, original index, rewrite index, shared weight)
Scored = tuple[float, float, int, int, float]


@dataclass
class Alignment:
    """The state the phases build: links made so far and the scored candidate pairs."""

    orig: Profiles
    rew: Profiles
    vocab: Vocabulary
    links: list[Link] = field(default_factory=list)
    used_o: set[int] = field(default_factory=set)
    used_r: set[int] = field(default_factory=set)
    scored: list[Scored] = field(default_factory=list)
    # headline links: shown as a change of their own, never part of a split or merge
    summaries: list[Link] = field(default_factory=list)
    ranker: LinkRanker = field(default_factory=LinkRanker)  # link_rank, each claim's kind kept

    def take(self, i: int, j: int, score: float) -> None:
        self.links.append(Link(i, j, score))
        self.used_o.add(i)
        self.used_r.add(j)

    def free(self, i: int, j: int) -> bool:
        return i not in self.used_o and j not in self.used_r


def exact_pairs(al: Alignment) -> None:
    """Identical claims (after normalising) pair first, in reading order."""
    norms = al.orig.norms
    first = dict(zip(reversed(norms), range(len(norms) - 1, -1, -1), strict=True))  # its first claim
    if len(first) < len(norms):  # a text the original says twice: its claims pair in turn
        by_norm: dict[str, list[int]] = defaultdict(list)
        for i, norm in enumerate(norms):
            by_norm[norm].append(i)
        for j, norm in enumerate(al.rew.norms):
            pool = by_norm.get(norm)
            if pool:
                al.take(pool.pop(0), j, 1.0)
        return
    # Each original text once (most stories): the links made list by list, as al.take would
    # make them one by one (most claims of a long rewrite are word for word the original's).
    found = list(map(first.pop, al.rew.norms, repeat(-1)))
    os_ = [i for i in found if i >= 0]
    rs = [j for j, i in enumerate(found) if i >= 0]
    al.links.extend(map(_new_link, zip(os_, rs, repeat(1.0), repeat(False))))
    al.used_o.update(os_)
    al.used_r.update(rs)


_new_link = _bind(tuple.__new__, Link)  # (what Link(o, r, score, partial) makes, in C)


def _record(*ps: Profile) -> bool:
    """Is any of the claims a record's title (a transcript's, a briefing's: :func:`record_title`)?"""
    return any(record_title(p) for p in ps)


def link_headline_pair(al: Alignment) -> None:
    """Two texts that open with headlines sharing two content words: the headlines are each
    other's counterpart, whatever body sentence either resembles more ("MN4 2004 asteroid now
    considered safe" / "Possibility of an Earth Impact in 2029 Ruled Out for Asteroid 2004
    MN4"). Linked first, so no body sentence takes either."""
    if _head(al.orig) != 0 or _head(al.rew) != 0 or not al.free(0, 0):
        return
    ho, hr = al.orig[0], al.rew[0]
    if _record(ho, hr) or shared_content(ho, hr) < 2:
        return
    al.take(0, 0, scored_pair(ho, hr, al.vocab)[0])


def score_candidates(al: Alignment, check: Callable[[], None]) -> None:
    """Score the remaining rewrite claims against their index candidates, strongest first."""
    # Originals identical to a rewrite claim are settled; they are not candidates.
    index = CandidateIndex(al.orig.terms, al.vocab, skip=set(al.used_o))
    o_profile, r_profile = al.orig.getter(), al.rew.getter()
    scored = al.scored
    rank_of = al.ranker
    vocab = al.vocab
    # (rank, score, shared) of the profiles of repeated claims: a long list repeats its items,
    # and each repetition asks about the same pairs of words again
    seen: dict[tuple[Profile, Profile], tuple[float, float, float]] = {}
    for j in range(len(al.rew)):
        if j in al.used_r:
            continue  # identical to an original claim: nothing else to find for it
        pj = r_profile(j)
        for _, i in index.query(al.rew.terms[j]):
            pi = o_profile(i)
            if pj.repeated or pi.repeated:
                got = seen.get((pi, pj))
                if got is None:
                    score, shared = scored_pair(pi, pj, vocab)
                    got = seen[(pi, pj)] = (rank_of(pi, pj, score, shared), score, shared)
                scored.append((got[0], got[1], i, j, got[2]))
                continue
            score, shared = scored_pair(pi, pj, vocab)
            scored.append((rank_of(pi, pj, score, shared), score, i, j, shared))
        if j % 512 == 0:
            check()
    scored.sort(key=lambda x: (-x[0], x[3], x[2]))


def link_confident(al: Alignment) -> None:
    """Greedy one-to-one: the strongest pairs first."""
    for rank, s, i, j, _ in al.scored:
        if rank < MATCH_THRESHOLD:
            break
        if al.free(i, j):
            al.take(i, j, s)


def _best_free(al: Alignment, floor: float) -> tuple[dict[int, list[Scored]], dict[int, list[Scored]]]:
    """For each claim, its candidates at ``floor`` or above among unmatched claims, best first."""
    by_o: dict[int, list[Scored]] = defaultdict(list)
    by_r: dict[int, list[Scored]] = defaultdict(list)
    for x in al.scored:
        if x[0] < floor:
            break
        if al.free(x[2], x[3]):
            by_o[x[2]].append(x)
            by_r[x[3]].append(x)
    return by_o, by_r


def link_clear_margin(al: Alignment) -> None:
    """Weaker pairs that are each other's best remaining candidate.

    At WEAK_MATCH, being mutually best with enough shared words is enough; below it, down to
    MARGIN_MATCH, the pair must also lead each side's runner-up by MARGIN: a lossy
    restatement scoring 0.25 next to a runner-up at 0.12 is a link, two look-alikes at 0.25
    and 0.22 are not.
    """
    by_o, by_r = _best_free(al, MARGIN_MATCH)
    for x in al.scored:
        rank, s, i, j, _ = x
        if rank < MARGIN_MATCH:
            break
        if not al.free(i, j) or by_o[i][0] is not x or by_r[j][0] is not x:
            continue
        pi, pj = al.orig[i], al.rew[j]
        if rank >= WEAK_MATCH:
            if enough_shared(pi, pj):
                al.take(i, j, s)
            continue
        lead_o = rank - (by_o[i][1][0] if len(by_o[i]) > 1 else 0.0)
        lead_r = rank - (by_r[j][1][0] if len(by_r[j]) > 1 else 0.0)
        if lead_o >= MARGIN and lead_r >= MARGIN and shared_content(pi, pj) >= 2:
            al.take(i, j, s)


def _headline(p: Profile) -> bool:
    text = p.norm.rstrip()
    return len(text.split()) <= HEADLINE_WORDS and not text.endswith((".", '."', ".'"))


def _head(p: Profiles) -> int:
    """0 when a text opens with a headline, else -1."""
    return 0 if len(p) and _headline(p[0]) else -1


# Words that say when or where, not what: two claims sharing only these ("in the north …
# on Tuesday") may report two events, however a lone gap places them.
_CIRCUMSTANCE = frozenset(
    terms_of(
        " ".join(WEEKDAYS)
        + " "
        + " ".join(MONTHS)
        + " north south east west northern southern eastern western northeast northwest southeast"
        " southwest today yesterday tomorrow morning afternoon evening night week weeks month months"
        " year years day days first second third fourth fifth last next"
    )
)


def fill_gaps(al: Alignment) -> None:
    """Link the claims between consecutive order-consistent links by a monotone programme."""
    free_o = [i for i in range(len(al.orig)) if i not in al.used_o]
    free_r = [j for j in range(len(al.rew)) if j not in al.used_r]
    if not free_o or not free_r:
        return  # nothing left to pair on one side
    # The anchors: the order-consistent chain of links of the greatest total score (the
    # strongest links win a tie between crossing ones, whichever text is called the original).
    anchors = best_monotone({(lk.o, lk.r): lk.score for lk in al.links})
    gap_list = gaps(anchors, free_o, free_r, len(al.orig), len(al.rew))
    if not gap_list:
        return
    cand: dict[tuple[int, int], Scored] = {}
    for x in al.scored:
        cand.setdefault((x[2], x[3]), x)
    o_profile, r_profile = al.orig.getter(), al.rew.getter()
    # A gap of one claim a side between two anchors: order says the two are one claim, so a
    # pair scoring GAP_CLEAR needs only GAP_MIN_SHARED content words in common.
    lone = set()
    if anchors:
        (o_first, r_first), (o_last, r_last) = anchors[0], anchors[-1]
        lone = {
            (os_[0], rs[0])
            for os_, rs in gap_list
            if len(os_) == len(rs) == 1 and o_first < os_[0] < o_last and r_first < rs[0] < r_last
        }
    computed: dict[tuple[int, int], Scored] = {}

    def pair(i: int, j: int) -> Scored:
        got = cand.get((i, j)) or computed.get((i, j))
        if got is None:
            pi, pj = o_profile(i), r_profile(j)
            score, shared = scored_pair(pi, pj, al.vocab)
            got = computed[(i, j)] = (al.ranker(pi, pj, score, shared), score, i, j, shared)
        return got

    def value(i: int, j: int) -> float:
        rank = pair(i, j)[0]
        pi, pj = o_profile(i), r_profile(j)
        both = shared_content(pi, pj)
        if i == 0 and j == 0 and both >= 1 and _headline(pi) and _headline(pj) and not _record(pi, pj):
            return max(rank, GAP_MIN) - GAP_MIN + 0.05  # two headlines sharing a name or number
        if rank < GAP_MIN or both < GAP_MIN_SHARED:
            return 0.0
        if not enough_shared(pi, pj) and (
            (i, j) not in lone or pair(i, j)[1] < GAP_CLEAR or (pi.content & pj.content) <= _CIRCUMSTANCE
        ):
            return 0.0
        return rank - GAP_MIN + 0.01

    by_o: dict[int, list[tuple[int, int]]] = {}  # original → (place in ``cand``, rewrite)

    def sparse(os_: list[int], rs: list[int]) -> Iterable[tuple[int, int]]:
        # The candidate pairs of the gap in ``cand``'s order, found by the gap's originals (not
        # by a pass over every candidate pair for each gap: two unrelated texts have many gaps).
        if not by_o:
            for n, (i, j) in enumerate(cand):
                by_o.setdefault(i, []).append((n, j))
        sr = set(rs)
        got = sorted((n, i, j) for i in set(os_) for n, j in by_o.get(i, ()) if j in sr)
        return [(i, j) for _, i, j in got]

    for i, j in fill(gap_list, value, sparse):
        al.take(i, j, pair(i, j)[1])
    # pairs scored only here still tell a one-sided claim its closest counterpart
    al.scored.extend(computed.values())
    al.scored.sort(key=lambda x: (-x[0], x[3], x[2]))


def link_splits_merges(al: Alignment) -> None:
    """An unmatched claim whose clear best candidate is already matched is a fragment of it
    (split) or folded into it (merge).

    Run before the weaker phases, so a split's second half is not handed to a look-alike
    instead, and before the flags, which then compare facts against the union of the parts.
    """
    # The candidates of the unmatched claims only (the others are never looked at), best
    # first, each with its score (a pair is scored once).
    used_o, used_r = al.used_o, al.used_r
    by_o: dict[int, list[tuple[float, int, float]]] = defaultdict(list)
    by_r: dict[int, list[tuple[float, int, float]]] = defaultdict(list)
    for rank, s, i, j, _ in al.scored:
        if i not in used_o:
            by_o[i].append((rank, j, s))
        if j not in used_r:
            by_r[j].append((rank, i, s))

    def clear_best(cands: list[tuple[float, int, float]]) -> tuple[float, int, float] | None:
        if not cands or cands[0][0] < FRAGMENT_MATCH:
            return None
        if len(cands) > 1 and cands[0][0] - cands[1][0] < FRAGMENT_MARGIN:
            return None
        return cands[0]

    linked_to: dict[str, dict[int, list[int]]] = {}

    def partners(side: str, k: int) -> list[int]:
        """The claims linked to claim ``k`` of ``side`` ("o" or "r"), mapped on first use (most
        calls find no fragment to ask about)."""
        if not linked_to:
            of_o: dict[int, list[int]] = defaultdict(list)
            of_r: dict[int, list[int]] = defaultdict(list)
            for lk in al.links:
                of_o[lk.o].append(lk.r)
                of_r[lk.r].append(lk.o)
            linked_to["o"], linked_to["r"] = of_o, of_r
        return linked_to[side].get(k, [])

    def adds(fragment: Profile, target: Profile, partners: list[int], side: Profiles) -> bool:
        """Does the fragment share with the claim it joins words its partners do not already
        share with it? ("Hundreds of deaths also are being reported in the Indian portion of
        Kashmir" shares only "deaths … portion of Kashmir" with a sentence whose own source says
        that: a look-alike, no second half.)"""
        new = fragment.content & target.content
        for k in partners:
            if side[k].norm == fragment.norm:
                return True  # the same sentence twice (or in two sources): both are its source
            new = new - side[k].content
        return len(new) >= FRAGMENT_NEW

    found: list[Link] = []
    # A headline sums up its story's lead: link_headlines links it, never as part of a split
    # or merge (neither joining another claim nor joined by one).
    head_o, head_r = _head(al.orig), _head(al.rew)
    for i in sorted(by_o):  # (the unmatched originals with a candidate, in order)
        if i == head_o:
            continue
        best = clear_best(by_o[i])
        if (
            best
            and best[1] in used_r
            and best[1] != head_r
            and enough_shared(al.orig[i], al.rew[best[1]])
            and adds(al.orig[i], al.rew[best[1]], partners("r", best[1]), al.orig)
        ):
            found.append(Link(i, best[1], best[2], partial=True))
    for j in sorted(by_r):
        if j == head_r:
            continue
        best = clear_best(by_r[j])
        if (
            best
            and best[1] in used_o
            and best[1] != head_o
            and enough_shared(al.orig[best[1]], al.rew[j])
            and adds(al.rew[j], al.orig[best[1]], partners("o", best[1]), al.rew)
        ):
            found.append(Link(best[1], j, best[2], partial=True))
    al.links.extend(found)
    al.used_o.update(lk.o for lk in found)
    al.used_r.update(lk.r for lk in found)


def link_headlines(al: Alignment) -> None:
    """A headline says in a few words what the story's lead says: it is linked to the claim of
    the other text that shares most of its content (a partial link when that claim is linked
    already). Stories put what their headline says first, so a claim's shared weight counts
    HEADLINE_LEAD less for each claim before it: a later sentence that repeats two of the
    headline's words does not win over the lead that says what it says. Both texts'
    headlines, so swapping them changes nothing."""
    linked = {(lk.o, lk.r) for lk in al.links}
    if (0, 0) in linked and _head(al.orig) == 0 and _head(al.rew) == 0:
        return  # the two headlines restate each other: each one's lead link is the other's
    for side in ("o", "r"):
        mine, other = (al.orig, al.rew) if side == "o" else (al.rew, al.orig)
        if not len(mine) or not len(other) or not _headline(mine[0]):
            continue
        head = mine[0]
        if len(head.content) < 2 or _record(head):
            continue  # (a record's title names who spoke, not what the story says)
        best, best_w = -1, 0.0
        for k in range(min(len(other), HEADLINE_REACH)):
            if metadata(other[k]) or (k == 0 and _record(other[k])):
                continue  # a "Presenters: …" line or a record's title names people; it sums up nothing
            shared = head.content & _said(other, k)
            if len(shared) >= 2:
                w = al.vocab.total(sorted(shared)) * (1.0 - HEADLINE_LEAD * k)
                if w > best_w:
                    best, best_w = k, w
        if best < 0:
            continue
        i, j = (0, best) if side == "o" else (best, 0)
        if (i, j) in linked:
            continue
        score, _ = scored_pair(al.orig[i], al.rew[j], al.vocab)
        if al.free(i, j):
            al.take(i, j, score)
        else:  # the lead is linked already: the headline sums it up, the lead stays as it is
            al.summaries.append(Link(i, j, score, partial=True))
            al.used_o.add(i)
            al.used_r.add(j)
        linked.add((i, j))


# A transcript's speaker label: "SECRETARY OF STATE JOHN KERRY:", "SEC. GATES:", "Q:".
_SPEAKER_LABEL = re.compile(r"[ \t]*[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,7}:\s")


def _said(side: Profiles, k: int) -> frozenset[str]:
    """The content words of claim ``k`` without a transcript's speaker label: a headline says
    what was said ("John Kerry Tells VOA: Snowden Betrayed Country"), and the speaker's name in
    a label ("SECRETARY OF STATE JOHN KERRY: Happy to be with you.") is not that."""
    p = side[k]
    m = _SPEAKER_LABEL.match(side.texts[k])
    if m is None:
        return p.content
    return p.content - frozenset(terms_of(m.group()))


def link_reuse(al: Alignment) -> None:
    """Two linked claims that share a verbatim fragment (or one restating part of the other)
    are reuse: shown, so a reviewer sees where the words came from. (A headline's summary
    link is one already: a second link would make the headline part of a split and report
    the pair twice.)"""
    linked = {(lk.o, lk.r) for lk in al.links} | {(lk.o, lk.r) for lk in al.summaries}
    run_words: dict[str, RunWords] = {}
    o_profile, r_profile = al.orig.getter(), al.rew.getter()
    head_o, head_r = _head(al.orig), _head(al.rew)
    partners_o: dict[int, list[int]] = defaultdict(list)
    partners_r: dict[int, list[int]] = defaultdict(list)
    for lk in al.links:
        partners_o[lk.o].append(lk.r)
        partners_r[lk.r].append(lk.o)

    def told(both: frozenset[str], partners: list[int], profile: Callable[[int], Profile]) -> bool:
        """Are all of ``both`` said by the claim's own counterparts already?"""
        left = set(both)
        for k in partners:
            left -= profile(k).content
            if not left:
                return True
        return False

    # (whether two repeated claims' words share a fragment, asked once per pair of profiles)
    reused: dict[tuple[Profile, Profile], bool] = {}
    for _, s, i, j, shared in al.scored:
        if (i, j) in linked or i not in al.used_o or j not in al.used_r:
            continue
        pi, pj = o_profile(i), r_profile(j)
        if metadata(pi) is not metadata(pj):
            continue
        if pi.repeated or pj.repeated:
            share = reused.get((pi, pj))
            if share is None:
                share = reused[(pi, pj)] = partial(pi, pj, shared) or shared_run(pi, pj, run_words) >= 4
        else:
            share = partial(pi, pj, shared) or shared_run(pi, pj, run_words) >= 4
        if share:
            both = pi.content & pj.content
            if told(both, partners_r[j], o_profile) and told(both, partners_o[i], r_profile):
                # two look-alike claims (the same phrase, different numbers or places), each
                # with its own counterpart that says all they share: no reuse between them
                continue
            # a headline summing up a second lead claim: a summary of its own, not a split
            into = al.summaries if i == head_o or j == head_r else al.links
            into.append(Link(i, j, s, partial=True))
            linked.add((i, j))


def nearest(al: Alignment) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """Each claim's closest scored counterpart (by score), for the claims left one-sided."""
    near_o: dict[int, tuple[int, float]] = {}
    near_r: dict[int, tuple[int, float]] = {}
    linked_o = {lk.o for lk in al.links} | {lk.o for lk in al.summaries}
    linked_r = {lk.r for lk in al.links} | {lk.r for lk in al.summaries}
    for _, s, i, j, _ in al.scored:
        if i not in linked_o and (i not in near_o or s > near_o[i][1]):
            near_o[i] = (j, s)
        if j not in linked_r and (j not in near_r or s > near_r[j][1]):
            near_r[j] = (i, s)
    return near_o, near_r


def align(
    orig: Profiles,
    rew: Profiles,
    vocab: Vocabulary,
    check: Callable[[], None] = lambda: None,
) -> list[Group]:
    """Group claims into changes. Unlinked claims come back as one-sided groups."""
    al = Alignment(orig, rew, vocab)
    exact_pairs(al)
    link_headline_pair(al)
    check()
    score_candidates(al, check)
    link_confident(al)
    link_splits_merges(al)
    check()
    before = len(al.links)
    link_clear_margin(al)
    check()
    fill_gaps(al)
    if len(al.links) > before:
        link_splits_merges(al)  # fragments of what the weaker phases linked
    link_headlines(al)
    link_reuse(al)
    check()
    near_o, near_r = nearest(al)
    groups = make_groups(al.links, len(orig), len(rew), near_o, near_r, al.summaries)
    return groups
