"""The battery: bad inputs and faults run through the real `factcheck` command, each of which must hold.

Every case is a real subprocess on real files in a temporary folder. A refusal holds when the
command exits with status 2, prints exactly one line on standard error (no traceback, no
"unexpected error", no raw control or bidi character, no password), and every file the case
protects (its inputs, the database and its side files) keeps every byte; most cases also
require that nothing new appears in their folder. A few cases are inputs that must *work*
safely (a cp1252 or UTF-16 file is read correctly, a formula in a note reaches the CSV as
text, a database in a read-only folder is listed); each says what holding means for it.

    python -m pytest tests/test_battery.py -q        # part of the suite: fails if any case fails
    python tests/test_battery.py                     # the same, standalone: prints the count

Both print ``battery: N tried, N held``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

if __name__ == "__main__":  # standalone: make `tests.…` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.cli.test_cli_files import ORIGINAL, REWRITE, factcheck
from tests.importers.test_url_deadline import Server, endless_headers
from tests.store.test_read_only_folder import unprivileged

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RAW_CONTROL = {chr(c) for c in range(32) if c not in (9, 10)} | {chr(0x7F)} | set(BIDI)
URL_DEADLINE = 15.0  # what `factcheck compare URL` waits for a page at most


@dataclass
class Run:
    """One case, ready to run: the command and what must be true afterwards."""

    args: list[str]
    protect: list[Path] = field(default_factory=list)  # must keep every byte
    env: dict[str, str] = field(default_factory=dict)
    needle: str = ""  # the error line must contain it (case-insensitive)
    forbidden: tuple[str, ...] = ()  # never in the output (a password)
    max_seconds: float = 60.0
    same_folder: bool = True  # nothing created or removed in the case's folder
    # None: a refusal (status 2, one line); else a check of its own: a reason, or None when held.
    check: Callable[[subprocess.CompletedProcess[str], Path], str | None] | None = None
    unprivileged: bool = False  # run with root's permission overrides dropped


@dataclass
class Result:
    name: str
    held: bool
    reason: str = ""
    seconds: float = 0.0


@dataclass
class World:
    """What the cases share: a stored review, its JSON file, and servers on loopback."""

    root: Path
    db_template: Path
    review_json: dict  # type: ignore[type-arg]
    slow_http_port: int
    frozen_port: int
    closed_port: int


CASES: list[tuple[str, Callable[[Path, World], Run]]] = []
# Cases known not to hold yet, by name: the open problem each shows. They are run and counted
# (tried, not held) but do not fail the test; one that starts to hold is reported, so its entry
# here can go.
KNOWN: dict[str, str] = {}


def case(
    name: str, *, known: str = ""
) -> Callable[[Callable[[Path, World], Run]], Callable[[Path, World], Run]]:
    def register(build: Callable[[Path, World], Run]) -> Callable[[Path, World], Run]:
        CASES.append((name, build))
        if known:
            KNOWN[name] = known
        return build

    return register


def permissions_enforced() -> bool:
    """True when a read-only folder stops this test's commands (not root, or root with setpriv)."""
    return not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv") is None)


def copy_db(d: Path, w: World, name: str = "reviews.sqlite3") -> Path:
    db = d / name
    shutil.copy(w.db_template, db)
    return db


def stories(d: Path) -> tuple[Path, Path]:
    a, b = d / "in.txt", d / "rew.txt"
    shutil.copy(ORIGINAL, a)
    shutil.copy(REWRITE, b)
    return a, b


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def review_file(
    d: Path, w: World, mutate: Callable[[dict], None] | None = None, name: str = "review.json"
) -> Path:  # type: ignore[type-arg]
    data = json.loads(json.dumps(w.review_json))
    if mutate is not None:
        mutate(data)
    return write(d / name, json.dumps(data, allow_nan=True))


def succeeded(
    expect: Callable[[str], str | None],
) -> Callable[[subprocess.CompletedProcess[str], Path], str | None]:
    """A check for a case that must work: status 0, a clean standard error, then ``expect(stdout)``."""

    def check(out: subprocess.CompletedProcess[str], _d: Path) -> str | None:
        if out.returncode != 0:
            return f"status {out.returncode}: {out.stderr.strip()[:300]}"
        if "Traceback" in out.stderr:
            return "a traceback"
        return expect(out.stdout)

    return check


# -- outputs onto inputs and the database (issue 16, items 1 and 2) -----------------------------


