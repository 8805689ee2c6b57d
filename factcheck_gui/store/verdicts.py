"""Verdict writes with an optimistic version check, the history they append, and carry-over.

Like ``reviews.py`` these take an open session; the caller owns the transaction. On SQLite the
transaction began with ``BEGIN IMMEDIATE`` and on PostgreSQL the verdict row is read ``FOR
UPDATE``, so the version check and the write cannot interleave with another writer's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from factcheck_gui.engine.types import Comparison
from factcheck_gui.store.convert import (
    fingerprints_of,
    history_record,
    note_replaced,
    storable,
    stored_sha256,
    verdict_record,
)
from factcheck_gui.store.errors import ConflictError, UnknownChangeError, UnknownVerdictError
from factcheck_gui.store.models import ChangeRow, HistoryRow, ReviewRow, VerdictRow
from factcheck_gui.store.records import HistoryRecord, VerdictRecord
from factcheck_gui.store.reviews import get_review, now

MAX_NOTE = 20_000


class _Keep:
    """Marker: leave the verdict value as it is (a note-only edit)."""


KEEP = _Keep()


@dataclass(frozen=True, slots=True)
class CarryOverOffer:
    """An earlier review whose verdicts could be carried to a new comparison."""

    review_id: int
    title: str
    # "same original" | "same rewrite" (the original side was replaced by a new version) |
    # "previous version" (its rewrite is this original)
    relation: str
    created_at: datetime
    verdicts: int  # how many verdicts would carry (changes with an equal fingerprint)


def get_change(session: Session, review_id: int, change_id: str) -> ChangeRow:
    change_id = storable(change_id)[0]  # an id that cannot be stored cannot be found either
    row = session.scalars(
        select(ChangeRow).where(ChangeRow.review_id == review_id, ChangeRow.change_id == change_id)
    ).first()
    if row is None:
        raise UnknownChangeError(
            f"review {review_id} has no change {change_id!r} (see `factcheck review show`)"
        )
    return row


def current_verdict(session: Session, change: ChangeRow, *, lock: bool = False) -> VerdictRow | None:
    query = select(VerdictRow).where(VerdictRow.change_pk == change.id)
    if lock:
        query = query.with_for_update()  # a no-op on SQLite, which already holds the write lock
    return session.scalars(query).first()


def conflict(change_id: str, row: VerdictRow | None) -> ConflictError:
    if row is None:
        return ConflictError(f"the verdict on {change_id} changed since you read it; reload it", None)
    shown = row.value if row.value is not None else "no verdict"
    return ConflictError(
        f"{row.reviewer} changed the verdict on {change_id} to {shown!r} since you read it "
        f"(version {row.version}); yours was not saved — reload and decide again",
        verdict_record(row, change_id),
    )


def write_verdict(
    session: Session,
    review_id: int,
    change_id: str,
    value: str | _Keep | None,
    *,
    note: str | None,
    reviewer: str,
    expected_version: int | None,
) -> VerdictRecord:
    """Set, change or clear a verdict (or only its note), appending one history row.

    A note or reviewer name holding characters no back end can store is saved with each one
    replaced by U+FFFD (counted in ``replaced_chars``), never refused or dropped.
    """
    review = get_review(session, review_id, lock=True)
    if isinstance(value, str):
        value = storable(value)[0]  # a scale value is storable: this one then matches none
    if isinstance(value, str) and value not in review.scale:
        raise UnknownVerdictError(
            f"{value!r} is not on this review's verdict scale: {', '.join(review.scale)}"
        )
    if note is not None and len(note) > MAX_NOTE:
        raise UnknownVerdictError(f"the note is too long ({len(note)} characters, at most {MAX_NOTE})")
    replaced = 0
    if note is not None:
        note, replaced = storable(note)
    reviewer, in_name = storable(reviewer)
    replaced += in_name
    change = get_change(session, review_id, change_id)
    change_id = change.change_id
    row = current_verdict(session, change, lock=True)
    if (row.version if row is not None else 0) != (expected_version or 0):
        raise conflict(change_id, row)

    old_value = row.value if row is not None else None
    old_note = row.note if row is not None else ""
    new_value = old_value if isinstance(value, _Keep) else value
    new_note = old_note if note is None else note
    stamp = now()
    if row is not None and (new_value, new_note) == (old_value, old_note):
        return verdict_record(row, change_id)  # nothing changed: no history noise
    if row is None and new_value is None and not new_note:
        return VerdictRecord(change_id, None, "", reviewer, stamp, 0)  # clearing nothing

    if new_value == old_value:
        action = "note"
    elif new_value is None:
        action = "cleared"
    elif old_value is None:
        action = "set"
    else:
        action = "changed"
    if row is None:
        row = VerdictRow(change_pk=change.id, review_id=review_id, version=0)
        session.add(row)
    row.value = new_value
    row.note = new_note
    row.reviewer = reviewer
    row.decided_at = stamp
    row.version += 1
    row.carried_from = None  # a person decided it now
    row.replaced_chars = replaced
    note_replaced(f"verdict on review {review_id} {change_id}", replaced)
    session.add(
        HistoryRow(
            review_id=review_id,
            change_id=change_id,
            action=action,
            old_value=old_value,
            new_value=new_value,
            old_note=old_note,
            new_note=new_note,
            reviewer=reviewer,
            at=stamp,
            version=row.version,
            replaced_chars=replaced,
        )
    )
    review.updated_at = stamp
    session.flush()
    return verdict_record(row, change_id)


def history(session: Session, review_id: int, change_id: str | None) -> list[HistoryRecord]:
    get_review(session, review_id)
    query = select(HistoryRow).where(HistoryRow.review_id == review_id)
    if change_id is None:
        return [history_record(h) for h in session.scalars(query.order_by(HistoryRow.id))]
    stored_id = storable(change_id)[0]
    rows = [
        history_record(h)
        for h in session.scalars(query.where(HistoryRow.change_id == stored_id).order_by(HistoryRow.id))
    ]
    if not rows:
        get_change(session, review_id, change_id)  # one line when there is no such change
    return rows  # also of a change linked by hand and taken apart again: its history stays


def offers(session: Session, comparison: Comparison, exclude_review_id: int | None) -> list[CarryOverOffer]:
    """Earlier reviews sharing this original or this rewrite, or whose rewrite is this original.

    Newest first, only those with at least one verdict on a change worded the same. The count
    is what would carry into an empty review with the same scale; for a review already stored,
    :func:`carry_count` is exact.
    """
    # Hashed as the store keeps them (unstorable characters replaced), without re-encoding the
    # whole comparison: right after a big comparison is stored, this must not cost as much again.
    original, rewrite = stored_sha256(comparison.original), stored_sha256(comparison.rewrite)
    query = select(
        ReviewRow.id,
        ReviewRow.title,
        ReviewRow.created_at,
        ReviewRow.original_sha256,
        ReviewRow.rewrite_sha256,
    ).where(
        or_(
            ReviewRow.original_sha256 == original,
            ReviewRow.rewrite_sha256 == original,
            ReviewRow.rewrite_sha256 == rewrite,
        )
    )
    if exclude_review_id is not None:
        query = query.where(ReviewRow.id != exclude_review_id)
    candidates = session.execute(query.order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())).all()
    if not candidates:
        return []
    wanted = set(fingerprints_of(comparison))
    counts: dict[int, int] = {}
    for review_id, fp in session.execute(
        select(ChangeRow.review_id, ChangeRow.fingerprint)
        .join(VerdictRow, VerdictRow.change_pk == ChangeRow.id)
        .where(ChangeRow.review_id.in_([c.id for c in candidates]), VerdictRow.value.is_not(None))
    ):
        if fp in wanted:
            counts[review_id] = counts.get(review_id, 0) + 1
    return [
        CarryOverOffer(
            review_id=rid,
            title=title,
            relation=_relation(original_sha, rewrite_sha, original, rewrite),
            created_at=created,
            verdicts=counts[rid],
        )
        for rid, title, created, original_sha, rewrite_sha in candidates
        if counts.get(rid)
    ]


def _relation(their_original: str, their_rewrite: str, original: str, rewrite: str) -> str:
    if their_original == original:
        return "same original"
    if their_rewrite == rewrite:
        return "same rewrite"
    return "previous version"


def _plan(
    session: Session,
    from_review_id: int,
    to_review_id: int,
    from_fingerprints: Mapping[str, str] | None = None,
) -> tuple[ReviewRow, list[tuple[int, str, str, VerdictRow]]]:
    """What :func:`carry` would do: (target change pk, its change id, source change id, source
    verdict) for each verdict to copy.

    Targets are changes of ``to`` without a verdict whose fingerprint has a decided verdict in
    ``from`` (the first such change's) with a value on ``to``'s scale. The database matches the
    fingerprints; only the source verdicts and the matching target changes are read.

    ``from_fingerprints`` (change id → fingerprint) replaces the stored fingerprints of
    ``from``'s changes: a pair review given a source sees its changes as changes from that
    one source (:func:`factcheck_gui.engine.sources.projection.as_several`).
    """
    get_review(session, from_review_id)
    target = get_review(session, to_review_id, lock=True)
    sources: dict[str, tuple[str, VerdictRow]] = {}
    for fp, source_change, verdict in session.execute(
        select(ChangeRow.fingerprint, ChangeRow.change_id, VerdictRow)
        .join(VerdictRow, VerdictRow.change_pk == ChangeRow.id)
        .where(ChangeRow.review_id == from_review_id, VerdictRow.value.is_not(None))
        .order_by(ChangeRow.position)
    ):
        if from_fingerprints is not None:
            fp = from_fingerprints.get(source_change, "")
        sources.setdefault(fp, (source_change, verdict))
    if not sources:
        return target, []
    taken = select(VerdictRow.change_pk).where(VerdictRow.review_id == to_review_id)
    source = aliased(ChangeRow)
    decided: Any = (
        select(source.fingerprint)
        .join(VerdictRow, VerdictRow.change_pk == source.id)
        .where(source.review_id == from_review_id, VerdictRow.value.is_not(None))
    )
    if from_fingerprints is not None:
        decided = sorted(sources)
    # Matched by the database: only the changes that can carry come back.
    targets = session.execute(
        select(ChangeRow.id, ChangeRow.change_id, ChangeRow.fingerprint)
        .where(
            ChangeRow.review_id == to_review_id,
            ChangeRow.id.not_in(taken),
            ChangeRow.fingerprint.in_(decided),
        )
        .order_by(ChangeRow.position)
    ).all()
    plan: list[tuple[int, str, str, VerdictRow]] = []
    for change_pk, change_id, fp in targets:
        if fp not in sources:
            continue
        source_change, verdict = sources[fp]
        if verdict.value in target.scale:  # otherwise the new scale has no such value: a person decides
            plan.append((change_pk, change_id, source_change, verdict))
    return target, plan


def carry_count(session: Session, from_review_id: int, to_review_id: int) -> int:
    """How many verdicts :func:`carry` would copy now (a dry run: nothing is written)."""
    return len(_plan(session, from_review_id, to_review_id)[1])


def carry(
    session: Session,
    from_review_id: int,
    to_review_id: int,
    *,
    reviewer: str,
    from_fingerprints: Mapping[str, str] | None = None,
) -> int:
    """Copy verdicts onto changes of ``to`` that have none yet and an equal fingerprint.

    The carried verdict keeps who decided it and when (the decision is theirs, on identical
    text); the history row records who carried it, and ``carried_from`` links back.
    """
    target, plan = _plan(session, from_review_id, to_review_id, from_fingerprints)
    reviewer, in_name = storable(reviewer)
    stamp = now()
    count = 0
    for change_pk, change_id, source_change, verdict in plan:
        link = f"review {from_review_id} change {source_change}"
        session.add(
            VerdictRow(
                change_pk=change_pk,
                review_id=to_review_id,
                value=verdict.value,
                note=verdict.note,
                reviewer=verdict.reviewer,
                decided_at=verdict.decided_at,
                version=1,
                carried_from=link,
                replaced_chars=verdict.replaced_chars,
            )
        )
        session.add(
            HistoryRow(
                review_id=to_review_id,
                change_id=change_id,
                action="carried",
                old_value=None,
                new_value=verdict.value,
                old_note="",
                new_note=verdict.note,
                reviewer=reviewer,
                at=stamp,
                version=1,
                carried_from=link,
                replaced_chars=verdict.replaced_chars + in_name,
            )
        )
        count += 1
    if count:
        target.updated_at = stamp
    session.flush()
    return count
