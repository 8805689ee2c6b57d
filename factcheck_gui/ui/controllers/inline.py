"""View → Inline view: the review's comparison as one column (see :mod:`..views.inline_view`).

The column's document is built in a worker when the view asks for it (shown for a comparison
it has none of, or after a theme change); a build for a comparison left meanwhile is dropped.
The choice is kept in the settings.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject

from factcheck_gui.review.docindex import ComparisonIndex
from factcheck_gui.ui.shell.settings import Settings
from factcheck_gui.ui.shell.workers import Failure, TaskHandle, Workers
from factcheck_gui.ui.views.comparison_view import ComparisonView
from factcheck_gui.ui.views.inline_view import InlineDocument, inline_task


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
        self._task: weakref.ref[TaskHandle[InlineDocument]] | None = None
        self._token = 0  # only the latest build's answer is taken
        self.builds = 0  # documents built (for the tests and the benchmark)
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
        token, view = self._token, self.view

        def done(built: InlineDocument) -> None:
            self.builds += 1
            if token == self._token:
                view.set_built(built)  # refused when the view shows another comparison now

        def failed(_failure: Failure) -> None:
            if token == self._token:
                view.build_failed()

        def cancelled() -> None:
            if token == self._token:
                view.building = False

        task = self.workers.start(
            "preparing the inline view",
            inline_task(index, view.palette()),
            finished=done,
            failed=failed,
            cancelled=cancelled,
        )
        self._task = weakref.ref(task)
