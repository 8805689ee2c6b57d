"""Every store call the UI makes, behind one small service (one store call per user action).

:class:`ReviewService` methods marked *worker* run inside a background task (comparing,
creating and loading reviews); verdict and note writes are a few milliseconds and run on the
GUI thread through :class:`ReviewSession`, which also keeps the version of every verdict the
reader has seen so a concurrent write by a colleague is detected, not overwritten.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.types import Comparison, text_sha256
from factcheck_gui.store.records import DEFAULT_SCALE, HistoryRecord, Review, ReviewSummary, VerdictRecord
from factcheck_gui.ui.docindex import ComparisonIndex

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from factcheck_gui.importers import ImportedText
    from factcheck_gui.store import ReviewStore
    from factcheck_gui.ui.workers import TaskContext


@dataclass(frozen=True)
class CarryOffer:
    """An earlier review with verdicts that apply to the changes of a new one."""

    review_id: int
    title: str
    relation: str  # "same original", "previous version", or REPLACED
    verdicts: int  # how many would carry over


REPLACED = "the review you compared again"
MAX_OFFERS = 5  # earlier reviews counted exactly for an offer (newest first)


@dataclass
class OpenedReview:
    """A review ready to show: its comparison index, scale and current verdicts."""

    review_id: int
    title: str
    index: ComparisonIndex
    scale: tuple[str, ...] = DEFAULT_SCALE
    verdicts: dict[str, VerdictRecord] = field(default_factory=dict)
    carried: int = 0  # verdicts carried over from a previous review
    carried_from: int | None = None
    offers: list[CarryOffer] = field(default_factory=list)  # best first
    # Characters of its texts, names and notes the store kept as U+FFFD (could not be stored).
    replaced_chars: int = 0

    @property
    def comparison(self) -> Comparison:
        return self.index.comparison


def _settle_garbage_collector() -> None:
    # A big comparison leaves hundreds of thousands of long-lived objects. The next full
    # collection would walk all of them while holding the GIL, wherever it happens to trigger:
    # often on the GUI thread, freezing the window. Freezing moves them out of the collector's
    # way; they are still freed by reference counting when the review is closed.
    gc.freeze()


def _prepare_panes(index: ComparisonIndex) -> None:
    # The story panes' documents are filled here, in the worker: the GUI thread only adopts them.
    from factcheck_gui.ui.pane import prepare_documents

    prepare_documents(index)


REPLACEMENT_CHAR = "\ufffd"


def _chars(n: int) -> str:
    return "1 character" if n == 1 else f"{n} characters"


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def replaced_notice(count: int) -> str:
    """What the reader is told once about a review's characters the store could not keep."""
    return (
        f"{_chars(count)} of this review (in its texts, names or notes) could not be stored — "
        f"broken characters from a paste or a file name — and {_are(count)} shown as "
        f"{REPLACEMENT_CHAR}. Check the original files if those places matter."
    )


def _sha256(text: ImportedText) -> str:
    """The hash the store keeps for a text (:attr:`Document.sha256`): of its bytes, else its text."""
    return text.source.sha256 or text_sha256(text.text)


def review_title(original_name: str, rewrite_name: str) -> str:
    return f"{original_name} → {rewrite_name}"


