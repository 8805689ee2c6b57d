"""The side-by-side view: two story panes, the link curtain, a legend and a find bar.

Signals:
    changeActivated(str): the reader clicked a claim or a band; carries the change id.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.review.docindex import ComparisonIndex, Side
from factcheck_gui.ui.shell.compact import ElidedLabel, FlowLayout
from factcheck_gui.ui.views.curtain import LinkCurtain
from factcheck_gui.ui.views.highlight import legend_items
from factcheck_gui.ui.views.inline_view import InlineView
from factcheck_gui.ui.views.keep_place import Placeable, keeping_place
from factcheck_gui.ui.views.pane import StoryPane
from factcheck_gui.ui.views.sync import ScrollSync


class Legend(QWidget):
    """Swatch, mark and name of each change kind, plus what the text decorations mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self, spacing=12)  # wraps in a narrow window rather than widen it
        row.setContentsMargins(6, 2, 6, 2)
        for colour, mark, label in legend_items():
            lab = QLabel(self)
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setText(f'<span style="background:{colour};color:#000">&nbsp;{mark}&nbsp;</span> {label}')
            lab.setObjectName(f"legend-{label}")
            row.addWidget(lab)
        deco = QLabel(self)
        deco.setTextFormat(Qt.TextFormat.RichText)
        deco.setText(
            "<s>deleted</s> · <u>inserted</u> · "
            '<span style="text-decoration: underline wavy">flagged</span> · <b>fact token</b>'
        )
        row.addWidget(deco)


FIND_STATUSES = ("in the original", "in the rewrite", "not found")


class FindBar(QWidget):
    """Ctrl+F: find in the pane that last had focus; Enter next, Shift+Enter previous."""

    def __init__(self, view: ComparisonView) -> None:
        super().__init__(view)
        self._view = view
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in the story…")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        # Room for the longest answer from the start, so the buttons never shift.
        metrics = self.status.fontMetrics()
        self.status.setFixedWidth(max(metrics.horizontalAdvance(t) for t in FIND_STATUSES) + 12)
        prev_btn = QPushButton("Previous", self)
        next_btn = QPushButton("Next", self)
        close_btn = QPushButton("Close", self)
        prev_btn.clicked.connect(lambda: self.find_text(backward=True))
        next_btn.clicked.connect(lambda: self.find_text())
        close_btn.clicked.connect(self.close_bar)
        self.edit.returnPressed.connect(self.find_text)
        for w in (QLabel("Find:", self), self.edit, prev_btn, next_btn, self.status, close_btn):
            row.addWidget(w)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._view.last_pane.setFocus()

    def find_text(self, *, backward: bool = False) -> bool:
        """Find the next (or previous) match, going on into the other pane, then wrapping around.

        The search starts in the pane that last had focus, from its cursor; past its last match
        it goes on in the other pane from the top (backward: from the bottom), then back round.
        A pane is only moved when a match is shown in it: "not found" leaves both views alone.
        """
        text = self.edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        here = self._view.last_pane
        there = self._view.right if here is self._view.left else self._view.left
        found = None
        # From the cursor in this pane, then the other pane from its edge, then this one round.
        for pane, from_edge in ((here, False), (there, True), (here, True)):
            start = pane.textCursor()
            if from_edge:
                start = QTextCursor(pane.document())
                edge = QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
                start.movePosition(edge)
            cur = pane.document().find(text, start, flags)
            if not cur.isNull():
                found = pane, cur
                break
        if found is None:
            self.status.setText(FIND_STATUSES[-1])
            return False
        pane, cur = found
        pane.setTextCursor(cur)
        pane.ensureCursorVisible()
        self._view.last_pane = pane
        side = "original" if pane.side is Side.ORIGINAL else "rewrite"
        self.status.setText(f"in the {side}")
        return True

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

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(obj, StoryPane):
            self.last_pane = obj
        return super().eventFilter(obj, event)

    def set_index(self, index: ComparisonIndex | None) -> None:
        """Show a comparison (None clears both panes)."""
        self.index = index
        for pane in (self.left, self.right):
            pane.set_index(index)
        self.sync.set_index(index)
        self.curtain.set_index(index)
        self.inline.set_index(index)
        if index is not None:
            self.left_title.setText(f"Original — {index.comparison.original.name}")
            self.right_title.setText(f"Rewrite — {index.comparison.rewrite.name}")
        else:
            self.left_title.setText("Original")
            self.right_title.setText("Rewrite")

    def refresh_theme(self) -> None:
        for pane in (self.left, self.right):
            pane.refresh_theme()
        self.curtain.update()
        self.inline.refresh_theme()

    def show_change(self, change_id: str) -> None:
        """Select a change: emphasise it in both panes and bring it level in both."""
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
        return self.left.verticalScrollBar().value(), self.right.verticalScrollBar().value()

    def restore_scroll(self, left: int, right: int) -> None:
        with self.sync.hold():
            self.left.verticalScrollBar().setValue(left)
            self.right.verticalScrollBar().setValue(right)

    def set_inline(self, on: bool) -> None:
        """One column (the inline view) instead of the two panes and the curtain, or back."""
        for w in (self.left, self.right, self.curtain, self.left_title, self.right_title):
            w.setVisible(not on)
        self.inline.setVisible(on)
        if on:
            self.inline.show_change(self.inline.current_change_id)

    @contextmanager
    def keeping_place(self) -> Iterator[None]:
        """Keep the selected change (else the top line) where it is on screen in each story view
        shown while their font or size changes (see :mod:`.keep_place`)."""
        cid = self.left.current_change_id
        views: list[tuple[Placeable, int | None]] = []
        for pane in (self.left, self.right):
            side = pane.side_index
            ids = self.index.claim_ids(self.index.change(cid), pane.side) if self.index and cid else ()
            views.append((pane, side.span(ids[0])[0] if side is not None and ids else None))
        views.append((self.inline, self.inline.change_start(cid)))
        with self.sync.hold(), keeping_place([(v, pos) for v, pos in views if v.viewport().isVisible()]):
            yield
