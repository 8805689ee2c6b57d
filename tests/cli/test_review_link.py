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


def _exported_and_imported(tmp_path: Path, db: str) -> subprocess.CompletedProcess[str]:
    exported = fc("export", "1", "--format", "json", "--db", db, cwd=tmp_path)
    assert exported.returncode == 0, exported
    (tmp_path / "review.json").write_text(exported.stdout, encoding="utf-8")
    return fc("import-review", "review.json", "--db", str(tmp_path / "other.sqlite3"), cwd=tmp_path)


def _new_review(tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REWRITE, encoding="utf-8")
    db = str(tmp_path / "r.sqlite3")
    fc("review", "new", "a.txt", "b.txt", "--db", db, cwd=tmp_path)
    return db


def test_a_review_whose_link_was_taken_apart_exports_and_imports(tmp_path: Path) -> None:
    db = _new_review(tmp_path)
    fc("review", "link", "1", "c2", "c3", "--reviewer", "Ana", "--db", db, cwd=tmp_path)
    fc("review", "unlink", "1", "c5", "--reviewer", "Bo", "--db", db, cwd=tmp_path)
    imported = _exported_and_imported(tmp_path, db)
    assert imported.returncode == 0, imported.stderr
    rid = imported.stdout.strip()
    audit = fc("export", rid, "--format", "audit", "--db", str(tmp_path / "other.sqlite3"), cwd=tmp_path)
    assert audit.returncode == 0, audit.stderr
    assert "c5, linked by hand, taken apart into c2 and c3 again" in audit.stdout


def test_a_link_of_a_change_whose_verdict_was_cleared_exports_and_imports(tmp_path: Path) -> None:
    db = _new_review(tmp_path)
    from factcheck_gui.store import ReviewStore

    with ReviewStore.open(db) as store:  # a verdict set, then taken back
        store.set_verdict(1, "c2", "Accurate", reviewer="Ana", expected_version=None)
        store.set_verdict(1, "c2", None, reviewer="Ana", expected_version=1)
    fc("review", "link", "1", "c2", "c3", "--db", db, cwd=tmp_path)
    imported = _exported_and_imported(tmp_path, db)
    assert imported.returncode == 0, imported.stderr


def test_a_damaged_link_is_refused_on_import(tmp_path: Path) -> None:
    db = _new_review(tmp_path)
    fc("review", "link", "1", "c2", "c3", "--db", db, cwd=tmp_path)
    data = json.loads(fc("export", "1", "--format", "json", "--db", db, cwd=tmp_path).stdout)
    (linked,) = [c for c in data["comparison"]["changes"] if "by_hand" in c]
    linked["by_hand"]["from"].reverse()  # an added and a removed one: not what a link makes
    (tmp_path / "review.json").write_text(json.dumps(data), encoding="utf-8")
    out = fc("import-review", "review.json", "--db", str(tmp_path / "other.sqlite3"), cwd=tmp_path)
    assert out.returncode != 0 and out.stderr.count("\n") == 1
    assert "c5 says it was linked by hand, but not from one removed and one added claim" in out.stderr


def test_link_with_one_id_lists_the_likeliest_partners_and_links_nothing(tmp_path: Path) -> None:
    db = _new_review(tmp_path)
    out = fc("review", "link", "1", "c2", "--db", db, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "review 1: c2 (removed) may be one claim with:"
    assert lines[1].startswith("  c3  r2  similarity ")
    listed = json.loads(fc("review", "link", "1", "c2", "--db", db, "--json", cwd=tmp_path).stdout)
    assert [(c["change"], c["kind"], c["claims"]) for c in listed] == [("c3", "added", ["r2"])]
    shown = fc("review", "show", "1", "--db", db, cwd=tmp_path).stdout
    assert "c2  removed" in shown and "linked by hand" not in shown  # nothing was linked
    wrong = fc("review", "link", "1", "c1", "--db", db, cwd=tmp_path)
    assert wrong.returncode == 2 and "not added or removed" in wrong.stderr
