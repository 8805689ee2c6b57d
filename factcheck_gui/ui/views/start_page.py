"""The start page: recent reviews with their progress, and two empty panes for a new pair.

Signals:
    reviewActivated(int): the reader opened a review from the list.
"""

from __future__ import annotations

import os
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.review.docindex import Side
from factcheck_gui.store.records import ReviewSummary
from factcheck_gui.ui.shell.compact import plain_tooltip
from factcheck_gui.ui.views.pane import StoryPane

ReviewIdRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    REVIEW = 0
    FOLDER = 1
    ORIGINAL = 2
    REWRITE = 3
    PROGRESS = 4
    UPDATED = 5
    REVIEWERS = 6


_HEADERS = {
    Col.REVIEW: "Review",
    Col.FOLDER: "Folder",
    Col.ORIGINAL: "Original begins",
    Col.REWRITE: "Rewrite begins",
    Col.PROGRESS: "Progress",
    Col.UPDATED: "Updated",
    Col.REVIEWERS: "Reviewers",
}
PASTED = "pasted text"
_FOLDER_PARTS = 2  # a folder is shown by its last parts: "…/news/2024-06"


def short_folder(location: str, home: str | None = None) -> str:
    """Where a text came from, short: the last two parts of its file's folder ("…/news/june",
    "~/desk" under the home folder), the host of a URL, :data:`PASTED` for text with no place."""
    location = location.strip()
    if not location:
        return PASTED
    if "://" in location:
        host = location.split("://", 1)[1].split("/", 1)[0]
        return host or location
    home = os.path.expanduser("~") if home is None else home
    folder = os.path.dirname(location.replace("\\", "/")) or "."
    if home and (folder == home or folder.startswith(home.rstrip("/") + "/")):
        folder = "~" + folder[len(home.rstrip("/")) :]
    parts = [p for p in folder.split("/") if p]
    if len(parts) <= _FOLDER_PARTS:
        return folder
    return "…/" + "/".join(parts[-_FOLDER_PARTS:])


def review_folder(r: ReviewSummary) -> str:
    """The folder of both texts ("…/news/june"), or of each ("…/a → …/b") when they differ."""
    a, b = short_folder(r.original_location), short_folder(r.rewrite_location)
    return a if a == b else f"{a} → {b}"


