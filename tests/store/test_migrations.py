"""Schema migrations: from nothing, from the first schema on a real file, and refusals."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from factcheck_gui.engine import Comparison
from factcheck_gui.store import CorruptDatabaseError, NewerSchemaError, ReviewStore
from factcheck_gui.store.models import Base
from factcheck_gui.store.schema import alembic_config, head_revision


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision_of(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def test_the_migrations_build_exactly_the_models(store: ReviewStore) -> None:
    engine = create_engine(store.url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
    finally:
        engine.dispose()
    assert diff == []
    assert revision_of(store.url) == head_revision() == "0002"


def downgrade(url: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def test_upgrade_from_the_first_schema_keeps_every_verdict(store_url: str, comparison: Comparison) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="old", reviewer="ann")
        cid = next(c.id for c in comparison.changes if c.is_change)
        store.set_verdict(rid, cid, "Accurate", reviewer="ann", note="checked", expected_version=0)
        store.set_verdict(rid, cid, "Misquote", reviewer="bob", expected_version=1)
        before = store.load_review(rid)
        assert store.backup_path is None  # a new database needs no backup
    downgrade(store_url, "0001")  # now the file is exactly what version 0001 of the app wrote
    engine = create_engine(store_url)
    try:
        assert "ui_state" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    assert revision_of(store_url) == "0001"

    with ReviewStore.open(store_url) as store:
        assert revision_of(store_url) == "0002"
        after = store.load_review(rid)
        assert after == before
        store.set_ui_state(rid, {"selected": cid})  # the table the upgrade added works
        if store.path is not None:
            backup = store.backup_path
            assert backup is not None and backup.parent == store.path.parent
            assert "schema-0001" in backup.name
            with sqlite3.connect(backup) as conn:
                assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
                assert conn.execute("SELECT value FROM verdicts").fetchall() == [("Misquote",)]
                assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # History triggers survive the batch migration.
        engine = create_engine(store.url)
        try:
            with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM history")
        finally:
            engine.dispose()


def test_a_newer_schema_is_refused_and_left_untouched(store_url: str, comparison: Comparison) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="t", reviewer="ann")
    engine = create_engine(store_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0042_future'")
    finally:
        engine.dispose()
    path = Path(store_url.removeprefix("sqlite:///")) if store_url.startswith("sqlite") else None
    digest = sha(path) if path else None

    with pytest.raises(NewerSchemaError, match="newer version") as err:
        ReviewStore.open(store_url)
    assert "\n" not in str(err.value)
    assert revision_of(store_url) == "0042_future"
    if path is not None:
        assert sha(path) == digest
        assert not list(path.parent.glob("*.bak"))
    engine = create_engine(store_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT id FROM reviews").scalars().all() == [rid]
    finally:
        engine.dispose()


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.close()
    digest = sha(path)
    with pytest.raises(CorruptDatabaseError, match="not a review database") as err:
        ReviewStore.open(str(path))
    assert err.value.path == path
    assert sha(path) == digest
