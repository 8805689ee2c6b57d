"""Review-level operations inside one session: create, import, list, load, edit metadata.

Functions here take an open :class:`Session` and never commit: the caller's
``with Session.begin()`` decides (one transaction per user action).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.engine.types import Comparison
from factcheck_gui.store.convert import (
    clean_scale,
    excerpt,
    fingerprints_of,
    history_record,
    note_replaced,
    storable,
    storable_comparison_zlib,
    storable_json,
    stored_comparison,
    verdict_record,
)
from factcheck_gui.store.errors import StoreError, UnknownChangeError, UnknownReviewError
from factcheck_gui.store.models import STATUSES, ChangeRow, HistoryRow, ReviewRow, UiStateRow, VerdictRow
from factcheck_gui.store.records import Review, ReviewSummary

# The tables themselves, for plain executemany inserts (no ORM object or identity map per row).
CHANGES = cast(Table, ChangeRow.__table__)
VERDICTS = cast(Table, VerdictRow.__table__)
HISTORY = cast(Table, HistoryRow.__table__)

MAX_TITLE = 500


def now() -> datetime:
    return datetime.now(UTC)


def get_review(session: Session, review_id: int, *, lock: bool = False) -> ReviewRow:
    """The review's row; ``lock``: held until commit against a link made by hand meanwhile
    (PostgreSQL ``FOR NO KEY UPDATE``: a verdict write and a link on one review take turns)."""
    row = session.get(ReviewRow, review_id, with_for_update={"key_share": True} if lock else None)
    if row is None:
        raise UnknownReviewError(f"no review {review_id} in this database (see `factcheck review list`)")
    return row


def clean_title(title: str, comparison: Comparison) -> tuple[str, int]:
    """The title as stored (spaces collapsed, storable) and how many characters were replaced."""
    title, replaced = storable(title)
    title = " ".join(title.split())
    if not title:
        title = f"{comparison.original.name} → {comparison.rewrite.name}"
    return title[:MAX_TITLE], replaced


def insert_review(
    session: Session,
    comparison: Comparison,
    *,
    title: str,
    created_by: str,
    scale: Sequence[str],
    status: str = "open",
    created_at: datetime | None = None,
    updated_at: datetime | None = None,
) -> ReviewRow:
    """Insert the review and its change rows; returns the review's row.

    Characters no back end can hold are replaced by U+FFFD (one for one, so offsets stay
    valid) and counted in ``replaced_chars``: nothing the user supplied silently vanishes.
    The comparison is stored compressed (:func:`storable_comparison_zlib`) and the change rows in
    one go, without an ORM object each (:func:`insert_changes`).
    """
    if status not in STATUSES:
        raise StoreError(f"unknown review status {status!r}: use open or done")
    comparison, comparison_zlib, replaced = storable_comparison_zlib(comparison)
    title, title_replaced = clean_title(title, comparison)
    created_by, name_replaced = storable(created_by)
    replaced += title_replaced + name_replaced
    note_replaced("new review", replaced)
    stamp = now()
    row = ReviewRow(
        title=title,
        status=status,
        created_by=created_by,
        created_at=created_at or stamp,
        updated_at=updated_at or created_at or stamp,
        scale=list(clean_scale(scale)),
        engine_version=comparison.engine,
        original_name=comparison.original.name,
        rewrite_name=comparison.rewrite.name,
        original_sha256=comparison.original.sha256,
        rewrite_sha256=comparison.rewrite.sha256,
        original_location=comparison.original.source.location,
        rewrite_location=comparison.rewrite.source.location,
        comparison_json="",
        comparison_zlib=comparison_zlib,
        replaced_chars=replaced,
        source_names=_source_names(comparison),
        original_excerpt=excerpt(_first_source_text(comparison)),
        rewrite_excerpt=excerpt(comparison.rewrite.text),
    )
    session.add(row)
    session.flush()
    insert_changes(
        session,
        [
            (row.id, change.id, position, change.kind.value, change.is_change, fp)
            for position, (change, fp) in enumerate(
                zip(comparison.changes, fingerprints_of(comparison), strict=True)
            )
        ],
    )
    return row


def _first_source_text(comparison: Comparison) -> str:
    """The original's text, or a several-source review's first source (not the headings the
    window's stacked view puts above each source)."""
    several = sourced(comparison)
    return several.multi.sources[0].text if several is not None else comparison.original.text


def _source_names(comparison: Comparison) -> list[str] | None:
    several = sourced(comparison)
    return list(several.source_names) if several is not None else None


CHANGE_COLUMNS = ("review_id", "change_id", "position", "kind", "needs_review", "fingerprint")
_COPY_CHANGES = "COPY changes (review_id, change_id, position, kind, needs_review, fingerprint) FROM STDIN"
_INSERT_CHANGES = (
    "INSERT INTO changes (review_id, change_id, position, kind, needs_review, fingerprint) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def insert_changes(session: Session, rows: Sequence[tuple[int, str, int, str, bool, str]]) -> None:
    """Insert change rows (values in :data:`CHANGE_COLUMNS` order) in one go.

    PostgreSQL: one ``COPY`` (psycopg), about three times faster than an executemany of 20,000
    rows; SQLite: one executemany of plain tuples. A driver error comes out as SQLAlchemy would
    raise it, so the store's error translation sees it the same way.
    """
    if not rows:
        return
    conn = session.connection()
    driver = conn.connection.driver_connection
    if conn.dialect.name == "postgresql" and driver is not None:
        dbapi_error = conn.dialect.loaded_dbapi.Error
        try:
            with driver.cursor() as cursor, cursor.copy(_COPY_CHANGES) as copy:
                for values in rows:
                    copy.write_row(values)
        except dbapi_error as exc:
            raise DBAPIError.instance(_COPY_CHANGES, None, exc, dbapi_error) from exc
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_INSERT_CHANGES, list(rows))
    else:  # pragma: no cover - the store runs on SQLite and PostgreSQL only
        session.execute(insert(CHANGES), [dict(zip(CHANGE_COLUMNS, v, strict=True)) for v in rows])


def change_pks(session: Session, review_id: int) -> dict[str, int]:
    """Change id → the change row's primary key, for one review."""
    query = select(ChangeRow.change_id, ChangeRow.id).where(ChangeRow.review_id == review_id)
    return {change_id: pk for change_id, pk in session.execute(query)}


def add_complete_review(session: Session, review: Review) -> int:
    """Insert a review read from a review file, with its verdicts and history as they are."""
    summary = review.summary
    row = insert_review(
        session,
        review.comparison,
        title=summary.title,
        created_by=summary.reviewers[0] if summary.reviewers else "",
        scale=review.scale,
        status=summary.status,
        created_at=summary.created_at,
        updated_at=summary.updated_at,
    )
    row.replaced_chars += summary.replaced_chars
    pks = change_pks(session, row.id) if review.verdicts else {}
    verdict_rows: list[dict[str, Any]] = []
    for change_id, verdict in review.verdicts.items():
        if change_id not in pks:
            raise UnknownChangeError(f"the review file has a verdict on change {change_id!r}, which it lacks")
        note, in_note = storable(verdict.note)
        reviewer, in_name = storable(verdict.reviewer)
        verdict_rows.append(
            {
                "change_pk": pks[change_id],
                "review_id": row.id,
                "value": _storable_or_none(verdict.value),
                "note": note,
                "reviewer": reviewer,
                "decided_at": verdict.decided_at,
                "version": verdict.version,
                "carried_from": _storable_or_none(verdict.carried_from),
                "replaced_chars": verdict.replaced_chars + in_note + in_name,
            }
        )
    history_rows: list[dict[str, Any]] = []
    for h in review.history:
        old_note, in_old = storable(h.old_note)
        new_note, in_new = storable(h.new_note)
        reviewer, in_name = storable(h.reviewer)
        history_rows.append(
            {
                "review_id": row.id,
                "change_id": storable(h.change_id)[0],
                "action": storable(h.action)[0],
                "old_value": _storable_or_none(h.old_value),
                "new_value": _storable_or_none(h.new_value),
                "old_note": old_note,
                "new_note": new_note,
                "reviewer": reviewer,
                "at": h.at,
                "version": h.version,
                "carried_from": _storable_or_none(h.carried_from),
                "replaced_chars": h.replaced_chars + in_old + in_new + in_name,
            }
        )
    if verdict_rows:
        session.execute(insert(VERDICTS), verdict_rows)
    if history_rows:
        # In file order: the history's ids keep the order in which the writes were made.
        session.execute(insert(HISTORY), history_rows)
    session.flush()
    return row.id


def _storable_or_none(value: str | None) -> str | None:
    return storable(value)[0] if value is not None else None


# What a line of the listing needs from a review's row: never the comparison itself.
SUMMARY_COLUMNS = (
    ReviewRow.id,
    ReviewRow.title,
    ReviewRow.status,
    ReviewRow.created_by,
    ReviewRow.created_at,
    ReviewRow.updated_at,
    ReviewRow.original_name,
    ReviewRow.rewrite_name,
    ReviewRow.replaced_chars,
    ReviewRow.source_names,
    ReviewRow.original_location,
    ReviewRow.rewrite_location,
    ReviewRow.original_excerpt,
    ReviewRow.rewrite_excerpt,
)


def summaries(session: Session, review_ids: Sequence[int] | None = None) -> list[ReviewSummary]:
    """Summaries, newest first (all reviews, or the given ones).

    Only the summary columns are read and the counts are made by the database (one grouped
    query over the change rows): the time and memory do not depend on how big the reviews are.
    """
    query = select(*SUMMARY_COLUMNS).order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())
    counts = (
        select(
            ChangeRow.review_id,
            func.count().label("total"),
            func.count(VerdictRow.value).label("reviewed"),
        )
        .outerjoin(VerdictRow, VerdictRow.change_pk == ChangeRow.id)
        .where(ChangeRow.needs_review.is_(True))
        .group_by(ChangeRow.review_id)
    )
    people_query = (
        select(HistoryRow.review_id, HistoryRow.reviewer, func.min(HistoryRow.id))
        .group_by(HistoryRow.review_id, HistoryRow.reviewer)
        .order_by(func.min(HistoryRow.id))
    )
    if review_ids is not None:
        query = query.where(ReviewRow.id.in_(review_ids))
        counts = counts.where(ChangeRow.review_id.in_(review_ids))
        people_query = people_query.where(HistoryRow.review_id.in_(review_ids))
    rows = session.execute(query).all()
    if not rows:
        return []
    totals = {review_id: (total, reviewed) for review_id, total, reviewed in session.execute(counts)}
    people: dict[int, list[str]] = defaultdict(list)
    for review_id, reviewer, _first in session.execute(people_query):
        people[review_id].append(reviewer)
    return [
        ReviewSummary(
            id=r.id,
            title=r.title,
            status=r.status,
            created_at=r.created_at,
            updated_at=r.updated_at,
            reviewers=_reviewers(r.created_by, people.get(r.id, ())),
            total_changes=totals.get(r.id, (0, 0))[0],
            reviewed_changes=totals.get(r.id, (0, 0))[1],
            original_name=r.original_name,
            rewrite_name=r.rewrite_name,
            replaced_chars=r.replaced_chars,
            source_names=tuple(r.source_names or ()),
            original_location=r.original_location,
            rewrite_location=r.rewrite_location,
            original_excerpt=r.original_excerpt,
            rewrite_excerpt=r.rewrite_excerpt,
        )
        for r in rows
    ]


