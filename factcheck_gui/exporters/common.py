"""What every export format shares: the error type, atomic writes, and views of a review's changes."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import socket
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

from factcheck_gui.engine.types import Change, ChangeKind, Comparison, DiffOpKind, FlagChange


class ExportError(ValueError):
    """An export or import the user can fix; ``str(exc)`` is one line. Nothing on disk was harmed."""


_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls (but tab, LF, CR) and DEL are invalid in HTML and unprintable in a PDF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Unicode bidi controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
# the left-to-right and right-to-left marks (U+200E/F) and the Arabic letter mark (U+061C). An
# override makes a line read in an order other than the one it is stored in ("exe.txt" shown
# for "txt.exe"); every human-readable export shows them as their code point instead.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def show_bidi(s: str) -> str:
    """``s`` with every bidi control written out as ``[U+202E]`` (visible, and inert)."""
    return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", s)


def clean_chars(s: str) -> str:
    """``s`` with lone surrogates and control characters shown as U+FFFD; bidi controls kept.

    For structured data a program reads (ClaimReview JSON-LD), where a right-to-left mark is
    part of the text and the page that shows it does its own escaping.
    """
    if s.isascii():
        return _CONTROL.sub("\ufffd", s)
    return _CONTROL.sub("\ufffd", _SURROGATE.sub("\ufffd", s))


def clean_text(s: str) -> str:
    """``s`` with lone surrogates and control characters shown as U+FFFD, and bidi controls as
    ``[U+202E]`` (for the formats people read: CSV, Markdown, HTML, PDF).

    A lone surrogate cannot be encoded as UTF-8 at all; a control character breaks HTML and PDF
    text; a bidi control reorders what a reader sees. The lossless JSON export keeps them all;
    every human-readable format shows where they were.
    """
    if s.isascii():
        return _CONTROL.sub("\ufffd", s)
    return show_bidi(clean_chars(s))


class OutputPathError(ExportError):
    """The target path cannot take the file (no such folder, a folder, no permission): bad usage."""


# Failures of the write itself rather than of the path the user chose.
_WRITE_FAILURES = frozenset({errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def _path_error(target: Path, exc: OSError) -> ExportError:
    kind = ExportError if exc.errno in _WRITE_FAILURES else OutputPathError
    return kind(f"cannot write {target}: {exc.strerror or exc}")


# --- temporary files ----------------------------------------------------------------------------
#
# An export is written to ``.<target>.<8 hex>.<pid>-<host>.part`` beside its target and renamed
# over it once complete. A process killed in between (kill -9, a crash, a power cut) leaves that
# file behind; the next export into the folder removes such files when they are stale: the pid
# named in them is gone on this machine, or (another machine's, or a pid since reused) nothing
# has written to them for STALE_PART_SECONDS. Earlier versions named them ``.<target>.<8 hex>.part``
# (no pid); those count as stale by age alone. Nothing else is ever removed.

STALE_PART_SECONDS = 10 * 60
_PART = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.(?P<pid>[0-9]{1,10})-(?P<host>[0-9a-f]{8})\.part")
_LEGACY_PART = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.part")


def _host_tag() -> str:
    """Eight hex digits naming this machine in temp file names (a hash: no host name on disk)."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "surrogatepass")).hexdigest()[:8]


def part_name(target_name: str, *, pid: int | None = None, host: str | None = None) -> str:
    """The temporary file name for an export to ``target_name`` (see the pattern above)."""
    pid = os.getpid() if pid is None else pid
    tail = f".{secrets.token_hex(4)}.{pid}-{host or _host_tag()}.part"
    # A file name holds at most 255 bytes: a long target's name is shortened in the temp name.
    room = 255 - 1 - len(tail)
    shown = target_name
    while len(shown.encode("utf-8", "surrogateescape")) > room:
        shown = shown[:-1]
    return f".{shown}{tail}"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name != "posix":
        return True  # no cheap check: the file's age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, another user's
        return True
    return True


