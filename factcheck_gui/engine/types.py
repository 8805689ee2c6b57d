"""Immutable values the engine produces and every other layer reads.

These are plain frozen dataclasses so they can cross threads (the UI compares in a worker)
and be stored, exported and re-loaded without any engine code running again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Side(str, Enum):
    """One of the two texts of a comparison (the value is the JSON key of that side)."""

    ORIGINAL = "original"
    REWRITE = "rewrite"

    @property
    def other(self) -> Side:
        return Side.REWRITE if self is Side.ORIGINAL else Side.ORIGINAL

    @property
    def prefix(self) -> str:
        """What the ids of this side's claims start with: "o1", "r1"."""
        return self.value[0]

    @classmethod
    def of_claim(cls, claim_id: str) -> Side:
        """The side of a claim, by its id."""
        return cls.ORIGINAL if claim_id.startswith(cls.ORIGINAL.prefix) else cls.REWRITE


class ChangeKind(str, Enum):
    """What happened to a claim (or group of claims) between original and rewrite."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"

    def __str__(self) -> str:
        return self.value


class FlagType(str, Enum):
    """Fact-sensitive differences inside a change."""

    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    QUOTE_ALTERED = "quote_altered"
    QUOTE_UNSOURCED = "quote_unsourced"
    HEDGE = "hedge"
    NEGATION = "negation"
    ATTRIBUTION = "attribution"
    SUBSTITUTION = "substitution"  # a content word replaced by one of opposite or other meaning

    def __str__(self) -> str:
        return self.value


class FlagChange(str, Enum):
    """What the rewrite did to the fact: left it out, stated another value, or stated one the
    original has nowhere."""

    OMITTED = "omitted"
    CHANGED = "changed"
    ADDED = "added"

    def __str__(self) -> str:
        return self.value


class Severity(str, Enum):
    """How much a flag matters: a contradiction is high, a value the source lacks medium, an
    omission or a consistent restatement (a rounded figure, a relative date) low."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    def __str__(self) -> str:
        return self.value


