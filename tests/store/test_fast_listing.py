"""`factcheck review list` on a current local database reads it with the standard library
(store/listing.py): the same summaries as the store's own listing, and the store's path — with
its checks and messages — for every database that is not plainly current."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck_gui.engine.types import Comparison
from factcheck_gui.store import ReviewStore
from factcheck_gui.store import schema as store_schema
from factcheck_gui.store.listing import HEAD_REVISION, list_current_sqlite, local_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path, comparison: Comparison) -> Path:
    """Three reviews: verdicts by two people, a note, a cleared verdict, one marked done."""
    path = tmp_path / "reviews.sqlite3"
    with ReviewStore.open(str(path)) as store:
        first = store.create_review(comparison, title="first", reviewer="ann")
        second = store.create_review(comparison, title="sécond → \u202eevil", reviewer="bob")
        store.create_review(comparison, title="third", reviewer="")
        ids = [c.id for c in comparison.changes if c.is_change]
        store.set_verdict(first, ids[0], "Accurate", reviewer="cleo", expected_version=0)
        store.set_verdict(first, ids[1], "Misleading", reviewer="ann", note="why", expected_version=0)
        store.set_verdict(first, ids[1], None, reviewer="dan", expected_version=1)
        store.set_note(first, ids[2], "just a note", reviewer="cleo", expected_version=0)
        store.set_verdict(second, ids[0], "Distorted", reviewer="eve", expected_version=0)
        store.set_status(second, "done")
    return path


def test_the_same_summaries_as_the_store(db: Path) -> None:
    with ReviewStore.open(str(db)) as store:
        expected = store.list_reviews()
    fast = list_current_sqlite(db)
    assert fast == expected
    assert [s.title for s in fast][:1] == ["third"]  # newest first
    assert fast[-1].reviewers == ("ann", "cleo", "dan")
    assert fast[-1].reviewed_changes == 1 and fast[-1].total_changes == expected[-1].total_changes


def test_the_revision_it_trusts_is_the_stores_head() -> None:
    assert HEAD_REVISION == store_schema.HEAD_REVISION


def test_anything_not_plainly_current_goes_to_the_store(db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    ReviewStore.open(str(empty)).close()
    assert list_current_sqlite(empty) is None  # "no reviews yet in …" is the store's sentence
    assert list_current_sqlite(tmp_path / "missing.sqlite3") is None
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n", encoding="utf-8")
    assert list_current_sqlite(notes) is None
    older = tmp_path / "older.sqlite3"
    older.write_bytes(db.read_bytes())
    with sqlite3.connect(older) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    assert list_current_sqlite(older) is None  # the store upgrades it first (with a backup)
    journal = db.with_name(db.name + "-journal")
    journal.write_bytes(b"")
    assert list_current_sqlite(db) is None  # a killed writer's journal: the store rolls it back
    journal.unlink()
    db.chmod(0o444)
    try:
        if not os.access(db, os.W_OK):  # (root can write anyway)
            assert list_current_sqlite(db) is None  # the store says verdicts cannot be saved
    finally:
        db.chmod(0o644)
    assert list_current_sqlite(db) is not None


def test_which_databases_are_plainly_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    assert local_file(str(tmp_path / "a.sqlite3")) == tmp_path / "a.sqlite3"
    assert local_file(f"sqlite:///{tmp_path}/b.db") == tmp_path / "b.db"
    for url in ("postgresql://host/db", "sqlite:///x.db?mode=ro&uri=true", "file:/x.db", "notaurl"):
        assert local_file(url) is None
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "env.sqlite3"))
    assert local_file(None) == tmp_path / "env.sqlite3"


def test_review_list_of_a_current_database_imports_no_sqlalchemy_or_engine(db: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from factcheck_gui.cli import main
        status = main(["review", "list", "--db", {str(db)!r}])
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic")
                       or m.startswith(("factcheck_gui.engine", "factcheck_gui.store.service")))
        print("HEAVY", heavy, file=sys.stderr)
        raise SystemExit(status)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "HEAVY []" in out.stderr, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["ID", "STATUS", "DONE", "UPDATED", "TITLE"]
    assert "\\u202e" in out.stdout and "\u202e" not in out.stdout  # stored text stays inert
    assert len(lines) == 4
