"""The local SQLite file: connection settings, where it lives, and files the store must refuse."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from factcheck_gui.engine import Comparison
from factcheck_gui.store import (
    CorruptDatabaseError,
    DatabaseUnavailableError,
    DiskFullError,
    ReadOnlyDatabaseError,
    ReviewStore,
    StoreError,
    default_db_url,
    resolve_db_url,
)
from factcheck_gui.store.database import fresh_databases_beside, fresh_path_beside

WORKERS = Path(__file__).with_name("workers.py")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mount(target: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 400 KiB tmpfs (None where this process may not mount one)."""
    target = tmp_path / "tiny"
    target.mkdir()
    mounted = _mount(target, "size=400k,mode=0755")
    yield target if mounted else None
    if mounted:
        subprocess.run(["umount", "-l", str(target)], check=False)


def test_every_connection_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    with ReviewStore.open(str(tmp_path / "r.sqlite3"), busy_timeout_ms=1234) as store:
        settings = store.diagnostics()
    assert settings == {
        "journal_mode": "wal",
        "foreign_keys": "1",
        "busy_timeout": "1234",
        "synchronous": "2",
    }


def test_every_pooled_connection_gets_the_settings(tmp_path: Path, comparison: Comparison) -> None:
    """Not only the first: connections opened at once (threads, a migration) are set up too."""
    with ReviewStore.open(str(tmp_path / "r.sqlite3"), busy_timeout_ms=2345) as store:
        engine = store._engine  # the store's own engine: what every session uses
        with engine.connect() as a, engine.connect() as b, engine.connect() as c:
            for conn in (a, b, c):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 2345
        # Foreign keys are enforced, not only reported: a verdict on no change is refused.
        with pytest.raises(DBAPIError, match="FOREIGN KEY"), engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO verdicts (change_pk, review_id, note, reviewer, decided_at, version) "
                "VALUES (999, 999, '', 'x', '2025-01-01 00:00:00', 1)"
            )


def test_where_the_database_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert default_db_url() == f"sqlite:///{data_home / 'factcheck-compare' / 'reviews.sqlite3'}"
    assert resolve_db_url(None) == default_db_url()
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    assert resolve_db_url("postgresql://u:secret@db.example/reviews") == (
        "postgresql+psycopg://u:secret@db.example/reviews"
    )
    monkeypatch.chdir(tmp_path)
    assert resolve_db_url("mine.sqlite3") == f"sqlite:///{tmp_path / 'mine.sqlite3'}"

    # The default folder does not exist yet: opening creates it.
    monkeypatch.delenv("FACTCHECK_DB")
    with ReviewStore.open() as store:
        assert store.path == data_home / "factcheck-compare" / "reviews.sqlite3"
        assert store.path.is_file()
        assert store.display_name == "local: ~/.local/share/factcheck-compare/reviews.sqlite3"


def test_team_display_name_hides_the_password() -> None:
    store = ReviewStore("postgresql://ann:secret@db.example:5433/reviews")  # not opened: no server needed
    try:
        assert store.display_name == "team: postgresql://ann@db.example:5433/reviews"
        assert "secret" not in store.display_name
    finally:
        store.close()


def test_unusable_urls_are_refused_in_one_line() -> None:
    for url, needle in (
        ("sqlite://", "in-memory"),
        ("mysql://x/y", "unsupported"),
        ("://nothing", "not a database URL"),
        ("postgresql+nodriver://h/db", "no database driver"),
    ):
        with pytest.raises(StoreError, match=needle):
            ReviewStore.open(url)


def test_a_file_that_is_not_a_database_is_kept_and_a_new_one_offered(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    path.write_text("my notes, not a database\n" * 50, encoding="utf-8")
    digest = sha(path)
    with pytest.raises(CorruptDatabaseError, match="not a review database") as err:
        ReviewStore.open(str(path))
    assert err.value.path == path and "\n" not in str(err.value)
    assert sha(path) == digest

    assert err.value.fresh_path is None  # nothing started beside it yet

    store, new_path = ReviewStore.open_fresh_beside(path)
    with store:
        assert new_path.parent == path.parent and new_path != path and new_path.is_file()
        assert new_path.name.startswith("reviews-new-") and new_path.suffix == ".sqlite3"
        assert store.path == new_path and store.list_reviews() == []
        # What the app remembers (its settings, or $FACTCHECK_DB) reopens the same file.
        remembered = store.url
        assert resolve_db_url(str(new_path)) == remembered
    assert sha(path) == digest
    # Never reuses an existing file; the old database's URL works as well as its path.
    _second, other = ReviewStore.open_fresh_beside(f"sqlite:///{path}")
    _second.close()
    assert other != new_path
    with ReviewStore.open(remembered) as again:
        assert again.path == new_path

    # An app that did not remember it learns the newest one from the next refusal.
    with pytest.raises(CorruptDatabaseError) as err:
        ReviewStore.open(str(path))
    assert err.value.fresh_path == other
    assert sha(path) == digest
    with pytest.raises(StoreError, match="beside an SQLite file"):
        ReviewStore.open_fresh_beside("postgresql://ann@db.example/reviews")


def test_fresh_names_sort_newest_first(tmp_path: Path) -> None:
    old = tmp_path / "reviews.sqlite3"
    noon = datetime(2025, 11, 26, 12, 0, 0, tzinfo=UTC)
    first = fresh_path_beside(old, noon)
    first.touch()
    second = fresh_path_beside(old, noon)  # same second: numbered
    second.touch()
    later = fresh_path_beside(old, noon.replace(hour=13))
    later.touch()
    (tmp_path / "reviews-new-notes.txt").touch()
    (tmp_path / "other-new-20991231-000000.sqlite3").touch()
    assert second.name == "reviews-new-20251126-120000-2.sqlite3"
    assert fresh_databases_beside(old) == [later, second, first]
    assert fresh_databases_beside(tmp_path / "missing" / "reviews.sqlite3") == []


def test_a_damaged_database_is_kept_untouched(tmp_path: Path, comparison: Comparison) -> None:
    path = tmp_path / "reviews.sqlite3"
    with ReviewStore.open(str(path)) as store:
        store.create_review(comparison, title="t", reviewer="ann")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page : 3 * page] = b"\xa5" * page  # scribble over a whole b-tree page
    path.write_bytes(bytes(data))
    digest = sha(path)
    with pytest.raises(CorruptDatabaseError, match=r"damaged|not a review database"):
        ReviewStore.open(str(path))
    assert sha(path) == digest


