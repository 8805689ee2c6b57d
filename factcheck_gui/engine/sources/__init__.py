"""A derived text against several sources (1 to 10) in one call: where each claim came from,
and which came from nowhere.

:func:`compare_sources` segments each source on its own, then puts all their claims into one
*union* document (the sources' texts joined by a blank line, every claim's offsets moved to
its place there). The pair form's pieces then run on the union as if it were one original:
one vocabulary and one candidate index over all sources (:mod:`.attribute`), the word diff,
and the fact flags with the union as "the original" — so a number that one source has and
another lacks is not "added", and a sentence merged from two sources is checked against both.
At the end every union claim, span and counterpart is mapped back to its source.

With one source the union is that source's text and the result is ``compare_texts``'s,
change for change.
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Callable, Sequence

from factcheck_gui import ENGINE_VERSION
from factcheck_gui.engine.align import CandidateIndex, Group
from factcheck_gui.engine.compare import Cancelled, _change, _Context, _order, _same, new_quotations_apart
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.similarity import Profiles, Vocabulary, terms_and_norms
from factcheck_gui.engine.sources.attribute import align_sources, moved_per_source, source_of
from factcheck_gui.engine.sources.types import (
    MAX_SOURCES,
    MULTI_SCHEMA,
    ClaimRef,
    Coverage,
    MultiChange,
    MultiComparison,
    Nearest,
    SourcedFlag,
    SourcedOp,
    source_key,
)
from factcheck_gui.engine.types import (
    Change,
    Claim,
    DiffOp,
    Document,
    Flag,
    Side,
    SourceInfo,
    new_claim,
    new_diffop,
)
from factcheck_gui.engine.worddiff import equal_diff, word_diff

__all__ = [
    "MAX_SOURCES",
    "MULTI_SCHEMA",
    "Cancelled",
    "ClaimRef",
    "Coverage",
    "MultiChange",
    "MultiComparison",
    "SourcedFlag",
    "SourcedOp",
    "compare_sources",
    "source_key",
]

SEPARATOR = "\n\n"  # between two sources in the union text: a paragraph break, no words


def compare_sources(
    derived: str,
    sources: Sequence[tuple[str, str]],
    *,
    derived_name: str = "rewrite",
    derived_source: SourceInfo | None = None,
    source_infos: Sequence[SourceInfo] | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MultiComparison:
    """Compare ``derived`` with its ``sources`` ((name, text) pairs, 1 to 10) claim by claim.

    Deterministic for the same inputs and engine version; ``progress`` and ``cancelled`` work
    as in :func:`factcheck_gui.engine.compare_texts`.
    """
    if not 1 <= len(sources) <= MAX_SOURCES:
        raise ValueError(f"between 1 and {MAX_SOURCES} sources, not {len(sources)}")
    if source_infos is not None and len(source_infos) != len(sources):
        raise ValueError("one SourceInfo per source")
    was_enabled = gc.isenabled()
    gc.disable()  # as compare_texts: many small objects, none freed before the end
    try:
        return _compare(derived, sources, derived_name, derived_source, source_infos, progress, cancelled)
    finally:
        if was_enabled:
            gc.enable()


class _Union:
    """All sources as one document: claim and offset maps between it and each source."""

    def __init__(self, texts: Sequence[str], claims: Sequence[Sequence[Claim]]) -> None:
        self.text = SEPARATOR.join(texts)
        self.offsets: list[int] = []  # where each source's text starts in the union text
        self.bounds: list[int] = [0]  # union claims bounds[k]:bounds[k + 1] are source k's
        self.local: list[Claim] = []  # union index → the claim in its own source
        union: list[Claim] = []
        at = para = 0
        for text, cs in zip(texts, claims, strict=True):
            self.offsets.append(at)
            for c in cs:
                union.append(
                    new_claim(f"o{len(union) + 1}", c.start + at, c.end + at, c.paragraph + para, c.text)
                )
                self.local.append(c)
            self.bounds.append(len(union))
            para += max((c.paragraph for c in cs), default=-1) + 1
            at += len(text) + len(SEPARATOR)
        self.claims = union

    def ref(self, union_id: str) -> ClaimRef:
        i = int(union_id[1:]) - 1
        return ClaimRef(source_of(self.bounds, i), self.local[i].id)

    def span(self, span: tuple[int, int] | None) -> tuple[int | None, tuple[int, int] | None]:
        """A span of the union text as (source, span in that source's text)."""
        if span is None:
            return None, None
        k = bisect.bisect_right(self.offsets, span[0]) - 1
        off = self.offsets[k]
        return k, (span[0] - off, span[1] - off)

    def op(self, d: DiffOp, source: int) -> SourcedOp:
        """An op of the diff against ``source`` (its original span, if any, lies there)."""
        _, local = self.span(d.original)
        return SourcedOp(new_diffop(d.op, local, d.rewrite, d.trivial), source)

    def flag(self, f: Flag) -> SourcedFlag:
        k, local = self.span(f.original_span)
        if local == f.original_span:
            return SourcedFlag(f, k)
        return SourcedFlag(
            Flag(f.type, f.original, f.rewrite, f.message, local, f.rewrite_span, f.change, f.severity), k
        )


def _compare(
    derived: str,
    sources: Sequence[tuple[str, str]],
    derived_name: str,
    derived_source: SourceInfo | None,
    source_infos: Sequence[SourceInfo] | None,
    progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool] | None,
) -> MultiComparison:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    def report(x: float) -> None:
        if progress is not None:
            progress(x)
        check()

    report(0.0)
    texts = [text for _, text in sources]
    own_claims = [split_claims(text, Side.ORIGINAL.prefix) for text in texts]
    r_claims = split_claims(derived, Side.REWRITE.prefix)
    union = _Union(texts, own_claims)
    report(0.1)
    o_texts = [c.text for c in union.claims]
    r_texts = [c.text for c in r_claims]
    terms, sets, norms = terms_and_norms(o_texts + r_texts)
    n_o = len(o_texts)
    vocab = Vocabulary(sets)
    index = CandidateIndex(sets[:n_o], vocab)  # the one index over every source's claims
    del sets
    o_prof = Profiles(o_texts, vocab, terms[:n_o], norms[:n_o])
    r_prof = Profiles(r_texts, vocab, terms[n_o:], norms[n_o:])
    report(0.3)
    groups = align_sources(o_prof, r_prof, vocab, union.bounds, index, check)
    ctx = _Context(union.text, derived, union.claims, index, r_claims)
    groups = new_quotations_apart(groups, o_prof, r_prof, vocab, ctx)
    moved = moved_per_source(groups, union.bounds)
    report(0.6)

    changes: list[MultiChange] = []
    order = _order(groups) if len(sources) == 1 else _reading_order(groups)
    for n, k in enumerate(order, start=1):
        g = groups[k]
        oc = [union.claims[i] for i in g.original]
        rc = [r_claims[j] for j in g.rewrite]
        if len(oc) == 1 and len(rc) == 1 and o_prof.norms[g.original[0]] == r_prof.norms[g.rewrite[0]]:
            change = _same(f"c{n}", oc[0], rc[0], k in moved)
        else:
            change = _change(f"c{n}", g, k in moved, oc, rc, o_prof, r_prof, vocab, ctx)
        changes.append(_mapped(change, g, oc, rc, union, o_prof, r_prof))
        if n % 1000 == 0:
            report(0.6 + 0.4 * n / len(order))
    report(1.0)
    infos = source_infos or [SourceInfo()] * len(sources)
    docs = tuple(
        Document(name, text, tuple(cs), info)
        for (name, text), cs, info in zip(sources, own_claims, infos, strict=True)
    )
    return MultiComparison(
        sources=docs,
        rewrite=Document(derived_name, derived, tuple(r_claims), derived_source or SourceInfo()),
        changes=tuple(changes),
        engine=ENGINE_VERSION,
    )


