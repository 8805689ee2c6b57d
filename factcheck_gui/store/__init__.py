"""The review store: reviews, verdicts, append-only history and carry-over, via SQLAlchemy 2.

SQLite file per user by default (WAL, foreign keys, busy timeout), PostgreSQL in team mode.
Never imports Qt. Callers get plain records (``records.py``), never ORM objects or sessions.
"""

from factcheck_gui.store.convert import fingerprint
from factcheck_gui.store.database import default_db_url, resolve_db_url
from factcheck_gui.store.errors import (
    ConflictError,
    CorruptDatabaseError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    NewerSchemaError,
    ReadOnlyDatabaseError,
    StoreError,
    UnknownChangeError,
    UnknownReviewError,
    UnknownVerdictError,
)
from factcheck_gui.store.records import (
    DEFAULT_SCALE,
    HistoryRecord,
    Review,
    ReviewSummary,
    VerdictRecord,
)
from factcheck_gui.store.service import ReviewStore
from factcheck_gui.store.verdicts import CarryOverOffer

__all__ = [
    "DEFAULT_SCALE",
    "CarryOverOffer",
    "ConflictError",
    "CorruptDatabaseError",
    "DatabaseLockedError",
    "DatabaseUnavailableError",
    "DiskFullError",
    "HistoryRecord",
    "NewerSchemaError",
    "ReadOnlyDatabaseError",
    "Review",
    "ReviewStore",
    "ReviewSummary",
    "StoreError",
    "UnknownChangeError",
    "UnknownReviewError",
    "UnknownVerdictError",
    "VerdictRecord",
    "default_db_url",
    "fingerprint",
    "resolve_db_url",
]