class ReviewService:
    """Opens the store lazily (in a worker) and wraps each user action in one store call."""

    def __init__(
        self, url: str | None, *, busy_timeout_ms: int | None = None, store: ReviewStore | None = None
    ) -> None:
        """``store``: one already open on ``url`` (e.g. a new database just started); it is adopted."""
        self.url = url or None
        self.busy_timeout_ms = busy_timeout_ms  # None: the store's default
        self._store: ReviewStore | None = store
        self._lock = threading.Lock()

    def store(self) -> ReviewStore:
        """The open store (opened on first use; StoreError when it cannot be opened)."""
        with self._lock:
            if self._store is None:
                from factcheck_gui.store import ReviewStore

                if self.busy_timeout_ms is None:
                    self._store = ReviewStore.open(self.url)
                else:
                    self._store = ReviewStore.open(self.url, busy_timeout_ms=self.busy_timeout_ms)
            return self._store

    @property
    def display_name(self) -> str:
        """``local: ~/…/reviews.sqlite3`` or ``team: …`` (no password), also before it is opened."""
        if self._store is not None:
            return str(self._store.display_name)
        from factcheck_gui.store import StoreError
        from factcheck_gui.store.database import display_name, parse_url, resolve_db_url

        try:
            return display_name(parse_url(resolve_db_url(self.url)))
        except (StoreError, ValueError):  # not a URL the store can open: say so, not what it was
            return "database not opened"

    @property
    def state_key(self) -> str:
        """Identifies the database in per-review UI state."""
        return self.display_name

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None and hasattr(store, "close"):
            store.close()

    # -- worker side -------------------------------------------------------------------------
    def list_reviews(self, ctx: TaskContext | None = None) -> list[ReviewSummary]:
        """*worker*: recent reviews for the start page."""
        return list(self.store().list_reviews())

    def reopen_or_create(
        self, original: ImportedText, rewrite: ImportedText, *, reviewer: str, ctx: TaskContext
    ) -> OpenedReview:
        """*worker*: the latest review of exactly these two texts if the store has one, else a new one.

        Used for the demo pair, which would otherwise add an identical review at every start.
        """
        existing = self.store().latest_review_of(_sha256(original), _sha256(rewrite))
        if existing is not None:
            return self.load(existing, ctx)
        return self.compare_and_create(original, rewrite, reviewer=reviewer, ctx=ctx)

    def compare_and_create(
        self,
        original: ImportedText,
        rewrite: ImportedText,
        *,
        reviewer: str,
        ctx: TaskContext,
        carry_from: int | None = None,
        replaced: int | None = None,
    ) -> OpenedReview:
        """*worker*: compare a pair, store it as a new review, carry verdicts over or offer to.

        With ``carry_from`` the verdicts of that review are carried at once; otherwise the
        store's earlier reviews that fit are listed in ``offers`` for the reader to choose
        from, ``replaced`` (the id of the review compared again) first.
        """
        store = self.store()  # open before the long part: a bad database fails fast
        comparison = compare_texts(
            original.text,
            rewrite.text,
            original_name=original.name,
            rewrite_name=rewrite.name,
            original_source=original.source,
            rewrite_source=rewrite.source,
            progress=lambda f: ctx.progress(0.9 * f),
            cancelled=ctx.cancelled,
        )
        index = ComparisonIndex(comparison)
        _settle_garbage_collector()
        if ctx.cancelled():
            from factcheck_gui.engine import Cancelled

            raise Cancelled
        title = review_title(original.name, rewrite.name)
        review_id = store.create_review(comparison, title=title, reviewer=reviewer)
        opened = OpenedReview(review_id, title, index)
        if carry_from is not None:
            opened.carried = store.carry_over(carry_from, review_id, reviewer=reviewer)
            opened.carried_from = carry_from
            if opened.carried:
                opened.verdicts = dict(store.load_review(review_id).verdicts)
        else:
            opened.offers = self._offers(store, comparison, review_id, replaced)
        opened.replaced_chars = store.review_summary(review_id).replaced_chars + sum(
            v.replaced_chars for v in opened.verdicts.values()
        )
        if opened.replaced_chars:
            # Show the texts as stored (U+FFFD where a character could not be kept), exactly
            # as the review will reopen; ids and offsets are the same, one character for one.
            opened.index = ComparisonIndex(store.load_review(review_id).comparison)
        _prepare_panes(opened.index)
        ctx.progress(1.0)
        return opened

    @staticmethod
    def _offers(
        store: ReviewStore, comparison: Comparison, review_id: int, replaced: int | None
    ) -> list[CarryOffer]:
        """The store's carry-over candidates with exact counts; ``replaced`` first if it fits."""
        from factcheck_gui.store import StoreError

        offers: list[CarryOffer] = []
        try:
            found = store.carry_over_candidates(comparison, exclude_review_id=review_id)
            mine = [o for o in found if o.review_id == replaced]
            for o in mine + [o for o in found if o.review_id != replaced][:MAX_OFFERS]:
                count = store.carry_over_count(o.review_id, review_id)
                relation = REPLACED if o.review_id == replaced else o.relation
                if count:
                    offers.append(CarryOffer(o.review_id, o.title, relation, count))
        except StoreError:  # an offer is a courtesy: the new review is stored and opens anyway
            log.warning("could not list carry-over candidates", exc_info=True)
        return offers

    def carry_over(
        self, from_id: int, to_id: int, *, reviewer: str, ctx: TaskContext | None = None
    ) -> tuple[int, dict[str, VerdictRecord]]:
        """*worker*: carry verdicts over; how many, and the new review's verdicts afterwards."""
        store = self.store()
        count = store.carry_over(from_id, to_id, reviewer=reviewer)
        return count, dict(store.load_review(to_id).verdicts)

    def load(self, review_id: int, ctx: TaskContext | None = None) -> OpenedReview:
        """*worker*: a stored review exactly as it was saved."""
        return self.opened(self.store().load_review(review_id))

    def import_review(self, review: Review, ctx: TaskContext | None = None) -> OpenedReview:
        """*worker*: add a review read from a review file as a new review, ready to show."""
        store = self.store()
        return self.opened(store.load_review(store.add_review(review)))

    @staticmethod
    def opened(review: Review) -> OpenedReview:
        """*worker*: a loaded review, indexed for the window."""
        index = ComparisonIndex(review.comparison)
        _prepare_panes(index)
        _settle_garbage_collector()
        replaced = review.summary.replaced_chars + sum(v.replaced_chars for v in review.verdicts.values())
        return OpenedReview(
            review.id,
            review.title,
            index,
            tuple(review.scale),
            dict(review.verdicts),
            replaced_chars=replaced,
        )


