"""Undo and redo of the reader's verdicts and notes, per review and without Qt.

Every verdict or note the reader's :class:`~factcheck_gui.review.session.VerdictSession`
commits is a :class:`Step`: the change, the field, what it was before and what it became.
Undoing a step writes what was there before — through the session, so it is a new write with
its own version and history row like any other: nothing is ever lost by undoing, the history
keeps every step. Redo writes the step's value again.

A step is undone only while its field still holds what the reader's step left there. When
someone else changed that field since (a colleague in a team database, a carry-over), the undo
writes nothing and says so in one line, showing theirs; undoing again then replaces theirs
(both stay in the history), as pressing a verdict again does after a colleague's.

The stack sees the session's writes through its events (:class:`SessionEvents`): a
``committed`` right after a ``changed`` is one of the reader's writes; a ``changed`` alone is
news from the store, never a step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING

from factcheck_gui.review import wording

if TYPE_CHECKING:
    from factcheck_gui.review.session import SessionEvents, VerdictSession
    from factcheck_gui.store.records import VerdictRecord


class Field(str, Enum):
    VERDICT = "verdict"
    NOTE = "note"


@dataclass(frozen=True)
class Step:
    """One write of the reader: ``before`` and ``after`` are "" for no verdict / no note."""

    change_id: str
    field: Field
    before: str
    after: str
    # What the field must hold for the step to be undone (redone: ``before``) when that is not
    # ``after`` (``before``): a colleague's value the reader was told about and may replace.
    expect: str | None = None

    def label(self) -> str:
        """ "verdict c13 → Accurate", "verdict c13 cleared", "note on c4"."""
        if self.field is Field.NOTE:
            return f"note on {self.change_id}"
        if self.after:
            return f"verdict {self.change_id} → {self.after}"
        return f"verdict {self.change_id} cleared"


class Result(str, Enum):
    DONE = "done"  # written
    OVERTAKEN = "overtaken"  # someone else changed the field since: nothing written, theirs shown
    REFUSED = "refused"  # the store refused the write or the read (message from the session)
    NOTHING = "nothing"  # nothing to undo or redo


@dataclass(frozen=True)
class Outcome:
    result: Result
    step: Step | None
    message: str  # one line for the reader

    @property
    def done(self) -> bool:
        return self.result is Result.DONE


def _field(rec: VerdictRecord | None, field: Field) -> str:
    if rec is None:
        return ""
    return rec.note if field is Field.NOTE else rec.value or ""


def _quoted(value: str, field: Field) -> str:
    if field is Field.NOTE:
        return f"“{value}”" if value else "no note"
    return f"“{value}”" if value else "no verdict"


def undone(step: Step) -> str:
    now = _quoted(step.before, step.field)
    return f"Undone: {step.label()} (now {now}; the history keeps both)."


def redone(step: Step) -> str:
    return f"Redone: {step.label()}."


def overtaken(step: Step, who: str, theirs: str, doing: str) -> str:
    """Someone changed the field since the reader's step: nothing was written (``doing``:
    "Undo" or "Redo")."""
    if step.field is Field.NOTE:
        did = f"changed the note on {step.change_id}" if theirs else f"removed the note on {step.change_id}"
    elif theirs:
        did = f"set the verdict on {step.change_id} to “{theirs}”"
    else:
        did = f"cleared the verdict on {step.change_id}"
    return (
        f"Not {'redone' if doing == 'Redo' else 'undone'}: {wording.someone(who)} {did} after your "
        f"change, so theirs stays. {doing} again to replace it (both stay in the history)."
    )


class _Recorder:
    """A session's events passed on unchanged, the reader's writes noted on the way."""

    def __init__(self, inner: SessionEvents, stack: UndoStack, session: VerdictSession) -> None:
        self.inner = inner
        self.stack = stack
        self.session = session
        self.known: dict[str, VerdictRecord | None] = dict(session.verdicts)
        self._pending: tuple[str, VerdictRecord | None, VerdictRecord | None] | None = None

    def changed(self, change_id: str) -> None:
        after = self.session.record(change_id)
        self._pending = (change_id, self.known.get(change_id), after)
        self.known[change_id] = after
        self.inner.changed(change_id)

    def committed(self, message: str) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.stack._committed(*pending, message)
        self.inner.committed(message)

    def refused(self, message: str) -> None:
        self._pending = None
        self.inner.refused(message)

    def told(self, message: str) -> None:
        self.inner.told(message)

    def gone(self, change_id: str, message: str, button: str) -> None:
        self._pending = None
        self.inner.gone(change_id, message, button)


class UndoStack:
    """The reader's verdict and note steps of one review, undone and redone in turn.

    :meth:`attach` it to the review's session (again after the review is reopened: the steps
    stay valid, each undo reads the store first). ``listeners`` are called when what
    :meth:`undo_label` or :meth:`redo_label` say may have changed.
    """

    def __init__(self) -> None:
        self.session: VerdictSession | None = None
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._recorder: _Recorder | None = None
        self._replaying = False
        self.listeners: list[Callable[[], None]] = []

    # -- the session ------------------------------------------------------------------------
    def attach(self, session: VerdictSession) -> None:
        self.detach()
        self.session = session
        self._recorder = _Recorder(session.events, self, session)
        session.events = self._recorder
        self._notify()

    def detach(self) -> None:
        session, recorder = self.session, self._recorder
        if session is not None and recorder is not None and session.events is recorder:
            session.events = recorder.inner
        self.session = None
        self._recorder = None
        self._notify()

    def _notify(self) -> None:
        for listener in list(self.listeners):
            listener()

    # -- what is on the stack -----------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return self.session is not None and bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return self.session is not None and bool(self._redo)

    def undo_label(self) -> str:
        """ "Undo verdict c13 → Accurate" ("Undo" when there is nothing to undo)."""
        return f"Undo {self._undo[-1].label()}" if self._undo else "Undo"

    def redo_label(self) -> str:
        return f"Redo {self._redo[-1].label()}" if self._redo else "Redo"

    def steps(self) -> list[Step]:
        """The steps that can be undone, the next one last."""
        return list(self._undo)

    def _committed(
        self, change_id: str, before: VerdictRecord | None, after: VerdictRecord | None, message: str
    ) -> None:
        """The session committed one of the reader's writes (``message`` says which)."""
        if self._replaying or after is None:
            return
        if after.version == (before.version if before is not None else 0):
            return  # nothing was written (the same value again, clearing nothing)
        if message == wording.note_saved(change_id):
            field = Field.NOTE
        elif message == wording.verdict_saved(change_id, after.value):
            field = Field.VERDICT
        else:
            return
        was, now = _field(before, field), _field(after, field)
        if was == now:
            return
        self._undo.append(Step(change_id, field, was, now))
        self._redo.clear()
        self._notify()

    # -- undo and redo --------------------------------------------------------------------------
    def undo(self) -> Outcome:
        """Write back what the last step replaced (see the module docstring)."""
        if self.session is None or not self._undo:
            return Outcome(Result.NOTHING, None, "Nothing to undo.")
        step = self._undo[-1]
        outcome = self._apply(step, step.before, step.after, "Undo")
        if outcome.result is Result.DONE:
            self._undo.pop()
            self._redo.append(replace(step, expect=None))
            outcome = Outcome(Result.DONE, step, undone(step))
        elif outcome.result is Result.OVERTAKEN and outcome.step is not None:
            self._undo[-1] = outcome.step
        self._notify()
        return outcome

    def redo(self) -> Outcome:
        """Write again what the last undone step wrote."""
        if self.session is None or not self._redo:
            return Outcome(Result.NOTHING, None, "Nothing to redo.")
        step = self._redo[-1]
        outcome = self._apply(step, step.after, step.before, "Redo")
        if outcome.result is Result.DONE:
            self._redo.pop()
            self._undo.append(replace(step, expect=None))
            outcome = Outcome(Result.DONE, step, redone(step))
        elif outcome.result is Result.OVERTAKEN and outcome.step is not None:
            self._redo[-1] = outcome.step
        self._notify()
        return outcome

    def _apply(self, step: Step, value: str, there: str, doing: str) -> Outcome:
        """Write ``value`` into the step's field if it still holds ``there`` (or the colleague's
        value the reader was told about)."""
        from factcheck_gui.store import StoreError

        session = self.session
        assert session is not None
        cid = step.change_id
        try:  # what the store has now, not what this window saw last
            current = session.service.store().verdict(session.review_id, cid)
        except StoreError as exc:
            session.last_error = str(exc)
            session.events.refused(str(exc))
            return Outcome(Result.REFUSED, step, str(exc))
        if current is not None:
            session.refresh_verdicts({cid: current})  # the write below expects this version
        now = _field(current, step.field)
        expected = step.expect if step.expect is not None else there
        if now != expected:
            who = current.reviewer if current is not None else ""
            return Outcome(Result.OVERTAKEN, replace(step, expect=now), overtaken(step, who, now, doing))
        self._replaying = True
        try:
            if step.field is Field.NOTE:
                ok = session.set_note(cid, value)
            else:
                ok = session.set_verdict(cid, value or None)
        finally:
            self._replaying = False
        if not ok:
            return Outcome(Result.REFUSED, step, session.last_error)
        return Outcome(Result.DONE, step, "")


class UndoBook:
    """One :class:`UndoStack` per review (by database and review id) while the app runs."""

    def __init__(self) -> None:
        self._stacks: dict[tuple[str, int], UndoStack] = {}

    def stack(self, database: str, review_id: int) -> UndoStack:
        key = (database, int(review_id))
        if key not in self._stacks:
            self._stacks[key] = UndoStack()
        return self._stacks[key]