@case("export -o onto the database")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    return Run(
        ["export", "1", "--format", "csv", "-o", "reviews.sqlite3", "--db", f"sqlite:///{db}"],
        [db],
        needle="review database",
    )


@case("export -o onto the database named by FACTCHECK_DB (the app's File → Export)")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    return Run(
        ["export", "1", "--format", "pdf", "-o", str(db)],
        [db],
        env={"FACTCHECK_DB": str(db)},
        needle="review database",
    )


for _side in ("-wal", "-shm"):

    @case(f"export -o onto the database's existing {_side} file")
    def _(d: Path, w: World, side: str = _side) -> Run:
        db = copy_db(d, w)
        extra = write(d / f"reviews.sqlite3{side}", b"live side file")
        return Run(
            ["export", "1", "--format", "md", "-o", extra.name, "--db", str(db)],
            [db, extra],
            needle="review database",
        )


@case("export -o onto the database's -journal (not there yet)")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    return Run(
        ["export", "1", "--format", "json", "-o", "reviews.sqlite3-journal", "--db", str(db)],
        [db],
        needle="review database",
    )


@case("export -o onto a symbolic link to the database")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    (d / "report.csv").symlink_to(db)
    return Run(
        ["export", "1", "--format", "csv", "-o", "report.csv", "--db", str(db)],
        [db],
        needle="review database",
    )


@case("export -o onto a hard link to the database")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    os.link(db, d / "report.csv")
    return Run(
        ["export", "1", "--format", "audit", "-o", "report.csv", "--db", str(db)],
        [db, d / "report.csv"],
        needle="review database",
    )


@case("compare -o onto ORIGINAL")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(["compare", "in.txt", "rew.txt", "-o", "in.txt"], [a, b], needle="ORIGINAL")


@case("compare -o onto a symbolic link to REWRITE")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    (d / "out.html").symlink_to(b)
    return Run(
        ["compare", "in.txt", "rew.txt", "--format", "html", "-o", "out.html"], [a, b], needle="REWRITE"
    )


@case("compare -o onto a hard link to ORIGINAL")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    os.link(a, d / "out.json")
    return Run(
        ["compare", "in.txt", "rew.txt", "--format", "json", "-o", "out.json"], [a, b], needle="ORIGINAL"
    )


# -- URLs (items 3 and 7) --------------------------------------------------------------------------


@case("a URL whose server trickles its headers one byte a second")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(
        ["compare", f"http://127.0.0.1:{w.slow_http_port}/story", "rew.txt"],
        [a, b],
        needle="timed out",
        max_seconds=URL_DEADLINE + 8,
    )


@case("a malformed URL with a password (http://user:pw@[::1:bad/x)")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(
        ["compare", "http://user:pw@[::1:bad/x", "rew.txt"],
        [a, b],
        needle="not a valid web address",
        forbidden=(":pw",),
    )


@case("a URL where nothing listens")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(["compare", f"http://127.0.0.1:{w.closed_port}/x", "rew.txt"], [a, b], needle="refused")


@case("a URL of another scheme (file:///etc/passwd)")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(["compare", "file:///etc/passwd", "rew.txt"], [a, b], needle="only http")


# -- review files (item 5 and the size cap) ---------------------------------------------------------


def _set_similarity(value: float) -> Callable[[dict], None]:  # type: ignore[type-arg]
    def mutate(data: dict) -> None:  # type: ignore[type-arg]
        data["comparison"]["changes"][0]["similarity"] = value

    return mutate


@case("import-review with NaN similarity")
def _(d: Path, w: World) -> Run:
    f = review_file(d, w, _set_similarity(float("nan")))
    return Run(
        ["import-review", f.name, "--db", str(d / "new.sqlite3")],
        [f],
        needle="comparison.changes[0].similarity",
    )


@case("import-review with -Infinity similarity")
def _(d: Path, w: World) -> Run:
    f = review_file(d, w, _set_similarity(float("-inf")))
    return Run(["import-review", f.name, "--db", str(d / "new.sqlite3")], [f], needle="not a finite number")


@case("import-review of a file over the size cap")
def _(d: Path, w: World) -> Run:
    f = write(d / "big.json", b"{" + b" " * (3 * 1024 * 1024) + b"}")
    return Run(
        ["import-review", f.name, "--db", str(d / "new.sqlite3")],
        [f],
        env={"FACTCHECK_MAX_IMPORT_MB": "0.25"},
        needle="too large",
    )


