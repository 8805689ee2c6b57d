"""Where the review database lives, how connections are set up, and what its errors mean.

SQLite (the default, one file per user) and PostgreSQL (team mode) share one code path; the
differences are confined to this module: connection pragmas, how a write transaction begins,
and how driver errors become the store's one-line errors.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from factcheck_gui.store.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StoreError,
)
from factcheck_gui.store.paths import ENV_VAR as ENV_VAR  # (re-exported: the window names it)
from factcheck_gui.store.paths import default_db_path

DEFAULT_BUSY_TIMEOUT_MS = 5000
# How long to wait for the team database to answer a new connection, in seconds.
DB_TIMEOUT_ENV = "FACTCHECK_DB_TIMEOUT"
DEFAULT_DB_TIMEOUT = 10
_MIN_DB_TIMEOUT = 2  # libpq's (and psycopg's) own minimum: a smaller value means 2 s

# Execution option that marks a write transaction: SQLite then starts with BEGIN IMMEDIATE so
# the write lock is taken before the version check, not at the first UPDATE (which would fail
# with SQLITE_BUSY_SNAPSHOT instead of waiting).
WRITE_OPTION = "factcheck_write"


def default_db_url() -> str:
    """:func:`default_db_path` as a URL."""
    return str(URL.create("sqlite", database=str(default_db_path())))


def resolve_db_url(cli_value: str | None) -> str:
    """``--db`` if given, else ``$FACTCHECK_DB``, else :func:`default_db_url`.

    A value without ``://`` is a path to an SQLite file; ``postgresql://`` means psycopg 3.
    """
    for value in (cli_value, os.environ.get(ENV_VAR)):
        if value and value.strip():
            return normalize_url(value.strip())
    return default_db_url()


# "file:", "postgresql:" or "http:" without "//": a URL gone wrong, not a file name. Two letters
# at least, so a Windows drive ("C:\\reviews.db") is still a path.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")


def normalize_url(value: str) -> str:
    """Turn a bare path or a driverless PostgreSQL URL into the URL the store opens.

    A bare path must name an existing file or have a suffix (``reviews.sqlite3``, ``team.db``):
    a word like ``notaurl`` or ``file:/x.db`` is far more likely a mistyped URL than a wish for a
    new database of that name, so it is refused instead of created.
    """
    if "://" not in value and not value.startswith("sqlite:"):
        path = Path(value).expanduser()
        if _SCHEME.match(value) or not (path.suffix or path.exists()):
            raise StoreError(
                f"not a database URL or SQLite file: {value!r} (give a file such as reviews.sqlite3, "
                "sqlite:///PATH or postgresql://host/db)"
            )
        return str(URL.create("sqlite", database=str(path.resolve())))
    for prefix in ("postgresql://", "postgres://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix) :]
    return value


def parse_url(url: str) -> URL:
    """Parse ``url`` or raise a one-line :class:`StoreError`."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"not a database URL: {url!r} (expected a path or e.g. postgresql://host/db)"
        ) from None
    except ValueError:  # make_url calls int() on the port: "host:notaport" or "host:/db"
        raise StoreError(_bad_port_message(url)) from None
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise StoreError(f"not a database URL: port {parsed.port} is out of range (it must be 1 to 65535)")
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {backend!r}: use an SQLite file or postgresql://")
    if backend == "sqlite" and (
        parsed.database in (None, "", ":memory:")
        or (_is_uri(parsed) and (parsed.query.get("mode") == "memory" or _uri_path(parsed) == ":memory:"))
    ):
        raise StoreError("an in-memory SQLite database would lose every verdict: give a file path")
    return parsed


def _bad_port_message(url: str) -> str:
    """One line for a URL whose port is not a number; the URL itself is not repeated, as its
    password would be."""
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        netloc = ""
    host_port = netloc.rpartition("@")[2]
    _, colon, port = host_port.rpartition(":")
    if colon and not port:
        problem = "the port after ':' is empty"
    else:
        problem = (
            f"port {port!r} is not a number"
            if colon and not port.endswith("]")
            else "the port is not a number"
        )
    return f"not a database URL: {problem} (expected e.g. postgresql://user@host:5432/db)"


def _is_uri(url: URL) -> bool:
    """SQLite reads the database name as a ``file:`` URI (``?uri=true``)."""
    value = url.query.get("uri", "")
    text = value[-1] if isinstance(value, tuple) else value
    return (
        text.lower() in ("true", "1", "yes", "on")
        and bool(url.database)
        and str(url.database).startswith("file:")
    )


