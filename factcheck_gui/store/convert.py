"""Between engine values, store rows and the plain records callers get back."""

from __future__ import annotations

import hashlib
import logging
import re
import zlib
from collections.abc import Sequence
from typing import Any

from factcheck_gui.engine.normalize import normalize_text
from factcheck_gui.engine.sources.projection import SourcedComparison, project, sourced
from factcheck_gui.engine.sources.types import MULTI_SCHEMA, MultiComparison
from factcheck_gui.engine.types import Change, Comparison, Document, claim_index, text_sha256
from factcheck_gui.store.errors import StoreError
from factcheck_gui.store.models import HistoryRow, VerdictRow
from factcheck_gui.store.pieces import compress_pieces, decompress_text, dump_pieces, loads_in_pieces
from factcheck_gui.store.records import HistoryRecord, VerdictRecord

MAX_SCALE_VALUE = 80
REPLACEMENT = "\ufffd"
# What neither back end can hold: lone UTF-16 surrogates (from broken pastes, surrogateescape'd
# file names or command-line bytes) do not encode to UTF-8, and PostgreSQL text refuses NUL.
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")
_SURROGATE = re.compile("[\ud800-\udfff]")

log = logging.getLogger("factcheck_gui.store")


def storable(text: str) -> tuple[str, int]:
    """``text`` with every unstorable character replaced by U+FFFD, and how many were replaced.

    One character for one, so claim offsets into a document text stay valid, and the same on
    both back ends. Nothing vanishes: the reviewer sees the replacement character where the
    broken one was, and the store records the count with the row.
    """
    if text.isascii() and "\x00" not in text:
        return text, 0
    return _UNSTORABLE.subn(REPLACEMENT, text)


def storable_json(value: Any) -> Any:
    """A JSON-able value with every string (keys too) made :func:`storable`."""
    if isinstance(value, str):
        return storable(value)[0]
    if isinstance(value, dict):
        return {storable_json(k): storable_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable_json(v) for v in value]
    return value


def storable_comparison(comparison: Comparison) -> tuple[Comparison, str, int]:
    """The comparison as the store keeps it, its JSON text, and how many characters were replaced.

    Unstorable characters are replaced in every string; the count covers what a person
    supplied (names, document texts, source metadata), not the claim and flag texts the engine
    derived from those texts. Without anything to replace, the comparison comes back as given.
    """
    stored, pieces, replaced = _storable_pieces(comparison)
    return stored, "".join(pieces), replaced


def storable_comparison_zlib(comparison: Comparison) -> tuple[Comparison, bytes, int]:
    """:func:`storable_comparison` with the JSON as the store writes it (:func:`compress_comparison`),
    made and compressed a piece at a time: no single call holds the GIL for the whole text."""
    stored, pieces, replaced = _storable_pieces(comparison)
    return stored, compress_pieces(pieces, ZLIB_LEVEL), replaced


def _storable_pieces(comparison: Comparison) -> tuple[Comparison, list[str], int]:
    several = sourced(comparison)
    if several is not None:
        return _storable_several(several)
    pieces = list(dump_pieces(_comparison_data(comparison)))
    if _all_storable(pieces):
        return comparison, pieces, 0
    replaced = _replaced_in((comparison.original, comparison.rewrite))
    data = storable_json(loads_in_pieces("".join(pieces)))
    return Comparison.from_json(data), list(dump_pieces(data)), replaced


def _all_storable(pieces: list[str]) -> bool:
    """True when the JSON pieces hold no NUL and no lone surrogate (each piece is whole JSON
    tokens, so an escape never straddles two)."""
    # json.dumps escapes NUL as \u0000 but leaves lone surrogates raw (ensure_ascii=False).
    return not any(
        "\\u0000" in piece or not (piece.isascii() or _SURROGATE.search(piece) is None) for piece in pieces
    )


def _replaced_in(docs: Sequence[Document]) -> int:
    """How many characters of what a person supplied (names, texts, source metadata) are unstorable."""
    replaced = 0
    for doc in docs:
        source = doc.source.to_json()
        for value in (doc.name, doc.text, *(v for v in source.values() if isinstance(v, str))):
            replaced += storable(value)[1]
        replaced += sum(storable(w)[1] for w in doc.source.warnings)
    return replaced


def _storable_several(comparison: SourcedComparison) -> tuple[Comparison, list[str], int]:
    """:func:`storable_comparison` of a several-source review: what is stored is the
    ``factcheck.compare-multi/1`` document (the sources each as they are), not the projection."""
    multi = comparison.multi
    pieces = list(dump_pieces(_multi_data(multi)))
    if _all_storable(pieces):
        return comparison, pieces, 0
    replaced = _replaced_in((*multi.sources, multi.rewrite))
    data = storable_json(loads_in_pieces("".join(pieces)))
    stored = project(MultiComparison.from_json(data))
    return stored, list(dump_pieces(data)), replaced


def _multi_data(multi: MultiComparison) -> dict[str, Any]:
    data: dict[str, Any] = multi.to_json()
    for out, change in zip(data["changes"], multi.changes, strict=True):
        out["similarity"] = change.similarity
    return data


def multi_to_text(multi: MultiComparison) -> str:
    """``factcheck.compare-multi/1`` JSON with unrounded similarities, so it reloads equal."""
    return "".join(dump_pieces(_multi_data(multi)))


def note_replaced(what: str, count: int) -> None:
    """Log that ``count`` characters of ``what`` were replaced (the row records it as well)."""
    if count:
        log.warning(
            "%s: replaced %d character(s) that cannot be stored (lone surrogate or NUL) with U+FFFD",
            what,
            count,
        )