def _reviewers(created_by: str, reviewers: Sequence[str]) -> tuple[str, ...]:
    names = [created_by] if created_by else []
    names += [n for n in reviewers if n and n not in names]
    return tuple(names)


def latest_of_texts(session: Session, original_sha256: str, rewrite_sha256: str) -> int | None:
    """The id of the most recently updated review of exactly these two texts, or None."""
    found = session.scalar(
        select(ReviewRow.id)
        .where(ReviewRow.original_sha256 == original_sha256, ReviewRow.rewrite_sha256 == rewrite_sha256)
        .order_by(ReviewRow.updated_at.desc(), ReviewRow.id.desc())
        .limit(1)
    )
    return int(found) if found is not None else None


def load(session: Session, review_id: int, comparison: Comparison | None = None) -> Review:
    """``comparison``: the review's stored comparison when the caller has it already decoded
    (it is decoded anew when the stored changes are no longer its changes: a colleague linked
    two by hand, or took a link apart, since the caller read it)."""
    row = get_review(session, review_id)
    if comparison is not None:
        stored_ids = session.scalars(
            select(ChangeRow.change_id).where(ChangeRow.review_id == review_id).order_by(ChangeRow.position)
        ).all()
        if list(stored_ids) != [c.id for c in comparison.changes]:
            comparison = None
    verdicts = {
        change_id: verdict_record(v, change_id)
        for v, change_id in session.execute(
            select(VerdictRow, ChangeRow.change_id)
            .join(ChangeRow, VerdictRow.change_pk == ChangeRow.id)
            .where(VerdictRow.review_id == review_id)
            .order_by(ChangeRow.position)
        )
    }
    history = tuple(
        history_record(h)
        for h in session.scalars(
            select(HistoryRow).where(HistoryRow.review_id == review_id).order_by(HistoryRow.id)
        )
    )
    (summary_,) = summaries(session, [review_id])
    if comparison is None:
        stored_json, stored_zlib = session.execute(
            select(ReviewRow.comparison_json, ReviewRow.comparison_zlib).where(ReviewRow.id == review_id)
        ).one()
        try:
            comparison = stored_comparison(stored_json, stored_zlib)
        except StoreError as exc:
            raise StoreError(f"review {review_id}: {exc}") from None
    return Review(
        summary=summary_,
        comparison=comparison,
        scale=tuple(row.scale),
        verdicts=verdicts,
        history=history,
        engine_version=row.engine_version,
    )


