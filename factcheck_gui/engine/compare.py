"""The engine's front door: two texts in, a :class:`Comparison` out."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Sequence

from factcheck_gui import __version__
from factcheck_gui.engine import align as _align
from factcheck_gui.engine.facts import fact_flags
from factcheck_gui.engine.normalize import normalize_text
from factcheck_gui.engine.quotes import Source, check_quotes, find_quotes
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.similarity import Profiles, Vocabulary, make_profile, similarity, terms_of
from factcheck_gui.engine.types import (
    Change,
    ChangeKind,
    Claim,
    Comparison,
    Document,
    Flag,
    SourceInfo,
)
from factcheck_gui.engine.worddiff import equal_diff, word_diff

ENGINE_VERSION = __version__


class Cancelled(Exception):
    """Raised inside :func:`compare_texts` when its ``cancelled`` callback returns True."""


# A capitalised word after a lower-case word or a comma is a name even at a sentence start.
_MID_CAPS = re.compile(r"(?<=[a-z0-9,;] )(?:[A-Z][\w’'\-]*)")


def _proper_nouns(*texts: str) -> frozenset[str]:
    return frozenset(m.group().casefold() for t in texts for m in _MID_CAPS.finditer(t))


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
    o_claims = split_claims(original, "o")
    r_claims = split_claims(rewrite, "r")
    report(0.1)
    o_texts = [c.text for c in o_claims]
    r_texts = [c.text for c in r_claims]
    o_terms = [terms_of(t) for t in o_texts]
    r_terms = [terms_of(t) for t in r_texts]
    vocab = Vocabulary(o_terms + r_terms)
    o_prof = Profiles(o_texts, vocab, o_terms, [normalize_text(t) for t in o_texts])
    r_prof = Profiles(r_texts, vocab, r_terms, [normalize_text(t) for t in r_texts])
    report(0.3)
    groups = _align.align(o_prof, r_prof, vocab, check)
    moved = _align.out_of_order(groups)
    report(0.6)

    proper = _proper_nouns(original, rewrite)
    source = Source.of(original, o_claims)
    index = _align.CandidateIndex(o_terms, vocab)
    changes: list[Change] = []
    order = _order(groups)
    for n, k in enumerate(order, start=1):
        g = groups[k]
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
                proper,
                source,
                index,
                original,
                rewrite,
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


def _change(
    cid: str,
    g: _align.Group,
    moved: bool,
    oc: list[Claim],
    rc: list[Claim],
    o_prof: Profiles,
    r_prof: Profiles,
    vocab: Vocabulary,
    proper: frozenset[str],
    source: Source,
    index: _align.CandidateIndex,
    original: str,
    rewrite: str,
) -> Change:
    orig_ids = tuple(c.id for c in oc)
    rew_ids = tuple(c.id for c in rc)
    if not oc:
        flags = _quote_flags(rc, [], r_prof, index, source, original, rewrite)
        return Change(cid, ChangeKind.ADDED, (), rew_ids, 0.0, (), tuple(flags))
    if not rc:
        return Change(cid, ChangeKind.REMOVED, orig_ids, (), 0.0)
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
    if len(oc) == 1 and len(rc) == 1:
        sim = similarity(o_prof[g.original[0]], r_prof[g.rewrite[0]], vocab)
    else:
        a_text = " ".join(c.text for c in oc)
        b_text = " ".join(c.text for c in rc)
        sim = similarity(make_profile(a_text, vocab), make_profile(b_text, vocab), vocab)
    # A secondary link (a fragment of a claim reused in a claim that restates something else)
    # shows where words came from; comparing the facts of the two whole claims would mislead.
    flags = fact_flags(oc, rc, proper) if g.primary else []
    flags += _quote_flags(rc, list(g.original), r_prof, index, source, original, rewrite)
    return Change(cid, kind, orig_ids, rew_ids, round(sim, 4), word_diff(oc, rc), tuple(flags), moved)


def _quote_flags(
    rc: Sequence[Claim],
    linked: list[int],
    r_prof: Profiles,
    index: _align.CandidateIndex,
    source: Source,
    original: str,
    rewrite: str,
) -> list[Flag]:
    flags: list[Flag] = []
    for c in rc:
        quotes = find_quotes(rewrite, c.start, c.end)
        if not quotes:
            continue
        cands = list(dict.fromkeys(linked + [i for _, i in index.query(terms_of(c.text), 6)]))
        for q in quotes:
            for _, i in index.query(terms_of(q.text), 6):
                if i not in cands:
                    cands.append(i)
        flags.extend(check_quotes(rewrite, c, original, source.claims, cands, source))
    return flags
