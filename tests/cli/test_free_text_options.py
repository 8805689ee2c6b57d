"""A note, a title or a name is what a person typed: one that starts with a dash ("-5 % is
overstated", "--see the wire copy") is kept as typed, not taken for an unknown option. Real
subprocesses on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.test_cli_files import ORIGINAL, REWRITE, factcheck


def ok(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 0, out
    return out.stdout


def test_a_note_title_and_name_that_start_with_a_dash_are_kept_as_typed(tmp_path: Path) -> None:
    db = str(tmp_path / "reviews.sqlite3")
    rid = ok(
        factcheck(
            "review",
            "new",
            ORIGINAL,
            REWRITE,
            "--title",
            "-- draft two",
            "--reviewer",
            "-ann-",
            "--db",
            db,
            cwd=tmp_path,
        )
    ).strip()
    ok(
        factcheck(
            "review",
            "verdict",
            rid,
            "c1",
            "accurate",
            "--note",
            "-5 % is overstated",
            "--reviewer",
            "-ann-",
            "--db",
            db,
            cwd=tmp_path,
        )
    )
    ok(
        factcheck(
            "review",
            "verdict",
            rid,
            "c2",
            "accurate",
            "--note",
            "-danger: see wire",
            "--db",
            db,
            cwd=tmp_path,
        )
    )
    data = json.loads(ok(factcheck("export", rid, "--format", "json", "--db", db, cwd=tmp_path)))
    assert data["review"]["title"] == "-- draft two"
    notes = {v["change_id"]: v["note"] for v in data["verdicts"]}
    assert notes == {"c1": "-5 % is overstated", "c2": "-danger: see wire"}
    assert {v["change_id"]: v["reviewer"] for v in data["verdicts"]}["c1"] == "-ann-"


def test_an_option_after_a_missing_note_is_still_an_option(tmp_path: Path) -> None:
    db = str(tmp_path / "reviews.sqlite3")
    ok(factcheck("review", "new", ORIGINAL, REWRITE, "--db", db, cwd=tmp_path))
    out = factcheck("review", "verdict", "1", "c1", "accurate", "--note", "--db", db, cwd=tmp_path)
    assert out.returncode == 2 and "--note: expected one argument" in out.stderr, out
    assert len(out.stderr.splitlines()) == 1