@case("import-review of binary garbage")
def _(d: Path, w: World) -> Run:
    f = write(d / "garbage.json", bytes(range(256)) * 64)
    return Run(["import-review", f.name, "--db", str(d / "new.sqlite3")], [f], needle="not a review file")


@case("import-review of invalid JSON")
def _(d: Path, w: World) -> Run:
    f = write(d / "broken.json", '{"schema": "factcheck.review/1", ')
    return Run(["import-review", f.name, "--db", str(d / "new.sqlite3")], [f], needle="invalid JSON")


@case("import-review of JSON nested 100,000 deep")
def _(d: Path, w: World) -> Run:
    f = write(d / "deep.json", "[" * 100_000 + "]" * 100_000)
    return Run(["import-review", f.name, "--db", str(d / "new.sqlite3")], [f], needle="not a review file")


@case("import-review of a newer review file version")
def _(d: Path, w: World) -> Run:
    def newer(data: dict) -> None:  # type: ignore[type-arg]
        data["schema"] = "factcheck.review/9"

    f = review_file(d, w, newer)
    return Run(["import-review", f.name, "--db", str(d / "new.sqlite3")], [f], needle="newer version")


@case("import-review of a folder")
def _(d: Path, w: World) -> Run:
    (d / "folder.json").mkdir()
    return Run(["import-review", "folder.json", "--db", str(d / "new.sqlite3")], needle="folder")


# -- the team database (item 6) --------------------------------------------------------------------


@case("a team database port where nothing listens")
def _(d: Path, w: World) -> Run:
    return Run(
        ["review", "list", "--db", f"postgresql://ann:secret@127.0.0.1:{w.closed_port}/team"],
        needle=f"team database at 127.0.0.1:{w.closed_port}",
        forbidden=("secret",),
        max_seconds=15,
    )


@case("a frozen team database (accepts, never answers)")
def _(d: Path, w: World) -> Run:
    return Run(
        ["review", "list", "--db", f"postgresql://ann:secret@127.0.0.1:{w.frozen_port}/team"],
        env={"FACTCHECK_DB_TIMEOUT": "2"},
        needle="did not answer in 2 s",
        forbidden=("secret",),
        max_seconds=15,
    )


@case("a bad FACTCHECK_DB_TIMEOUT")
def _(d: Path, w: World) -> Run:
    return Run(
        ["review", "list", "--db", f"postgresql://127.0.0.1:{w.frozen_port}/team"],
        env={"FACTCHECK_DB_TIMEOUT": "soon"},
        needle="FACTCHECK_DB_TIMEOUT",
    )


# -- names and text (item 8, bidi) ------------------------------------------------------------------


@case("a missing file whose name holds a newline, ESC and BEL")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(["compare", "x\ny\x1b[31m\x07.txt", "rew.txt"], [a, b], needle="no such file")


@case("an empty file whose name holds ESC")
def _(d: Path, w: World) -> Run:
    f = write(d / "e\x1b[2Jmpty.txt", b"")
    a, b = stories(d)
    return Run(["compare", f.name, "rew.txt"], [a, b, f], needle="empty")


@case("a story with a RIGHT-TO-LEFT OVERRIDE is shown escaped")
def _(d: Path, w: World) -> Run:
    a = write(d / "a.txt", "The minister said 5 people left.\n")
    b = write(d / "b.txt", "The minister said \u202e7 people left.\n")

    def expect(stdout: str) -> str | None:
        if any(c in stdout for c in BIDI):
            return "a raw bidi control in the output"
        return None if "\\u202e" in stdout else "the override is not shown"

    return Run(["compare", "a.txt", "b.txt", "--all"], [a, b], check=succeeded(expect))


# -- CSV formulas (item 4) -----------------------------------------------------------------------


@case("a note and reviewer name starting ' =HYPERLINK(' reach the CSV as text")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    out = factcheck(
        "review",
        "verdict",
        "1",
        "c1",
        "accurate",
        "--note",
        ' =HYPERLINK("http://evil.example","x")',
        "--reviewer",
        "\t=1+1",
        "--db",
        str(db),
        cwd=d,
    )
    assert out.returncode == 0, out.stderr

    def expect(stdout: str) -> str | None:
        cells = [c for row in csv.reader(io.StringIO(stdout.lstrip("\ufeff"), newline="")) for c in row]
        live = [c for c in cells if c.lstrip().startswith(("=", "+", "@")) and not c.startswith("'")]
        if live:
            return f"live formula cells: {live[:3]}"
        return None if '\' =HYPERLINK("http://evil.example","x")' in cells else "the note is missing"

    return Run(
        ["export", "1", "--format", "csv", "--db", str(db)], check=succeeded(expect), same_folder=False
    )