def _uri_path(url: URL) -> str:
    """The file name inside a ``file:`` URI: ``file:/a/b.db``, ``file:///a/b.db``,
    ``file://localhost/a/b.db`` or the relative ``file:b.db``, percent-decoded."""
    rest = str(url.database)[len("file:") :]
    rest = rest.split("?", 1)[0].split("#", 1)[0]
    if rest.startswith("//"):
        authority, _, tail = rest[2:].partition("/")
        rest = "/" + tail if authority in ("", "localhost") else rest
    rest = unquote(rest)
    if os.name == "nt" and re.match(r"/[A-Za-z]:", rest):  # file:///C:/x.db is C:/x.db
        rest = rest[1:]
    return rest


def sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL, else None (also for a ``file:`` URI with ``uri=true``)."""
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    if _is_uri(url):
        return Path(_uri_path(url))
    return Path(url.database)


def check_folder(url: str) -> None:
    """Refuse an SQLite URL whose folder does not exist, unless it is the default database.

    :meth:`ReviewStore.open` creates a missing folder (the app's own choice of a new database
    may need one, and so does the default database on first run). Callers taking a URL typed
    by a user (``--db``) check first: a missing folder there is a typo or an unmounted drive,
    and creating it would hide the mistake. Raises a one-line :class:`StoreError`.
    """
    path = sqlite_path(parse_url(normalize_url(url)))
    if path is None:
        return
    folder = path.parent
    if folder.is_dir():
        return
    where = str(path)
    if folder.exists():
        raise ReadOnlyDatabaseError(f"cannot open {where}: {folder} is not a folder")
    if path.absolute() != default_db_path().absolute():
        raise ReadOnlyDatabaseError(
            f"cannot open {where}: the folder {folder} does not exist (create it or choose another database)"
        )


def display_name(url: URL) -> str:
    """``local: ~/…/reviews.sqlite3`` or ``team: postgresql://user@host:port/db`` (no password)."""
    path = sqlite_path(url)
    if path is not None:
        home = Path.home()
        try:
            shown = "~/" + str(path.relative_to(home))
        except ValueError:
            shown = str(path)
        return f"local: {shown}"
    # URL.set(password=None) keeps the password: build a new URL without it.
    safe = URL.create(
        "postgresql", username=url.username, host=url.host, port=url.port, database=url.database
    )
    return f"team: {safe.render_as_string(hide_password=False)}"


def fresh_path_beside(old: Path, now: datetime | None = None) -> Path:
    """A name for a new database next to ``old`` that no file has yet.

    ``reviews.sqlite3`` → ``reviews-new-20251126-101500.sqlite3`` (``-2``, ``-3``… if taken).
    """
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    suffix = _fresh_suffix(old)
    candidate = old.with_name(f"{old.stem}-new-{stamp}{suffix}")
    n = 2
    while candidate.exists():
        candidate = old.with_name(f"{old.stem}-new-{stamp}-{n}{suffix}")
        n += 1
    return candidate


def _fresh_suffix(old: Path) -> str:
    # A new file needs a suffix to be accepted as a bare path (see normalize_url).
    return old.suffix or ".sqlite3"


def fresh_databases_beside(old: Path) -> list[Path]:
    """Databases :func:`fresh_path_beside` named for ``old`` that exist, newest first."""
    pattern = re.compile(
        re.escape(old.stem) + r"-new-(\d{8}-\d{6})(?:-(\d+))?" + re.escape(_fresh_suffix(old)) + "$"
    )
    found: list[tuple[tuple[str, int], Path]] = []
    try:
        entries = list(old.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file():
            found.append(((match.group(1), int(match.group(2) or 1)), entry))
    return [path for _key, path in sorted(found, reverse=True)]


def db_timeout_seconds() -> int:
    """The team database's connect timeout: ``$FACTCHECK_DB_TIMEOUT`` seconds, else 10.

    Whole seconds (a fraction is rounded up), at least 2, as PostgreSQL's client counts them. A
    value that is not a positive number is refused with one line naming the variable.
    """
    raw = os.environ.get(DB_TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_DB_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise StoreError(f"{DB_TIMEOUT_ENV} must be a number of seconds such as 10, not {raw!r}")
    return max(_MIN_DB_TIMEOUT, math.ceil(seconds))


def server_address(url: URL) -> str:
    """``HOST:PORT`` of a PostgreSQL URL, as messages name the server (no user, no password)."""
    host = url.host or ""
    if not host:
        query_host = url.query.get("host", "")
        host = query_host[0] if isinstance(query_host, tuple) else query_host
    host = host or "localhost"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return f"{host}:{url.port or 5432}"


def make_engine(
    url: URL, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, *, read_only: bool = False
) -> Engine:
    """One engine per store; every connection gets the pragmas / timeouts below.

    ``read_only``: an SQLite database opened read-only, whose journal mode is left as it is.
    """
    try:
        url.get_dialect()
    except NoSuchModuleError:
        raise StoreError(
            f"no database driver for {url.drivername!r}: use sqlite or postgresql+psycopg "
            "(install the postgres extra for team mode)"
        ) from None
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            # Sessions are per call and may run on any thread; the pool hands a connection
            # to one thread at a time.
            connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        )
        _setup_sqlite(engine, busy_timeout_ms, read_only=read_only)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": db_timeout_seconds(),
            "options": f"-c lock_timeout={busy_timeout_ms}",
        },
    )


