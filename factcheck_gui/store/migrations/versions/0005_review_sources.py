"""Several-source reviews: a nullable ``reviews.source_names`` column (JSON list of names).

A review of a derived text against several sources keeps its ``factcheck.compare-multi/1``
document where a pair review keeps its ``factcheck.compare/1`` one (``comparison_zlib``); this
column lists the sources' names, in order, so the start page and ``factcheck review list`` can
say "3 sources" without reading the comparison. Pair reviews, old and new, keep NULL here and
open exactly as before. A plain ADD COLUMN on both back ends: no table is rebuilt.

(Self-contained: if another branch also adds a revision 0005, renumber this one and chain it
after the other; nothing here depends on what 0005 of the other branch does.)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reviews", sa.Column("source_names", sa.JSON(), nullable=True))


def downgrade() -> None:
    # An older version reads a compare-multi document as an unreadable comparison: it would
    # refuse to open those reviews, so they are refused here instead of being left half-readable.
    bind = op.get_bind()
    count = bind.execute(sa.text("SELECT COUNT(*) FROM reviews WHERE source_names IS NOT NULL")).scalar()
    if count:
        raise RuntimeError(
            f"{count} review(s) have several sources, which schema 0004 cannot hold; "
            "export or delete them before downgrading"
        )
    op.drop_column("reviews", "source_names")  # plain DROP COLUMN (SQLite >= 3.35), as in 0003
