"""`factcheck review link` / `unlink`: a reviewer's link on the command line, real files and a
real SQLite database; the JSON export carries it and `import-review` brings it back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.engine.test_nearest_hint import ORIGINAL, REWRITE


def fc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_link_show_export_import_and_unlink(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REWRITE, encoding="utf-8")
    db = str(tmp_path / "r.sqlite3")
    assert fc("review", "new", "a.txt", "b.txt", "--db", db, cwd=tmp_path).stdout.strip() == "1"
    out = fc("review", "link", "1", "c2", "c3", "--reviewer", "Ana", "--db", db, cwd=tmp_path)
    assert out.returncode == 0, out
    assert out.stdout.splitlines() == [
        "review 1: c5 reworded o2 → r2 (similarity 0.15), linked by hand",
        "  ! number: number changed: 40 → 45",
    ]
    shown = fc("review", "show", "1", "--db", db, cwd=tmp_path).stdout
    assert "c5  reworded (linked by hand)  [number]" in shown and "c2 " not in shown
    exported = fc("export", "1", "--format", "json", "--db", db, cwd=tmp_path).stdout
    data = json.loads(exported)
    (linked,) = [c for c in data["comparison"]["changes"] if c["id"] == "c5"]
    assert [p["id"] for p in linked["by_hand"]["from"]] == ["c2", "c3"]
    report = fc("export", "1", "--format", "md", "--db", db, cwd=tmp_path).stdout
    assert "c5 · Reworded, linked by hand · original o2 → rewrite r2" in report
    (tmp_path / "review.json").write_text(exported, encoding="utf-8")
    rid = fc(
        "import-review", "review.json", "--db", str(tmp_path / "other.sqlite3"), cwd=tmp_path
    ).stdout.strip()
    other = fc("review", "show", rid, "--db", str(tmp_path / "other.sqlite3"), cwd=tmp_path).stdout
    assert "c5  reworded (linked by hand)" in other
    out = fc("review", "unlink", "1", "c5", "--db", db, cwd=tmp_path)
    assert out.stdout.strip() == "review 1: c5 taken apart into c2 (removed) and c3 (added)"
    shown = fc("review", "show", "1", "--db", db, cwd=tmp_path).stdout
    assert "c2  removed" in shown and "c3  added" in shown


def test_a_wrong_link_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REWRITE, encoding="utf-8")
    db = str(tmp_path / "r.sqlite3")
    fc("review", "new", "a.txt", "b.txt", "--db", db, cwd=tmp_path)
    out = fc("review", "link", "1", "c1", "c3", "--db", db, cwd=tmp_path)
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert "only a removed and an added claim can be linked by hand" in out.stderr
