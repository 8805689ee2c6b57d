"""What the CLI does to the file system: `--db` values, output files' modes, exit codes for bad
output paths, a PDF refused on a terminal, and the counts it prints. Real subprocesses, real files."""

from __future__ import annotations

import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
ORIGINAL, REWRITE = str(SAMPLES / "original.txt"), str(SAMPLES / "rewrite.txt")


def factcheck(
    *args: str, cwd: Path, umask: int | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``factcheck ARGS`` in a fresh process (the test's isolated HOME/XDG folders apply)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
        env=env,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def assert_usage_error(out: subprocess.CompletedProcess[str], needle: str) -> None:
    assert out.returncode == 2, out
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    assert needle.lower() in lines[0].lower(), lines[0]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """An empty working directory: whatever a command creates by mistake shows up here."""
    d = tmp_path / "work"
    d.mkdir()
    return d


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A database holding the demo pair as review 1: (url, review id)."""
    db = tmp_path_factory.mktemp("db") / "reviews.sqlite3"
    out = factcheck("review", "new", ORIGINAL, REWRITE, "--db", str(db), cwd=db.parent)
    assert out.returncode == 0, out.stderr
    return str(db), out.stdout.strip()


# -- item: --db --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["notaurl", "file:/tmp/factcheck-x.db", "mysql://h/db"])
def test_db_that_is_no_database_is_refused_and_creates_nothing(value: str, work: Path) -> None:
    for args in (("review", "list"), ("export", "1", "--format", "md")):
        assert_usage_error(factcheck(*args, "--db", value, cwd=work), "database")
    assert list(work.iterdir()) == []
    assert not Path("/tmp/factcheck-x.db").exists()


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("postgresql://u:secret@host:notaport/db", "not a database URL: port 'notaport' is not a number"),
        ("postgresql://u:secret@host:/db", "not a database URL: the port after ':' is empty"),
        ("postgresql://u:secret@host:99999/db", "not a database URL: port 99999 is out of range"),
    ],
)
def test_a_database_url_with_a_bad_port_is_one_line(value: str, needle: str, work: Path) -> None:
    # It used to escape as "unexpected error: ValueError: invalid literal for int()".
    for out in (
        factcheck("review", "list", cwd=work, extra_env={"FACTCHECK_DB": value}),
        factcheck("review", "list", "--db", value, cwd=work),
    ):
        assert_usage_error(out, needle)
        assert "secret" not in out.stderr and "unexpected" not in out.stderr
    assert list(work.iterdir()) == []


def test_db_in_a_missing_folder_is_refused_and_creates_nothing(work: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    for value in (
        f"sqlite:///{missing / 'x.db'}",
        str(missing / "x.db"),
        f"sqlite:///file:{missing / 'x.db'}?uri=true",
    ):
        for args in (
            ("review", "list"),
            ("review", "new", ORIGINAL, REWRITE),
            ("export", "1", "--format", "csv"),
        ):
            assert_usage_error(factcheck(*args, "--db", value, cwd=work), "does not exist")
    assert not (tmp_path / "nonexistent").exists()
    assert list(work.iterdir()) == []


def test_default_database_folder_is_still_created(work: Path) -> None:
    default = Path(os.environ["XDG_DATA_HOME"]) / "factcheck-compare"
    assert not default.exists()
    out = factcheck("review", "list", cwd=work)
    assert out.returncode == 0 and "no reviews yet" in out.stdout, out
    assert (default / "reviews.sqlite3").is_file()


def test_read_only_uri_database_is_read_and_creates_no_file_folder(
    stored: tuple[str, str], work: Path
) -> None:
    db, rid = stored
    out = factcheck("review", "list", "--db", f"sqlite:///file:{db}?mode=ro&uri=true", cwd=work)
    assert out.returncode == 0 and f"   {rid}  open" in out.stdout, out
    assert list(work.iterdir()) == []


# -- item: output file modes -------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_new_output_files_get_the_umask_mode(stored: tuple[str, str], work: Path, umask: int) -> None:
    db, rid = stored
    cmp, md = work / "compare.json", work / "report.md"
    assert (
        factcheck(
            "compare", ORIGINAL, REWRITE, "--format", "json", "-o", str(cmp), cwd=work, umask=umask
        ).returncode
        == 0
    )
    assert (
        factcheck(
            "export", rid, "--format", "md", "-o", str(md), "--db", db, cwd=work, umask=umask
        ).returncode
        == 0
    )
    assert mode(cmp) == mode(md) == 0o666 & ~umask
    assert sorted(p.name for p in work.iterdir()) == ["compare.json", "report.md"]  # no temp files left


@pytest.mark.parametrize("kept", [0o600, 0o664, 0o640])
def test_replaced_output_files_keep_their_mode(stored: tuple[str, str], work: Path, kept: int) -> None:
    db, rid = stored
    cmp, md = work / "compare.txt", work / "report.md"
    for f in (cmp, md):
        f.write_text("old\n", encoding="utf-8")
        f.chmod(kept)
    assert factcheck("compare", ORIGINAL, REWRITE, "-o", str(cmp), cwd=work, umask=0o022).returncode == 0
    assert (
        factcheck(
            "export", rid, "--format", "md", "-o", str(md), "--db", db, cwd=work, umask=0o022
        ).returncode
        == 0
    )
    assert mode(cmp) == mode(md) == kept
    assert cmp.read_text(encoding="utf-8") != "old\n" and md.read_text(encoding="utf-8") != "old\n"


# -- item: exit codes for output paths; PDF on a terminal --------------------------------------


def test_unwritable_output_paths_are_usage_errors(
    stored: tuple[str, str], work: Path, tmp_path: Path
) -> None:
    db, rid = stored
    (work / "file.txt").write_text("x", encoding="utf-8")
    bad = {
        str(tmp_path): "folder",  # a folder
        str(tmp_path / "missing" / "out.txt"): "does not exist",
        str(work / "file.txt" / "out.txt"): "not a folder",
    }
    for target, needle in bad.items():
        assert_usage_error(factcheck("compare", ORIGINAL, REWRITE, "-o", target, cwd=work), needle)
        assert_usage_error(
            factcheck("export", rid, "--format", "md", "-o", target, "--db", db, cwd=work), needle
        )
    assert not (tmp_path / "missing").exists()


def test_pdf_is_not_written_to_a_terminal(stored: tuple[str, str], work: Path) -> None:
    db, rid = stored
    for extra in ((), ("-o", "-")):
        master, slave = pty.openpty()
        try:
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "factcheck_gui.cli",
                    "export",
                    rid,
                    "--format",
                    "pdf",
                    "--db",
                    db,
                    *extra,
                ],
                stdout=slave,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
                cwd=work,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
        finally:
            os.close(slave)
        written = b""
        try:
            while chunk := os.read(master, 65536):
                written += chunk
        except OSError:  # the terminal's other end is closed: everything was read
            pass
        finally:
            os.close(master)
        assert proc.returncode == 2 and "terminal" in proc.stderr, proc
        assert b"%PDF" not in written and written == b""
    # Redirected to a file it is written.
    out = subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", "export", rid, "--format", "pdf", "--db", db],
        capture_output=True,
        timeout=120,
        cwd=work,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0 and out.stdout.startswith(b"%PDF"), out.stderr


# -- item: counts in the text output -----------------------------------------------------------


def test_counts_are_singular_or_plural(work: Path) -> None:
    one = work / "one.txt"
    one.write_text("The council met on Tuesday.\n", encoding="utf-8")
    out = factcheck("compare", str(one), str(one), cwd=work)
    assert out.returncode == 0, out.stderr
    assert "(1 claim) →" in out.stdout and out.stdout.count("(1 claim)") == 2
    assert "1 change: 1 unchanged · 0 fact flags" in out.stdout
    assert "(1 unchanged claim not shown; --all shows them)" in out.stdout

    a, b = work / "a.txt", work / "b.txt"
    a.write_text("The council met on Tuesday.\n\nFive people left the hall.\n", encoding="utf-8")
    b.write_text("The council met on Tuesday.\n\nSeven people left the hall.\n", encoding="utf-8")
    out = factcheck("compare", str(a), str(b), cwd=work)
    assert "(2 claims) →" in out.stdout and "2 changes:" in out.stdout and "· 1 fact flag\n" in out.stdout
    assert "(1 unchanged claim not shown" in out.stdout

    db = work / "r.sqlite3"
    assert factcheck("review", "new", str(a), str(b), "--db", str(db), cwd=work).returncode == 0
    out = factcheck("review", "show", "1", "--db", str(db), cwd=work)
    assert "(1 unchanged claim not shown; --all shows them)" in out.stdout, out
    out = factcheck("review", "show", "1", "--all", "--db", str(db), cwd=work)
    assert "not shown" not in out.stdout
