"""The review on screen: its verdicts as last seen, and the writes the reader makes.

Verdict and note writes are a few milliseconds and run where the reader acts (the GUI
thread). Every write carries the version of the verdict the reader has seen, so a colleague's
write in between is detected, never overwritten unseen:

* a note saved while a colleague only set the verdict is written again beside theirs (their
  verdict is *overtaken*: the reader's next verdict press there is held once, so theirs is not
  replaced unseen);
* a verdict refused for a colleague's is shown, and pressing again replaces it;
* a note refused for a colleague's note becomes a conflict the reader decides (see
  :mod:`factcheck_gui.review.drafts`).

What the reader should be told goes to a :class:`SessionEvents` (the window turns it into
signals); the wording is :mod:`factcheck_gui.review.wording`.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from factcheck_gui.review import wording

if TYPE_CHECKING:
    from factcheck_gui.review.docindex import ComparisonIndex
    from factcheck_gui.review.opening import OpenedReview, ReviewService
    from factcheck_gui.store import ReviewStore
    from factcheck_gui.store.records import HistoryRecord, VerdictRecord


class SessionEvents(Protocol):
    """Where a :class:`VerdictSession` reports."""

    def changed(self, change_id: str) -> None:
        """A change's verdict or note changed (saved, or news from the store)."""

    def refused(self, message: str) -> None:
        """A one-line message: a write was refused."""

    def committed(self, message: str) -> None:
        """A write was committed; a short confirmation."""

    def told(self, message: str) -> None:
        """Something the reader should know once."""

    def gone(self, change_id: str, message: str, button: str) -> None:
        """A write was refused because the change is no longer in the stored review: offer to
        reopen it (``button``)."""


class QuietEvents:
    """Events nobody listens to (a session used without a window)."""

    def changed(self, change_id: str) -> None:
        pass

    def refused(self, message: str) -> None:
        pass

    def committed(self, message: str) -> None:
        pass

    def told(self, message: str) -> None:
        pass

    def gone(self, change_id: str, message: str, button: str) -> None:
        pass


class Press(str, Enum):
    """What became of a verdict press."""

    SAVED = "saved"
    REFUSED = "refused"  # the store refused it (a colleague's verdict, a read-only database)
    HELD = "held"  # a colleague's verdict arrived meanwhile: held once, nothing changed
    NOTHING_TO_CLEAR = "nothing to clear"  # clearing a change without a verdict writes nothing


