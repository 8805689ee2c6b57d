"""A read-only story pane: wrapped prose, claim tints, a margin of kind marks, drop and paste.

Signals:
    changeClicked(str): a claim was clicked; carries its change id.
    filesDropped(list): local file paths dropped on the pane.
    textPasted(str, str): plain text and HTML pasted into the pane.
    textDropped(str, str): the same, dragged and dropped onto it.
    cleared(): the reader cleared a :attr:`replaceable` pane (context menu → Clear).
    otherPaneRequested(str): context menu → Show in the other pane, on a change's claim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QMenu,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from factcheck_gui.engine.types import Change, ChangeKind
from factcheck_gui.review.docindex import ComparisonIndex, Side, SideIndex
from factcheck_gui.ui.shell.theme import KIND_STYLES, kind_tint
from factcheck_gui.ui.views.highlight import FORMAT_ALL_UP_TO, StoryHighlighter
from factcheck_gui.ui.views.overview_map import WIDTH as MAP_WIDTH
from factcheck_gui.ui.views.overview_map import MapData, OverviewMap, map_data, marks_of
from factcheck_gui.ui.views.tips import install_pane_tips

MARGIN_WIDTH = 18
DOCUMENT_MARGIN = 8
# The fact lexer's turn between two events (each pane takes one per turn of the event loop).
LEX_SLICE_SECONDS = 0.004
# It starts this long after a story is shown: the turns that lay out, paint and restore the
# reader's place come first, without a lexer's slice on top of each of them.
LEX_DELAY_MS = 200


def text_cursor(document: QTextDocument, start: int, end: int | None = None) -> QTextCursor:
    """A cursor at ``start`` (selecting up to ``end`` when given)."""
    cur = QTextCursor(document)
    cur.setPosition(start)
    if end is not None:
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cur


def give_layout(doc: QTextDocument, font: QFont) -> None:
    """*GUI thread*: the font and plain-text layout of a document a worker filled
    (the inline column's), before a text view shows it; the font first, so a
    one-paragraph story is laid out once."""
    doc.setDefaultFont(font)
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))


@dataclass(frozen=True)
class PreparedSide:
    """What a worker made for one pane: its overview map's marks, in the pane's positions
    (plain data: the pane fills its document itself, on the window's thread)."""

    map: MapData


def prepare_side(index: ComparisonIndex, side: Side) -> PreparedSide:
    """*worker*: one pane's map marks for ``index``."""
    s = index.sides[side]
    marks = map_data(*marks_of(index.comparison, side, s.to_qt))
    # No document made here: handing a worker's QTextDocument to the window's thread
    # (moveToThread) holds the interpreter's lock while it waits for a Qt lock that the window's
    # thread, deleting an object, holds while it waits for the interpreter's lock — a deadlock
    # seen in a CI run. The pane fills its document on its own thread (tens of milliseconds
    # for a long story).
    return PreparedSide(marks)


def prepare_documents(index: ComparisonIndex) -> None:
    """*worker*: both panes' overview map marks for ``index`` (each pane takes its own once)."""
    index.prepared = {side: prepare_side(index, side) for side in Side}


class _Margin(QWidget):
    """Draws a bar and a mark beside every changed claim, so kinds never rely on colour."""

    def __init__(self, pane: StoryPane) -> None:
        super().__init__(pane)
        self._pane = pane

    def sizeHint(self) -> QSize:
        return QSize(MARGIN_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        pane = self._pane
        painter = QPainter(self)
        painter.fillRect(event.rect(), pane.palette().window())
        idx = pane.side_index
        if idx is None:
            return
        font = QFont(pane.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        font.setBold(True)
        painter.setFont(font)
        lo, hi = pane.visible_range()
        for run in idx.tints.between(lo, hi + 1):
            kind = ChangeKind(run.key)
            top, bottom = pane.span_rect(run.start, run.end)
            current = run.change_id == pane.current_change_id
            colour = QColor(KIND_STYLES[kind].colour)
            painter.fillRect(
                QRect(MARGIN_WIDTH - (6 if current else 4), top, 6 if current else 3, bottom - top), colour
            )
            painter.setPen(pane.palette().color(pane.foregroundRole()))
            painter.drawText(
                QRect(0, top, MARGIN_WIDTH - 6, pane.fontMetrics().height()),
                Qt.AlignmentFlag.AlignCenter,
                KIND_STYLES[kind].mark,
            )


class StoryPane(QPlainTextEdit):
    """One side of the comparison (see the module docstring for signals)."""

    changeClicked = Signal(str)
    filesDropped = Signal(list)
    textPasted = Signal(str, str)
    textDropped = Signal(str, str)  # as textPasted, for text dragged in (say, from a browser)
    cleared = Signal()
    otherPaneRequested = Signal(str)  # "Show in the other pane" on a change's claim (its id)

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.index: ComparisonIndex | None = None
        self.current_change_id = ""
        self.setReadOnly(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)  # read-only text edits refuse drops on the viewport
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName(f"pane-{side.value}")
        self.setAccessibleName("Original story" if side is Side.ORIGINAL else "Rewritten story")
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.highlighter = StoryHighlighter(self.document(), self.palette())
        self._formatting = False
        self._formatted_view: tuple[int, ...] | None = None  # the view last formatted whole
        # A long story's fact tokens are lexed a slice at a time between events.
        self._lex_timer = QTimer(self)
        self._lex_timer.setInterval(0)
        self._lex_timer.timeout.connect(self._lex_slice)
        self._lex_start = QTimer(self)
        self._lex_start.setSingleShot(True)
        self._lex_start.setInterval(LEX_DELAY_MS)
        self._lex_start.timeout.connect(self._lex_timer.start)
        # The blocks scrolled into view get their formats before the paint that shows them.
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.format_visible())
        self._margin = _Margin(self)
        install_pane_tips(self, self._margin)  # flag reasons, kind marks (views/tips.py)
        self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
        # The overview map, between the text and the scrollbar: shown while a review is.
        self.map = OverviewMap(self)
        self.map.hide()
        self.map.changeClicked.connect(self.changeClicked.emit)
        self.map.positionClicked.connect(self._map_position)
        # The frame follows the pane once per turn of the event loop, however many scroll
        # and layout steps that turn took (finding the positions shown is not free).
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setInterval(0)
        self._frame_timer.timeout.connect(self._frame_map)
        sb = self.verticalScrollBar()
        sb.valueChanged.connect(lambda _v: self._frame_timer.start())
        sb.rangeChanged.connect(lambda _lo, _hi: self._frame_timer.start())
        # Where the reader is (the selected change if on screen, else the top line), noted
        # before a resize or a new font wraps the text anew, and scrolled back to after.
        self._anchor: tuple[int, int, int] | None = None  # position, its top, viewport height
        self._keeping = 0
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(0)
        self._keep_timer.timeout.connect(self.release_place)
        self.updateRequest.connect(self._on_update_request)
        self._press_pos: QPoint | None = None
        # A review's panes are never overwritten by a paste; the start page's panes hold a
        # story not compared yet, which the reader may replace (paste again) or clear.
        self.replaceable = False
        self.show_placeholder()

    # -- content ---------------------------------------------------------------------------
    @property
    def side_index(self) -> SideIndex | None:
        return self.index.sides[self.side] if self.index is not None else None

    def show_placeholder(self) -> None:
        who = "original" if self.side is Side.ORIGINAL else "rewrite"
        self.setPlaceholderText(f"Drop the {who} here (a file), or paste its text with Ctrl+V.")

    def set_index(self, index: ComparisonIndex | None) -> None:
        """Show one side of a comparison (None empties the pane)."""
        self.index = index
        self.current_change_id = ""
        self._anchor = None
        self.setExtraSelections([])
        self.highlighter.set_index(None)
        self._lex_start.stop()
        self._lex_timer.stop()
        if index is None:
            self.setPlainText("")
            self._show_map(None)
            return
        side = index.sides[self.side]
        # The map's room first: the margins change the text's width, so the story is laid
        # out once, at the width it is shown at.
        self.setViewportMargins(MARGIN_WIDTH, 0, MAP_WIDTH, 0)
        prepared = index.prepared.pop(self.side, None)
        if not isinstance(prepared, PreparedSide):
            prepared = PreparedSide(map_data(*marks_of(index.comparison, self.side, side.to_qt)))
        self.setPlainText(side.doc.text)
        self._highlight(side)
        if side.facts_pending:
            self._lex_start.start()
        self._show_map(prepared)
        self._margin.update()

    # -- the overview map ----------------------------------------------------------------------
    def _show_map(self, prepared: PreparedSide | None) -> None:
        """The map with a review's marks (None: no map, the text takes its room)."""
        if prepared is None:
            self.map.set_marks((), 1)
            self.map.hide()
            self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
            return
        self.map.set_data(prepared.map)
        self.setViewportMargins(MARGIN_WIDTH, 0, MAP_WIDTH, 0)
        self._place_side_widgets()
        self.map.show()
        self._frame_timer.start()

    def _frame_map(self) -> None:
        """Frame on the map the part of the text the pane shows."""
        if self.map.isHidden():
            return
        total = max(self.document().characterCount() - 1, 1)
        vp = self.viewport()
        first = self.firstVisibleBlock().position()
        last = self.cursorForPosition(QPoint(vp.width() - 1, vp.height() - 1)).position()
        self.map.set_viewport(first / total, (last + 1) / total)

    def _map_position(self, fraction: float) -> None:
        """A click on the map where no change is: that part of the text in the pane's middle."""
        qpos = round(fraction * max(self.document().characterCount() - 1, 0))
        self.scroll_to_y(qpos, self.viewport().height() / 2)

    def _place_side_widgets(self) -> None:
        cr = self.contentsRect()
        self._margin.setGeometry(QRect(cr.left(), cr.top(), MARGIN_WIDTH, cr.height()))
        vp = self.viewport().geometry()
        self.map.setGeometry(QRect(vp.right() + 1, vp.top(), MAP_WIDTH, vp.height()))

    # -- keeping the reader's place --------------------------------------------------------------
    def _remember_anchor(self) -> None:
        """Note where the reader is: the selected change's first claim if it is on screen,
        else the first line shown (its position, and how far down the viewport it sits)."""
        height = self.viewport().height()
        if self.index is None or height <= 0 or self.document().isEmpty():
            self._anchor = None
            return
        side = self.side_index
        if side is not None and self.current_change_id:
            change = self.index.change(self.current_change_id)
            claims = self.index.claim_ids(change, self.side)
            if claims:
                start = side.span(claims[0])[0]
                top = self.position_rect(start).top()
                if 0 <= top < height:
                    self._anchor = (start, top, height)
                    return
        first = self.cursorForPosition(QPoint(0, 0)).position()
        self._anchor = (first, self.position_rect(first).top(), height)

    @property
    def keeping_place(self) -> bool:
        return bool(self._keeping)

    def keep_place(self) -> None:
        """Note the reader's place now (see :meth:`_remember_anchor`), before a relayout, and
        hold it until :meth:`release_place`: :meth:`restore_place` goes back to it. The review
        view holds both panes at once, before either wraps anew (the scroll sync held
        meanwhile); a pane on its own releases itself once the event loop has run."""
        if not self._keeping:
            self._remember_anchor()
        self._keeping += 1

    def restore_place(self) -> None:
        """Scroll back to the place held (the text may have wrapped anew)."""
        if self._anchor is None or self.index is None:
            return
        qpos, top, height = self._anchor
        now = self.viewport().height()
        # Where it was when that is still well inside the view (a find bar opening below
        # moves nothing), else as far down the view as it was.
        y = top if top + self.line_step() <= 0.9 * now else top * now / max(height, 1)
        self.scroll_to_y(qpos, y)

    def release_place(self, *, restore: bool = True) -> None:
        """Back at the place held (``restore``; False: the reader has gone elsewhere since)."""
        if not self._keeping:
            return
        self._keep_timer.stop()
        if restore:
            self.restore_place()
        self._keeping = 0
        self._frame_timer.start()

    def _relayout_starts(self) -> None:
        if not self._keeping:  # nobody holds the place: hold it until the event loop has run
            self.keep_place()
            self._keep_timer.start()

    def _highlight(self, side: SideIndex) -> None:
        """Take ``side``'s plan: a short story is formatted whole, a long one as it is shown."""
        self.highlighter.set_index(side, self.palette())
        if not side.facts_pending and len(side.plan) + len(side.facts) <= FORMAT_ALL_UP_TO:
            self.highlighter.format_all()
        else:
            self.format_visible()

    def _lex_slice(self) -> None:
        side = self.side_index
        if side is None or side.lex_facts_for(LEX_SLICE_SECONDS):
            self._lex_timer.stop()
        self.format_visible()  # the blocks on screen whose fact tokens are known now

    def _on_screen_walk(self) -> Callable[[QTextBlock], bool]:
        """A predicate for blocks taken in order from the first visible one: True while the
        block starts within the viewport.

        A block not laid out yet is not laid out for this (the paint will, with its formats):
        its height is estimated on the low side from its length, so a walk may format a block
        or two beyond the bottom, never stop short of it.
        """
        height = self.viewport().height()
        offset = QPointF(self.contentOffset())
        metrics = self.fontMetrics()
        per_line = max(
            1, int((self.viewport().width() - 2 * DOCUMENT_MARGIN) / (0.9 * metrics.averageCharWidth()))
        )
        line = metrics.lineSpacing()
        top: list[float] = []

        def more(block: QTextBlock) -> bool:
            laid_out = block.layout().lineCount() > 0
            if not top:
                top.append(
                    self.blockBoundingGeometry(block).translated(offset).top() if laid_out else offset.y()
                )
            if top[0] > height:
                return False
            if laid_out:
                top[0] += self.blockBoundingRect(block).height()
            else:
                top[0] += max(1, -(-block.length() // per_line)) * line
            return True

        return more

    def format_visible(self) -> int:
        """Give the blocks in the viewport their formats (those not formatted yet); how many.

        Formatting can change how a block wraps, so the walk repeats until the blocks on
        screen are all formatted.
        """
        if self._formatting or self.highlighter.index is None:
            return 0
        vp = self.viewport()
        key = (
            self.highlighter.generation,
            self.firstVisibleBlock().position(),
            self.verticalScrollBar().value(),
            vp.width(),
            vp.height(),
        )
        if key == self._formatted_view:
            return 0  # the same view as last time, all of it formatted
        self._formatting = True
        total = 0
        complete = False
        try:
            for _ in range(4):
                new = self.highlighter.format_blocks(self.firstVisibleBlock(), self._on_screen_walk())
                total += new
                if not new:
                    complete = self.highlighter.walk_complete
                    break
        finally:
            self._formatting = False
        # Formatting may have moved the text: remember the view as it is now.
        self._formatted_view = (
            (
                self.highlighter.generation,
                self.firstVisibleBlock().position(),
                self.verticalScrollBar().value(),
                vp.width(),
                vp.height(),
            )
            if complete
            else None
        )
        return total

    def is_empty(self) -> bool:
        return self.document().isEmpty()

    def takes_text(self) -> bool:
        """True when pasted or dropped text may go into this pane (empty, or replaceable)."""
        return self.replaceable or self.is_empty()

    def clear_story(self) -> None:
        """Empty a replaceable pane (its story is forgotten)."""
        self.set_index(None)
        self.cleared.emit()

    def refresh_theme(self) -> None:
        """Rebuild formats after a palette change."""
        if self.index is not None:
            self._highlight(self.index.sides[self.side])
            self.set_current(self.current_change_id)
        self._margin.update()
        self.map.refresh_theme()

    def set_current(self, change_id: str) -> None:
        """Emphasise the claims of the selected change."""
        self.current_change_id = change_id
        self.map.set_current(change_id)
        sels: list[QTextEdit.ExtraSelection] = []
        idx = self.side_index
        if idx is not None and self.index is not None and change_id:
            change = self.index.change(change_id)
            for cid in self.index.claim_ids(change, self.side):
                s, e = idx.span(cid)
                cur = text_cursor(self.document(), s, e)
                fmt = QTextCharFormat()
                fmt.setBackground(kind_tint(change.kind, self.palette(), strong=True))
                fmt.setProperty(QTextFormat.Property.UserProperty + 1, change_id)
                # Assign whole values: editing ``sel.format`` in place trips a PySide refcount bug.
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cur
                sel.format = fmt
                sels.append(sel)
        self.setExtraSelections(sels)
        self._margin.update()

    def mark_claim(self, claim_id: str) -> bool:
        """Mark one claim of this side beside the selected change's own marks (a dotted
        underline on the selection colour: "the closest to the change you are reading"), until
        the next change is selected. False when the claim is not in this pane."""
        idx = self.side_index
        if idx is None or not claim_id.startswith(self.side.value[0]):
            return False
        try:
            s, e = idx.span(claim_id)
        except (KeyError, IndexError, ValueError):
            return False
        fmt = QTextCharFormat()
        tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        tint.setAlpha(70)
        fmt.setBackground(tint)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = text_cursor(self.document(), s, e)
        sel.format = fmt
        self.setExtraSelections([*self.extraSelections(), sel])
        return True

    # -- geometry (viewport coordinates) -----------------------------------------------------
    def position_rect(self, qpos: int) -> QRect:
        return self.cursorRect(
            text_cursor(self.document(), max(0, min(qpos, self.document().characterCount() - 1)))
        )

    def span_rect(self, start: int, end: int) -> tuple[int, int]:
        """Top and bottom (viewport y) of the text from ``start`` to ``end``."""
        top = self.position_rect(start).top()
        bottom = self.position_rect(max(start, end - 1)).bottom()
        return top, max(bottom, top + self.fontMetrics().height())

    def claim_rect(self, claim_id: str) -> tuple[int, int]:
        idx = self.side_index
        assert idx is not None
        return self.span_rect(*idx.span(claim_id))

    def visible_range(self) -> tuple[int, int]:
        """First and last Qt positions shown in the viewport."""
        vp = self.viewport()
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(vp.width() - 1, vp.height() - 1)).position()
        return first, last

    def line_step(self) -> int:
        return max(1, self.fontMetrics().lineSpacing())

    def scroll_to_y(self, qpos: int, y: float) -> None:
        """Scroll so that the line holding ``qpos`` sits at viewport height ``y``."""
        sb = self.verticalScrollBar()
        held, self._formatting = self._formatting, True  # format once, where it ends
        try:
            for _ in range(4):  # line counts of blocks not yet laid out are estimates: converge
                delta = self.position_rect(qpos).top() - y
                lines = round(delta / self.line_step())
                if lines == 0:
                    break
                before = sb.value()
                sb.setValue(before + lines)
                if sb.value() == before:
                    break
        finally:
            self._formatting = held
        self.format_visible()

    # -- events ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        resized = event.oldSize().isValid() and event.oldSize() != event.size()
        if resized:
            self._relayout_starts()
        super().resizeEvent(event)
        self._place_side_widgets()
        if resized:
            self.restore_place()
        self.format_visible()
        self._frame_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        font_changed = event.type() == QEvent.Type.FontChange
        if font_changed:
            self._relayout_starts()
        super().changeEvent(event)
        if font_changed:
            self.restore_place()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Scrolling and resizing format first; this catches what moved into view otherwise
        # (a relayout, a jump by the text cursor).
        self.format_visible()
        super().paintEvent(event)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        self._margin.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        moved = self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 4
        self._press_pos = None
        if moved or self.index is None or event.button() is not Qt.MouseButton.LeftButton:
            return  # a drag selects text; only a click selects a change
        change = self.change_at_point(pos)
        if change is not None:
            self.changeClicked.emit(change.id)

    def change_at_point(self, pos: QPoint) -> Change | None:
        if self.index is None:
            return None
        return self.index.change_at(self.side, self.cursorForPosition(pos).position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_from_clipboard()
            return
        super().keyPressEvent(event)

    def paste_from_clipboard(self) -> None:
        """Paste the clipboard's text into an empty pane (a review's pane is never overwritten)."""
        if not self.takes_text():
            return
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        if text.strip() or html.strip():
            self.textPasted.emit(text, html)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu(event.pos()).exec(event.globalPos())

    def context_menu(self, pos: QPoint) -> QMenu:
        """The menu at ``pos`` (viewport coordinates): copy and select, on a claim of a change
        "Show in the other pane", on the start page's panes paste and clear."""
        menu = self.createStandardContextMenu(pos)
        change = self.change_at_point(pos) if self.index is not None else None
        if change is not None and change.is_change:
            other = "the rewrite" if self.side is Side.ORIGINAL else "the original"
            holds = bool(self.index.claim_ids(change, self.side.other)) if self.index else False
            menu.addSeparator()
            cid = change.id
            text = f"Show {cid} in the other pane ({other})" if holds else f"{cid} is not in {other}"
            show = menu.addAction(text, lambda: self.otherPaneRequested.emit(cid))
            show.setEnabled(holds)
        if self.takes_text():
            menu.addSeparator()
            menu.addAction(
                "Paste story text" if self.is_empty() else "Replace with pasted text",
                self.paste_from_clipboard,
            )
        if self.replaceable and not self.is_empty():
            menu.addAction("Clear", self.clear_story)
        return menu

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event) or (self.takes_text() and event.mimeData().hasText()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_files(event) or (self.takes_text() and event.mimeData().hasText()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event)
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
        elif self.takes_text() and event.mimeData().hasText():
            event.acceptProposedAction()
            mime = event.mimeData()
            self.textDropped.emit(mime.text(), mime.html() if mime.hasHtml() else "")
        else:
            event.ignore()


def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
