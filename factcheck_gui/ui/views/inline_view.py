"""The inline view: one column, the rewrite with the original's deleted words struck through
and the inserted words underlined in place, claim by claim, from the comparison's word diffs.

The rewrite's claims come in their order; a removed claim comes where it stood in the
original (after the rewrite claim of the last claim before it that kept its place). Each
stretch has the format the side-by-side panes give it (:meth:`StoryHighlighter.format_for`:
the kind's tint, strike-through for deleted, underline for inserted, a wavy underline for
flagged wording), and a margin mark names each change's kind, so colour is never the only cue.

The document is built in a worker (:func:`inline_task`) with ``QTextCursor.insertText`` and
character formats: story text is only ever text, never markup. The view asks for it
(``needsDocument``) when it is shown for a comparison it has no document of.

Signals (:class:`InlineView`):
    changeClicked(str): a claim was clicked; carries its change id.
    needsDocument(object): shown for a comparison (the ComparisonIndex) without its document.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QWidget

from factcheck_gui.engine import Cancelled
from factcheck_gui.engine.types import Change, ChangeKind, Claim, DiffOp, DiffOpKind
from factcheck_gui.review.docindex import ComparisonIndex, Mark
from factcheck_gui.ui.shell.theme import KIND_STYLES, kind_tint
from factcheck_gui.ui.shell.workers import TaskContext
from factcheck_gui.ui.views.highlight import StoryHighlighter
from factcheck_gui.ui.views.pane import DOCUMENT_MARGIN, MARGIN_WIDTH, text_cursor

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


# -- the plan: what the column says, without Qt (a worker makes it) ----------------------------
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
            time.sleep(0)  # let the window have the interpreter now (see build_inline)
            if cancelled is not None and cancelled():
                raise Cancelled()
        write_rewrite(claim)
        for removed in removed_after.get(n, ()):
            write_removed(removed)
    return plan


# -- the document (a worker builds it, the view adopts it) -------------------------------------
@dataclass
class InlineDocument:
    """A built column: its document and where each claim's change is in it (Qt positions)."""

    index: ComparisonIndex
    doc: QTextDocument
    starts: list[int]  # of every claim's stretch, in order
    ends: list[int]
    change_ids: list[str]
    kinds: list[ChangeKind | None]  # None: an unchanged claim (not a change to review)
    by_change: dict[str, list[tuple[int, int]]]

    def change_at(self, qpos: int) -> str:
        i = bisect.bisect_right(self.starts, qpos) - 1
        return self.change_ids[i] if 0 <= i < len(self.starts) and qpos <= self.ends[i] else ""

    def between(self, lo: int, hi: int) -> Iterator[int]:
        """Indexes of the claims whose stretch meets ``[lo, hi]``."""
        i = max(0, bisect.bisect_right(self.starts, lo) - 1)
        while i < len(self.starts) and self.starts[i] <= hi:
            if self.ends[i] >= lo:
                yield i
            i += 1


def build_inline(
    index: ComparisonIndex, palette: QPalette, cancelled: Callable[[], bool] | None = None
) -> InlineDocument:
    """*worker*: the inline document, handed to the application's thread.

    The window's thread waits for the interpreter while this runs: Python hands it over only
    every few milliseconds to a busy thread, and each of the window's many short event handlers
    needs it, so the build gives it away itself every few hundred pieces.
    """
    plan = plan_inline(index, cancelled)
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(DOCUMENT_MARGIN)
    formats = StoryHighlighter(doc, palette)  # the panes' formats for the same run keys
    plain = QTextCharFormat()
    cursor = QTextCursor(doc)
    qpos = [0] * (len(plan.items) + 1)  # Qt position before each item
    pos = 0
    for i, item in enumerate(plan.items):
        qpos[i] = pos
        if item is BREAK:
            cursor.insertBlock()
        else:
            cursor.insertText(item.text, formats.format_for(item.keys) if item.keys else plain)
        pos = cursor.position()
        if i % 256 == 0:
            time.sleep(0)  # hand the interpreter to the window between Qt calls (see below)
            if cancelled is not None and cancelled():
                raise Cancelled()
    qpos[len(plan.items)] = pos
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    spans = sorted((qpos[a], qpos[b], cid) for cid, (a, b) in plan.claim_items.items())
    changes = [index.claim_change.get(cid) for _s, _e, cid in spans]
    built = InlineDocument(
        index,
        doc,
        [s for s, _e, _c in spans],
        [e for _s, e, _c in spans],
        [c.id if c is not None else "" for c in changes],
        [c.kind if c is not None and c.is_change else None for c in changes],
        {},
    )
    for (s, e, _cid), change in zip(spans, changes, strict=True):
        if change is not None:
            built.by_change.setdefault(change.id, []).append((s, e))
    app = QCoreApplication.instance()
    if app is not None and doc.thread() is not app.thread():
        doc.moveToThread(app.thread())
    return built


