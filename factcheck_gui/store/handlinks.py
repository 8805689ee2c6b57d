"""A reviewer's links inside one session: a removed and an added change made one, and taken
apart again (see :mod:`factcheck_gui.engine.handlink`).

The review's stored comparison is replaced in the same transaction as its change rows, and a
history row ("linked" / "unlinked") says who did it and when, so the review log shows the
decision. Only changes without a verdict or a note are linked or taken apart: what a reviewer
decided is never dropped with the change it was about (clear it first; its history stays).
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from factcheck_gui.engine.handlink import LinkError, link_by_hand, next_change_id, unlink
from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.engine.types import Change, Comparison
from factcheck_gui.store.convert import fingerprints_of, storable, storable_comparison_zlib, stored_comparison
from factcheck_gui.store.errors import StoreError
from factcheck_gui.store.models import ChangeRow, HistoryRow, ReviewRow, VerdictRow
from factcheck_gui.store.reviews import get_review, insert_changes, now
from factcheck_gui.store.verdicts import current_verdict, get_change


def _comparison(session: Session, review_id: int) -> tuple[ReviewRow, Comparison]:
    row = get_review(session, review_id)
    # One link at a time per review, and verdict writes wait for it (they lock the review too,
    # see verdicts.write_verdict): a first verdict never lands on a change a link takes away.
    session.refresh(row, with_for_update=True)
    stored_json, stored_zlib = session.execute(
        select(ReviewRow.comparison_json, ReviewRow.comparison_zlib).where(ReviewRow.id == review_id)
    ).one()
    comparison = stored_comparison(stored_json, stored_zlib)
    if sourced(comparison) is not None:
        raise StoreError("claims of a review against several sources cannot be linked by hand yet")
    return row, comparison


def _undecided(session: Session, review_id: int, change_id: str) -> ChangeRow:
    """The change's row; refused when it has a verdict or a note (an empty verdict row goes)."""
    change = get_change(session, review_id, change_id)
    verdict = current_verdict(session, change, lock=True)
    if verdict is not None and (verdict.value is not None or verdict.note):
        raise StoreError(
            f"{change_id} has a verdict or a note: clear them first, so that nothing decided on it "
            "is dropped with it (its history stays)"
        )
    if verdict is not None:
        session.execute(delete(VerdictRow).where(VerdictRow.id == verdict.id))
    return change


def _store(
    session: Session, row: ReviewRow, comparison: Comparison, changes: list[tuple[Change, int]]
) -> None:
    """Write ``comparison`` over the review's and add change rows for ``changes`` (each with
    the position it takes)."""
    _stored, comparison_zlib, _replaced = storable_comparison_zlib(comparison)
    row.comparison_json = ""
    row.comparison_zlib = comparison_zlib
    row.updated_at = now()
    prints = dict(zip((c.id for c in comparison.changes), fingerprints_of(comparison), strict=True))
    insert_changes(
        session,
        [(row.id, c.id, position, c.kind.value, c.is_change, prints[c.id]) for c, position in changes],
    )


def _history(session: Session, review_id: int, change_id: str, action: str, said: str, reviewer: str) -> None:
    session.add(
        HistoryRow(
            review_id=review_id,
            change_id=change_id,
            action=action,
            old_value=None,
            new_value=None,
            old_note="",
            new_note=said,
            reviewer=storable(reviewer)[0],
            at=now(),
            version=0,
        )
    )


def link(session: Session, review_id: int, first: str, second: str, *, reviewer: str) -> Change:
    """Make the removed and the added change ``first`` and ``second`` one change; returns it."""
    row, comparison = _comparison(session, review_id)
    seen = session.scalars(select(HistoryRow.change_id).where(HistoryRow.review_id == review_id))
    try:
        linked_cmp, linked = link_by_hand(comparison, first, second, next_change_id(comparison, seen))
    except LinkError as exc:
        raise StoreError(str(exc)) from None
    rows = [_undecided(session, review_id, part.id) for _at, part in linked.linked_from]
    position = rows[0].position  # where the removed claim's change stood
    session.execute(delete(ChangeRow).where(ChangeRow.id.in_([r.id for r in rows])))
    _store(session, row, linked_cmp, [(linked, position)])
    (removed, added) = (part.id for _at, part in linked.linked_from)
    said = f"{removed} (removed) and {added} (added) linked by hand as one claim, {linked.id}"
    _history(session, review_id, linked.id, "linked", said, reviewer)
    # and in each part's own history, which shows again once the link is taken apart
    for part in (removed, added):
        _history(session, review_id, part, "linked", said, reviewer)
    return linked


def take_apart(session: Session, review_id: int, change_id: str, *, reviewer: str) -> tuple[Change, ...]:
    """Undo a link made by hand: the change ``change_id`` becomes the two it was; returns them."""
    row, comparison = _comparison(session, review_id)
    try:
        apart, parts = unlink(comparison, change_id)
    except LinkError as exc:
        raise StoreError(str(exc)) from None
    linked_row = _undecided(session, review_id, change_id)
    session.execute(delete(ChangeRow).where(ChangeRow.id == linked_row.id))
    removed, added = parts
    removed_at = linked_row.position  # where the link stood
    ids = [c.id for c in apart.changes]
    k = ids.index(added.id) + 1
    if k == len(ids):  # the added claim's change is the last one
        last = session.scalar(select(func.max(ChangeRow.position)).where(ChangeRow.review_id == review_id))
        place = max(last or 0, removed_at) + 1
    else:  # the place of the change after it, made free
        place = removed_at if ids[k] == removed.id else get_change(session, review_id, ids[k]).position
        session.execute(
            update(ChangeRow)
            .where(ChangeRow.review_id == review_id, ChangeRow.position >= place)
            .values(position=ChangeRow.position + 1)
        )
        removed_at += removed_at >= place
    _store(session, row, apart, [(removed, removed_at), (added, place)])
    said = f"{change_id}, linked by hand, taken apart into {removed.id} and {added.id} again"
    for cid in (change_id, removed.id, added.id):
        _history(session, review_id, cid, "unlinked", said, reviewer)
    return parts
