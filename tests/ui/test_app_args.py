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
