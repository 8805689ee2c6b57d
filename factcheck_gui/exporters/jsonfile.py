"""The whole review as JSON (``factcheck.review/1``): lossless, and loadable on another workstation.

Layout::

    {"schema": "factcheck.review/1", "app": "0.1.0",
     "review": {"id", "title", "status", "created_at", "updated_at", "reviewers",
                "total_changes", "reviewed_changes", "original_name", "rewrite_name",
                "replaced_chars"},
     "scale": [...], "engine_version": "...",
     "comparison": {factcheck.compare/1, with full-precision similarities},
     "verdicts": [every field of a VerdictRecord],
     "history": [every field of a HistoryRecord, oldest first]}

Records are written field by field from their dataclasses, so a field the store adds later is
exported without touching this module; a file lacking a field that has a default still loads.
``replaced_chars`` (on the review, each verdict and each history row: characters the store could
not keep and saved as U+FFFD) is such a field: it round-trips, a file from before it loads with
0, and a negative count is refused as damage.

Datetimes are ISO 8601 strings. Lone surrogates (possible in a Python ``str``, impossible in
UTF-8) are written as ``\\uXXXX`` escapes so the file is always valid UTF-8 JSON and reads back
to the same string.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import MISSING, fields
from datetime import datetime
from pathlib import Path
from typing import IO, Any, TypeVar, get_type_hints

from factcheck_gui import __version__
from factcheck_gui.engine.sources.projection import project, sourced
from factcheck_gui.engine.sources.types import MULTI_SCHEMA, MultiComparison
from factcheck_gui.engine.types import Change, ChangeKind, Comparison
from factcheck_gui.exporters.common import ExportError, Utf8Writer
from factcheck_gui.store.records import HistoryRecord, Review, ReviewSummary, VerdictRecord

SCHEMA = "factcheck.review/1"
_SCHEMA_NAME, _SCHEMA_VERSION = SCHEMA.split("/")
_SURROGATE = re.compile("[\ud800-\udfff]")
_R = TypeVar("_R")
MAX_REVIEW_FILE = 512 * 1024 * 1024  # the hard ceiling, whatever the import limit is set to
# A review file holds both stories (each up to the import limit), every claim's text again, and
# the changes with their word-level operations: several times one story's size.
REVIEW_FILE_FACTOR = 8
# Enough of the file's start to tell a review file (a JSON object) from anything else.
_SNIFF = 64 * 1024
_MAX_INT = 2**31


class ReviewFileError(ExportError):
    """A file that is not a readable review file; ``str()`` is one line naming the file."""


def max_review_file_bytes() -> int:
    """The largest review file read: :data:`REVIEW_FILE_FACTOR` times the import size limit
    (``$FACTCHECK_MAX_IMPORT_MB``, default 20 MB), at most :data:`MAX_REVIEW_FILE`."""
    from factcheck_gui.importers.base import ImportFailed, max_import_bytes

    try:
        limit = max_import_bytes()
    except ImportFailed as exc:
        raise ReviewFileError(str(exc)) from None
    return min(MAX_REVIEW_FILE, REVIEW_FILE_FACTOR * limit)


def _too_large(name: str, size: int | None, limit: int) -> ReviewFileError:
    from factcheck_gui.importers.base import MAX_SIZE_ENV, human_size

    found = f"{human_size(size)}; " if size is not None else "more than that; "
    return ReviewFileError(
        f"{name}: too large for a review file ({found}the limit is {human_size(limit)}, "
        f"{REVIEW_FILE_FACTOR} times {MAX_SIZE_ENV})"
    )


def _not_json_object(head: bytes) -> bool:
    """True when ``head`` (the first bytes) cannot begin a JSON object, as every review file does."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return bool(text) and not text.startswith(b"{")


def _why_not(head: bytes) -> str:
    """What is wrong with a file whose first bytes cannot begin a review file (the same words
    the whole file would get)."""
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end of the sample
            return "not a review file (not UTF-8 text)"
        text = head[: exc.start].decode("utf-8-sig", "ignore")
    if text.lstrip()[:1] in tuple('["-0123456789tfn'):
        return "not a review file: the JSON is not an object"
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not a review file (invalid JSON at line {exc.lineno}: {exc.msg})"
    return "not a review file: the JSON is not an object"


def read_capped(stream: IO[bytes], name: str, limit: int | None = None) -> bytes:
    """A review file's bytes from ``stream``, refused early when it is too large or plainly no
    JSON object: the first bytes are checked before the rest is read (a pipe that never ends,
    a disk image given by mistake)."""
    limit = max_review_file_bytes() if limit is None else limit
    head = b""
    while len(head) < _SNIFF:
        read1 = getattr(stream, "read1", None)
        chunk = read1(_SNIFF - len(head)) if read1 is not None else stream.read(_SNIFF - len(head))
        if not chunk:
            break
        head += chunk
        if _not_json_object(head):
            raise ReviewFileError(f"{name}: {_why_not(head)}")
        if head.strip():
            break
    if not head:
        return head
    rest = stream.read(limit + 1 - len(head)) if len(head) <= limit else b""
    raw = head + rest
    if len(raw) > limit:
        raise _too_large(name, None, limit)
    return raw


def _non_finite(value: Any, where: str) -> tuple[str, float] | None:
    """The path and value of the first NaN or infinity in ``value`` (parsed JSON), or None."""
    if isinstance(value, float):
        return None if math.isfinite(value) else (where, value)
    if isinstance(value, dict):
        for key, item in value.items():
            found = _non_finite(item, f"{where}.{key}" if where else str(key))
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _non_finite(item, f"{where}[{i}]")
            if found:
                return found
    return None


def _number_text(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


def parse_review_file(raw: bytes, name: str) -> Review:
    """The review in the bytes of a review file; :class:`ReviewFileError` when they are not one."""
    limit = max_review_file_bytes()
    if len(raw) > limit:
        raise _too_large(name, len(raw), limit)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ReviewFileError(f"{name}: not a review file (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise ReviewFileError(
            f"{name}: not a review file (invalid JSON at line {exc.lineno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ReviewFileError(f"{name}: not a review file (nested too deeply)") from None
    try:
        found = _non_finite(data, "")
    except RecursionError:
        raise ReviewFileError(f"{name}: not a review file (nested too deeply)") from None
    if found is not None:
        # NaN and Infinity are no JSON (Python's parser accepts them, and reads 1e999 as
        # infinity): such a file would load and then fail every export. Refused, naming the field.
        where, number = found
        raise ReviewFileError(
            f"{name}: damaged review file: {where or 'the file'} is {_number_text(number)}, "
            "not a finite number"
        )
    try:
        return review_from_json(data)
    except ExportError as exc:
        raise ReviewFileError(f"{name}: {exc}") from None


def read_review_file(path: Path, name: str | None = None) -> Review:
    """Read and check a review file; messages name it as ``name`` (default: the path)."""
    name = str(path) if name is None else name
    if path.is_dir():
        raise ReviewFileError(f"{name}: is a folder, not a review file")
    limit = max_review_file_bytes()
    try:
        st = path.stat()
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            raise _too_large(name, st.st_size, limit)
        is_fifo = stat.S_ISFIFO(st.st_mode)
        # A named pipe is opened without waiting for a writer (a plain open blocks until one comes,
        # possibly forever); once open it is read normally, so <(command) still works.
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | (getattr(os, "O_NONBLOCK", 0) if is_fifo else 0)
        )
        if is_fifo:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            raw = read_capped(fh, name, limit)
    except OSError as exc:
        raise ReviewFileError(f"cannot read {name}: {exc.strerror or exc}") from None
    if not raw and is_fifo:
        raise ReviewFileError(f"{name}: nothing to read (a pipe with nothing writing to it)")
    return parse_review_file(raw, name)


def _record_json(record: Any) -> dict[str, Any]:
    """A record dataclass as JSON: every field, datetimes as ISO 8601, tuples as lists."""
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


def review_to_json(review: Review) -> dict[str, Any]:
    """The review as a JSON-ready dict under :data:`SCHEMA` (see the module docstring)."""
    several = sourced(review.comparison)
    if several is not None:
        # A several-source review keeps its factcheck.compare-multi/1 document (the stored
        # truth); each change also names its sources ("from").
        cmp = several.multi.to_json()
        names = several.source_names
        for out, mc in zip(cmp["changes"], several.multi.changes, strict=True):
            out["similarity"] = mc.similarity
            out["from"] = [names[k] for k in mc.sources]
    else:
        cmp = review.comparison.to_json()
        # Comparison.to_json rounds similarities for readability; a review file must not lose them.
        for out, change in zip(cmp["changes"], review.comparison.changes, strict=True):
            out["similarity"] = change.similarity
    return {
        "schema": SCHEMA,
        "app": __version__,
        "review": _record_json(review.summary),
        "scale": list(review.scale),
        "engine_version": review.engine_version,
        "comparison": cmp,
        "verdicts": [_record_json(v) for v in review.verdicts.values()],
        "history": [_record_json(h) for h in review.history],
    }


def iter_json(review: Review) -> Iterator[str]:
    """The JSON text in pieces (valid UTF-8 once encoded, whatever the story text holds)."""
    enc = json.JSONEncoder(ensure_ascii=False, indent=1, allow_nan=False)
    for piece in enc.iterencode(review_to_json(review)):
        yield _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", piece) if not piece.isascii() else piece
    yield "\n"


def write_json(review: Review, stream: IO[bytes]) -> None:
    out = Utf8Writer(stream)
    for piece in iter_json(review):
        out.write(piece)
    out.flush()


# --- reading back ------------------------------------------------------------------------------


def review_from_json(data: Mapping[str, Any]) -> Review:
    """Rebuild a review written by :func:`review_to_json`, checking it on the way.

    Raises :class:`ExportError` with one line naming the problem for anything that is not a
    well-formed ``factcheck.review/1`` file (wrong kind of file, a newer version, a claim whose
    offsets do not match its text, a verdict for a change that does not exist, ...).
    """
    if not isinstance(data, Mapping):
        raise ExportError("not a review file: the JSON is not an object")
    schema = data.get("schema")
    if not isinstance(schema, str) or "/" not in schema or schema.split("/")[0] != _SCHEMA_NAME:
        raise ExportError(f"not a review file (expected schema {SCHEMA}, found {schema!r})")
    version = schema.split("/", 1)[1]
    if version != _SCHEMA_VERSION:
        if version.isdigit() and int(version) > int(_SCHEMA_VERSION):
            raise ExportError(
                f"this review file ({schema}) was written by a newer version of Factcheck Compare "
                f"(app {data.get('app', '?')}); update the app to open it"
            )
        raise ExportError(f"unsupported review file version {schema!r} (this app reads {SCHEMA})")
    try:
        review = _build(data)
    except ExportError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc).splitlines()[0]
        raise ExportError(f"damaged review file: {detail}") from None
    _check(review)
    return review


def _record(cls: type[_R], data: Any, where: str) -> _R:
    """Rebuild a record dataclass from :func:`_record_json` output, checking every field's type.

    Fields the file lacks take their default (files from before a field existed still load);
    a required field that is missing, or a value of the wrong type, is an error naming it.
    """
    if not isinstance(data, Mapping):
        raise ExportError(f"damaged review file: {where} is not an object")
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        name = f"{where}.{f.name}"
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ExportError(f"damaged review file: {name} is missing")
            continue
        values[f.name] = _value(hints[f.name], data[f.name], name)
    if values.get("replaced_chars", 0) < 0:
        raise ExportError(f"damaged review file: {where}.replaced_chars must not be negative")
    return cls(**values)


def _value(hint: Any, value: Any, name: str) -> Any:
    text = str(hint)
    if value is None and "None" in text:
        return None
    if hint is datetime or "datetime" in text:
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        raise ExportError(f"damaged review file: {name} {value!r} is not an ISO 8601 date and time")
    if "tuple" in text:
        if isinstance(value, list) and all(isinstance(x, str) for x in value):
            return tuple(value)
        raise ExportError(f"damaged review file: {name} must be a list of text")
    if hint is int or text.startswith("int"):
        if isinstance(value, int) and not isinstance(value, bool):
            if not -_MAX_INT <= value < _MAX_INT:  # the store's INTEGER columns hold 32 bits
                raise ExportError(f"damaged review file: {name} {value} is out of range")
            return value
        raise ExportError(f"damaged review file: {name} must be a whole number")
    if isinstance(value, str):
        return value
    raise ExportError(f"damaged review file: {name} must be text")


def _build(data: Mapping[str, Any]) -> Review:
    summary = _record(ReviewSummary, data["review"], "review")
    if isinstance(data["comparison"], Mapping) and data["comparison"].get("schema") == MULTI_SCHEMA:
        comparison: Comparison = project(MultiComparison.from_json(data["comparison"]))
    else:
        comparison = Comparison.from_json(data["comparison"])
    verdicts: dict[str, VerdictRecord] = {}
    for i, v in enumerate(_list(data.get("verdicts", []), "verdicts")):
        rec = _record(VerdictRecord, v, f"verdicts[{i}]")
        if rec.change_id in verdicts:
            raise ExportError(f"damaged review file: two verdicts for change {rec.change_id}")
        verdicts[rec.change_id] = rec
    history = tuple(
        _record(HistoryRecord, h, f"history[{i}]")
        for i, h in enumerate(_list(data.get("history", []), "history"))
    )
    scale = _value(tuple[str, ...], data["scale"], "scale")
    engine_version = _value(str, data.get("engine_version", ""), "engine_version")
    return Review(summary, comparison, scale, verdicts, history, engine_version)


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise ExportError(f"damaged review file: {name} must be a list")
    return value


def _check(review: Review) -> None:
    """Cross-field checks: offsets match texts, ids resolve, verdicts are on the scale."""
    cmp = review.comparison
    for doc, side in ((cmp.original, "original"), (cmp.rewrite, "rewrite")):
        for n, c in enumerate(doc.claims, 1):
            if c.id != f"{side[0]}{n}":
                raise ExportError(f"damaged review file: {side} claim {n} has id {c.id!r}")
            if not 0 <= c.start <= c.end <= len(doc.text) or doc.text[c.start : c.end] != c.text:
                raise ExportError(f"damaged review file: claim {c.id} does not match the {side} text")
    ids = set()
    for ch in cmp.changes:
        if ch.id in ids:
            raise ExportError(f"damaged review file: change id {ch.id} appears twice")
        ids.add(ch.id)
        for side, doc in (("original", cmp.original), ("rewrite", cmp.rewrite)):
            for cid in getattr(ch, side):
                if (
                    not isinstance(cid, str)
                    or not cid.startswith(side[0])
                    or not cid[1:].isdigit()
                    or not 1 <= int(cid[1:]) <= len(doc.claims)
                ):
                    raise ExportError(f"damaged review file: change {ch.id} names unknown claim {cid!r}")
            for op in ch.diff:
                span = op.original if side == "original" else op.rewrite
                if span is not None and not 0 <= span[0] <= span[1] <= len(doc.text):
                    raise ExportError(
                        f"damaged review file: change {ch.id} has a diff outside the {side} text"
                    )
    once = {part.id for ch in cmp.changes for _at, part in ch.linked_from}
    for ch in cmp.changes:
        if ch.linked_from:
            _check_by_hand(ch)
    if once & ids:
        raise ExportError(
            f"damaged review file: change {min(once & ids)} is both a change and part of a link"
        )
    for cid, v in review.verdicts.items():
        if cid not in ids:
            raise ExportError(f"damaged review file: a verdict names unknown change {cid!r}")
        if v.value is not None and v.value not in review.scale:
            raise ExportError(
                f"damaged review file: verdict {v.value!r} on {cid} is not on the review's scale"
            )
    # History may name changes that are gone: the two a link made by hand replaced, and a
    # link taken apart again (its "linked" and "unlinked" rows say so).
    once |= {h.change_id for h in review.history if h.action in ("linked", "unlinked")}
    for h in review.history:
        if h.change_id not in ids and h.change_id not in once:
            raise ExportError(f"damaged review file: history names unknown change {h.change_id!r}")


def _check_by_hand(ch: Change) -> None:
    """A link made by hand replaced exactly one removed and one added change, whose claims it holds."""
    parts = [part for _at, part in ch.linked_from]
    kinds = [part.kind for part in parts]
    if (
        kinds != [ChangeKind.REMOVED, ChangeKind.ADDED]
        or any(part.linked_from for part in parts)
        or (ch.original, ch.rewrite) != (parts[0].original, parts[1].rewrite)
        or parts[0].rewrite
        or parts[1].original
    ):
        raise ExportError(
            f"damaged review file: change {ch.id} says it was linked by hand, but not from one "
            "removed and one added claim"
        )
