"""The review store: reviews, verdicts, append-only history and carry-over, via SQLAlchemy 2.

SQLite file per user by default (WAL, foreign keys, busy timeout), PostgreSQL in team mode.
Never imports Qt. Callers get plain records (``records.py``), never ORM objects or sessions.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Imported on first use (PEP 562): `factcheck review list` reads a current local database with
# the standard library (store/listing.py), and importing the package must not pull in
# SQLAlchemy and the engine for it.
_WHERE = {
    "fingerprint": "convert",
    "default_db_url": "database",
    "resolve_db_url": "database",
    **dict.fromkeys(
        (
            "ConflictError",
            "CorruptDatabaseError",
            "DatabaseLockedError",
            "DatabaseUnavailableError",
            "DiskFullError",
            "NewerSchemaError",
            "ReadOnlyDatabaseError",
            "StoreError",
            "UnknownChangeError",
            "UnknownReviewError",
            "UnknownVerdictError",
        ),
        "errors",
    ),
    **dict.fromkeys(
        ("DEFAULT_SCALE", "HistoryRecord", "Review", "ReviewSummary", "VerdictRecord"), "records"
    ),
    "ReviewStore": "service",
    "CarryOverOffer": "verdicts",
}

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
