"""What every export format shares: the error type, atomic writes, and views of a review's changes."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from factcheck_gui.engine.types import Change, ChangeKind, Comparison, DiffOpKind
from factcheck_gui.store.records import Review


class ExportError(ValueError):
    """An export or import the user can fix; ``str(exc)`` is one line. Nothing on disk was harmed."""


_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls (but tab, LF, CR) and DEL are invalid in HTML and unprintable in a PDF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(s: str) -> str:
    """``s`` with lone surrogates and control characters shown as U+FFFD (for text formats).

    A lone surrogate cannot be encoded as UTF-8 at all; a control character breaks HTML and PDF
    text. The lossless JSON export keeps both; every human-readable format shows a replacement
    character where they were.
    """
    if s.isascii():
        return _CONTROL.sub("\ufffd", s)
    return _CONTROL.sub("\ufffd", _SURROGATE.sub("\ufffd", s))


class OutputPathError(ExportError):
    """The target path cannot take the file (no such folder, a folder, no permission): bad usage."""


# Failures of the write itself rather than of the path the user chose.
_WRITE_FAILURES = frozenset({errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def _path_error(target: Path, exc: OSError) -> ExportError:
    kind = ExportError if exc.errno in _WRITE_FAILURES else OutputPathError
    return kind(f"cannot write {target}: {exc.strerror or exc}")


def _new_temp_file(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty temp file in ``folder``, opened for writing.

    Created with mode 0666 (not ``mkstemp``'s 0600) so the user's umask, and a default ACL if the
    folder has one, give it exactly the mode any new file there gets; nothing reads the umask,
    which cannot be done without briefly changing it for every thread.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.part"
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


@dataclass(frozen=True, slots=True)
class Counts:
    """Summary figures of a report."""

    changes: int
    to_review: int
    reviewed: int
    by_kind: list[tuple[str, int]]
    by_flag: list[tuple[str, int]]
    by_verdict: list[tuple[str, int]]


def counts(review: Review) -> Counts:
    """Changes by kind, flags by type and verdicts (in scale order), as a report's summary shows them."""
    changes = review.comparison.changes
    kinds = Counter(c.kind.value for c in changes)
    flags = Counter(f.type.value for c in changes for f in c.flags)
    verdicts = Counter(v.value for v in review.verdicts.values() if v.value is not None)
    by_kind = [(k.value, kinds[k.value]) for k in ChangeKind if kinds[k.value]]
    by_flag = sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))
    order = {v: i for i, v in enumerate(review.scale)}
    by_verdict = sorted(verdicts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    to_review = sum(1 for c in changes if c.is_change)
    return Counts(len(changes), to_review, sum(verdicts.values()), by_kind, by_flag, by_verdict)


def iso(dt: object) -> str:
    """ISO 8601 text of a datetime ("" for None)."""
    return dt.isoformat() if hasattr(dt, "isoformat") else ("" if dt is None else str(dt))
