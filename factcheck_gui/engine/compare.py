"""The engine's front door: two texts in, a :class:`Comparison` out."""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property

from factcheck_gui import ENGINE_VERSION
from factcheck_gui.engine import align as _align
from factcheck_gui.engine.flags import fact_flags, quote_flags, split_omitted
from factcheck_gui.engine.flags.quotations import claim_quotes
from factcheck_gui.engine.lexicon import PROPER_NOUN_TITLES
from factcheck_gui.engine.memo import ChangeMemo as _Memo
from factcheck_gui.engine.normalize import spaced_pieces
from factcheck_gui.engine.quotes import Quote, Source
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.similarity import (
    Profiles,
    Vocabulary,
    make_profile,
    scored_pair,
    terms_and_norms,
)
from factcheck_gui.engine.types import (
    Change,
    ChangeKind,
    Claim,
    Comparison,
    DiffOpKind,
    Document,
    FlagType,
    Side,
    SourceInfo,
    new_change,
    new_diffop,
)
from factcheck_gui.engine.worddiff import equal_diff, word_diff

# The engine's own version lives in factcheck_gui/__init__.py (so --version needs no engine
# import); its history: 0.1.1: names dropped/added reported apart from swaps, reporting phrases,
# only the changed markers in messages, quotation flags with their full text and quoted words;
# 0.1.2: a title dropped, added or changed before a name, names after "Dr." and middle initials,
# swapped numbers shown and flagged as changed; 0.2.0: alignment in phases with gap filling,
# containment, headlines and nearest counterparts; flags say omitted / changed / added with a
# severity, omissions apart from the flags, first-person sources, substitutions; 0.2.1: a name,
# date or figure only the rewrite gives is a low note, headlines paired first, records' titles
# and "Presenters:" lines kept apart, look-alike fragments no longer merged; 0.2.2: a hedge or
# negation left out with the words it bore on is an omission, a negation's clause ends at a
# contrast; 0.2.3: a sentence's first word is a name only where the texts do not
# write it in lower case as often, two people with one first name are two, one plain negation for
# another (never / not) is no change, "according to …" dropped at a sentence's end is an
# attribution dropped, a reporting verb replaced by a contrasting word is one substitution, a
# figure invented for what the original states is a flag; flags of types the contract does not
# list are written to ``other_flags``; 0.2.4: a dotted initialism is the word undotted (in
# quotations; in the word diff a change of style), an agency's initials are its dotted
# spelled-out name, a temperature's scale is no name, "will be able to" is "can", "Chilean" is
# "Chile" for linking, a weakly linked quotation the original has nowhere is an added claim;
# 0.2.5: a quotation of the original's own statement (no one's reported speech) is no new
# quotation, the same figure counting people in other words is kept, a range's end against a
# bound past it is a change, a bound on a count that is not round made another count is a change,
# vague quantities ("hundreds of people") are figures, figures of people paired by what befell them,
# a lone claim a side between two links linked on two shared words.


class Cancelled(Exception):
    """Raised inside :func:`compare_texts` when its ``cancelled`` callback returns True."""


# A capitalised word after a lower-case word or a comma is a name even at a sentence start.
# (The capital comes first and the look-behind after it, so the scan can skip to capitals.)
_MID_CAPS = re.compile(r"[A-Z](?<=[a-z0-9,;] [A-Z])[\w’'\-]*")


# So is one after an abbreviated title: "Dr. Smith", "Gen. Jones" (the dot first, for the scan;
# one look-behind per length of title, as a look-behind has a fixed width).
_AFTER_TITLE = re.compile(
    r"\.(?:"
    + "|".join(
        r"(?<=\b(?:" + "|".join(sorted(t.capitalize() for t in PROPER_NOUN_TITLES if len(t) == n)) + r")\.)"
        for n in sorted({len(t) for t in PROPER_NOUN_TITLES})
    )
    + r") ([A-Z][\w’'\-]*)"
)


class ProperNouns:
    """The keys of words that are names even at a sentence start: written with a capital after
    a lower-case word, a comma or an abbreviated title somewhere in the texts, and no more
    often in lower case ("Mission engineers last received a signal" in a story that calls it
    "the mission" twice and once "Phoenix Mission": the sentence starts with a common word;
    one "british" among many "British" is a slip). The lower-case words are counted on the
    first question that needs them (most comparisons ask none)."""

    __slots__ = ("_capitalised", "_lower", "_texts")

    def __init__(self, capitalised: Counter[str], texts: tuple[str, ...]) -> None:
        self._capitalised = capitalised
        self._texts = texts
        self._lower: Counter[str] | None = None

    def __contains__(self, key: object) -> bool:
        times = self._capitalised.get(key)  # type: ignore[call-overload]
        if not times:
            return False
        if self._lower is None:
            self._lower = _lower_case_words(self._texts)
        return self._lower.get(key, 0) < times  # type: ignore[call-overload, no-any-return]

    def __len__(self) -> int:
        return len(self._capitalised)


