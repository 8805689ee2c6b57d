"""What `--db` / a database URL may be, and that no store code creates folders it was not asked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from factcheck_gui.store import ReviewStore, StoreError
from factcheck_gui.store.database import (
    check_folder,
    display_name,
    fresh_databases_beside,
    normalize_url,
    parse_url,
    resolve_db_url,
    sqlite_path,
)


@pytest.mark.parametrize("value", ["notaurl", "file:/tmp/x.db", "postgresql:host/db", "reviews"])
def test_values_that_are_neither_a_file_nor_a_url_are_refused(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="not a database URL or SQLite file") as err:
        ReviewStore.open(value)
    assert "\n" not in str(err.value)
    assert list(tmp_path.iterdir()) == []  # nothing created, not even a folder named "file:"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "postgresql://u:secret@host:notaport/db",
            "not a database URL: port 'notaport' is not a number (expected e.g. postgresql://user@host:5432/db)",
        ),
        (
            "postgresql://u:secret@[::1]:x/db",
            "not a database URL: port 'x' is not a number (expected e.g. postgresql://user@host:5432/db)",
        ),
        (
            "postgresql://u:secret@host:/db",
            "not a database URL: the port after ':' is empty (expected e.g. postgresql://user@host:5432/db)",
        ),
        (
            "postgresql://u:secret@host:0/db",
            "not a database URL: port 0 is out of range (it must be 1 to 65535)",
        ),
        (
            "postgresql://u:secret@host:65536/db",
            "not a database URL: port 65536 is out of range (it must be 1 to 65535)",
        ),
    ],
)
def test_a_bad_port_is_a_one_line_store_error(
    value: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # make_url raised a bare ValueError ("invalid literal for int()"), which the Settings
    # dialog and the CLI did not expect. The password is not repeated in the message.
    with pytest.raises(StoreError) as err:
        parse_url(normalize_url(value))
    assert str(err.value) == message
    monkeypatch.setenv("FACTCHECK_DB", value)
    with pytest.raises(StoreError) as err:
        parse_url(resolve_db_url(None))
    assert str(err.value) == message
    with pytest.raises(StoreError) as err:
        ReviewStore.open(value)
    assert str(err.value) == message
    assert parse_url(normalize_url("postgresql://u:secret@host:5432/db")).port == 5432


def test_bare_paths_still_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert normalize_url("mine.sqlite3") == f"sqlite:///{tmp_path / 'mine.sqlite3'}"
    existing = tmp_path / "no-suffix"
    with ReviewStore.open(str(tmp_path / "seed.db")):
        pass
    (tmp_path / "seed.db").rename(existing)  # an existing file needs no suffix
    with ReviewStore.open("no-suffix") as store:
        assert store.path == existing and store.list_reviews() == []
    assert normalize_url("C:\\reviews.db").startswith("sqlite:///")  # a Windows drive is no scheme


@pytest.mark.parametrize(
    ("database", "expected"),
    [
        ("file:{dir}/reviews.db", "{dir}/reviews.db"),
        ("file://{dir}/reviews.db", "{dir}/reviews.db"),
        ("file://localhost{dir}/reviews.db", "{dir}/reviews.db"),
        ("file:{dir}/my%20reviews.db", "{dir}/my reviews.db"),
    ],
)
def test_sqlite_uri_urls_name_the_real_file(database: str, expected: str, tmp_path: Path) -> None:
    url = make_url(f"sqlite:///{database.format(dir=tmp_path)}?mode=ro&uri=true")
    assert sqlite_path(url) == Path(expected.format(dir=tmp_path))
    assert display_name(url) == f"local: {expected.format(dir=tmp_path)}"
    # Without uri=true SQLite takes the name literally: so does the store.
    plain = make_url(f"sqlite:///{database.format(dir=tmp_path)}")
    assert sqlite_path(plain) == Path(str(plain.database)) and str(plain.database).startswith("file:")


def test_a_read_only_uri_database_opens_without_creating_a_file_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, comparison: object
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with ReviewStore.open(str(data / "reviews.db")) as store:
        rid = store.create_review(comparison, title="t", reviewer="ann")  # type: ignore[arg-type]
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    url = f"sqlite:///file:{data / 'reviews.db'}?mode=ro&uri=true"
    with ReviewStore.open(url) as store:
        assert store.path == data / "reviews.db"
        assert [s.id for s in store.list_reviews()] == [rid]
        with pytest.raises(StoreError, match="read-only"):
            store.rename_review(rid, "new title")
    assert list(work.iterdir()) == []  # no relative "file:" folder
    # A read-only URI to a missing folder fails cleanly and creates nothing anywhere.
    missing = f"sqlite:///file:{tmp_path / 'none' / 'reviews.db'}?mode=ro&uri=true"
    with pytest.raises(StoreError):
        check_folder(missing)
    assert list(work.iterdir()) == [] and not (tmp_path / "none").exists()


def test_in_memory_uri_is_refused() -> None:
    with pytest.raises(StoreError, match="in-memory"):
        ReviewStore.open("sqlite:///file:x.db?mode=memory&uri=true")


def test_check_folder(tmp_path: Path) -> None:
    check_folder(str(tmp_path / "here.sqlite3"))  # folder exists
    with pytest.raises(StoreError, match="does not exist"):
        check_folder(f"sqlite:///{tmp_path / 'a' / 'b' / 'x.db'}")
    (tmp_path / "f.db").write_bytes(b"")
    with pytest.raises(StoreError, match="not a folder"):
        check_folder(str(tmp_path / "f.db" / "x.db"))
    assert not (tmp_path / "a").exists()
    # The default database's folder may be missing: it is created when the store opens it.
    default = Path(os.environ["XDG_DATA_HOME"]) / "factcheck-compare" / "reviews.sqlite3"
    assert not default.parent.exists()
    check_folder(str(default))
    check_folder("postgresql://u@db.example/reviews")  # not a file: nothing to check


def test_a_fresh_database_beside_a_file_without_suffix_can_be_opened(tmp_path: Path) -> None:
    damaged = tmp_path / "reviews"
    damaged.write_text("not a database\n", encoding="utf-8")
    store, new = ReviewStore.open_fresh_beside(damaged)
    with store:
        assert new.parent == tmp_path and new.suffix == ".sqlite3" and new.is_file()
    assert fresh_databases_beside(damaged) == [new]
    with ReviewStore.open(str(new)) as again:  # the remembered path is accepted as --db
        assert again.path == new
    assert damaged.read_text(encoding="utf-8") == "not a database\n"
