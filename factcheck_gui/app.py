"""``factcheck-gui``: start the desktop app.

``factcheck-gui ORIGINAL REWRITE [--db URL]`` opens straight into the comparison; with one
file (what a desktop's "Open with" passes for a single file: the .desktop file and the macOS
bundle declare ``%F``) it shows the start page with that file in the original pane and the
rewrite pane focused, waiting for the other version; with no arguments it shows the start page;
``--demo`` opens the bundled demo pair.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import factcheck_gui

if TYPE_CHECKING:
    from factcheck_gui.ui.main_window import MainWindow


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck-gui",
        description="Compare two versions of a story claim by claim and review the changes.",
    )
    parser.add_argument(
        "original",
        nargs="?",
        type=Path,
        help="the original story (txt, md, html, docx, pdf); given alone, it waits on the start "
        "page for the rewrite to be dropped or pasted",
    )
    parser.add_argument("rewrite", nargs="?", type=Path, help="the rewritten story")
    parser.add_argument(
        "--db", metavar="URL", help="SQLAlchemy database URL (default: local file, or $FACTCHECK_DB)"
    )
    parser.add_argument(
        "--source",
        action="append",
        type=Path,
        metavar="SOURCE",
        help="open a new review of the story given alone against this source (repeat for several, up to 10)",
    )
    parser.add_argument("--demo", action="store_true", help="open the bundled demo pair")
    parser.add_argument("--version", action="version", version=f"%(prog)s {factcheck_gui.__version__}")
    # For the packaging smoke test: close cleanly MS milliseconds after the window is ready.
    parser.add_argument("--quit-after", metavar="MS", type=int, help=argparse.SUPPRESS)
    # For the packaging smoke test: once the review is shown, export it (format from the file
    # name) through the window's own export path, the child `factcheck` process of the bundle.
    parser.add_argument("--export-to", metavar="FILE", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the process exit status."""
    args = build_parser().parse_args(argv)
    if args.export_to is not None and args.quit_after is None:
        build_parser().error("--export-to is for the smoke test and needs --quit-after")
    if args.source and (args.rewrite is not None or args.original is None or args.demo):
        build_parser().error(
            "with --source give the derived story alone: factcheck-gui STORY --source A --source B"
        )
    if args.source and len(args.source) > 10:
        build_parser().error("at most 10 sources")
    if args.demo and args.original is not None:
        build_parser().error("--demo opens its own pair; leave out ORIGINAL (and REWRITE)")
    if args.db:  # a typo in --db must not quietly create a new, empty database somewhere
        from factcheck_gui.store import StoreError
        from factcheck_gui.store.database import check_folder

        try:
            check_folder(args.db)
        except StoreError as exc:
            build_parser().error(str(exc))

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from factcheck_gui.resources import data_path
    from factcheck_gui.ui.main_window import MainWindow
    from factcheck_gui.ui.shell.settings import APPLICATION, ORGANIZATION, Settings
    from factcheck_gui.ui.shell.theme import apply_theme

    app = QApplication.instance() or QApplication(
        [sys.argv[0], *(argv if argv is not None else sys.argv[1:])]
    )
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Factcheck Compare")
    app.setApplicationVersion(factcheck_gui.__version__)
    app.setDesktopFileName("org.factcheck.Compare")  # the installed .desktop file
    icon = data_path("icons", "factcheck-gui.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))

    settings = Settings()
    apply_theme(app, settings.theme)
    window = MainWindow(settings, db_url=args.db)
    window.show()
    status = {"code": 0}

    if args.quit_after is not None:

        def quit_later(*_a: object) -> None:
            QTimer.singleShot(max(0, args.quit_after), window.close)

        def failed(_msg: str) -> None:
            status["code"] = 1
            quit_later()

        opening = args.demo or args.rewrite is not None or bool(args.source)
        if args.original is not None and args.rewrite is None and not args.source:
            if args.export_to is not None:
                build_parser().error("--export-to needs a review: give ORIGINAL and REWRITE, or --demo")
            window.input.sideReady.connect(quit_later)  # the file is in the original pane
            window.taskFailed.connect(failed)
        elif opening and args.export_to is not None:
            from factcheck_gui.exporters import EXTENSIONS

            target: Path = args.export_to
            matching = [f for f, ext in EXTENSIONS.items() if target.name.endswith(ext)]
            fmt = max(matching, key=lambda f: len(EXTENSIONS[f]), default="json")  # .audit.csv
            window.reviewShown.connect(lambda *_a: window.export_to(fmt, target))
            window.exported.connect(quit_later)
            window.taskFailed.connect(failed)
        elif opening:
            window.reviewShown.connect(quit_later)
            window.taskFailed.connect(failed)
        else:
            window.reviewsListed.connect(quit_later)

    if args.demo:
        window.nav.open_demo()  # reopens the demo's review if this database has one
    elif args.rewrite is not None:
        window.nav.open_paths(args.original, args.rewrite)
    elif args.source:
        window.sources.open_several(args.original, list(args.source))
    elif args.original is not None:
        open_original(window, args.original)
    else:
        window.nav.show_start_page()
    code = app.exec()
    return status["code"] or code


def open_original(window: MainWindow, path: Path) -> None:
    """One file: the start page with ``path`` imported into the original pane, the rewrite pane
    focused for the other version (dropped, pasted, or chosen with "Compare two files…")."""
    from factcheck_gui.review.docindex import Side

    window.nav.show_start_page()
    window.input.files(Side.ORIGINAL, [path])
    window.start.focus_pane(Side.REWRITE)

    def imported(side: object) -> None:  # keep the focus there once the original has arrived
        if side is Side.ORIGINAL and window.start.pane(Side.REWRITE).is_empty():
            window.start.focus_pane(Side.REWRITE)
        window.input.sideReady.disconnect(imported)

    window.input.sideReady.connect(imported)


if __name__ == "__main__":
    sys.exit(main())
