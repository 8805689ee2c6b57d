"""Fixtures for the store tests: every store test runs on SQLite and on a real PostgreSQL 15.

The PostgreSQL server is started once per session from /usr/lib/postgresql/15/bin (see
``pgserver.py``). Without the binaries the postgres cases are skipped, unless
``FACTCHECK_REQUIRE_PG=1`` (set by CI), which turns a missing server into a failure.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck_gui.engine import Comparison, compare_texts
from factcheck_gui.store import ReviewStore

from . import pgserver

_db_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pgserver.PgServer | None]:
    """The session's PostgreSQL server, or None when it cannot exist here (and is not required)."""
    required = os.environ.get("FACTCHECK_REQUIRE_PG") == "1"
    if not pgserver.binaries_present():
        if required:
            pytest.fail(f"FACTCHECK_REQUIRE_PG=1 but no PostgreSQL binaries in {pgserver.PG_BIN}")
        yield None
        return
    # fsync off: the tests check the store's logic, not the server's durability (the
    # benchmark runs with fsync on).
    server = pgserver.start_server(fsync=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'reviews.sqlite3'}"
        return
    # Requested only here, so a missing server never takes the SQLite cases down with it.
    pg_server: pgserver.PgServer | None = request.getfixturevalue("pg_server")
    if pg_server is None:
        pytest.skip("PostgreSQL binaries not installed (set FACTCHECK_REQUIRE_PG=1 to require them)")
    name = f"factcheck_test_{os.getpid()}_{next(_db_names)}"
    url = pg_server.create_database(name)
    try:
        yield url
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def store(store_url: str) -> Iterator[ReviewStore]:
    with ReviewStore.open(store_url) as s:
        yield s


@pytest.fixture(scope="session")
def comparison(reference_pair: tuple[str, str]) -> Comparison:
    """The demo pair compared, with file-like names."""
    original, rewrite = reference_pair
    return compare_texts(original, rewrite, original_name="original.txt", rewrite_name="rewrite.txt")
