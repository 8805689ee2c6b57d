"""Quotation flags: every quotation of a rewrite claim checked against the whole original (the
check itself is :mod:`factcheck_gui.engine.quotes`; this picks the original claims to check
each claim's quotations against)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from factcheck_gui.engine.align import CandidateIndex
from factcheck_gui.engine.quotes import Quote, Source, check_quotes, find_quotes
from factcheck_gui.engine.similarity import cached_terms
from factcheck_gui.engine.types import Claim, Flag


class QuoteContext(Protocol):
    """What the quotation flags need of the whole comparison."""

    @property
    def original(self) -> str: ...

    @property
    def rewrite(self) -> str: ...

    @property
    def index(self) -> CandidateIndex:
        """Candidate original claims for some words."""

    @property
    def source(self) -> Source:
        """The original's quotations (built on first use: most claims quote nobody)."""


@lru_cache(maxsize=4_096)
def claim_quotes(text: str, start: int, end: int) -> tuple[Quote, ...]:
    """``find_quotes(text, start, end)``, kept: a rewrite claim linked to several original
    claims (a story that repeats itself, a claim reused in others) has its quotations looked
    for once, not once per change it is in. (The text is hashed once: str keeps its hash.)"""
    return tuple(find_quotes(text, start, end))


def quote_flags(rc: Sequence[Claim], linked: list[int], ctx: QuoteContext) -> list[Flag]:
    """Flags for the quotations of the rewrite claims ``rc``, each checked against the original
    claims ``linked`` to them and those whose words are most like the claim's or the quote's
    (so a claim with many quotations costs what each of them does, no more)."""
    flags: list[Flag] = []
    rewrite = ctx.rewrite
    index = ctx.index
    for c in rc:
        quotes = claim_quotes(rewrite, c.start, c.end)
        if not quotes:
            continue
        source = ctx.source
        near: list[int] = []  # (found on first use: most quotations are the source's own words)

        def candidates(q: Quote, c: Claim = c, near: list[int] = near) -> list[int]:
            if not near:
                near += dict.fromkeys(linked + [i for _, i in index.query(cached_terms(c.text), 6)])
            own = [i for _, i in index.query(cached_terms(q.text), 6) if i not in near]
            return near + list(dict.fromkeys(own))

        flags.extend(check_quotes(rewrite, c, ctx.original, source.claims, candidates, source, quotes))
    return flags
