"""Getting stories in: drop, paste, the command line; and cancelling a long comparison."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from factcheck_gui.review.docindex import Side
from tests.ui.conftest import REFERENCE

BIGPAIR = Path(__file__).resolve().parents[4] / "shared" / "tools" / "bigpair.py"


@pytest.fixture(autouse=True)
def _empty_clipboard_after():  # type: ignore[no-untyped-def]
    """Hand the clipboard's mime data back while Python still runs.

    QClipboard owns what a test puts on it; left there, Qt deletes it from an exit handler
    after the interpreter is gone, and the Python wrapper's destructor segfaults the run.
    """
    yield
    QGuiApplication.clipboard().clear()


def drop_files(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    drop_mime(widget, mime)


def drop_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Text dragged from another program (a browser selection) and let go over ``widget``."""
    mime = QMimeData()
    mime.setText(text)
    drop_mime(widget, mime)


def drop_mime(widget, mime: QMimeData) -> None:  # type: ignore[no-untyped-def]
    # A real drag enters before it drops; Qt only delivers the drop to the widget it entered.
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget.viewport(), event)
    assert event.isAccepted()


def test_drop_a_file_and_paste_the_other(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    left, right = window.start.pane(Side.ORIGINAL), window.start.pane(Side.REWRITE)
    drop_files(left, [REFERENCE[0]])
    qtbot.waitUntil(lambda: not left.is_empty(), timeout=10000)
    assert left.toPlainText() == REFERENCE[0].read_text(encoding="utf-8")
    QGuiApplication.clipboard().setText(REFERENCE[1].read_text(encoding="utf-8"))
    right.setFocus()
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        qtbot.keyClick(right, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    comp = window.session.index.comparison
    assert comp.original.name == "original.txt"
    assert comp.rewrite.text.strip() == REFERENCE[1].read_text(encoding="utf-8").strip()
    assert window.review.changes.model.rowCount() == len([c for c in comp.changes if c.is_change])


def test_paste_never_replaces_a_filled_pane(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    pane = opened.review.comparison.right
    before = pane.toPlainText()
    QGuiApplication.clipboard().setText("Something else entirely.")
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert pane.toPlainText() == before


def test_dropping_two_files_opens_the_pair(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.show_start_page()
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        drop_files(window.start.pane(Side.REWRITE), list(REFERENCE))
    assert window.session.index.comparison.rewrite.name == "rewrite.txt"


def test_an_unreadable_file_gives_one_message(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip at all")
    with qtbot.waitSignal(window.taskFailed, timeout=10000) as sig:
        window.nav.open_paths(bad, REFERENCE[1])
    assert "broken.docx" in sig.args[0] and "\n" not in sig.args[0]
    assert window.message.label.text() == sig.args[0]


def test_compare_again_carries_verdicts_over(qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = opened
    first = win.session.review_id
    win.review.changes.table.setFocus()
    qtbot.keyClick(win.review.changes.table, Qt.Key.Key_1)
    edited = tmp_path / "rewrite-v2.txt"
    edited.write_text(
        REFERENCE[1].read_text(encoding="utf-8") + "\nA new closing sentence was added.\n", encoding="utf-8"
    )
    with qtbot.waitSignal(win.reviewShown, timeout=30000):
        win.compare_again_with(Side.REWRITE, edited, carry=True)
    assert win.session.review_id != first
    assert win.session.index.comparison.rewrite.name == "rewrite-v2.txt"
    assert win.session.reviewed_count() >= 1
    assert "carried over" in win.message.label.text()


@pytest.mark.slow
@pytest.mark.skipif(not BIGPAIR.is_file(), reason="needs the shared bigpair tool")
def test_cancel_a_long_comparison(qtbot, window, tmp_path: Path, store_for, db_url) -> None:  # type: ignore[no-untyped-def]
    subprocess.run([sys.executable, str(BIGPAIR), "5000", str(tmp_path)], check=True, capture_output=True)
    original, rewrite = sorted(tmp_path.glob("original*"))[0], sorted(tmp_path.glob("rewrite*"))[0]
    handle = window.nav.open_paths(original, rewrite)
    assert window.status.cancel.isVisible()
    with qtbot.waitSignal(window.taskCancelled, timeout=30000):
        qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
    assert handle.done and window.session is None
    assert not window.status.cancel.isVisible()
    assert store_for(db_url).list_reviews() == []


def test_command_line_opens_and_quits(tmp_path: Path) -> None:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
    }
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from factcheck_gui.app import main; sys.exit(main())",
            str(REFERENCE[0]),
            str(REFERENCE[1]),
            "--db",
            db,
            "--quit-after",
            "100",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    from factcheck_gui.store import ReviewStore

    store = ReviewStore.open(db)
    try:
        assert [r.title for r in store.list_reviews()] == ["original.txt → rewrite.txt"]
    finally:
        store.close()


def browser_copy(paragraphs: list[str]) -> str:
    """What a browser puts on the clipboard as text/html when a whole article page is copied."""
    from html import escape

    body = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return (
        '<html><head><meta charset="utf-8"><style>p{color:red}</style></head><body>'
        "<!--StartFragment-->"
        '<nav><a href="/">Home</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav>'
        f"<article><h1>Putin on arms</h1>{body}</article>"
        "<script>alert('pasted script')</script>"
        "<footer>© Example News 2024. All rights reserved.</footer>"
        "<!--EndFragment--></body></html>"
    )


def test_html_pasted_from_a_browser_is_extracted_like_an_html_import(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from PySide6.QtCore import QMimeData

    window.nav.show_start_page()
    left, right = window.start.pane(Side.ORIGINAL), window.start.pane(Side.REWRITE)
    paragraphs = [p for p in REFERENCE[0].read_text(encoding="utf-8").split("\n\n") if p.strip()]
    paragraphs[0] = paragraphs[0] + " Tom & Jerry <b>not bold</b>."
    html = browser_copy(paragraphs)
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("\n".join(paragraphs))  # browsers offer plain text beside the HTML
    QGuiApplication.clipboard().setMimeData(mime)
    left.setFocus()
    with qtbot.waitSignal(window.input.sideReady, timeout=10000):
        qtbot.keyClick(left, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    shown = left.toPlainText()
    assert "Tom & Jerry" in shown  # entities decoded
    assert "<b>not bold</b>" in shown  # text that looks like markup stays text (it was escaped)
    for gone in ("alert(", "pasted script", "Sport | Weather", "All rights reserved", "color:red", "<p>"):
        assert gone not in shown, gone
    assert shown.count("\n\n") >= len(paragraphs) - 2  # paragraphs kept

    QGuiApplication.clipboard().setText(REFERENCE[1].read_text(encoding="utf-8"))
    right.setFocus()
    with qtbot.waitSignal(window.reviewShown, timeout=30000):
        qtbot.keyClick(right, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    original = window.session.index.comparison.original
    assert original.text == shown
    assert original.source.kind == "clipboard"
    assert original.source.sha256 == hashlib.sha256(html.encode("utf-8")).hexdigest()  # from the HTML


def test_pasting_something_without_text_is_a_message(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData

    window.nav.show_start_page()
    left = window.start.pane(Side.ORIGINAL)
    mime = QMimeData()
    mime.setHtml("<html><body><script>alert(1)</script><img src=x></body></html>")
    QGuiApplication.clipboard().setMimeData(mime)
    left.setFocus()
    with qtbot.waitSignal(window.taskFailed, timeout=10000) as sig:
        qtbot.keyClick(left, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "clipboard" in sig.args[0] and "\n" not in sig.args[0]
    assert left.is_empty() and window.message.text() == sig.args[0]
