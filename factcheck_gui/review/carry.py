"""What the reader hears as a review opens: verdicts carried over, an offer to carry, and
characters the store could not keep (told once per review, again only when more appear)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck_gui.review import wording
from factcheck_gui.review.opening import REPLACED, CarryOffer, OpenedReview
from factcheck_gui.review.wording import Level


@dataclass(frozen=True)
class Announcement:
    """One message for the message bar; with ``offer``, a button that carries its verdicts."""

    text: str
    level: Level
    offer: CarryOffer | None = None
    button: str = ""
    # Unstorable characters now told for this review (remember it), or None: nothing new told.
    told_replaced: int | None = None


def announce(opened: OpenedReview, replaced_told: int) -> Announcement | None:
    """The message as ``opened`` shows, given how many unstorable characters were told before.

    None when there is nothing to say.
    """
    notes = []
    if opened.carried_from is not None:
        notes.append(wording.carried(opened.carried, opened.carried_from))
    tell = opened.replaced_chars > replaced_told
    if tell:
        notes.append(wording.replaced_notice(opened.replaced_chars))
    told = opened.replaced_chars if tell else None
    also = " ".join(notes)
    if opened.offers:
        best = opened.offers[0]
        whose = REPLACED if best.relation == REPLACED else best.relation
        text, button = wording.carry_offer(
            best.verdicts, best.review_id, best.title, whose, len(opened.offers) - 1, also
        )
        return Announcement(text, Level.WARNING if tell else Level.INFO, best, button, told)
    if tell:
        return Announcement(also, Level.WARNING, told_replaced=told)  # stays until dismissed
    if notes:
        return Announcement(also, Level.INFO)
    return None
