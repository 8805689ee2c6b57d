"""File → Export: the save dialog, every format written from the review on screen, failures."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QMessageBox, QPushButton

from factcheck_gui.exporters import EXTENSIONS, FORMATS, SCHEMA
from factcheck_gui.store.records import DEFAULT_SCALE
from tests.ui.conftest import answer_file_dialog


def give_first_change_a_verdict(qtbot, win) -> str:  # type: ignore[no-untyped-def]
    """Verdict 1 and a note with markup-like text on the selected change; returns its id."""
    cid = win.review.current_change_id()
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)
    note = win.review.verdict.note
    note.setFocus()
    qtbot.keyClicks(note, "Checked <script>x</script> with Yonhap")
    return str(cid)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_file(fmt: str, path: Path, win, cid: str) -> None:  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    review_changes = win.session.index.review_changes
    note = "Checked <script>x</script> with Yonhap"
    if fmt in ("csv", "audit"):
        assert data.startswith(b"\xef\xbb\xbf")  # spreadsheet programs need the BOM
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        if fmt == "csv":
            assert {r["change_id"] for r in rows} >= {c.id for c in review_changes}
            row = next(r for r in rows if r["change_id"] == cid)
            assert row["verdict"] == DEFAULT_SCALE[0] and row["note"] == note and row["reviewer"] == "Tester"
        else:
            assert any(r["change_id"] == cid and r["new_verdict"] == DEFAULT_SCALE[0] for r in rows)
    elif fmt == "json":
        doc = json.loads(data)
        assert doc["schema"] == SCHEMA
        assert doc["review"]["id"] == win.session.review_id
    elif fmt == "claimreview":
        reviews = json.loads(data)
        assert [r["@type"] for r in reviews] == ["ClaimReview"]
        assert reviews[0]["reviewRating"]["alternateName"] == DEFAULT_SCALE[0]
        assert reviews[0]["author"]["name"] == "Example Checks"  # the organisation, not the login
    elif fmt == "html":
        parser = _Tags()
        parser.feed(data.decode("utf-8"))
        assert "script" not in parser.tags  # the note's markup is text, not an element
        assert note in "".join(parser.text)
        assert win.session.opened.title in "".join(parser.text)
    elif fmt == "md":
        text = data.decode("utf-8")
        assert win.session.opened.title in text and "Yonhap" in text
        assert "<script>" not in text  # escaped
    elif fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert "Yonhap" in text
    else:  # a format added to the exporters: at least the file is there
        assert data


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_every_format_through_the_menu(qtbot, opened, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    win = opened
    win.settings.set_publisher_fields(organisation="Example Checks", review_url="https://checks.example/r/1")
    cid = give_first_change_a_verdict(qtbot, win)
    action = win.commands[f"export_{fmt}"]
    assert action.isEnabled()
    action.trigger()
    dialog = win.findChild(QFileDialog, "exportDialog")
    # The dialog offers every format and starts on the one chosen, with a file name for it.
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert len(dialog.nameFilters()) == len(FORMATS)
    assert dialog.selectedNameFilter().endswith(f"(*{EXTENSIONS[fmt]})")
    assert (
        dialog.findChild(QLineEdit, "fileNameEdit").text()
        == f"review-{win.session.review_id}{EXTENSIONS[fmt]}"
    )
    target = tmp_path / f"log{EXTENSIONS[fmt]}"
    with qtbot.waitSignal(win.exported, timeout=30000) as sig:
        answer_file_dialog(qtbot, win, "exportDialog", target)  # the pending note is saved first
    assert sig.args == [str(target)]
    check_file(fmt, target, win, cid)
    assert str(target) in win.message.text()
    if fmt == "claimreview":  # the exporter's sentence: how many items were written
        assert "1 ClaimReview item written" in win.message.text()
    assert not list(tmp_path.glob(".*.part"))  # no temporary file left beside it


def test_export_dialog_filter_and_typed_suffix_choose_the_format(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = opened
    cid = give_first_change_a_verdict(qtbot, win)
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.findChild(QFileDialog, "exportDialog") is not None, timeout=3000)
    dialog = win.findChild(QFileDialog, "exportDialog")
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    html_row = next(i for i in range(combo.count()) if combo.itemText(i).endswith("(*.html)"))
    assert combo.currentIndex() < html_row
    while combo.currentIndex() < html_row:  # the reader steps through the file types
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    with qtbot.waitSignal(win.exported, timeout=30000) as sig:
        answer_file_dialog(qtbot, win, "exportDialog", tmp_path / "report")  # no suffix typed
    assert sig.args == [str(tmp_path / "report.html")]
    check_file("html", tmp_path / "report.html", win, cid)

    # A name typed with another format's suffix asks which format; the reader may take it.
    win.commands["export_html"].trigger()
    answer_file_dialog(qtbot, win, "exportDialog", tmp_path / "sheet.csv")
    box = _format_question(qtbot, win)
    assert "sheet.csv" in box.text() and "(HTML)" in box.text() and "(CSV)" in box.text()
    with qtbot.waitSignal(win.exported, timeout=30000):
        box.findChild(QPushButton, "useNamedFormat").click()
    check_file("csv", tmp_path / "sheet.csv", win, cid)


def _format_question(qtbot, win) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _visible_question(win) is not None, timeout=5000)
    box = _visible_question(win)
    assert box is not None
    return box


def _visible_question(win) -> QMessageBox | None:  # type: ignore[no-untyped-def]
    boxes = [b for b in win.findChildren(QMessageBox, "exportFormatQuestion") if b.isVisible()]
    return boxes[-1] if boxes else None


@pytest.mark.parametrize(
    ("fmt", "name"), [("claimreview", "review-1.claimreview.json"), ("audit", "review-1-audit.csv")]
)
def test_the_format_chosen_in_the_menu_is_what_gets_written(qtbot, opened, tmp_path: Path, fmt: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ClaimReview… saved as "….claimreview.json" once wrote the full review JSON, and Audit
    trail… as "…-audit.csv" the per-change CSV: the menu's format is written unless the reader
    says otherwise."""
    win = opened
    win.settings.set_publisher_fields(organisation="Example Checks", review_url="https://checks.example/r/1")
    cid = give_first_change_a_verdict(qtbot, win)
    win.commands[f"export_{fmt}"].trigger()
    target = tmp_path / name
    answer_file_dialog(qtbot, win, "exportDialog", target)
    box = _format_question(qtbot, win)
    assert box.defaultButton() is box.findChild(QPushButton, "keepChosenFormat")
    with qtbot.waitSignal(win.exported, timeout=30000):
        box.findChild(QPushButton, "keepChosenFormat").click()
    check_file(fmt, target, win, cid)


