"""The fact ledger on screen: every number, date, name, title and quotation of the story,
grouped by kind, each marked kept, changed, dropped or new; a click on a fact asks the window
for the change that holds it.

The model is a thin two-level adapter over :class:`factcheck_gui.engine.ledger.Ledger` (kinds,
then their entries); filtering by status or words rebuilds plain index lists, so a ledger of
tens of thousands of facts filters without a proxy calling back into Python for every row.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QElapsedTimer, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.engine.ledger import FactKind, FactStatus, Ledger, LedgerEntry

EntryRole = Qt.ItemDataRole.UserRole + 1  # the LedgerEntry of a fact row (None on a group row)
ChangeIdRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex

STATUS_WORDS = {
    FactStatus.KEPT: "= kept",
    FactStatus.CHANGED: "≠ changed",
    FactStatus.DROPPED: "− dropped",
    FactStatus.NEW: "+ new",
}
HEADERS = ("Status", "Original", "Rewrite", "Change", "Why")

# The status filter's choices: label, the statuses it shows.
NOT_KEPT = "not kept"
FILTERS: tuple[tuple[str, str, frozenset[FactStatus]], ...] = (
    ("", "All facts", frozenset(FactStatus)),
    (
        NOT_KEPT,
        "Changed, dropped or new",
        frozenset({FactStatus.CHANGED, FactStatus.DROPPED, FactStatus.NEW}),
    ),
    (FactStatus.CHANGED.value, "Changed", frozenset({FactStatus.CHANGED})),
    (FactStatus.DROPPED.value, "Dropped", frozenset({FactStatus.DROPPED})),
    (FactStatus.NEW.value, "New", frozenset({FactStatus.NEW})),
    (FactStatus.KEPT.value, "Kept", frozenset({FactStatus.KEPT})),
)


def _tooltip(text: str) -> str:
    # Story text must stay inert: Qt renders a tooltip that looks like HTML as HTML.
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def _short(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class LedgerModel(QAbstractItemModel):
    """Kinds of fact at the top level, their entries below, in the ledger's reading order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ledger: Ledger | None = None
        self._groups: list[tuple[FactKind, list[LedgerEntry]]] = []
        self._statuses: frozenset[FactStatus] = frozenset(FactStatus)
        self._words = ""
        self._totals: dict[FactKind, dict[FactStatus, int]] = {}

    # -- data ------------------------------------------------------------------------------
    def set_ledger(self, ledger: Ledger | None) -> None:
        self._ledger = ledger
        self._totals = {}
        if ledger is not None:
            for (kind, status), n in ledger.counts().items():
                self._totals.setdefault(kind, {})[status] = n
        self._regroup()

    def ledger(self) -> Ledger | None:
        return self._ledger

    def set_filter(self, statuses: frozenset[FactStatus], words: str = "") -> None:
        """Show only entries with one of ``statuses`` whose wording holds ``words``."""
        self._statuses = statuses
        self._words = words.casefold().strip()
        self._regroup()

    def _regroup(self) -> None:
        self.beginResetModel()
        groups: dict[FactKind, list[LedgerEntry]] = {}
        if self._ledger is not None:
            statuses, words = self._statuses, self._words
            for e in self._ledger.entries:
                if e.status not in statuses:
                    continue
                if words and words not in e.original.casefold() and words not in e.rewrite.casefold():
                    continue
                groups.setdefault(e.kind, []).append(e)
        self._groups = [(k, groups[k]) for k in FactKind if k in groups]
        self.endResetModel()

    def shown(self) -> int:
        """How many entries the filter leaves."""
        return sum(len(es) for _, es in self._groups)

    def group_title(self, kind: FactKind, shown: int) -> str:
        """ "Numbers: 12 (8 kept, 2 changed, 1 dropped, 1 new)" — the whole ledger's counts;
        "showing 4" when the filter hides some."""
        totals = self._totals.get(kind, {})
        total = sum(totals.values())
        parts = ", ".join(f"{totals[s]} {s.value}" for s in FactStatus if totals.get(s))
        text = f"{kind.label}: {total} ({parts})"
        return text if shown == total else f"{text}, showing {shown}"

    def entry_index(self, entry: LedgerEntry) -> QModelIndex:
        for g, (_, entries) in enumerate(self._groups):
            for r, e in enumerate(entries):
                if e is entry:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def first_of_change(self, change_id: str) -> QModelIndex:
        """The first shown entry a change holds (invalid: none)."""
        for g, (_, entries) in enumerate(self._groups):
            for r, e in enumerate(entries):
                if change_id in e.changes:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    # -- QAbstractItemModel ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        g = parent.row()
        if g >= len(self._groups) or row >= len(self._groups[g][1]):
            return QModelIndex()
        return self.createIndex(row, column, g + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self._groups):
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def entry(self, index: _Index) -> LedgerEntry | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        g = int(index.internalId()) - 1
        if g >= len(self._groups) or index.row() >= len(self._groups[g][1]):
            return None
        return self._groups[g][1][index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= len(self._groups):
                return None
            kind, entries = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.group_title(kind, len(entries))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        e = self.entry(index)
        if e is None:
            return None
        col = index.column()
        if role == EntryRole:
            return e
        if role == ChangeIdRole:
            return e.change
        if role == StatusRole:
            return e.status.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(e, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(self._tooltip(e, col))
        if role == Qt.ItemDataRole.FontRole and e.status is not FactStatus.KEPT and col == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, e: LedgerEntry, col: int) -> str:
        if col == 0:
            return STATUS_WORDS[e.status]
        if col == 1:
            return _short(e.original) or "—"
        if col == 2:
            return _short(e.rewrite) or "—"
        if col == 3:
            return e.change + (f" (also {e.other_change})" if e.other_change else "")
        return _short(e.note)

    def _tooltip(self, e: LedgerEntry, col: int) -> str:
        where = f"In {e.change}" + (f"; the other version in {e.other_change}" if e.other_change else "")
        body = {
            1: e.original or "The original does not state it.",
            2: e.rewrite or "The rewrite does not state it.",
            4: e.note,
        }.get(col, "")
        return "\n".join(
            x for x in (f"{e.kind.value}, {e.status.value}. {where}. Click to show it.", body) if x
        )


class LedgerView(QWidget):
    """The fact ledger with a status filter and a search box.

    Signals: ``changeRequested(str)`` — the reader clicked a fact (or pressed Enter on it): show
    the change that holds it; ``entryRequested(object)`` — the same, with the whole
    :class:`LedgerEntry` (its spans, to select the words).
    """

    changeRequested = Signal(str)
    entryRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerView")
        self.model = LedgerModel(self)
        self.status = QComboBox(self)
        self.status.setObjectName("ledgerStatus")
        self.status.setAccessibleName("Show facts")
        for key, label, _ in FILTERS:
            self.status.addItem(label, key)
        self.status.currentIndexChanged.connect(self._refilter)
        self.search = QLineEdit(self)
        self.search.setObjectName("ledgerSearch")
        self.search.setPlaceholderText("Find a fact")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refilter)
        self.tree = QTreeView(self)
        self.tree.setObjectName("ledgerTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # (tens of thousands of rows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # (never ResizeToContents)
        for col, width in enumerate((110, 220, 220, 90)):
            header.resizeSection(col, width)
        self._last: LedgerEntry | None = None
        self._since = QElapsedTimer()
        self.tree.clicked.connect(self._request)
        self.tree.activated.connect(self._request)
        self.placeholder = QLabel("No comparison yet.", self)
        self.placeholder.setObjectName("ledgerPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("ledgerSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        show = QLabel("&Show:", self)
        show.setBuddy(self.status)
        bar.addWidget(show)
        bar.addWidget(self.status)
        bar.addWidget(self.search, 1)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(bar)
        page.addWidget(self.summary)
        page.addWidget(self.tree, 1)
        page.addWidget(self.placeholder, 1)
        self.set_ledger(None)

    # -- data ------------------------------------------------------------------------------
    def set_building(self) -> None:
        """Say the ledger is being built (in a worker) and show nothing stale meanwhile."""
        self.model.set_ledger(None)
        self.summary.hide()
        self._show("Listing the story's facts…")

    def set_ledger(self, ledger: Ledger | None) -> None:
        """Show ``ledger`` (None: nothing compared yet); the filter the reader chose stays."""
        self.model.set_ledger(ledger)
        self._refilter()

    def set_status_filter(self, key: str) -> None:
        """Choose the status filter by key: "" all, ``"not kept"``, or a status value."""
        i = self.status.findData(key)
        if i >= 0:
            self.status.setCurrentIndex(i)

    def show_change(self, change_id: str) -> bool:
        """Select and scroll to the first shown fact of a change, without asking for it again
        (the window calls this when the reader selects a change elsewhere)."""
        idx = self.model.first_of_change(change_id)
        if not idx.isValid():
            self.tree.clearSelection()
            return False
        self.tree.setCurrentIndex(idx)
        self.tree.scrollTo(idx)
        return True

    # -- the reader --------------------------------------------------------------------------
    def _refilter(self, *_args: object) -> None:
        statuses = FILTERS[max(self.status.currentIndex(), 0)][2]
        self.model.set_filter(statuses, self.search.text())
        self.tree.expandAll()
        ledger = self.model.ledger()
        self.summary.setVisible(ledger is not None)
        if ledger is None:
            self._show("No comparison yet.")
            return
        counts = ledger.status_counts()
        self.summary.setText(
            f"{len(ledger)} facts: "
            + ", ".join(f"{counts.get(s, 0)} {s.value}" for s in FactStatus)
            + (f". Showing {self.model.shown()}." if self.model.shown() != len(ledger) else ".")
        )
        if not len(ledger):
            self._show("The story states no number, date, name, title or quotation.")
        elif not self.model.shown():
            self._show("No fact matches the filter.")
        else:
            self._show("")

    def _show(self, message: str) -> None:
        """The tree, or in its place ``message``."""
        self.placeholder.setText(message)
        self.placeholder.setVisible(bool(message))
        self.tree.setVisible(not message)

    def _request(self, index: QModelIndex) -> None:
        e = self.model.entry(index)
        if e is None:
            return
        # A click and the activation a style may add to it (or a double click) ask once.
        if (
            e is self._last
            and self._since.isValid()
            and self._since.elapsed() < QApplication.doubleClickInterval()
        ):
            return
        self._last = e
        self._since.start()
        self.changeRequested.emit(e.change)
        self.entryRequested.emit(e)

    def visible_entries(self) -> list[LedgerEntry]:
        """The entries shown, in order (for tests and for copying)."""
        out: list[LedgerEntry] = []
        for g in range(self.model.rowCount()):
            parent = self.model.index(g, 0)
            for r in range(self.model.rowCount(parent)):
                e = self.model.entry(self.model.index(r, 0, parent))
                if e is not None:
                    out.append(e)
        return out
