"""Every command of the window as a QAction in a menu, with its keyboard shortcuts.

The window supplies the slots; this module only builds and names the actions so that menus,
shortcuts and tests share one list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from factcheck_gui.ui.shell.theme import Theme

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_text_input(widget: object) -> bool:
    """True for a widget the reader types into (a line edit, spin box, editable text)."""
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return True
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()


class KeepEnterForTyping(QObject):
    """Lets a text input keep Enter instead of the window-wide "Write a note" shortcut.

    Qt offers a key to the focus widget (``ShortcutOverride``) before a shortcut may take it;
    a line edit does not claim Enter, so without this Enter in the Find field would jump to
    the note instead of finding the next match.
    """

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and is_text_input(obj)
        ):
            event.accept()  # the key goes to the widget as an ordinary key press
            return True
        return False


def keep_enter_for_typing(root: QWidget) -> KeepEnterForTyping:
    """Install :class:`KeepEnterForTyping` on every text input inside ``root`` (now present)."""
    guard = KeepEnterForTyping(root)
    for widget in root.findChildren(QWidget):
        if is_text_input(widget):
            widget.installEventFilter(guard)
    return guard


@dataclass
class Actions:
    """The window's actions by name (``actions.by_name["next_change"]``)."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    verdicts: list[QAction] = field(default_factory=list)
    export_menu: QMenu | None = None
    review_only: list[QAction] = field(default_factory=list)

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def set_review_open(self, on: bool) -> None:
        for a in self.review_only:
            a.setEnabled(on)
        if self.export_menu is not None:
            self.export_menu.setEnabled(on)

    def set_scale(self, scale: tuple[str, ...]) -> None:
        """Name the number-key actions after the review's verdict scale."""
        for i, action in enumerate(self.verdicts):
            if i < len(scale):
                action.setText(f"&{i + 1}  {scale[i]}")
                action.setVisible(True)
            else:
                action.setText(f"{i + 1}")
                action.setVisible(False)