# -- files as inputs --------------------------------------------------------------------------------


@case("an empty file")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    e = write(d / "empty.txt", b"")
    return Run(["compare", "empty.txt", "rew.txt"], [a, b, e], needle="empty")


@case("a whitespace-only file")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    e = write(d / "blank.txt", " \n\t\n  \n")
    return Run(["compare", "in.txt", "blank.txt"], [a, b, e], needle="empty")


@case("identical texts say so")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)

    def expect(stdout: str) -> str | None:
        return None if "same claims in the same order" in stdout else "no word that the texts are the same"

    return Run(["compare", "in.txt", "in.txt"], [a, b], check=succeeded(expect))


@case("binary garbage")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    g = write(d / "garbage.txt", bytes((i * 131 + 7) % 256 for i in range(20_000)))
    return Run(["compare", "garbage.txt", "rew.txt"], [a, b, g], needle="binary")


@case("a cp1252 file is read as cp1252")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    f = write(d / "cp.txt", "Le café coûte 5 € de plus. Le ministre a dit « oui ».\n".encode("cp1252"))

    def expect(stdout: str) -> str | None:
        return None if "café coûte 5 €" in stdout else "the text was not decoded as cp1252"

    return Run(["compare", "cp.txt", "rew.txt", "--all"], [a, b, f], check=succeeded(expect))


@case("a UTF-16 file without a byte-order mark is read as UTF-16")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    f = write(d / "u16.txt", "The council met on Tuesday. Five people left the hall.\n".encode("utf-16-le"))

    def expect(stdout: str) -> str | None:
        return None if "The council met on Tuesday." in stdout else "the text was not decoded as UTF-16"

    return Run(["compare", "u16.txt", "rew.txt", "--all"], [a, b, f], check=succeeded(expect))


