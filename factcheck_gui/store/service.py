"""`ReviewStore`: the one object the UI, the CLI and the exporters talk to.

Every public method opens one short session in its own transaction and closes it before
returning, so a store can be shared between threads (one engine, a session per call) and no
verdict ever waits for a "Save". Driver errors come out as one-line :class:`StoreError`s.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from factcheck_gui.engine.types import Change, Comparison
from factcheck_gui.store import handlinks, reviews, verdicts
from factcheck_gui.store.convert import verdict_record
from factcheck_gui.store.database import (
    DEFAULT_BUSY_TIMEOUT_MS,
    WRITE_OPTION,
    db_timeout_seconds,
    display_name,
    fresh_databases_beside,
    fresh_path_beside,
    make_engine,
    normalize_url,
    parse_url,
    resolve_db_url,
    server_address,
    sqlite_path,
    translate,
)
from factcheck_gui.store.errors import (
    CorruptDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)
from factcheck_gui.store.records import DEFAULT_SCALE, HistoryRecord, Review, ReviewSummary, VerdictRecord
from factcheck_gui.store.schema import check_sqlite_file, migrate, preflight_sqlite, read_only_uri
from factcheck_gui.store.verdicts import KEEP, CarryOverOffer


class ReviewStore:
    """Reviews, verdicts and their history in SQLite (local) or PostgreSQL (team)."""

    def __init__(self, url: str, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> None:
        """Prefer :meth:`open`, which also checks and migrates the database.

        An SQLite file that exists but cannot be written (a read-only file, or a folder that
        cannot hold the journal files beside it) is opened read-only: :attr:`read_only` is
        True, :attr:`read_only_reason` says why in one line, reading works and every write
        raises :class:`ReadOnlyDatabaseError` before it touches the file.
        """
        parsed = parse_url(normalize_url(url))
        self.url = parsed.render_as_string(hide_password=False)
        self.display_name = display_name(parsed)
        self.path = sqlite_path(parsed)
        self._where = self.display_name.split(": ", 1)[1]
        self.read_only_reason = _read_only_reason(parsed, self.path, self._where)
        self.read_only = self.read_only_reason is not None
        self._server: str | None = None
        self._timeout: int | None = None
        if parsed.get_backend_name() == "postgresql":
            self._server, self._timeout = server_address(parsed), db_timeout_seconds()
        engine_url = parsed
        if self.read_only and self.path is not None and not _is_read_only_uri(parsed):
            database, _, params = read_only_uri(self.path).partition("?")
            query = dict(p.split("=", 1) for p in params.split("&")) | {"uri": "true"}
            engine_url = URL.create("sqlite", database=database, query=query)
        self._engine = make_engine(engine_url, busy_timeout_ms, read_only=self.read_only)
        self._read = sessionmaker(self._engine, expire_on_commit=False)
        self._write = sessionmaker(
            self._engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self.backup_path: Path | None = None  # set by open() when a migration made one

    @classmethod
    def open(cls, url: str | None = None, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> ReviewStore:
        """Open (creating folder and file if needed) and migrate; raises a :class:`StoreError`.

        A :class:`CorruptDatabaseError` for a file names, in ``fresh_path``, the newest
        database :meth:`open_fresh_beside` already started next to it.
        """
        store = cls(url if url is not None else resolve_db_url(None), busy_timeout_ms)
        try:
            store._prepare()
        except CorruptDatabaseError as exc:
            store.close()
            if exc.path is not None and exc.fresh_path is None:
                exc.fresh_path = next(iter(fresh_databases_beside(exc.path)), None)
            raise
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_fresh_beside(
        cls, path: str | Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
    ) -> tuple[ReviewStore, Path]:
        """Start a new database next to an unusable one (which is left exactly as it is).

        Returns the open store and the new file's path (also ``store.path``; ``store.url``
        reopens it). The app should remember that URL in place of the old one; if it does not,
        the next :meth:`open` of the old file names the new one in
        :attr:`CorruptDatabaseError.fresh_path`. ``path`` may also be the old SQLite URL.
        """
        old = sqlite_path(parse_url(normalize_url(str(path))))
        if old is None:
            raise StoreError("a new database can only be started beside an SQLite file")
        candidate = fresh_path_beside(old)
        return cls.open(str(candidate), busy_timeout_ms=busy_timeout_ms), candidate

    def _prepare(self) -> None:
        if self.path is not None:
            check_sqlite_file(self.path, self._where)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ReadOnlyDatabaseError(
                    f"cannot create the folder for {self._where}: {exc.strerror or exc}"
                ) from None
        with self._translated():
            if self.path is not None:
                preflight_sqlite(self.path, self._where, read_only=self.read_only)
            self.backup_path = migrate(self._engine, self._where, self.path, read_only=self.read_only)

    def diagnostics(self) -> dict[str, str]:
        """Connection settings as the database reports them (for an "about this database" view)."""
        with self._translated(), self._engine.connect() as conn:
            if self._engine.dialect.name == "sqlite":
                return {
                    name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar())
                    for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
                }
            return {
                name: str(conn.exec_driver_sql(f"SHOW {name}").scalar())
                for name in ("server_version", "lock_timeout", "transaction_isolation")
            }

    def close(self) -> None:
        """Release every pooled connection (open sessions never outlive a call)."""
        self._engine.dispose()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ReviewStore {self.display_name}>"

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except UnicodeEncodeError as exc:
            # The store makes every text storable before writing; this is the last guard,
            # so a raw codec error never reaches the user. The transaction was rolled back.
            raise StoreError(
                f"text with a character that cannot be stored ({exc.object[exc.start : exc.end]!r}) "
                f"was not written to {self._where}; nothing saved was lost"
            ) from exc
        except (DBAPIError, sqlite3.Error) as exc:
            err = translate(exc, self._where, self.path, server=self._server, timeout=self._timeout)
            if err is None:
                raise
            if isinstance(err, CorruptDatabaseError) and err.path is None:
                err.path = self.path
            raise err from exc

    @contextmanager
    def _session(self, *, write: bool, snapshot: bool = False) -> Iterator[Session]:
        """``snapshot``: every read of the session sees the database as at its first one
        (PostgreSQL ``REPEATABLE READ``; an SQLite read transaction already does), so a review
        read in several queries is never half before and half after a colleague's write."""
        if write and self.read_only_reason is not None:
            raise ReadOnlyDatabaseError(self.read_only_reason)
        with self._translated(), (self._write if write else self._read).begin() as session:
            if snapshot and self._server is not None:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    # -- reviews -------------------------------------------------------------------------

    def create_review(
        self, comparison: Comparison, *, title: str, reviewer: str, scale: Sequence[str] = DEFAULT_SCALE
    ) -> int:
        """Store a new review of ``comparison`` (both full texts, all changes); returns its id."""
        with self._session(write=True) as s:
            row = reviews.insert_review(s, comparison, title=title, created_by=reviewer, scale=scale)
            return row.id

    def add_review(self, review: Review) -> int:
        """Insert a complete review (e.g. from a JSON review file) with its verdicts and history."""
        with self._session(write=True) as s:
            return reviews.add_complete_review(s, review)

    def list_reviews(self) -> list[ReviewSummary]:
        """All reviews, newest first."""
        with self._session(write=False) as s:
            return reviews.summaries(s)

    def review_summary(self, review_id: int) -> ReviewSummary:
        """One review's line of :meth:`list_reviews` (progress, reviewers, ``replaced_chars``)."""
        with self._session(write=False) as s:
            reviews.get_review(s, review_id)
            (summary,) = reviews.summaries(s, [review_id])
            return summary

    def latest_review_of(self, original_sha256: str, rewrite_sha256: str) -> int | None:
        """The most recently updated review of exactly these two texts (their sha256), or None.

        The hashes are those of :attr:`Document.sha256` (the imported bytes, else the text), as
        :meth:`create_review` stores them. Read-only.
        """
        with self._session(write=False) as s:
            return reviews.latest_of_texts(s, original_sha256, rewrite_sha256)

    def load_review(self, review_id: int, *, comparison: Comparison | None = None) -> Review:
        """The whole review exactly as stored, with current verdicts and full history
        (``comparison``: its comparison, already decoded by the caller: not decoded again)."""
        with self._session(write=False, snapshot=True) as s:
            return reviews.load(s, review_id, comparison)

    def set_scale(self, review_id: int, scale: Sequence[str]) -> tuple[str, ...]:
        """Replace the review's verdict scale (existing verdicts keep their values)."""
        with self._session(write=True) as s:
            return reviews.set_scale(s, review_id, scale)

    def set_status(self, review_id: int, status: str) -> None:
        """Mark a review "open" or "done"."""
        with self._session(write=True) as s:
            reviews.set_status(s, review_id, status)

    def rename_review(self, review_id: int, title: str) -> None:
        """Give a review a new (non-empty) title."""
        with self._session(write=True) as s:
            reviews.rename(s, review_id, title)

    def get_ui_state(self, review_id: int) -> dict[str, Any]:
        """Where the reviewer left this review (whatever the UI saved; {} if nothing)."""
        with self._session(write=False) as s:
            return reviews.get_ui_state(s, review_id)

    def set_ui_state(self, review_id: int, state: Mapping[str, Any]) -> None:
        """Save the UI's JSON-able state for this review (replaces what was there)."""
        with self._session(write=True) as s:
            reviews.put_ui_state(s, review_id, state)

    # -- links made by hand --------------------------------------------------------------

    def link_changes(self, review_id: int, first: str, second: str, *, reviewer: str) -> Change:
        """Make a removed and an added change one (see :mod:`.handlinks`); returns it."""
        with self._session(write=True) as s:
            return handlinks.link(s, review_id, first, second, reviewer=reviewer)

    def unlink_change(self, review_id: int, change_id: str, *, reviewer: str) -> tuple[Change, ...]:
        """Take a change linked by hand apart into the two it was; returns them."""
        with self._session(write=True) as s:
            return handlinks.take_apart(s, review_id, change_id, reviewer=reviewer)

    # -- verdicts ------------------------------------------------------------------------

    def set_verdict(
        self,
        review_id: int,
        change_id: str,
        value: str | None,
        *,
        reviewer: str,
        note: str | None = None,
        expected_version: int | None,
    ) -> VerdictRecord:
        """Set (``value=None``: clear) a verdict; committed when this returns.

        ``expected_version`` is the version the caller last saw (0/None: none yet). If someone
        wrote in between, :class:`ConflictError` carries their verdict and nothing is written.
        """
        return self._write_verdict(review_id, change_id, value, note, reviewer, expected_version)

    def set_note(
        self, review_id: int, change_id: str, note: str, *, reviewer: str, expected_version: int | None
    ) -> VerdictRecord:
        """Change only the note of a verdict (same version check as :meth:`set_verdict`)."""
        return self._write_verdict(review_id, change_id, KEEP, note, reviewer, expected_version)

    def _write_verdict(
        self,
        review_id: int,
        change_id: str,
        value: Any,
        note: str | None,
        reviewer: str,
        expected_version: int | None,
    ) -> VerdictRecord:
        try:
            with self._session(write=True) as s:
                return verdicts.write_verdict(
                    s,
                    review_id,
                    change_id,
                    value,
                    note=note,
                    reviewer=reviewer,
                    expected_version=expected_version,
                )
        except IntegrityError as exc:
            # Two first verdicts on the same change at once (PostgreSQL): the unique
            # constraint stopped the second one; report it like any other conflict.
            if "uq_verdicts_change_pk" not in str(exc.orig):
                raise
            with self._session(write=False) as s:
                change = verdicts.get_change(s, review_id, change_id)
                raise verdicts.conflict(change_id, verdicts.current_verdict(s, change)) from None

    def verdict(self, review_id: int, change_id: str) -> VerdictRecord | None:
        """The current verdict on one change (None if nobody has written one)."""
        with self._session(write=False) as s:
            change = verdicts.get_change(s, review_id, change_id)
            row = verdicts.current_verdict(s, change)
            return verdict_record(row, change_id) if row is not None else None

    def history(self, review_id: int, change_id: str | None = None) -> list[HistoryRecord]:
        """Every verdict write of the review (or of one change), oldest first."""
        with self._session(write=False) as s:
            return verdicts.history(s, review_id, change_id)

    # -- carry-over ----------------------------------------------------------------------

    def carry_over_candidates(
        self, comparison: Comparison, *, exclude_review_id: int | None = None
    ) -> list[CarryOverOffer]:
        """Earlier reviews with verdicts that fit ``comparison``, newest first, with their counts.

        Reviews of the same original, of the same rewrite (the original side was replaced by a
        new version), or whose rewrite is this original (v1→v2 before v2→v3). Once the new
        review is stored, :meth:`carry_over_count` gives the exact number for a pair.
        """
        with self._session(write=False) as s:
            return verdicts.offers(s, comparison, exclude_review_id)

    def carry_over_count(self, from_review_id: int, to_review_id: int) -> int:
        """How many verdicts :meth:`carry_over` would copy now; a dry run that writes nothing."""
        with self._session(write=False) as s:
            return verdicts.carry_count(s, from_review_id, to_review_id)

    def carry_over(
        self,
        from_review_id: int,
        to_review_id: int,
        *,
        reviewer: str,
        from_fingerprints: Mapping[str, str] | None = None,
    ) -> int:
        """Copy verdicts to changes with an equal fingerprint (and no verdict yet); returns how many.

        ``from_fingerprints``: the source review's fingerprints by change id, in place of the
        stored ones (a pair review carried into a several-source review made from it)."""
        with self._session(write=True) as s:
            return verdicts.carry(
                s, from_review_id, to_review_id, reviewer=reviewer, from_fingerprints=from_fingerprints
            )


def _is_read_only_uri(url: URL) -> bool:
    """A ``file:`` URI the user gave with ``mode=ro`` (``sqlite:///file:x.db?mode=ro&uri=true``)."""
    mode = url.query.get("mode", "")
    mode = mode[-1] if isinstance(mode, tuple) else mode
    return str(url.database or "").startswith("file:") and mode == "ro" and "uri" in url.query


def _read_only_reason(url: URL, path: Path | None, where: str) -> str | None:
    """Why the SQLite database at ``path`` can only be read (one line), or None when it can be
    written. Only an existing file counts: a missing one is created (or its folder reported)."""
    if path is None:
        return None
    saved = "reviews can be listed, shown and exported, but verdicts cannot be saved"
    if _is_read_only_uri(url):
        return f"{where} is opened read-only (mode=ro): {saved}"
    try:
        if not path.is_file():
            return None
    except OSError:
        return None
    folder = path.parent
    if not os.access(path, os.W_OK):
        return f"{where} is read-only (the file cannot be written): {saved}"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{where} is read-only (its folder {folder} cannot be written): {saved}"
    return None


__all__ = ["CarryOverOffer", "ReviewStore", "StoreError"]