class VerdictSession:
    """The verdicts of one open review and the reader's writes to them."""

    def __init__(
        self,
        service: ReviewService,
        opened: OpenedReview,
        reviewer: str,
        events: SessionEvents | None = None,
    ) -> None:
        self.service = service
        self.opened = opened
        self.reviewer = reviewer
        self.events: SessionEvents = events if events is not None else QuietEvents()
        self.verdicts: dict[str, VerdictRecord] = dict(opened.verdicts)
        # Changes whose verdict a colleague set and that arrived with one of the reader's note
        # saves: the reader's next verdict press there is held once.
        self.overtaken: dict[str, str] = {}  # change id → the colleague's name
        self.last_error = ""  # the store's last refusal of a verdict or note ("" once one is saved)
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

    def record(self, change_id: str) -> VerdictRecord | None:
        return self.verdicts.get(change_id)

    def values(self) -> dict[str, str]:
        return {cid: rec.value for cid, rec in self.verdicts.items() if rec.value}

    def reviewed_count(self) -> int:
        rows = self.index.review_row  # the verdicts are far fewer than the changes, often
        return sum(1 for cid, rec in self.verdicts.items() if rec.value and cid in rows)

    def left_to_review(self) -> int:
        return len(self.index.review_changes) - self.reviewed_count()

    def version(self, change_id: str) -> int:
        """The version of a change's verdict as last seen (0: none yet)."""
        rec = self.verdicts.get(change_id)
        return rec.version if rec is not None else 0

    def refresh_verdicts(self, records: dict[str, VerdictRecord]) -> None:
        """Take verdicts read from the store (e.g. after a carry-over); newer ones win."""
        for change_id, rec in records.items():
            if rec.version > self.version(change_id):
                self.verdicts[change_id] = rec
                self.events.changed(change_id)

    def seen(self, change_id: str) -> None:
        """The change's verdict is on screen: a colleague's is no longer unseen."""
        self.overtaken.pop(change_id, None)

    # -- writes -------------------------------------------------------------------------------
    def _error(self, message: str) -> None:
        self.last_error = message
        self.events.refused(message)

    def _write(
        self,
        change_id: str,
        call: Callable[[ReviewStore], VerdictRecord | None],
        what: str,
        harmless: Callable[[VerdictRecord | None], bool] | None = None,
        refused: Callable[[str, VerdictRecord | None], str] | None = None,
        *,
        note: bool = False,
    ) -> bool:
        """Run ``call``; on a conflict that ``harmless`` says does not touch what is being written
        (a colleague set the verdict while the reader wrote the note), write again once over it.
        ``refused`` words a conflict for the window (who, what of theirs now shows), given the
        store's message and the colleague's record."""
        from factcheck_gui.store import ConflictError, StoreError, UnknownChangeError

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
                    who = wording.someone(exc.current.reviewer if exc.current is not None else "")
                    self.overtaken[change_id] = who
                    self.events.told(wording.verdict_beside_note(change_id, who, rec.value))
        except ConflictError as exc:
            if exc.current is not None:
                self.verdicts[change_id] = exc.current
            self.events.changed(change_id)
            self._error(refused(str(exc), exc.current) if refused is not None else str(exc))
            return False
        except UnknownChangeError:
            # A colleague's link by hand took the change away (or brought it back apart).
            message, button = wording.change_gone(change_id, note)
            self.last_error = wording.change_gone_reason(change_id)
            self.events.gone(change_id, message, button)
            return False
        except StoreError as exc:
            self.events.changed(change_id)  # a conflict before it may have brought news
            self._error(str(exc))
            return False
        if rec is not None:
            self.verdicts[change_id] = rec
        self.last_error = ""
        self.events.changed(change_id)
        self.events.committed(what)
        if rec is not None and rec.replaced_chars and not self._told_replaced:
            self._told_replaced = True
            self.events.told(wording.note_replaced_chars(change_id, rec.replaced_chars))
        return True

    def set_verdict(self, change_id: str, value: str | None) -> bool:
        """Commit a verdict (None clears it). False, with an error reported, when refused."""
        return self._write(
            change_id,
            lambda store: store.set_verdict(
                self.review_id,
                change_id,
                value,
                reviewer=self.reviewer,
                expected_version=self.version(change_id),
            ),
            wording.verdict_saved(change_id, value),
            refused=lambda message, theirs: (
                wording.verdict_refused(change_id, theirs.reviewer, theirs.value)
                if theirs is not None
                else message
            ),
        )

    def press(self, change_id: str, value: str | None) -> Press:
        """The reader pressed a verdict (None: Clear) on a change they see.

        Held once when a colleague's verdict arrived with the reader's last note save; a Clear
        on a change without a verdict writes nothing.
        """
        if change_id in self.overtaken:
            who = self.overtaken.pop(change_id)
            self.events.told(wording.verdict_held(change_id, who, self.value(change_id)))
            return Press.HELD
        if value is None and not self.value(change_id):
            return Press.NOTHING_TO_CLEAR
        return Press.SAVED if self.set_verdict(change_id, value) else Press.REFUSED

    def toggle(self, change_id: str, value: str) -> Press:
        """A verdict button: pressing the chosen verdict again clears it."""
        return self.press(change_id, None if self.value(change_id) == value else value)

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
                expected_version=self.version(change_id),
            ),
            wording.note_saved(change_id),
            # Someone else set the verdict but left the note as it was: nothing of theirs to lose.
            harmless=lambda current: current is not None and current.note == before,
            refused=lambda message, theirs: (
                wording.note_refused(change_id, theirs.reviewer) if theirs is not None else message
            ),
            note=True,
        )

    def history(self, change_id: str) -> list[HistoryRecord]:
        from factcheck_gui.store import StoreError

        try:
            return list(self.service.store().history(self.review_id, change_id))
        except StoreError as exc:
            self._error(str(exc))
            return []
