"""A several-source comparison seen as a pair: what the review window, the exporters and
carry-over (all written for one original and one rewrite) work on.

:func:`project` lays the sources one after another in one left-hand document, each under a
heading line that names it (``── s2 · press-release.txt ──``), renumbers their claims
``o1``, ``o2``, … in that order and moves every source offset (claims, diff ops, flags) to its
place there. The result is a :class:`SourcedComparison`: a real :class:`Comparison` (every
existing consumer works unchanged) that also keeps the :class:`MultiComparison` it came from
(the stored truth) and says, for every left-hand claim and offset, which source it belongs to.

Words of a derived claim that one source has verbatim are not marked as inserted because
another source of the same change lacks them: a word counts as inserted only when none of the
change's sources has it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from factcheck_gui.engine.sources.types import ClaimRef, MultiComparison, SourcedOp, source_key
from factcheck_gui.engine.types import (
    Change,
    Claim,
    Comparison,
    DiffOp,
    DiffOpKind,
    Document,
    Flag,
    SourceInfo,
    Span,
    claim_index,
)

SOURCE_GAP = "\n\n"  # between one source's text and the next source's heading


def heading(key: str, name: str) -> str:
    """The line that opens a source's part of the left pane (no line breaks from the name)."""
    return f"── {key} · {' '.join(name.split())} ──"


def joined_names(names: tuple[str, ...] | list[str]) -> str:
    """ "Reuters, press release" (names as given; "no source" for none)."""
    return ", ".join(names) if names else "no source"


@dataclass(frozen=True, slots=True)
class SourcedComparison(Comparison):
    """A :class:`Comparison` projected from a :class:`MultiComparison` (see :func:`project`).

    ``offsets[k]``: where source ``k``'s text starts in ``original.text``; ``refs[i]``: the
    source claim the left-hand claim ``o{i+1}`` is.
    """

    multi: MultiComparison
    offsets: tuple[int, ...]
    refs: tuple[ClaimRef, ...]
    # change id → "from: …", made once (:meth:`from_lines`; the review layer makes it in its
    # worker, so the change list never builds it on the GUI thread).
    _from: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def source_names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.multi.sources)

    def source_of_claim(self, claim_id: str) -> int:
        """The source (0-based) of a left-hand claim id."""
        return self.refs[claim_index(claim_id)].source

    def sources_of(self, change: Change) -> tuple[int, ...]:
        """The sources (0-based, in order) of a change's left side; () for a claim from no source."""
        return tuple(sorted({self.refs[claim_index(c)].source for c in change.original}))

    def from_names(self, change: Change) -> tuple[str, ...]:
        names = self.source_names
        return tuple(names[k] for k in self.sources_of(change))

    def from_line(self, change: Change) -> str:
        """The change's sources in words: from: Reuters, press release (or: from no source)."""
        line = self.from_lines().get(change.id)
        return line if line is not None else self._line(change)

    def _line(self, change: Change) -> str:
        names = self.from_names(change)
        return f"from: {joined_names(names)}" if names else "from no source"

    def from_lines(self) -> dict[str, str]:
        """:meth:`from_line` of every change, by change id (made on first use, then kept)."""
        if not self._from and self.changes:
            self._from.update((c.id, self._line(c)) for c in self.changes)
        return self._from

    def source_at(self, offset: int) -> int:
        """The source whose part of the left-hand text holds ``offset``."""
        return max(0, bisect.bisect_right(self.offsets, offset) - 1)

    def source_span(self, source: int) -> Span:
        """Where source ``source``'s heading and text are in ``original.text``."""
        start = self.offsets[source] - len(self.heading_of(source)) - 1
        end = self.offsets[source] + len(self.multi.sources[source].text)
        return (start, end)

    def heading_of(self, source: int) -> str:
        return heading(source_key(source), self.multi.sources[source].name)

    def coverage_rows(self) -> list[tuple[str | None, int, float]]:
        """(source name or None for no source, derived claims supported, share of the derived
        text's claim characters), per source and then for no source."""
        names = self.source_names
        return [
            (names[c.source] if c.source is not None else None, c.claims, c.share)
            for c in self.multi.coverage()
        ]


def sourced(comparison: Comparison) -> SourcedComparison | None:
    """The several-source view of ``comparison``, or None for a pair comparison."""
    return comparison if isinstance(comparison, SourcedComparison) else None


