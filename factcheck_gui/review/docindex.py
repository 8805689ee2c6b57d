"""What the comparison view needs to know about a Comparison, computed once and without Qt.

Everything here is plain Python so it can be built in the worker thread that compares or loads
(the pygments pass over a long story is not free) and tested without a display. Positions are
already converted to Qt's UTF-16 positions, so widgets never convert offsets themselves.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from factcheck_gui.engine.types import Change, ChangeKind, Claim, Comparison, DiffOpKind, Document
from factcheck_gui.engine.types import Side as Side  # the engine's side, re-exported for the panes


class Mark(str, Enum):
    """Decorations beyond the claim tint."""

    DELETED = "deleted"  # struck, left pane
    INSERTED = "inserted"  # underlined, right pane
    TRIVIAL = "trivial"  # punctuation/case only: dotted
    FLAG = "flag"  # wavy underline under flagged wording


@dataclass(frozen=True, slots=True)
class Run:
    """A styled stretch of one pane, in Qt positions (``end`` exclusive)."""

    start: int
    end: int
    key: str  # ChangeKind value, Mark value, or "fact:<kind>"
    change_id: str = ""


def utf16_mapper(text: str) -> Callable[[int], int]:
    """Map Python ``str`` offsets to Qt's UTF-16 positions (identity for BMP-only text)."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return lambda i: i
    return lambda i: i + bisect.bisect_left(astral, i)


def _fact_spans(text: str) -> list[tuple[int, int, str]]:
    from factcheck_gui.lexer import fact_spans

    return [(int(s), int(e), str(k)) for s, e, k in fact_spans(text)]


@dataclass
class SideIndex:
    """One pane's claims and styled runs."""

    doc: Document
    to_qt: Callable[[int], int]
    starts: list[int] = field(default_factory=list)  # Qt start of each claim, in order
    ends: list[int] = field(default_factory=list)
    tints: RunList = field(default_factory=lambda: RunList([]))  # one per claim of a change
    marks: RunList = field(default_factory=lambda: RunList([]))  # diff and flag marks
    facts: RunList = field(default_factory=lambda: RunList([]))  # fact tokens

    def claim_at(self, qpos: int) -> Claim | None:
        """The claim covering Qt position ``qpos`` (None between claims)."""
        i = bisect.bisect_right(self.starts, qpos) - 1
        if i >= 0 and qpos < self.ends[i]:
            return self.doc.claims[i]
        return None

    def claims_between(self, qstart: int, qend: int) -> range:
        """Indexes of claims that overlap ``[qstart, qend]``."""
        lo = max(0, bisect.bisect_right(self.starts, qstart) - 1)
        hi = bisect.bisect_right(self.starts, qend)
        return range(lo, hi)

    def span(self, claim_id: str) -> tuple[int, int]:
        i = int(claim_id[1:]) - 1
        return self.starts[i], self.ends[i]


class RunList:
    """Runs sorted by start, searchable by range even when they overlap."""

    __slots__ = ("_max_end", "runs")

    def __init__(self, runs: list[Run]) -> None:
        self.runs = sorted(runs, key=lambda r: (r.start, r.end))
        # Running maximum of the ends is monotone, so bisection finds the first run that can
        # reach past a position even among overlapping runs.
        self._max_end: list[int] = []
        m = -1
        for r in self.runs:
            m = max(m, r.end)
            self._max_end.append(m)

    def __len__(self) -> int:
        return len(self.runs)

    def __iter__(self) -> Iterator[Run]:
        return iter(self.runs)

    def between(self, lo: int, hi: int) -> Iterator[Run]:
        """Runs that intersect ``[lo, hi)``."""
        for r in self.runs[bisect.bisect_right(self._max_end, lo) :]:
            if r.start >= hi:
                break
            if r.end > lo:
                yield r


