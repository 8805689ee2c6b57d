"""Screenshots of the main window on the demo pair, light and dark, under a real X server.

Usage (Debian: apt-get install xvfb libxcb-cursor0 …):
    xvfb-run -a -s "-screen 0 1600x1000x24" python benchmarks/screenshots.py [OUTDIR]
Writes OUTDIR/main-light.png and OUTDIR/main-dark.png (the review window with the summary
strip above the panes and the overview maps beside them), OUTDIR/ledger-light.png (the same
window with View → Fact ledger open), OUTDIR/strip-light.png (the summary strip alone),
OUTDIR/preview-light.png (File → Print preview…) and OUTDIR/sources-light.png (a story checked
against several sources), default docs/screenshots/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from factcheck_gui.resources import sample_pair
from factcheck_gui.ui.main_window import MainWindow
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.theme import Theme, apply_theme

ROOT = Path(__file__).resolve().parents[1]


def wait_for(signal, timeout_ms: int = 30000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, theme: Theme, out: Path, tmp: Path) -> None:
    settings = Settings(QSettings(str(tmp / f"{theme}.ini"), QSettings.Format.IniFormat))
    settings.reviewer = "A. Checker"
    settings.theme = theme
    apply_theme(app, theme)
    win = MainWindow(settings, f"sqlite:///{tmp / f'{theme}.db'}")
    win.resize(1440, 900)
    win.show()
    win.open_paths(*sample_pair())
    wait_for(win.reviewShown)
    view = win.review
    # A review under way: two verdicts given, a flagged reworded claim selected with a note.
    view.changes.select_change("c1")
    view.verdict.apply_number(3)
    view.changes.select_change("c2")
    view.verdict.apply_number(1)
    view.changes.select_change("c3")
    view.verdict.note.setPlainText("Negation dropped: check the original quote.")
    view.verdict.save_note()
    settle(app)
    target = out / f"main-{theme}.png"
    win.grab().save(str(target))
    print(target)
    if theme is Theme.LIGHT:
        target = out / "strip-light.png"
        view.strip.grab().save(str(target))
        print(target)
        win.ledger.action.trigger()  # View → Fact ledger: built in a worker
        for _ in range(100):  # the ledger is built in a worker
            settle(app, 100)
            if win.ledger.view.visible_entries():
                break
        view.changes.select_change("c3")
        settle(app)
        target = out / "ledger-light.png"
        win.grab().save(str(target))
        print(target)
        win.ledger.action.trigger()
        # File → Print preview…: the report's pages, drawn as they are laid out.
        preview = win.printing.preview()
        for _ in range(100):
            settle(app, 100)
            if preview is not None and preview.status.text().endswith("pages") and 0 in preview.column.images:
                break
        settle(app)
        if preview is not None:
            target = out / "preview-light.png"
            preview.grab().save(str(target))
            print(target)
            preview.close()
        # A story checked against several sources: the switcher and shares above the panes, the
        # "From" column in the change list (a real Wikinews article and the texts it cites).
        case = ROOT / "benchmarks" / "pairs" / "multi" / "powell-resignation"
        win.sources.open_several(case / "derived-wikinews.txt", sorted(case.glob("source*.txt")))
        wait_for(win.reviewShown)
        settle(app, 800)
        target = out / "sources-light.png"
        win.grab().save(str(target))
        print(target)
    win.close()


def settle(app: QApplication, ms: int = 300) -> None:
    """Let the window paint and its workers finish for ``ms`` (a local loop: ``app.quit()``
    would close the window in Qt 6)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    os.environ.setdefault("FACTCHECK_NO_DEMO_GUIDE", "1")  # no first-run guide over the demo
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("factcheck-gui")
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        for theme in (Theme.LIGHT, Theme.DARK):
            shoot(app, theme, out, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
