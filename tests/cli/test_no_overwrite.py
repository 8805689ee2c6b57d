"""An output path never lands on an input or on the review database (issue 16, items 1 and 2).

`export -o` and `compare -o` compare the output with every input and with the database and its
``-wal``/``-shm``/``-journal`` side files, through symbolic and hard links (device and inode when
the file exists, the resolved path otherwise). A match is refused with one line and exit
status 2, and the file keeps every byte. The app's File → Export runs `factcheck export` in a
child process, so it gets the same refusal. Real subprocesses and real files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from factcheck_gui.cli.common import CliError, refuse_overwrite
from tests.cli.test_cli_files import ORIGINAL, REWRITE, assert_usage_error, factcheck


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database in its own folder, holding the demo pair as review 1."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "reviews.sqlite3"
    out = factcheck("review", "new", ORIGINAL, REWRITE, "--db", str(path), cwd=folder)
    assert out.returncode == 0, out.stderr
    return path


@pytest.mark.parametrize("form", ["name", "relative", "url", "env"])
def test_export_onto_the_database_is_refused_and_the_database_kept(db: Path, form: str) -> None:
    before = digest(db)
    cwd = db.parent
    target = {"name": "reviews.sqlite3", "relative": "./sub/../reviews.sqlite3"}.get(form, str(db))
    (cwd / "sub").mkdir()
    db_args = {"url": ["--db", f"sqlite:///{db}"], "env": []}.get(form, ["--db", "reviews.sqlite3"])
    env = {"FACTCHECK_DB": str(db)} if form == "env" else None
    out = factcheck("export", "1", "--format", "csv", "-o", target, *db_args, cwd=cwd, extra_env=env)
    assert_usage_error(out, "review database")
    assert digest(db) == before
    assert factcheck("review", "list", "--db", str(db), cwd=cwd).returncode == 0


@pytest.mark.parametrize("side", ["-wal", "-shm", "-journal"])
@pytest.mark.parametrize("exists", [True, False])
def test_export_onto_a_side_file_of_the_database_is_refused(db: Path, side: str, exists: bool) -> None:
    target = db.with_name(db.name + side)
    if exists:
        target.write_bytes(b"side file of a live database")
    out = factcheck("export", "1", "--format", "md", "-o", target.name, "--db", str(db), cwd=db.parent)
    assert_usage_error(out, "review database")
    if exists:
        assert target.read_bytes() == b"side file of a live database"
    else:
        assert not target.exists()


def test_export_through_a_symbolic_link_to_the_database_is_refused(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "report.csv"
    link.symlink_to(db)
    before = digest(db)
    out = factcheck("export", "1", "--format", "csv", "-o", str(link), "--db", str(db), cwd=tmp_path)
    assert_usage_error(out, "review database")
    assert link.is_symlink() and digest(db) == before


def test_export_onto_a_hard_link_of_the_database_is_refused(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "report.csv"
    os.link(db, link)
    before = digest(db)
    out = factcheck("export", "1", "--format", "json", "-o", str(link), "--db", str(db), cwd=tmp_path)
    assert_usage_error(out, "review database")
    assert os.path.samefile(link, db) and digest(db) == before


def test_export_through_a_linked_folder_onto_a_missing_wal_is_refused(db: Path, tmp_path: Path) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(db.parent, target_is_directory=True)
    out = factcheck(
        "export",
        "1",
        "--format",
        "md",
        "-o",
        str(alias / "reviews.sqlite3-wal"),
        "--db",
        str(db),
        cwd=tmp_path,
    )
    assert_usage_error(out, "review database")
    assert not db.with_name("reviews.sqlite3-wal").exists()


def test_export_beside_the_database_still_works(db: Path) -> None:
    out = factcheck("export", "1", "--format", "csv", "-o", "reviews.csv", "--db", str(db), cwd=db.parent)
    assert out.returncode == 0, out.stderr
    assert (db.parent / "reviews.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_apps_export_in_a_child_process_is_refused_too(db: Path) -> None:
    from factcheck_gui.ui.shell.export_process import ExportProcessError, export_in_child

    before = digest(db)
    with pytest.raises(ExportProcessError, match="review database"):
        export_in_child(f"sqlite:///{db}", 1, "csv", db)
    assert digest(db) == before


@pytest.fixture
def stories(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "in.txt", tmp_path / "rew.txt"
    shutil.copy(ORIGINAL, a)
    shutil.copy(REWRITE, b)
    return a, b


@pytest.mark.parametrize("which", [0, 1])
def test_compare_onto_an_input_is_refused_and_the_story_kept(stories: tuple[Path, Path], which: int) -> None:
    a, b = stories
    before = [digest(a), digest(b)]
    out = factcheck("compare", a.name, b.name, "-o", stories[which].name, cwd=a.parent)
    assert_usage_error(out, "ORIGINAL" if which == 0 else "REWRITE")
    assert [digest(a), digest(b)] == before


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_compare_onto_a_link_to_an_input_is_refused(stories: tuple[Path, Path], link: str) -> None:
    a, b = stories
    out_path = a.parent / "result.json"
    if link == "symbolic":
        out_path.symlink_to(a)
    else:
        os.link(a, out_path)
    before = digest(a)
    out = factcheck("compare", str(a), str(b), "--format", "json", "-o", str(out_path), cwd=a.parent)
    assert_usage_error(out, "ORIGINAL")
    assert digest(a) == before


def test_compare_to_a_new_file_still_works(stories: tuple[Path, Path]) -> None:
    a, b = stories
    out = factcheck("compare", str(a), str(b), "-o", "result.txt", cwd=a.parent)
    assert out.returncode == 0, out.stderr
    assert (a.parent / "result.txt").read_text(encoding="utf-8").startswith("Factcheck Compare")


def test_the_helper_names_what_it_protects(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("x", encoding="utf-8")
    with pytest.raises(CliError) as err:
        refuse_overwrite(str(story), inputs={"ORIGINAL": str(story)})
    assert err.value.status == 2 and "\n" not in str(err.value)
    assert "ORIGINAL" in str(err.value) and "left unchanged" in str(err.value)
    # Standard output, standard input and URLs are no files to protect.
    refuse_overwrite(None, inputs={"ORIGINAL": str(story)})
    refuse_overwrite("-", inputs={"ORIGINAL": "-"})
    refuse_overwrite(str(tmp_path / "out.txt"), inputs={"ORIGINAL": "http://example.invalid/x"})