class DiffOpKind(str, Enum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"

    def __str__(self) -> str:
        return self.value


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a text came from. Filled by the importers; the engine only carries it along."""

    kind: str = "text"  # text, markdown, html, docx, pdf, eml, url, clipboard, stdin, demo
    location: str = ""  # file path or URL ("" for pasted text)
    title: str = ""
    author: str = ""
    published: str = ""  # ISO date as the source states it, "" if unknown
    sha256: str = ""  # of the original bytes
    imported_at: str = ""  # ISO 8601 UTC
    final_url: str = ""
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "location": self.location,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "sha256": self.sha256,
            "imported_at": self.imported_at,
            "final_url": self.final_url,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceInfo:
        return cls(
            kind=str(data.get("kind", "text")),
            location=str(data.get("location", "")),
            title=str(data.get("title", "")),
            author=str(data.get("author", "")),
            published=str(data.get("published", "")),
            sha256=str(data.get("sha256", "")),
            imported_at=str(data.get("imported_at", "")),
            final_url=str(data.get("final_url", "")),
            warnings=tuple(str(w) for w in data.get("warnings", ())),
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence-like claim: ``text == document.text[start:end]``."""

    id: str
    start: int
    end: int
    paragraph: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """A text as imported plus its claims."""

    name: str
    text: str
    claims: tuple[Claim, ...]
    source: SourceInfo = field(default_factory=SourceInfo)

    @property
    def sha256(self) -> str:
        """sha256 of the original bytes when the importer knew them, else of the UTF-8 text."""
        return self.source.sha256 or text_sha256(self.text)

    def claim(self, claim_id: str) -> Claim:
        return self.claims[claim_index(claim_id)]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "text": self.text,
            "source": self.source.to_json(),
            "claims": [c.to_json() for c in self.claims],
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Document:
        """A document as :meth:`to_json` wrote it (in both the pair and the multi-source form)."""
        claims = tuple(
            Claim(str(c["id"]), int(c["start"]), int(c["end"]), int(c["paragraph"]), str(c["text"]))
            for c in d["claims"]
        )
        return cls(
            name=str(d.get("name", "")),
            text=str(d["text"]),
            claims=claims,
            source=SourceInfo.from_json(d.get("source") or {"sha256": d.get("sha256", "")}),
        )


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One word-level operation; spans are offsets into the full document texts."""

    op: DiffOpKind
    original: Span | None
    rewrite: Span | None
    trivial: bool = False  # only punctuation / quote style / case differs

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "op": self.op.value,
            "original": list(self.original) if self.original is not None else None,
            "rewrite": list(self.rewrite) if self.rewrite is not None else None,
        }
        if self.trivial:
            out["trivial"] = True
        return out


@dataclass(frozen=True, slots=True)
class Flag:
    """A fact-sensitive difference, with both sides' wording and a one-line message.

    ``change`` says whether the rewrite omitted, changed or added the fact; ``severity`` how
    much it matters. Omissions and other low-severity notes are not changes of fact (see
    :func:`factcheck_gui.engine.flags.split_omitted`).
    """

    type: FlagType
    original: str
    rewrite: str
    message: str
    original_span: Span | None = None  # offsets into the original text, when located
    rewrite_span: Span | None = None
    change: FlagChange = FlagChange.CHANGED
    severity: Severity = Severity.MEDIUM

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "original": self.original,
            "rewrite": self.rewrite,
            "message": self.message,
            "original_span": list(self.original_span) if self.original_span else None,
            "rewrite_span": list(self.rewrite_span) if self.rewrite_span else None,
            "change": self.change.value,
            "severity": self.severity.value,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Flag:
        """A flag saved by :meth:`to_json`; JSON written before flags had a ``change`` and a
        ``severity`` reads as a medium change."""

        def span(v: Any) -> Span | None:
            return (int(v[0]), int(v[1])) if v is not None else None

        return cls(
            FlagType(data["type"]),
            str(data["original"]),
            str(data["rewrite"]),
            str(data["message"]),
            span(data.get("original_span")),
            span(data.get("rewrite_span")),
            FlagChange(data.get("change") or FlagChange.CHANGED.value),
            Severity(data.get("severity") or Severity.MEDIUM.value),
        )


@dataclass(frozen=True, slots=True)
class Change:
    """What happened to a group of claims. ``original``/``rewrite`` hold claim ids."""

    id: str
    kind: ChangeKind
    original: tuple[str, ...]
    rewrite: tuple[str, ...]
    similarity: float
    diff: tuple[DiffOp, ...] = ()
    flags: tuple[Flag, ...] = ()
    moved: bool = False  # out of the common order (also true for moved splits/merges)
    # An added or removed claim's closest claim on the other side (claim id, similarity): what
    # a reviewer would link by hand when the engine would not. None when nothing came close.
    nearest: tuple[str, float] | None = None
    # Facts the rewrite's side leaves out, and low notes (a bound restated): shown to the
    # reviewer, never counted as a changed fact (a summary that only omits is not a falsifier).
    omitted: tuple[Flag, ...] = ()
    # Linked by a reviewer: the removed and the added change the engine had made, each with
    # its place among the changes, which this one replaced (engine/handlink.py; unlinking puts
    # them back). In the JSON only on such a change, as ``by_hand``.
    linked_from: tuple[tuple[int, Change], ...] = ()

    @property
    def by_hand(self) -> bool:
        return bool(self.linked_from)

    @property
    def is_change(self) -> bool:
        """True for everything a reviewer has to look at (all but clean unchanged claims)."""
        return self.kind is not ChangeKind.UNCHANGED or bool(self.flags)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "original": list(self.original),
            "rewrite": list(self.rewrite),
            "similarity": round(self.similarity, 4),
            "moved": self.moved,
            "diff": [d.to_json() for d in self.diff],
            "flags": [f.to_json() for f in self.flags if f.type.value in CONTRACT_FLAG_TYPES],
            "other_flags": other_flags_json(self.flags),
            "omitted": [f.to_json() for f in self.omitted],
            "nearest": (
                {"claim": self.nearest[0], "similarity": round(self.nearest[1], 4)} if self.nearest else None
            ),
        } | (
            {"by_hand": {"from": [{"at": at, **part.to_json()} for at, part in self.linked_from]}}
            if self.linked_from
            else {}
        )


@dataclass(frozen=True, slots=True)
class Comparison:
    """Both documents and the changes between them: the engine's whole answer."""

    original: Document
    rewrite: Document
    changes: tuple[Change, ...]
    engine: str

    def change(self, change_id: str) -> Change:
        for c in self.changes:
            if c.id == change_id:
                return c
        raise KeyError(change_id)

    def nearest_line(self, change: Change, width: int = 160) -> str:
        """ "Closest in the original: o3 (similarity 0.17) “…”" for an added or removed claim,
        "" when it has no counterpart worth naming."""
        if change.nearest is None:
            return ""
        cid, sim = change.nearest
        side = self.rewrite if change.original and not change.rewrite else self.original
        where = "the rewrite" if side is self.rewrite else "the original"
        try:
            text = " ".join(side.claim(cid).text.split())
        except KeyError:
            return ""
        if len(text) > width:
            text = text[: width - 1].rstrip() + "…"
        return f"Closest in {where}: {cid} (similarity {sim:.2f}) “{text}”"

    def changes_for_claim(self, claim_id: str) -> list[Change]:
        side = Side.of_claim(claim_id).value
        return [c for c in self.changes if claim_id in getattr(c, side)]

    def text_of(self, change: Change, side: Side | str) -> str:
        """The claims of one side of a change joined by a space ("" when absent). ``side``: a
        :class:`Side` or its value."""
        doc = self.original if side == Side.ORIGINAL else self.rewrite
        return " ".join(doc.claim(cid).text for cid in getattr(change, side))

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "engine": self.engine,
            "original": self.original.to_json(),
            "rewrite": self.rewrite.to_json(),
            "changes": [c.to_json() for c in self.changes],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Comparison:
        """Rebuild a comparison saved as ``factcheck.compare/1`` (no engine work is redone)."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")

        doc = Document.from_json

        def span(v: Any) -> Span | None:
            return (int(v[0]), int(v[1])) if v is not None else None

        def change(c: Mapping[str, Any]) -> Change:
            hand = c.get("by_hand")
            return Change(
                id=str(c["id"]),
                kind=ChangeKind(c["kind"]),
                original=tuple(c["original"]),
                rewrite=tuple(c["rewrite"]),
                similarity=float(c["similarity"]),
                moved=bool(c.get("moved", c["kind"] == "moved")),
                nearest=(
                    (str(c["nearest"]["claim"]), float(c["nearest"]["similarity"]))
                    if isinstance(c.get("nearest"), Mapping)
                    else None
                ),
                diff=tuple(
                    DiffOp(
                        DiffOpKind(o["op"]),
                        span(o["original"]),
                        span(o["rewrite"]),
                        bool(o.get("trivial", False)),
                    )
                    for o in c.get("diff", ())
                ),
                flags=flags_from_json(c),
                omitted=tuple(Flag.from_json(f) for f in c.get("omitted", ())),
                linked_from=(
                    tuple((int(part["at"]), change(part)) for part in hand.get("from", ()))
                    if isinstance(hand, Mapping)
                    else ()
                ),
            )

        changes = tuple(change(c) for c in data["changes"])
        return cls(doc(data["original"]), doc(data["rewrite"]), changes, str(data.get("engine", "")))


SCHEMA = "factcheck.compare/1"

# The flag types of the contract's ``factcheck.compare/1`` (shared/CONTRACTS.md), which its
# readers switch on. A flag of a type added since (``substitution``) goes to the change's
# ``other_flags``, with ``at``, its place among the change's flags, so old readers never meet
# a type they do not know and this reader puts it back where it was.
CONTRACT_FLAG_TYPES = frozenset(
    {"number", "date", "name", "quote_altered", "quote_unsourced", "hedge", "negation", "attribution"}
)


def other_flags_json(flags: Sequence[Flag]) -> list[dict[str, Any]]:
    """The flags of types the contract does not list, each with its place (``at``)."""
    return [{**f.to_json(), "at": k} for k, f in enumerate(flags) if f.type.value not in CONTRACT_FLAG_TYPES]


def flags_from_json(change: Mapping[str, Any]) -> tuple[Flag, ...]:
    """A change's flags from its ``flags`` and ``other_flags`` (JSON written before the split
    has them all in ``flags``)."""
    flags = [Flag.from_json(f) for f in change.get("flags", ())]
    others = sorted(change.get("other_flags") or (), key=lambda f: int(f.get("at", 1 << 30)))
    for f in others:
        flags.insert(min(int(f.get("at", len(flags))), len(flags)), Flag.from_json(f))
    return tuple(flags)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def claim_index(claim_id: str) -> int:
    """``"o12"`` → 11 (claim ids are 1-based and prefixed by their side)."""
    return int(claim_id[1:]) - 1


# Constructors for the engine's hot loops. A frozen dataclass's __init__ sets each field through
# object.__setattr__; setting the slots directly gives the very same object about twice as fast
# (tests/engine/test_fast_paths.py checks they stay equal to the classes' own constructors).
_new = object.__new__
_CLAIM_SET = tuple(getattr(Claim, f).__set__ for f in ("id", "start", "end", "paragraph", "text"))
_DIFFOP_SET = tuple(getattr(DiffOp, f).__set__ for f in ("op", "original", "rewrite", "trivial"))
_CHANGE_SET = tuple(
    getattr(Change, f).__set__
    for f in (
        "id",
        "kind",
        "original",
        "rewrite",
        "similarity",
        "diff",
        "flags",
        "moved",
        "nearest",
        "omitted",
        "linked_from",
    )
)


def new_claim(id: str, start: int, end: int, paragraph: int, text: str) -> Claim:
    """``Claim(id, start, end, paragraph, text)``, faster."""
    c = _new(Claim)
    s_id, s_start, s_end, s_paragraph, s_text = _CLAIM_SET
    s_id(c, id)
    s_start(c, start)
    s_end(c, end)
    s_paragraph(c, paragraph)
    s_text(c, text)
    return c


def new_diffop(op: DiffOpKind, original: Span | None, rewrite: Span | None, trivial: bool = False) -> DiffOp:
    """``DiffOp(op, original, rewrite, trivial)``, faster."""
    d = _new(DiffOp)
    s_op, s_original, s_rewrite, s_trivial = _DIFFOP_SET
    s_op(d, op)
    s_original(d, original)
    s_rewrite(d, rewrite)
    s_trivial(d, trivial)
    return d


def new_change(
    id: str,
    kind: ChangeKind,
    original: tuple[str, ...],
    rewrite: tuple[str, ...],
    similarity: float,
    diff: tuple[DiffOp, ...] = (),
    flags: tuple[Flag, ...] = (),
    moved: bool = False,
) -> Change:
    """``Change(id, kind, original, rewrite, similarity, diff, flags, moved)``, faster."""
    c = _new(Change)
    (
        s_id,
        s_kind,
        s_original,
        s_rewrite,
        s_similarity,
        s_diff,
        s_flags,
        s_moved,
        s_nearest,
        s_omitted,
        s_linked,
    ) = _CHANGE_SET
    s_id(c, id)
    s_kind(c, kind)
    s_original(c, original)
    s_rewrite(c, rewrite)
    s_similarity(c, similarity)
    s_diff(c, diff)
    s_flags(c, flags)
    s_moved(c, moved)
    s_nearest(c, None)
    s_omitted(c, ())
    s_linked(c, ())
    return c
