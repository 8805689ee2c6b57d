"""`factcheck export --format claimreview` reads its publisher from the environment when the
options are not given (issue 15, defect 9): FACTCHECK_ORGANISATION, FACTCHECK_REVIEW_URL,
FACTCHECK_REVIEWER_NAME, FACTCHECK_ORGANISATION_URL. An option given wins, even an empty one.
Real subprocesses of the real CLI and a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli_files import ORIGINAL, REWRITE, assert_usage_error, factcheck

PUBLISHER_ENV = {
    "FACTCHECK_ORGANISATION": "Env Checks",
    "FACTCHECK_REVIEW_URL": "https://env.example/review/1",
    "FACTCHECK_REVIEWER_NAME": "Ana Analyst",
    "FACTCHECK_ORGANISATION_URL": "https://env.example/",
}


@pytest.fixture(autouse=True)
def _no_publisher_in_the_callers_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PUBLISHER_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo pair as review 1, with change c1 rated Accurate."""
    path = tmp_path_factory.mktemp("db") / "reviews.sqlite3"
    out = factcheck("review", "new", ORIGINAL, REWRITE, "--db", str(path), cwd=path.parent)
    assert out.returncode == 0, out.stderr
    out = factcheck("review", "verdict", "1", "c1", "Accurate", "--db", str(path), cwd=path.parent)
    assert out.returncode == 0, out.stderr
    return path


def export(db: Path, target: Path, *options: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return factcheck(
        *("export", "1", "--format", "claimreview", "-o", str(target), "--db", str(db), *options),
        cwd=target.parent,
        extra_env=env,
    )


def test_the_publisher_comes_from_the_environment(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "fc.jsonld"
    out = export(db, target, env=PUBLISHER_ENV)
    assert out.returncode == 0, out.stderr
    items = json.loads(target.read_text(encoding="utf-8"))
    assert [i["url"] for i in items] == ["https://env.example/review/1"]
    assert items[0]["author"] == {
        "@type": "Organization",
        "name": "Env Checks",
        "url": "https://env.example/",
    }
    assert items[0]["reviewRating"]["author"]["name"] == "Ana Analyst"


def test_an_option_given_wins_over_the_environment(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "fc.jsonld"
    out = export(db, target, "--organisation", "Option Checks", "--reviewer-name", "", env=PUBLISHER_ENV)
    assert out.returncode == 0, out.stderr
    items = json.loads(target.read_text(encoding="utf-8"))
    assert items[0]["author"]["name"] == "Option Checks"
    assert items[0]["url"] == "https://env.example/review/1"  # not given: from the environment
    assert "author" not in items[0]["reviewRating"]  # given empty: no name published


def test_the_refusal_names_the_options_and_the_variables(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "fc.jsonld"
    out = export(db, target)
    assert_usage_error(out, "ClaimReview needs the organisation's name and the review URL")
    assert out.stderr.strip().endswith(
        "give --organisation NAME (or set FACTCHECK_ORGANISATION) and "
        "--review-url URL (or set FACTCHECK_REVIEW_URL)"
    )
    out = export(db, target, env={"FACTCHECK_ORGANISATION": "Env Checks", "FACTCHECK_REVIEW_URL": "  "})
    assert_usage_error(out, "needs the review URL")
    assert out.stderr.strip().endswith("give --review-url URL (or set FACTCHECK_REVIEW_URL)")
    assert not target.exists()


def test_a_bad_web_address_from_the_environment_says_where_it_came_from(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "fc.jsonld"
    out = export(db, target, env={**PUBLISHER_ENV, "FACTCHECK_ORGANISATION_URL": "env.example"})
    assert_usage_error(out, "the organisation URL 'env.example' is not a web address")
    assert "(from FACTCHECK_ORGANISATION_URL)" in out.stderr
    assert not target.exists()


def test_help_names_the_variables(tmp_path: Path) -> None:
    out = factcheck("export", "--help", cwd=tmp_path)
    assert out.returncode == 0
    text = " ".join(out.stdout.split())  # argparse wraps the lines
    for name in PUBLISHER_ENV:
        assert f"${name}" in text
