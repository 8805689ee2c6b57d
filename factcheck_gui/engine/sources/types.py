"""The values a several-source comparison produces: which source claims each claim of the
derived text came from, and which came from none.

Like :mod:`factcheck_gui.engine.types`, plain frozen dataclasses that cross threads, store and
re-load without any engine code running again. A source claim is named by a
:class:`ClaimRef` (source number and the claim's id in that source, ``"s2:o7"`` in JSON); every
span of a source's side is an offset into that source's own text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factcheck_gui.engine.types import (
    ChangeKind,
    Claim,
    DiffOp,
    DiffOpKind,
    Document,
    Flag,
    Span,
)

MULTI_SCHEMA = "factcheck.compare-multi/1"
MAX_SOURCES = 10

_REF = re.compile(r"^s([1-9]\d*):(o[1-9]\d*)$")


def source_key(source: int) -> str:
    """``0`` → ``"s1"``: how a source is named in JSON and on screen."""
    return f"s{source + 1}"


@dataclass(frozen=True, slots=True, order=True)
class ClaimRef:
    """A claim of one of the sources: ``source`` is 0-based, ``claim`` its id there ("o3")."""

    source: int
    claim: str

    @property
    def key(self) -> str:
        """``"s1:o3"``."""
        return f"{source_key(self.source)}:{self.claim}"

    @classmethod
    def parse(cls, key: str) -> ClaimRef:
        m = _REF.match(key)
        if m is None:
            raise ValueError(f"not a source claim reference: {key!r} (expected e.g. 's1:o3')")
        return cls(int(m.group(1)) - 1, m.group(2))

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True, slots=True)
class SourcedOp:
    """A word-level operation of the diff against source ``source`` (0-based): ``op.original``,
    when present, is an offset into that source's text, ``op.rewrite`` into the derived text.
    A change whose claims come from several sources has one diff per source."""

    op: DiffOp
    source: int

    def to_json(self) -> dict[str, Any]:
        out = self.op.to_json()
        out["source"] = source_key(self.source)
        return out


@dataclass(frozen=True, slots=True)
class SourcedFlag:
    """A fact flag; ``flag.original_span`` is an offset into source ``source``'s text (None
    when the flag's source side was not located)."""

    flag: Flag
    source: int | None

    def to_json(self) -> dict[str, Any]:
        out = self.flag.to_json()
        out["source"] = source_key(self.source) if self.source is not None else None
        return out


Nearest = tuple[ClaimRef | str, float]


