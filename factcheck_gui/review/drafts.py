"""The reader's notes that are not (yet) in the store: an explicit state machine.

A note lives in the note field while the reader types it. Saving it (after a pause, on leaving
the note or the change, on leaving the review) moves it along these transitions::

                       save ──► (stored)                         "saved"
    typed ──► save ──► refused by the store ──► UNSAVED          "unsaved"
                 └──► a colleague's note arrived ──► OVERTAKEN   "overtaken by a colleague"
    UNSAVED   ── retried on leaving ──► (stored) | UNSAVED | OVERTAKEN
    OVERTAKEN ── Keep theirs ──► (gone: the field shows theirs)  "kept"
    OVERTAKEN ── Replace theirs ──► save over theirs             "replaced"
    UNSAVED | OVERTAKEN ── the reader leaves without it ──► (gone) "discarded"

A draft is never saved over a colleague's note the reader has not seen: only "Replace theirs"
does that. Drafts stay (and show again on return to their change) until stored, kept or
discarded, so leaving a review asks first (see the window's leave guards).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck_gui.review.session import VerdictSession


class DraftState(str, Enum):
    UNSAVED = "unsaved"  # the store refused it (read-only or locked database): retried on leaving
    OVERTAKEN = "overtaken"  # a colleague changed the note since the reader began: the reader chooses


class Saved(str, Enum):
    """What a save did."""

    SETTLED = "settled"  # the field already says what the store has: nothing written
    SAVED = "saved"  # written
    UNSAVED = "unsaved"  # refused by the store; kept as a draft
    OVERTAKEN = "overtaken"  # not written over a colleague's note; kept as a draft to decide


@dataclass
class Draft:
    text: str  # what the reader wrote
    origin: str  # the stored note the reader started from
    state: DraftState


def _order(change_id: str) -> tuple[int, str]:
    return len(change_id), change_id  # c2 before c10


class NoteDrafts:
    """The note being edited (``shown``, started from ``origin``) and the drafts of every change."""

    def __init__(self, session: VerdictSession | None = None) -> None:
        self.session = session
        self.shown = ""  # the change whose note is in the field
        self.origin = ""  # the stored note the field's text started from
        self._drafts: dict[str, Draft] = {}

    def reset(self, session: VerdictSession | None) -> None:
        """Another review (or none): no drafts, nothing shown."""
        self.session = session
        self.shown = self.origin = ""
        self._drafts.clear()

    def state(self, change_id: str) -> DraftState | None:
        """None: nothing of the reader's is waiting for the store on that change."""
        draft = self._drafts.get(change_id)
        return draft.state if draft is not None else None

    def draft(self, change_id: str) -> Draft | None:
        return self._drafts.get(change_id)

    def pending(self) -> list[str]:
        """The changes with a draft, in reading order."""
        return sorted(self._drafts, key=_order)

    # -- the note in the field -------------------------------------------------------------
    def show(self, change_id: str) -> str:
        """The field moves to ``change_id`` (""=none): the text it shows (a draft, else the stored note)."""
        self.shown = change_id
        if self.session is None or not change_id:
            self.origin = ""
            return ""
        self.origin = self.session.note(change_id)
        draft = self._drafts.get(change_id)
        if draft is not None:  # typed here earlier and not stored: still here
            self.origin = draft.origin
            return draft.text
        return self.origin

    def save(self, text: str) -> Saved:
        """Save the field's ``text`` as the shown change's note, unless that would overwrite a
        colleague's note the reader has not seen."""
        cid, session = self.shown, self.session
        if session is None or not cid:
            return Saved.SETTLED
        if not text.strip():
            text = ""  # a stray Enter or space is no note (and clears one that was there)
        stored = session.note(cid)
        if text == stored:
            self._drafts.pop(cid, None)
            self.origin = stored
            return Saved.SETTLED
        if self.state(cid) is DraftState.OVERTAKEN or stored != self.origin:
            # A colleague's note arrived (or a refusal brought it) since the reader began.
            return self._keep(cid, text, DraftState.OVERTAKEN)
        if session.set_note(cid, text):
            self._drafts.pop(cid, None)
            self.origin = session.note(cid)
            return Saved.SAVED
        if session.note(cid) != self.origin:  # refused for a colleague's newer note
            return self._keep(cid, text, DraftState.OVERTAKEN)
        return self._keep(cid, text, DraftState.UNSAVED)

    def _keep(self, cid: str, text: str, state: DraftState) -> Saved:
        self._drafts[cid] = Draft(text, self.origin, state)
        return Saved(state.value)

    def arrived(self, text: str) -> tuple[bool, str | None]:
        """The store brought the shown change's verdict anew; ``text`` is the field's.

        (news, replacement): news when its note is not the one the reader started from; the
        stored note replaces the field's text only when the reader had not touched it.
        """
        cid, session = self.shown, self.session
        if session is None or not cid or cid in self._drafts:
            return False, None
        stored = session.note(cid)
        if stored == self.origin:
            return False, None
        if text == self.origin:  # untouched here: show the new note
            self.origin = stored
            return True, stored
        return True, None

    # -- the reader's choices on a conflict ---------------------------------------------------
    def keep_theirs(self) -> str:
        """ "Keep theirs": the reader lets their draft go; the colleague's note for the field."""
        cid, session = self.shown, self.session
        if session is None or not cid:
            return ""
        self._drafts.pop(cid, None)
        self.origin = session.note(cid)
        return self.origin

    def replace_theirs(self, text: str) -> Saved:
        """ "Replace theirs with mine": the reader read the colleague's note; save over it."""
        cid, session = self.shown, self.session
        if session is None or not cid:
            return Saved.SETTLED
        draft = self._drafts.get(cid)
        if draft is not None:
            draft.state = DraftState.UNSAVED
        self.origin = session.note(cid)
        return self.save(text)

    # -- leaving ------------------------------------------------------------------------------
    def retry(self) -> list[str]:
        """Retry the drafts of the changes not shown; the changes still with a draft.

        A draft whose change a colleague has written a different note on since the reader began
        is not saved (it would replace theirs unseen): it becomes OVERTAKEN, decided there.
        """
        session = self.session
        if session is not None:
            for cid, draft in list(self._drafts.items()):
                if cid == self.shown or draft.state is DraftState.OVERTAKEN:
                    continue
                if session.note(cid) == draft.origin and session.set_note(cid, draft.text):
                    del self._drafts[cid]
                elif session.note(cid) != draft.origin:  # refused for a colleague's note
                    draft.state = DraftState.OVERTAKEN
        return self.pending()

    def discard(self, change_ids: list[str], text: str) -> str | None:
        """Let these drafts go: the reader chose to leave without them. ``text``: the field's.

        The stored note for the field when the shown change's draft was among them and the
        field still shows it (so leaving does not try to save it once more); None otherwise (a
        note typed after the reader was asked is not touched).
        """
        shown = None
        for cid in change_ids:
            draft = self._drafts.pop(cid, None)
            if cid == self.shown and draft is not None:
                shown = draft.text
        if self.session is None or shown is None or text.strip() != shown.strip():
            return None
        self.origin = self.session.note(self.shown)
        return self.origin
