"""File → Print report… and Print preview…: the exporters' report on a printer (here a QPrinter
writing PDF to a real file). A worker reads the review; every Qt document of the report is made
and drawn on the GUI thread in short slices (the window stays responsive on a big review). The
preview opens at once, pages join it as they are laid out, a page setup lays it out again, the
print dialog's page range is honoured, and closing the preview stops its work. The report's
documents load no image or other resource, from a file or the network."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QImage, QPageRanges, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from factcheck_gui.exporters.pdf import inert_document
from factcheck_gui.ui.views.print_preview import PrintPreview

BIGPAIR = Path(__file__).resolve().parents[4] / "shared" / "tools" / "bigpair.py"


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
        assert task is not None and not out.exists()  # not here: the window goes on meanwhile
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


def test_the_preview_opens_at_once_then_shows_its_pages(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    shown: list[PrintPreview] = []
    opened.printing.previewShown.connect(shown.append)
    opened.commands["print_preview"].trigger()
    # At once: the dialog is up before the report is laid out (that is the worker's).
    assert len(shown) == 1
    dialog = shown[0]
    assert isinstance(dialog, PrintPreview) and dialog.isVisible()
    assert dialog.windowModality() != Qt.WindowModality.NonModal
    qtbot.waitUntil(lambda: dialog.page_count >= 1 and 0 in dialog.column.images, timeout=30000)
    pages = dialog.page_count
    assert dialog.status.text() == f"{pages} page{'s' if pages != 1 else ''}"
    first = dialog.column.images[0]
    assert first.width() == dialog.column.page_width()  # fit width
    assert _inked(first)  # the report is drawn on it, not a blank sheet
    dialog.column.show_page(pages - 1)  # the last page is drawn once scrolled to
    qtbot.waitUntil(lambda: pages - 1 in dialog.column.images, timeout=30000)
    dialog.close()
    assert opened.printing.preview_run is None  # the layout ended with the dialog


def test_pages_drawn_while_laying_out_are_drawn_again_with_the_page_total(qtbot, opened, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.shell import sliced

    # One report part per slice: the first page is drawn before the last part is laid out.
    monkeypatch.setattr(sliced, "BUDGET_MS", 0.0001)
    monkeypatch.setattr(sliced.Sliced.__init__, "__defaults__", (None, 0.0001))
    shown: list[PrintPreview] = []
    opened.printing.previewShown.connect(shown.append)
    opened.commands["print_preview"].trigger()
    dialog = shown[0]
    early: list[int] = []
    qtbot.waitUntil(
        lambda: (
            (0 in dialog.column.images and early.append(dialog.column.pages) is None)
            and dialog.status.text().endswith(("page", "pages"))
        ),
        timeout=30000,
    )
    assert early and min(early) < dialog.page_count  # a page was drawn while the layout ran
    qtbot.waitUntil(lambda: 0 in dialog.column.images, timeout=30000)
    image = dialog.column.images[0]
    # what the first page shows is what it shows drawn afresh, "Page 1 of N" with the full N
    assert image == dialog.column.draw(0, image.width())
    dialog.close()


def _inked(image: QImage) -> bool:
    """Some dark pixels (text) on the page image."""
    small = image.scaled(image.width() // 4, image.height() // 4)
    return any(
        QColor(small.pixel(x, y)).lightness() < 100
        for y in range(small.height())
        for x in range(small.width())
    )


def test_print_in_the_preview_prints_what_it_shows(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = opened.printing.preview()
    qtbot.waitUntil(lambda: dialog.status.text().endswith(("page", "pages")), timeout=30000)
    pages = dialog.page_count
    out = tmp_path / "from-preview.pdf"  # the print dialog offers this file (no printer here)
    opened.printing.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    opened.printing.printer.setOutputFileName(str(out))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    chooser = dialog.findChild(QPrintDialog, "printDialog")
    assert chooser is not None and chooser.isVisible()
    with qtbot.waitSignal(opened.printing.printed, timeout=60000):
        chooser.accept()
    assert "Page 1 of" in _text(out)
    assert len(PdfReader(str(out)).pages) == pages  # the pages laid out for the preview
    # The preview made way for the printing.
    qtbot.waitUntil(lambda: opened.findChild(PrintPreview, "printPreview") is None, timeout=10000)
    qtbot.waitUntil(lambda: not opened.workers.busy(), timeout=10000)


def test_every_report_document_is_made_on_the_gui_thread(qtbot, opened, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A QTextDocument made in a worker thread deadlocked the app against the GUI thread (Qt's
    # signal-slot locks against the interpreter's): printing and the preview make none there.
    from factcheck_gui.exporters import pdf

    made_in: list[str] = []
    real = pdf.inert_document

    def recording() -> QTextDocument:
        made_in.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(pdf, "inert_document", recording)
    with qtbot.waitSignal(opened.printing.printed, timeout=60000):
        opened.printing.print_to(_pdf_printer(tmp_path / "p.pdf"))
    dialog = opened.printing.preview()
    qtbot.waitUntil(
        lambda: dialog.status.text().endswith("pages") and 0 in dialog.column.images, timeout=30000
    )
    dialog.close()
    assert made_in and set(made_in) == {threading.main_thread().name}
    assert "Page 1 of" in _text(tmp_path / "p.pdf")


def test_the_print_dialogs_page_range_is_printed(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    whole = tmp_path / "whole.pdf"
    with qtbot.waitSignal(opened.printing.printed, timeout=60000):
        opened.printing.print_to(_pdf_printer(whole))
    pages = len(PdfReader(str(whole)).pages)
    assert pages >= 2, "the demo report has several pages"
    out = tmp_path / "page2.pdf"
    printer = _pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    with qtbot.waitSignal(opened.printing.printed, timeout=60000):
        opened.printing.print_to(printer)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    assert f"Page 2 of {pages}" in " ".join((reader.pages[0].extract_text() or "").split())
    assert "Report printed: 1 page " in opened.statusBar().currentMessage()
    # Two ranges ("1, 3-4" in the dialog): those pages only, not everything from 1 to 4.
    if pages >= 3:
        out = tmp_path / "pages1and3.pdf"
        printer = _pdf_printer(out)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        ranges = QPageRanges()
        ranges.addPage(1)
        ranges.addRange(3, pages + 2)  # (past the end: cut at the last page)
        printer.setPageRanges(ranges)
        with qtbot.waitSignal(opened.printing.printed, timeout=60000):
            opened.printing.print_to(printer)
        texts = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages]
        assert len(texts) == 1 + pages - 2
        assert f"Page 1 of {pages}" in texts[0] and f"Page 3 of {pages}" in texts[1]
        assert not any(f"Page 2 of {pages}" in t for t in texts)
    # A range beyond the report: one clear message, nothing printed.
    printer = _pdf_printer(tmp_path / "none.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(pages + 5, pages + 6)
    with qtbot.waitSignal(opened.printing.failed, timeout=60000) as failed:
        opened.printing.print_to(printer)
    assert f"the report has {pages} pages" in failed.args[0]
    assert not (tmp_path / "none.pdf").exists()


def test_choosing_landscape_in_the_preview_lays_the_report_out_again(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = opened.printing.preview()
    assert dialog.orientation.currentText() == "Portrait"
    qtbot.waitUntil(lambda: dialog.status.text().endswith(("page", "pages")), timeout=30000)
    assert dialog.column.aspect > 1
    portrait_pages = dialog.page_count
    dialog.orientation.setCurrentIndex(dialog.orientation.findText("Landscape"))
    dialog.orientation.activated.emit(dialog.orientation.currentIndex())  # as a reader's choice does
    qtbot.waitUntil(
        lambda: dialog.column.aspect < 1 and dialog.status.text().endswith(("page", "pages")), timeout=30000
    )
    assert dialog.page_count > portrait_pages  # wider, shorter pages: more of them
    qtbot.waitUntil(lambda: 0 in dialog.column.images, timeout=30000)
    assert dialog.column.images[0].height() < dialog.column.images[0].width()
    # What is printed from here is laid out on that page.
    out = tmp_path / "landscape.pdf"
    opened.printing.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    opened.printing.printer.setOutputFileName(str(out))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    chooser = dialog.findChild(QPrintDialog, "printDialog")
    with qtbot.waitSignal(opened.printing.printed, timeout=60000):
        chooser.accept()
    box = PdfReader(str(out)).pages[0].mediabox
    assert float(box.width) > float(box.height)


@pytest.fixture(scope="module")
def big_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("big5k")
    subprocess.run([sys.executable, str(BIGPAIR), "5000", str(out)], check=True, capture_output=True)
    return out / "original.txt", out / "rewrite.txt"


class _Ticks:
    """A 10 ms timer on the GUI thread: how late its ticks come."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def start(self) -> None:
        self.times.append(time.perf_counter())
        self.timer.start()

    def worst_late_ms(self) -> float:
        self.timer.stop()
        return max((b - a) * 1000 - 10 for a, b in zip(self.times, self.times[1:], strict=False))


