"""Qt item models over a comparison's changes: a thin table adapter and its filter proxy."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.engine.types import Change, ChangeKind
from factcheck_gui.review.docindex import ComparisonIndex, one_line
from factcheck_gui.ui.shell.theme import KIND_STYLES, kind_tint

ChangeIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
FlagTypesRole = Qt.ItemDataRole.UserRole + 3
VerdictRole = Qt.ItemDataRole.UserRole + 4
SortRole = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    KIND = 1
    FLAGS = 2
    ORIGINAL = 3
    REWRITE = 4
    VERDICT = 5
    # Only in a several-source review (the model has this column then, not for a pair): the
    # sources of the change, "from: Reuters, press release" or "from no source".
    SOURCES = 6


HEADERS = {
    Column.NUMBER: "#",
    Column.KIND: "Kind",
    Column.FLAGS: "Flags",
    Column.ORIGINAL: "Original",
    Column.REWRITE: "Rewrite",
    Column.VERDICT: "Verdict",
    Column.SOURCES: "From",
}


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written ("" for none).

    Qt renders a tooltip that merely looks like HTML as HTML; story text, flag messages and
    file names must stay inert, so they are escaped into a paragraph of their own.
    """
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


_one_line = one_line  # the list's single-line form of a story text (built in the worker)


