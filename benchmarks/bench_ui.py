"""UI responsiveness: event-loop stalls while a 5,000-claim pair is compared, and the time for
the reference pair to open and paint.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui.py [N_CLAIMS]
(needs ../shared/tools/bigpair.py or FACTCHECK_BIGPAIR pointing at it for the big pair).
Prints the figures; goals: max stall < 100 ms, reference pair open+paint < 1 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sharedpath import shared_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from factcheck_gui.resources import sample_pair
from factcheck_gui.ui.main_window import MainWindow
from factcheck_gui.ui.shell.settings import Settings

_SHARED_BIGPAIR = shared_dir() / "tools" / "bigpair.py"
BIGPAIR = Path(os.environ.get("FACTCHECK_BIGPAIR", _SHARED_BIGPAIR))


def new_window(tmp: Path, name: str) -> MainWindow:
    settings = Settings(QSettings(str(tmp / f"{name}.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, f"sqlite:///{tmp / f'{name}.db'}")
    win.resize(1400, 900)
    win.show()
    return win


def run_until(signal, timeout_ms: int = 120000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def bench_open_reference(tmp: Path) -> float:
    win = new_window(tmp, "ref")
    QApplication.processEvents()  # benchmark setup only: let the empty window appear first
    timer = QElapsedTimer()
    timer.start()
    win.open_paths(*sample_pair())
    run_until(win.reviewShown)
    win.repaint()  # synchronous paint of the whole window with the comparison in it
    elapsed = timer.elapsed() / 1000
    win.close()
    return elapsed


def export_stalls(win: MainWindow, tmp: Path, fmt: str) -> tuple[float, float, int]:
    """File → Export of the review on screen: max event-loop stall (ms), seconds, file size."""
    target = tmp / f"export.{fmt}"
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    start = time.perf_counter()
    win.export_to(fmt, target)
    ticker.start()
    run_until(win.exported)
    ticker.stop()
    elapsed = time.perf_counter() - start
    return max(gaps) * 1000 if gaps else 0.0, elapsed, target.stat().st_size if target.exists() else 0


def bench_stalls(tmp: Path, n: int) -> tuple[float, float, float, int, dict[str, tuple[float, float, int]]]:
    out = tmp / "big"
    subprocess.run([sys.executable, str(BIGPAIR), str(n), str(out)], check=True, capture_output=True)
    original, rewrite = sorted(out.glob("original*"))[0], sorted(out.glob("rewrite*"))[0]
    win = new_window(tmp, "big")
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    done: list[float] = []
    start = time.perf_counter()
    handle = win.open_paths(original, rewrite)
    ticker.start()

    # Stalls are measured while the worker imports, compares and stores; its last progress
    # report (1.0) arrives before the result, whose display is measured separately below.
    def on_progress(f: float) -> None:
        if f >= 1.0 and ticker.isActive():
            ticker.stop()
            done.append(time.perf_counter() - start)

    handle.signals.progress.connect(on_progress)
    run_until(win.reviewShown)
    shown = time.perf_counter() - start
    claims = len(win.session.index.comparison.original.claims) if win.session else 0
    exports = (
        {fmt: export_stalls(win, tmp, fmt) for fmt in ("csv", "json", "html", "pdf")} if win.session else {}
    )
    win.close()
    return max(gaps) * 1000 if gaps else 0.0, done[0] if done else float("nan"), shown, claims, exports


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp_s)
        ref = bench_open_reference(tmp)
        print(f"reference pair: open + compare + store + paint {ref * 1000:.0f} ms (goal < 1000 ms)")
        if BIGPAIR.is_file():
            stall, compared, shown, claims, exports = bench_stalls(tmp, n)
            print(
                f"{claims}-claim pair: compared and stored in {compared:.2f} s; "
                f"max event-loop stall while comparing {stall:.0f} ms (goal < 100 ms); "
                f"on screen after {shown:.2f} s"
            )
            for fmt, (ex_stall, secs, size) in exports.items():
                print(
                    f"  File → Export {fmt}: {secs:.2f} s, {size / 1e6:.1f} MB, "
                    f"max event-loop stall {ex_stall:.0f} ms (written in a worker)"
                )
        else:
            print(f"{BIGPAIR} not found: stall benchmark skipped")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
