"""Store a new review's comparison compressed: a nullable ``reviews.comparison_zlib`` column.

The comparison JSON is most of a review's bytes (14 MB for a 20,000-claim pair, 4.5 MB with
zlib at level 1). Reviews stored before this revision are left exactly as they are, their
JSON in ``comparison_json`` and NULL here; newer ones keep ``comparison_json`` empty. The
store reads both (``convert.stored_comparison``). A plain ADD COLUMN on both back ends: no
table is rebuilt or rewritten, so the upgrade of a big database is instant.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reviews", sa.Column("comparison_zlib", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    # An older version reads only comparison_json: give the compressed reviews theirs back.
    import zlib

    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, comparison_zlib FROM reviews WHERE comparison_zlib IS NOT NULL"))
    for review_id, data in rows.all():
        bind.execute(
            sa.text("UPDATE reviews SET comparison_json = :j WHERE id = :i"),
            {"j": zlib.decompress(data).decode("utf-8"), "i": review_id},
        )
    op.drop_column("reviews", "comparison_zlib")
