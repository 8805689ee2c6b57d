"""Who publishes ClaimReview exports: the fields shared by Settings and the export's question.

:class:`PublisherForm` is the labelled fields, as rows of a form (all four in Settings; only
those still missing when an export asks). :class:`PublisherDialog` is the small window-modal
question File → Export → ClaimReview… opens when Settings lacks them; it checks the values as
the exporter does (:meth:`ClaimReviewPublisher.check`), so what it accepts the export accepts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

# (settings key, placeholder) in the order the fields are shown.
PUBLISHER_FIELDS = (
    ("organisation", "the fact-checking organisation that publishes the ratings"),
    ("reviewer_name", "the reviewer's name as published (optional)"),
    ("review_url", "https://… the page where the fact-check is published"),
    ("organisation_url", "https://… (optional)"),
)
PUBLISHER_LABELS = {
    "organisation": "&Organisation:",
    "reviewer_name": "Name on &ratings:",
    "review_url": "Review &URL:",
    "organisation_url": "Organisation w&eb site:",
}
_URL_KEYS = ("review_url", "organisation_url")


def publisher_problem(fields: Mapping[str, str]) -> str:
    """Why these fields would not make a valid ClaimReview, in one line ("" when they would)."""
    try:
        from factcheck_gui.exporters import ClaimReviewPublisher, ExportError
    except ImportError:  # no exporters, no ClaimReview export to check for
        return ""
    publisher = ClaimReviewPublisher(**{key: fields.get(key, "").strip() for key, _hint in PUBLISHER_FIELDS})
    missing = publisher.missing()
    if missing:
        return f"ClaimReview needs {' and '.join(missing)}."
    try:
        publisher.check()
    except ExportError as exc:
        return str(exc)
    return ""


def keys_to_ask(fields: Mapping[str, str]) -> list[str]:
    """The fields an export must ask for: the required ones left empty, and any web address that
    is not one; [] when the publisher is complete."""
    if not publisher_problem(fields):
        return []
    keys = [k for k in ("organisation", "review_url") if not fields.get(k, "").strip()]
    for key in _URL_KEYS:  # a web address that is not one, checked on its own
        value = fields.get(key, "").strip()
        probe = {"organisation": "x", "review_url": "https://example.org/", key: value}
        if value and publisher_problem(probe):
            keys.append(key)
    return [k for k, _hint in PUBLISHER_FIELDS if k in keys]


class PublisherForm:
    """The labelled publisher line edits for ``keys`` (default: all four), prefilled from
    ``fields``, as rows of a form: :meth:`add_rows` puts them into a QFormLayout (Settings' own,
    so its labels line up with the other settings; the export's question's).

    ``edits`` maps each key to its QLineEdit (object name ``claimreview_<key>``).
    """

    def __init__(self, parent: QWidget, fields: Mapping[str, str], keys: Sequence[str] | None = None) -> None:
        hints = dict(PUBLISHER_FIELDS)
        self.edits: dict[str, QLineEdit] = {}
        for key, _hint in PUBLISHER_FIELDS:
            if keys is not None and key not in keys:
                continue
            edit = QLineEdit(fields.get(key, ""), parent)
            edit.setObjectName(f"claimreview_{key}")
            edit.setPlaceholderText(hints[key])
            self.edits[key] = edit

    def add_rows(self, form: QFormLayout) -> None:
        for key, edit in self.edits.items():
            form.addRow(PUBLISHER_LABELS[key], edit)

    def values(self) -> dict[str, str]:
        """The shown fields, stripped."""
        return {key: edit.text().strip() for key, edit in self.edits.items()}


class PublisherDialog(QDialog):
    """Asks for the ClaimReview publisher fields that Settings lacks; OK only when the export
    would accept them (the problem is shown in the dialog, which stays open). Open it with
    ``open()``; on ``accepted`` the caller stores :meth:`fields` in Settings."""

    def __init__(self, parent: QWidget | None, fields: Mapping[str, str], keys: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("publisherDialog")
        self.setWindowTitle("Who publishes this ClaimReview?")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.known = dict(fields)
        why = QLabel(
            "A ClaimReview names the organisation that publishes the fact check and the page "
            "where it is published; what you type here is kept in Settings for next time.",
            self,
        )
        why.setObjectName("publisherWhy")
        why.setTextFormat(Qt.TextFormat.PlainText)
        why.setWordWrap(True)
        self.form = PublisherForm(self, fields, keys)
        self.problem = QLabel("", self)
        self.problem.setObjectName("publisherProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # it may quote the typed text
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Continue")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        rows = QFormLayout()
        self.form.add_rows(rows)
        layout.addLayout(rows)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in self.form.edits.values():
            edit.textEdited.connect(lambda _text: self.problem.hide())
        self.setMinimumWidth(max(480, self.sizeHint().width()))

    def fields(self) -> dict[str, str]:
        """All four publisher fields: what Settings had, with the typed ones in place."""
        return {**{k: self.known.get(k, "").strip() for k, _hint in PUBLISHER_FIELDS}, **self.form.values()}

    def accept(self) -> None:
        problem = publisher_problem(self.fields())
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()
