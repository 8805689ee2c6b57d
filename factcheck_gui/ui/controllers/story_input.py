"""New stories by drop and paste on the start page's empty panes.

A dropped file is imported like File → Open; pasted content goes through the importers'
clipboard reader, so HTML copied from a browser is extracted like an HTML file (markup,
scripts and navigation gone) and plain text is reflowed. Each side's text is shown in its pane
as plain text; once both sides are in, the pair is compared.

Pasted text may exist nowhere else (typed, or edited before copying): a file dropped on it
replaces it only when the reader confirms in the message bar, and so does any other way of
opening a review instead (File → Compare two files…, the demo pair, a recent review, Import
review file): the panes are a leave guard of the navigator (:meth:`StoryInput.holds`). A pane
filled from a file is refilled by the next file dropped on it.

Signals:
    sideReady(object): one side was imported (carries the :class:`Side`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from factcheck_gui.review import wording
from factcheck_gui.review.docindex import Side
from factcheck_gui.ui.controllers.navigator import Hold, Leaving
from factcheck_gui.ui.shell.workers import Workers

if TYPE_CHECKING:
    from factcheck_gui.importers import ImportedText
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier
    from factcheck_gui.ui.views.start_page import StartPage


_SIDE_NAMES = {Side.ORIGINAL: "original", Side.REWRITE: "rewrite"}


class StoryInput(QObject):
    """Collects the two sides of a new pair from the start page's panes."""

    sideReady = Signal(object)

    def __init__(self, nav: Navigator, notifier: Notifier, workers: Workers, start: StartPage) -> None:
        super().__init__(start)
        self.nav = nav
        self.notifier = notifier
        self.workers = workers
        self.start = start
        self.pending: dict[Side, ImportedText] = {}
        # The sides whose pane holds pasted text: typed or edited elsewhere, it may exist
        # nowhere else, so a dropped file does not replace it without asking.
        self.pasted: set[Side] = set()
        self._clearing = False  # the panes' own pair is being compared
        self._agreed = False  # the reader agreed to let the pasted text go (for the next opening)
        for side in Side:
            pane = start.pane(side)
            pane.filesDropped.connect(lambda files, s=side: self.files(s, files))
            pane.textPasted.connect(lambda text, html, s=side: self.text(s, text, html))
            pane.textDropped.connect(lambda text, html, s=side: self.dropped_text(s, text, html))
            pane.cleared.connect(lambda s=side: self._forget(s))
        nav.reviewOpened.connect(self.clear)  # a review opened another way clears the panes

    def clear(self, *_opened: object) -> None:
        self.pending.clear()
        self.pasted.clear()
        for side in Side:
            self.start.pane(side).set_index(None)

    def holds(self, leaving: Leaving) -> Hold | None:
        """The leave guard: opening a review instead of the panes' pair, or closing the window,
        would lose pasted text.

        A review opened another way clears the panes once it shows. Text pasted into them may
        exist nowhere else, so the reader is first asked "``doing`` anyway?"; once they agree,
        the next opening goes ahead (the panes stay until the review shows, so a failed or
        cancelled opening keeps them, and the next one asks again). Quitting asks the same.
        """
        agreed, self._agreed = self._agreed, False
        if not (leaving.opens_review or leaving.quits) or not self.pasted or self._clearing or agreed:
            return None
        stories = " and ".join(_SIDE_NAMES[s] for s in Side if s in self.pasted)
        if leaving.quits:
            return Hold(wording.pasted_lost_on_quit(stories), leaving.doing, self._agree)
        return Hold(wording.pasted_cleared(stories, leaving.doing), leaving.doing, self._agree)

    def _agree(self) -> None:
        self._agreed = True

    @contextmanager
    def _clearing_allowed(self) -> Iterator[None]:
        was, self._clearing = self._clearing, True
        try:
            yield
        finally:
            self._clearing = was

    def _forget(self, side: Side) -> None:
        self.pending.pop(side, None)
        self.pasted.discard(side)

    def files(self, side: Side, files: list[Path]) -> None:
        """Files dropped on a start-page pane: two files are a pair, one fills that side.

        Pasted text the files would replace is only replaced when the reader says so (an offer
        in the message bar); an empty pane, or one filled from a file, is simply refilled.
        """
        if not files:
            return
        # Two files are compared as a new pair: the text pasted into either pane goes.
        replaced = [s for s in Side if s in self.pasted and (len(files) >= 2 or s is side)]
        if replaced:
            stories = " and ".join(_SIDE_NAMES[s] for s in replaced)
            names = " and ".join(p.name for p in files[:2])
            asked = self._pasted_now()
            self.notifier.offer(
                f"Replace the pasted {stories} with {names}?",
                "Replace",
                lambda: (
                    self._take_files(side, files) if self._pasted_now() == asked else self.files(side, files)
                ),
            )
            return
        self._take_files(side, files)

    def _pasted_now(self) -> tuple[tuple[Side, str], ...]:
        """The pasted stories as they stand: an answer given about others is asked again."""
        return tuple((s, self.start.pane(s).toPlainText()) for s in Side if s in self.pasted)

    def _take_files(self, side: Side, files: list[Path]) -> None:
        if len(files) >= 2:
            with self._clearing_allowed():  # the reader was asked about any pasted text
                self.nav.open_paths(files[0], files[1])
            return
        from factcheck_gui.importers import load_path

        path = files[0]
        self.workers.start(
            "importing",
            lambda ctx: load_path(path),
            finished=lambda t: self._ready(side, t),
            failed=self.notifier.failure,
        )

    def dropped_text(self, side: Side, text: str, html: str) -> None:
        """Text dragged onto a pane: like a paste, but pasted text there goes only when the
        reader says so (a drag is easily let go over the wrong pane; Ctrl+V is deliberate)."""
        if side in self.pasted:
            asked = self._pasted_now()
            self.notifier.offer(
                f"Replace the pasted {_SIDE_NAMES[side]} with the text you dropped?",
                "Replace",
                lambda: (
                    self.text(side, text, html)
                    if self._pasted_now() == asked
                    else self.dropped_text(side, text, html)
                ),
            )
            return
        self.text(side, text, html)

    def text(self, side: Side, text: str, html: str) -> None:
        """Text (and the HTML a browser puts beside it) pasted into an empty start-page pane."""
        from factcheck_gui.importers import from_clipboard

        self.workers.start(
            "reading pasted text",
            lambda ctx: from_clipboard(text=text or None, html=html or None),
            finished=lambda t: self._ready(side, t, pasted=True),
            failed=self.notifier.failure,
        )

    def _ready(self, side: Side, imported: ImportedText, *, pasted: bool = False) -> None:
        self.pending[side] = imported
        if pasted:
            self.pasted.add(side)
        else:
            self.pasted.discard(side)
        self.start.pane(side).setPlainText(imported.text)  # plain text: story text stays inert
        self.sideReady.emit(side)
        if len(self.pending) == 2:
            with self._clearing_allowed():  # the pasted text is compared, not lost
                self.nav.open_imported(self.pending[Side.ORIGINAL], self.pending[Side.REWRITE])

    def paste(self) -> None:
        """Edit → Paste story: into the first empty pane of the start page."""
        start = self.start
        pane = start.left if start.left.is_empty() else start.right
        if self.nav.on_start_page() and pane.is_empty():
            pane.paste_from_clipboard()
        else:
            self.notifier.info("Paste works in an empty pane of the start page (File → Start page).")