class ChangeTableModel(QAbstractTableModel):
    """One row per change a reviewer has to look at; verdict values come from the review."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index: ComparisonIndex | None = None
        self._rows: list[Change] = []
        self._texts: list[tuple[str, str]] = []
        self._verdicts: dict[str, str] = {}
        self._row_of: dict[str, int] = {}
        self._kinds: list[str] = []
        self._flag_types: list[frozenset[str]] = []
        self._from: list[str] = []  # a several-source review's "from: …" per row; [] for a pair
        self._columns = len(Column) - 1  # Column.SOURCES only for a several-source review

    def set_comparison(self, index: ComparisonIndex | None, verdicts: dict[str, str] | None = None) -> None:
        """Replace all rows (``verdicts`` maps change id → verdict value)."""
        self.beginResetModel()
        self._index = index
        self._rows = list(index.review_changes) if index is not None else []
        self._texts = index.row_texts if index is not None else []  # one-line texts, from the worker
        self._verdicts = {k: v for k, v in (verdicts or {}).items() if v}
        # Made by the worker with the index: no pass over every row on the GUI thread.
        self._row_of = index.review_row if index is not None else {}
        self._kinds = index.row_kinds if index is not None else []
        self._flag_types = index.row_flag_types if index is not None else []
        several = sourced(index.comparison) if index is not None else None
        self._from = [several.from_line(c) for c in self._rows] if several is not None else []
        self._columns = len(Column) if several is not None else len(Column) - 1
        self.endResetModel()

    def set_verdict(self, change_id: str, value: str | None) -> None:
        """Show a new verdict for one change."""
        if value:
            self._verdicts[change_id] = value
        else:
            self._verdicts.pop(change_id, None)
        row = self._row_of.get(change_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self._columns - 1))

    def verdict(self, change_id: str) -> str:
        return self._verdicts.get(change_id, "")

    def reviewed_count(self) -> int:
        return sum(1 for c in self._rows if c.id in self._verdicts)

    def row_of(self, change_id: str) -> int:
        return self._row_of.get(change_id, -1)

    def change_at(self, row: int) -> Change:
        return self._rows[row]

    # -- plain lists for the filter proxy (no Qt call per row) --------------------------------
    def kinds(self) -> list[str]:
        """Kind value of each row."""
        return self._kinds

    def flag_types(self) -> list[frozenset[str]]:
        """Flag type values of each row."""
        return self._flag_types

    def verdict_at(self, row: int) -> str:
        return self._verdicts.get(self._rows[row].id, "")

    def sort_keys(self, column: int) -> list[Any]:
        """The sort key of every row for ``column`` (what :data:`SortRole` returns)."""
        col = Column(column)
        if col == Column.NUMBER:
            return list(range(len(self._rows)))  # the rows are in the engine's order
        if col == Column.KIND:
            return self._kinds
        if col == Column.FLAGS:
            return [-len(c.flags) for c in self._rows]
        if col in (Column.ORIGINAL, Column.REWRITE):
            side = 0 if col == Column.ORIGINAL else 1
            return [t[side].casefold() for t in self._texts]
        if col == Column.SOURCES:
            return [f.casefold() for f in self._from] or [""] * len(self._rows)
        return [self._verdicts.get(c.id, "\uffff") for c in self._rows]

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self._columns
        ):
            return HEADERS[Column(section)]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # (asked for every painted cell: one value, not three enum operations in Python)
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row: int, column: int, role: int) -> Any:
        """:meth:`data` of a row and column (the proxy asks here, without a model index)."""
        if role not in _ROLES or not (0 <= row < len(self._rows)) or not (0 <= column < self._columns):
            return None  # the view asks for a dozen roles per cell while painting: most are none
        ch = self._rows[row]
        col = _COLUMNS[column]
        if role == ChangeIdRole:
            return ch.id
        if role == KindRole:
            return ch.kind.value
        if role == FlagTypesRole:
            return sorted({f.type.value for f in ch.flags})
        if role == VerdictRole:
            return self._verdicts.get(ch.id, "")
        if role == SortRole:
            return self._sort_key(ch, row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ch, row, col, tooltip=False)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._display(ch, row, col, tooltip=True))
        if role == Qt.ItemDataRole.BackgroundRole and col == Column.KIND:
            pal: QPalette = QApplication.palette()
            return kind_tint(ch.kind, pal, strong=True)
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.VERDICT and ch.id not in self._verdicts:
            return QColor(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        return None

    def _display(self, ch: Change, row: int, col: Column, *, tooltip: bool) -> str:
        if col == Column.NUMBER:
            return ch.id
        if col == Column.KIND:
            label = f"{KIND_STYLES[ch.kind].mark} {ch.kind.value}"
            return label + (" (moved)" if ch.moved and ch.kind is not ChangeKind.MOVED else "")
        if col == Column.FLAGS:
            if tooltip:
                return "\n".join(f.message for f in ch.flags)
            return ", ".join(sorted({f.type.value.replace("_", " ") for f in ch.flags}))
        if col == Column.ORIGINAL:
            return self._texts[row][0] or "—"
        if col == Column.REWRITE:
            return self._texts[row][1] or "—"
        if col == Column.SOURCES:
            return self._from[row] if self._from else ""
        return self._verdicts.get(ch.id, "" if tooltip else "unreviewed")

    def _sort_key(self, ch: Change, row: int, col: Column) -> Any:
        if col == Column.NUMBER or self._index is None:
            return self._index.order(ch.id) if self._index is not None else row
        if col == Column.KIND:
            return ch.kind.value
        if col == Column.FLAGS:
            return -len(ch.flags)
        if col == Column.ORIGINAL:
            return self._texts[row][0].casefold()
        if col == Column.REWRITE:
            return self._texts[row][1].casefold()
        if col == Column.SOURCES:
            return self._from[row].casefold() if self._from else ""
        return self._verdicts.get(ch.id, "\uffff")  # unreviewed last


_COLUMNS = tuple(Column)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ROLES = frozenset(
    {
        ChangeIdRole,
        KindRole,
        FlagTypesRole,
        VerdictRole,
        SortRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
    }
)

UNREVIEWED = "\x00unreviewed"  # verdict filter value that matches rows without a verdict
REVIEWED = "\x00reviewed"  # verdict filter value that matches rows with any verdict


class ChangeFilterProxy(QAbstractProxyModel):
    """Sorts and filters the rows of a :class:`ChangeTableModel` by kind, flag, verdict, unreviewed.

    The work is plain Python over the model's lists (a few milliseconds for thousands of
    changes), never a Qt callback per row: a filter or a sort is one layout change, with the
    current and selected rows carried over as persistent indexes. The rows arrive in the
    engine's order, which is the "#" order, so the usual view needs no sorting at all.

    A *pinned* change (:meth:`pin`, the one the reader is deciding on) is sorted and filtered
    by the verdict it had when pinned, so giving it a verdict neither hides it ("Unreviewed
    only") nor moves it (sorted by verdict) under the reader: J then goes on to the row that
    was next, and the reviewed row leaves the view once the reader has moved on (:meth:`unpin`).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._flag = ""
        self._verdict = ""
        self._unreviewed_only = False
        self._hidden: frozenset[str] = frozenset()  # change ids hidden whatever the filters say
        self._pinned: tuple[str, str] | None = None  # change id, its verdict when pinned
        self._sort_column = int(Column.NUMBER)
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted: list[int] = []  # source rows in sort order
        self._shown: list[int] = []  # the source rows shown, in sort order
        self._proxy_row: list[int] = []  # source row -> proxy row (-1: hidden)
        self._key_cache: dict[int, list[Any]] = {}  # sort keys that do not change with verdicts
        self._table: ChangeTableModel | None = None  # the source model (read once per painted cell)

    def _source(self) -> ChangeTableModel | None:
        return self._table

    # -- source model --------------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            for sig, slot in self._connections(old):
                sig.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._table = model if isinstance(model, ChangeTableModel) else None
        if model is not None:
            for sig, slot in self._connections(model):
                sig.connect(slot)
        self._recompute(resort=True)
        self.endResetModel()

    def _connections(self, model: QAbstractItemModel) -> list[tuple[Any, Any]]:
        return [
            (model.modelAboutToBeReset, self._source_about_to_reset),
            (model.modelReset, self._source_reset),
            (model.dataChanged, self._source_data_changed),
        ]

    def _source_about_to_reset(self) -> None:
        self.beginResetModel()

    def _source_reset(self) -> None:
        self._key_cache.clear()
        self._recompute(resort=True)
        self.endResetModel()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Any = ()) -> None:
        model = self._source()
        if model is None:
            return
        rows = range(top.row(), bottom.row() + 1)
        # A verdict moves a row only when the rows are sorted or filtered by verdict.
        by_verdict = self._sort_column == Column.VERDICT or self._verdict or self._unreviewed_only
        if by_verdict and self._relayout(resort=self._sort_column == Column.VERDICT):
            return  # the layout change repaints every row
        for r in rows:
            pr = self._proxy_row[r] if 0 <= r < len(self._proxy_row) else -1
            if pr >= 0:
                self.dataChanged.emit(self.index(pr, top.column()), self.index(pr, bottom.column()))

    # -- the rows ---------------------------------------------------------------------------------
    def _verdict_of_row(self, model: ChangeTableModel, row: int) -> str:
        if self._pinned is not None and model.change_at(row).id == self._pinned[0]:
            return self._pinned[1]
        return model.verdict_at(row)

    def _keys(self, model: ChangeTableModel, column: int) -> list[Any]:
        if column == Column.VERDICT:
            keys = model.sort_keys(column)
            if self._pinned is not None:
                row = model.row_of(self._pinned[0])
                if row >= 0:
                    keys[row] = self._pinned[1] or "\uffff"  # unreviewed last, as the model has it
            return keys
        cached = self._key_cache.get(column)
        if cached is None:
            cached = self._key_cache[column] = model.sort_keys(column)
        return cached

    def _recompute(self, *, resort: bool) -> None:
        """Work out the rows shown (sorting again first when ``resort``)."""
        model = self._source()
        n = model.rowCount() if model is not None else 0
        if model is None or not n:
            self._sorted, self._shown, self._proxy_row = [], [], []
            return
        if resort or len(self._sorted) != n:
            keys = self._keys(model, self._sort_column)
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            if self._sort_column == Column.NUMBER:
                self._sorted = list(range(n - 1, -1, -1)) if descending else list(range(n))
            else:  # stable, as Qt's sort: equal keys keep the engine's order either way
                self._sorted = sorted(range(n), key=keys.__getitem__, reverse=descending)
        shown = self._sorted
        if self.is_filtering():
            accept = self._accepted(model, n)
            shown = [r for r in shown if accept[r]]
        else:
            shown = list(shown)
        self._shown = shown
        pos = [-1] * n
        for i, r in enumerate(shown):
            pos[r] = i
        self._proxy_row = pos

    def _accepted(self, model: ChangeTableModel, n: int) -> list[bool]:
        ok = [True] * n
        if self._kind:
            kind = self._kind
            ok = [a and k == kind for a, k in zip(ok, model.kinds(), strict=True)]
        if self._flag == "*":
            ok = [a and bool(f) for a, f in zip(ok, model.flag_types(), strict=True)]
        elif self._flag:
            flag = self._flag
            ok = [a and flag in f for a, f in zip(ok, model.flag_types(), strict=True)]
        if self._hidden:
            hidden = self._hidden
            ok = [a and model.change_at(r).id not in hidden for r, a in enumerate(ok)]
        if self._verdict or self._unreviewed_only:
            for r in range(n):
                if not ok[r]:
                    continue
                verdict = self._verdict_of_row(model, r)
                if self._unreviewed_only and verdict:
                    ok[r] = False
                elif self._verdict == UNREVIEWED:
                    ok[r] = not verdict
                elif self._verdict == REVIEWED:
                    ok[r] = bool(verdict)
                elif self._verdict and verdict != self._verdict:
                    ok[r] = False
        return ok

    def _relayout(self, *, resort: bool) -> bool:
        """Recompute the rows as one layout change; False (and no signal) when nothing moved."""
        old_shown = self._shown
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        sources = [old_shown[i.row()] if 0 <= i.row() < len(old_shown) else -1 for i in before]
        self._recompute(resort=resort)
        if self._shown == old_shown:
            # Nothing moved: close the change without remapping (cheap for the views).
            self.layoutChanged.emit()
            return False
        after = []
        for idx, src in zip(before, sources, strict=True):
            row = self._proxy_row[src] if 0 <= src < len(self._proxy_row) else -1
            after.append(self.index(row, idx.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
        return True

    # -- pinning, filters, sorting -------------------------------------------------------------
    def pin(self, change_id: str, verdict: str) -> None:
        """Keep ``change_id`` where ``verdict`` puts it (a later pin of the same id keeps the first)."""
        if self._pinned is None or self._pinned[0] != change_id:
            self._pinned = (change_id, verdict)

    def pinned(self) -> str:
        return self._pinned[0] if self._pinned is not None else ""

    def unpin(self) -> None:
        """Sort and filter the pinned change by its verdict now."""
        if self._pinned is None:
            return
        self._pinned = None
        if self._sort_column == Column.VERDICT or self._verdict or self._unreviewed_only:
            self._relayout(resort=self._sort_column == Column.VERDICT)

    def set_kind(self, kind: str) -> None:
        """Only this change kind ("" for all)."""
        self._refilter("_kind", kind)

    def set_flag(self, flag: str) -> None:
        """Only changes carrying this flag type ("" for all, "*" for any flag)."""
        self._refilter("_flag", flag)

    def set_verdict(self, verdict: str) -> None:
        """Only changes with this verdict ("" for all, :data:`UNREVIEWED` for none yet)."""
        self._refilter("_verdict", verdict)

    def set_unreviewed_only(self, on: bool) -> None:
        self._refilter("_unreviewed_only", on)

    def set_hidden(self, change_ids: frozenset[str]) -> None:
        """Hide these changes whatever the other filters say (View → Hide punctuation-only)."""
        self._refilter("_hidden", frozenset(change_ids))

    def hidden(self) -> frozenset[str]:
        return self._hidden

    def _refilter(self, attr: str, value: object) -> None:
        # The reader changed the filters: every row by its verdict now, the pinned one too.
        was_pinned = self._pinned is not None
        self._pinned = None
        if getattr(self, attr) == value and not was_pinned:
            return
        setattr(self, attr, value)
        self._relayout(resort=was_pinned and self._sort_column == Column.VERDICT)

    def is_filtering(self) -> bool:
        return bool(self._kind or self._flag or self._verdict or self._unreviewed_only or self._hidden)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(Column)):
            return
        self._sort_column = column
        self._sort_order = order
        self._relayout(resort=True)

    def sortColumn(self) -> int:
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return self._sort_order

    # -- QAbstractProxyModel -------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the model's rows: a painted cell costs one Python call, not three.
        model = self._table
        row = index.row()
        if model is None or not (0 <= row < len(self._shown)) or not index.isValid():
            return None
        return model.data_at(self._shown[row], index.column(), role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # (asked for every painted cell: one value, not three enum operations in Python)
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mapToSource(self, proxy_index: _Index) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy_index.isValid() or not (0 <= proxy_index.row() < len(self._shown)):
            return QModelIndex()
        return model.index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: _Index) -> QModelIndex:
        if not source_index.isValid() or not (0 <= source_index.row() < len(self._proxy_row)):
            return QModelIndex()
        row = self._proxy_row[source_index.row()]
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._shown)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: _Index | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, idx: _Index) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._shown) and self.columnCount() > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self.sourceModel()
        if orientation == Qt.Orientation.Horizontal:
            return model.headerData(section, orientation, role)
        if 0 <= section < len(self._shown):
            return model.headerData(self._shown[section], orientation, role)
        return None
