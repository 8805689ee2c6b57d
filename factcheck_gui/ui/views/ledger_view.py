"""The fact ledger on screen: every number, date, name, title and quotation of the story,
grouped by kind, each marked kept, changed, dropped or new; a click on a fact asks the window
for the change that holds it.

The model is a thin two-level adapter over :class:`factcheck_gui.engine.ledger.Ledger` (kinds,
then their entries); filtering by status or words rebuilds plain index lists, so a ledger of
tens of thousands of facts filters without a proxy calling back into Python for every row.
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Callable
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QAbstractTableModel, QElapsedTimer, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.engine.ledger import FactKind, FactStatus, Ledger, LedgerEntry, build_ledger
from factcheck_gui.engine.types import Comparison

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


def ledger_task(comparison: Comparison) -> Callable[[Any], Ledger]:
    """The function to run in the window's worker pool::

        workers.start("ledger", ledger_task(comparison), finished=view.set_ledger)

    It builds the ledger (seconds on a long story; it stops when ``ctx.cancelled()`` turns
    true) and then freezes the garbage collector's view of what it made, as the window does
    after a comparison: otherwise the next full collection walks every fact while holding the
    GIL, wherever it triggers — often on the GUI thread."""

    def run(ctx: Any) -> Ledger:
        was_enabled = gc.isenabled()
        gc.disable()  # (and build_ledger leaves it so: no collection between the build and the freeze)
        try:
            ledger = build_ledger(comparison, ctx.cancelled)
            gc.freeze()
            return ledger
        finally:
            if was_enabled:
                gc.enable()

    return run


class LedgerModel(QAbstractTableModel):
    """One row per shown fact, each kind's facts under a heading row of their own.

    Flat rather than a tree: a table view asks only for the rows on screen, where a tree view
    lays out every row of every open group first (seconds for a 20,000-claim story). A
    heading can be folded (:meth:`toggle`) to hide its kind's facts.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ledger: Ledger | None = None
        self._rows: list[LedgerEntry | FactKind] = []  # a kind: that kind's heading
        self._positions: dict[FactKind, list[int]] = {}  # of the shown entries, in the ledger
        self._heads: dict[FactKind, int] = {}  # row of each heading
        self._statuses: frozenset[FactStatus] = frozenset(FactStatus)
        self._words = ""
        self._folded: set[FactKind] = set()
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
        self._words = words.strip()
        self._regroup()

    def toggle(self, kind: FactKind) -> None:
        """Fold or unfold the facts of one kind under their heading."""
        self._folded.symmetric_difference_update({kind})
        self._regroup()

    def is_folded(self, kind: FactKind) -> bool:
        return kind in self._folded

    def _regroup(self) -> None:
        self.beginResetModel()
        rows: list[LedgerEntry | FactKind] = []
        self._positions = {}
        self._heads = {}
        if self._ledger is not None:
            entries = self._ledger.entries
            for kind in FactKind:
                pos = self._ledger.positions(kind, self._statuses, self._words)
                if not pos:
                    continue
                self._positions[kind] = pos
                self._heads[kind] = len(rows)
                rows.append(kind)
                if kind not in self._folded:
                    rows.extend([entries[i] for i in pos])
        self._rows = rows
        self.endResetModel()

    def shown(self) -> int:
        """How many entries the filter leaves (folded ones included)."""
        return sum(len(p) for p in self._positions.values())

    def headings(self) -> list[int]:
        """The rows that are headings."""
        return list(self._heads.values())

    def group_title(self, kind: FactKind) -> str:
        """ "Numbers: 12 (8 kept, 2 changed, 1 dropped, 1 new)" — the whole ledger's counts;
        "showing 4" when the filter hides some."""
        totals = self._totals.get(kind, {})
        total = sum(totals.values())
        shown = len(self._positions.get(kind, ()))
        parts = ", ".join(f"{totals[s]} {s.value}" for s in FactStatus if totals.get(s))
        text = f"{'▸' if kind in self._folded else '▾'} {kind.label}: {total} ({parts})"
        return text if shown == total else f"{text}, showing {shown}"

    def row_of_change(self, change_id: str) -> int:
        """The row of the first shown entry a change holds (-1: none, or folded)."""
        if self._ledger is None:
            return -1
        entries = self._ledger.entries
        best = -1
        for i in self._ledger.changes_positions(change_id):
            kind = entries[i].kind
            pos = self._positions.get(kind)
            if pos is None or kind in self._folded:
                continue
            k = bisect.bisect_left(pos, i)
            if k < len(pos) and pos[k] == i:
                row = self._heads[kind] + 1 + k
                best = row if best < 0 else min(best, row)
        return best

    def entry(self, index: _Index) -> LedgerEntry | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        x = self._rows[index.row()]
        return x if isinstance(x, LedgerEntry) else None

    def heading(self, index: _Index) -> FactKind | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        x = self._rows[index.row()]
        return x if isinstance(x, FactKind) else None

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.heading(index) is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        x = self._rows[index.row()]
        col = index.column()
        if isinstance(x, FactKind):
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return self.group_title(x)
            if role == Qt.ItemDataRole.ToolTipRole and col == 0:
                return _tooltip(f"Click to {'show' if x in self._folded else 'hide'} these facts.")
            if role == Qt.ItemDataRole.FontRole:
                return _BOLD
            return None
        if role == EntryRole:
            return x
        if role == ChangeIdRole:
            return x.change
        if role == StatusRole:
            return x.status.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(x, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(self._tooltip(x, col))
        if role == Qt.ItemDataRole.FontRole and x.status is not FactStatus.KEPT and col == 0:
            return _BOLD
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


_BOLD = QFont()
_BOLD.setBold(True)


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
        # What a fact-checker looks for first; "All facts" is one choice away.
        self.status.setCurrentIndex(self.status.findData(NOT_KEPT))
        self.status.currentIndexChanged.connect(self._refilter)
        self.search = QLineEdit(self)
        self.search.setObjectName("ledgerSearch")
        self.search.setPlaceholderText("Find a fact")
        self.search.setClearButtonEnabled(True)
        # (A width of its own: the clear button, shown once there is text, would widen it.)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("Find a fact") + 48)
        self.search.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.search.textChanged.connect(self._refilter)
        self.table = QTableView(self)
        self.table.setObjectName("ledgerTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # (tens of thousands of rows)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # (never ResizeToContents)
        for col, width in enumerate((110, 220, 220, 110)):
            header.resizeSection(col, width)
        self.model.modelReset.connect(self._span_headings)
        self._last: LedgerEntry | None = None
        self._since = QElapsedTimer()
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._request)
        self.placeholder = QLabel("No comparison yet.", self)
        self.placeholder.setObjectName("ledgerPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary = QLabel(self)
        self.summary.setObjectName("ledgerSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # Its text changes with every filter and search: were its width the dock's minimum, the
        # dock would widen and narrow with it, and both panes of a long story rewrap each time.
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
        page.addWidget(self.table, 1)
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
        row = self.model.row_of_change(change_id)
        idx = self.model.index(row, 0) if row >= 0 else QModelIndex()
        if not idx.isValid():
            self.table.clearSelection()
            return False
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx)
        return True

    # -- the reader --------------------------------------------------------------------------
    def _refilter(self, *_args: object) -> None:
        statuses = FILTERS[max(self.status.currentIndex(), 0)][2]
        self.model.set_filter(statuses, self.search.text())
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
        """The table, or in its place ``message``."""
        self.placeholder.setText(message)
        self.placeholder.setVisible(bool(message))
        self.table.setVisible(not message)

    def _span_headings(self) -> None:
        self.table.clearSpans()
        for row in self.model.headings():
            self.table.setSpan(row, 0, 1, len(HEADERS))

    def _clicked(self, index: QModelIndex) -> None:
        kind = self.model.heading(index)
        if kind is not None:
            self.model.toggle(kind)  # a heading folds or unfolds its facts
        else:
            self._request(index)

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
        for r in range(self.model.rowCount()):
            e = self.model.entry(self.model.index(r, 0))
            if e is not None:
                out.append(e)
        return out

    def heading_titles(self) -> list[str]:
        """What the headings read, in order."""
        return [self.model.index(r, 0).data() for r in self.model.headings()]
