"""What a change's claims gave once, reused where the same words come back at other offsets.

A long story repeats itself (boilerplate, a paragraph pasted twice, a list of like items), and
a run-on text cut into pieces gives many pieces with the same words: their score, word diff
and fact flags depend on the claims' words and on where each claim starts relative to the
first of its side, never on where the side starts in the document. So they are worked out
once per set of words and moved to the new offsets (tests/engine/test_repeats.py compares
this with working everything out again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck_gui.engine.types import Claim, DiffOp, Flag, Span, new_diffop

# Off only in tests, which compare reuse with working everything out again.
REUSE = True

# (first claim's start, the words of a side: one claim's text, or each claim's text and start
# relative to the first)
_Side = str | tuple[tuple[str, int], ...]


def _side(claims: Sequence[Claim]) -> tuple[int, _Side]:
    base = claims[0].start
    if len(claims) == 1:
        return base, claims[0].text
    return base, tuple((c.text, c.start - base) for c in claims)


def _moved(span: Span | None, by: int) -> Span | None:
    return (span[0] + by, span[1] + by) if span is not None else None


@dataclass(slots=True)
class Seen:
    """What one set of claims gave, at the offsets it was worked out at."""

    o_base: int
    r_base: int
    sim: float
    diff: tuple[DiffOp, ...]
    facts: list[Flag] | None  # (None: not worked out, as the change was a secondary link)
    facts_o: int = 0
    facts_r: int = 0

    def diff_at(self, oc: Sequence[Claim], rc: Sequence[Claim]) -> tuple[DiffOp, ...]:
        do, dr = oc[0].start - self.o_base, rc[0].start - self.r_base
        if not do and not dr:
            return self.diff
        return tuple(
            [new_diffop(d.op, _moved(d.original, do), _moved(d.rewrite, dr), d.trivial) for d in self.diff]
        )

    def facts_at(self, oc: Sequence[Claim], rc: Sequence[Claim]) -> list[Flag] | None:
        if self.facts is None:
            return None
        do, dr = oc[0].start - self.facts_o, rc[0].start - self.facts_r
        if not do and not dr:
            return list(self.facts)
        return [
            Flag(
                f.type,
                f.original,
                f.rewrite,
                f.message,
                _moved(f.original_span, do),
                _moved(f.rewrite_span, dr),
                f.change,
                f.severity,
            )
            for f in self.facts
        ]

    def keep_facts(self, oc: Sequence[Claim], rc: Sequence[Claim], facts: list[Flag]) -> None:
        self.facts, self.facts_o, self.facts_r = facts, oc[0].start, rc[0].start


class ChangeMemo:
    """Seen sets of claims of one comparison, by their words."""

    def __init__(self) -> None:
        self._seen: dict[tuple[_Side, _Side], Seen] = {}
        self.hits = 0

    def get(self, oc: Sequence[Claim], rc: Sequence[Claim]) -> Seen | None:
        if not REUSE:
            return None
        got = self._seen.get((_side(oc)[1], _side(rc)[1]))
        self.hits += got is not None
        return got

    def put(
        self,
        oc: Sequence[Claim],
        rc: Sequence[Claim],
        sim: float,
        diff: tuple[DiffOp, ...],
        facts: list[Flag] | None,
    ) -> None:
        (ob, ok), (rb, rk) = _side(oc), _side(rc)
        self._seen[(ok, rk)] = Seen(ob, rb, sim, diff, facts, ob, rb)
