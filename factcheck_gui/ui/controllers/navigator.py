"""The review lifecycle: which review is open, opening another, leaving one, the start page.

Everything that opens or leaves a review goes through :meth:`Navigator.leave`. Whatever must
not be lost on leaving (a note the store refused, text pasted into the start page's panes)
is a :class:`LeaveGuard` registered with :meth:`Navigator.add_guard`: when a guard holds, the
message bar says what would be lost and offers to go on without it; the navigator then lets
the guard release it and carries out what the reader asked for. Callers never retry.

Signals:
    reviewOpened(object): an :class:`OpenedReview` is on screen (its session set, before the
        selection and scroll are restored).
    reviewShown(int): a review is on screen with its verdicts, selection and scroll restored.
    reviewClosed(): the review on screen was left (the start page or another review follows).
    startPageShown(): the start page is on screen.
    reviewsListed(): the start page's list was refreshed.
    taskCancelled(): the reader cancelled a comparison.
    damaged(object): a :class:`CorruptDatabaseError` naming a file (the recovery answers it).
    progressChanged(): the count of reviewed changes may have changed.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from factcheck_gui.review import wording
from factcheck_gui.review.opening import OpenedReview, ReviewService
from factcheck_gui.review.punctuation import punctuation_only_of
from factcheck_gui.store.errors import CorruptDatabaseError, StoreError
from factcheck_gui.ui.models.session import ReviewSession
from factcheck_gui.ui.shell.workers import Failure, TaskContext, TaskHandle, Workers
from factcheck_gui.ui.views.pane import prepare_documents
from factcheck_gui.ui.views.summary_strip import prepare_counts

if TYPE_CHECKING:
    from factcheck_gui.importers import ImportedText
    from factcheck_gui.ui.shell.messages import Notifier
    from factcheck_gui.ui.shell.settings import ReviewUiState, Settings
    from factcheck_gui.ui.views.review_view import ReviewView
    from factcheck_gui.ui.views.start_page import StartPage
    from factcheck_gui.ui.views.verdict_panel import VerdictPanel

T = TypeVar("T")


@dataclass(frozen=True)
class Leaving:
    """Why the review on screen would be left."""

    doing: str  # what the reader asked for, as on the offer's button ("Open review #3")
    opens_review: bool = False  # another review replaces it (the start page's panes are cleared)
    quits: bool = False  # the window closes (everything on screen goes, the start page's panes too)
    stays: str = "this review stays open"  # what happens meanwhile, in the offer's sentence


@dataclass(frozen=True)
class Hold:
    """What a guard says would be lost, and how to let it go."""

    message: str
    button: str
    release: Callable[[], object]
    level: str = "info"


class LeaveGuard(Protocol):
    """Something on screen that leaving would lose without a word."""

    def holds(self, leaving: Leaving) -> Hold | None:
        """None when nothing would be lost (after trying to keep it: saving a note)."""


class NotesGuard:
    """Notes the store refused (a read-only or locked database, a colleague's edit) live only in
    the verdict panel: leaving the review would drop them."""

    def __init__(self, panel: VerdictPanel, reason: Callable[[], str]) -> None:
        self.panel = panel
        self.reason = reason  # the store's last refusal, for the sentence

    def holds(self, leaving: Leaving) -> Hold | None:
        unsaved = self.panel.save_all_notes()
        if not unsaved:
            return None
        message, button = wording.notes_not_saved(unsaved, self.reason(), leaving.stays, leaving.doing)
        return Hold(message, button, lambda: self.panel.discard_unsaved(unsaved), level="error")


@dataclass(frozen=True)
class Screens:
    """The pages the navigator moves between."""

    stack: QStackedWidget
    start: StartPage
    review: ReviewView


class Navigator(QObject):
    """Owns the service, the open review's session and the running comparison (see the module)."""

    reviewOpened = Signal(object)
    reviewShown = Signal(int)
    reviewClosed = Signal()
    startPageShown = Signal()
    reviewsListed = Signal()
    taskCancelled = Signal()
    damaged = Signal(object)
    progressChanged = Signal()

    def __init__(
        self,
        service: ReviewService,
        settings: Settings,
        workers: Workers,
        notifier: Notifier,
        screens: Screens,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self.workers = workers
        self.notifier = notifier
        self.screens = screens
        self.session: ReviewSession | None = None
        self.task: TaskHandle[OpenedReview] | None = None
        self._guards: list[LeaveGuard] = []
        # A review's page is filled while hidden, then shown at the next turn of the event loop
        # (a timer, so that the window paints and takes input between the two): the session,
        # the review and the place to restore, until then.
        self._revealing: tuple[ReviewSession, OpenedReview, ReviewUiState] | None = None
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(self._reveal)
        # The page shown, its place restored, it is painted at the turn after (the stack's
        # updates held meanwhile): showing it and painting it the first time are each a turn.
        self._painting: int | None = None  # the review whose first paint is held
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._let_paint)

    # -- leaving -------------------------------------------------------------------------------
    def add_guard(self, guard: LeaveGuard) -> None:
        """Asked, in the order added, before the review on screen is left."""
        self._guards.append(guard)

    def stays(self, leaving: Leaving, then: Callable[[], object]) -> bool:
        """True when a guard holds: the message bar asks, and ``then`` runs once the reader has
        let go of what it holds (and nothing else holds). False: nothing would be lost."""
        for guard in self._guards:
            hold = guard.holds(leaving)
            if hold is not None:

                def without(hold: Hold = hold) -> None:
                    hold.release()
                    if not self.stays(leaving, then):
                        then()

                self.notifier.offer(hold.message, hold.button, without, level=hold.level)
                return True
        return False

    def leave(self, leaving: Leaving, then: Callable[[], T]) -> T | None:
        """Run ``then`` now when nothing would be lost (its result), else once the reader agrees (None)."""
        if self.stays(leaving, then):
            return None
        return then()

    def _close_review(self) -> None:
        """Close the review on screen (callers first :meth:`leave`)."""
        if self.session is None:
            return
        self.save_ui_state()
        self._revealing = None
        self._reveal_timer.stop()
        self._hold_paint(None)
        session, self.session = self.session, None  # emptying the list must not save "no selection"
        self.screens.review.set_session(None)
        session.deleteLater()
        self.reviewClosed.emit()
        self.progressChanged.emit()  # no "N of M changes reviewed" left from the review

    def save_ui_state(self) -> None:
        # A review not shown yet keeps the place saved when it was last left.
        if self.session is not None and self._revealing is None:
            self.settings.save_review_state(
                self.service.state_key, self.session.review_id, self.screens.review.ui_state()
            )

    # -- the start page ------------------------------------------------------------------------
    def show_start_page(self) -> None:
        self.leave(Leaving("Go to the start page"), self._show_start_page)

    def _show_start_page(self) -> None:
        self._close_review()
        self.screens.stack.setCurrentWidget(self.screens.start)
        self.startPageShown.emit()
        self.refresh_reviews()

    def on_start_page(self) -> bool:
        return self.screens.stack.currentWidget() is self.screens.start

    def refresh_reviews(self) -> None:
        self.workers.start(
            "listing reviews",
            self.service.list_reviews,
            finished=self._reviews_listed,
            failed=lambda failure: self._failed(failure, listing=True),
        )

    def _reviews_listed(self, reviews: list[Any]) -> None:
        self.screens.start.set_reviews(reviews)
        self.notifier.status.set_database(self.service.display_name)
        self.reviewsListed.emit()

    # -- opening -------------------------------------------------------------------------------
    def open_demo(self) -> TaskHandle[OpenedReview] | None:
        """The bundled demo pair: its latest review in this database if it has one, else a new one."""
        from factcheck_gui.importers import load_path
        from factcheck_gui.resources import sample_pair

        original, rewrite = sample_pair()
        service, reviewer = self.service, self.settings.reviewer

        def job(ctx: TaskContext) -> OpenedReview:
            return service.reopen_or_create(
                load_path(original), load_path(rewrite), reviewer=reviewer, ctx=ctx
            )

        return self.run_compare(job, "Opening the demo pair…", leaving="Open the demo pair")

    def open_paths(
        self, original: Path, rewrite: Path, *, carry_from: int | None = None
    ) -> TaskHandle[OpenedReview] | None:
        """Import two files, compare them and open them as a new review (in a worker)."""
        from factcheck_gui.importers import load_path

        service, reviewer = self.service, self.settings.reviewer

        def job(ctx: TaskContext) -> OpenedReview:
            a, b = load_path(original), load_path(rewrite)
            return service.compare_and_create(a, b, reviewer=reviewer, ctx=ctx, carry_from=carry_from)

        return self.run_compare(
            job, f"Comparing {original.name} with {rewrite.name}…", leaving="Compare the two files"
        )

    def open_imported(
        self, original: ImportedText, rewrite: ImportedText, *, carry_from: int | None = None
    ) -> TaskHandle[OpenedReview] | None:
        """Compare two imported texts and open them as a new review (in a worker)."""
        service, reviewer = self.service, self.settings.reviewer

        def job(ctx: TaskContext) -> OpenedReview:
            return service.compare_and_create(
                original, rewrite, reviewer=reviewer, ctx=ctx, carry_from=carry_from
            )

        return self.run_compare(job, f"Comparing {original.name} with {rewrite.name}…")

    def run_compare(
        self,
        job: Callable[[TaskContext], OpenedReview],
        label: str,
        *,
        leaving: str = "Open the other stories",
    ) -> TaskHandle[OpenedReview] | None:
        """Run a job that returns an :class:`OpenedReview` (with progress and Cancel), then show it.

        None while a guard holds (a note the store refused, pasted text the review would clear;
        ``leaving`` names the action on the offer's button): it starts once the reader agrees.
        """
        return self.leave(Leaving(leaving, opens_review=True), lambda: self._start(job, label))

    def _start(self, job: Callable[[TaskContext], OpenedReview], label: str) -> TaskHandle[OpenedReview]:
        self.cancel_task()
        self.notifier.clear()
        self.notifier.status.busy(label)
        self.task = self.workers.start(
            "comparing",
            _open_job(job),
            finished=self._compared,
            progress=self.notifier.status.set_progress,
            cancelled=self._cancelled,
            failed=self._failed,
        )
        return self.task

    def open_review(self, review_id: int) -> TaskHandle[OpenedReview] | None:
        """Load a stored review (in a worker) and show it as it was left (see :meth:`run_compare`)."""
        return self.leave(
            Leaving(f"Open review #{review_id}", opens_review=True), lambda: self._load(review_id)
        )

    def _load(self, review_id: int) -> TaskHandle[OpenedReview]:
        self.cancel_task()
        self.notifier.status.busy(f"Opening review #{review_id}…")
        service = self.service
        self.task = self.workers.start(
            "opening a review",
            _open_job(lambda ctx: service.load(review_id, ctx)),
            finished=self._opened,
            cancelled=self._cancelled,
            failed=self._failed,
        )
        return self.task

    def cancel_task(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()

    def _compared(self, opened: OpenedReview) -> None:
        """A new comparison: shown as a stored one is, and what the importers had to guess
        about its texts (an encoding detected …) said until dismissed, so a garbled text is
        never reviewed unawares."""
        from factcheck_gui.review.import_notes import import_notes

        self._opened(opened)
        notes = import_notes(opened.comparison)
        if notes:
            self.notifier.warning(notes)

    def _opened(self, opened: OpenedReview) -> None:
        self.task = None
        self.notifier.status.idle()
        # A note typed meanwhile may have been refused: the review it belongs to stays.
        self.leave(Leaving("Show the other review"), lambda: self._show(opened))

    def _offer_reopen(self, review_id: int, message: str, button: str) -> None:
        """A change on screen is gone from the stored review (a colleague's link by hand):
        reopening shows the review as it is now (an unsaved note is asked about first)."""

        def reopen() -> None:
            if self.session is not None and self.session.review_id == review_id:
                self.open_review(review_id)  # (not another review the reader went on to)

        self.notifier.offer(message, button, reopen, level="error")

    def _show(self, opened: OpenedReview) -> None:
        self._close_review()
        review = self.screens.review
        # Read before the list fills: selecting its first row would save over where the reader was.
        state = self.settings.review_state(self.service.state_key, opened.review_id)
        self.session = session = ReviewSession(self.service, opened, self.settings.reviewer, self)
        session.error.connect(self.notifier.bar.show_error)
        session.notice.connect(self.notifier.warning)
        session.saved.connect(self.notifier.flash)
        session.changeGone.connect(
            lambda _cid, message, button: self._offer_reopen(opened.review_id, message, button)
        )
        # The original's pane and the lists now, the rewrite's pane at the next turn, the page
        # shown at the turn after: filling the page and showing it (laying both stories out,
        # restoring the reader's place, the first paint) would hold the window for one long turn.
        review.set_session(session, rewrite_later=True)
        self._revealing = (session, opened, state)
        QTimer.singleShot(0, self, self._fill_rewrite)

    def _fill_rewrite(self) -> None:
        if self._revealing is None or self._revealing[0] is not self.session:
            return
        self.screens.review.comparison.fill_rewrite()
        self._reveal_timer.start()

    def _reveal(self) -> None:
        pending, self._revealing = self._revealing, None
        if pending is None or pending[0] is not self.session:
            return
        _session, opened, state = pending
        review = self.screens.review
        review.comparison.fill_rewrite()  # filled at the turn before; a no-op then
        # Not painted in this turn: laying the page out and restoring the reader's place are
        # one turn, its first paint the next (the start page stays on screen meanwhile).
        self._hold_paint(opened.review_id)
        self.screens.stack.setCurrentWidget(review)
        self.notifier.status.set_database(self.service.display_name)
        self.progressChanged.emit()
        self.reviewOpened.emit(opened)
        review.restore_ui_state(state)
        if not state.change_id:
            review.changes.select_row(0)
        # Scroll positions need the panes laid out at their final size: restore once more
        # after the event loop has run the layout.
        QTimer.singleShot(0, lambda: self._finish_restore(opened.review_id, state))

    def _finish_restore(self, review_id: int, state: ReviewUiState) -> None:
        if self.session is None or self.session.review_id != review_id:
            return
        review = self.screens.review
        if state.left_scroll or state.right_scroll:
            review.restore_scroll(state.left_scroll, state.right_scroll)
        review.changes.table.setFocus()
        self._paint_timer.start()

    def _hold_paint(self, review_id: int | None) -> None:
        """Hold the pages' painting for the review about to be shown (None: paint again)."""
        held = self._painting is not None
        self._painting = review_id
        if review_id is None:
            self._paint_timer.stop()
        if held != (review_id is not None):
            self.screens.stack.setUpdatesEnabled(review_id is None)

    def _let_paint(self) -> None:
        """The review is on screen: it is painted at this turn, everything restored."""
        review_id = self._painting
        self._hold_paint(None)
        if review_id is not None and self.session is not None and self.session.review_id == review_id:
            self.reviewShown.emit(review_id)

    def _failed(self, failure: Failure, *, listing: bool = False) -> None:
        if self.task is None or self.task.done:  # not while a comparison is still running
            self.task = None
            self.notifier.status.idle()
        exc = failure.error
        if isinstance(exc, CorruptDatabaseError) and exc.path is not None:
            self.damaged.emit(exc)  # the message, with a way to keep working
            self.notifier.failed_quietly(failure.message)
        else:
            self.notifier.failure(failure)
        if self.session is None:
            self._settle_start_page(database_failed=listing or isinstance(exc, StoreError))

    def _settle_start_page(self, *, database_failed: bool) -> None:
        """After a failure with no review open, the start page must not keep saying "Loading…".

        A file that could not be read leaves the database fine: list its reviews. When the
        database itself failed, listing would only fail again: say so instead.
        """
        if database_failed:
            self.screens.start.set_unavailable()
        elif self.on_start_page() and not self.screens.start.listed:
            self.refresh_reviews()

    def _cancelled(self) -> None:
        self.task = None
        self.notifier.status.idle()
        self.notifier.info("Comparison cancelled.")
        self.taskCancelled.emit()

    # -- the database --------------------------------------------------------------------------
    def use_database(self, url: str | None, store: Any = None, *, remember: bool = False) -> bool:
        """Work in another database (``store``: already open on it) from its start page on.

        ``remember``: it is also the database of the next start (written to the settings).
        False, and nothing changed yet, while a guard holds (it switches once the reader agrees).
        """
        return bool(self.leave(Leaving("Switch database"), lambda: self._use(url, store, remember)))

    def _use(self, url: str | None, store: Any, remember: bool) -> bool:
        if remember:
            self.settings.db_url = url or ""
            self.settings.sync()
        self._close_review()
        self.service.close()
        self.service = ReviewService(url, store=store)
        self.notifier.status.set_database(self.service.display_name)
        self.show_start_page()
        return True


_collector = threading.Lock()
_collector_holds = 0  # jobs running with the cyclic collector paused
_collector_was_on = True


@contextmanager
def _collector_paused() -> Iterator[None]:
    """*worker*: no automatic cyclic collection while a review is compared, stored or read.

    A 20k comparison makes millions of objects, nearly all long-lived and acyclic; each full
    collection walked all of them (up to a quarter of a second) holding the GIL, so the window
    froze while the worker worked, and the worker took longer. Once the last such job ends,
    what it made is frozen out of the collector's way (``gc.freeze``) and collection resumes:
    the next full pass, on whichever thread, no longer walks the review (58–77 ms at 5k on
    the GUI thread while the review was shown).
    """
    global _collector_holds, _collector_was_on
    with _collector:
        if not _collector_holds:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _collector_holds += 1
    try:
        yield
    finally:
        with _collector:
            _collector_holds -= 1
            if not _collector_holds:
                gc.freeze()
                if _collector_was_on:
                    gc.enable()


def _open_job(job: Callable[[TaskContext], OpenedReview]) -> Callable[[TaskContext], OpenedReview]:
    """*worker*: ``job`` with the collector paused, then the documents and counts prepared."""

    def run(ctx: TaskContext) -> OpenedReview:
        with _collector_paused():
            return _with_documents(job(ctx))

    return run


def _with_documents(opened: OpenedReview) -> OpenedReview:
    """*worker*: the story panes' documents and overview maps, the summary strip's counts and
    the punctuation-only changes made here, so the GUI thread only adopts them."""
    prepare_documents(opened.index)
    prepare_counts(opened.index)
    punctuation_only_of(opened.index)
    return opened