@dataclass(frozen=True, slots=True)
class MultiChange:
    """What happened to a group of claims: source claims (of one source or several) and the
    derived claims restating them.

    ``kind`` is one of the pair form's kinds: ``added`` is a derived claim from no source,
    ``removed`` a source claim the derived text does not use, ``merged`` a derived claim that
    combines (or restates) claims of several sources. ``primary`` is False for a secondary
    reuse of a fragment of claims that are linked elsewhere.
    """

    id: str
    kind: ChangeKind
    original: tuple[ClaimRef, ...]
    rewrite: tuple[str, ...]
    similarity: float
    diff: tuple[SourcedOp, ...] = ()
    flags: tuple[SourcedFlag, ...] = ()
    moved: bool = False
    nearest: Nearest | None = None
    omitted: tuple[SourcedFlag, ...] = ()
    primary: bool = True

    @property
    def sources(self) -> tuple[int, ...]:
        """The sources (0-based) of the change's source side, in order."""
        return tuple(sorted({r.source for r in self.original}))

    @property
    def is_change(self) -> bool:
        return self.kind is not ChangeKind.UNCHANGED or bool(self.flags)

    def to_json(self) -> dict[str, Any]:
        near: dict[str, Any] | None = None
        if self.nearest is not None:
            target, sim = self.nearest
            near = {"claim": str(target), "similarity": round(sim, 4)}
        return {
            "id": self.id,
            "kind": self.kind.value,
            "original": [r.key for r in self.original],
            "sources": [source_key(s) for s in self.sources],
            "rewrite": list(self.rewrite),
            "similarity": round(self.similarity, 4),
            "moved": self.moved,
            "primary": self.primary,
            "diff": [d.to_json() for d in self.diff],
            "flags": [f.to_json() for f in self.flags],
            "omitted": [f.to_json() for f in self.omitted],
            "nearest": near,
        }


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the derived text one source supports (``source`` None: no source)."""

    source: int | None
    claims: int  # derived claims it supports (one claim may be supported by several sources)
    chars: int  # their characters
    share: float  # of the derived text's claim characters

    def to_json(self) -> dict[str, Any]:
        return {
            "source": source_key(self.source) if self.source is not None else None,
            "claims": self.claims,
            "chars": self.chars,
            "share": round(self.share, 4),
        }


@dataclass(frozen=True, slots=True)
class MultiComparison:
    """A derived text against its sources: the several-source engine's whole answer."""

    sources: tuple[Document, ...]
    rewrite: Document
    changes: tuple[MultiChange, ...]
    engine: str

    def change(self, change_id: str) -> MultiChange:
        for c in self.changes:
            if c.id == change_id:
                return c
        raise KeyError(change_id)

    def source_claim(self, ref: ClaimRef) -> Claim:
        return self.sources[ref.source].claim(ref.claim)

    def attribution(self, claim_id: str) -> tuple[ClaimRef, ...]:
        """The source claims a derived claim restates (primary links only), in source order;
        () for a claim from no source."""
        found: set[ClaimRef] = set()
        for c in self.changes:
            if c.primary and claim_id in c.rewrite:
                found.update(c.original)
        return tuple(sorted(found))

    def attributions(self) -> dict[str, tuple[ClaimRef, ...]]:
        """:meth:`attribution` of every derived claim, in one pass."""
        out: dict[str, set[ClaimRef]] = {c.id: set() for c in self.rewrite.claims}
        for ch in self.changes:
            if ch.primary:
                for r in ch.rewrite:
                    out[r].update(ch.original)
        return {k: tuple(sorted(v)) for k, v in out.items()}

    def used(self, source: int) -> frozenset[str]:
        """Ids of the claims of one source that some derived claim restates (primary changes,
        as :meth:`attribution`: a fragment reused in a secondary change is shown, not counted)."""
        return frozenset(
            r.claim for c in self.changes if c.rewrite and c.primary for r in c.original if r.source == source
        )

    def unused(self, source: int) -> tuple[str, ...]:
        used = self.used(source)
        return tuple(c.id for c in self.sources[source].claims if c.id not in used)

    def unsupported(self) -> tuple[str, ...]:
        """Derived claims from no source."""
        return tuple(k for k, v in self.attributions().items() if not v)

    def coverage(self) -> tuple[Coverage, ...]:
        """Per source, then for no source: the derived claims (and their share of the derived
        text's claim characters) it supports."""
        lengths = {c.id: c.end - c.start for c in self.rewrite.claims}
        total = sum(lengths.values()) or 1
        per: list[list[str]] = [[] for _ in self.sources]
        none: list[str] = []
        for cid, refs in self.attributions().items():
            if not refs:
                none.append(cid)
            for s in {r.source for r in refs}:
                per[s].append(cid)
        rows: list[tuple[int | None, list[str]]] = [*enumerate(per), (None, none)]
        out = []
        for source, ids in rows:
            chars = sum(lengths[i] for i in ids)
            out.append(Coverage(source, len(ids), chars, chars / total))
        return tuple(out)

    def to_json(self) -> dict[str, Any]:
        att = self.attributions()
        return {
            "schema": MULTI_SCHEMA,
            "engine": self.engine,
            "sources": [
                {"id": source_key(k), **d.to_json(), "used": len(self.used(k))}
                for k, d in enumerate(self.sources)
            ],
            "rewrite": self.rewrite.to_json(),
            "changes": [c.to_json() for c in self.changes],
            "attribution": {
                "claims": [{"claim": cid, "sources": [r.key for r in refs]} for cid, refs in att.items()],
                "coverage": [c.to_json() for c in self.coverage()],
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MultiComparison:
        """Rebuild a comparison saved as ``factcheck.compare-multi/1`` (no engine work is redone)."""
        if data.get("schema") != MULTI_SCHEMA:
            raise ValueError(f"not a {MULTI_SCHEMA} document (schema={data.get('schema')!r})")
        sources = tuple(Document.from_json(d) for d in data["sources"])
        changes = tuple(_change(c) for c in data["changes"])
        return cls(sources, Document.from_json(data["rewrite"]), changes, str(data.get("engine", "")))


def _span(v: Any) -> Span | None:
    return (int(v[0]), int(v[1])) if v is not None else None


def _source_of(v: Any) -> int | None:
    return int(str(v)[1:]) - 1 if v else None


def _change(c: Mapping[str, Any]) -> MultiChange:
    near: Nearest | None = None
    if isinstance(c.get("nearest"), Mapping):
        target = str(c["nearest"]["claim"])
        near = (ClaimRef.parse(target) if ":" in target else target, float(c["nearest"]["similarity"]))
    return MultiChange(
        id=str(c["id"]),
        kind=ChangeKind(c["kind"]),
        original=tuple(ClaimRef.parse(k) for k in c["original"]),
        rewrite=tuple(str(r) for r in c["rewrite"]),
        similarity=float(c["similarity"]),
        diff=tuple(
            SourcedOp(
                DiffOp(
                    DiffOpKind(o["op"]),
                    _span(o["original"]),
                    _span(o["rewrite"]),
                    bool(o.get("trivial", False)),
                ),
                int(str(o["source"])[1:]) - 1,
            )
            for o in c.get("diff", ())
        ),
        flags=tuple(SourcedFlag(Flag.from_json(f), _source_of(f.get("source"))) for f in c.get("flags", ())),
        moved=bool(c.get("moved", False)),
        nearest=near,
        omitted=tuple(
            SourcedFlag(Flag.from_json(f), _source_of(f.get("source"))) for f in c.get("omitted", ())
        ),
        primary=bool(c.get("primary", True)),
    )
