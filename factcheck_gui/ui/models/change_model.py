"""Qt item models over a comparison's changes: a thin table adapter and its filter proxy."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from factcheck_gui.engine.types import Change, ChangeKind
from factcheck_gui.review.docindex import ComparisonIndex
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


HEADERS = {
    Column.NUMBER: "#",
    Column.KIND: "Kind",
    Column.FLAGS: "Flags",
    Column.ORIGINAL: "Original",
    Column.REWRITE: "Rewrite",
    Column.VERDICT: "Verdict",
}


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written ("" for none).

    Qt renders a tooltip that merely looks like HTML as HTML; story text, flag messages and
    file names must stay inert, so they are escaped into a paragraph of their own.
    """
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


_ELIDE_AT = 240  # the view elides to its width; this only keeps huge claims cheap to paint


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _ELIDE_AT else flat[: _ELIDE_AT - 1] + "…"


class ChangeTableModel(QAbstractTableModel):
    """One row per change a reviewer has to look at; verdict values come from the review."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index: ComparisonIndex | None = None
        self._rows: list[Change] = []
        self._texts: list[tuple[str, str]] = []
        self._verdicts: dict[str, str] = {}
        self._row_of: dict[str, int] = {}

    def set_comparison(self, index: ComparisonIndex | None, verdicts: dict[str, str] | None = None) -> None:
        """Replace all rows (``verdicts`` maps change id → verdict value)."""
        self.beginResetModel()
        self._index = index
        self._rows = list(index.review_changes) if index is not None else []
        self._texts = (
            [
                (
                    _one_line(index.comparison.text_of(c, "original")),
                    _one_line(index.comparison.text_of(c, "rewrite")),
                )
                for c in self._rows
            ]
            if index is not None
            else []
        )
        self._verdicts = {k: v for k, v in (verdicts or {}).items() if v}
        self._row_of = {c.id: i for i, c in enumerate(self._rows)}
        self.endResetModel()

    def set_verdict(self, change_id: str, value: str | None) -> None:
        """Show a new verdict for one change."""
        if value:
            self._verdicts[change_id] = value
        else:
            self._verdicts.pop(change_id, None)
        row = self._row_of.get(change_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def verdict(self, change_id: str) -> str:
        return self._verdicts.get(change_id, "")

    def reviewed_count(self) -> int:
        return sum(1 for c in self._rows if c.id in self._verdicts)

    def row_of(self, change_id: str) -> int:
        return self._row_of.get(change_id, -1)

    def change_at(self, row: int) -> Change:
        return self._rows[row]

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return HEADERS[Column(section)]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        ch = self._rows[index.row()]
        col = Column(index.column())
        if role == ChangeIdRole:
            return ch.id
        if role == KindRole:
            return ch.kind.value
        if role == FlagTypesRole:
            return sorted({f.type.value for f in ch.flags})
        if role == VerdictRole:
            return self._verdicts.get(ch.id, "")
        if role == SortRole:
            return self._sort_key(ch, index.row(), col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ch, index.row(), col, tooltip=False)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._display(ch, index.row(), col, tooltip=True))
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
        return self._verdicts.get(ch.id, "\uffff")  # unreviewed last


UNREVIEWED = "\x00unreviewed"  # verdict filter value that matches rows without a verdict


class ChangeFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's :data:`SortRole` and filters by kind, flag, verdict, unreviewed.

    A *pinned* change (:meth:`pin`, the one the reader is deciding on) is sorted and filtered
    by the verdict it had when pinned, so giving it a verdict neither hides it ("Unreviewed
    only") nor moves it (sorted by verdict) under the reader: J then goes on to the row that
    was next, and the reviewed row leaves the view once the reader has moved on (:meth:`unpin`).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self._kind = ""
        self._flag = ""
        self._verdict = ""
        self._unreviewed_only = False
        self._pinned: tuple[str, str] | None = None  # change id, its verdict when pinned

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
        self.invalidate()

    def _verdict_of(self, idx: _Index) -> str:
        model = self.sourceModel()
        if self._pinned is not None and model.data(idx, ChangeIdRole) == self._pinned[0]:
            return self._pinned[1]
        return str(model.data(idx, VerdictRole) or "")

    def lessThan(self, left: _Index, right: _Index) -> bool:
        if self._pinned is not None and left.column() == Column.VERDICT:
            # Unreviewed last, as the model's sort key has it.
            return (self._verdict_of(left) or "\uffff") < (self._verdict_of(right) or "\uffff")
        return super().lessThan(left, right)

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

    def _refilter(self, attr: str, value: object) -> None:
        if self._pinned is not None:  # the reader changed the filters: every row by its verdict now
            self._pinned = None
            setattr(self, attr, value)
            self.invalidate()
            return
        # Qt ≥ 6.9 wants the change bracketed (invalidateFilter() is deprecated).
        if not hasattr(self, "endFilterChange"):  # PySide6 < 6.10
            setattr(self, attr, value)
            self.invalidateFilter()
            return
        self.beginFilterChange()
        setattr(self, attr, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return bool(self._kind or self._flag or self._verdict or self._unreviewed_only)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        if self._kind and model.data(idx, KindRole) != self._kind:
            return False
        flags = model.data(idx, FlagTypesRole) or []
        if self._flag == "*" and not flags:
            return False
        if self._flag and self._flag != "*" and self._flag not in flags:
            return False
        verdict = self._verdict_of(idx)
        if self._unreviewed_only and verdict:
            return False
        if self._verdict == UNREVIEWED:
            return not verdict
        return not (self._verdict and verdict != self._verdict)
