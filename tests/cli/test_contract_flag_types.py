"""The compare JSON passes the contract's own checker whatever the engine flags: a flag of a
type the contract does not list (``substitution``: "illegal" → "legal") goes to the change's
``other_flags`` (with its place), so a reader written for ``factcheck.compare/1`` never meets
an unknown type, and the app reads the flag back where it was. (A reviewer's run of
``check_contract.py`` failed with "unknown flag type substitution".)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_gui.engine import Comparison, FlagType, compare_texts

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT.parent / "shared" / "tools" / "check_contract.py"
CONTRACT_TYPES = {
    "number",
    "date",
    "name",
    "quote_altered",
    "quote_unsourced",
    "hedge",
    "negation",
    "attribution",
}

ORIGINAL = (
    "The strike on the depot was illegal, the court said on Monday.\n"
    "Officials confirmed 12 cases in the city.\n"
)
REWRITE = (
    "The strike on the depot was legal, the court said on Monday.\n"
    "Officials suspected 14 cases in the city.\n"
)


def test_a_substitution_is_flagged_and_the_json_passes_the_contract_checker(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "r.json"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck_gui.cli",
            "compare",
            str(a),
            str(b),
            "--format",
            "json",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    types = {f["type"] for c in data["changes"] for f in c["flags"]}
    assert types <= CONTRACT_TYPES
    others = [f for c in data["changes"] for f in c["other_flags"]]
    assert {f["type"] for f in others} == {"substitution"}
    assert any("illegal → legal" in f["message"] for f in others)
    if not CHECKER.exists():
        pytest.skip("the shared contract checker is not beside this checkout")
    check = subprocess.run(
        [sys.executable, str(CHECKER), str(a), str(b), str(out)], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stdout
    assert "contract ok" in check.stdout


def test_the_app_reads_every_flag_back_in_its_place() -> None:
    cmp = compare_texts(ORIGINAL, REWRITE)
    flagged = [c for c in cmp.changes if any(f.type is FlagType.SUBSTITUTION for f in c.flags)]
    assert flagged
    again = Comparison.from_json(json.loads(json.dumps(cmp.to_json())))
    assert again == cmp


def test_a_review_saved_before_the_split_still_reads_its_substitutions() -> None:
    data = compare_texts(ORIGINAL, REWRITE).to_json()
    for c in data["changes"]:  # as written before: every flag in ``flags``
        merged = list(c["flags"])
        for f in c.pop("other_flags"):
            merged.insert(f.pop("at"), f)
        c["flags"] = merged
    cmp = Comparison.from_json(data)
    assert any(f.type is FlagType.SUBSTITUTION for c in cmp.changes for f in c.flags)
    assert cmp == compare_texts(ORIGINAL, REWRITE)
