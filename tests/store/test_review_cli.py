"""`factcheck review new|list|show|verdict` through the real `main()`, on both back ends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck_gui.cli as cli
from factcheck_gui.store import ReviewStore

ROOT = Path(__file__).resolve().parents[2]
ORIGINAL = str(ROOT / "resources" / "samples" / "original.txt")
REWRITE = str(ROOT / "resources" / "samples" / "rewrite.txt")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(result: tuple[int, str, str], needle: str) -> None:
    status, _out, err = result
    assert status == 2, result
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert needle.lower() in lines[0].lower(), lines[0]


def test_new_list_verdict_show(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    status, out, _ = run(
        capsys,
        "review",
        "new",
        ORIGINAL,
        REWRITE,
        "--title",
        "Putin arms",
        "--db",
        store_url,
        "--reviewer",
        "ann",
    )
    assert status == 0
    rid = int(out.strip())

    status, out, _ = run(capsys, "review", "list", "--db", store_url, "--json")
    listed = json.loads(out)
    assert status == 0 and [r["id"] for r in listed] == [rid]
    assert listed[0]["title"] == "Putin arms" and listed[0]["reviewed"] == 0 and listed[0]["changes"] > 0

    status, out, _ = run(
        capsys,
        "review",
        "verdict",
        str(rid),
        "c1",
        "misleading",
        "--note",
        "modality",
        "--reviewer",
        "bob",
        "--db",
        store_url,
    )
    assert status == 0 and "Misleading" in out

    status, out, _ = run(capsys, "review", "show", str(rid), "--db", store_url, "--json")
    shown = json.loads(out)
    first = shown["changes"][0]
    assert first["id"] == "c1" and first["kind"] and first["original"] and first["rewrite"]
    assert isinstance(first["flags"], list)
    assert first["verdict"]["value"] == "Misleading" and first["verdict"]["note"] == "modality"
    assert first["verdict"]["reviewer"] == "bob" and first["verdict"]["version"] == 1
    assert first["verdict"]["carried_from"] is None and first["verdict"]["time"]
    assert all(c["verdict"] is None for c in shown["changes"][1:])

    status, out, _ = run(capsys, "review", "show", str(rid), "--db", store_url)
    assert status == 0 and "c1" in out and "Misleading (bob" in out

    # A second verdict on the same change goes through (the CLI reads the current version).
    status, _, _ = run(capsys, "review", "verdict", str(rid), "c1", "Distorted", "--db", store_url)
    assert status == 0
    with ReviewStore.open(store_url) as store:
        assert [h.new_value for h in store.history(rid, "c1")] == ["Misleading", "Distorted"]


def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "review", "new", ORIGINAL, REWRITE, "--db", store_url)
    rid = out.strip()
    assert_one_line_error(
        run(capsys, "review", "verdict", rid, "c1", "Mostly true", "--db", store_url), "scale"
    )
    assert_one_line_error(
        run(capsys, "review", "verdict", "999", "c1", "Accurate", "--db", store_url), "no review 999"
    )
    assert_one_line_error(
        run(capsys, "review", "verdict", rid, "c999", "Accurate", "--db", store_url), "c999"
    )
    assert_one_line_error(run(capsys, "review", "show", "999", "--db", store_url), "no review")
    status, _, err = run(
        capsys, "review", "show", "abc", "--db", store_url
    )  # argparse: usage + one error line
    assert status == 2 and "not a review id: 'abc'" in err.splitlines()[-1] and "Traceback" not in err
    assert_one_line_error(
        run(capsys, "review", "new", str(tmp_path / "missing.txt"), REWRITE, "--db", store_url), "missing.txt"
    )
    with ReviewStore.open(store_url) as store:
        assert len(store.list_reviews()) == 1 and store.history(int(rid)) == []


def test_a_file_that_is_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("shopping list\n", encoding="utf-8")
    assert_one_line_error(run(capsys, "review", "list", "--db", str(notes)), "not a review database")
    assert notes.read_text(encoding="utf-8") == "shopping list\n"


def test_default_database_and_env(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = run(capsys, "review", "list")
    assert status == 0 and "no reviews yet" in out and "factcheck-compare" in out
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "team.sqlite3"))
    status, out, _ = run(capsys, "review", "new", ORIGINAL, REWRITE, "--json")
    assert status == 0 and json.loads(out)["id"] == 1
    assert (tmp_path / "team.sqlite3").is_file()


def test_story_text_cannot_drive_the_terminal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The minister said taxes would rise.\n", encoding="utf-8")
    b.write_text("The minister said taxes \x1b[2J\x1b]0;pwned\x07would fall.\n", encoding="utf-8")
    db = str(tmp_path / "r.sqlite3")
    status, out, _ = run(capsys, "review", "new", str(a), str(b), "--db", db)
    assert status == 0
    status, out, _ = run(capsys, "review", "show", out.strip(), "--db", db)
    assert status == 0 and "\x1b" not in out and "\x07" not in out and "\\x1b" in out


def test_non_utf8_arguments_are_kept_as_replacement_characters(
    capsys: pytest.CaptureFixture[str], store_url: str
) -> None:
    # Python hands a non-UTF-8 byte of argv over as a lone surrogate ("\udcff").
    status, out, err = run(
        capsys, "review", "new", ORIGINAL, REWRITE, "--title", "caf\udcff", "--db", store_url, "--json"
    )
    assert status == 0, err
    created = json.loads(out)
    assert created["title"] == "caf\ufffd" and created["replaced_chars"] == 1
    rid = str(created["id"])
    status, out, err = run(
        capsys, "review", "verdict", rid, "c1", "Accurate", "--note", "ok \udcff", "--reviewer", "b\udcffb",
        "--db", store_url,
    )  # fmt: skip
    assert status == 0 and "Traceback" not in err, err
    status, out, _ = run(capsys, "review", "show", rid, "--db", store_url, "--json")
    verdict = json.loads(out)["changes"][0]["verdict"]
    assert (verdict["note"], verdict["reviewer"], verdict["replaced_chars"]) == ("ok \ufffd", "b\ufffdb", 2)
    status, out, _ = run(capsys, "review", "show", rid, "--db", store_url)
    assert status == 0 and "note: ok \ufffd" in out


def test_a_damaged_database_points_to_the_new_one_started_beside_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "reviews.sqlite3"
    notes.write_text("shopping list\n", encoding="utf-8")
    store, fresh = ReviewStore.open_fresh_beside(notes)
    store.close()
    status, _out, err = run(capsys, "review", "list", "--db", str(notes))
    assert_one_line_error((status, _out, err), "not a review database")
    assert f"--db {fresh}" in err
    assert run(capsys, "review", "list", "--db", str(fresh))[0] == 0
    assert notes.read_text(encoding="utf-8") == "shopping list\n"
