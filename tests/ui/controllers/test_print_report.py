"""File → Print report… and Print preview…: the exporters' report on a printer (here a QPrinter
writing PDF to a real file), laid out and drawn in a worker; the preview opens with its pages.
The report's documents load no image or other resource, from a file or the network."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from factcheck_gui.exporters.pdf import inert_document


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _text(path: Path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _flagged_words(win) -> str:  # type: ignore[no-untyped-def]
    """The rewrite's wording of the first flag of the first flagged change."""
    for change in win.session.index.review_changes:
        for flag in change.flags:
            if flag.rewrite:
                return flag.rewrite
    raise AssertionError("the demo pair has flags")


def test_printing_writes_the_report_with_title_and_flagged_change(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed.pdf"
    printer = _pdf_printer(out)
    with qtbot.waitSignal(opened.printing.printed, timeout=60000) as printed:
        task = opened.printing.print_to(printer)
        assert task is not None and not out.exists()  # the work is in a worker, not here
    assert printed.args == [str(out)]
    text = _text(out)
    title = opened.windowTitle().rsplit(" — ", 1)[0]  # the review's title
    assert title and f"Review #{opened.session.review_id}: {' '.join(title.split())}" in text
    assert " ".join(_flagged_words(opened).split()) in text
    assert "Flagged" in text or "flag" in text.lower()
    assert "Page 1 of" in text
    assert "Report printed" in opened.statusBar().currentMessage()


def test_the_printed_report_has_the_verdicts_and_notes(qtbot, reviewing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reviewing.select_change("c3")
    reviewing.press_verdict("1")
    reviewing.type_note("Checked against the wire copy.")
    reviewing.select_change("c5")  # leaving the change commits the note
    out = tmp_path / "notes.pdf"
    win = reviewing.win
    with qtbot.waitSignal(win.printing.printed, timeout=60000):
        win.printing.print_to(_pdf_printer(out))
    assert "Checked against the wire copy." in _text(out)


def test_print_report_opens_the_print_dialog(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    action = opened.commands["print_report"]
    assert action.shortcut().toString() == "Ctrl+P" and action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: opened.findChild(QPrintDialog, "printDialog") is not None, timeout=5000)
    dialog = opened.findChild(QPrintDialog, "printDialog")
    assert dialog.isVisible() and dialog.windowModality() != Qt.WindowModality.NonModal
    dialog.reject()


def test_print_commands_need_an_open_review(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert not window.commands["print_report"].isEnabled()
    assert not window.commands["print_preview"].isEnabled()
    assert window.printing.preview() is None


def test_the_preview_opens_with_the_report_pages(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(opened.printing.previewShown, timeout=60000) as shown:
        opened.commands["print_preview"].trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 1, timeout=10000)
    assert widget.pageCount() >= 1
    dialog.close()


# -- no resources: nothing from a file, nothing from the network -----------------------------------
@pytest.fixture
def image_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


def test_the_report_document_reads_no_local_image(qtbot, image_file: Path) -> None:  # type: ignore[no-untyped-def]
    html = f'<p>x <img src="{QUrl.fromLocalFile(str(image_file)).toString()}"></p>'
    url = QUrl.fromLocalFile(str(image_file))
    plain = QTextDocument()
    plain.setHtml(html)
    plain.size()  # lays it out: the image is read here
    image = QTextDocument.ResourceType.ImageResource.value
    assert plain.resource(image, url).size().width() == 4  # Qt's own document reads the file
    inert = inert_document()
    inert.setHtml(html)
    inert.size()
    assert inert.resource(image, url).size().width() == 1  # a blank pixel, not the file


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


def test_printing_a_story_with_markup_makes_no_request(qtbot, reviewing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        tag = f'<img src="http://127.0.0.1:{port}/tracker.png">'
        original = tmp_path / "original.txt"
        rewrite = tmp_path / "rewrite.txt"
        original.write_text(
            "The council met on Monday. It approved the budget of 4 million.\n", encoding="utf-8"
        )
        rewrite.write_text(
            f"The council met on Tuesday {tag}. It approved the budget of 5 million.\n", encoding="utf-8"
        )
        reviewing.open_pair(original, rewrite)
        win = reviewing.win
        out = tmp_path / "markup.pdf"
        with qtbot.waitSignal(win.printing.printed, timeout=60000):
            win.printing.print_to(_pdf_printer(out))
        text = _text(out)
        assert "tracker.png" in text  # the story's markup is printed as the characters it is
        qtbot.wait(200)
        assert _Recorder.hits == []
    finally:
        server.shutdown()
        server.server_close()
