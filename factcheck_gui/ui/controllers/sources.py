"""Several sources in the review window: the source switcher and share strip above the panes,
the left pane showing the source that supports the selected claim, and adding sources
(File → Add source…, or files dropped on the left pane of a several-source review).

The review's comparison is the pair projection of its several-source comparison
(:mod:`factcheck_gui.engine.sources.projection`): the left pane holds every source, each under
a heading line, and the change list, verdicts and exports work on it as on a pair. This
controller only says which source is which and moves the left pane between them; comparing
again with more sources runs in a worker (the navigator's compare path) and carries the
verdicts that still apply.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QMainWindow, QMenu

from factcheck_gui.engine.sources import MAX_SOURCES
from factcheck_gui.engine.sources.projection import SourcedComparison, sourced
from factcheck_gui.review.docindex import Side
from factcheck_gui.review.opening import OpenedReview
from factcheck_gui.ui.controllers.navigator import Navigator
from factcheck_gui.ui.models.change_model import Column
from factcheck_gui.ui.shell.messages import Notifier
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.workers import TaskContext, TaskHandle
from factcheck_gui.ui.views.dialogs import FILE_FILTER, file_dialog
from factcheck_gui.ui.views.review_view import ReviewView
from factcheck_gui.ui.views.source_switcher import SourceSwitcher

FROM_COLUMN_WIDTH = 240


class SourcesController(QObject):
    """Owns the switcher and the File → Add source… action."""

    def __init__(
        self,
        window: QMainWindow,
        nav: Navigator,
        notifier: Notifier,
        settings: Settings,
        review: ReviewView,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.nav = nav
        self.notifier = notifier
        self.settings = settings
        self.review = review
        self.switcher = SourceSwitcher(review)
        layout = review.layout()
        if isinstance(layout, QBoxLayout):  # above the panes, under the summary strip
            layout.insertWidget(1, self.switcher)
        self.comparison: SourcedComparison | None = None
        self.action = QAction("Add &source…", window)
        self.action.setObjectName("add_source")
        self.action.setShortcut("Ctrl+Shift+A")
        self.action.setStatusTip("Compare the derived text with one more source (verdicts carried over)")
        self.action.setEnabled(False)
        self.action.triggered.connect(self.choose)
        for top in window.menuBar().actions():
            menu = top.menu()
            if top.text() == "&File" and isinstance(menu, QMenu):
                before = next((a for a in menu.actions() if a.objectName() == "compare_again_original"), None)
                menu.insertAction(before, self.action) if before is not None else menu.addAction(self.action)
        self.switcher.sourceChosen.connect(self.show_source)
        review.currentChangeChanged.connect(self.change_selected)
        nav.reviewOpened.connect(self.review_opened)
        nav.startPageShown.connect(self.review_closed)

    # -- what is on screen ----------------------------------------------------------------------
    def review_opened(self, opened: OpenedReview) -> None:
        self.action.setEnabled(True)
        several = sourced(opened.index.comparison)
        self.comparison = several
        if several is None:
            self.switcher.set_sources([], [], (0, 0.0))
            return
        rows = several.multi.coverage()
        self.switcher.set_sources(
            several.source_names,
            [(c.claims, c.share) for c in rows if c.source is not None],
            next(((c.claims, c.share) for c in rows if c.source is None), (0, 0.0)),
        )
        self._title(0)
        # The list's "From" column (the model has it for a several-source review only) wide
        # enough to read a name or two; the reader may resize it like any other.
        header = self.review.changes.table.horizontalHeader()
        if header.count() > Column.SOURCES:
            header.resizeSection(Column.SOURCES, FROM_COLUMN_WIDTH)

    def review_closed(self) -> None:
        self.action.setEnabled(False)
        self.comparison = None
        self.switcher.set_sources([], [], (0, 0.0))

    def change_selected(self, change_id: str) -> None:
        """The selected claim's sources are marked; the left pane shows the first of them (the
        comparison view has already brought its claim level with the derived claim)."""
        several = self.comparison
        if several is None or not change_id:
            return
        try:
            change = several.change(change_id)
        except KeyError:
            return
        sources = several.sources_of(change)
        shown = sources[0] if sources else None
        self.switcher.set_supporting(sources, shown)
        if shown is not None:
            self._title(shown)

    def show_source(self, source: int) -> None:
        """Show ``source`` on the left: the selected change's claim there if it has one, else
        the source's heading."""
        several = self.comparison
        index = self.review.comparison.index
        if several is None or index is None:
            return
        side = index.sides[Side.ORIGINAL]
        at = several.source_span(source)[0]
        change_id = self.review.current_change_id()
        if change_id:
            change = several.change(change_id)
            mine = [c for c in change.original if several.source_of_claim(c) == source]
            if mine:
                at = several.original.claim(mine[0]).start
        left = self.review.comparison.left
        left.scroll_to_y(side.to_qt(at), left.viewport().height() / 3)
        self.switcher.set_supporting(self.switcher.supporting, source)
        self._title(source)

    def _title(self, source: int) -> None:
        several = self.comparison
        if several is None:
            return
        names = several.source_names
        self.review.comparison.left_title.setText(
            f"Sources ({len(names)}) — showing s{source + 1} · {names[source]}"
        )

    # -- adding sources -------------------------------------------------------------------------
    def choose(self) -> QFileDialog | None:
        """File → Add source…: one or more files, each a further source of the derived text."""
        session = self.nav.session
        if session is None:
            return None
        dialog = file_dialog(
            self.window,
            "Add a source of the derived text",
            self.settings.last_dir,
            FILE_FILTER.split(";;"),
            name="addSourceDialog",
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda paths: self.add([Path(p) for p in paths]))
        dialog.open()
        return dialog

    def dropped(self, files: list[Path]) -> bool:
        """Files dropped on the left pane: for a several-source review they are more sources
        (True: handled); a pair review keeps its own drop (a new version of the original)."""
        if self.comparison is None or not files:
            return False
        self.add(files)
        return True

    def add(self, files: list[Path]) -> TaskHandle[OpenedReview] | None:
        """Compare the open review's derived text with its sources and ``files`` (in a worker),
        as a new review carrying over the verdicts that still apply."""
        session = self.nav.session
        if session is None or not files:
            return None
        have = len(self.comparison.source_names) if self.comparison is not None else 1
        if have + len(files) > MAX_SOURCES:
            self.notifier.warning(
                f"A review has at most {MAX_SOURCES} sources: this one has {have}, "
                f"so at most {MAX_SOURCES - have} more can be added."
            )
            return None
        self.settings.last_dir = str(files[0].parent)
        service, reviewer, review_id = self.nav.service, self.settings.reviewer, session.review_id

        def job(ctx: TaskContext) -> OpenedReview:
            from factcheck_gui.importers import load_path

            added = [load_path(p) for p in files]
            return service.add_sources(review_id, added, reviewer=reviewer, ctx=ctx)

        names = ", ".join(p.name for p in files)
        return self.nav.run_compare(
            job, f"Comparing with {have + len(files)} sources (adding {names})…", leaving="Add the source"
        )

    def open_several(self, rewrite: Path, sources: list[Path]) -> TaskHandle[OpenedReview] | None:
        """A new several-source review of ``rewrite`` against ``sources`` (in a worker)."""
        service, reviewer = self.nav.service, self.settings.reviewer

        def job(ctx: TaskContext) -> OpenedReview:
            from factcheck_gui.importers import load_path

            return service.create_several(
                load_path(rewrite), [load_path(p) for p in sources], reviewer=reviewer, ctx=ctx
            )

        return self.nav.run_compare(
            job, f"Comparing {rewrite.name} with {len(sources)} sources…", leaving="Compare the files"
        )