@pytest.fixture
def big_window(reviewing, big_pair):  # type: ignore[no-untyped-def]
    """The window with the 5,000-claim pair open."""
    reviewing.timeout_ms = 300000
    reviewing.open_pair(*big_pair)
    return reviewing.win


@pytest.mark.slow
@pytest.mark.skipif(not BIGPAIR.is_file(), reason="needs the shared bigpair tool")
def test_the_window_stays_responsive_while_a_big_preview_fills(qtbot, big_window) -> None:  # type: ignore[no-untyped-def]
    win = big_window
    qtbot.wait(500)
    ticks = _Ticks()
    ticks.start()
    dialog = win.printing.preview()
    # Open at once, before the review is read and the report laid out.
    assert dialog is not None and dialog.isVisible() and dialog.page_count == 0
    assert not dialog.column.images
    qtbot.waitUntil(lambda: dialog.page_count > 0 and 0 in dialog.column.images, timeout=300000)
    qtbot.waitUntil(lambda: dialog.status.text().endswith("pages"), timeout=300000)  # laid out
    assert dialog.page_count > 100
    for n in (dialog.page_count // 2, dialog.page_count - 1):  # scrolled far: those pages come
        dialog.column.show_page(n)
        qtbot.waitUntil(lambda n=n: n in dialog.column.images, timeout=30000)
    ticks.timer.stop()
    dialog.close()
    # The window's event loop ran all along (a 10 ms timer kept firing while the pages were laid
    # out and drawn). How long its longest gap is, is a figure of benchmarks/bench_view.py (a
    # timed bound here would fail on a loaded machine, not on a regression).
    span = ticks.times[-1] - ticks.times[0]
    assert len(ticks.times) > max(10, span * 100 / 10), f"{len(ticks.times)} ticks in {span:.1f} s"


@pytest.mark.slow
@pytest.mark.skipif(not BIGPAIR.is_file(), reason="needs the shared bigpair tool")
def test_closing_the_preview_stops_its_work(qtbot, big_window) -> None:  # type: ignore[no-untyped-def]
    win = big_window
    # Closed while the review is read: the worker stops.
    dialog = win.printing.preview()
    task = win.printing.preview_task
    assert task is not None and not task.done and dialog.page_count == 0
    with qtbot.waitSignal(task.signals.cancelled, timeout=10000):
        dialog.close()
    qtbot.waitUntil(lambda: not win.workers.busy(), timeout=10000)
    # Closed while the report is laid out: the layout stops there, no page comes.
    dialog = win.printing.preview()
    qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=300000)
    run = win.printing.preview_run
    assert run is not None and not run.done and dialog.status.text().startswith("Laying out")
    dialog.close()
    assert run.done and win.printing.preview_run is None
    qtbot.wait(300)
    assert dialog.page_count == 0 and not dialog.column.images
    assert win.printing.choose() is not None  # printing is free to start


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


