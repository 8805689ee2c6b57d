"""Initial schema: reviews, changes, verdicts and the append-only history.

Revision ID: 0001
Revises:
Create Date: 2025-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)

SQLITE_TRIGGERS = (
    "CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
    "CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
)
PG_TRIGGERS = (
    "CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'history is append-only'; END $$",
    "CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history "
    "FOR EACH ROW EXECUTE FUNCTION history_append_only()",
    "CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history "
    "FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()",
)


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.Column("updated_at", UTC_TS, nullable=False),
        sa.Column("scale", sa.JSON(), nullable=False),
        sa.Column("engine_version", sa.String(40), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("rewrite_name", sa.Text(), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("rewrite_sha256", sa.String(64), nullable=False),
        sa.Column("original_location", sa.Text(), nullable=False),
        sa.Column("rewrite_location", sa.Text(), nullable=False),
        sa.Column("comparison_json", sa.Text(), nullable=False),
        sa.CheckConstraint("status IN ('open', 'done')", name="ck_reviews_status"),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )
    op.create_index("ix_reviews_original_sha256", "reviews", ["original_sha256"])
    op.create_index("ix_reviews_rewrite_sha256", "reviews", ["rewrite_sha256"])

    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_changes_review_id_reviews"),
        sa.PrimaryKeyConstraint("id", name="pk_changes"),
        sa.UniqueConstraint("review_id", "change_id", name="uq_changes_review_id_change_id"),
    )

    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_pk", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("decided_at", UTC_TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("carried_from", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["change_pk"], ["changes.id"], name="fk_verdicts_change_pk_changes"),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_verdicts_review_id_reviews"),
        sa.PrimaryKeyConstraint("id", name="pk_verdicts"),
        sa.UniqueConstraint("change_pk", name="uq_verdicts_change_pk"),
    )
    op.create_index("ix_verdicts_review_id", "verdicts", ["review_id"])

    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("old_note", sa.Text(), nullable=False),
        sa.Column("new_note", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("at", UTC_TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("carried_from", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_history_review_id_reviews"),
        sa.PrimaryKeyConstraint("id", name="pk_history"),
    )
    op.create_index("ix_history_review_id_change_id", "history", ["review_id", "change_id"])

    # History is evidence: the database itself refuses to change or delete it.
    dialect = op.get_bind().dialect.name
    for statement in (
        SQLITE_TRIGGERS if dialect == "sqlite" else PG_TRIGGERS if dialect == "postgresql" else ()
    ):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS history_no_truncate ON history")
        op.execute("DROP TRIGGER IF EXISTS history_append_only ON history")
        op.execute("DROP FUNCTION IF EXISTS history_append_only()")
    op.drop_table("history")
    op.drop_table("verdicts")
    op.drop_table("changes")
    op.drop_table("reviews")