_EDGE = ".,;:!?\"“”()‘’'[]"


def _lower_case_words(texts: tuple[str, ...]) -> Counter[str]:
    """How often the texts write each word in lower case ("mission," and "(mission" count as
    "mission"; "commission" and "fact-finding" do not)."""
    out: Counter[str] = Counter()
    for text in texts:
        counts: Counter[str] = Counter()
        for piece in spaced_pieces(text):  # (a long story in pieces: see spaced_pieces)
            counts.update(piece.split())
        for w, n in counts.items():
            if not w[0].isupper():
                w = w.strip(_EDGE)
                if w and w[0].islower():
                    out[w] += n
    return out


def _proper_nouns(*texts: str) -> ProperNouns:
    found: Counter[str] = Counter()
    for t in texts:
        found.update(map(str.casefold, _MID_CAPS.findall(t)))
        if ". " in t:
            found.update(map(str.casefold, _AFTER_TITLE.findall(t)))
    return ProperNouns(found, texts)


def _order(groups: Sequence[_align.Group]) -> list[int]:
    """Reading order of the changes: rewrite order, removed claims after their predecessor."""
    first_r: dict[int, int] = {}
    for g in groups:
        if g.original and g.rewrite:
            for o in g.original:
                first_r[o] = min(first_r.get(o, 1 << 60), g.rewrite[0])
    anchors = sorted(first_r)
    keys = []
    for k, g in enumerate(groups):
        if g.rewrite:
            keys.append(((g.rewrite[0], 0, g.original[0] if g.original else -1, k), k))
        else:
            o = g.original[0]
            pos = _bisect_left(anchors, o) - 1
            at = first_r[anchors[pos]] if pos >= 0 else -1
            keys.append(((at, 1, o, k), k))
    return [k for _, k in sorted(keys)]


def _bisect_left(xs: list[int], x: int) -> int:
    import bisect

    return bisect.bisect_left(xs, x)


def compare_texts(
    original: str,
    rewrite: str,
    *,
    original_name: str = "original",
    rewrite_name: str = "rewrite",
    original_source: SourceInfo | None = None,
    rewrite_source: SourceInfo | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Comparison:
    """Compare two texts claim by claim. Deterministic for the same inputs and engine version.

    ``progress`` receives a fraction in [0, 1]; when ``cancelled()`` turns true the work stops
    at the next check with :class:`Cancelled`.
    """
    # The comparison allocates hundreds of thousands of small objects and frees none of them
    # until it returns: the cyclic garbage collector would only walk them again and again.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _compare(
            original,
            rewrite,
            original_name,
            rewrite_name,
            original_source,
            rewrite_source,
            progress,
            cancelled,
        )
    finally:
        if was_enabled:
            gc.enable()