def project(multi: MultiComparison) -> SourcedComparison:
    """``multi`` as a pair comparison (see the module's description)."""
    parts: list[str] = []
    offsets: list[int] = []
    claims: list[Claim] = []
    refs: list[ClaimRef] = []
    ids: dict[ClaimRef, str] = {}
    pos = 0
    paragraph = 0
    for k, doc in enumerate(multi.sources):
        if k:
            parts.append(SOURCE_GAP)
            pos += len(SOURCE_GAP)
        head = heading(source_key(k), doc.name) + "\n"
        parts.append(head)
        pos += len(head)
        offsets.append(pos)
        paragraph += 1  # the heading is a paragraph of its own
        last = 0
        for c in doc.claims:
            cid = f"o{len(claims) + 1}"
            ref = ClaimRef(k, c.id)
            ids[ref] = cid
            refs.append(ref)
            claims.append(Claim(cid, c.start + pos, c.end + pos, c.paragraph + paragraph, c.text))
            last = max(last, c.paragraph)
        paragraph += last + 1
        parts.append(doc.text)
        pos += len(doc.text)
    names = tuple(d.name for d in multi.sources)
    original = Document(
        " + ".join(names),
        "".join(parts),
        tuple(claims),
        SourceInfo(kind="sources", title=joined_names(names)),
    )
    changes = []
    for mc in multi.changes:
        near: tuple[str, float] | None = None
        if mc.nearest is not None:
            target, sim = mc.nearest
            near = (ids[target] if isinstance(target, ClaimRef) else target, sim)
        changes.append(
            Change(
                id=mc.id,
                kind=mc.kind,
                original=tuple(ids[r] for r in mc.original),
                rewrite=mc.rewrite,
                similarity=mc.similarity,
                diff=_diff(mc.diff, offsets),
                flags=tuple(_flag(f.flag, f.source, offsets) for f in mc.flags),
                moved=mc.moved,
                nearest=near,
                omitted=tuple(_flag(f.flag, f.source, offsets) for f in mc.omitted),
            )
        )
    return SourcedComparison(
        original, multi.rewrite, tuple(changes), multi.engine, multi, tuple(offsets), tuple(refs)
    )


def _shift(span: Span | None, by: int) -> Span | None:
    return (span[0] + by, span[1] + by) if span is not None else None


def _flag(flag: Flag, source: int | None, offsets: list[int]) -> Flag:
    if source is None or flag.original_span is None:
        return flag
    return Flag(
        flag.type,
        flag.original,
        flag.rewrite,
        flag.message,
        _shift(flag.original_span, offsets[source]),
        flag.rewrite_span,
        flag.change,
        flag.severity,
    )


def _minus(span: Span, covered: list[Span]) -> list[Span]:
    """``span`` without the parts inside any of ``covered`` (sorted)."""
    out: list[Span] = []
    start, end = span
    for s, e in covered:
        if e <= start or s >= end:
            continue
        if s > start:
            out.append((start, s))
        start = max(start, e)
        if start >= end:
            break
    if start < end:
        out.append((start, end))
    return out


def _diff(ops: tuple[SourcedOp, ...], offsets: list[int]) -> tuple[DiffOp, ...]:
    """Every source's diff on the left; on the right, inserted only where no source has it."""
    several = len({s.source for s in ops}) > 1
    equal = sorted(s.op.rewrite for s in ops if s.op.op is DiffOpKind.EQUAL and s.op.rewrite is not None)
    out: list[DiffOp] = []
    for s in ops:
        op = s.op
        left = _shift(op.original, offsets[s.source])
        if not several or op.op is DiffOpKind.EQUAL or op.rewrite is None:
            out.append(DiffOp(op.op, left, op.rewrite, op.trivial))
            continue
        rest = _minus(op.rewrite, equal)
        if rest == [op.rewrite]:
            out.append(DiffOp(op.op, left, op.rewrite, op.trivial))
            continue
        if op.op is DiffOpKind.REPLACE and left is not None:
            out.append(DiffOp(DiffOpKind.DELETE, left, None, op.trivial))
        out.extend(DiffOp(DiffOpKind.INSERT, None, r, op.trivial) for r in rest)
    return tuple(out)


def as_several(comparison: Comparison) -> SourcedComparison:
    """A pair comparison as a several-source one whose one source is its original (the same
    claims, changes and spans): how a pair review's verdicts are matched when a source is
    added to it. A several-source comparison comes back as it is."""
    several = sourced(comparison)
    if several is not None:
        return several
    from factcheck_gui.engine.sources.types import MultiChange, SourcedFlag

    def ref(cid: str) -> ClaimRef:
        return ClaimRef(0, cid)

    def flags(fs: tuple[Flag, ...]) -> tuple[SourcedFlag, ...]:
        return tuple(SourcedFlag(f, 0 if f.original_span is not None else None) for f in fs)

    changes = []
    for ch in comparison.changes:
        near = None
        if ch.nearest is not None:
            target, sim = ch.nearest
            near = (ref(target) if target.startswith("o") else target, sim)
        changes.append(
            MultiChange(
                id=ch.id,
                kind=ch.kind,
                original=tuple(ref(c) for c in ch.original),
                rewrite=ch.rewrite,
                similarity=ch.similarity,
                diff=tuple(SourcedOp(op, 0) for op in ch.diff),
                flags=flags(ch.flags),
                moved=ch.moved,
                nearest=near,
                omitted=flags(ch.omitted),
            )
        )
    multi = MultiComparison((comparison.original,), comparison.rewrite, tuple(changes), comparison.engine)
    return project(multi)
