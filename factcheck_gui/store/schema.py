"""Bring a database to the current schema on open, or refuse it without touching it.

Order matters: the file's header is checked before SQLite opens it (a stray document is
never "converted"), the revision is read before anything is written, and an SQLite file is
copied to a timestamped backup before the first migration step runs.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Connection, Engine, inspect

from factcheck_gui.store.database import WRITE_OPTION
from factcheck_gui.store.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    ReadOnlyDatabaseError,
    StoreError,
)

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_MAGIC = b"SQLite format 3\x00"
# The newest migration in ``migrations/versions`` (a test checks it against Alembic's head).
# Knowing it without Alembic lets an open of a current database, the everyday case, skip
# importing Alembic and parsing the migration scripts.
HEAD_REVISION = "0006"
# Any constant works: it only serialises migrations of the same team database.
_PG_MIGRATION_LOCK = 0x46434D50


@functools.cache
def migrations_dir() -> Path:
    """The folder of the Alembic scripts shipped inside the package, as a real directory.

    Found through ``importlib.resources`` rather than ``__file__``: in a source tree, a wheel
    install or a PyInstaller bundle (``_internal/factcheck_gui/store/migrations``) that is the
    folder itself. From a zip (zipimport), where Alembic cannot list or load the scripts, they
    are copied once per process to a private temporary folder, removed at exit.
    """
    resource = files("factcheck_gui.store") / "migrations"
    if isinstance(resource, Path):
        return resource
    target = Path(tempfile.mkdtemp(prefix="factcheck-migrations-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    _copy_tree(resource, target / "migrations")
    return target / "migrations"


def _copy_tree(source: Traversable, target: Path) -> None:
    target.mkdir()
    for item in source.iterdir():
        if item.is_dir():
            if item.name != "__pycache__":
                _copy_tree(item, target / item.name)
        elif item.name.endswith((".py", ".mako")):
            (target / item.name).write_bytes(item.read_bytes())


def alembic_config() -> Config:
    """Alembic configuration for the scripts shipped in the package (no alembic.ini)."""
    from alembic.config import Config

    cfg = Config()
    # ConfigParser interpolates "%": a folder like "100%" must not break the upgrade.
    cfg.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The schema revision this version of the app writes, as Alembic finds it in the scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def check_sqlite_file(path: Path, where: str) -> None:
    """Refuse a path that exists but is not an SQLite database (before SQLite touches it)."""
    if path.is_dir():
        raise StoreError(f"{where} is a folder, not a database file")
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read {where}: {exc.strerror or exc}") from None
    # SQLite treats an empty file as an empty database; anything else must carry the magic.
    if header and header != SQLITE_MAGIC:
        raise CorruptDatabaseError(
            f"{where} is not a review database (not an SQLite file); it was left untouched", path
        )


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` read-only and creates nothing beside it.

    Without a WAL or rollback journal beside the file the database is wholly in the file, and
    ``immutable=1`` lets SQLite read it without the ``-shm`` file a WAL database otherwise needs
    (which a read-only folder cannot hold). With a journal present, ``mode=ro`` reads it too.
    """
    journals = any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))
    return f"file:{quote(str(path))}?mode=ro" + ("" if journals else "&immutable=1")


def preflight_sqlite(path: Path, where: str, *, read_only: bool = False) -> None:
    """Refuse a damaged, foreign or newer SQLite file before the store's connections touch it.

    A plain connection without the store's pragmas is used (switching a foreign file to WAL
    would already rewrite its header). When a WAL or rollback journal is already beside the file
    (a writer killed mid-session, or one still running) the connection is read-only, so closing
    it can neither checkpoint the WAL into a file that is about to be refused nor roll the
    journal back. Otherwise it is a query-only read-write connection: a read-only one would
    leave the ``-wal``/``-shm`` files it creates beside the file, where SQLite removes them when
    the last writable connection closes. ``read_only``: a database in a folder that cannot be
    written is checked through :func:`read_only_uri`.
    """
    check_sqlite_file(path, where)
    if not path.exists() or path.stat().st_size == 0:
        return
    journals = any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))
    mode = "ro" if journals else "rw"
    uri = read_only_uri(path) if read_only else f"file:{quote(str(path))}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA query_only = ON")
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        if rows != ["ok"]:
            raise CorruptDatabaseError(f"{where} is damaged ({rows[0]}); it was left untouched", path)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        tables = {t for t in tables if not t.startswith("sqlite_")}
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            check_revision(row[0] if row else None, where)
        elif tables:
            raise foreign_tables(tables, where, path)
    finally:
        conn.close()


def check_revision(current: str | None, where: str) -> None:
    """Raise :class:`NewerSchemaError` for a revision this version of the app does not know."""
    if current is None or current == HEAD_REVISION:
        return
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise NewerSchemaError(
            f"{where} was written by a newer version of Factcheck Compare (schema {current}); "
            "update the app. The database was left untouched."
        )


def foreign_tables(tables: set[str], where: str, path: Path | None) -> CorruptDatabaseError:
    shown = ", ".join(sorted(tables)[:3]) + (", …" if len(tables) > 3 else "")
    return CorruptDatabaseError(
        f"{where} is not a review database (it holds other tables: {shown}); it was left untouched", path
    )


def migrate(engine: Engine, where: str, path: Path | None, *, read_only: bool = False) -> Path | None:
    """Upgrade to the head revision inside one write transaction; returns the backup, if made.

    ``read_only``: the database cannot be written, so it is only checked; one that needs an
    upgrade (or is empty) is refused with a :class:`ReadOnlyDatabaseError`.
    """
    backup: Path | None = None
    # The usual case (already current) only reads: opening works while another writer is busy.
    with engine.connect() as conn:
        current = current_revision(conn)
    if current == HEAD_REVISION:
        return None
    if read_only:
        check_revision(current, where)
        what = "is empty" if current is None else f"has an older schema ({current})"
        raise ReadOnlyDatabaseError(
            f"{where} {what} and cannot be set up: it is read-only (its folder or the file cannot "
            "be written). It was left untouched."
        )
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two instances opening a new team database at once must not both create tables.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        current = current_revision(conn)
        if current == HEAD_REVISION:
            return None
        check_revision(current, where)
        if current is None:
            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
            if tables:
                raise foreign_tables(tables, where, path)
        elif path is not None:
            backup = backup_sqlite(path, current)
        from alembic import command

        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def current_revision(conn: Connection) -> str | None:
    """The database's schema revision (None for an empty database), read without Alembic."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    if len(versions) > 1:
        raise StoreError(f"the database names {len(versions)} schema revisions; it was left untouched")
    return str(versions[0]) if versions else None


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy the database (consistently, WAL included) to ``<name>.<time>.schema-<rev>.bak``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{stamp}.schema-{revision}.bak")
    try:
        src = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise StoreError(
            f"could not back up {path} before upgrading it ({exc}); the database was left untouched"
        ) from None
    return target
