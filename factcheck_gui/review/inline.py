"""The inline column of a comparison, as plain data: the rewrite's claims in order with the
original's deleted words in place (a removed claim where it stood in the original), each stretch
with the run keys of the panes' style plan. No Qt here: the UI turns the plan into a document
(:mod:`factcheck_gui.ui.views.inline_view`), in a worker.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck_gui.engine import Cancelled
from factcheck_gui.engine.types import Change, Claim, DiffOp, DiffOpKind
from factcheck_gui.review.docindex import ComparisonIndex, Mark

Keys = frozenset[str]
NO_KEYS: Keys = frozenset()
BREAK = None  # a paragraph break in a plan
_OPENERS = "([{\"'“‘«‹/-–—"  # no space after these before a word


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the inline text: its characters, its run keys (those of the panes' style
    plan) and the change it belongs to ("" for the space between claims)."""

    text: str
    keys: Keys
    change_id: str


PlanItem = Piece | None  # None: a paragraph break


def _flag_spans(change: Change, original: bool) -> list[tuple[int, int]]:
    spans = [f.original_span if original else f.rewrite_span for f in change.flags]
    return sorted(s for s in spans if s is not None and s[0] < s[1])


class _Writer:
    """Collects the pieces of one column, with the spacing around struck-through words."""

    def __init__(self) -> None:
        self.items: list[PlanItem] = []
        self._last = ""  # the last character written ("" at a paragraph start)
        self._space_due = False  # a struck-through stretch was written: space before a word

    def paragraph(self) -> None:
        if self.items and self.items[-1] is not BREAK:
            self.items.append(BREAK)
        self._last, self._space_due = "", False

    def text(self, text: str, keys: Keys, change_id: str, *, deleted: bool = False) -> None:
        if not text:
            return
        first, last = text[0], self._last
        # A struck-through word and the word beside it would run together: a space between.
        if (
            (deleted or self._space_due)
            and first.isalnum()
            and last
            and not last.isspace()
            and last not in _OPENERS
        ):
            self.items.append(Piece(" ", NO_KEYS, change_id))
        self.items.append(Piece(text, keys, change_id))
        self._last = text[-1]
        self._space_due = deleted

    def marked(
        self,
        source: str,
        start: int,
        end: int,
        keys: Keys,
        change_id: str,
        flags: list[tuple[int, int]],
        *,
        deleted: bool = False,
    ) -> None:
        """``source[start:end]``, its flagged wording (``flags``: spans into ``source``) marked."""
        pos = start
        i = bisect.bisect_right(flags, (start, start)) - 1
        i = max(i, 0)
        flagged = keys | {Mark.FLAG.value}
        while pos < end:
            while i < len(flags) and flags[i][1] <= pos:
                i += 1
            if i < len(flags) and flags[i][0] < end:
                a, b = max(pos, flags[i][0]), min(end, flags[i][1])
                if a > pos:
                    self.text(source[pos:a], keys, change_id, deleted=deleted)
                self.text(source[a:b], flagged, change_id, deleted=deleted)
                pos = b
            else:
                self.text(source[pos:end], keys, change_id, deleted=deleted)
                pos = end


@dataclass
class InlinePlan:
    """The column's pieces, and which changes' claims are where (by claim id)."""

    items: list[PlanItem] = field(default_factory=list)
    claim_items: dict[str, tuple[int, int]] = field(default_factory=dict)  # [first, last) items


def _assign_ops(change: Change, claims: list[Claim]) -> dict[str, list[DiffOp]]:
    """The change's word operations by the rewrite claim they stand in (a deletion goes with
    the operation before it, or after it at the start)."""
    starts = [c.start for c in claims]
    out: dict[str, list[DiffOp]] = {c.id: [] for c in claims}
    pending: list[DiffOp] = []
    last = ""
    for op in change.diff:
        if op.rewrite is None:
            if last:
                out[last].append(op)
            else:
                pending.append(op)
            continue
        k = max(0, bisect.bisect_right(starts, op.rewrite[0]) - 1)
        last = claims[k].id
        if pending:
            out[last].extend(pending)
            pending = []
        out[last].append(op)
    if pending and claims:
        out[claims[0].id].extend(pending)
    return out


