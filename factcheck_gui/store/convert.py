"""Between engine values, store rows and the plain records callers get back."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from factcheck_gui.engine.normalize import normalize_text
from factcheck_gui.engine.types import Change, Comparison
from factcheck_gui.store.errors import StoreError
from factcheck_gui.store.models import HistoryRow, VerdictRow
from factcheck_gui.store.records import HistoryRecord, VerdictRecord

MAX_SCALE_VALUE = 80


def fingerprint(comparison: Comparison, change: Change) -> str:
    """What carry-over matches on: both sides' normalised text, not the kind or the ids.

    Re-running the engine (a new version, or a new rewrite) gives new change ids and maybe a
    new kind, but the same wording on both sides means the same verdict still applies.
    """
    key = (
        normalize_text(comparison.text_of(change, "original"))
        + "\x1f"
        + normalize_text(comparison.text_of(change, "rewrite"))
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def comparison_to_text(comparison: Comparison) -> str:
    """``factcheck.compare/1`` JSON, but with unrounded similarities so it reloads equal."""
    data: dict[str, Any] = comparison.to_json()
    for out, change in zip(data["changes"], comparison.changes, strict=True):
        out["similarity"] = change.similarity
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def comparison_from_text(text: str) -> Comparison:
    """The comparison exactly as it was stored (no engine work is redone)."""
    return Comparison.from_json(json.loads(text))


def clean_scale(scale: Sequence[str]) -> tuple[str, ...]:
    """Strip values, drop exact repeats; refuse an empty scale or unusable values."""
    out: list[str] = []
    for raw in scale:
        value = " ".join(str(raw).split())
        if not value:
            raise StoreError("a verdict value cannot be empty")
        if len(value) > MAX_SCALE_VALUE:
            raise StoreError(f"verdict value too long (over {MAX_SCALE_VALUE} characters): {value[:40]}…")
        if value not in out:
            out.append(value)
    if not out:
        raise StoreError("the verdict scale needs at least one value")
    return tuple(out)


def verdict_record(row: VerdictRow, change_id: str) -> VerdictRecord:
    return VerdictRecord(
        change_id=change_id,
        value=row.value,
        note=row.note,
        reviewer=row.reviewer,
        decided_at=row.decided_at,
        version=row.version,
        carried_from=row.carried_from,
    )


def history_record(row: HistoryRow) -> HistoryRecord:
    return HistoryRecord(
        change_id=row.change_id,
        action=row.action,
        old_value=row.old_value,
        new_value=row.new_value,
        old_note=row.old_note,
        new_note=row.new_note,
        reviewer=row.reviewer,
        at=row.at,
        version=row.version,
        carried_from=row.carried_from,
    )
