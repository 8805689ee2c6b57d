"""The side-by-side view: two story panes, the link curtain, a legend and a find bar.

Signals:
    changeActivated(str): the reader clicked a claim or a band; carries the change id.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from math import ceil

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QShortcut,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.review.docindex import ComparisonIndex, Side
from factcheck_gui.review.search import Hit, StorySearch
from factcheck_gui.ui.shell.compact import ElidedLabel, FlowLayout
from factcheck_gui.ui.views.curtain import LinkCurtain
from factcheck_gui.ui.views.highlight import legend_items, story_format
from factcheck_gui.ui.views.inline_view import InlineView
from factcheck_gui.ui.views.keep_place import Placeable, keeping_place
from factcheck_gui.ui.views.pane import StoryPane, text_cursor
from factcheck_gui.ui.views.sync import ScrollSync


class FormatSample(QWidget):
    """A word drawn with a story pane's character format (the legend's samples)."""

    def __init__(self, text: str, keys: frozenset[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.keys = keys
        self.format = story_format(keys, self.palette())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def refresh(self, palette: QPalette) -> None:
        self.format = story_format(self.keys, palette)
        self.updateGeometry()
        self.update()

    def _layout(self) -> QTextLayout:
        layout = QTextLayout(self.text, self.font())
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = 0, len(self.text), self.format
        layout.setFormats([r])
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(10_000)
        layout.endLayout()
        return layout

    def sizeHint(self) -> QSize:
        layout = self._layout()  # kept while its line is read
        line = layout.lineAt(0)
        return QSize(ceil(line.naturalTextWidth()) + 2, ceil(line.height()) + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        background = self.format.background()
        if background.style() != Qt.BrushStyle.NoBrush:
            painter.fillRect(self.rect(), background)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        layout = self._layout()
        layout.draw(painter, QPointF(1, 1))
        painter.end()


class Legend(QWidget):
    """Each change kind (its mark on the tint the panes give it) and what the text decorations
    mean, every sample drawn with exactly the format the panes use (``story_format``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self, spacing=12)  # wraps in a narrow window rather than widen it
        row.setContentsMargins(6, 2, 6, 2)
        self.samples: dict[str, FormatSample] = {}
        for item in legend_items():
            entry = QWidget(self)
            pair = QHBoxLayout(entry)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.setSpacing(4)
            sample = FormatSample(item.sample, item.keys, entry)
            pair.addWidget(sample)
            name = item.name
            if item.label:
                label = QLabel(item.label, entry)
                label.setTextFormat(Qt.TextFormat.PlainText)
                pair.addWidget(label)
            entry.setObjectName(f"legend-{name}")
            self.samples[name] = sample
            row.addWidget(entry)

    def refresh_theme(self, palette: QPalette) -> None:
        for sample in self.samples.values():
            sample.refresh(palette)


NO_MATCH = "no match"
PREPARING = "searching…"
READY_POLL_MS = 25
# The longest answer the bar gives, for the width it keeps from the start.
_LONGEST_STATUS = "88888 of 88888 · rewrite"