def plan_inline(index: ComparisonIndex, cancelled: Callable[[], bool] | None = None) -> InlinePlan:
    """*worker*: the inline column of a comparison (see the module docstring)."""
    cmp = index.comparison
    original, rewrite = cmp.original, cmp.rewrite
    plan = InlinePlan()
    w = _Writer()
    w.items = plan.items

    # Where each removed claim goes: after the rewrite claim of the last original claim before
    # it that kept its place (the anchors of synchronised scrolling), in the original's order.
    anchor_o = sorted((int(o[1:]), int(r[1:])) for o, r in index.anchors)
    anchor_keys = [a for a, _ in anchor_o]
    removed_after: dict[int, list[Claim]] = {}
    for claim in original.claims:
        change = index.claim_change.get(claim.id)
        if change is None or change.rewrite:
            continue
        k = bisect.bisect_left(anchor_keys, int(claim.id[1:])) - 1
        removed_after.setdefault(anchor_o[k][1] if k >= 0 else 0, []).append(claim)

    ops_of: dict[str, dict[str, list[DiffOp]]] = {}
    block: tuple[str, int] | None = None

    def start_claim(key: tuple[str, int]) -> None:
        nonlocal block
        if key != block:
            w.paragraph()
            block = key
        elif w.items and w.items[-1] is not BREAK:
            w.text(" ", NO_KEYS, "")

    def base_keys(change: Change | None) -> Keys:
        return frozenset({change.kind.value}) if change is not None and change.is_change else NO_KEYS

    def write_removed(claim: Claim) -> None:
        change = index.claim_change[claim.id]
        n = int(claim.id[1:])
        starts_paragraph = n == 1 or original.claims[n - 2].paragraph != claim.paragraph
        key = ("o", claim.paragraph) if starts_paragraph or block == ("o", claim.paragraph) else block
        start_claim(key or ("o", claim.paragraph))
        first = len(plan.items)
        keys = base_keys(change) | {Mark.DELETED.value}
        flags = _flag_spans(change, True)
        ops = [op for op in change.diff if op.original and claim.start <= op.original[0] < claim.end]
        pos = claim.start
        for op in ops or [DiffOp(DiffOpKind.DELETE, (claim.start, claim.end), None)]:
            assert op.original is not None
            a, b = max(pos, op.original[0]), min(claim.end, op.original[1])
            if a > pos:
                w.marked(original.text, pos, a, keys, change.id, flags, deleted=True)
            if b > a:
                w.marked(original.text, a, b, keys, change.id, flags, deleted=True)
            pos = max(pos, b)
        if pos < claim.end:
            w.marked(original.text, pos, claim.end, keys, change.id, flags, deleted=True)
        plan.claim_items[claim.id] = (first, len(plan.items))

    def write_rewrite(claim: Claim) -> None:
        change = index.claim_change.get(claim.id)
        start_claim(("r", claim.paragraph))
        first = len(plan.items)
        cid = change.id if change is not None else ""
        keys = base_keys(change)
        if change is None or not change.diff:
            mark = {Mark.INSERTED.value} if change is not None and not change.original else set()
            flags = _flag_spans(change, False) if change is not None else []
            w.marked(rewrite.text, claim.start, claim.end, keys | mark, cid, flags)
            plan.claim_items[claim.id] = (first, len(plan.items))
            return
        if change.id not in ops_of:
            ops_of[change.id] = _assign_ops(change, [rewrite.claim(c) for c in change.rewrite])
        r_flags, o_flags = _flag_spans(change, False), _flag_spans(change, True)
        deleted, inserted = keys | {Mark.DELETED.value}, keys | {Mark.INSERTED.value}
        trivial = keys | {Mark.TRIVIAL.value}
        pos = claim.start
        for op in ops_of[change.id].get(claim.id, ()):
            if op.rewrite is not None:
                a, b = max(pos, op.rewrite[0]), min(claim.end, op.rewrite[1])
                if a > pos:  # the space between two words
                    w.marked(rewrite.text, pos, a, keys, cid, r_flags)
            else:
                a = b = pos
            if (
                op.original is not None
                and op.op in (DiffOpKind.DELETE, DiffOpKind.REPLACE)
                and not (op.trivial and op.rewrite is not None)
            ):
                w.marked(original.text, *op.original, deleted, cid, o_flags, deleted=True)
            if b > a:
                op_keys = keys
                if op.op in (DiffOpKind.INSERT, DiffOpKind.REPLACE):
                    op_keys = trivial if op.trivial else inserted
                w.marked(rewrite.text, a, b, op_keys, cid, r_flags)
            pos = max(pos, b)
        if pos < claim.end:
            w.marked(rewrite.text, pos, claim.end, keys, cid, r_flags)
        plan.claim_items[claim.id] = (first, len(plan.items))

    for claim in removed_after.get(0, ()):
        write_removed(claim)
    for n, claim in enumerate(rewrite.claims, 1):
        if n % 200 == 0:
            time.sleep(0)  # a worker makes this: let the window have the interpreter now
            if cancelled is not None and cancelled():
                raise Cancelled()
        write_rewrite(claim)
        for removed in removed_after.get(n, ()):
            write_removed(removed)
    return plan
