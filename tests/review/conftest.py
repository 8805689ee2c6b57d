"""Fixtures for the review rules: a real SQLite database, the demo pair, no Qt anywhere."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from factcheck_gui.importers import ImportedText, load_path
from factcheck_gui.resources import sample_pair
from factcheck_gui.review.opening import NoProgress, ReviewService
from factcheck_gui.review.session import VerdictSession
from factcheck_gui.store import ReviewStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "reviews.sqlite3"


@pytest.fixture
def service(db_path: Path) -> Iterator[ReviewService]:
    svc = ReviewService(f"sqlite:///{db_path}", busy_timeout_ms=150)
    yield svc
    svc.close()


@pytest.fixture
def demo() -> tuple[ImportedText, ImportedText]:
    original, rewrite = sample_pair()
    return load_path(original), load_path(rewrite)


@pytest.fixture
def colleague(db_path: Path) -> Iterator[ReviewStore]:
    """A second, independent client of the same database."""
    store = ReviewStore.open(f"sqlite:///{db_path}")
    yield store
    store.close()


@pytest.fixture
def session(service: ReviewService, demo: tuple[ImportedText, ImportedText]) -> VerdictSession:
    opened = service.compare_and_create(*demo, reviewer="Ann", ctx=NoProgress())
    return VerdictSession(service, opened, "Ann", Events())


class Events:
    """A session's events as lists of what the reader would have been told."""

    def __init__(self) -> None:
        self.changes: list[str] = []
        self.errors: list[str] = []
        self.saves: list[str] = []
        self.notices: list[str] = []

    def changed(self, change_id: str) -> None:
        self.changes.append(change_id)

    def refused(self, message: str) -> None:
        self.errors.append(message)

    def committed(self, message: str) -> None:
        self.saves.append(message)

    def told(self, message: str) -> None:
        self.notices.append(message)


def events_of(session: VerdictSession) -> Events:
    assert isinstance(session.events, Events)
    return session.events


@pytest.fixture
def write_locked(db_path: Path, service: ReviewService) -> Callable[[], object]:
    """Another program holds the database's write lock: the session's writes fail quickly."""

    @contextmanager
    def locked() -> Iterator[None]:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()

    return locked
