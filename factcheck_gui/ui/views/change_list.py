"""The change list: filters above a sortable table; it also answers next/previous/unreviewed.

Signals:
    currentChangeChanged(str): the selected row changed; carries the change id ("" for none).
    currentHidden(str): a filter hid the change on show (its id).
    hidingChanged(bool): punctuation-only changes are hidden (True) or shown again (False).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.engine.types import ChangeKind, FlagType
from factcheck_gui.review.docindex import ComparisonIndex
from factcheck_gui.review.punctuation import punctuation_only_of
from factcheck_gui.ui.models.change_model import (
    REVIEWED,
    UNREVIEWED,
    ChangeFilterProxy,
    ChangeIdRole,
    ChangeTableModel,
    Column,
    FlagTypesRole,
    VerdictRole,
)
from factcheck_gui.ui.shell.compact import FlowLayout

# The usual widths of the columns that are not story text (the story columns share the rest).
_COLUMN_WIDTHS = {Column.NUMBER: 48, Column.KIND: 110, Column.FLAGS: 130, Column.VERDICT: 130}
_STORY_COLUMN_WIDTH = 140  # what each story column keeps before the others narrow
_LEAST_COLUMN_SCALE = 0.6
_MOST_FLAGS_WIDTH = 320  # the Flags column widens to its texts up to this


class ChangeList(QWidget):
    """Filter bar and table of changes (see module docstring)."""

    currentChangeChanged = Signal(str)
    # The change on show was hidden by a filter: no verdict may go to it until the reader
    # chooses a visible one (its id is the argument).
    currentHidden = Signal(str)
    hidingChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChangeTableModel(self)
        self.proxy = ChangeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("changeTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for stretch in (Column.ORIGINAL, Column.REWRITE):
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._index: ComparisonIndex | None = None
        self._hide_punctuation = False  # View → Hide punctuation-only changes
        self._fitting = False
        self._flags_width = 0  # what the longest flag names of this comparison need
        self._columns_set = False  # the reader resized a column: their widths stay
        self._fit_columns()
        header.sectionResized.connect(self._on_section_resized)
        # The viewport's own resize: the table's comes before its viewport has the new width.
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        # The reader sorts anew: every row by its verdict now, the one just decided included.
        header.sortIndicatorChanged.connect(lambda _c, _o: self.proxy.unpin())

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem("All kinds", "")
        for kind in ChangeKind:
            self.kind_filter.addItem(kind.value, kind.value)
        self.flag_filter = QComboBox(self)
        self.flag_filter.setObjectName("flagFilter")
        self.flag_filter.addItem("Any or no flag", "")
        self.flag_filter.addItem("Flagged", "*")
        for flag in FlagType:
            self.flag_filter.addItem(flag.value.replace("_", " "), flag.value)
        self.verdict_filter = QComboBox(self)
        self.verdict_filter.setObjectName("verdictFilter")
        self.unreviewed_only = QCheckBox("&Unreviewed only", self)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self._filter(self.proxy.set_kind, self.kind_filter.currentData())
        )
        self.flag_filter.currentIndexChanged.connect(
            lambda _i: self._filter(self.proxy.set_flag, self.flag_filter.currentData())
        )
        self.verdict_filter.currentIndexChanged.connect(
            lambda _i: self._filter(self.proxy.set_verdict, self.verdict_filter.currentData() or "")
        )
        self.unreviewed_only.toggled.connect(lambda on: self._filter(self.proxy.set_unreviewed_only, on))
        self.set_scale(())

        # The filters wrap onto a second row in a narrow window rather than widen it; each
        # label stays beside its box.
        filters = FlowLayout(spacing=10)
        for label, w in (
            ("Kind", self.kind_filter),
            ("Flag", self.flag_filter),
            ("Verdict", self.verdict_filter),
        ):
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            lab = QLabel(label + ":", pair)
            lab.setBuddy(w)
            row.addWidget(lab)
            row.addWidget(w)
            filters.addWidget(pair)
        filters.addWidget(self.unreviewed_only)
        chain = (self.table, self.kind_filter, self.flag_filter, self.verdict_filter, self.unreviewed_only)
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        # In a widget of their own, whose minimum height follows the rows they wrap into: a
        # short list pane shrinks the table, never draws the table over the filters.
        self.filter_bar = QWidget(self)
        self.filter_bar.setLayout(filters)
        self._filters = filters
        self.filter_bar.installEventFilter(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.filter_bar, 1)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addLayout(bar)
        col.addWidget(self.table, 1)
        for sig in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            sig.connect(self._update_count)

    # -- column widths ----------------------------------------------------------------------
    def _fit_columns(self) -> None:
        """Kind, flags and verdict at their usual widths, narrowed (eliding) in a narrow list so
        that the two story columns keep some text to read."""
        if self._columns_set:
            return
        widths = {**_COLUMN_WIDTHS, Column.FLAGS: max(_COLUMN_WIDTHS[Column.FLAGS], self._flags_width)}
        fixed = sum(widths.values())
        room = self.table.viewport().width() - 2 * _STORY_COLUMN_WIDTH - widths[Column.NUMBER]
        scale = min(1.0, max(_LEAST_COLUMN_SCALE, room / (fixed - widths[Column.NUMBER])))
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for column, width in widths.items():
                header.resizeSection(column, width if column == Column.NUMBER else round(width * scale))
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in _COLUMN_WIDTHS:
            self._columns_set = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        elif obj is getattr(self, "filter_bar", None) and event.type() == QEvent.Type.Resize:
            need = self._filters.heightForWidth(self.filter_bar.width())
            if need != self.filter_bar.minimumHeight():
                self.filter_bar.setMinimumHeight(need)
                self.updateGeometry()  # the splitter above gives the list its new minimum height
        return super().eventFilter(obj, event)

    def set_scale(self, scale: tuple[str, ...]) -> None:
        """Offer the review's verdict values in the verdict filter."""
        self.verdict_filter.blockSignals(True)
        self.verdict_filter.clear()
        self.verdict_filter.addItem("Any verdict", "")
        self.verdict_filter.addItem("None yet", UNREVIEWED)
        self.verdict_filter.addItem("Any given", REVIEWED)
        for value in scale:
            self.verdict_filter.addItem(value, value)
        self.verdict_filter.blockSignals(False)
        self.proxy.set_verdict("")

    def set_comparison(
        self, index: ComparisonIndex | None, verdicts: dict[str, str], scale: tuple[str, ...]
    ) -> None:
        self.proxy.unpin()
        self.set_scale(scale)
        self._index = index
        self.proxy.set_hidden(self._punctuation_hidden())
        self.model.set_comparison(index, verdicts)
        self._flags_width = self._flags_column_need(index)
        self._fit_columns()
        self._update_count()

    def _flags_column_need(self, index: ComparisonIndex | None) -> int:
        """The Flags column's width for its longest text in this comparison (at most
        :data:`_MOST_FLAGS_WIDTH`): a flag name is never cut in a window that has the room."""
        if index is None:
            return 0
        combos = set(index.row_flag_types)  # (the worker's list: no pass over the changes' flags)
        texts = {", ".join(sorted(t.replace("_", " ") for t in combo)) for combo in combos if combo}
        metrics = self.table.fontMetrics()
        need = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        return min(_MOST_FLAGS_WIDTH, need + 16) if need else 0

    # -- hiding punctuation-only changes -------------------------------------------------------
    def _punctuation_hidden(self) -> frozenset[str]:
        if not self._hide_punctuation or self._index is None:
            return frozenset()
        return punctuation_only_of(self._index)  # (worked out in the worker that compared)

    def set_hide_punctuation(self, on: bool) -> None:
        """Hide the changes that only touch punctuation, white space or case (see
        :mod:`factcheck_gui.review.punctuation`); the count above the list says how many."""
        if on == self._hide_punctuation:
            return
        self._hide_punctuation = on
        self._filter(self.proxy.set_hidden, self._punctuation_hidden())
        self._update_count()
        self.hidingChanged.emit(on)

    @property
    def hides_punctuation(self) -> bool:
        return self._hide_punctuation

    def set_verdict(self, change_id: str, value: str | None) -> None:
        """Show a change's new verdict. The selected change stays where it is in the list
        (even under "Unreviewed only" or sorted by verdict) until the reader moves on."""
        if change_id and change_id == self.current_change_id():
            self.proxy.pin(change_id, self.model.verdict(change_id))
        self.model.set_verdict(change_id, value)

    def clear_filters(self) -> None:
        """Show every change (Review → Show all changes): the filters and the hiding off."""
        for combo in (self.kind_filter, self.flag_filter, self.verdict_filter):
            combo.setCurrentIndex(0)
        self.unreviewed_only.setChecked(False)
        self.set_hide_punctuation(False)

    def _update_count(self, *args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = f"{shown} of {total} shown" if shown != total else f"{total} changes"
        hidden = len(self.proxy.hidden())
        if hidden:
            text += f" · {hidden} punctuation-only hidden"
        self.count_label.setText(text)

    # -- selection and navigation ------------------------------------------------------------
    def current_change_id(self) -> str:
        idx = self.table.currentIndex()
        return str(idx.data(ChangeIdRole)) if idx.isValid() else ""

    def _filter(self, apply: Callable[[Any], None], value: object) -> None:
        """Change a filter. When it hides the change the reader chose, nothing stays current:
        Qt would move the current index to a neighbouring row without selecting it, and the
        next verdict key would rate a change the reader never chose."""
        chosen = self.current_change_id()
        apply(value)
        if not chosen:
            return
        row = self.model.row_of(chosen)
        if row >= 0 and self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            if self.current_change_id() != chosen:
                self.select_change(chosen)
            return
        self.table.selectionModel().clear()
        self.table.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        self.currentHidden.emit(chosen)

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        change_id = str(current.data(ChangeIdRole)) if current.isValid() else ""
        self.currentChangeChanged.emit(change_id)
        if self.proxy.pinned() and self.proxy.pinned() != change_id:
            self.proxy.unpin()  # the reader moved on: the change just decided goes where it belongs

    def is_shown(self, change_id: str) -> bool:
        """True when the filters let the change's row show."""
        row = self.model.row_of(change_id)
        return row >= 0 and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

    def select_row(self, row: int) -> bool:
        if not (0 <= row < self.proxy.rowCount()):
            return False
        idx = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(self.table.currentIndex())  # ``idx`` may be stale: rows can have moved
        return True

    def select_change(self, change_id: str) -> bool:
        """Select a change's row; when a filter hides it, the filters are cleared first."""
        row = self.model.row_of(change_id)
        if row < 0:
            return False
        pidx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not pidx.isValid():
            self.clear_filters()
            pidx = self.proxy.mapFromSource(self.model.index(row, 0))
        return self.select_row(pidx.row())

    def step(self, delta: int) -> bool:
        """Select the next (+1) or previous (-1) row in the list's current order."""
        cur = self.table.currentIndex()
        if not cur.isValid():
            return self.select_row(0 if delta > 0 else self.proxy.rowCount() - 1)
        return self.select_row(cur.row() + delta)

    def step_flagged(self, delta: int, *, unreviewed: bool = False) -> tuple[bool, bool]:
        """Select the next (+1) or previous (-1) shown row with a fact flag (``unreviewed``:
        and no verdict yet), wrapping around; (found, wrapped). Only the rows the filters
        show are candidates: a verdict key then rates a change the reader sees selected."""
        n = self.proxy.rowCount()
        cur = self.table.currentIndex()
        start = cur.row() if cur.isValid() else (-1 if delta > 0 else n)
        for k in range(1, n + 1):
            row = start + k * delta
            wrapped = not 0 <= row < n
            row %= n
            idx = self.proxy.index(row, 0)
            if idx.data(FlagTypesRole) and not (unreviewed and idx.data(VerdictRole)):
                return self.select_row(row), wrapped
        return False, False

    def next_unreviewed(self) -> bool:
        """Select the next row without a verdict after the current one, wrapping around."""
        n = self.proxy.rowCount()
        cur = self.table.currentIndex()
        start = cur.row() if cur.isValid() else -1
        for k in range(1, n + 1):
            row = (start + k) % n
            if not self.proxy.index(row, 0).data(VerdictRole):
                return self.select_row(row)
        return False