def test_quitting_while_the_report_prints_asks_first(qtbot, opened, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "p.pdf"
    assert opened.printing.print_to(_pdf_printer(out)) is not None
    opened.close()
    assert opened.isVisible()  # the print job would be lost
    bar = opened.message
    assert bar.text() == "The report is still being printed: quit anyway? (The print job would be lost.)"
    assert bar.action.text() == "Quit"
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)  # the reader waits for it
    qtbot.waitUntil(lambda: not opened.printing.printing_now(), timeout=60000)
    assert "Page 1 of" in _text(out)
    # Printing again, the reader quits anyway once pages are being drawn: the job is aborted
    # (not sent half done as if whole) and the window closes.
    from factcheck_gui.ui.shell import sliced

    monkeypatch.setattr(sliced.Sliced.__init__, "__defaults__", (None, 0.0001))  # a page a turn
    printer = _pdf_printer(tmp_path / "q.pdf")
    assert opened.printing.print_to(printer) is not None
    qtbot.waitUntil(lambda: (tmp_path / "q.pdf").exists(), timeout=30000)  # drawing has begun
    assert opened.printing.printing_now()
    opened.close()
    assert opened.isVisible() and bar.action.text() == "Quit"
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not opened.isVisible(), timeout=5000)
    assert not opened.printing.printing_now()
    assert not (tmp_path / "q.pdf").exists()  # no half report left behind as if whole
