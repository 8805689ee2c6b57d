"""Errors the store raises. ``str(exc)`` is always one line a user can act on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck_gui.store.records import VerdictRecord


class StoreError(Exception):
    """Base class: something the user can see and usually fix; nothing saved was lost."""


class ConflictError(StoreError):
    """Someone else wrote this verdict since the caller last read it; ``current`` is theirs."""

    def __init__(self, message: str, current: VerdictRecord | None) -> None:
        super().__init__(message)
        self.current = current


class UnknownReviewError(StoreError):
    """No review with that id in this database."""


class UnknownChangeError(StoreError):
    """The review has no change with that id."""


class UnknownVerdictError(StoreError):
    """The value is not on the review's verdict scale."""


class DatabaseLockedError(StoreError):
    """Another process held the database longer than the busy timeout."""


class ReadOnlyDatabaseError(StoreError):
    """The database file or its folder cannot be written (or created)."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class CorruptDatabaseError(StoreError):
    """The file is not a review database or is damaged; it is never overwritten.

    ``path`` is the file (SQLite only) so the UI can offer a new database beside it
    (:meth:`ReviewStore.open_fresh_beside`); ``fresh_path`` is the newest database an earlier
    such offer already started there, if any, so the app can open that one instead.
    """

    def __init__(self, message: str, path: Path | None = None, fresh_path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.fresh_path = fresh_path


class DiskFullError(StoreError):
    """The disk (or a file-size limit) stopped a write; the write was rolled back."""


class DatabaseUnavailableError(StoreError):
    """The team database server cannot be reached or refused the login."""