class ComparisonIndex:
    """Claims, changes and styled runs of both panes for one Comparison."""

    def __init__(self, comparison: Comparison, *, facts: bool = True) -> None:
        self.comparison = comparison
        self.review_changes: list[Change] = [c for c in comparison.changes if c.is_change]
        self._by_id = {c.id: c for c in comparison.changes}
        self._order = {c.id: i for i, c in enumerate(comparison.changes)}
        # A claim belongs to one change; when the engine lists it in several, the one a
        # reviewer has to look at wins.
        self.claim_change: dict[str, Change] = {}
        for c in comparison.changes:
            for cid in (*c.original, *c.rewrite):
                if cid not in self.claim_change or (c.is_change and not self.claim_change[cid].is_change):
                    self.claim_change[cid] = c
        self.sides = {
            Side.ORIGINAL: self._side(comparison.original, Side.ORIGINAL, facts),
            Side.REWRITE: self._side(comparison.rewrite, Side.REWRITE, facts),
        }
        self.anchors = self._anchors()

    # -- lookups -------------------------------------------------------------------------
    def change(self, change_id: str) -> Change:
        return self._by_id[change_id]

    def order(self, change_id: str) -> int:
        """Position of a change in the engine's order (the list's natural sort)."""
        return self._order[change_id]

    def change_at(self, side: Side, qpos: int) -> Change | None:
        claim = self.sides[side].claim_at(qpos)
        return self.claim_change.get(claim.id) if claim else None

    def claim_ids(self, change: Change, side: Side) -> tuple[str, ...]:
        return change.original if side is Side.ORIGINAL else change.rewrite

    # -- construction ----------------------------------------------------------------------
    def _side(self, doc: Document, side: Side, facts: bool) -> SideIndex:
        q = utf16_mapper(doc.text)
        idx = SideIndex(doc, q)
        idx.starts = [q(c.start) for c in doc.claims]
        idx.ends = [q(c.end) for c in doc.claims]
        tints: list[Run] = []
        for claim, s, e in zip(doc.claims, idx.starts, idx.ends, strict=True):
            ch = self.claim_change.get(claim.id)
            if ch is not None and ch.is_change:
                tints.append(Run(s, e, ch.kind.value, ch.id))
        idx.tints = RunList(tints)
        marks: list[Run] = []
        for ch in self.review_changes:
            for op in ch.diff:
                span = op.original if side is Side.ORIGINAL else op.rewrite
                if span is None or op.op is DiffOpKind.EQUAL or span[0] >= span[1]:
                    continue
                if op.trivial:
                    key = Mark.TRIVIAL
                elif side is Side.ORIGINAL and op.op in (DiffOpKind.DELETE, DiffOpKind.REPLACE):
                    key = Mark.DELETED
                elif side is Side.REWRITE and op.op in (DiffOpKind.INSERT, DiffOpKind.REPLACE):
                    key = Mark.INSERTED
                else:
                    continue
                marks.append(Run(q(span[0]), q(span[1]), key.value, ch.id))
            for flag in ch.flags:
                span = flag.original_span if side is Side.ORIGINAL else flag.rewrite_span
                if span is not None and span[0] < span[1]:
                    marks.append(Run(q(span[0]), q(span[1]), Mark.FLAG.value, ch.id))
        idx.marks = RunList(marks)
        if facts and doc.text:
            idx.facts = RunList([Run(q(s), q(e), "fact:" + k) for s, e, k in _fact_spans(doc.text) if s < e])
        return idx

    def _anchors(self) -> list[tuple[str, str]]:
        """Pairs (original claim, rewrite claim) that stay in order on both sides.

        Synchronised scrolling interpolates between these; moved claims are left out so they
        do not drag the other pane back and forth.
        """
        pairs: list[tuple[int, int, str, str]] = []
        for c in self.comparison.changes:
            if c.moved or c.kind is ChangeKind.MOVED or not c.original or not c.rewrite:
                continue
            o, r = c.original[0], c.rewrite[0]
            pairs.append((int(o[1:]), int(r[1:]), o, r))
        pairs.sort()
        out: list[tuple[str, str]] = []
        last_r = 0
        for _, rn, o, r in pairs:
            if rn > last_r:  # keep the sequence increasing on the rewrite side too
                out.append((o, r))
                last_r = rn
        return out