class ReviewSession(QObject):
    """The review on screen: verdicts as last seen, and the writes the reader makes.

    Signals:
        verdictChanged(str): a change's verdict or note changed (saved or refreshed).
        error(str): a one-line message for the window's message bar.
        saved(str): a write was committed; carries a short confirmation.
        notice(str): something the reader should know once (a note saved with characters the
            database cannot hold, kept as U+FFFD); emitted at most once per session.
    """

    verdictChanged = Signal(str)
    error = Signal(str)
    saved = Signal(str)
    notice = Signal(str)

    def __init__(
        self, service: ReviewService, opened: OpenedReview, reviewer: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.opened = opened
        self.reviewer = reviewer
        self.verdicts: dict[str, VerdictRecord] = dict(opened.verdicts)
        # Changes whose verdict a colleague set and that arrived with one of the reader's note
        # saves: the reader's next verdict press there is held once, so theirs is not replaced unseen.
        self.overtaken: dict[str, str] = {}  # change id → the colleague's name
        self._told_replaced = False

    @property
    def review_id(self) -> int:
        return self.opened.review_id

    @property
    def index(self) -> ComparisonIndex:
        return self.opened.index

    @property
    def scale(self) -> tuple[str, ...]:
        return self.opened.scale

    def value(self, change_id: str) -> str:
        rec = self.verdicts.get(change_id)
        return rec.value or "" if rec is not None else ""

    def note(self, change_id: str) -> str:
        rec = self.verdicts.get(change_id)
        return rec.note if rec is not None else ""

    def values(self) -> dict[str, str]:
        return {cid: rec.value for cid, rec in self.verdicts.items() if rec.value}

    def reviewed_count(self) -> int:
        return sum(1 for c in self.index.review_changes if self.value(c.id))

    def _version(self, change_id: str) -> int:
        rec = self.verdicts.get(change_id)
        return rec.version if rec is not None else 0

    def version(self, change_id: str) -> int:
        """The version of a change's verdict as last seen (0: none yet)."""
        return self._version(change_id)

    def refresh_verdicts(self, records: dict[str, VerdictRecord]) -> None:
        """Take verdicts read from the store (e.g. after a carry-over); newer ones win."""
        for change_id, rec in records.items():
            if rec.version > self._version(change_id):
                self.verdicts[change_id] = rec
                self.verdictChanged.emit(change_id)

    def _write(
        self,
        change_id: str,
        call: Any,
        what: str,
        harmless: Callable[[VerdictRecord | None], bool] | None = None,
        refused: Callable[[str, VerdictRecord | None], str] | None = None,
    ) -> bool:
        """Run ``call``; on a conflict that ``harmless`` says does not touch what is being written
        (a colleague set the verdict while the reader wrote the note), write again once over it.
        ``refused`` words a conflict for the window (who, what of theirs now shows), given the
        store's message and the colleague's record."""
        from factcheck_gui.store import ConflictError, StoreError

        try:
            try:
                rec = call(self.service.store())
            except ConflictError as exc:
                if harmless is None or not harmless(exc.current):
                    raise
                told = self.value(change_id)
                if exc.current is not None:
                    self.verdicts[change_id] = exc.current
                rec = call(self.service.store())
                if rec is not None and (rec.value or "") != told:
                    who = (exc.current.reviewer if exc.current is not None else "") or "Someone"
                    self.overtaken[change_id] = who
                    self.notice.emit(
                        f"{who} set the verdict on {change_id} to "
                        f"“{rec.value or '(none)'}” meanwhile; your note was saved beside it."
                    )
        except ConflictError as exc:
            if exc.current is not None:
                self.verdicts[change_id] = exc.current
            self.verdictChanged.emit(change_id)
            self.error.emit(refused(str(exc), exc.current) if refused is not None else str(exc))
            return False
        except StoreError as exc:
            self.verdictChanged.emit(change_id)  # a conflict before it may have brought news
            self.error.emit(str(exc))
            return False
        if rec is not None:
            self.verdicts[change_id] = rec
        self.verdictChanged.emit(change_id)
        self.saved.emit(what)
        if rec is not None and rec.replaced_chars and not self._told_replaced:
            self._told_replaced = True
            self.notice.emit(
                f"Saved, but {_chars(rec.replaced_chars)} of your note on {change_id} could not be "
                f"stored (a broken or invisible control character) and {_are(rec.replaced_chars)} "
                f"kept as {REPLACEMENT_CHAR}."
            )
        return True

    def set_verdict(self, change_id: str, value: str | None) -> bool:
        """Commit a verdict (None clears it). False, with ``error`` emitted, when refused."""
        return self._write(
            change_id,
            lambda store: store.set_verdict(
                self.review_id,
                change_id,
                value,
                reviewer=self.reviewer,
                expected_version=self._version(change_id),
            ),
            f"Saved: {change_id} → {value}" if value else f"Saved: {change_id} verdict cleared",
            refused=lambda message, theirs: (
                f"{theirs.reviewer or 'Someone'} "
                + (
                    f"set the verdict on {change_id} to “{theirs.value}”"
                    if theirs.value
                    else f"cleared the verdict on {change_id}"
                )
                + " meanwhile, so yours was not saved; the panel shows theirs. "
                "Press yours again to replace it (both stay in the history)."
                if theirs is not None
                else message
            ),
        )

    def set_note(self, change_id: str, note: str) -> bool:
        """Commit a note; unchanged notes are not written again, blank ones are empty."""
        if not note.strip():
            note = ""
        if note == self.note(change_id):
            return True
        before = self.note(change_id)
        return self._write(
            change_id,
            lambda store: store.set_note(
                self.review_id,
                change_id,
                note,
                reviewer=self.reviewer,
                expected_version=self._version(change_id),
            ),
            f"Saved: note on {change_id}",
            # Someone else set the verdict but left the note as it was: nothing of theirs to lose.
            harmless=lambda current: current is not None and current.note == before,
            refused=lambda message, theirs: (
                f"{theirs.reviewer or 'Someone'} changed the note on {change_id} while you were "
                "writing yours, so yours was not saved over it; the verdict panel shows both — "
                "choose which to keep."
                if theirs is not None
                else message
            ),
        )

    def history(self, change_id: str) -> list[HistoryRecord]:
        from factcheck_gui.store import StoreError

        try:
            return list(self.service.store().history(self.review_id, change_id))
        except StoreError as exc:
            self.error.emit(str(exc))
            return []