def build_actions(
    win: QMainWindow,
    slots: dict[str, Callable[..., object]],
    export_formats: list[tuple[str, str]],
    export_slot: Callable[[str], object],
) -> Actions:
    """Create the menus of ``win``; ``slots`` maps action names to callables.

    ``export_formats`` are (format, label) pairs; each becomes ``export_<format>`` in the
    File → Export submenu, calling ``export_slot(format)`` ("" for the generic Export…).
    """
    acts = Actions()
    bar = win.menuBar()

    def add(
        menu: QMenu,
        name: str,
        text: str,
        keys: list[str] | None = None,
        *,
        review: bool = False,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, win)
        action.setObjectName(name)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(lambda on, n=name: slots[n](on))
        else:
            action.triggered.connect(lambda _c=False, n=name: slots[n]())
        menu.addAction(action)
        win.addAction(action)  # shortcuts work wherever the focus is in the window
        acts.by_name[name] = action
        if review:
            acts.review_only.append(action)
        return action

    file_menu = bar.addMenu("&File")
    add(file_menu, "open_pair", "&Open pair…", [QKeySequence(QKeySequence.StandardKey.Open).toString()])
    add(file_menu, "open_demo", "Open the &demo pair")
    add(file_menu, "import_review", "&Import review file…", ["Ctrl+Shift+I"])
    add(file_menu, "start_page", "&Start page", ["Ctrl+Shift+S"])
    file_menu.addSeparator()
    add(file_menu, "compare_again_original", "Compare again with a new &original…", review=True)
    add(
        file_menu,
        "compare_again_rewrite",
        "Compare again with a new &rewrite…",
        ["Ctrl+Shift+O"],
        review=True,
    )
    acts.export_menu = file_menu.addMenu("&Export review")
    if export_formats:
        export_any = QAction("&Export…", win)
        export_any.setObjectName("export")
        export_any.setShortcut(QKeySequence("Ctrl+E"))
        export_any.triggered.connect(lambda _c=False: export_slot(""))
        acts.export_menu.addAction(export_any)
        win.addAction(export_any)
        acts.by_name["export"] = export_any
        acts.review_only.append(export_any)
        acts.export_menu.addSeparator()
    for fmt, label in export_formats:
        action = QAction(f"{label}…", win)
        action.setObjectName(f"export_{fmt}")
        action.triggered.connect(lambda _c=False, f=fmt: export_slot(f))
        acts.export_menu.addAction(action)
        acts.by_name[f"export_{fmt}"] = action
    add(file_menu, "print_report", "&Print report…", ["Ctrl+P"], review=True)
    add(file_menu, "print_preview", "Print pre&view…", ["Ctrl+Shift+P"], review=True)
    file_menu.addSeparator()
    add(file_menu, "settings", "Se&ttings…", ["Ctrl+,"])
    file_menu.addSeparator()
    add(file_menu, "quit", "&Quit", ["Ctrl+Q"])

    edit_menu = bar.addMenu("&Edit")
    add(edit_menu, "undo", "&Undo", ["Ctrl+Z"])  # named after the next step (controllers/undo.py)
    add(edit_menu, "redo", "&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"])
    edit_menu.addSeparator()
    add(edit_menu, "find", "&Find in story…", ["Ctrl+F"], review=True)
    add(edit_menu, "paste_story", "&Paste story text into the empty pane", [])

    review_menu = bar.addMenu("&Review")
    add(review_menu, "next_change", "&Next change", ["Alt+Down", "J"], review=True)
    add(review_menu, "previous_change", "&Previous change", ["Alt+Up", "K"], review=True)
    add(review_menu, "next_unreviewed", "Next &unreviewed change", ["N"], review=True)
    add(review_menu, "next_flagged", "Next &flagged change", ["F"], review=True)
    add(review_menu, "previous_flagged", "Previous flagge&d change", ["Shift+F"], review=True)
    add(review_menu, "next_unreviewed_flagged", "Next unreviewed fla&gged change", ["U"], review=True)
    # Enter: not while typing in a text field (see KeepEnterForTyping).
    add(review_menu, "focus_note", "Write a &note", ["Return", "Enter"], review=True)
    review_menu.addSeparator()
    verdict_menu = review_menu.addMenu("&Verdict")
    for i in range(9):
        action = QAction(str(i + 1), win)
        action.setObjectName(f"verdict_{i + 1}")
        action.setShortcut(QKeySequence(str(i + 1)))
        action.triggered.connect(lambda _c=False, n=i + 1: slots["verdict"](n))
        verdict_menu.addAction(action)
        win.addAction(action)
        acts.verdicts.append(action)
        acts.review_only.append(action)
        acts.by_name[f"verdict_{i + 1}"] = action
    add(verdict_menu, "clear_verdict", "&Clear verdict", ["0"], review=True)
    review_menu.addSeparator()
    add(review_menu, "clear_filters", "Show &all changes", review=True)
    advance = "After a verdict, go &to the next unreviewed change"
    add(review_menu, "advance_after_verdict", advance, checkable=True)

    view_menu = bar.addMenu("&View")
    sync = add(view_menu, "sync_scroll", "&Synchronised scrolling", checkable=True)
    sync.setChecked(True)
    theme_menu, themes = view_menu.addMenu("&Theme"), QActionGroup(win)
    for t in Theme:
        themes.addAction(add(theme_menu, f"theme_{t.value}", f"&{t.value.capitalize()}", checkable=True))
    add(view_menu, "hide_punctuation", "&Hide punctuation-only changes", checkable=True)
    add(view_menu, "inline_view", "&Inline view", ["Ctrl+I"], checkable=True)
    view_menu.addSeparator()
    zoom_in = QKeySequence(QKeySequence.StandardKey.ZoomIn).toString() or "Ctrl++"
    add(view_menu, "zoom_in", "Zoom &in", sorted({zoom_in, "Ctrl++", "Ctrl+="}))
    add(view_menu, "zoom_out", "Zoom &out", ["Ctrl+-"])
    add(view_menu, "actual_size", "&Actual size", ["Ctrl+0"])

    help_menu = bar.addMenu("&Help")
    add(help_menu, "shortcuts", "&Keyboard shortcuts", ["F1"])
    add(help_menu, "demo_guide", "&Guide to the demo")
    add(help_menu, "about", "&About Factcheck Compare")
    acts.set_scale(())
    acts.set_review_open(False)
    return acts