def _reading_order(groups: Sequence[Group]) -> list[int]:
    """The derived text's changes in its reading order, then each source's unused claims in
    that source's order (with one source, the pair form's order: each unused claim after its
    predecessor)."""
    used = [(g.rewrite[0], g.original[0] if g.original else -1, k) for k, g in enumerate(groups) if g.rewrite]
    unused = [(g.original[0], k) for k, g in enumerate(groups) if not g.rewrite]  # union order
    return [k for *_, k in sorted(used)] + [k for _, k in sorted(unused)]


def _mapped(
    change: Change,
    g: Group,
    oc: list[Claim],
    rc: list[Claim],
    union: _Union,
    o_prof: Profiles,
    r_prof: Profiles,
) -> MultiChange:
    """A change on the union, with its claims, spans and counterpart in their own sources.

    A change whose source side lies in several sources gets one word diff per source (each
    source's claims against the derived claims, ops marked with their source): the words of a
    merged sentence that came from the other source are "inserted" as seen from this one.
    """
    refs = tuple(union.ref(cid) for cid in change.original)
    if len({r.source for r in refs}) > 1:
        diff: list[SourcedOp] = []
        for s in sorted({r.source for r in refs}):
            part = [(i, c) for i, c in zip(g.original, oc, strict=True) if source_of(union.bounds, i) == s]
            claims = [c for _, c in part]
            same = len(part) == 1 == len(rc) and o_prof.norms[part[0][0]] == r_prof.norms[g.rewrite[0]]
            ops = equal_diff(claims, rc) if same else word_diff(claims, rc)
            diff.extend(union.op(d, s) for d in ops)
        sourced_diff = tuple(diff)
    elif refs:
        sourced_diff = tuple(union.op(d, refs[0].source) for d in change.diff)
    else:
        sourced_diff = ()
    near: Nearest | None = None
    if change.nearest is not None:
        cid, sim = change.nearest
        near = (union.ref(cid) if cid.startswith(Side.ORIGINAL.prefix) else cid, sim)
    return MultiChange(
        id=change.id,
        kind=change.kind,
        original=refs,
        rewrite=change.rewrite,
        similarity=change.similarity,
        diff=sourced_diff,
        flags=tuple(union.flag(f) for f in change.flags),
        moved=change.moved,
        nearest=near,
        omitted=tuple(union.flag(f) for f in change.omitted),
        primary=g.primary,
    )
