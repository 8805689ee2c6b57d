"""Record how many characters the store replaced because they could not be stored.

Lone UTF-16 surrogates (a broken paste, a surrogate-escaped file name or command-line byte)
do not encode to UTF-8 and PostgreSQL text refuses NUL: the store replaces each with U+FFFD
and counts them on the row, so the evidence says the text was repaired, and where.

Plain ADD / DROP COLUMN on every back end (SQLite ≥ 3.35 has both): SQLite batch mode would
rebuild ``history``, dropping the triggers that keep it append-only, and could not drop
``reviews`` with foreign keys on.

Revision ID: 0003
Revises: 0002
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("reviews", "verdicts", "history")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("replaced_chars", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "replaced_chars")
