"""One rule for the reviewer's name, in the window and on the command line."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from factcheck_gui.cli import main
from factcheck_gui.resources import sample_pair
from factcheck_gui.review.reviewer import default_reviewer


def test_the_name_chosen_wins_then_the_environment_then_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_REVIEWER", "  Env Name ")
    assert default_reviewer("  Ann Lee ") == "Ann Lee"
    assert default_reviewer("   ") == "Env Name"
    monkeypatch.delenv("FACTCHECK_REVIEWER")
    monkeypatch.setattr(getpass, "getuser", lambda: "login")
    assert default_reviewer() == "login"


def test_without_a_login_name_the_reviewer_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)

    def no_login() -> str:
        raise OSError("no login name in this container")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert default_reviewer() == "unknown"


def test_the_command_line_records_the_environments_reviewer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACTCHECK_REVIEWER", "Env Name")
    db = str(tmp_path / "r.sqlite3")
    assert main(["review", "new", *map(str, sample_pair()), "--db", db]) == 0
    rid = capsys.readouterr().out.strip()
    assert main(["review", "verdict", rid, "c2", "accurate", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reviewer"] == "Env Name"
