"""What the reader is told: every sentence the review rules produce, in one place.

The GUI shows these in its message bar, status bar and verdict panel; nothing here knows how.
Story text quoted in them (a note, a verdict, a colleague's name) is plain text: the views show
these sentences as plain text only.
"""

from __future__ import annotations

from enum import Enum

REPLACEMENT_CHAR = "\ufffd"

# The verdict panel's line under the note.
TYPING = "Typing…"
NOTE_SAVED = "Note saved"
SAVED = "Saved"
NOT_SAVED_YET = "Note NOT saved yet — tried again when you leave the note"
NOT_SAVED_CONFLICT = "Note NOT saved — a colleague changed this note; choose below"
NOT_SAVED_REFUSED = "Note NOT saved — see the message above"
NO_VERDICT_TO_CLEAR = "No verdict to clear"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def chars(n: int) -> str:
    return "1 character" if n == 1 else f"{n} characters"


def are(n: int) -> str:
    return "is" if n == 1 else "are"


def someone(name: str | None) -> str:
    return name or "Someone"


def replaced_notice(count: int) -> str:
    """What the reader is told once about a review's characters the store could not keep."""
    return (
        f"{chars(count)} of this review (in its texts, names or notes) could not be stored — "
        f"broken characters from a paste or a file name — and {are(count)} shown as "
        f"{REPLACEMENT_CHAR}. Check the original files if those places matter."
    )


def note_replaced_chars(change_id: str, count: int) -> str:
    return (
        f"Saved, but {chars(count)} of your note on {change_id} could not be "
        f"stored (a broken or invisible control character) and {are(count)} "
        f"kept as {REPLACEMENT_CHAR}."
    )


# -- verdicts ------------------------------------------------------------------------------------
def verdict_saved(change_id: str, value: str | None) -> str:
    return f"Saved: {change_id} → {value}" if value else f"Saved: {change_id} verdict cleared"


def note_saved(change_id: str) -> str:
    return f"Saved: note on {change_id}"


def verdict_refused(change_id: str, who: str | None, theirs: str | None) -> str:
    """A verdict press refused because a colleague's verdict arrived first."""
    did = f"set the verdict on {change_id} to “{theirs}”" if theirs else f"cleared the verdict on {change_id}"
    return (
        f"{someone(who)} {did} meanwhile, so yours was not saved; the panel shows theirs. "
        "Press yours again to replace it (both stay in the history)."
    )


def note_refused(change_id: str, who: str | None) -> str:
    """A note refused because a colleague changed the note first."""
    return (
        f"{someone(who)} changed the note on {change_id} while you were "
        "writing yours, so yours was not saved over it; the verdict panel shows both — "
        "choose which to keep."
    )


def change_gone_reason(change_id: str) -> str:
    """Why a note on a change that is gone was not saved, inside a longer sentence."""
    return f"{change_id} is no longer in this review"


def change_gone(change_id: str, note: bool) -> tuple[str, str]:
    """A write refused because the change is no longer in the stored review (a colleague linked
    it with another claim by hand, or took its link apart); and the offer's button."""
    kept = " Your note stays in the panel until you reopen." if note else ""
    return (
        f"{change_gone_reason(change_id)}: someone linked it with another claim or took "
        f"its link apart meanwhile, so nothing was saved on it.{kept} Reopen the review to see "
        "its changes as they are now.",
        "Reopen the review",
    )


def verdict_beside_note(change_id: str, who: str, value: str | None) -> str:
    """A colleague's verdict arrived with one of the reader's note saves."""
    return (
        f"{who} set the verdict on {change_id} to "
        f"“{value or '(none)'}” meanwhile; your note was saved beside it."
    )


def verdict_held(change_id: str, who: str, now: str) -> str:
    """The reader's verdict press held once, so the colleague's verdict is not replaced unseen."""
    did = f"set the verdict on {change_id} to “{now}”" if now else "cleared the verdict"
    return f"{who} {did} meanwhile; nothing was changed. Press the verdict again to replace theirs."


def note_conflict(who: str | None, theirs: str, when: str) -> str:
    """The verdict panel's box when a colleague's note overtook the reader's."""
    said = f"changed this note to “{theirs}”" if theirs else "removed this note"
    return (
        f"{someone(who)} {said}{f' at {when}' if when else ''} while you were writing yours. Yours is "
        "still in the field and is not saved over theirs until you choose (both stay in the "
        "history)."
    )


# -- leaving a review ----------------------------------------------------------------------------
def lower_first(doing: str) -> str:
    return f"{doing[:1].lower()}{doing[1:]}"


def notes_not_saved(unsaved: list[str], reason: str, stays: str, doing: str) -> tuple[str, str]:
    """(message, button) when notes the store refused would be lost by ``doing``."""
    one = len(unsaved) == 1
    message = (
        f"{'Your note' if one else 'Your notes'} on {', '.join(unsaved)} could not be saved"
        + (f" ({reason.rstrip('.')})" if reason else "")
        + f", so {stays}: copy the text somewhere safe, or {lower_first(doing)} without it."
    )
    return message, f"{doing} without the note" if one else f"{doing} without the notes"


def pasted_cleared(stories: str, doing: str) -> str:
    return f"Your pasted {stories} will be cleared: {lower_first(doing)} anyway?"


def printing_on_quit() -> str:
    return "The report is still being printed: quit anyway? (The print job would be lost.)"


def pasted_lost_on_quit(stories: str) -> str:
    """``stories``: "original", "rewrite" or "original and rewrite"."""
    two = " and " in stories
    verb, it = ("are", "them") if two else ("is", "it")
    return f"Your pasted {stories} {verb} not saved anywhere: quit anyway? (Compare {it} to keep a review.)"


# -- carrying verdicts over ----------------------------------------------------------------------
def carried(count: int, from_id: int) -> str:
    return f"{plural(count, 'verdict')} carried over from review #{from_id}."


def carry_offer(
    verdicts: int, review_id: int, title: str, whose: str, others: int, also: str = ""
) -> tuple[str, str]:
    """(message, button) offering an earlier review's verdicts."""
    more = f" {plural(others, 'other earlier review')} also fit." if others else ""
    return (
        f"{plural(verdicts, 'verdict')} of review #{review_id} “{title}” ({whose}) "
        f"apply to changes worded the same here.{more}" + (f" {also}" if also else ""),
        f"Carry {verdicts} over",
    )


def hidden_unreviewed(left: int, shown_any: bool) -> str:
    """Next unreviewed found none on screen, but the filters hide changes still to do."""
    shown = "Every change shown has a verdict" if shown_any else "No change is shown"
    return f"{shown}; {left} more without one {are(left)} hidden by the filters (Review → Show all changes)."


class Level(str, Enum):
    """How loud a message is: the message bar's colours."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
