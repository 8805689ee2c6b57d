"""Fact-sensitive differences inside a linked change: numbers, dates, names, titles, hedges,
negation, attribution, and quotations. Each flag carries both sides' wording and a one-line
message.

Extraction is rule based and fast; a flag is raised when the *normalised* facts of the two
sides differ ("3" and "three" are the same number, "may" and "might" the same hedge). One
module per family of rules; their word lists are in :mod:`factcheck_gui.engine.lexicon`.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.flags.dates import date_flag
from factcheck_gui.engine.flags.markers import marker_flags
from factcheck_gui.engine.flags.names import names_flag, scan_names
from factcheck_gui.engine.flags.numbers import number_flag
from factcheck_gui.engine.flags.quotations import QuoteContext, quote_flags
from factcheck_gui.engine.flags.titles import may_have_titles, mentions, title_flags
from factcheck_gui.engine.types import Claim, DiffOp, Flag

__all__ = ["QuoteContext", "fact_flags", "quote_flags"]


def fact_flags(
    orig: Sequence[Claim], rew: Sequence[Claim], proper: frozenset[str], diff: Sequence[DiffOp] = ()
) -> list[Flag]:
    """All fact flags between two sides of a change (``proper``: keys of words that are names
    even at a sentence start; ``diff``: their word diff, if known)."""
    flags: list[Flag] = []
    ta, tb = tokens_of(orig), tokens_of(rew)
    for flag in (number_flag(orig, rew, ta, tb, diff), date_flag(orig, rew)):
        if flag:
            flags.append(flag)
    titles = may_have_titles(ta, orig) or may_have_titles(tb, rew)
    scan_a, scan_b = scan_names(ta, proper, titles), scan_names(tb, proper, titles)
    flag = names_flag(scan_a.facts, scan_b.facts, diff)
    if flag:
        flags.append(flag)
    if titles:
        flags.extend(title_flags(mentions(ta, scan_a), mentions(tb, scan_b), ta, tb))
    flags.extend(marker_flags(orig, rew, ta, tb))
    return flags