def set_scale(session: Session, review_id: int, scale: Sequence[str]) -> tuple[str, ...]:
    row = get_review(session, review_id)
    # Verdicts already given keep their value even if it leaves the scale: nothing is lost.
    cleaned = clean_scale(scale)
    row.scale = list(cleaned)
    row.updated_at = now()
    return cleaned


def set_status(session: Session, review_id: int, status: str) -> None:
    if status not in STATUSES:
        raise StoreError(f"unknown review status {status!r}: use open or done")
    row = get_review(session, review_id)
    row.status = status
    row.updated_at = now()


def rename(session: Session, review_id: int, title: str) -> None:
    row = get_review(session, review_id)
    title, replaced = storable(title)
    cleaned = " ".join(title.split())
    if not cleaned:
        raise StoreError("a review title cannot be empty")
    note_replaced(f"title of review {review_id}", replaced)
    row.title = cleaned[:MAX_TITLE]
    row.replaced_chars += replaced
    row.updated_at = now()


def get_ui_state(session: Session, review_id: int) -> dict[str, Any]:
    get_review(session, review_id)
    row = session.get(UiStateRow, review_id)
    return dict(row.state) if row is not None else {}


def put_ui_state(session: Session, review_id: int, state: Mapping[str, Any]) -> None:
    get_review(session, review_id)
    row = session.get(UiStateRow, review_id)
    # UI state is the app's own bookkeeping (selection, filters): no count is kept.
    cleaned: dict[str, Any] = storable_json(dict(state))
    if row is None:
        session.add(UiStateRow(review_id=review_id, state=cleaned, updated_at=now()))
    else:
        row.state = cleaned
        row.updated_at = now()