@case("a 25 MB file")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    line = b"The council met on Tuesday and five people left the hall early. "
    big = write(d / "big.txt", line * (25 * 1024 * 1024 // len(line) + 1))
    return Run(["compare", "big.txt", "rew.txt"], [a, b, big], needle="too large")


@case("a directory as input")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    (d / "folder").mkdir()
    return Run(["compare", "folder", "rew.txt"], [a, b], needle="directory")


@case("a missing file")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(["compare", "in.txt", "nope.txt"], [a, b], needle="no such file")


@case("a broken symbolic link")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    (d / "gone.txt").symlink_to(d / "never-there.txt")
    return Run(["compare", "gone.txt", "rew.txt"], [a, b], needle="broken link")


@case("both sides from standard input")
def _(d: Path, w: World) -> Run:
    return Run(["compare", "-", "-"], needle="standard input")


@case("a bad FACTCHECK_MAX_IMPORT_MB")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(
        ["compare", "in.txt", "rew.txt"],
        [a, b],
        env={"FACTCHECK_MAX_IMPORT_MB": "lots"},
        needle="FACTCHECK_MAX_IMPORT_MB",
    )


# -- databases --------------------------------------------------------------------------------------


@case("a corrupt database (damaged pages)")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    data = bytearray(db.read_bytes())
    page = 4096
    data[page : 3 * page] = bytes((i * 37) % 256 for i in range(2 * page))
    db.write_bytes(bytes(data))
    return Run(["review", "list", "--db", str(db)], [db], needle="damaged")


@case("a text file given as the database")
def _(d: Path, w: World) -> Run:
    db = write(d / "notes.db", "my notes, not a database\n")
    return Run(["review", "list", "--db", str(db)], [db], needle="not a review database")


@case("a newer-schema database")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042_future'")
    conn.close()
    return Run(["review", "show", "1", "--db", str(db)], [db], needle="newer version")


@case("a database in a missing folder")
def _(d: Path, w: World) -> Run:
    return Run(["review", "list", "--db", str(d / "missing" / "reviews.sqlite3")], needle="does not exist")


@case("a database that is a folder")
def _(d: Path, w: World) -> Run:
    (d / "reviews.sqlite3").mkdir()
    return Run(["review", "list", "--db", str(d / "reviews.sqlite3")], needle="folder")


@case("a review id that does not exist")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    return Run(["export", "99", "--format", "md", "--db", str(db)], [db], needle="99", same_folder=False)


@case("a verdict that is not on the scale")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    return Run(
        ["review", "verdict", "1", "c1", "maybe-ish", "--db", str(db)], needle="scale", same_folder=False
    )


def _locked_folder(d: Path, w: World) -> Path:
    folder = d / "shared"
    folder.mkdir()
    db = copy_db(folder, w)
    folder.chmod(0o555)
    return db


def _unlock(d: Path) -> None:
    shared = d / "shared"
    if shared.exists():
        shared.chmod(0o755)


@case("a database in a read-only folder is listed, with a note")
def _(d: Path, w: World) -> Run:
    db = _locked_folder(d, w)

    def check(out: subprocess.CompletedProcess[str], _d: Path) -> str | None:
        if out.returncode != 0:
            return f"status {out.returncode}: {out.stderr.strip()[:300]}"
        lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
        if len(lines) != 1 or "verdicts cannot be saved" not in lines[0]:
            return f"no one-line note: {out.stderr!r}"
        if sorted(p.name for p in db.parent.iterdir()) != ["reviews.sqlite3"]:
            return "files were created beside the database"
        return None

    return Run(["review", "list", "--db", str(db)], [db], check=check, unprivileged=True)


@case("a verdict into a database in a read-only folder")
def _(d: Path, w: World) -> Run:
    db = _locked_folder(d, w)
    return Run(
        ["review", "verdict", "1", "c1", "accurate", "--db", str(db)],
        [db],
        needle="cannot be saved",
        unprivileged=True,
    )


# -- output paths -----------------------------------------------------------------------------------


@case("-o into a missing folder")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    return Run(["compare", "in.txt", "rew.txt", "-o", "missing/out.txt"], [a, b], needle="does not exist")


@case("-o onto a read-only file")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    target = write(d / "report.md", "keep me\n")
    target.chmod(0o444)
    return Run(
        ["export", "1", "--format", "md", "-o", "report.md", "--db", str(db)],
        [db, target],
        needle="read-only",
    )


@case("-o onto a folder")
def _(d: Path, w: World) -> Run:
    a, b = stories(d)
    (d / "out").mkdir()
    return Run(["compare", "in.txt", "rew.txt", "-o", "out"], [a, b], needle="folder")


@case("a killed export's stale .part file is removed by the next export")
def _(d: Path, w: World) -> Run:
    from factcheck_gui.exporters.common import part_name

    db = copy_db(d, w)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    stale = write(d / part_name("report.pdf", pid=child.pid), b"")

    def check(out: subprocess.CompletedProcess[str], _d: Path) -> str | None:
        if out.returncode != 0:
            return f"status {out.returncode}: {out.stderr.strip()[:300]}"
        if stale.exists():
            return "the stale .part file is still there"
        return None if (d / "report.md").is_file() else "no report"

    return Run(
        ["export", "1", "--format", "md", "-o", "report.md", "--db", str(db)],
        [db],
        check=check,
        same_folder=False,
    )


@case("an unknown export format")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    return Run(["export", "1", "--format", "docx", "--db", str(db)], [db], needle="invalid choice")


@case("review id 0")
def _(d: Path, w: World) -> Run:
    db = copy_db(d, w)
    return Run(["export", "0", "--format", "pdf", "--db", str(db)], [db], needle="review id")


# -- running ----------------------------------------------------------------------------------------


def _listing(d: Path) -> list[str]:
    return sorted(str(p.relative_to(d)) for p in d.rglob("*"))


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _refusal(run: Run, out: subprocess.CompletedProcess[str]) -> str | None:
    if out.returncode != 2:
        return f"status {out.returncode}, not 2: {out.stderr.strip()[:300]}"
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    if len(lines) != 1:
        return f"{len(lines)} lines on standard error: {out.stderr[:300]!r}"
    line = lines[0]
    if "Traceback" in out.stderr or "unexpected error" in line:
        return f"not a clean refusal: {line[:300]}"
    if run.needle and run.needle.lower() not in line.lower():
        return f"{run.needle!r} not in: {line[:300]}"
    return None


def _one(name: str, build: Callable[[Path, World], Run], w: World, index: int) -> Result:
    d = w.root / f"case{index:02d}"
    d.mkdir()
    start = time.monotonic()
    try:
        run = build(d, w)
        before = {p: _digest(p) for p in run.protect}
        listed = _listing(d)
        if run.unprivileged:
            if not permissions_enforced():
                return Result(name, False, "root without setpriv: a read-only folder cannot be made")
            out = unprivileged(*run.args, cwd=d)
        else:
            out = factcheck(*run.args, cwd=d, extra_env=run.env)
        seconds = time.monotonic() - start
        reason = run.check(out, d) if run.check is not None else _refusal(run, out)
        text = out.stdout + out.stderr
        if reason is None:
            raw = sorted({repr(c) for c in out.stderr if c in RAW_CONTROL})
            if raw:
                reason = f"raw control characters on standard error: {raw}"
        if reason is None and any(f in text for f in run.forbidden):
            reason = "the output shows what it must not (a password)"
        if reason is None:
            changed = [p.name for p, h in before.items() if _digest(p) != h]
            if changed:
                reason = f"changed: {changed}"
        if reason is None and run.same_folder and _listing(d) != listed:
            reason = f"the folder changed: {sorted(set(_listing(d)) ^ set(listed))}"
        if reason is None and seconds > run.max_seconds:
            reason = f"took {seconds:.1f} s (at most {run.max_seconds:g} s)"
        return Result(name, reason is None, reason or "", seconds)
    except Exception as exc:  # a case that cannot even run does not hold
        return Result(name, False, f"{type(exc).__name__}: {exc}", time.monotonic() - start)
    finally:
        _unlock(d)


@contextmanager
def world(root: Path) -> Iterator[World]:
    """The shared review database, review file and loopback servers for one battery run."""
    seed = root / "seed"
    seed.mkdir(parents=True)
    db = seed / "reviews.sqlite3"
    out = factcheck("review", "new", ORIGINAL, REWRITE, "--db", str(db), "--title", "Battery", cwd=seed)
    assert out.returncode == 0, out.stderr
    out = factcheck("export", "1", "--format", "json", "--db", str(db), cwd=seed)
    assert out.returncode == 0, out.stderr
    with ExitStack() as stack:
        slow = Server(endless_headers)
        stack.callback(slow.close)
        frozen = Server(lambda conn, stop: stop.wait(60))
        stack.callback(frozen.close)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed = int(s.getsockname()[1])
        yield World(root, db, json.loads(out.stdout), slow.port, frozen.port, closed)


def run_battery(root: Path, workers: int = 3) -> list[Result]:
    """Every case, a few at a time (they wait on subprocesses and servers, not on the CPU)."""
    with world(root) as w, ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(_one, name, build, w, i) for i, (name, build) in enumerate(CASES)]
        return [f.result() for f in futures]


def summary(results: list[Result]) -> str:
    line = f"battery: {len(results)} tried, {sum(r.held for r in results)} held"
    known = sum(1 for r in results if not r.held and r.name in KNOWN)
    return line + (f" ({known} known not to hold yet)" if known else "")


def report(results: list[Result]) -> str:
    lines = [summary(results)]
    for r in results:
        if not r.held:
            tag = "KNOWN, NOT HELD" if r.name in KNOWN else "DID NOT HOLD"
            lines.append(
                f"  {tag}: {r.name}: {r.reason}" + (f" [{KNOWN[r.name]}]" if r.name in KNOWN else "")
            )
        elif r.name in KNOWN:
            lines.append(f"  NOW HOLDS (remove it from KNOWN): {r.name}")
    return "\n".join(lines)


def test_every_bad_input_and_fault_holds(
    tmp_path: Path, record_property: Callable[[str, object], None], capsys: object
) -> None:
    results = run_battery(tmp_path)
    record_property("battery", summary(results))
    with capsys.disabled():  # type: ignore[attr-defined]
        print("\n" + report(results))
    assert len(results) == len(CASES) >= 50
    assert all(r.held for r in results if r.name not in KNOWN), report(results)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="factcheck-battery-") as tmp:
        home = Path(tmp) / "home"
        for var, sub in (
            ("HOME", ""),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_CACHE_HOME", ".cache"),
        ):
            os.environ[var] = str(home / sub) if sub else str(home)
        os.environ.pop("FACTCHECK_DB", None)
        results = run_battery(Path(tmp) / "cases")
    print(report(results))
    return 0 if all(r.held for r in results if r.name not in KNOWN) else 1


if __name__ == "__main__":
    sys.exit(main())