def _stale(name: str, mtime: float, now: float) -> bool:
    old = now - mtime > STALE_PART_SECONDS
    match = _PART.fullmatch(name)
    if match is not None:
        pid = int(match.group("pid"))
        if pid == os.getpid() and match.group("host") == _host_tag():
            return False  # this process is writing it (another export on another thread)
        if match.group("host") == _host_tag() and not _pid_alive(pid):
            return True
        return old
    return _LEGACY_PART.fullmatch(name) is not None and old


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the stale temporary files earlier exports left in ``folder``; returns them.

    Only regular files of our own naming pattern (never a link or a folder), only the current
    user's, and only stale ones (see above). Any error just leaves the file: this is tidying.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".part")):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
            continue
        if not _stale(name, st.st_mtime, now):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _new_temp_file(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty temp file in ``folder``, opened for writing (named by :func:`part_name`).

    Created with mode 0666 (not ``mkstemp``'s 0600) so the user's umask, and a default ACL if the
    folder has one, give it exactly the mode any new file there gets; nothing reads the umask,
    which cannot be done without briefly changing it for every thread.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = folder / part_name(name)
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def read_only_mode(mode: int) -> bool:
    """True for file mode bits without the owner's write bit (``chmod -w``, a "read-only" file).

    Mode bits, not :func:`os.access`: a file its owner protected stays protected when the app
    runs as root, whom no permission stops.
    """
    return not mode & stat.S_IWUSR


def is_read_only(path: Path) -> bool:
    """True when ``path`` exists and is protected from writing (see :func:`read_only_mode`).

    Replacing a file by renaming another over it needs only the folder's permission, so a
    read-only file would be silently replaced: writers check this first.
    """
    try:
        mode = path.stat().st_mode
    except OSError:  # missing (nothing to protect) or unreachable (the write itself says so)
        return False
    return read_only_mode(mode) or not os.access(path, os.W_OK)


def refuse_read_only(target: Path) -> None:
    """Raise :class:`OutputPathError` when ``target`` is a read-only file."""
    if is_read_only(target):
        raise OutputPathError(f"{target} is read-only; it was left unchanged. Choose another name.")


def write_atomic(path: str | Path, produce: Callable[[IO[bytes]], None]) -> Path:
    """Write ``path`` through ``produce(stream)`` into a temp file beside it, then rename it over.

    A crash, a full disk or an exception inside ``produce`` leaves the old file (if any) untouched
    and no temp file behind. A new file gets the mode the umask gives new files (0644 under the
    usual 022); a replaced file keeps its mode. A path that cannot take the file raises
    :class:`OutputPathError`; a failed write (disk full, I/O error) a plain :class:`ExportError`.
    A read-only target (the user protected it) is refused, before writing and again just
    before the rename, and left exactly as it was.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        if folder.exists() or any(p.exists() and not p.is_dir() for p in folder.parents):
            raise OutputPathError(f"cannot write {target}: {folder} is not a folder")
        raise OutputPathError(f"cannot write {target}: folder {folder} does not exist")
    if target.is_dir():
        raise OutputPathError(f"cannot write {target}: it is a folder")
    refuse_read_only(target)
    remove_stale_parts(folder)  # what a killed export left here before
    try:
        fd, tmp = _new_temp_file(folder, target.name)
    except OSError as exc:
        raise _path_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        refuse_read_only(target)  # protected while the export was being written
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            pass
        else:
            os.chmod(tmp, mode)  # keep the permissions a user gave the file being replaced
        os.replace(tmp, target)
        _sync_folder(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _path_error(target, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX): after a power cut the new file, not the old one."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder we may write but not open: the rename is done, durability is best effort
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Utf8Writer:
    """A text sink over a binary stream that buffers small writes (exports write many pieces)."""

    def __init__(self, stream: IO[bytes], limit: int = 1 << 16) -> None:
        self._stream = stream
        self._parts: list[str] = []
        self._size = 0
        self._limit = limit

    def write(self, s: str) -> int:
        self._parts.append(s)
        self._size += len(s)
        if self._size >= self._limit:
            self.flush()
        return len(s)

    def flush(self) -> None:
        if self._parts:
            self._stream.write("".join(self._parts).encode("utf-8"))
            self._parts.clear()
            self._size = 0


# --- views of a change -------------------------------------------------------------------------

NON_RATING_VERDICTS = frozenset({"needs follow-up", "not a claim"})


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of one claim's text: ``mark`` is "" (same), "del"/"ins" (changed) or "trivial"."""

    text: str
    mark: str


def marked_claims(cmp: Comparison, change: Change, side: str) -> list[list[Piece]]:
    """Each claim of one side of ``change`` cut into pieces by the change's word-level diff ops."""
    doc = cmp.original if side == "original" else cmp.rewrite
    mark = "del" if side == "original" else "ins"
    spans: list[tuple[int, int, str]] = []
    for op in change.diff:
        if op.op is DiffOpKind.EQUAL:
            continue
        span = op.original if side == "original" else op.rewrite
        if span is not None and span[1] > span[0]:
            spans.append((span[0], span[1], "trivial" if op.trivial else mark))
    spans.sort()
    out = []
    for cid in getattr(change, side):
        claim = doc.claim(cid)
        pieces: list[Piece] = []
        pos = claim.start
        for s, e, m in spans:
            s, e = max(s, pos), min(e, claim.end)
            if e <= s:
                continue
            if s > pos:
                pieces.append(Piece(doc.text[pos:s], ""))
            pieces.append(Piece(doc.text[s:e], m))
            pos = e
        if pos < claim.end:
            pieces.append(Piece(doc.text[pos : claim.end], ""))
        out.append(pieces)
    return out


def needs_review(change: Change) -> bool:
    """True for what a reviewer has to look at: every change but a clean unchanged claim."""
    return change.is_change


def rating_scale(scale: Iterable[str]) -> list[str]:
    """The scale's verdicts that rate a claim, best first (follow-up and "not a claim" do not)."""
    return [v for v in scale if v.casefold() not in NON_RATING_VERDICTS]


def iso(dt: object) -> str:
    """ISO 8601 text of a datetime ("" for None)."""
    return dt.isoformat() if hasattr(dt, "isoformat") else ("" if dt is None else str(dt))


def parse_when(text: str) -> datetime | date | None:
    """An ISO 8601 date ("2024-06-19") or date and time ("2024-06-19T10:00:00+02:00", "Z" too)
    in ``text``; None when it is neither (a source may state its date any way it likes)."""
    text = text.strip()
    if not 8 <= len(text) <= 40 or not text[:4].isdigit():
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        return None


def changed_or_added(change: Change) -> bool:
    """True for a change that changes or adds something a reviewer must check: a flag of a
    changed or added fact, an added claim, or words the rewrite puts in or replaces. False for
    what only leaves something out (a removed claim, a shorter restatement whose facts are only
    omitted), for a claim only moved, and for a clean unchanged claim.

    This is what "changed or added only" keeps: a summary that only omits must not look like
    one that falsifies.
    """
    if change.kind is ChangeKind.ADDED or any(f.change is not FlagChange.OMITTED for f in change.flags):
        return True
    if change.kind in (ChangeKind.REMOVED, ChangeKind.UNCHANGED):
        return False
    return any(op.op in (DiffOpKind.INSERT, DiffOpKind.REPLACE) and not op.trivial for op in change.diff)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A change an export left out, and why in words ("marked Needs follow-up", "not yet rated")."""

    change_id: str
    reason: str


def skipped_sentence(skipped: Iterable[Skipped], *, show: int = 8) -> str:
    """ "2 marked Needs follow-up (c4, c9), 3 not yet rated (c5, c7, c8)": the reasons in the
    order first met, each with up to ``show`` change ids."""
    groups: dict[str, list[str]] = {}
    for s in skipped:
        groups.setdefault(s.reason, []).append(s.change_id)
    parts = []
    for reason, ids in groups.items():
        shown = ", ".join(ids[:show]) + (f" and {len(ids) - show} more" if len(ids) > show else "")
        parts.append(f"{len(ids)} {reason} ({shown})")
    return "; ".join(parts)
