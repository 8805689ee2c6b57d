"""The shortcut sheet (F1, Help → Keyboard shortcuts): a non-modal window listing the keys.

It is built from what the caller passes — the window's own ``QAction`` objects, best taken
from its menus with :func:`actions_by_menu` — so it cannot drift from the real shortcuts: it
reads each action's keys and text again every time it is shown. Keys that are no action (the
arrows of a list, Tab) are passed as ``(keys, description)`` pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Union

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

Entry = Union[QAction, tuple[str, str]]  # noqa: UP007 (a runtime alias: the | form needs 3.12 for QAction)
Entries = Union[Iterable[Entry], Mapping[str, Iterable[Entry]]]  # noqa: UP007

_MNEMONIC = re.compile(r"&(?!&)")
_NUMBERED = re.compile(r"^\d\s+")  # the verdict actions read "&1  accurate"


def describe(action: QAction) -> str:
    """What an action does, as its menu says it: "&Next change" → "Next change"."""
    text = _MNEMONIC.sub("", action.text()).replace("&&", "&")
    text = _NUMBERED.sub("", text.strip())
    return text.rstrip("…").rstrip(".").strip() or action.toolTip()


def keys_of(action: QAction) -> str:
    """An action's shortcuts as the platform writes them, "Alt+Down or J" ("" for none)."""
    return " or ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()
    )


def actions_by_menu(bar: QMenuBar) -> dict[str, list[QAction]]:
    """The actions of every menu of ``bar`` (submenus included), by top menu title ("Review")."""
    out: dict[str, list[QAction]] = {}

    def walk(menu: QMenu, into: list[QAction]) -> None:
        for a in menu.actions():
            sub = a.menu()
            if isinstance(sub, QMenu):
                walk(sub, into)
            elif not a.isSeparator():
                into.append(a)

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            title = _MNEMONIC.sub("", top.text()).replace("&&", "&")
            walk(menu, out.setdefault(title, []))
    return out


class ShortcutSheet(QDialog):
    """A non-modal list of the keyboard shortcuts, by section, with a filter box.

    ``entries``: QActions and (keys, description) pairs, or a mapping of section title to them.
    Actions without a shortcut, and hidden ones, are left out.
    """

    def __init__(self, entries: Entries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._sections: list[tuple[str, list[Entry]]] = (
            [(str(k), list(v)) for k, v in entries.items()]
            if isinstance(entries, Mapping)
            else [("", list(entries))]
        )
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Find a shortcut or an action")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "Action"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel("No shortcut matches.", self)
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        col = QVBoxLayout(self)
        col.addWidget(self.filter)
        col.addWidget(self.tree, 1)
        col.addWidget(self.empty)
        col.addWidget(buttons)
        self.resize(520, 560)
        self.refresh()

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, keys, description) of every shortcut listed, as the actions say now."""
        out: list[tuple[str, str, str]] = []
        for section, entries in self._sections:
            for e in entries:
                if isinstance(e, QAction):
                    if not e.isVisible():
                        continue
                    keys, what = keys_of(e), describe(e)
                else:
                    keys, what = e
                if keys:
                    out.append((section, keys, what))
        return out

    def refresh(self) -> None:
        """Read the actions again (a verdict scale or a setting may have renamed them)."""
        self.tree.clear()
        headers: dict[str, QTreeWidgetItem] = {}
        for section, keys, what in self.rows():
            if section and section not in headers:
                head = QTreeWidgetItem(self.tree, [section, ""])
                head.setFirstColumnSpanned(True)
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                headers[section] = head
            item = QTreeWidgetItem(self.tree, [keys, what])
            item.setData(0, Qt.ItemDataRole.UserRole, section)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._apply_filter(self.filter.text())

    def visible_rows(self) -> list[tuple[str, str]]:
        """(keys, description) of the rows the filter leaves shown."""
        out: list[tuple[str, str]] = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if (
                item is not None
                and not item.isHidden()
                and item.data(0, Qt.ItemDataRole.UserRole) is not None
            ):
                out.append((item.text(0), item.text(1)))
        return out

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        shown: set[str] = set()
        heads: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            section = item.data(0, Qt.ItemDataRole.UserRole)
            if section is None:
                heads.append(item)
                continue
            hit = not needle or needle in item.text(0).casefold() or needle in item.text(1).casefold()
            item.setHidden(not hit)
            if hit:
                shown.add(str(section))
        for head in heads:
            head.setHidden(head.text(0) not in shown)
        self.empty.setVisible(not shown)

    def show_sheet(self) -> None:
        """Show the sheet (or bring it to the front), its filter ready for typing."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.filter.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
