"""`factcheck review` never sends stored text to the terminal raw: a review file imported from
elsewhere may carry escape sequences in its title, scale, verdicts, names and notes. Real
subprocesses, a real review file through `import-review`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.test_cli_files import ORIGINAL, REWRITE, factcheck

RED = "\x1b[31m"
TITLE_SET = "\x1b]0;pwned\x07"


def ok(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 0, out
    return out.stdout


def assert_inert(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, text
    assert "\\x1b[31m" in text, text


def test_review_commands_show_escape_sequences_from_an_imported_review_visibly(tmp_path: Path) -> None:
    db = str(tmp_path / "reviews.sqlite3")
    ok(factcheck("review", "new", ORIGINAL, REWRITE, "--db", db, "--reviewer", "ann", cwd=tmp_path))
    ok(factcheck("review", "verdict", "1", "c1", "accurate", "--note", "checked", "--db", db, cwd=tmp_path))
    data = json.loads(ok(factcheck("export", "1", "--format", "json", "--db", db, cwd=tmp_path)))

    # The same review as someone else's tool (or someone hostile) might write it.
    evil = RED + "Accurate"
    data["review"]["title"] = RED + "Red title" + TITLE_SET
    data["review"]["original_name"] = data["comparison"]["original"]["name"] = RED + "original.txt"
    data["scale"] = [evil if v == "Accurate" else v for v in data["scale"]]
    for row in data["verdicts"]:
        row.update(value=evil, reviewer=TITLE_SET + "ann", note=RED + "note")
    for row in data["history"]:
        row.update(new_value=evil, reviewer=TITLE_SET + "ann", new_note=RED + "note")
    review_file = tmp_path / "evil.json"
    review_file.write_text(json.dumps(data), encoding="utf-8")
    rid = ok(factcheck("import-review", str(review_file), "--db", db, cwd=tmp_path)).strip()

    shown = ok(factcheck("review", "show", rid, "--db", db, cwd=tmp_path))
    assert_inert(shown)
    header, names = shown.splitlines()[:2]
    assert header.startswith(f"review {rid}: \\x1b[31mRed title\\x1b]0;pwned\\x07  [open]")
    assert names.startswith("\\x1b[31moriginal.txt → ")
    assert "scale: \\x1b[31mAccurate · Faithful paraphrase" in names
    assert "c1  " in shown and "— \\x1b[31mAccurate (\\x1b]0;pwned\\x07ann, " in shown
    assert "   note: \\x1b[31mnote" in shown

    assert_inert(ok(factcheck("review", "list", "--db", db, cwd=tmp_path)))

    # A verdict on the imported scale echoes the stored value; a wrong one lists the scale.
    assert_inert(ok(factcheck("review", "verdict", rid, "c2", evil, "--db", db, cwd=tmp_path)))
    wrong = factcheck("review", "verdict", rid, "c2", "nonsense", "--db", db, cwd=tmp_path)
    assert wrong.returncode == 2 and len(wrong.stderr.splitlines()) == 1, wrong
    assert_inert(wrong.stderr)
