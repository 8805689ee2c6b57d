"""Zoom, the inline view and printing on a big pair: how long the GUI thread stalls.

    python benchmarks/bench_view.py [N]     # N claims per side (default 20000), offscreen

Builds the pair with shared/tools/bigpair.py, opens it as a review in the real main window and
measures, with a 5 ms timer on the GUI thread (the longest gap between its ticks is the longest
stall a reader would feel; each gap is given as (wall ms, GUI thread CPU ms), and ``idle_gap_ms``
is what the machine's load alone makes while the window has nothing to do):

- each zoom step (Zoom in ×3, Zoom out ×3, Actual size) with the selected change kept in view:
  the call's own time and the longest gap until the panes have painted;
- View → Inline view: the worker's build time and the longest gap while it ran, then the
  document's adoption on the GUI thread;
- File → Print report (to a PDF file through QPrinter) and Print preview: the time to print and
  the longest gap meanwhile; the preview's opening call, its first page, the whole layout and
  the longest gap through it, pages drawn when scrolled far, and the gap while it is closed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_ui import Probe, _run_until, _wait
from sharedpath import shared_dir


def _pair(n: int, out: Path) -> Path:
    if not (out / "original.txt").is_file():
        subprocess.run(
            [sys.executable, str(shared_dir() / "tools" / "bigpair.py"), str(n), str(out)], check=True
        )
    return out


def _gap(probe: Probe, t0: float, t1: float) -> tuple[float, float]:
    """The longest gap ending in (t0, t1]: wall clock, and the GUI thread's own CPU time in it
    (the wall gap also holds the waits for a core on a loaded machine)."""
    return round(probe.max_gap_ms(t0, t1), 1), round(probe.max_cpu_gap_ms(t0, t1), 1)


def run(n: int) -> dict[str, Any]:
    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from factcheck_gui.ui.main_window import MainWindow
    from factcheck_gui.ui.shell.settings import Settings

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench_view-"))
    pair = _pair(n, Path(tempfile.gettempdir()) / f"bigpair-{n}")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "config"))
    settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, f"sqlite:///{tmp / 'r.db'}")
    win.resize(1280, 860)
    win.show()
    out: dict[str, Any] = {"claims": n}
    t = time.perf_counter()
    win.nav.open_paths(pair / "original.txt", pair / "rewrite.txt")
    assert _run_until(win.reviewShown, 900), "the review did not open"
    out["open_s"] = round(time.perf_counter() - t, 1)
    changes = win.session.index.review_changes
    out["changes"] = len(changes)
    win.review.select_change(changes[len(changes) // 2].id)
    _wait(0.5)
    probe = Probe()
    probe.start()
    t0 = time.perf_counter()
    _wait(3.0)  # nothing asked of the window: the gaps the machine's load makes by itself
    out["idle_gap_ms"] = _gap(probe, t0, time.perf_counter())

    # -- zoom
    steps = []
    for command in ["zoom_in"] * 3 + ["zoom_out"] * 3 + ["actual_size"]:
        t0 = time.perf_counter()
        win.commands[command].trigger()
        call = time.perf_counter() - t0
        _wait(0.3)
        steps.append((command, round(call * 1000, 1), _gap(probe, t0, time.perf_counter())))
    out["zoom_steps_ms"] = steps  # (command, the call, the longest gap until painted)
    out["zoom_max_call_ms"] = max(s[1] for s in steps)
    out["zoom_max_gap_ms"] = max(s[2][0] for s in steps), max(s[2][1] for s in steps)

    # -- inline view
    inline = win.review.comparison.inline
    t0 = time.perf_counter()
    win.commands["inline_view"].trigger()
    while inline.built is None and time.perf_counter() - t0 < 600:
        _wait(0.05)
    t1 = time.perf_counter()
    _wait(0.3)
    out["inline_build_s"] = round(t1 - t0, 2)
    out["inline_max_gap_ms"] = _gap(probe, t0, time.perf_counter())
    out["inline_chars"] = inline.document().characterCount()
    t0 = time.perf_counter()
    win.commands["zoom_in"].trigger()
    _wait(0.3)
    out["inline_zoom_gap_ms"] = _gap(probe, t0, time.perf_counter())
    win.commands["actual_size"].trigger()
    win.commands["inline_view"].trigger()
    _wait(0.3)

    # -- print to PDF, then preview
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp / "printed.pdf"))
    t0 = time.perf_counter()
    win.printing.print_to(printer)
    assert _run_until(win.printing.printed, 1800), "printing did not finish"
    t1 = time.perf_counter()
    out["print_s"] = round(t1 - t0, 1)
    out["print_max_gap_ms"] = _gap(probe, t0, t1)
    out["print_pdf_kb"] = (tmp / "printed.pdf").stat().st_size // 1024
    # The preview: it opens at once; the pages join it as they are laid out (on the GUI thread,
    # in slices) and only the pages in view are drawn.
    t0 = time.perf_counter()
    dialog = win.printing.preview()
    out["preview_open_ms"] = round((time.perf_counter() - t0) * 1000, 1)  # the call, on the GUI thread
    assert dialog is not None, "the preview did not open"
    while (dialog.page_count == 0 or 0 not in dialog.column.images) and time.perf_counter() - t0 < 600:
        _wait(0.02)
    out["preview_first_page_s"] = round(time.perf_counter() - t0, 2)  # read, laid out so far, drawn
    while not dialog.status.text().endswith("pages") and time.perf_counter() - t0 < 600:
        _wait(0.02)
    t1 = time.perf_counter()
    out["preview_pages"] = dialog.page_count
    out["preview_layout_s"] = round(t1 - t0, 2)  # every page laid out
    out["preview_layout_max_gap_ms"] = _gap(probe, t0, t1)
    for n in (dialog.page_count // 2, dialog.page_count - 1):  # scrolled far: those pages come
        t2 = time.perf_counter()
        dialog.column.show_page(n)
        while n not in dialog.column.images and time.perf_counter() - t2 < 60:
            _wait(0.01)
        out[f"preview_page_{'middle' if n < dialog.page_count - 1 else 'last'}_ms"] = round(
            (time.perf_counter() - t2) * 1000, 1
        )
    _wait(0.3)
    t2 = time.perf_counter()
    dialog.close()  # the laid-out parts are let go in slices
    _wait(1.0)
    out["preview_close_max_gap_ms"] = _gap(probe, t2, time.perf_counter())
    out["preview_whole_max_gap_ms"] = _gap(probe, t0, time.perf_counter())  # open, lay out, scroll, close
    probe.stop()
    win.quit_without_notes = True
    win.close()
    app.processEvents()
    return out


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)))
