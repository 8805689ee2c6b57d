"""The command line of factcheck-gui: a mistyped --db is refused before any window opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "factcheck_gui.app", *args, "--quit-after", "0"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_db_in_a_missing_folder_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "reviews.sqlite3"
    result = _run(["--db", f"sqlite:///{target}"], tmp_path)
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not target.parent.exists()


def test_db_that_is_no_database_url_is_refused(tmp_path: Path) -> None:
    result = _run(["--db", "notaurl"], tmp_path)
    assert result.returncode == 2
    assert "not a database URL" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_window_exports_the_demo_through_a_child_process_and_says_when_it_cannot(tmp_path: Path) -> None:
    """The smoke test's --export-to: the window's own export path (a child `factcheck export`)."""
    db = f"sqlite:///{tmp_path / 'reviews.db'}"
    audit = tmp_path / "log.audit.csv"
    done = _run(["--demo", "--db", db, "--export-to", str(audit)], tmp_path)
    assert done.returncode == 0, done.stderr
    head = audit.read_text(encoding="utf-8-sig").splitlines()[0]
    columns = head.split(",")
    assert "action" in columns and "kind" not in columns  # the audit trail, not the change list
    plain = tmp_path / "log.csv"
    assert _run(["--demo", "--db", db, "--export-to", str(plain)], tmp_path).returncode == 0
    assert plain.read_text(encoding="utf-8-sig").startswith("review_id,review_title,change_id,kind")
    assert audit.read_text(encoding="utf-8-sig") != plain.read_text(encoding="utf-8-sig")

    failed = _run(["--demo", "--db", db, "--export-to", str(tmp_path / "missing" / "log.pdf")], tmp_path)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert not (tmp_path / "missing").exists()
