"""The Open pair dialog: its field labels are real labels with working Alt keys."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel


def test_open_pair_labels_show_no_ampersand_and_alt_keys_reach_the_fields(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_pair_dialog()
    qtbot.waitExposed(dialog)
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget() for row in range(2)]
    assert all(isinstance(label, QLabel) for label in labels)
    # A label without a buddy shows its "&" literally; with one it underlines the key instead.
    assert [label.buddy() for label in labels] == [dialog.original, dialog.rewrite]

    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    texts = [t for t in (labels[0].text(), labels[1].text(), open_button.text(), "&Open") if "&" in t]
    keys = {t.lower()[t.index("&") + 1] for t in texts[:3]}
    assert len(keys) == 3  # no two of them share an Alt key (Open is Alt+O where it has one)

    dialog.reject()
