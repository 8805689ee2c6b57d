"""`factcheck review new REWRITE --source A --source B` through the real `main()`, on both back
ends: a several-source review, listed and shown with the sources of each change. The pair form
is unchanged (tests/store/test_review_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck_gui.cli as cli

POWELL = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs" / "multi" / "powell-resignation"
DERIVED = str(POWELL / "derived-wikinews.txt")
BRIEFING = str(POWELL / "source1-state-dept-powell-briefing.txt")
LETTER = str(POWELL / "source2-state-dept-powell-letter.txt")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_review_new_with_sources(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    status, out, err = run(
        capsys,
        "review",
        "new",
        DERIVED,
        "--source",
        BRIEFING,
        "--source",
        LETTER,
        "--db",
        store_url,
        "--json",
    )
    assert status == 0, err
    made = json.loads(out)
    names = ["source1-state-dept-powell-briefing.txt", "source2-state-dept-powell-letter.txt"]
    assert made["sources"] == names
    assert made["rewrite"] == "derived-wikinews.txt"
    status, out, _ = run(capsys, "review", "list", "--db", store_url, "--json")
    assert [r["sources"] for r in json.loads(out)] == [names]
    status, out, _ = run(capsys, "review", "show", str(made["id"]), "--db", store_url, "--json")
    changes = json.loads(out)["changes"]
    froms = {tuple(c["from"]) for c in changes}
    assert (names[0],) in froms and (names[1],) in froms and () in froms
    status, text, _ = run(capsys, "review", "show", str(made["id"]), "--db", store_url)
    assert f"from: {names[1]}" in text and "from no source" in text
    # A verdict on a change of the letter, as on any review.
    letter_change = next(c["id"] for c in changes if c["from"] == [names[1]] and c["needs_review"])
    status, _, err = run(
        capsys, "review", "verdict", str(made["id"]), letter_change, "accurate", "--db", store_url
    )
    assert status == 0, err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        ((DERIVED, BRIEFING, "--source", LETTER), "give only REWRITE"),
        ((DERIVED,), "REWRITE"),
        (("-", "--source", "-"), "only one of REWRITE and the sources"),
    ],
)
def test_review_new_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...], needle: str
) -> None:
    status, _out, err = run(capsys, "review", "new", *args, "--db", str(tmp_path / "r.sqlite3"))
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert status == 2 and len(lines) == 1 and needle in lines[0], err
    assert not (tmp_path / "r.sqlite3").exists()
