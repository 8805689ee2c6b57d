"""What the comparison view needs to know about a Comparison, computed once and without Qt.

Everything here is plain Python so it can be built in the worker thread that compares or loads
(the pygments pass over a long story is not free) and tested without a display. Positions are
already converted to Qt's UTF-16 positions, so widgets never convert offsets themselves.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable, Iterable, Iterator
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


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _same(i: int) -> int:
    return i


def utf16_mapper(text: str) -> Callable[[int], int]:
    """Map Python ``str`` offsets to Qt's UTF-16 positions (identity for BMP-only text)."""
    if text.isascii() or not _ASTRAL.search(text):
        return _same
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda i: i
    return lambda i: i + bisect.bisect_left(astral, i)


def qt_unmapper(text: str, to_qt: Callable[[int], int]) -> Callable[[int], int]:
    """The inverse of ``to_qt`` (:func:`utf16_mapper`): a Qt position back to a ``str`` offset."""
    if to_qt is _same:
        return _same
    astral_qt = [p + k for k, p in enumerate(m.start() for m in _ASTRAL.finditer(text))]
    return lambda q: q - bisect.bisect_left(astral_qt, q)


ELIDE_AT = 240  # the change list elides to its width; this only keeps huge claims cheap to paint


def one_line(text: str) -> str:
    """``text`` with its white space collapsed, cut to :data:`ELIDE_AT` characters ("…" ends a
    cut one)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= ELIDE_AT else flat[: ELIDE_AT - 1] + "…"


def _one_line_of(doc: Document, claim_ids: tuple[str, ...]) -> str:
    """:func:`one_line` of the claims joined by a space, reading no more of them than it needs."""
    parts: list[str] = []
    size = 0
    for cid in claim_ids:
        text = doc.claim(cid).text
        parts.append(text)
        size += len(text) + 1
        if size > 4 * ELIDE_AT:
            head = " ".join(" ".join(parts)[: 4 * ELIDE_AT].split())
            if len(head) > ELIDE_AT:  # a prefix of the collapsed whole, long enough to cut
                return head[: ELIDE_AT - 1] + "…"
    return one_line(" ".join(parts))


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
    # The tints and marks merged into non-overlapping stretches (the facts, non-overlapping
    # themselves, are laid over them block by block: see :meth:`facts_between`).
    plan: StylePlan = field(default_factory=lambda: StylePlan.build(()))
    # The fact tokens are still being lexed (a long story: see :meth:`lex_facts_for`).
    facts_pending: bool = False
    _lexer: _FactLexer | None = None
    # For Find (``review.search``): Qt positions back to ``str`` offsets.
    from_qt: Callable[[int], int] = _same

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

    def facts_between(self, lo: int, hi: int) -> Iterator[Run]:
        """The fact tokens within ``[lo, hi)`` known so far (all of them once lexed)."""
        if self._lexer is not None:
            return self._lexer.between(lo, hi)
        return self.facts.between(lo, hi)

    def facts_known_to(self) -> float:
        """The Qt position up to which the fact tokens are known (infinity once all are)."""
        if self._lexer is not None:
            return self._lexer.known_to
        return 0.0 if self.facts_pending else float("inf")

    def lex_facts_for(self, seconds: float) -> bool:
        """Lex fact tokens for about ``seconds``; True once all are known.

        The story lexer costs about a second per megabyte: for a long story the window shows
        the comparison first and lexes in slices between events, the same tokens as
        :func:`factcheck_gui.lexer.fact_spans` (it is the same generator, paused).
        """
        return self._lex(seconds)

    def lex_head(self, chars: int) -> None:
        """*worker*: lex the fact tokens of the story's first ``chars`` characters now (or a
        little more), so that the top of a long story shows its facts the moment it is shown
        and the slices that lex the rest start below the first screens."""
        self._lex(float("inf"), until=self.to_qt(min(chars, len(self.doc.text))))

    def _lex(self, seconds: float, until: int | None = None) -> bool:
        if not self.facts_pending:
            return True
        if self._lexer is None:
            self._lexer = _FactLexer(self.doc.text, self.to_qt)
        if self._lexer.step(seconds, until):
            # In order and disjoint already: no sort of every token at the end (50 ms at 5k).
            self.facts = RunList.ordered(self._lexer.runs, self._lexer.ends)
            self._lexer = None
            self.facts_pending = False
        return not self.facts_pending


class _FactLexer:
    """The story lexer over one text, paused between slices; its tokens so far in order."""

    def __init__(self, text: str, to_qt: Callable[[int], int]) -> None:
        from factcheck_gui.lexer import FACT_TYPES, StoryLexer

        self._kinds = {t: "fact:" + k for k, t in FACT_TYPES.items()}
        self._tokens = StoryLexer().get_tokens_unprocessed(text)
        self._q = to_qt
        self.runs: list[Run] = []
        self.ends: list[int] = []  # facts never overlap: their ends are sorted too
        self.known_to = 0  # every token before this Qt position is final

    def step(self, seconds: float, until: int | None = None) -> bool:
        """Lex for about ``seconds`` (or until the Qt position ``until`` is passed); True once
        the whole text is lexed."""
        deadline = time.perf_counter() + seconds
        stop_at = until if until is not None else 1 << 62
        kinds, q, runs, ends = self._kinds, self._q, self.runs, self.ends
        for n, (start, ttype, value) in enumerate(self._tokens, 1):
            qs = q(start)
            self.known_to = qs
            key = kinds.get(ttype)
            if key is not None and value:
                qe = q(start + len(value))
                runs.append(Run(qs, qe, key))
                ends.append(qe)
            if not n % 64 and (qs >= stop_at or time.perf_counter() >= deadline):
                return False
        self.known_to = 1 << 62
        return True

    def between(self, lo: int, hi: int) -> Iterator[Run]:
        runs = self.runs
        for i in range(bisect.bisect_right(self.ends, lo), len(runs)):
            if runs[i].start >= hi:
                break
            yield runs[i]


EAGER_FACTS_CHARS = 100_000  # about a tenth of a second of the story lexer
# A longer story's first characters lexed in the worker all the same: its first screens (a
# pane shows a few thousand characters) have their facts when shown, in about 10 ms a side.
HEAD_FACTS_CHARS = 10_000


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

    @classmethod
    def ordered(cls, runs: list[Run], ends: list[int]) -> RunList:
        """Runs already sorted and not overlapping, with their ends: taken as they are."""
        made = cls.__new__(cls)
        made.runs, made._max_end = runs, ends
        return made

    def __len__(self) -> int:
        return len(self.runs)

    def __iter__(self) -> Iterator[Run]:
        return iter(self.runs)

    def between(self, lo: int, hi: int) -> Iterator[Run]:
        """Runs that intersect ``[lo, hi)`` (walked from the first that can reach past ``lo``:
        no copy of the rest of a long story's runs for a few of them)."""
        runs = self.runs
        for k in range(bisect.bisect_right(self._max_end, lo), len(runs)):
            r = runs[k]
            if r.start >= hi:
                break
            if r.end > lo:
                yield r


class StylePlan:
    """The styled runs of one pane merged into non-overlapping stretches, sorted by position.

    Stretch ``i`` covers ``[starts[i], ends[i])`` (Qt positions) and carries the run keys
    ``styles[style[i]]``; the distinct key sets are few, so the highlighter makes one character
    format per set. Built once in the worker; a block's formats are then a bisection away
    (:meth:`segments`), whatever the length of the document.
    """

    __slots__ = ("ends", "starts", "style", "styles")

    def __init__(
        self, starts: list[int], ends: list[int], style: list[int], styles: list[frozenset[str]]
    ) -> None:
        self.starts = starts
        self.ends = ends
        self.style = style
        self.styles = styles

    def __len__(self) -> int:
        return len(self.starts)

    @classmethod
    def build(cls, runlists: Iterable[RunList]) -> StylePlan:
        """Sweep the runs of ``runlists`` (overlapping freely) into stretches of constant keys."""
        events: list[tuple[int, int, str]] = []  # (position, +1 opens / -1 closes, key)
        for runs in runlists:
            for r in runs.runs:
                if r.start < r.end:
                    events.append((r.start, 1, r.key))
                    events.append((r.end, -1, r.key))
        events.sort(key=_event_pos)
        starts: list[int] = []
        ends: list[int] = []
        style: list[int] = []
        styles: list[frozenset[str]] = []
        style_of: dict[frozenset[str], int] = {}
        active: dict[str, int] = {}
        current = -1  # style id of the keys active since ``prev`` (-1: none)
        prev = 0
        i, n = 0, len(events)
        while i < n:
            pos = events[i][0]
            if current >= 0 and pos > prev:
                if ends and ends[-1] == prev and style[-1] == current:
                    ends[-1] = pos  # the same keys go on: one stretch
                else:
                    starts.append(prev)
                    ends.append(pos)
                    style.append(current)
            while i < n and events[i][0] == pos:
                _, delta, key = events[i]
                left = active.get(key, 0) + delta
                if left > 0:
                    active[key] = left
                else:
                    active.pop(key, None)
                i += 1
            prev = pos
            if active:
                keys = frozenset(active)
                sid = style_of.get(keys)
                if sid is None:
                    sid = style_of[keys] = len(styles)
                    styles.append(keys)
                current = sid
            else:
                current = -1
        return cls(starts, ends, style, styles)

    def segments(self, lo: int, hi: int) -> Iterator[tuple[int, int, int]]:
        """(start, end, style id) of the stretches within ``[lo, hi)``, clipped to it."""
        starts, ends, style = self.starts, self.ends, self.style
        i = bisect.bisect_right(ends, lo)
        n = len(starts)
        while i < n and starts[i] < hi:
            yield max(lo, starts[i]), min(hi, ends[i]), style[i]
            i += 1

    def keys_at(self, qpos: int) -> frozenset[str]:
        """The run keys at Qt position ``qpos`` (empty when unstyled)."""
        i = bisect.bisect_right(self.ends, qpos)
        if i < len(self.starts) and self.starts[i] <= qpos:
            return self.styles[self.style[i]]
        return frozenset()


def _event_pos(event: tuple[int, int, str]) -> int:
    return event[0]


class ComparisonIndex:
    """Claims, changes and styled runs of both panes for one Comparison."""

    def __init__(self, comparison: Comparison, *, facts: bool | None = None) -> None:
        """``facts``: lex the fact tokens now (True), never (False), or now only for a side of
        at most :data:`EAGER_FACTS_CHARS` characters (None: a longer side is marked
        ``facts_pending`` for the window to lex a slice at a time, :meth:`SideIndex.lex_facts_for`)."""
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
        # The change list's single-line texts (original, rewrite), one per review change.
        self.row_texts: list[tuple[str, str]] = [
            (_one_line_of(comparison.original, c.original), _one_line_of(comparison.rewrite, c.rewrite))
            for c in self.review_changes
        ]
        # The change list's columns as plain lists, one entry per review change, and the row
        # of each: made here (in the worker) so that showing a big review only adopts them.
        self.review_row: dict[str, int] = {c.id: i for i, c in enumerate(self.review_changes)}
        self.row_kinds: list[str] = [c.kind.value for c in self.review_changes]
        self.row_flag_types: list[frozenset[str]] = [
            frozenset(f.type.value for f in c.flags) for c in self.review_changes
        ]
        self.sides = {
            Side.ORIGINAL: self._side(comparison.original, Side.ORIGINAL, facts),
            Side.REWRITE: self._side(comparison.rewrite, Side.REWRITE, facts),
        }
        self.anchors = self._anchors()
        # Documents the worker built for the panes (see ``pane.prepare_documents``), by side;
        # each pane takes its own once. Plain objects here: this module knows nothing of Qt.
        self.prepared: dict[Side, object] = {}

    # -- lookups -------------------------------------------------------------------------
    def change(self, change_id: str) -> Change:
        return self._by_id[change_id]

    def has_change(self, change_id: str) -> bool:
        return change_id in self._by_id

    def order(self, change_id: str) -> int:
        """Position of a change in the engine's order (the list's natural sort)."""
        return self._order[change_id]

    def change_at(self, side: Side, qpos: int) -> Change | None:
        claim = self.sides[side].claim_at(qpos)
        return self.claim_change.get(claim.id) if claim else None

    def claim_ids(self, change: Change, side: Side) -> tuple[str, ...]:
        return change.original if side is Side.ORIGINAL else change.rewrite

    # -- construction ----------------------------------------------------------------------
    def _side(self, doc: Document, side: Side, facts: bool | None) -> SideIndex:
        q = utf16_mapper(doc.text)
        idx = SideIndex(doc, q, from_qt=qt_unmapper(doc.text, q))
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
        idx.plan = StylePlan.build((idx.tints, idx.marks))
        if facts is None:
            facts = len(doc.text) <= EAGER_FACTS_CHARS
            idx.facts_pending = not facts and bool(doc.text)
            if idx.facts_pending:
                idx.lex_head(HEAD_FACTS_CHARS)
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
