"""Index change fingerprints for carry-over; a ui_state table for where a reviewer left off.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.create_index("ix_changes_fingerprint", ["fingerprint"])
    op.create_table(
        "ui_state",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_ui_state_review_id_reviews"),
        sa.PrimaryKeyConstraint("review_id", name="pk_ui_state"),
    )


def downgrade() -> None:
    op.drop_table("ui_state")
    with op.batch_alter_table("changes") as batch:
        batch.drop_index("ix_changes_fingerprint")