def local_time(moment: datetime) -> str:
    """A stored time in the reader's time zone and locale's short format ("07/12/2026 14:05")."""
    local = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))  # the local time zone
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class ReviewListModel(QAbstractTableModel):
    """Recent reviews, newest first, as the store lists them (summary columns only).

    All of it is plain text: titles, folders and first words come from the stories and their
    file names, untrusted, and are never read as markup.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewSummary] = []

    def set_reviews(self, reviews: list[ReviewSummary]) -> None:
        self.beginResetModel()
        self._rows = sorted(reviews, key=lambda r: r.updated_at, reverse=True)
        self.endResetModel()

    def review_at(self, row: int) -> ReviewSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[Col(section)]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        if role == ReviewIdRole:
            return r.id
        if role == Qt.ItemDataRole.ToolTipRole:  # titles are file names: shown as written
            return plain_tooltip(self._tooltip(r, Col(index.column())))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = Col(index.column())
        if col == Col.REVIEW:
            return f"#{r.id}  {r.title}"
        if col == Col.FOLDER:
            return review_folder(r)
        if col == Col.ORIGINAL:
            return r.original_excerpt or "—"
        if col == Col.REWRITE:
            return r.rewrite_excerpt or "—"
        if col == Col.PROGRESS:
            done = " ✓" if r.total_changes and r.reviewed_changes >= r.total_changes else ""
            return f"{r.reviewed_changes} of {r.total_changes} reviewed{done}"
        if col == Col.UPDATED:
            return local_time(r.updated_at)
        return ", ".join(r.reviewers)

    def _tooltip(self, r: ReviewSummary, col: Col) -> str:
        if col in (Col.FOLDER, Col.ORIGINAL, Col.REWRITE):
            return "\n".join(
                f"{side}: {name or PASTED}{f' ({place})' if place else ''}\n  {words or '—'}"
                for side, name, place, words in (
                    ("Original", r.original_name, r.original_location, r.original_excerpt),
                    ("Rewrite", r.rewrite_name, r.rewrite_location, r.rewrite_excerpt),
                )
            )
        return str(self.data(self.index(self._rows.index(r), col), Qt.ItemDataRole.DisplayRole))


class StartPage(QWidget):
    """Recent reviews and an empty pair of panes to drop or paste a new pair into."""

    reviewActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReviewListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("recentReviews")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # One line a review: long titles, folders and first words are shortened, never wrapped.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for stretch in (Col.ORIGINAL, Col.REWRITE):
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for fitted in (Col.PROGRESS, Col.UPDATED):
            header.setSectionResizeMode(fitted, QHeaderView.ResizeMode.ResizeToContents)
        metrics = self.fontMetrics()
        header.resizeSection(Col.REVIEW, metrics.horizontalAdvance("#000  original.txt → rewrite.txt") + 16)
        header.resizeSection(Col.FOLDER, metrics.horizontalAdvance("…/resources/samples") + 16)
        header.resizeSection(Col.REVIEWERS, metrics.horizontalAdvance("Reviewers, more") + 16)
        self.table.activated.connect(lambda idx: self.reviewActivated.emit(int(idx.data(ReviewIdRole))))
        self.status = QLabel("Loading recent reviews…", self)
        self.status.setObjectName("startStatus")
        self.listed = False  # the list shows this database's reviews
        self.open_button = QPushButton("Open selected review", self)
        self.open_button.clicked.connect(self._open_selected)
        self.pair_button = QPushButton("Compare two files…", self)
        self.demo_button = QPushButton("Open the demo pair", self)

        self.left = StoryPane(Side.ORIGINAL, self)
        self.right = StoryPane(Side.REWRITE, self)
        for p in (self.left, self.right):
            p.setMinimumHeight(120)
            p.replaceable = True  # not compared yet: paste again to replace, or Clear

        title = QLabel("<h2>Factcheck Compare</h2>", self)
        buttons = QHBoxLayout()
        for b in (self.pair_button, self.demo_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        panes = QHBoxLayout()
        panes.addWidget(self.left)
        panes.addWidget(self.right)
        col = QVBoxLayout(self)
        col.addWidget(title)
        col.addLayout(buttons)
        col.addWidget(QLabel("New comparison: drop a file on each side, or paste the text into it.", self))
        col.addLayout(panes, 1)
        col.addWidget(QLabel("Recent reviews:", self))
        col.addWidget(self.table, 2)
        col.addWidget(self.status)

    def pane(self, side: Side) -> StoryPane:
        return self.left if side is Side.ORIGINAL else self.right

    def focus_pane(self, side: Side) -> None:
        """Put the keyboard focus in one pane (Ctrl+V pastes there): the side still to fill."""
        pane = self.pane(side)
        window = self.window()
        if window.isVisible():
            window.activateWindow()
        pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_reviews(self, reviews: list[ReviewSummary]) -> None:
        self.listed = True
        self.model.set_reviews(reviews)
        n = len(reviews)
        self.status.setText(
            "No reviews yet." if not n else f"{n} review{'' if n == 1 else 's'} in this database."
        )
        if reviews:
            self.table.selectRow(0)

    def set_unavailable(self) -> None:
        """The database could not be read: no list, and no "Loading…" that never ends."""
        self.listed = False
        self.model.set_reviews([])
        self.status.setText("The reviews of this database could not be listed (see the message above).")

    def _open_selected(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid():
            self.reviewActivated.emit(int(self.model.index(idx.row(), Col.REVIEW).data(ReviewIdRole)))
