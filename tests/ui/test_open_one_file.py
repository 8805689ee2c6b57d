"""`factcheck-gui ONE-FILE` (a desktop's "Open with" on one file): the start page, the file in the
original pane, the rewrite pane focused; two files still compare straight away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from factcheck_gui.app import build_parser, open_original
from factcheck_gui.review.docindex import Side
from tests.ui.conftest import REFERENCE


def test_one_file_waits_on_the_start_page_for_the_rewrite(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    open_original(window, REFERENCE[0])
    left, right = window.start.pane(Side.ORIGINAL), window.start.pane(Side.REWRITE)
    qtbot.waitUntil(lambda: not left.is_empty(), timeout=10000)
    assert window.stack.currentWidget() is window.start
    assert left.toPlainText() == REFERENCE[0].read_text(encoding="utf-8")
    assert right.is_empty() and window.session is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is right, timeout=5000)

    # The rewrite pasted where the focus already is: the pair is compared.
    QGuiApplication.clipboard().setText(REFERENCE[1].read_text(encoding="utf-8"))
    try:
        with qtbot.waitSignal(window.reviewShown, timeout=30000):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    finally:
        QGuiApplication.clipboard().clear()
    comp = window.session.index.comparison
    assert comp.original.name == "original.txt"
    assert comp.rewrite.text.strip() == REFERENCE[1].read_text(encoding="utf-8").strip()


def test_a_file_that_cannot_be_read_says_so_and_leaves_the_start_page(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.taskFailed, timeout=10000) as failed:
        open_original(window, tmp_path / "missing.txt")
    assert "missing.txt" in failed.args[0]
    assert window.stack.currentWidget() is window.start
    assert window.start.pane(Side.ORIGINAL).is_empty()


def test_the_command_line_takes_one_file_or_two() -> None:
    one = build_parser().parse_args(["story.txt"])
    assert one.original == Path("story.txt") and one.rewrite is None
    two = build_parser().parse_args(["a.txt", "b.txt"])
    assert (two.original, two.rewrite) == (Path("a.txt"), Path("b.txt"))


def _gui(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    db = f"sqlite:///{cwd / 'reviews.db'}"
    return subprocess.run(
        [sys.executable, "-m", "factcheck_gui.app", *args, "--db", db, "--quit-after", "0"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_factcheck_gui_with_one_file_starts_and_with_a_missing_one_fails_cleanly(tmp_path: Path) -> None:
    one = _gui([str(REFERENCE[0])], tmp_path)
    assert one.returncode == 0, one.stderr
    assert "give both" not in one.stderr and "Traceback" not in one.stderr
    missing = _gui([str(tmp_path / "missing.txt")], tmp_path)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_factcheck_gui_with_two_files_still_compares(tmp_path: Path) -> None:
    two = _gui([str(REFERENCE[0]), str(REFERENCE[1])], tmp_path)
    assert two.returncode == 0, two.stderr
    assert "Traceback" not in two.stderr