def _compare(
    original: str,
    rewrite: str,
    original_name: str,
    rewrite_name: str,
    original_source: SourceInfo | None,
    rewrite_source: SourceInfo | None,
    progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Comparison:

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    def report(x: float) -> None:
        if progress is not None:
            progress(x)
        check()

    report(0.0)
    o_claims = split_claims(original, Side.ORIGINAL.prefix)
    r_claims = split_claims(rewrite, Side.REWRITE.prefix)
    report(0.1)
    o_texts = [c.text for c in o_claims]
    r_texts = [c.text for c in r_claims]
    terms, sets, norms = terms_and_norms(o_texts + r_texts)
    o_terms, r_terms = terms[: len(o_texts)], terms[len(o_texts) :]
    o_norms, r_norms = norms[: len(o_texts)], norms[len(o_texts) :]
    vocab = Vocabulary(sets)
    # The index quotations are checked with, built while the term sets exist: they are a
    # quarter of the peak memory, so they go right after.
    quote_index = _align.CandidateIndex(sets[: len(o_texts)], vocab)
    del sets
    o_prof = Profiles(o_texts, vocab, o_terms, o_norms)
    r_prof = Profiles(r_texts, vocab, r_terms, r_norms)
    report(0.3)
    groups = _align.align(o_prof, r_prof, vocab, check)
    ctx = _Context(original, rewrite, o_claims, quote_index, r_claims)
    groups = new_quotations_apart(groups, o_prof, r_prof, vocab, ctx)
    moved = _align.out_of_order(groups)
    report(0.6)

    memo = _Memo()
    changes: list[Change] = []
    order = _order(groups)
    for n, k in enumerate(order, start=1):
        g = groups[k]
        if len(g.original) == 1 and len(g.rewrite) == 1 and o_norms[g.original[0]] == r_norms[g.rewrite[0]]:
            # Most claims of a long rewrite: the same words, nothing to diff or flag.
            changes.append(_same(f"c{n}", o_claims[g.original[0]], r_claims[g.rewrite[0]], k in moved))
            if n % 1000 == 0:
                report(0.6 + 0.4 * n / len(order))
            continue
        oc = [o_claims[i] for i in g.original]
        rc = [r_claims[j] for j in g.rewrite]
        changes.append(
            _change(
                f"c{n}",
                g,
                k in moved,
                oc,
                rc,
                o_prof,
                r_prof,
                vocab,
                ctx,
                memo,
            )
        )
        if n % 1000 == 0:
            report(0.6 + 0.4 * n / len(order))
    report(1.0)
    return Comparison(
        original=Document(original_name, original, o_claims, original_source or SourceInfo()),
        rewrite=Document(rewrite_name, rewrite, r_claims, rewrite_source or SourceInfo()),
        changes=tuple(changes),
        engine=ENGINE_VERSION,
    )


QUOTED_SHARE = 0.3  # a claim a third of which is quotation speaks through it ...
QUOTED_LINK_MAX = 0.3  # ... and linked this weakly, to a claim that has none of its words, is new


_QUOTE_MARKS = ('"', "“", "‘", "«")


def _quoted_chars(quotes: Sequence[Quote]) -> int:
    """Characters inside the quotations, a nested one counted once (within the outer one)."""
    total, reach = 0, -1
    for q in sorted(quotes, key=lambda q: q.start):
        start = max(q.start, reach)
        if q.end > start:
            total += q.end - start
            reach = q.end
    return total


def new_quotations_apart(
    groups: list[_align.Group], o_prof: Profiles, r_prof: Profiles, vocab: Vocabulary, ctx: _Context
) -> list[_align.Group]:
    """``groups`` with the weak links of every rewrite claim that is largely (QUOTED_SHARE) a
    quotation whose words the original has nowhere (not quoted, not reported, not in other words of one
    stretch) taken apart: the quotation is new, not a restatement of the claims it happened to
    share a few words with ("“The observed warming trend and the ranking of 2014 …,” said …"
    beside "The year 2014 ranks as Earth's warmest"; "“These have been sad days,” said Correa
    on Saturday" beside what he said on Tuesday). The rewrite claim becomes an added claim
    (the flag that its quotation is unsourced stays on it), each original claim left without
    a link a removed one, each the other's closest counterpart, so a reviewer can still link
    them by hand. Only where every link of the claim is a weak one-to-one link. (The
    quotation checks of these few claims run again when their changes are made.)"""
    rewrite = ctx.rewrite
    by_r: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        for j in g.rewrite:
            by_r.setdefault(j, []).append(k)
    apart: dict[int, tuple[int, float]] = {}  # group index → (rewrite claim, similarity)
    for j, ks in by_r.items():
        if any(len(groups[k].original) != 1 or len(groups[k].rewrite) != 1 for k in ks):
            continue
        rc = ctx.r_claims[j]
        if not any(mark in rc.text for mark in _QUOTE_MARKS):
            continue
        quotes = claim_quotes(rewrite, rc.start, rc.end)
        if not quotes or _quoted_chars(quotes) < QUOTED_SHARE * (rc.end - rc.start):
            continue
        sims = {k: scored_pair(o_prof[groups[k].original[0]], r_prof[j], vocab)[0] for k in ks}
        if max(sims.values()) >= QUOTED_LINK_MAX:
            continue
        flags = quote_flags([rc], [groups[k].original[0] for k in ks], ctx)
        if len(flags) != len(quotes) or any(
            f.type is not FlagType.QUOTE_UNSOURCED or f.original for f in flags
        ):
            continue
        apart.update((k, (j, sims[k])) for k in ks)
    if not apart:
        return groups
    kept = [g for k, g in enumerate(groups) if k not in apart]
    # A claim's secondary link (a headline summing up a lead linked elsewhere) is its link
    # now that the other is gone: made primary, so its facts are compared.
    primary_o = {i for g in kept if g.primary for i in g.original}
    kept = [
        g._replace(primary=True) if not g.primary and primary_o.isdisjoint(g.original) else g for g in kept
    ]
    still_o = {i for g in kept if g.primary for i in g.original}
    out = list(kept)
    best_of_r: dict[int, tuple[int, float]] = {}
    for k, (j, sim) in apart.items():
        i = groups[k].original[0]
        if j not in best_of_r or sim > best_of_r[j][1]:
            best_of_r[j] = (i, sim)
        if i not in still_o:
            still_o.add(i)
            out.append(_align.Group((i,), (), 0.0, nearest=(j, sim)))
    out.extend(_align.Group((), (j,), 0.0, nearest=near) for j, near in sorted(best_of_r.items()))
    return out


def _same(cid: str, o: Claim, r: Claim, moved: bool) -> Change:
    """The change of two claims that are identical after normalising (what _change gives)."""
    kind = ChangeKind.MOVED if moved else ChangeKind.UNCHANGED
    diff = (new_diffop(DiffOpKind.EQUAL, (o.start, o.end), (r.start, r.end)),)
    return new_change(cid, kind, (o.id,), (r.id,), 1.0, diff, (), moved)


def _change(
    cid: str,
    g: _align.Group,
    moved: bool,
    oc: list[Claim],
    rc: list[Claim],
    o_prof: Profiles,
    r_prof: Profiles,
    vocab: Vocabulary,
    ctx: _Context,
    memo: _Memo | None = None,
) -> Change:
    orig_ids = tuple(c.id for c in oc)
    rew_ids = tuple(c.id for c in rc)
    if not oc:
        flags = quote_flags(rc, [], ctx)
        near = (ctx.o_claims[g.nearest[0]].id, round(g.nearest[1], 4)) if g.nearest else None
        return Change(cid, ChangeKind.ADDED, (), rew_ids, 0.0, (), tuple(flags), nearest=near)
    if not rc:
        near = (ctx.r_claims[g.nearest[0]].id, round(g.nearest[1], 4)) if g.nearest else None
        return Change(cid, ChangeKind.REMOVED, orig_ids, (), 0.0, nearest=near)
    identical = len(oc) == len(rc) == 1 and o_prof.norms[g.original[0]] == r_prof.norms[g.rewrite[0]]
    if len(oc) > 1:
        kind = ChangeKind.MERGED
    elif len(rc) > 1:
        kind = ChangeKind.SPLIT
    elif moved:
        kind = ChangeKind.MOVED
    else:
        kind = ChangeKind.UNCHANGED if identical else ChangeKind.REWORDED
    if identical:
        return Change(cid, kind, orig_ids, rew_ids, 1.0, equal_diff(oc, rc), (), moved)
    seen = memo.get(oc, rc) if memo is not None else None
    if seen is not None:
        # The same claims' words seen in another change (a story that repeats itself): the
        # same score, diff and facts, at these claims' offsets (tests/engine/test_repeats.py).
        sim, diff = seen.sim, seen.diff_at(oc, rc)
        if not g.primary:
            found = []
        else:
            found_at = seen.facts_at(oc, rc)
            if found_at is None:
                found = fact_flags(oc, rc, ctx.proper, diff, ctx)
                seen.keep_facts(oc, rc, found)
            else:
                found = found_at
    else:
        if len(oc) == 1 and len(rc) == 1:
            # = similarity(…), bit for bit (tests/engine/test_fast_paths.py), in one fused step
            sim = scored_pair(o_prof[g.original[0]], r_prof[g.rewrite[0]], vocab)[0]
        else:
            a_text = " ".join(c.text for c in oc)
            b_text = " ".join(c.text for c in rc)
            sim = scored_pair(make_profile(a_text, vocab), make_profile(b_text, vocab), vocab)[0]
        diff = word_diff(oc, rc)
        # A secondary link (a fragment of a claim reused in a claim that restates something
        # else) shows where words came from; comparing the facts of the two whole claims
        # would mislead.
        found = fact_flags(oc, rc, ctx.proper, diff, ctx) if g.primary else []
        if memo is not None:
            memo.put(oc, rc, sim, diff, found if g.primary else None)
    flags, omitted = split_omitted(found)
    flags += quote_flags(rc, list(g.original), ctx)
    return Change(
        cid, kind, orig_ids, rew_ids, round(sim, 4), diff, tuple(flags), moved, omitted=tuple(omitted)
    )


class _Context:
    """What the flags need of the whole texts; the parts not every comparison needs are built
    on first use (identical claims need none of it).
    """

    def __init__(
        self,
        original: str,
        rewrite: str,
        o_claims: Sequence[Claim],
        index: _align.CandidateIndex,
        r_claims: Sequence[Claim] = (),
    ) -> None:
        self.original = original
        self.rewrite = rewrite
        self.index = index  # candidate original claims for a quotation
        self._o_claims = o_claims
        self.o_claims = o_claims
        self.r_claims = r_claims

    @cached_property
    def proper(self) -> ProperNouns:
        return _proper_nouns(self.original, self.rewrite)

    @cached_property
    def source(self) -> Source:
        return Source.of(self.original, self._o_claims)
