"""Exports run in a child `factcheck export` so the window never waits on a writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck_gui.engine import Cancelled, compare_texts
from factcheck_gui.store import ReviewStore
from factcheck_gui.ui.shell.export_process import ExportProcessError, can_run_in_child, export_in_child


@pytest.fixture
def stored_review(tmp_path: Path, reference_pair: tuple[str, str]) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path / 'reviews.sqlite3'}"
    store = ReviewStore.open(url)
    try:
        cmp = compare_texts(*reference_pair, original_name="original.txt", rewrite_name="rewrite.txt")
        rid = store.create_review(cmp, title="Putin and North Korea", reviewer="Ana")
        change = next(c for c in store.load_review(rid).comparison.changes if c.is_change)
        store.set_verdict(
            rid, change.id, "Misleading", reviewer="Ana", note="see wire", expected_version=None
        )
    finally:
        store.close()
    return url, rid


def test_child_writes_the_review_with_its_verdict(tmp_path: Path, stored_review: tuple[str, int]) -> None:
    url, rid = stored_review
    target = tmp_path / "out" / "review.json"
    target.parent.mkdir()
    assert export_in_child(url, rid, "json", target) == target
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "Misleading" in json.dumps(data)
    assert "Putin and North Korea" in json.dumps(data)


def test_child_failure_comes_back_as_one_line(tmp_path: Path, stored_review: tuple[str, int]) -> None:
    url, rid = stored_review
    with pytest.raises(ExportProcessError) as err:
        export_in_child(url, rid + 41, "csv", tmp_path / "review.csv")
    message = str(err.value)
    assert "\n" not in message and "Traceback" not in message
    assert str(rid + 41) in message
    assert not (tmp_path / "review.csv").exists()


def test_cancel_stops_the_child_and_leaves_the_old_file(
    tmp_path: Path, stored_review: tuple[str, int]
) -> None:
    url, rid = stored_review
    target = tmp_path / "review.pdf"
    target.write_bytes(b"the reviewer's earlier export")
    with pytest.raises(Cancelled):
        export_in_child(url, rid, "pdf", target, cancelled=lambda: True)
    assert target.read_bytes() == b"the reviewer's earlier export"


def test_in_memory_database_stays_in_process() -> None:
    assert not can_run_in_child("sqlite://")
    assert not can_run_in_child("sqlite:///:memory:")
    assert can_run_in_child("sqlite:////home/ana/reviews.sqlite3")
    assert can_run_in_child("postgresql+psycopg://ana@newsroom-db/reviews")