def test_a_read_only_folder(tmp_path: Path, comparison: Comparison) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "reviews.sqlite3"
    with ReviewStore.open(str(path)) as store:
        rid = store.create_review(comparison, title="t", reviewer="ann")
        store.set_verdict(rid, comparison.changes[0].id, "Accurate", reviewer="ann", expected_version=0)
    if os.geteuid() == 0:
        # Root ignores permission bits: make the folder a read-only mount of itself instead.
        if subprocess.run(
            ["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True
        ).returncode:
            pytest.skip("running as root without permission to mount: cannot make a read-only folder")
        undo = ["umount", "-l", str(folder)]
    else:
        folder.chmod(0o555)
        path.chmod(0o444)
        undo = ["chmod", "-R", "u+w", str(folder)]
    try:
        for target in (folder / "new.sqlite3", folder / "missing" / "reviews.sqlite3"):
            with pytest.raises(ReadOnlyDatabaseError) as err:
                ReviewStore.open(str(target))
            assert "\n" not in str(err.value)
            assert not target.exists()
        try:
            store = ReviewStore.open(str(path))
        except ReadOnlyDatabaseError:
            pass  # refusing to open is fine too; what matters is the next check
        else:
            with store, pytest.raises(ReadOnlyDatabaseError, match="read-only"):
                store.set_verdict(
                    rid, comparison.changes[0].id, "Misquote", reviewer="bob", expected_version=1
                )
    finally:
        subprocess.run(undo, check=False)
    with ReviewStore.open(str(path)) as store:
        assert store.verdict(rid, comparison.changes[0].id).value == "Accurate"  # type: ignore[union-attr]


def test_a_full_disk_loses_nothing_already_saved(
    tiny_disk: Path | None, tmp_path: Path, comparison: Comparison
) -> None:
    if tiny_disk is None:
        # No tmpfs here: a file-size limit in a child process hits the same code path.
        path = tmp_path / "reviews.sqlite3"
        with ReviewStore.open(str(path)) as store:
            rid = store.create_review(comparison, title="t", reviewer="ann")
        size = path.stat().st_size + 40_000
        out = subprocess.run(
            [sys.executable, str(WORKERS), "fill", f"sqlite:///{path}", str(rid), str(size)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        report = json.loads(out.stdout)
        saved, error = report["saved"], report["error"]
        assert error.startswith("DiskFullError"), report
    else:
        path = tiny_disk / "reviews.sqlite3"
        saved = 0
        with ReviewStore.open(str(path)) as store:
            rid = store.create_review(comparison, title="t", reviewer="ann")
            ids = [c.id for c in comparison.changes]
            versions = dict.fromkeys(ids, 0)
            message = ""
            for seq in range(10_000):
                cid = ids[seq % len(ids)]
                try:
                    rec = store.set_verdict(
                        rid,
                        cid,
                        "Accurate",
                        reviewer="ann",
                        note=f"w{seq} " + "x" * 3000,
                        expected_version=versions[cid],
                    )
                except DiskFullError as exc:
                    message = str(exc)
                    break
                versions[cid] = rec.version
                saved += 1
            assert "full" in message and "\n" not in message
    assert saved > 0
    with ReviewStore.open(str(path)) as store:
        history = store.history(rid)
        assert [h.new_note.split()[0] for h in history] == [f"w{n}" for n in range(saved)]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_an_unreachable_team_server_is_one_line_without_the_password() -> None:
    with pytest.raises(DatabaseUnavailableError) as err:
        ReviewStore.open("postgresql://ann:hunter2@127.0.0.1:1/reviews")
    assert "hunter2" not in str(err.value) and "\n" not in str(err.value) and "127.0.0.1" in str(err.value)
