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
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import MISSING, fields
from datetime import datetime
from pathlib import Path
from typing import IO, Any, TypeVar, get_type_hints

from factcheck_gui import __version__
from factcheck_gui.engine.types import Comparison
from factcheck_gui.exporters.common import ExportError, Utf8Writer
from factcheck_gui.store.records import HistoryRecord, Review, ReviewSummary, VerdictRecord

SCHEMA = "factcheck.review/1"
_SCHEMA_NAME, _SCHEMA_VERSION = SCHEMA.split("/")
_SURROGATE = re.compile("[\ud800-\udfff]")
_R = TypeVar("_R")
MAX_REVIEW_FILE = 512 * 1024 * 1024  # a review file larger than this is not one we wrote
_MAX_INT = 2**31


class ReviewFileError(ExportError):
    """A file that is not a readable review file; ``str()`` is one line naming the file."""


def parse_review_file(raw: bytes, name: str) -> Review:
    """The review in the bytes of a review file; :class:`ReviewFileError` when they are not one."""
    if len(raw) > MAX_REVIEW_FILE:
        raise ReviewFileError(f"{name}: too large for a review file (over {MAX_REVIEW_FILE // 2**20} MiB)")
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
        return review_from_json(data)
    except ExportError as exc:
        raise ReviewFileError(f"{name}: {exc}") from None


def read_review_file(path: Path, name: str | None = None) -> Review:
    """Read and check a review file; messages name it as ``name`` (default: the path)."""
    name = str(path) if name is None else name
    if path.is_dir():
        raise ReviewFileError(f"{name}: is a folder, not a review file")
    try:
        st = path.stat()
        if stat.S_ISREG(st.st_mode) and st.st_size > MAX_REVIEW_FILE:
            raise ReviewFileError(
                f"{name}: too large for a review file (over {MAX_REVIEW_FILE // 2**20} MiB)"
            )
        is_fifo = stat.S_ISFIFO(st.st_mode)
        # A named pipe is opened without waiting for a writer (a plain open blocks until one comes,
        # possibly forever); once open it is read normally, so <(command) still works.
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | (getattr(os, "O_NONBLOCK", 0) if is_fifo else 0)
        )
        if is_fifo:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(MAX_REVIEW_FILE + 1)
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
    for cid, v in review.verdicts.items():
        if cid not in ids:
            raise ExportError(f"damaged review file: a verdict names unknown change {cid!r}")
        if v.value is not None and v.value not in review.scale:
            raise ExportError(
                f"damaged review file: verdict {v.value!r} on {cid} is not on the review's scale"
            )
    for h in review.history:
        if h.change_id not in ids:
            raise ExportError(f"damaged review file: history names unknown change {h.change_id!r}")
