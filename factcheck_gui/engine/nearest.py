"""An added or removed claim set against its closest counterpart on the other side.

The engine leaves a claim one-sided when nothing scores high enough to be its counterpart; a
lossy restatement whose figure changed ("killed 40" / "put the death toll at 45") then shows
as one removed and one added claim, and the changed figure is nowhere. Set against the closest
claim the engine names (``Change.nearest``), the fact flags say what a link would have said
("number changed: 40 → 45"), so the reviewer sees it before deciding whether the two are one
claim. The two claims alone are compared (no look into the rest of the texts): it is a hint,
worked out in a millisecond or so when the change is shown.
"""

from __future__ import annotations

from factcheck_gui.engine.flags import fact_flags, split_omitted
from factcheck_gui.engine.types import Change, Comparison, Flag, FlagChange, FlagType
from factcheck_gui.engine.worddiff import word_diff

# The kinds of fact a hint names: those the two claims alone tell reliably. Figures and dates
# changed or added; a hedge or a negation only where one stands for another ("might" / "will"):
# one that a claim restated in other words merely adds is no sign of a changed fact. Names
# need the whole texts to tell a name at a sentence's start from a common word, and the
# reporting verb of a claim restated some other way differs more often than not.
HINT_TYPES = frozenset({FlagType.NUMBER, FlagType.DATE})
SWAP_HINT_TYPES = frozenset({FlagType.HEDGE, FlagType.NEGATION})


def against_nearest(comparison: Comparison, change: Change) -> list[Flag]:
    """The fact flags of ``change``'s claims against its closest counterpart, as if the two
    were one claim (changed and added facts only: what a shorter claim leaves out is expected
    of a claim the engine did not link). Empty for a change with claims on both sides or
    without a counterpart worth naming."""
    if change.nearest is None or (change.original and change.rewrite):
        return []
    cid = change.nearest[0]
    try:
        if change.original:
            oc = [comparison.original.claim(c) for c in change.original]
            rc = [comparison.rewrite.claim(cid)]
        else:
            oc = [comparison.original.claim(cid)]
            rc = [comparison.rewrite.claim(c) for c in change.rewrite]
    except (KeyError, IndexError, ValueError):
        return []
    flags, _omitted = split_omitted(fact_flags(oc, rc, frozenset(), word_diff(oc, rc)))
    return [
        f
        for f in flags
        if f.type in HINT_TYPES or (f.type in SWAP_HINT_TYPES and f.change is FlagChange.CHANGED)
    ]


def hint_line(comparison: Comparison, change: Change) -> str:
    """ "If one claim with r5: number changed: 25 → 26" ("" when the two agree on these facts)."""
    flags = against_nearest(comparison, change)
    if not flags or change.nearest is None:
        return ""
    return f"If one claim with {change.nearest[0]}: " + "; ".join(f.message for f in flags)