def _setup_sqlite(engine: Engine, busy_timeout_ms: int, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:  # switching the journal mode writes the file's header
                cursor.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit has reached the disk when set_verdict returns, even on power loss.
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def translate(
    exc: BaseException,
    where: str,
    path: Path | None = None,
    *,
    server: str | None = None,
    timeout: int | None = None,
) -> StoreError | None:
    """Map a driver error to the store's one-line error, or None if it is not one we know.

    ``server`` (``HOST:PORT``) and ``timeout`` (the connect timeout in seconds) let a team
    database that cannot be reached be named as the user typed it.
    """
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, sqlite3.Error):
        return _translate_sqlite(orig, where, path)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is None and type(orig).__module__.startswith("psycopg"):
        # psycopg raises subclasses (ConnectionTimeout) as well as OperationalError itself.
        kinds = {cls.__name__ for cls in type(orig).__mro__}
        if "OperationalError" in kinds and isinstance(orig, BaseException):
            return _unreachable(orig, kinds, where, server, timeout)
        return None
    return _translate_sqlstate(sqlstate, str(orig), where)


def _unreachable(
    orig: BaseException, kinds: set[str], where: str, server: str | None, timeout: int | None
) -> DatabaseUnavailableError:
    text = " ".join(str(orig).split())
    at = f"the team database at {server}" if server else where
    if "ConnectionTimeout" in kinds or "timeout expired" in text:
        seconds = f" in {timeout} s" if timeout else ""
        return DatabaseUnavailableError(
            f"{at} did not answer{seconds} (check the address, the network and that the server "
            f"is running; {DB_TIMEOUT_ENV} sets the wait)"
        )
    if "Connection refused" in text:
        return DatabaseUnavailableError(
            f"{at} refused the connection: no database server is listening there (check the "
            "address and port, and that the server is running)"
        )
    if "failed to resolve host" in text or "could not translate host name" in text:
        return DatabaseUnavailableError(f"{at}: cannot find that host (check the address)")
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else "no answer"
    return DatabaseUnavailableError(f"cannot reach {where}: {first}")


def _translate_sqlite(orig: sqlite3.Error, where: str, path: Path | None) -> StoreError | None:
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig)
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "locked" in text:
        return DatabaseLockedError(
            f"{where} is locked by another program (waited for the busy timeout); try again"
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return ReadOnlyDatabaseError(f"{where} is read-only: check the file's and its folder's permissions")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return ReadOnlyDatabaseError(f"cannot open or create {where}: the folder is missing or not writable")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DiskFullError(f"the disk holding {where} is full: free some space; nothing saved was lost")
    if name.startswith("SQLITE_IOERR"):
        return DiskFullError(
            f"could not write {where} (disk full, file-size limit or I/O error); nothing saved was lost"
        )
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "not a database" in text or "malformed" in text:
        return CorruptDatabaseError(
            f"{where} is damaged or not a review database; it was left untouched", path
        )
    return None


def _translate_sqlstate(sqlstate: str | None, text: str, where: str) -> StoreError | None:
    if sqlstate is None:
        return None
    first = text.strip().splitlines()[0] if text.strip() else sqlstate
    if sqlstate == "53100":
        return DiskFullError(
            f"the team database server is out of disk space ({where}); nothing saved was lost"
        )
    if sqlstate in ("55P03", "57014", "40P01"):
        return DatabaseLockedError(
            f"{where} is locked by another session (waited for the timeout); try again"
        )
    if sqlstate in ("25006", "42501"):
        return ReadOnlyDatabaseError(f"{where} does not accept writes from this login: {first}")
    if sqlstate.startswith("08") or sqlstate.startswith("28") or sqlstate in ("3D000", "57P01", "57P03"):
        return DatabaseUnavailableError(f"cannot use {where}: {first}")
    if sqlstate == "53000" or sqlstate.startswith("53"):
        return DiskFullError(f"the team database server ran out of resources ({where}): {first}")
    return None