class FindBar(QWidget):
    """Ctrl+F: find in both panes; Enter or F3 next, Shift+Enter or Shift+F3 previous.

    A hit selects the change that holds it (in the change list, both panes and the verdict
    panel), its words are selected in its pane and nothing stays selected in the other pane;
    the bar says which hit of how many is shown ("3 of 17 · rewrite", "no match"). While the
    inline view is shown, Find searches the text shown there instead ("2 of 5 · inline"): the
    hit is selected in the column and its change selected the same way.
    """

    def __init__(self, view: ComparisonView) -> None:
        super().__init__(view)
        self._view = view
        self._search: StorySearch | None = None  # for the comparison shown
        self._current: Hit | None = None  # the match shown
        self._inline_hit: tuple[int, int] | None = None  # the match shown in the inline view
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in the story…")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._on_text_changed)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # Room for the longest answer from the start, so the buttons never shift.
        metrics = self.status.fontMetrics()
        self.status.setFixedWidth(
            max(metrics.horizontalAdvance(t) for t in (_LONGEST_STATUS, NO_MATCH, PREPARING)) + 12
        )
        prev_btn = QPushButton("Previous", self)
        next_btn = QPushButton("Next", self)
        close_btn = QPushButton("Close", self)
        prev_btn.setToolTip("Previous match (Shift+Enter, Shift+F3)")
        next_btn.setToolTip("Next match (Enter, F3)")
        prev_btn.clicked.connect(lambda: self.find_text(backward=True))
        next_btn.clicked.connect(lambda: self.find_text())
        close_btn.clicked.connect(self.close_bar)
        self.edit.returnPressed.connect(self.find_text)
        for w in (QLabel("Find:", self), self.edit, prev_btn, next_btn, self.status, close_btn):
            row.addWidget(w)
        # F3 / Shift+F3 anywhere in the comparison view (the panes too) once there is a text.
        for key, backward in (("F3", False), ("Shift+F3", True)):
            sc = QShortcut(QKeySequence(key), view)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda backward=backward: self._again(backward=backward))
        self.hide()

    def open_bar(self) -> None:
        self.search()  # a long story is lower-cased while the reader types
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        if self._inline_shown():
            self._view.inline.setFocus()
        else:
            self._view.last_pane.setFocus()

    def _on_text_changed(self, _text: str) -> None:
        self._current = None
        self._inline_hit = None
        self.status.setText("")

    def _again(self, *, backward: bool) -> None:
        if not self.edit.text():
            self.open_bar()
            return
        self.find_text(backward=backward)

    def search(self) -> StorySearch | None:
        """The search over the comparison shown (made once per comparison; a long story is
        prepared in a thread of its own, see :class:`StorySearch`)."""
        index = self._view.index
        if index is None:
            self._search = None
        elif self._search is None or self._search.index is not index:
            self._search = StorySearch(index)
            self._current = None
        if self._search is not None:
            self._search.start()
        return self._search

    def _when_ready(self, backward: bool) -> None:
        """Enter was pressed while a long story (or the inline view's column) was still being
        prepared: find once it is."""
        if not self.edit.text() or not self.isVisible():
            return
        if self._inline_shown():
            inline = self._view.inline
            if inline.built is not None and inline.built.search is not None:
                self.find_text(backward=backward)
            elif inline.index is not None and inline.building:
                QTimer.singleShot(READY_POLL_MS, lambda: self._when_ready(backward))
            else:  # the column could not be prepared: nothing to search
                self.status.setText(NO_MATCH)
            return
        search = self._search
        if search is None:
            return
        if search.ready:
            self.find_text(backward=backward)
        else:
            QTimer.singleShot(READY_POLL_MS, lambda: self._when_ready(backward))

    def _inline_shown(self) -> bool:
        return self._view.inline.isVisibleTo(self._view)

    def _pane(self, side: Side) -> StoryPane:
        return self._view.left if side is Side.ORIGINAL else self._view.right

    def _start(self, *, backward: bool) -> tuple[Side, int]:
        """Where the next search starts: after (before) the match shown while its words are
        still selected, else from the cursor of the pane that last had focus."""
        hit = self._current
        if hit is not None:
            cur = self._pane(hit.side).textCursor()
            if (cur.selectionStart(), cur.selectionEnd()) == (hit.start, hit.end):
                return hit.side, hit.start if backward else hit.end
        pane = self._view.last_pane
        cur = pane.textCursor()
        return pane.side, cur.selectionStart() if backward else cur.selectionEnd()

    def find_text(self, *, backward: bool = False) -> bool:
        """Show the next (or previous) match: select its change, its words in its pane, and
        say which of how many it is. "no match" leaves both panes and the selection alone."""
        needle = self.edit.text()
        if self._inline_shown():
            return self._find_inline(needle, backward=backward)
        search = self.search()
        if not needle or search is None:
            return False
        if not search.ready:  # a long story's first search: a moment, never a wait here
            self.status.setText(PREPARING)
            QTimer.singleShot(READY_POLL_MS, lambda: self._when_ready(backward))
            return False
        side, qpos = self._start(backward=backward)
        hit = search.step(needle, side, qpos, backward=backward)
        if hit is None:
            self.status.setText(NO_MATCH)
            return False
        self._current = hit
        self._show(hit)
        where = "original" if hit.side is Side.ORIGINAL else "rewrite"
        self.status.setText(f"{search.ordinal(needle, hit)} of {search.total(needle)} · {where}")
        return True

    def _find_inline(self, needle: str, *, backward: bool) -> bool:
        """Find in the inline view's column (see the class docstring)."""
        inline = self._view.inline
        if not needle or inline.index is None:
            return False
        built = inline.built
        if built is None or built.search is None:  # the column is being built: a moment
            self.status.setText(PREPARING)
            QTimer.singleShot(READY_POLL_MS, lambda: self._when_ready(backward))
            return False
        search = built.search
        cur = inline.textCursor()
        shown = self._inline_hit
        if shown is not None and (cur.selectionStart(), cur.selectionEnd()) == shown:
            qpos = shown[0] if backward else shown[1]
        else:
            qpos = cur.selectionStart() if backward else cur.selectionEnd()
        hit = search.step(needle, qpos, backward=backward)
        if hit is None:
            self.status.setText(NO_MATCH)
            return False
        start, end = hit
        change_id = built.change_at(start)
        if change_id and change_id != inline.current_change_id:
            self._view.changeActivated.emit(change_id)  # the list, the column, the verdict panel
        inline.setTextCursor(text_cursor(inline.document(), start, end))
        inline.ensureCursorVisible()
        self._inline_hit = hit
        self.status.setText(f"{search.ordinal(needle, start)} of {search.total(needle)} · inline")
        return True

    def _show(self, hit: Hit) -> None:
        view = self._view
        pane = self._pane(hit.side)
        other = view.right if pane is view.left else view.left
        index = view.index
        if index is not None:
            change = index.change_at(hit.side, hit.start)
            if change is not None and change.id != pane.current_change_id:
                view.changeActivated.emit(change.id)  # the list, both panes, the verdict panel
        # The other pane's old hit is no longer shown as selected.
        keep = other.textCursor()
        if keep.hasSelection():
            keep.clearSelection()
            other.setTextCursor(keep)
        pane.setTextCursor(text_cursor(pane.document(), hit.start, hit.end))
        pane.ensureCursorVisible()
        view.last_pane = pane

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event)  # type: ignore[call-overload]
            if key.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if (
                key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and key.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.find_text(backward=True)
                return True
        return super().eventFilter(obj, event)


class ComparisonView(QWidget):
    """Panes, curtain, legend and find bar for one comparison (see module docstring)."""

    changeActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = StoryPane(Side.ORIGINAL, self)
        self.right = StoryPane(Side.REWRITE, self)
        self.last_pane = self.left
        self.sync = ScrollSync(self.left, self.right)
        self.curtain = LinkCurtain(self.left, self.right, self.sync, self)
        self.curtain.on_click.append(self.changeActivated.emit)
        # Plain text (file names are untrusted text), shortened in the middle when a long file
        # name would not fit: the window stays as narrow as the reader wants it.
        self.left_title = ElidedLabel("Original", self)
        self.right_title = ElidedLabel("Rewrite", self)
        for t in (self.left_title, self.right_title):
            t.setObjectName("paneTitle")
        self.legend = Legend(self)
        self.find_bar = FindBar(self)

        titles = QHBoxLayout()
        titles.addWidget(self.left_title, 1)
        titles.addSpacing(self.curtain.sizeHint().width())
        titles.addWidget(self.right_title, 1)
        panes = QHBoxLayout()
        panes.setSpacing(0)
        panes.addWidget(self.left, 1)
        panes.addWidget(self.curtain)
        panes.addWidget(self.right, 1)
        self.inline = InlineView(self)  # View → Inline view: one column instead of the two panes
        self.inline.hide()
        self.inline.changeClicked.connect(self.changeActivated.emit)
        panes.addWidget(self.inline, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addLayout(titles)
        col.addLayout(panes, 1)
        col.addWidget(self.find_bar)
        col.addWidget(self.legend)
        for pane in (self.left, self.right):
            pane.changeClicked.connect(self.changeActivated.emit)
            pane.installEventFilter(self)
        self.index: ComparisonIndex | None = None
        self._rewrite_pending: ComparisonIndex | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(obj, StoryPane):
            self.last_pane = obj
        return super().eventFilter(obj, event)

    def set_index(self, index: ComparisonIndex | None, *, rewrite_later: bool = False) -> None:
        """Show a comparison (None clears both panes).

        ``rewrite_later``: the rewrite's pane is filled by :meth:`fill_rewrite` (at the next turn
        of the event loop, say), so that laying out two long stories is not one long turn;
        anything that needs the pane before then fills it first.
        """
        self.index = index
        self._rewrite_pending = index if rewrite_later and index is not None else None
        self.left.set_index(index)
        self.inline.set_index(index)
        if self._rewrite_pending is None:
            self._fill_rewrite(index)
        else:  # empty meanwhile: nothing reads a story that is not in it yet
            self._fill_rewrite(None)
        if index is not None:
            self.left_title.setText(f"Original — {index.comparison.original.name}")
            self.right_title.setText(f"Rewrite — {index.comparison.rewrite.name}")
        else:
            self.left_title.setText("Original")
            self.right_title.setText("Rewrite")

    def fill_rewrite(self) -> None:
        """Fill the rewrite's pane held back by ``set_index(…, rewrite_later=True)``; a no-op
        when it is filled."""
        pending, self._rewrite_pending = self._rewrite_pending, None
        if pending is not None and pending is self.index:
            self._fill_rewrite(pending)

    def _fill_rewrite(self, index: ComparisonIndex | None) -> None:
        self.right.set_index(index)
        self.sync.set_index(index)
        self.curtain.set_index(index)

    def refresh_theme(self) -> None:
        for pane in (self.left, self.right):
            pane.refresh_theme()
        self.legend.refresh_theme(self.left.palette())
        self.curtain.update()
        self.inline.refresh_theme()

    def show_change(self, change_id: str) -> None:
        """Select a change: emphasise it in both panes and bring it level in both."""
        self.fill_rewrite()
        for pane in (self.left, self.right):
            pane.set_current(change_id)
        self.curtain.set_current(change_id)
        self.inline.show_change(change_id)
        if self.index is None or not change_id:
            return
        change = self.index.change(change_id)
        y = self.left.viewport().height() / 3
        with self.sync.hold():
            if change.original:
                self.left.scroll_to_y(self.index.sides[Side.ORIGINAL].span(change.original[0])[0], y)
            if change.rewrite:
                self.right.scroll_to_y(self.index.sides[Side.REWRITE].span(change.rewrite[0])[0], y)
        if not change.rewrite:
            self.sync.follow(Side.ORIGINAL)
        elif not change.original:
            self.sync.follow(Side.REWRITE)

    def scroll_state(self) -> tuple[int, int]:
        self.fill_rewrite()
        return self.left.verticalScrollBar().value(), self.right.verticalScrollBar().value()

    def restore_scroll(self, left: int, right: int) -> None:
        self.fill_rewrite()
        with self.sync.hold():
            self.left.verticalScrollBar().setValue(left)
            self.right.verticalScrollBar().setValue(right)

    def set_inline(self, on: bool) -> None:
        """One column (the inline view) instead of the two panes and the curtain, or back."""
        self.fill_rewrite()
        for w in (self.left, self.right, self.curtain, self.left_title, self.right_title):
            w.setVisible(not on)
        self.inline.setVisible(on)
        if on:
            self.inline.show_change(self.inline.current_change_id)

    @contextmanager
    def keeping_place(self) -> Iterator[None]:
        """Keep the selected change (else the top line) where it is on screen in each story view
        shown while their font or size changes (see :mod:`.keep_place`)."""
        self.fill_rewrite()
        cid = self.left.current_change_id
        views: list[tuple[Placeable, int | None]] = []
        for pane in (self.left, self.right):
            side = pane.side_index
            ids = self.index.claim_ids(self.index.change(cid), pane.side) if self.index and cid else ()
            views.append((pane, side.span(ids[0])[0] if side is not None and ids else None))
        views.append((self.inline, self.inline.change_start(cid)))
        with self.sync.hold(), keeping_place([(v, pos) for v, pos in views if v.viewport().isVisible()]):
            yield
