"""SQLAlchemy 2 ORM models of the review database (typed ``Mapped[]``).

The Alembic scripts in ``migrations/versions`` create exactly this schema; a test compares
the two on both back ends so they cannot drift apart.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints let Alembic's SQLite batch mode (which rebuilds tables) find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

STATUSES = ("open", "done")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both back ends (SQLite would drop the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ReviewRow(Base):
    """One review: the comparison exactly as made (JSON), its scale and status."""

    __tablename__ = "reviews"
    __table_args__ = (CheckConstraint("status IN ('open', 'done')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scale: Mapped[list[str]] = mapped_column(JSON)
    engine_version: Mapped[str] = mapped_column(String(40))
    original_name: Mapped[str] = mapped_column(Text)
    rewrite_name: Mapped[str] = mapped_column(Text)
    original_sha256: Mapped[str] = mapped_column(String(64), index=True)
    rewrite_sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_location: Mapped[str] = mapped_column(Text, default="")
    rewrite_location: Mapped[str] = mapped_column(Text, default="")
    # The comparison as ``factcheck.compare/1`` JSON text, so the review reopens exactly as it
    # was saved. Reviews stored before migration 0004 keep it here; newer ones store "" here and
    # the same JSON, UTF-8 and zlib-compressed, in ``comparison_zlib``. Both are deferred: the
    # listing, the verdict writes and carry-over never read them (see :func:`convert.stored_comparison`).
    comparison_json: Mapped[str] = mapped_column(Text, deferred=True)
    # Characters of the title, names and texts the store replaced by U+FFFD (migration 0003).
    replaced_chars: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Migration 0004: NULL for reviews stored before it (read ``comparison_json`` then).
    comparison_zlib: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # Migration 0005: the names of a several-source review's sources, in order (its comparison
    # is then a ``factcheck.compare-multi/1`` document); NULL for a pair review.
    source_names: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    # Migration 0006: the first words of each text (plain text, white space collapsed), so the
    # start page tells reviews apart while listing reads only these summary columns.
    original_excerpt: Mapped[str] = mapped_column(Text, default="", server_default="")
    rewrite_excerpt: Mapped[str] = mapped_column(Text, default="", server_default="")


class ChangeRow(Base):
    """One change of a review's comparison, with the fingerprint carry-over matches on."""

    __tablename__ = "changes"
    __table_args__ = (
        UniqueConstraint("review_id", "change_id"),
        Index("ix_changes_fingerprint", "fingerprint"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    change_id: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    needs_review: Mapped[bool] = mapped_column()
    fingerprint: Mapped[str] = mapped_column(String(64))


class VerdictRow(Base):
    """The current verdict on one change; ``version`` is the optimistic-lock counter."""

    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_pk: Mapped[int] = mapped_column(ForeignKey("changes.id"), unique=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer)
    carried_from: Mapped[str | None] = mapped_column(Text)
    replaced_chars: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class HistoryRow(Base):
    """Append only (database triggers refuse UPDATE and DELETE on both back ends)."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_review_id_change_id", "review_id", "change_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    change_id: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    old_note: Mapped[str] = mapped_column(Text, default="")
    new_note: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer)
    carried_from: Mapped[str | None] = mapped_column(Text)
    # Characters of this write's note / reviewer name replaced by U+FFFD (migration 0003).
    replaced_chars: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class UiStateRow(Base):
    """Where the reviewer left a review (selected change, filters): added by migration 0002."""

    __tablename__ = "ui_state"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
