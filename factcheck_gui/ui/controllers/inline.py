"""View → Inline view: the review's comparison as one column (see :mod:`..views.inline_view`).

The column is planned in a worker when the view asks for it (shown for a comparison it has
none of, or after a theme change), then its document is filled on the window's thread a slice
at a time (a few milliseconds each, so the window keeps answering); a build for a comparison
left meanwhile is dropped. The choice is kept in the settings.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject

from factcheck_gui.review.docindex import ComparisonIndex
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.sliced import Sliced
from factcheck_gui.ui.shell.workers import Failure, TaskHandle, Workers
from factcheck_gui.ui.views.comparison_view import ComparisonView
from factcheck_gui.ui.views.inline_view import InlineDocument, InlineFill, InlinePlanned, inline_task


class InlineController(QObject):
    """Shows or hides the inline view and builds its documents."""

    def __init__(
        self, workers: Workers, comparison: ComparisonView, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.workers = workers
        self.comparison = comparison
        self.settings = settings
        self.view = comparison.inline
        # The build under way, weakly: a strong reference would close a cycle (its signals hold
        # these callbacks, which hold this controller) that the garbage collector might free
        # in a worker thread, with the signals' QObject in it.
        self._task: weakref.ref[TaskHandle[InlinePlanned]] | None = None
        self._token = 0  # only the latest build's answer is taken
        self.builds = 0  # documents built (for the tests and the benchmark)
        self._fill: Sliced | None = None  # the document being filled on this thread
        self.view.needsDocument.connect(self._build)

    @property
    def shown(self) -> bool:
        return self.view.isVisibleTo(self.comparison)

    def set_shown(self, on: bool) -> None:
        self.settings.inline_view = on
        self.comparison.set_inline(on)

    def _build(self, index: ComparisonIndex) -> None:
        running = self._task() if self._task is not None else None
        if running is not None and not running.done:
            running.cancel()  # of a comparison left, or colours changed: its result is dropped
        self._token += 1
        if self._fill is not None:
            self._fill.cancel()  # a fill under way is of the earlier build: dropped
            self._fill = None
        token, view = self._token, self.view
        palette = view.palette()

        def filled(built: InlineDocument) -> None:
            if token == self._token:
                self._fill = None
                self.builds += 1
                view.set_built(built)  # refused when the view shows another comparison now

        def fill_failed(_message: str) -> None:
            if token == self._token:
                self._fill = None
                view.build_failed()

        def done(planned: InlinePlanned) -> None:
            if token == self._token:
                fill = self._fill = Sliced(InlineFill(planned, palette).steps(), self)
                fill.finished.connect(filled)
                fill.failed.connect(fill_failed)
                fill.start()

        def failed(_failure: Failure) -> None:
            if token == self._token:
                view.build_failed()

        def cancelled() -> None:
            if token == self._token:
                view.building = False

        task = self.workers.start(
            "preparing the inline view",
            inline_task(index),
            finished=done,
            failed=failed,
            cancelled=cancelled,
        )
        self._task = weakref.ref(task)
