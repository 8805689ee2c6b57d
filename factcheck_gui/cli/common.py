"""Helpers every `factcheck` sub-command shares: errors, input loading, output writing."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

# Files SQLite keeps beside a database while it is in use: replacing one loses or corrupts data.
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")
# Folders that cannot hold two names differing only in case (so "Reviews.db" is "reviews.db").
_CASE_BLIND = sys.platform in ("win32", "darwin")


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status ``status`` (2 by default)."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def write_output(text: str, path: str | None) -> None:
    """Print to stdout, or write ``path`` atomically (temp file + rename, never half a file).

    The file is written like every export (:func:`factcheck_gui.exporters.common.write_atomic`):
    a new file gets the umask's usual mode, a replaced one keeps its own. A path that cannot take
    the file is bad usage (exit status 2); a failed write (disk full) exits 1.
    """
    if not path or path == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    # Imported here: the exporters pull in the store's records, which `compare` to stdout never needs.
    from factcheck_gui.exporters.common import ExportError, OutputPathError, write_atomic

    data = text.encode("utf-8")

    def produce(stream: IO[bytes]) -> None:
        stream.write(data)

    try:
        write_atomic(path, produce)
    except OutputPathError as exc:
        raise CliError(str(exc)) from None
    except ExportError as exc:
        raise CliError(str(exc), status=1) from None


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file ``path`` names, through symbolic links; None when it has none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when writing ``a`` would replace the file ``b`` (or the file ``b`` will be).

    Existing files are compared by device and inode, so symbolic links, hard links and bind
    mounts all count; a file that does not exist yet (a database's ``-wal`` between sessions, a
    dangling link) by its resolved path, the folder compared by inode too.
    """
    pa, pb = Path(a), Path(b)
    ia, ib = _identity(pa), _identity(pb)
    if ia is not None and ib is not None:
        return ia == ib
    if ia is not None or ib is not None:
        return False  # one exists and the other does not: two names for two files
    ra, rb = _resolved(pa), _resolved(pb)
    if ra == rb:
        return True
    na, nb = (ra.name.casefold(), rb.name.casefold()) if _CASE_BLIND else (ra.name, rb.name)
    if na != nb:
        return False
    fa, fb = _identity(ra.parent), _identity(rb.parent)
    return fa is not None and fa == fb


def database_files(path: str | os.PathLike[str] | None) -> dict[str, Path]:
    """An SQLite database and the side files SQLite keeps beside it, by what they are."""
    if path is None:
        return {}
    db = Path(path)
    files = {"the review database": db}
    for suffix in SQLITE_SIDE_FILES:
        files[f"the review database's {suffix[1:]} file"] = db.with_name(db.name + suffix)
    return files


def refuse_overwrite(
    output: str | None,
    *,
    inputs: Mapping[str, str] | None = None,
    database: str | os.PathLike[str] | None = None,
    protected: Iterable[tuple[str, str | os.PathLike[str]]] = (),
) -> None:
    """Refuse (:class:`CliError`, exit status 2) an output path that is an input or the database.

    ``inputs`` maps a role ("ORIGINAL") to the path given for it; standard input (``-``) and
    URLs are no files. ``database`` is the SQLite file, protected with its ``-wal``, ``-shm``
    and ``-journal`` files. Standard output (``None``, ``-``) is never refused. Every command
    that writes a file calls this first, so nothing it writes can land on what it reads; the
    app's File → Export runs `factcheck export` and is covered too.
    """
    if not output or output == "-":
        return
    guarded: list[tuple[str, str | os.PathLike[str]]] = []
    for role, spec in (inputs or {}).items():
        if spec and spec != "-" and not _URL.match(spec):
            guarded.append((f"the {role} input", spec))
    guarded.extend(database_files(database).items())
    guarded.extend(protected)
    for what, path in guarded:
        if same_file(output, path):
            raise CliError(
                f"not writing {output}: it is {what} ({path}); it was left unchanged. "
                "Choose another file for -o."
            )