def inline_task(index: ComparisonIndex, palette: QPalette) -> Callable[[TaskContext], InlineDocument]:
    """The worker function building ``index``'s inline document with the colours of ``palette``."""
    palette = QPalette(palette)
    return lambda ctx: build_inline(index, palette, ctx.cancelled)


# -- the view ----------------------------------------------------------------------------------
class _Margin(QWidget):
    """A bar and the kind's mark beside every change, as in the story panes."""

    def __init__(self, view: InlineView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(MARGIN_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self._view
        painter = QPainter(self)
        painter.fillRect(event.rect(), view.palette().window())
        built = view.built
        if built is None:
            return
        font = QFont(view.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(view.palette().color(view.foregroundRole()))
        lo, hi = view.visible_range()
        line = view.fontMetrics().height()
        for i in built.between(lo, hi):
            kind = built.kinds[i]
            if kind is None:
                continue
            top = view.position_rect(built.starts[i]).top()
            bottom = max(view.position_rect(max(built.starts[i], built.ends[i] - 1)).bottom(), top + line)
            current = built.change_ids[i] == view.current_change_id
            painter.fillRect(
                QRect(MARGIN_WIDTH - (6 if current else 4), top, 6 if current else 3, bottom - top),
                QColor(KIND_STYLES[kind].colour),
            )
            painter.drawText(
                QRect(0, top, MARGIN_WIDTH - 6, line), Qt.AlignmentFlag.AlignCenter, KIND_STYLES[kind].mark
            )


class InlineView(QPlainTextEdit):
    """The one-column view (see the module docstring for the signals)."""

    changeClicked = Signal(str)
    needsDocument = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index: ComparisonIndex | None = None
        self.built: InlineDocument | None = None
        self.building = False
        self._stale = False  # the document shown has the colours of an earlier theme
        self._own_document = False  # the first one is the text control's (it frees it itself)
        self.current_change_id = ""
        self.setObjectName("inlineView")
        self.setAccessibleName("Inline view: the rewrite with deletions and insertions in place")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._margin = _Margin(self)
        self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
        self.updateRequest.connect(lambda _r, _dy: self._margin.update())
        self._press_pos: QPoint | None = None

    # -- content ---------------------------------------------------------------------------
    def set_index(self, index: ComparisonIndex | None) -> None:
        """Show a comparison (its document is asked for when the view is shown)."""
        self.index = index
        self.current_change_id = ""
        self._drop_document()
        if index is None:
            self.setPlaceholderText("")
        else:
            self.setPlaceholderText("Preparing the inline view…")
            self._ask()

    def refresh_theme(self) -> None:
        """New colours: the document is built again (the old one stays until then)."""
        self._stale = True
        self.building = False  # a build under way has the old colours: ask again
        self._ask()

    def _drop_document(self) -> None:
        self.built = None
        self.building = self._stale = False
        self.setExtraSelections([])
        fresh = QTextDocument(self)
        fresh.setDocumentMargin(DOCUMENT_MARGIN)
        fresh.setDocumentLayout(QPlainTextDocumentLayout(fresh))
        self._adopt(fresh)
        self._margin.update()

    def _adopt(self, doc: QTextDocument) -> None:
        """Show ``doc`` and let the previous document go (the first belongs to the text control,
        which frees it itself)."""
        old, ours = self.document(), self._own_document
        doc.setParent(self)
        doc.setDefaultFont(self.font())
        self.setDocument(doc)
        self._own_document = True
        if ours and old is not doc:
            old.deleteLater()

    def _ask(self) -> None:
        if (
            self.index is not None
            and self.isVisible()
            and not self.building
            and (self.built is None or self._stale)
        ):
            self.building = True
            self.needsDocument.emit(self.index)

    def set_built(self, built: InlineDocument) -> bool:
        """Show a built document (False, and nothing changes, when it is of another comparison)."""
        if built.index is not self.index:
            built.doc.deleteLater()
            return False
        self.built = built
        self.building = self._stale = False
        self._adopt(built.doc)
        self.show_change(self.current_change_id)
        return True

    def build_failed(self) -> None:
        self.building = False
        self.setPlaceholderText("The inline view could not be prepared.")

    # -- the selected change ---------------------------------------------------------------
    def set_current(self, change_id: str) -> None:
        """Emphasise the claims of the selected change."""
        self.current_change_id = change_id
        sels: list[QTextEdit.ExtraSelection] = []
        built = self.built
        if built is not None and change_id and self.index is not None and change_id in built.by_change:
            fmt = QTextCharFormat()
            fmt.setBackground(kind_tint(self.index.change(change_id).kind, self.palette(), strong=True))
            for s, e in built.by_change[change_id]:
                sel = QTextEdit.ExtraSelection()
                sel.cursor = text_cursor(self.document(), s, e)
                sel.format = fmt
                sels.append(sel)
        self.setExtraSelections(sels)
        self._margin.update()

    def change_start(self, change_id: str) -> int | None:
        """Where the change's first claim starts in the column (None: not in it)."""
        built = self.built
        spans = built.by_change.get(change_id) if built is not None and change_id else None
        return spans[0][0] if spans else None

    def show_change(self, change_id: str) -> None:
        """Select a change and bring it to a third of the view's height."""
        self.set_current(change_id)
        start = self.change_start(change_id)
        if start is not None:
            self.scroll_to_y(start, self.viewport().height() / 3)

    def change_at_point(self, pos: QPoint) -> str:
        built = self.built
        return built.change_at(self.cursorForPosition(pos).position()) if built is not None else ""

    # -- geometry (viewport coordinates), as the story panes answer it -------------------------
    def position_rect(self, qpos: int) -> QRect:
        return self.cursorRect(
            text_cursor(self.document(), max(0, min(qpos, self.document().characterCount() - 1)))
        )

    def visible_range(self) -> tuple[int, int]:
        vp = self.viewport()
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(vp.width() - 1, vp.height() - 1)).position()
        return first, last

    def scroll_to_y(self, qpos: int, y: float) -> None:
        """Scroll so that the line holding ``qpos`` sits at viewport height ``y``."""
        sb = self.verticalScrollBar()
        step = max(1, self.fontMetrics().lineSpacing())
        for _ in range(4):  # line counts of blocks not laid out yet are estimates: converge
            lines = round((self.position_rect(qpos).top() - y) / step)
            before = sb.value()
            if lines == 0:
                break
            sb.setValue(before + lines)
            if sb.value() == before:
                break

    # -- events ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ask()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._margin.setGeometry(QRect(cr.left(), cr.top(), MARGIN_WIDTH, cr.height()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        moved = self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 4
        self._press_pos = None
        if moved or event.button() is not Qt.MouseButton.LeftButton:
            return  # a drag selects text; only a click selects a change
        change_id = self.change_at_point(pos)
        if change_id:
            self.changeClicked.emit(change_id)
