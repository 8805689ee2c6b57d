"""The inline view: one column, the rewrite with the original's deleted words struck through
and the inserted words underlined in place, claim by claim, from the comparison's word diffs.

The rewrite's claims come in their order; a removed claim comes where it stood in the
original (after the rewrite claim of the last claim before it that kept its place). Each
stretch has the format the side-by-side panes give it (``highlight.story_format``: the kind's
tint, strike-through for deleted, underline for inserted, a wavy underline for flagged
wording), and a margin mark names each change's kind, so colour is never the only cue.

What the column says is planned without Qt (:func:`factcheck_gui.review.inline.plan_inline`);
a worker plans it (:func:`inline_task`), and the window's thread fills the document a slice at
a time (:class:`InlineFill`) with ``QTextCursor.insertText`` and character formats, and lays it
out: story text is only ever text, never markup. The view asks for it
(``needsDocument``) when it is shown for a comparison it has no document of.

Signals (:class:`InlineView`):
    changeClicked(str): a claim was clicked; carries its change id.
    needsDocument(object): shown for a comparison (the ComparisonIndex) without its document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
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
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review.docindex import ComparisonIndex
from factcheck_gui.review.inline import BREAK, InlinePlan, plan_inline
from factcheck_gui.review.search import ColumnSearch
from factcheck_gui.ui.shell.theme import KIND_STYLES, kind_tint
from factcheck_gui.ui.shell.workers import TaskContext
from factcheck_gui.ui.views.highlight import story_format
from factcheck_gui.ui.views.pane import DOCUMENT_MARGIN, MARGIN_WIDTH, give_layout, text_cursor


# -- the document (a worker plans it, the window's thread fills it in slices) -----------------
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
    search: ColumnSearch | None = None  # Find in the column (made in the worker, with the plan)

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


def _as_document_reads(text: str) -> str:
    """``text`` as ``QTextDocument.toPlainText`` gives it back once inserted with
    ``QTextCursor.insertText`` (each line break, CR LF included, one block separator read as a
    line feed; no-break spaces read as spaces): its length in Qt units is the document's."""
    if text.isascii() and "\r" not in text:
        return text
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2029", "\n")
        .replace("\u2028", "\n")
        .replace("\xa0", " ")
    )


def _qt_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


@dataclass
class InlinePlanned:
    """*worker*: what the window's thread needs to fill a column (no Qt object in it): the
    pieces, and where each claim's stretch will be in the document (Qt positions)."""

    index: ComparisonIndex
    plan: InlinePlan
    search: ColumnSearch
    length: int  # the document's Qt length once filled
    starts: list[int]
    ends: list[int]
    change_ids: list[str]
    kinds: list[ChangeKind | None]
    by_change: dict[str, list[tuple[int, int]]]


def _stretches(
    index: ComparisonIndex, plan: InlinePlan, qpos: list[int]
) -> tuple[list[int], list[int], list[str], list[ChangeKind | None], dict[str, list[tuple[int, int]]]]:
    """Every claim's stretch, in order, from the Qt position before each piece."""
    spans = sorted((qpos[a], qpos[b], cid) for cid, (a, b) in plan.claim_items.items())
    changes = [index.claim_change.get(cid) for _s, _e, cid in spans]
    by_change: dict[str, list[tuple[int, int]]] = {}
    for (s, e, _cid), change in zip(spans, changes, strict=True):
        if change is not None:
            by_change.setdefault(change.id, []).append((s, e))
    return (
        [s for s, _e, _c in spans],
        [e for _s, e, _c in spans],
        [c.id if c is not None else "" for c in changes],
        [c.kind if c is not None and c.is_change else None for c in changes],
        by_change,
    )


def prepare_inline(index: ComparisonIndex, cancelled: Callable[[], bool] | None = None) -> InlinePlanned:
    """*worker*: the column's plan, its Find text (as the document will read) and its claims'
    places, so the window's thread only inserts the pieces."""
    plan = plan_inline(index, cancelled)
    read = ["\n" if item is BREAK else _as_document_reads(item.text) for item in plan.items]
    qpos = [0] * (len(read) + 1)
    pos = 0
    for i, piece in enumerate(read):
        qpos[i] = pos
        pos += _qt_length(piece)
    qpos[len(read)] = pos
    return InlinePlanned(index, plan, ColumnSearch("".join(read)), pos, *_stretches(index, plan, qpos))


class InlineFill:
    """*GUI thread*: fills a planned column's document a slice at a time.

    The document is a Qt object of the window's thread from the start: a worker's document
    handed over with ``moveToThread`` can deadlock (the interpreter's lock held while waiting
    for a Qt lock the window's thread holds while it waits for the interpreter), as the panes'
    did in a CI run. It has no layout while it is filled (the view gives it one), so a slice
    costs the inserts only.
    """

    def __init__(self, planned: InlinePlanned, palette: QPalette) -> None:
        self.planned = planned
        self.doc = QTextDocument()
        self.doc.setUndoRedoEnabled(False)
        self.doc.setDocumentMargin(DOCUMENT_MARGIN)
        self._palette = QPalette(palette)
        self._formats: dict[frozenset[str], QTextCharFormat] = {}
        self._plain = QTextCharFormat()
        self._cursor = QTextCursor(self.doc)

    def _format_for(self, keys: frozenset[str]) -> QTextCharFormat:
        fmt = self._formats.get(keys)
        if fmt is None:
            fmt = self._formats[keys] = story_format(keys, self._palette)
        return fmt

    def steps(self, per_step: int = 64) -> Generator[None, None, InlineDocument]:
        """Insert the pieces, yielding after every ``per_step`` of them (for
        :class:`~factcheck_gui.ui.shell.sliced.Sliced`); returns the filled column."""
        planned, cursor = self.planned, self._cursor
        items = planned.plan.items
        qpos = [0] * (len(items) + 1)  # as filled: used only should the plan's places be off
        pos = 0
        for i, item in enumerate(items):
            qpos[i] = pos
            if item is BREAK:
                cursor.insertBlock()
            else:
                cursor.insertText(item.text, self._format_for(item.keys) if item.keys else self._plain)
            pos = cursor.position()
            if i % per_step == per_step - 1:
                yield
        qpos[len(items)] = pos
        if pos == planned.length:
            places = planned.starts, planned.ends, planned.change_ids, planned.kinds, planned.by_change
        else:  # a character Qt counted otherwise than the plan did: the places as filled
            places = _stretches(planned.index, planned.plan, qpos)
        return InlineDocument(planned.index, self.doc, *places, planned.search)


def build_inline(index: ComparisonIndex, palette: QPalette) -> InlineDocument:
    """*GUI thread*: a column in one go (the window fills it in slices instead, InlineFill)."""
    steps = InlineFill(prepare_inline(index), palette).steps()
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return cast(InlineDocument, stop.value)


def inline_task(index: ComparisonIndex) -> Callable[[TaskContext], InlinePlanned]:
    """The worker function planning ``index``'s inline column."""
    return lambda ctx: prepare_inline(index, ctx.cancelled)


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
        self._adopt(fresh)
        self._margin.update()

    def _adopt(self, doc: QTextDocument) -> None:
        """Show ``doc`` and let the previous document go (the first belongs to the text control,
        which frees it itself)."""
        old, ours = self.document(), self._own_document
        doc.setParent(self)
        give_layout(doc, self.font())
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