def fingerprint(comparison: Comparison, change: Change) -> str:
    """What carry-over matches on: both sides' normalised text, not the kind or the ids.

    Re-running the engine (a new version, or a new rewrite) gives new change ids and maybe a
    new kind, but the same wording on both sides means the same verdict still applies.
    """
    # Made storable first, so a comparison hashes the same before and after the store
    # replaced its unstorable characters (carry-over must still find it).
    key = _source_key(comparison, change) + (
        normalize_text(storable(comparison.text_of(change, "original"))[0])
        + "\x1f"
        + normalize_text(storable(comparison.text_of(change, "rewrite"))[0])
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _source_key(comparison: Comparison, change: Change) -> str:
    """ "" for a pair; for a several-source review the names of the change's sources, so a
    verdict on a sentence from source A is not carried to the same sentence from source B."""
    several = sourced(comparison)
    if several is None:
        return ""
    names = [storable(n)[0] for n in several.from_names(change)]
    return "sources:" + "\x1e".join(names) + "\x1d"


def stored_sha256(document: Document) -> str:
    """``document.sha256`` as the stored copy of it reports it (see :func:`storable_comparison`):
    the importer's hash of the bytes when known, else the hash of the text as stored."""
    if document.source.sha256:
        return storable(document.source.sha256)[0]
    return text_sha256(storable(document.text)[0])


def fingerprints_of(comparison: Comparison) -> list[str]:
    """:func:`fingerprint` of every change, in order (the same values, in one pass)."""
    originals = [storable(c.text)[0] for c in comparison.original.claims]
    rewrites = [storable(c.text)[0] for c in comparison.rewrite.claims]
    sha256 = hashlib.sha256
    out: list[str] = []
    append = out.append
    for change in comparison.changes:
        left = " ".join(originals[claim_index(cid)] for cid in change.original)
        right = " ".join(rewrites[claim_index(cid)] for cid in change.rewrite)
        key = _source_key(comparison, change) + normalize_text(left) + "\x1f" + normalize_text(right)
        append(sha256(key.encode("utf-8", "surrogatepass")).hexdigest())
    return out


def _comparison_data(comparison: Comparison) -> dict[str, Any]:
    data: dict[str, Any] = comparison.to_json()
    for out, change in zip(data["changes"], comparison.changes, strict=True):
        out["similarity"] = change.similarity
    return data


def comparison_to_text(comparison: Comparison) -> str:
    """``factcheck.compare/1`` JSON, but with unrounded similarities so it reloads equal.

    Lone surrogates stay as they are: :func:`storable_comparison` is what the store writes.
    Made a piece at a time (:func:`~factcheck_gui.store.pieces.dump_pieces`), the same text as
    one ``json.dumps``.
    """
    return "".join(dump_pieces(_comparison_data(comparison)))


def comparison_from_text(text: str) -> Comparison:
    """The comparison exactly as it was stored (no engine work is redone); a several-source
    review's ``factcheck.compare-multi/1`` document comes back projected (:func:`project`)."""
    data = loads_in_pieces(text)  # json.loads, a list element at a time
    if isinstance(data, dict) and data.get("schema") == MULTI_SCHEMA:
        return project(MultiComparison.from_json(data))
    return Comparison.from_json(data)


# zlib level 1: a 20,000-claim comparison's 14 MB of JSON become 4.5 MB in about 0.1 s; the
# higher levels save a little more space for several times the time.
ZLIB_LEVEL = 1


def compress_comparison(text: str) -> bytes:
    """The comparison JSON as the store writes it since migration 0004 (UTF-8, zlib)."""
    return zlib.compress(text.encode("utf-8"), ZLIB_LEVEL)


def stored_comparison_text(comparison_json: str | None, comparison_zlib: bytes | None) -> str:
    """The JSON of a stored review, whichever way it was stored.

    Reviews written before migration 0004 hold it as text in ``comparison_json`` (and NULL in
    ``comparison_zlib``); newer ones hold it compressed, with ``comparison_json`` empty.
    """
    if comparison_zlib is not None:
        try:
            return decompress_text(comparison_zlib)
        except (zlib.error, UnicodeDecodeError) as exc:
            raise StoreError(f"the stored comparison cannot be read back ({exc})") from None
    return comparison_json or ""


def stored_comparison(comparison_json: str | None, comparison_zlib: bytes | None) -> Comparison:
    """The comparison of a stored review, in either encoding (see :func:`stored_comparison_text`)."""
    return comparison_from_text(stored_comparison_text(comparison_json, comparison_zlib))


def clean_scale(scale: Sequence[str]) -> tuple[str, ...]:
    """Strip values, drop exact repeats; refuse an empty scale or unusable values."""
    out: list[str] = []
    for raw in scale:
        value = " ".join(storable(str(raw))[0].split())
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
        replaced_chars=row.replaced_chars,
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
        replaced_chars=row.replaced_chars,
    )


EXCERPT_CHARS = 100  # the first words of a text kept on its review's row (migration 0006)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first words of ``text``, white space collapsed, cut at a word within ``limit``
    characters ("…" ends a cut one). Only the start of the text is read, however long it is.
    Migration 0006 fills old reviews with the same rule (a copy of it: migrations never change)."""
    head = text[: 4 * limit + 1]
    flat = " ".join(head.split())
    longer = len(text) > len(head)
    if len(flat) <= limit and not longer:
        return flat
    cut = flat[:limit]
    if len(flat) > limit and " " in cut and flat[limit] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"
