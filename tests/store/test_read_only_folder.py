"""A database in a folder that cannot be written is opened read-only (issue 16: "Also").

Listing and showing work, the command says once that verdicts cannot be saved there, a verdict
is refused with one line, and nothing is created beside the file. As root, whom no permission
stops, the commands run with the permission-override capabilities dropped (``setpriv``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli_files import ORIGINAL, REWRITE, factcheck

_SETPRIV = shutil.which("setpriv")
_NO_OVERRIDE = ["--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]


def unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``factcheck ARGS`` with file permissions in force (root's overrides dropped)."""
    prefix = [_SETPRIV, *_NO_OVERRIDE] if os.geteuid() == 0 and _SETPRIV else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "factcheck_gui.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


pytestmark = pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0 and not _SETPRIV,
    reason="running as root without setpriv: a read-only folder does not stop root",
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A database with one review, in a folder made read-only."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "reviews.sqlite3"
    out = factcheck("review", "new", ORIGINAL, REWRITE, "--db", str(db), "--title", "Storm", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["reviews.sqlite3"]
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        yield db
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_database_in_a_read_only_folder_can_be_listed(locked: Path, tmp_path: Path) -> None:
    before = sha(locked)
    out = unprivileged("review", "list", "--db", str(locked), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Storm" in out.stdout
    notice = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(notice) == 1 and "read-only" in notice[0] and "verdicts cannot be saved" in notice[0], (
        out.stderr
    )
    assert sorted(p.name for p in locked.parent.iterdir()) == ["reviews.sqlite3"]
    assert sha(locked) == before


def test_a_review_in_a_read_only_folder_can_be_shown_and_exported(locked: Path, tmp_path: Path) -> None:
    out = unprivileged("review", "show", "1", "--db", str(locked), cwd=tmp_path)
    assert out.returncode == 0 and "review 1: Storm" in out.stdout, out.stderr
    out = unprivileged("export", "1", "--format", "md", "--db", str(locked), cwd=tmp_path)
    assert out.returncode == 0 and "Storm" in out.stdout, out.stderr


def test_a_verdict_in_a_read_only_folder_is_one_line(locked: Path, tmp_path: Path) -> None:
    before = sha(locked)
    out = unprivileged("review", "verdict", "1", "c1", "accurate", "--db", str(locked), cwd=tmp_path)
    assert out.returncode == 2, out
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    assert "read-only" in lines[0] and "cannot be saved" in lines[0], lines[0]
    assert sha(locked) == before
    assert sorted(p.name for p in locked.parent.iterdir()) == ["reviews.sqlite3"]


def test_the_store_says_it_is_read_only(locked: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("in-process as root the folder is writable; the subprocess tests cover it")
    from factcheck_gui.store import ReviewStore

    with ReviewStore.open(str(locked)) as store:
        assert store.read_only and [s.title for s in store.list_reviews()] == ["Storm"]
