"""Opening and comparing a review: every store call behind one small service.

Methods marked *worker* run inside a background task (comparing, creating and loading
reviews); the window runs them in its worker pool, the command line directly. Nothing here
knows Qt.
"""

from __future__ import annotations

import gc
import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.sources.projection import SourcedComparison, as_several, project, sourced
from factcheck_gui.engine.types import Comparison, text_sha256
from factcheck_gui.review.docindex import ComparisonIndex
from factcheck_gui.store.records import DEFAULT_SCALE, Review, ReviewSummary, VerdictRecord

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from factcheck_gui.importers import ImportedText
    from factcheck_gui.store import ReviewStore


class Progress(Protocol):
    """What a long use case reports to and asks of whoever runs it (the window's task context)."""

    def progress(self, fraction: float) -> None: ...

    def cancelled(self) -> bool: ...


class NoProgress:
    """For a caller that neither shows progress nor cancels (the command line)."""

    def progress(self, fraction: float) -> None:
        pass

    def cancelled(self) -> bool:
        return False


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


def _warm(comparison: Comparison) -> None:
    """*worker*: what the window reads of a several-source review on the GUI thread (each
    change's "from: …" line), made here once."""
    if (several := sourced(comparison)) is not None:
        several.from_lines()


def _sha256(text: ImportedText) -> str:
    """The hash the store keeps for a text (:attr:`Document.sha256`): of its bytes, else its text."""
    return text.source.sha256 or text_sha256(text.text)


def review_title(original_name: str, rewrite_name: str) -> str:
    """A new review's title, unless the reader gives one: the two names."""
    return f"{original_name} → {rewrite_name}"


def compare_several(
    rewrite: ImportedText, sources: list[ImportedText], *, ctx: Progress | None = None
) -> SourcedComparison:
    """*worker*: the derived text against its sources (1 to 10), as a review's comparison."""
    from factcheck_gui.engine.sources import MAX_SOURCES, compare_sources

    if not 1 <= len(sources) <= MAX_SOURCES:
        raise ValueError(f"a review has 1 to {MAX_SOURCES} sources, not {len(sources)}")
    ctx = ctx or NoProgress()
    multi = compare_sources(
        rewrite.text,
        [(s.name, s.text) for s in sources],
        derived_name=rewrite.name,
        derived_source=rewrite.source,
        source_infos=[s.source for s in sources],
        progress=lambda f: ctx.progress(0.9 * f),
        cancelled=ctx.cancelled,
    )
    return project(multi)


def texts_of(comparison: Comparison) -> tuple[ImportedText, list[ImportedText]]:
    """The derived text and the sources a review was made of, as imported: what a review
    compares again when a source is added (a pair review's original is its one source)."""
    from factcheck_gui.importers import ImportedText

    several = sourced(comparison)
    docs = several.multi.sources if several is not None else (comparison.original,)
    rw = comparison.rewrite
    return ImportedText(rw.text, rw.name, rw.source), [ImportedText(d.text, d.name, d.source) for d in docs]


def store_review(
    store: ReviewStore, comparison: Comparison, *, reviewer: str, title: str = ""
) -> tuple[int, str]:
    """Store ``comparison`` as a new review (the window's and ``factcheck review new``'s one
    way); its id and title."""
    title = title.strip() or review_title(comparison.original.name, comparison.rewrite.name)
    return store.create_review(comparison, title=title, reviewer=reviewer), title


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
    def list_reviews(self, ctx: Progress | None = None) -> list[ReviewSummary]:
        """*worker*: recent reviews for the start page."""
        return list(self.store().list_reviews())

    def reopen_or_create(
        self, original: ImportedText, rewrite: ImportedText, *, reviewer: str, ctx: Progress
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
        ctx: Progress,
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
        review_id, title = store_review(store, comparison, reviewer=reviewer)
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
            _warm(opened.index.comparison)
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

    def create_several(
        self,
        rewrite: ImportedText,
        sources: list[ImportedText],
        *,
        reviewer: str,
        ctx: Progress,
        carry_from: int | None = None,
        title: str = "",
        carry_fingerprints: dict[str, str] | None = None,
        replaced: int | None = None,
    ) -> OpenedReview:
        """*worker*: compare the derived text with its sources and store them as a new review;
        with ``carry_from`` the verdicts of that review that still apply are carried at once
        (by fingerprint, which names the sources: a verdict on a sentence from source A does
        not carry to the same sentence when it now comes from source B)."""
        store = self.store()
        comparison = compare_several(rewrite, sources, ctx=ctx)
        index = ComparisonIndex(comparison)
        _settle_garbage_collector()
        if ctx.cancelled():
            from factcheck_gui.engine import Cancelled

            raise Cancelled
        _warm(comparison)
        review_id, title = store_review(store, comparison, reviewer=reviewer, title=title)
        opened = OpenedReview(review_id, title, index)
        if carry_from is not None:
            opened.carried = store.carry_over(
                carry_from, review_id, reviewer=reviewer, from_fingerprints=carry_fingerprints
            )
            opened.carried_from = carry_from
            if opened.carried:
                opened.verdicts = dict(store.load_review(review_id).verdicts)
        else:
            opened.offers = self._offers(store, comparison, review_id, replaced)
        opened.replaced_chars = store.review_summary(review_id).replaced_chars + sum(
            v.replaced_chars for v in opened.verdicts.values()
        )
        if opened.replaced_chars:
            opened.index = ComparisonIndex(store.load_review(review_id).comparison)
            _warm(opened.index.comparison)
        ctx.progress(1.0)
        return opened

    def add_sources(
        self, review_id: int, added: list[ImportedText], *, reviewer: str, ctx: Progress
    ) -> OpenedReview:
        """*worker*: review ``review_id``'s derived text again against its sources plus
        ``added``, as a new review that carries over the verdicts that still apply. The old
        review stays as it is (nothing is lost); a pair review becomes a several-source one
        whose first source is its original."""
        from factcheck_gui.store.convert import fingerprints_of

        old = self.store().load_review(review_id)
        rewrite, sources = texts_of(old.comparison)
        fingerprints = None
        if sourced(old.comparison) is None:  # a pair: its changes seen as from its one source
            seen = as_several(old.comparison)
            fingerprints = dict(zip((c.id for c in seen.changes), fingerprints_of(seen), strict=True))
        return self.create_several(
            rewrite,
            [*sources, *added],
            reviewer=reviewer,
            ctx=ctx,
            carry_from=review_id,
            carry_fingerprints=fingerprints,
        )

    def carry_over(
        self, from_id: int, to_id: int, *, reviewer: str, ctx: Progress | None = None
    ) -> tuple[int, dict[str, VerdictRecord]]:
        """*worker*: carry verdicts over; how many, and the new review's verdicts afterwards."""
        store = self.store()
        count = store.carry_over(from_id, to_id, reviewer=reviewer)
        return count, dict(store.load_review(to_id).verdicts)

    def load(self, review_id: int, ctx: Progress | None = None) -> OpenedReview:
        """*worker*: a stored review exactly as it was saved."""
        return self.opened(self.store().load_review(review_id))

    def import_review(self, review: Review, ctx: Progress | None = None) -> OpenedReview:
        """*worker*: add a review read from a review file as a new review, ready to show."""
        store = self.store()
        return self.opened(store.load_review(store.add_review(review)))

    @staticmethod
    def opened(review: Review) -> OpenedReview:
        """*worker*: a loaded review, indexed for the window."""
        index = ComparisonIndex(review.comparison)
        _warm(review.comparison)
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
