"""The first words of each text on its review's row: ``reviews.original_excerpt`` and
``reviews.rewrite_excerpt``.

The start page lists reviews from summary columns only; two reviews of "original.txt →
rewrite.txt" (or of pasted text, "clipboard → clipboard") could not be told apart. New reviews
get their excerpts when stored; this revision fills them for the reviews already there, one
review at a time (each one's comparison is read once, whichever way it was stored: the JSON
text of reviews before 0004, the compressed JSON since). Plain ADD COLUMN on both back ends.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import json
import zlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

EXCERPT_CHARS = 100


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The rule of ``factcheck_gui.store.convert.excerpt`` as it was when this revision was
    written (copied: a migration must not change when the app does)."""
    head = text[: 4 * limit + 1]
    flat = " ".join(head.split())
    longer = len(text) > len(head)
    if len(flat) <= limit and not longer:
        return flat
    cut = flat[:limit]
    if len(flat) > limit and " " in cut and flat[limit] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def _texts(comparison_json: str | None, comparison_zlib: bytes | None) -> tuple[str, str]:
    try:
        if comparison_zlib is not None:
            raw = zlib.decompress(comparison_zlib).decode("utf-8")
        else:
            raw = comparison_json or ""
        data = json.loads(raw or "{}")
        if "sources" in data:  # a several-source review (0005): its first source
            return str(data["sources"][0]["text"]), str(data["rewrite"]["text"])
        return str(data["original"]["text"]), str(data["rewrite"]["text"])
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return "", ""  # unreadable: the review still lists (and says so when opened)


def upgrade() -> None:
    for column in ("original_excerpt", "rewrite_excerpt"):
        op.add_column("reviews", sa.Column(column, sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM reviews ORDER BY id"))]
    for review_id in ids:
        row = bind.execute(
            sa.text("SELECT comparison_json, comparison_zlib FROM reviews WHERE id = :i"), {"i": review_id}
        ).one()
        original, rewrite = _texts(row[0], row[1])
        bind.execute(
            sa.text("UPDATE reviews SET original_excerpt = :o, rewrite_excerpt = :r WHERE id = :i"),
            {"o": excerpt(original), "r": excerpt(rewrite), "i": review_id},
        )


def downgrade() -> None:
    op.drop_column("reviews", "rewrite_excerpt")
    op.drop_column("reviews", "original_excerpt")
