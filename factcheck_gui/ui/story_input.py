"""New stories by drop and paste on the start page's empty panes.

A dropped file is imported like File → Open; pasted content goes through the importers'
clipboard reader, so HTML copied from a browser is extracted like an HTML file (markup,
scripts and navigation gone) and plain text is reflowed. Each side's text is shown in its pane
as plain text; once both sides are in, the pair is compared.

Signals:
    sideReady(object): one side was imported (carries the :class:`Side`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from factcheck_gui.ui.docindex import Side

if TYPE_CHECKING:
    from factcheck_gui.importers import ImportedText
    from factcheck_gui.ui.main_window import MainWindow


class StoryInput(QObject):
    """Collects the two sides of a new pair for a :class:`MainWindow`."""

    sideReady = Signal(object)

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.pending: dict[Side, ImportedText] = {}
        for side in Side:
            pane = win.start.pane(side)
            pane.filesDropped.connect(lambda files, s=side: self.files(s, files))
            pane.textPasted.connect(lambda text, html, s=side: self.text(s, text, html))
            pane.cleared.connect(lambda s=side: self.pending.pop(s, None))

    def clear(self) -> None:
        self.pending.clear()
        for side in Side:
            self.win.start.pane(side).set_index(None)

    def files(self, side: Side, files: list[Path]) -> None:
        """Files dropped on a start-page pane: two files are a pair, one fills that side."""
        if len(files) >= 2:
            self.win.open_paths(files[0], files[1])
            return
        from factcheck_gui.importers import load_path

        path = files[0]
        self.win.workers.start(
            "importing",
            lambda ctx: load_path(path),
            finished=lambda t: self._ready(side, t),
            failed=self.win.show_error,
        )

    def text(self, side: Side, text: str, html: str) -> None:
        """Text (and the HTML a browser puts beside it) pasted into an empty start-page pane."""
        from factcheck_gui.importers import from_clipboard

        self.win.workers.start(
            "reading pasted text",
            lambda ctx: from_clipboard(text=text or None, html=html or None),
            finished=lambda t: self._ready(side, t),
            failed=self.win.show_error,
        )

    def _ready(self, side: Side, imported: ImportedText) -> None:
        self.pending[side] = imported
        self.win.start.pane(side).setPlainText(imported.text)  # plain text: story text stays inert
        self.sideReady.emit(side)
        if len(self.pending) == 2:
            self.win.open_imported(self.pending[Side.ORIGINAL], self.pending[Side.REWRITE])

    def paste(self) -> None:
        """Edit → Paste story: into the first empty pane of the start page."""
        start = self.win.start
        pane = start.left if start.left.is_empty() else start.right
        if self.win.stack.currentWidget() is start and pane.is_empty():
            pane.paste_from_clipboard()
        else:
            self.win.message.show_info("Paste works in an empty pane of the start page (File → Start page).")
