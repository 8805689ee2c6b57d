"""Links made by hand in the window: the verdict panel's "Link with c14 as one claim" and
"Take this link apart" (see :mod:`factcheck_gui.engine.handlink`).

The link is worked out and stored in a worker (the engine reads the whole texts, the store
writes the review's comparison anew), then the review is opened again from the store, as any
review is, with the new change selected; the message bar says what was done. A refusal (a
verdict or note on one of the changes, a colleague's link first) is one line there, and the
review stays as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from factcheck_gui.engine.types import Change
from factcheck_gui.ui.shell.workers import Failure, TaskContext, Workers
from factcheck_gui.ui.views.review_view import ReviewView

if TYPE_CHECKING:
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier
    from factcheck_gui.ui.shell.settings import Settings


class HandLinks(QObject):
    """Runs the verdict panel's link and unlink requests for the review on screen."""

    def __init__(
        self,
        nav: Navigator,
        notifier: Notifier,
        workers: Workers,
        settings: Settings,
        review: ReviewView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.nav = nav
        self.notifier = notifier
        self.workers = workers
        self.settings = settings
        self.review = review
        self._select_after: tuple[int, str] | None = None  # (review, change) to select once shown
        self._said = ""  # what the message bar says once it is shown
        review.verdict.linkRequested.connect(self.link)
        review.verdict.unlinkRequested.connect(self.unlink)
        nav.reviewShown.connect(self._shown)

    def _notes_saved(self) -> bool:
        """The panel's notes are in the store; else the reader is told why nothing was done
        (reopening after the link would ask to drop them)."""
        unsaved = self.review.verdict.save_all_notes()
        if unsaved:
            self.notifier.warning(
                f"The note on {', '.join(unsaved)} is not saved yet: save it or let it go first "
                "(or reopen the review, if its change is gone), then link or take apart."
            )
        return not unsaved

    def link(self, first: str, second: str) -> None:
        session = self.nav.session
        if session is None or not self._notes_saved():
            return
        review_id, service, reviewer = session.review_id, self.nav.service, self.settings.reviewer

        def job(_ctx: TaskContext) -> Change:
            return service.store().link_changes(review_id, first, second, reviewer=reviewer)

        def done(linked: Change) -> None:
            self._reopen(review_id, linked.id, f"{first} and {second} are one claim now: {linked.id}.")

        self.notifier.status.busy(f"Linking {first} and {second}…")
        self.workers.start("linking by hand", job, finished=done, failed=self._failed)

    def unlink(self, change_id: str) -> None:
        session = self.nav.session
        if session is None or not change_id or not self._notes_saved():
            return
        review_id, service, reviewer = session.review_id, self.nav.service, self.settings.reviewer

        def job(_ctx: TaskContext) -> tuple[Change, ...]:
            return service.store().unlink_change(review_id, change_id, reviewer=reviewer)

        def done(parts: tuple[Change, ...]) -> None:
            said = f"{change_id} is taken apart: {' and '.join(p.id for p in parts)} again."
            self._reopen(review_id, parts[0].id, said)

        self.notifier.status.busy(f"Taking {change_id} apart…")
        self.workers.start("unlinking", job, finished=done, failed=self._failed)

    def _reopen(self, review_id: int, select: str, said: str) -> None:
        self.notifier.status.idle()
        self._select_after = (review_id, select)
        self._said = said
        self.nav.open_review(review_id)

    def _shown(self, review_id: int) -> None:
        pending, self._select_after = self._select_after, None
        if pending is None or pending[0] != review_id:
            return
        self.review.select_change(pending[1])
        self.notifier.info(self._said)

    def _failed(self, failure: Failure) -> None:
        self.notifier.status.idle()
        self.notifier.failure(failure)
