"""Small dialogs: open a pair, settings, about, and the window-modal file dialog they share."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import factcheck_gui
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.theme import Theme
from factcheck_gui.ui.views.publisher_form import PublisherForm

FILE_FILTER = "Stories (*.txt *.md *.markdown *.html *.htm *.docx *.pdf *.eml);;All files (*)"


def file_dialog(
    parent: QWidget, title: str, folder: str, filters: Sequence[str], *, save: bool = False, name: str = ""
) -> QFileDialog:
    """A file dialog to show with ``open()`` (window-modal, no nested event loop); deleted on close.

    Connect ``fileSelected`` before opening it. Tests find it by ``name`` among the window's
    children and answer it like a reader would.
    """
    dialog = QFileDialog(parent, title, folder)
    dialog.setObjectName(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(list(filters))
    return dialog


def _path_row(parent: QWidget, edit: QLineEdit, title: str, start_dir: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    button = QPushButton("Browse…", parent)

    def browse() -> None:
        path, _ = QFileDialog.getOpenFileName(parent, title, start_dir, FILE_FILTER)
        if path:
            edit.setText(path)

    button.clicked.connect(browse)
    row.addWidget(button)
    return row


class OpenPairDialog(QDialog):
    """Two paths (original, rewrite) with Browse buttons."""

    def __init__(self, parent: QWidget | None, start_dir: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a pair of stories")
        self.original = QLineEdit(self)
        self.rewrite = QLineEdit(self)
        self.original.setObjectName("originalPath")
        self.rewrite.setObjectName("rewritePath")
        form = QFormLayout(self)
        for text, edit, title in (
            ("Ori&ginal:", self.original, "Original story"),
            ("Re&write:", self.rewrite, "Rewritten story"),
        ):
            # A row holding a layout gets no buddy of its own: without one the label would
            # show its "&" and Alt+G / Alt+W would not reach the field. (Alt+O is Open.)
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addRow(label, _path_row(self, edit, title, start_dir))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.original, self.rewrite):
            edit.textChanged.connect(self._update_open_button)
        self._update_open_button()
        self.resize(560, self.sizeHint().height())

    def _update_open_button(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        button.setEnabled(self.paths() is not None)

    def paths(self) -> tuple[Path, Path] | None:
        a, b = self.original.text().strip(), self.rewrite.text().strip()
        return (Path(a), Path(b)) if a and b else None


DB_PLACEHOLDER = "empty: the default local file"


def empty_field_database() -> str:
    """Where an empty database field stores verdicts, for the reader: a file path (or a team URL).

    The store's own resolver decides (``FACTCHECK_DB`` if set, else the per-user default
    file), so what is shown is what the app opens; a team URL is shown without its password.
    """
    from factcheck_gui.store import StoreError, resolve_db_url
    from factcheck_gui.store.database import ENV_VAR, display_name, parse_url, sqlite_path

    from_env = bool(os.environ.get(ENV_VAR, "").strip())
    try:
        url = parse_url(resolve_db_url(None))
    except StoreError as exc:  # the store's message never repeats the URL (it may hold a password)
        return f"{ENV_VAR} names no database the app can open: {exc}"
    path = sqlite_path(url)
    where = str(path) if path is not None else display_name(url).removeprefix("team: ")
    return f"{where} (from {ENV_VAR})" if from_env else where


class SettingsDialog(QDialog):
    """Edits a :class:`Settings` object; nothing is written until OK.

    ``db_in_use``: the database the window works in (it may come from ``--db`` rather than the
    settings); the field shows it, and OK changes the database only if the field was edited.
    """

    def __init__(self, parent: QWidget | None, settings: Settings, db_in_use: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings
        self.reviewer = QLineEdit(settings.reviewer, self)
        self.reviewer.setObjectName("reviewer")
        self.theme = QComboBox(self)
        self.theme.setObjectName("theme")
        for t in Theme:
            self.theme.addItem(t.value.capitalize(), t.value)
        self.theme.setCurrentIndex(list(Theme).index(settings.theme))
        self.font_family = QFontComboBox(self)
        if settings.font_family:
            self.font_family.setCurrentFont(QFont(settings.font_family))
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("fontSize")
        self.font_size.setRange(0, 72)
        self.font_size.setSpecialValueText("default")
        self.font_size.setValue(settings.font_size)
        self.advance = QCheckBox("After a verdict, go to the ne&xt unreviewed change", self)
        self.advance.setObjectName("advanceAfterVerdict")
        self.advance.setChecked(settings.advance_after_verdict)
        self._db_shown = settings.db_url if db_in_use is None else db_in_use
        self.db_url = QLineEdit(self._db_shown, self)
        self.db_url.setObjectName("dbUrl")
        self.db_url.setPlaceholderText(DB_PLACEHOLDER)
        self.db_url.setMinimumWidth(self.db_url.fontMetrics().horizontalAdvance(DB_PLACEHOLDER) + 40)
        default = empty_field_database()
        self.db_url.setToolTip(
            "Where verdicts are stored: leave empty for this computer's default database file "
            f"({default}), choose another local file, or give a team database URL "
            "(postgresql://user@host/db)."
        )
        # The real location, not just "the default": the reader must know where the evidence is.
        self.db_location = QLabel(f"Left empty, verdicts are stored in {default}", self)
        self.db_location.setObjectName("dbLocation")
        self.db_location.setTextFormat(Qt.TextFormat.PlainText)
        self.db_location.setWordWrap(True)
        self.db_location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        db_row = QHBoxLayout()
        db_row.addWidget(self.db_url, 1)
        self.db_browse = QPushButton("Local file…", self)
        self.db_browse.clicked.connect(self._choose_db_file)
        db_row.addWidget(self.db_browse)
        # ClaimReview publishing: asked once here, used by every ClaimReview export.
        self.publisher_form = PublisherForm(self, settings.publisher_fields)
        self.publisher: dict[str, QLineEdit] = self.publisher_form.edits
        form = QFormLayout(self)
        form.addRow("&Reviewer name:", self.reviewer)
        form.addRow("&Theme:", self.theme)
        form.addRow("Story &font:", self.font_family)
        form.addRow("Font &size:", self.font_size)
        form.addRow("", self.advance)
        db_label = QLabel("&Database:", self)
        db_label.setBuddy(self.db_url)  # a row holding a layout gets no buddy of its own
        db_col = QVBoxLayout()
        db_col.addLayout(db_row)
        db_col.addWidget(self.db_location)
        form.addRow(db_label, db_col)
        publishing = QLabel("ClaimReview publishing (required for File → Export → ClaimReview):", self)
        publishing.setWordWrap(True)
        form.addRow(publishing)
        self.publisher_form.add_rows(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(max(560, self.sizeHint().width()))

    def db_edited(self) -> bool:
        """True when the reader changed the database field (OK then switches databases)."""
        return self.db_url.text().strip() != self._db_shown.strip()

    def _choose_db_file(self) -> None:
        current = self.db_url.text().strip()
        folder = str(Path(current).parent) if current and "://" not in current else ""
        dialog = file_dialog(
            self,
            "Database file (an existing one, or a new name)",
            folder,
            ["Review databases (*.db *.sqlite *.sqlite3)", "All files (*)"],
            save=True,
            name="databaseFileDialog",
        )
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)  # an existing file is opened
        dialog.setDefaultSuffix("db")
        dialog.fileSelected.connect(self.db_url.setText)
        dialog.open()

    def apply(self, *, database: bool = True) -> None:
        """Write the dialog's values to the settings (``database``: the database field too)."""
        s = self.settings
        s.reviewer = self.reviewer.text()
        s.theme = Theme(self.theme.currentData())
        s.font_family = (
            self.font_family.currentFont().family() if self.font_size.value() or s.font_family else ""
        )
        s.font_size = self.font_size.value()
        s.advance_after_verdict = self.advance.isChecked()
        s.set_publisher_fields(**self.publisher_form.values())
        if database and self.db_edited():  # a database given with --db is not written unasked
            s.db_url = self.db_url.text()
        s.sync()


def show_about(parent: QWidget) -> QMessageBox:
    """Help → About: the app's version and the comparison engine's, each labelled (the same
    line as ``factcheck --version``). Window-modal and not waited on."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About Factcheck Compare")
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(factcheck_gui.version_line())
    box.setInformativeText(
        "Compare two versions of a story claim by claim and keep a fact-checker's review log.\n\n"
        "The engine version is recorded with every review: a review always reopens as it was "
        "compared, and Compare again uses the engine installed now.\n\nMIT licence; the "
        "licences of bundled components are in the licenses folder of the installation."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
