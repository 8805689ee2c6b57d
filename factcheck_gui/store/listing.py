"""The review list of a current local database, read with the standard library alone.

`factcheck review list` is a short command whose time was mostly start-up: SQLAlchemy's import
alone costs several times what listing 30 big reviews does. For the everyday case — an SQLite
file this version of the app wrote (its schema revision is :data:`schema.HEAD_REVISION`), which
can be written, with no rollback journal left beside it — the listing is read here through
``sqlite3`` in a read-only connection, with the same three queries as
:func:`factcheck_gui.store.reviews.summaries` (a test checks both give the same summaries).

Anything else returns None and the caller opens the store as usual, which checks, upgrades,
explains and refuses as it always does: a URL, a missing, empty, foreign, older, newer or
read-only database, a hot journal, no reviews yet, and any SQLite error on the way (a damaged
page, a lock), so every message a user can get stays the store's own. This module must not
import SQLAlchemy, Alembic or the engine (``tests/cli/test_lazy_commands.py``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from factcheck_gui.store.paths import ENV_VAR, default_db_path
from factcheck_gui.store.records import ReviewSummary

# Kept beside schema.HEAD_REVISION by a test (schema.py imports SQLAlchemy).
HEAD_REVISION = "0006"
SQLITE_MAGIC = b"SQLite format 3\x00"

_REVIEWS = (
    "SELECT id, title, status, created_by, created_at, updated_at, original_name, rewrite_name, "
    "replaced_chars, source_names, original_location, rewrite_location, original_excerpt, "
    "rewrite_excerpt FROM reviews ORDER BY created_at DESC, id DESC"
)
_COUNTS = (
    "SELECT changes.review_id, count(*), count(verdicts.value) FROM changes "
    "LEFT OUTER JOIN verdicts ON verdicts.change_pk = changes.id "
    "WHERE changes.needs_review IS 1 GROUP BY changes.review_id"
)
_PEOPLE = "SELECT review_id, reviewer, min(id) FROM history GROUP BY review_id, reviewer ORDER BY min(id)"


def local_file(spec: str | None) -> Path | None:
    """The SQLite file ``--db`` (else ``$FACTCHECK_DB``, else the default database) names, when
    it is plainly one: a path with a suffix or a ``sqlite:///`` URL without options. None
    otherwise (the store's own URL handling then decides)."""
    for value in (spec, os.environ.get(ENV_VAR)):
        if value and value.strip():
            value = value.strip()
            if value.startswith("sqlite:///") and "?" not in value:
                return Path(value[len("sqlite:///") :])
            if ":" in value.split("/", 1)[0] or "://" in value:
                return None  # a URL, a Windows drive or a mistyped scheme: the store decides
            path = Path(value).expanduser()
            return path.resolve() if path.suffix else None
    return default_db_path()


def list_current_sqlite(path: Path) -> list[ReviewSummary] | None:
    """The summaries of the reviews in ``path``, newest first; None when the store must open it
    (see the module)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
            return None  # the store says once that verdicts cannot be saved there
        if path.with_name(path.name + "-journal").exists():
            return None  # a writer was killed mid-write: the store rolls it back first
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return None
        # As the store's preflight: read-write but query-only when no WAL is beside the file (a
        # read-only connection would leave the -wal/-shm files it makes behind), else read-only.
        mode = "ro" if path.with_name(path.name + "-wal").exists() else "rw"
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode={mode}", uri=True, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if versions != [(HEAD_REVISION,)]:
            return None
        with_reviews = _summaries(conn)
    except (
        sqlite3.Error,
        ValueError,
        TypeError,
    ):  # damaged (a bad JSON list is a ValueError), locked, or not what this app wrote
        return None
    finally:
        conn.close()
    return with_reviews or None  # "no reviews yet in …" names the database: the store's words


def _summaries(conn: sqlite3.Connection) -> list[ReviewSummary]:
    conn.execute("BEGIN")  # one snapshot for the three queries, as the store's session has
    try:
        rows = conn.execute(_REVIEWS).fetchall()
        totals = {rid: (total, reviewed) for rid, total, reviewed in conn.execute(_COUNTS)}
        people: dict[int, list[str]] = defaultdict(list)
        for rid, reviewer, _first in conn.execute(_PEOPLE):
            people[rid].append(reviewer)
    finally:
        conn.execute("COMMIT")
    out = []
    for (
        rid,
        title,
        status,
        created_by,
        created,
        updated,
        original,
        rewrite,
        replaced,
        sources,
        original_location,
        rewrite_location,
        original_excerpt,
        rewrite_excerpt,
    ) in rows:
        names = [created_by] if created_by else []
        names += [n for n in people.get(rid, ()) if n and n not in names]
        total, reviewed = totals.get(rid, (0, 0))
        out.append(
            ReviewSummary(
                id=rid,
                title=title,
                status=status,
                created_at=_utc(created),
                updated_at=_utc(updated),
                reviewers=tuple(names),
                total_changes=total,
                reviewed_changes=reviewed,
                original_name=original,
                rewrite_name=rewrite,
                replaced_chars=replaced or 0,
                source_names=tuple(json.loads(sources)) if sources else (),
                original_location=original_location or "",
                rewrite_location=rewrite_location or "",
                original_excerpt=original_excerpt or "",
                rewrite_excerpt=rewrite_excerpt or "",
            )
        )
    return out


def _utc(value: str | datetime) -> datetime:
    """A stored time (naive UTC text on SQLite, as ``models.UTCDateTime`` writes it) as aware UTC."""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
