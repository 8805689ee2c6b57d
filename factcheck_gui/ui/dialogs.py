"""Small dialogs: open a pair, settings, about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

import factcheck_gui
from factcheck_gui.ui.settings import Settings
from factcheck_gui.ui.theme import Theme

FILE_FILTER = "Stories (*.txt *.md *.markdown *.html *.htm *.docx *.pdf *.eml);;All files (*)"


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
        form.addRow("&Original:", _path_row(self, self.original, "Original story", start_dir))
        form.addRow("&Rewrite:", _path_row(self, self.rewrite, "Rewritten story", start_dir))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(560, self.sizeHint().height())

    def paths(self) -> tuple[Path, Path] | None:
        a, b = self.original.text().strip(), self.rewrite.text().strip()
        return (Path(a), Path(b)) if a and b else None


class SettingsDialog(QDialog):
    """Edits a :class:`Settings` object; nothing is written until OK."""

    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
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
        self.font_size.setRange(0, 72)
        self.font_size.setSpecialValueText("default")
        self.font_size.setValue(settings.font_size)
        self.db_url = QLineEdit(settings.db_url, self)
        self.db_url.setObjectName("dbUrl")
        self.db_url.setPlaceholderText("empty: the local database file; or postgresql+psycopg://host/db")
        form = QFormLayout(self)
        form.addRow("&Reviewer name:", self.reviewer)
        form.addRow("&Theme:", self.theme)
        form.addRow("Story &font:", self.font_family)
        form.addRow("Font &size:", self.font_size)
        form.addRow("&Database:", self.db_url)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> None:
        """Write the dialog's values to the settings."""
        s = self.settings
        s.reviewer = self.reviewer.text()
        s.theme = Theme(self.theme.currentData())
        s.font_family = (
            self.font_family.currentFont().family() if self.font_size.value() or s.font_family else ""
        )
        s.font_size = self.font_size.value()
        s.db_url = self.db_url.text()
        s.sync()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About Factcheck Compare",
        f"<h3>Factcheck Compare {factcheck_gui.__version__}</h3>"
        "<p>Compare two versions of a story claim by claim and keep a fact-checker's review log.</p>"
        "<p>MIT licence.</p>",
    )