def test_cancelling_the_format_question_writes_nothing(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = opened
    win.settings.set_publisher_fields(organisation="Example Checks", review_url="https://checks.example/r/1")
    give_first_change_a_verdict(qtbot, win)
    win.commands["export_claimreview"].trigger()
    target = tmp_path / "out.json"
    answer_file_dialog(qtbot, win, "exportDialog", target)
    box = _format_question(qtbot, win)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(300)
    assert not target.exists()


def test_a_failed_export_is_one_clear_message(qtbot, opened, tmp_path: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    win = opened
    target = tmp_path / "gone" / "report.csv"  # the folder was removed after it was chosen
    with qtbot.waitSignal(win.exports.failed, timeout=10000) as sig:
        win.export_to("csv", target)
    message = sig.args[0]
    assert message.startswith("Export failed:") and "\n" not in message
    assert "gone" in message
    assert win.message.isVisible() and win.message.text() == message
    assert win.stack.currentWidget() is win.review and win.session is not None  # nothing else lost
    assert not target.exists()
    assert "Traceback" not in capfd.readouterr().err


def test_export_is_only_offered_with_a_review_open(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    assert not window.commands["export"].isEnabled()
    assert not window.commands.export_menu.isEnabled()
    assert window.exports.choose("csv") is None


def test_exporting_over_a_read_only_file_is_refused_and_leaves_it(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os
    import stat

    win = opened
    target = tmp_path / "checked.csv"
    target.write_text("the version the editor signed off", encoding="utf-8")
    os.chmod(target, 0o444)  # the reader protected it (the check reads the bits: root too)
    with qtbot.waitSignal(win.exports.failed, timeout=30000) as sig:
        win.export_to("csv", target)
    message = sig.args[0]
    assert message == f"Export failed: {target} is read-only; it was left unchanged. Choose another name."
    assert win.message.text() == message and win.message.level() == "error"
    assert target.read_text(encoding="utf-8") == "the version the editor signed off"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert not list(tmp_path.glob(".*.part"))
