"""Partial files a killed export left behind are removed by the next export into that folder
(issue 16, item 9). Only files of our own exact naming pattern, and only stale ones: their
writer's process is gone (same machine), or they have not changed for ten minutes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck_gui.exporters.common import STALE_PART_SECONDS, part_name, remove_stale_parts
from tests.cli.test_cli_files import ORIGINAL, REWRITE, factcheck


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    db = tmp_path / "reviews.sqlite3"
    out = factcheck("review", "new", ORIGINAL, REWRITE, "--db", str(db), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    return db


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def age(path: Path, seconds: float) -> None:
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_a_killed_pdf_export_leaves_a_part_file_that_the_next_export_removes(
    stored: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factcheck_gui.cli",
            "export",
            "1",
            "--format",
            "pdf",
            "-o",
            str(out_dir / "report.pdf"),
            "--db",
            str(stored),
        ],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    parts: list[Path] = []
    while time.monotonic() < deadline and child.poll() is None:
        parts = list(out_dir.glob(".report.pdf.*.part"))
        if parts:
            break
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert parts, "the export created its temporary file beside the target"
    left = list(out_dir.glob(".report.pdf.*.part"))
    assert left and not (out_dir / "report.pdf").exists()  # what a killed export leaves

    again = factcheck(
        "export", "1", "--format", "md", "-o", str(out_dir / "report.md"), "--db", str(stored), cwd=tmp_path
    )
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["report.md"]


def test_only_stale_files_of_our_own_pattern_are_removed(tmp_path: Path) -> None:
    gone = dead_pid()
    stale = [
        tmp_path / part_name("report.pdf", pid=gone),  # its writer was killed
        tmp_path / part_name("other.csv", pid=gone),
    ]
    old_live = tmp_path / part_name("report.pdf", pid=1)  # pid reused long since: ten minutes old
    legacy_old = tmp_path / ".report.pdf.0a1b2c3d.part"  # an earlier version's name, old
    stale += [old_live, legacy_old]
    kept = [
        tmp_path / part_name("report.pdf", pid=os.getpid()),  # an export running right now
        tmp_path / ".report.pdf.deadbeef.part",  # an earlier version's name, fresh: maybe running
        tmp_path / part_name("report.pdf", pid=gone, host="0000ffff"),  # another machine's, fresh
        tmp_path / "notes.part",
        tmp_path / ".report.pdf.part",
        tmp_path / "report.pdf.12345.part",
        tmp_path / ".report.pdf.0a1b2c3d.partial",
        tmp_path / "report.pdf",
    ]
    for p in stale + kept:
        p.write_bytes(b"")
    age(old_live, STALE_PART_SECONDS + 60)
    age(legacy_old, STALE_PART_SECONDS + 60)
    folder = tmp_path / ".x.1.part"  # a folder of that name is never touched
    folder.mkdir()
    link = tmp_path / part_name("linked.pdf", pid=gone)
    target = tmp_path / "target.txt"
    target.write_text("keep", encoding="utf-8")
    link.symlink_to(target)
    kept += [folder, target]

    removed = remove_stale_parts(tmp_path)

    assert sorted(removed) == sorted(stale)
    assert all(not p.exists() for p in stale)
    assert all(p.exists() for p in kept)
    assert link.is_symlink()  # not a regular file: left alone


def test_the_temporary_file_is_named_by_the_pattern(tmp_path: Path) -> None:
    name = part_name("report.pdf")
    assert name.startswith(".report.pdf.") and name.endswith(".part")
    assert f".{os.getpid()}-" in name
