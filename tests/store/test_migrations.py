"""Schema migrations: from nothing, from the first schema on a real file, and refusals."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

import factcheck_gui
from factcheck_gui.engine import Comparison
from factcheck_gui.store import (
    DEFAULT_SCALE,
    CorruptDatabaseError,
    NewerSchemaError,
    ReviewStore,
    fingerprint,
)
from factcheck_gui.store.convert import comparison_to_text, excerpt
from factcheck_gui.store.models import Base
from factcheck_gui.store.schema import HEAD_REVISION, alembic_config, head_revision, migrations_dir


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
    assert revision_of(store.url) == head_revision() == HEAD_REVISION == "0006"


def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path, comparison: Comparison) -> None:
    """Every start and every CLI command opens the database: when it is current (the everyday
    case) neither Alembic nor the migration scripts are loaded."""
    db = tmp_path / "reviews.sqlite3"
    with ReviewStore.open(str(db)) as store:
        store.create_review(comparison, title="t", reviewer="ann")
    script = (
        "import sys\n"
        "from factcheck_gui.store import ReviewStore\n"
        "with ReviewStore.open(sys.argv[1]) as store:\n"
        "    listed = store.list_reviews()\n"
        "    store.set_verdict(listed[0].id, 'c1', 'Accurate', reviewer='bob', expected_version=0)\n"
        "print(len(listed), sorted({m.split('.')[0] for m in sys.modules if m.startswith('alembic')}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(factcheck_gui.__file__).parents[1])},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "[]"]


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
        assert revision_of(store_url) == head_revision()
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
        # History triggers survive the batch migration and the added columns, both ways.
        assert_history_is_append_only(store.url)


def assert_history_is_append_only(url: str) -> None:
    engine = create_engine(url)
    try:
        statements = ["UPDATE history SET new_note = 'forged'", "DELETE FROM history"]
        if engine.dialect.name == "postgresql":
            statements.append("TRUNCATE history")
        for statement in statements:
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
                conn.exec_driver_sql(statement)
        with engine.connect() as conn:
            assert (
                conn.exec_driver_sql("SELECT count(*) FROM history WHERE new_note = 'forged'").scalar() == 0
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("old_revision", ["0001", "0003", "0004", "0005"])
def test_a_database_built_by_an_old_schema_alone_is_upgraded(
    store_url: str, comparison: Comparison, old_revision: str
) -> None:
    """Not a downgrade: only the migrations up to ``old_revision`` ever ran, and rows are
    inserted as that version wrote them (the comparison as JSON text)."""
    engine = create_engine(store_url)
    cid = next(c.id for c in comparison.changes if c.is_change)
    stamp = datetime(2025, 11, 24, 9, 30, tzinfo=UTC)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")  # as version 0001 set it
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, old_revision)
        with engine.begin() as conn:
            ts = stamp.replace(tzinfo=None) if engine.dialect.name == "sqlite" else stamp
            values = {
                "title": "written by 0.1",
                "status": "open",
                "created_by": "ann",
                "created_at": ts,
                "updated_at": ts,
                "scale": json.dumps(list(DEFAULT_SCALE)),
                "engine_version": comparison.engine,
                "original_name": comparison.original.name,
                "rewrite_name": comparison.rewrite.name,
                "original_sha256": comparison.original.sha256,
                "rewrite_sha256": comparison.rewrite.sha256,
                "original_location": "",
                "rewrite_location": "",
                "comparison_json": comparison_to_text(comparison),
            }
            rid = conn.execute(
                text(
                    "INSERT INTO reviews (title, status, created_by, created_at, updated_at, scale, "
                    "engine_version, original_name, rewrite_name, original_sha256, rewrite_sha256, "
                    "original_location, rewrite_location, comparison_json) VALUES (:title, :status, "
                    ":created_by, :created_at, :updated_at, :scale, :engine_version, :original_name, "
                    ":rewrite_name, :original_sha256, :rewrite_sha256, :original_location, "
                    ":rewrite_location, :comparison_json) RETURNING id"
                ),
                values,
            ).scalar_one()
            for position, change in enumerate(comparison.changes):
                conn.execute(
                    text(
                        "INSERT INTO changes (review_id, change_id, position, kind, needs_review, "
                        "fingerprint) VALUES (:r, :c, :p, :k, :n, :f)"
                    ),
                    {
                        "r": rid,
                        "c": change.id,
                        "p": position,
                        "k": change.kind.value,
                        "n": change.is_change,
                        "f": fingerprint(comparison, change),
                    },
                )
            change_pk = conn.execute(
                text("SELECT id FROM changes WHERE review_id = :r AND change_id = :c"), {"r": rid, "c": cid}
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO verdicts (change_pk, review_id, value, note, reviewer, decided_at, "
                    "version) VALUES (:pk, :r, 'Misquote', 'checked', 'bob', :t, 2)"
                ),
                {"pk": change_pk, "r": rid, "t": ts},
            )
            for version, old, new, who in ((1, None, "Accurate", "ann"), (2, "Accurate", "Misquote", "bob")):
                conn.execute(
                    text(
                        "INSERT INTO history (review_id, change_id, action, old_value, new_value, "
                        "old_note, new_note, reviewer, at, version) "
                        "VALUES (:r, :c, :a, :o, :n, '', 'checked', :who, :t, :v)"
                    ),
                    {
                        "r": rid,
                        "c": cid,
                        "a": "set" if old is None else "changed",
                        "o": old,
                        "n": new,
                        "who": who,
                        "t": ts,
                        "v": version,
                    },
                )
    finally:
        engine.dispose()
    with ReviewStore.open(store_url) as store:
        assert revision_of(store_url) == head_revision()
        if store.path is not None:
            assert store.backup_path is not None and f"schema-{old_revision}" in store.backup_path.name
            backup = sqlite3.connect(store.backup_path)
            try:
                assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (old_revision,)
                assert backup.execute("SELECT count(*) FROM history").fetchone() == (2,)
            finally:
                backup.close()
        review = store.load_review(rid)
        assert review.comparison == comparison and review.title == "written by 0.1"
        assert review.summary.created_at == stamp and review.summary.replaced_chars == 0
        verdict = review.verdicts[cid]
        assert (verdict.value, verdict.note, verdict.version, verdict.replaced_chars) == (
            "Misquote",
            "checked",
            2,
            0,
        )
        assert [(h.version, h.reviewer, h.new_value) for h in review.history] == [
            (1, "ann", "Accurate"),
            (2, "bob", "Misquote"),
        ]
        # The upgraded database takes new verdicts with the version check, and carries them.
        store.set_verdict(rid, cid, "Distorted", reviewer="cat", note=f"x{chr(0xD800)}", expected_version=2)
        assert store.history(rid, cid)[-1].replaced_chars == 1
        assert store.carry_over_candidates(comparison)[0].review_id == rid
        # A review stored now sits beside the old one; both list and open.
        new_id = store.create_review(comparison, title="written now", reviewer="dan")
        assert [s.title for s in store.list_reviews()] == ["written now", "written by 0.1"]
        # Migration 0006 filled the old review's first words as a review stored now gets them.
        old, new = (next(s for s in store.list_reviews() if s.id == i) for i in (rid, new_id))
        assert (old.original_excerpt, old.rewrite_excerpt) == (new.original_excerpt, new.rewrite_excerpt)
        assert old.original_excerpt == excerpt(comparison.original.text) != ""
        assert old.rewrite_excerpt == excerpt(comparison.rewrite.text) != ""
        assert store.load_review(new_id).comparison == comparison
        assert store.load_review(rid).comparison == comparison
    engine = create_engine(store_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, comparison_json, comparison_zlib IS NULL FROM reviews ORDER BY id")
            ).all()
    finally:
        engine.dispose()
    # The old review's JSON is exactly as the old version wrote it; the new one is compressed.
    assert [(r[0], r[1] == comparison_to_text(comparison), bool(r[2])) for r in rows] == [
        (rid, True, True),
        (new_id, False, False),
    ]
    assert_history_is_append_only(store_url)


def test_a_downgrade_gives_compressed_reviews_their_json_back(store_url: str, comparison: Comparison) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="new", reviewer="ann")
    downgrade(store_url, "0003")
    engine = create_engine(store_url)
    try:
        with engine.connect() as conn:
            stored = conn.execute(
                text("SELECT comparison_json FROM reviews WHERE id = :i"), {"i": rid}
            ).scalar()
            assert "comparison_zlib" not in {c["name"] for c in inspect(conn).get_columns("reviews")}
    finally:
        engine.dispose()
    assert stored == comparison_to_text(comparison)


def test_the_migrations_are_found_through_importlib_resources() -> None:
    folder = migrations_dir()
    assert folder == Path(str(files("factcheck_gui.store") / "migrations"))
    assert (folder / "env.py").is_file() and (folder / "versions" / "0001_initial.py").is_file()
    assert alembic_config().get_main_option("script_location") == str(folder)


def test_migrations_run_from_a_zip_install(tmp_path: Path) -> None:
    """zipimport: Alembic cannot read a zip, so the scripts are copied out to a temporary folder."""
    package = Path(factcheck_gui.__file__).parent
    archive = tmp_path / "factcheck.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for source in sorted(package.rglob("*")):
            if source.is_file() and "__pycache__" not in source.parts and source.suffix in (".py", ".mako"):
                zf.write(source, str(source.relative_to(package.parent)))
    db = tmp_path / "zipped.sqlite3"
    script = (
        "import sys, factcheck_gui.store as s\n"
        "from factcheck_gui.store import ReviewStore\n"
        "from factcheck_gui.store.schema import migrations_dir\n"
        "assert s.__file__.startswith(sys.argv[1]), s.__file__\n"
        "with ReviewStore.open(sys.argv[2]) as store: print(store.list_reviews(), migrations_dir())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(archive)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(archive), str(db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    listed, extracted = done.stdout.split()
    assert listed == "[]" and not Path(extracted).exists()  # removed at exit
    assert revision_of(f"sqlite:///{db}") == head_revision()


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


def test_a_newer_schema_with_a_left_over_wal_is_left_byte_for_byte(tmp_path: Path) -> None:
    """A newer app killed mid-session leaves its last writes in the WAL; refusing the file must
    not checkpoint them into it (or delete the WAL) behind the newer app's back."""
    db = tmp_path / "reviews.sqlite3"
    writer = f"""
import os, signal, sqlite3
c = sqlite3.connect({str(db)!r}, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("CREATE TABLE alembic_version (version_num TEXT)")
c.execute("INSERT INTO alembic_version VALUES ('0042_future')")
c.execute("CREATE TABLE reviews (id INTEGER)")
c.execute("INSERT INTO reviews VALUES (7)")
os.kill(os.getpid(), signal.SIGKILL)
"""
    subprocess.run([sys.executable, "-c", writer], check=False)
    wal = db.with_name(db.name + "-wal")
    assert wal.stat().st_size > 0  # the writes are still only in the WAL
    before = {p.name: sha(p) for p in (db, wal)}

    with pytest.raises(NewerSchemaError, match="left untouched"):
        ReviewStore.open(str(db))

    assert {p.name: sha(p) for p in (db, wal)} == before
    assert not list(tmp_path.glob("*.bak"))


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


def test_a_downgrade_below_0006_drops_the_excerpts_and_an_upgrade_fills_them_again(
    store_url: str, comparison: Comparison
) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="t", reviewer="ann")
        before = store.list_reviews()[0]
    assert before.original_excerpt and before.rewrite_excerpt
    downgrade(store_url, "0005")
    engine = create_engine(store_url)
    try:
        with engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("reviews")}
    finally:
        engine.dispose()
    assert "original_excerpt" not in columns and "rewrite_excerpt" not in columns
    with ReviewStore.open(store_url) as store:  # upgraded again: the compressed review is read
        assert store.list_reviews()[0] == before and store.list_reviews()[0].id == rid
