"""`factcheck import-review` refuses non-finite numbers and caps the file before reading it whole
(issue 16, item 5 and the size cap). Real subprocesses, real files, a real named pipe."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.jsonfile import ReviewFileError, max_review_file_bytes, parse_review_file
from factcheck_gui.store.records import Review
from tests.cli.test_cli_files import assert_usage_error, factcheck


def review_json(hand: Review) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_review(hand, "json"))
    return data


@pytest.mark.parametrize(
    ("where", "value", "shown"),
    [
        (("comparison", "changes", 0, "similarity"), float("nan"), "NaN"),
        (("comparison", "changes", 1, "similarity"), float("inf"), "Infinity"),
        (("comparison", "changes", 2, "similarity"), float("-inf"), "-Infinity"),
        (("verdicts", 0, "version"), float("inf"), "Infinity"),
        (("comparison", "original", "claims", 0, "start"), float("nan"), "NaN"),
    ],
)
def test_a_non_finite_number_is_refused_naming_the_field(
    hand: Review, tmp_path: Path, where: tuple[str | int, ...], value: float, shown: str
) -> None:
    data = review_json(hand)
    node: Any = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    path = tmp_path / "review.json"
    path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    assert shown in path.read_text(encoding="utf-8")
    db = tmp_path / "r.sqlite3"
    out = factcheck("import-review", str(path), "--db", str(db), cwd=tmp_path)
    name = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in where).lstrip(".")
    assert_usage_error(out, name)
    assert "finite" in out.stderr and shown in out.stderr
    assert not db.exists()


def test_a_number_too_large_for_a_float_is_refused(hand: Review) -> None:
    text = render_review(hand, "json").decode("utf-8")
    text = text.replace('"similarity": 0.712345678901', '"similarity": 1e999', 1)
    assert "1e999" in text
    with pytest.raises(ReviewFileError, match=r"comparison\.changes\[0\]\.similarity .*finite"):
        parse_review_file(text.encode(), "big.json")


def test_a_review_file_still_round_trips(hand: Review, tmp_path: Path) -> None:
    path = tmp_path / "review.json"
    path.write_bytes(render_review(hand, "json"))
    out = factcheck("import-review", str(path), "--db", str(tmp_path / "r.sqlite3"), cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == "1", out.stderr


def test_the_size_cap_follows_the_import_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_IMPORT_MB", "1")
    small = max_review_file_bytes()
    monkeypatch.setenv("FACTCHECK_MAX_IMPORT_MB", "2")
    assert max_review_file_bytes() == 2 * small
    # A review file holds both stories and every change: a multiple of one story's limit.
    assert small > 2 * 1024 * 1024


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:  # sparse: 3 GB on paper, nothing on disk
        fh.truncate(3 * 1024**3)
    out = factcheck("import-review", str(path), "--db", str(tmp_path / "r.sqlite3"), cwd=tmp_path)
    assert_usage_error(out, "too large")
    assert "FACTCHECK_MAX_IMPORT_MB" in out.stderr


def test_the_cap_is_the_configured_one(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"{" + b" " * (6 * 1024 * 1024) + b"}")
    out = factcheck(
        "import-review",
        str(path),
        "--db",
        str(tmp_path / "r.sqlite3"),
        cwd=tmp_path,
        extra_env={"FACTCHECK_MAX_IMPORT_MB": "0.5"},
    )
    assert_usage_error(out, "too large")


def test_standard_input_over_the_cap_is_refused(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = b"{" + b" " * (6 * 1024 * 1024) + b"}"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck_gui.cli",
            "import-review",
            "-",
            "--db",
            str(tmp_path / "r.sqlite3"),
        ],
        input=data,
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "FACTCHECK_MAX_IMPORT_MB": "0.5"},
    )
    assert out.returncode == 2 and b"too large" in out.stderr, out.stderr


def test_garbage_is_refused_from_its_first_bytes_without_reading_on(tmp_path: Path) -> None:
    """A pipe that sends binary garbage and never ends: the command must not wait for the end."""
    fifo = tmp_path / "garbage.json"
    os.mkfifo(fifo)
    done = threading.Event()

    def writer() -> None:
        try:
            fd = os.open(fifo, os.O_WRONLY)
        except OSError:
            return
        try:
            os.write(fd, b"\x00\x01PK\x03\x04 not json " * 4096)
            done.wait(60)
        except OSError:  # the reader gave up and closed its end: that is the point
            pass
        finally:
            os.close(fd)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    start = time.monotonic()
    try:
        out = factcheck("import-review", str(fifo), "--db", str(tmp_path / "r.sqlite3"), cwd=tmp_path)
    finally:
        done.set()
        t.join(10)
    assert_usage_error(out, "not a review file")
    assert time.monotonic() - start < 30
