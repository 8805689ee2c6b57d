"""A reviewer's link: a removed and an added claim the engine left apart, made one change.

The engine links claims only where the evidence is strong; a heavy restatement ("A flood
killed 40 people" / "Officials now put the death toll at 45") stays one removed and one added
claim, and its changed figure is flagged nowhere. A reviewer who sees that they are one claim
links them: :func:`link_by_hand` replaces the two changes by one, whose word diff and fact
flags are the engine's own, worked out against the whole texts as in a comparison (the other
changes stay exactly as they were, ids and all). :func:`unlink` puts the two back.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace

from factcheck_gui.engine import align as _align
from factcheck_gui.engine.compare import _change, _Context
from factcheck_gui.engine.similarity import Profiles, Vocabulary, similarity, terms_and_norms
from factcheck_gui.engine.types import Change, ChangeKind, Comparison, claim_index


class LinkError(ValueError):
    """Two changes that cannot be linked; the message says why, in one line."""


def one_sided(comparison: Comparison, change_id: str) -> Change:
    """The added or removed change ``change_id``; :class:`LinkError` (one line) for another."""
    try:
        change = comparison.change(change_id)
    except KeyError:
        raise LinkError(f"no change {change_id} in this review") from None
    if change.kind not in (ChangeKind.REMOVED, ChangeKind.ADDED):
        raise LinkError(
            f"{change_id} is {change.kind.value}, not added or removed: only a removed and an added "
            "claim can be linked by hand"
        )
    return change


def next_change_id(comparison: Comparison, taken: Iterable[str] = ()) -> str:
    """A change id that no change of ``comparison`` has, nor any of ``taken`` (one past the
    highest): a change linked, taken apart and linked anew never shares an earlier one's id."""
    ids = itertools.chain((c.id for c in comparison.changes), taken)
    numbers = [int(cid[1:]) for cid in ids if cid[1:].isdigit()]
    return f"c{max(numbers, default=0) + 1}"


def link_by_hand(
    comparison: Comparison, first: str, second: str, new_id: str | None = None
) -> tuple[Comparison, Change]:
    """``comparison`` with the removed change and the added change ``first`` and ``second`` (in
    either order) made one change, where the removed one stood; and that change (its id
    ``new_id``, by default :func:`next_change_id`).

    Raises :class:`LinkError` unless one is a removed and the other an added change.
    """
    a, b = one_sided(comparison, first), one_sided(comparison, second)
    if a.kind is b.kind:
        raise LinkError(
            f"{first} and {second} are both {a.kind.value}: link a removed claim with an added one"
        )
    removed, added = (a, b) if a.kind is ChangeKind.REMOVED else (b, a)
    original, rewrite = comparison.original, comparison.rewrite
    o_claims, r_claims = list(original.claims), list(rewrite.claims)
    o_texts = [c.text for c in o_claims]
    r_texts = [c.text for c in r_claims]
    terms, sets, norms = terms_and_norms(o_texts + r_texts)
    vocab = Vocabulary(sets)
    quote_index = _align.CandidateIndex(sets[: len(o_texts)], vocab)
    o_prof = Profiles(o_texts, vocab, terms[: len(o_texts)], norms[: len(o_texts)])
    r_prof = Profiles(r_texts, vocab, terms[len(o_texts) :], norms[len(o_texts) :])
    o_idx = tuple(claim_index(cid) for cid in removed.original)
    r_idx = tuple(claim_index(cid) for cid in added.rewrite)
    group = _align.Group(o_idx, r_idx, 1.0)
    # Out of order as a comparison would say it: among the two-sided changes, in rewrite order.
    groups = [
        _align.Group(
            tuple(claim_index(c) for c in ch.original),
            tuple(claim_index(c) for c in ch.rewrite),
            ch.similarity,
        )
        for ch in comparison.changes
        if ch.id not in (removed.id, added.id)
    ]
    groups.append(group)
    moved = len(groups) - 1 in _align.out_of_order(groups)
    ctx = _Context(original.text, rewrite.text, o_claims, quote_index, r_claims)
    new_id = new_id or next_change_id(comparison)
    linked = _change(
        new_id,
        group,
        moved,
        [o_claims[i] for i in o_idx],
        [r_claims[j] for j in r_idx],
        o_prof,
        r_prof,
        vocab,
        ctx,
    )
    places = {ch.id: k for k, ch in enumerate(comparison.changes)}
    linked = replace(linked, linked_from=((places[removed.id], removed), (places[added.id], added)))
    changes = tuple(linked if ch.id == removed.id else ch for ch in comparison.changes if ch.id != added.id)
    return replace(comparison, changes=changes), linked


def unlink(comparison: Comparison, linked_id: str) -> tuple[Comparison, tuple[Change, ...]]:
    """``comparison`` with the hand-made change ``linked_id`` taken apart into the two changes
    it replaced, each at its place, as it was before :func:`link_by_hand`; and those two."""
    try:
        linked = comparison.change(linked_id)
    except KeyError:
        raise LinkError(f"no change {linked_id} in this review") from None
    if not linked.by_hand:
        raise LinkError(f"{linked_id} was linked by the engine, not by hand: it cannot be unlinked")
    (_, removed), (_, added) = linked.linked_from
    changes = [removed if ch.id == linked_id else ch for ch in comparison.changes]
    changes.insert(added_place(changes, added), added)
    return replace(comparison, changes=tuple(changes)), (removed, added)


def added_place(changes: list[Change], added: Change) -> int:
    """Where an added claim's change goes back among ``changes`` in the comparison's reading
    order: before the first change, made by the engine, that starts later in the rewrite.

    The removed claim's change takes the place the link held, so undoing links in any order,
    after other links made and undone meanwhile, gives the engine's order back.
    """
    at = claim_index(added.rewrite[0])
    for k, ch in enumerate(changes):
        if ch.rewrite and not ch.by_hand and claim_index(ch.rewrite[0]) > at:
            return k
    return len(changes)


def link_candidates(
    comparison: Comparison, change_id: str, limit: int = 5, reach: int = 40
) -> list[tuple[Change, float]]:
    """The changes a removed (added) change ``change_id`` may be linked with by hand, likeliest
    first, each with the engine's similarity of the two claims: the added (removed) changes
    within ``reach`` changes of it in reading order, and the one holding its closest
    counterpart wherever it is. Empty for a change that is not added or removed.

    Scored against a vocabulary of these claims alone: a handful of claims, whatever the
    story's length, so the window can ask when its menu opens.
    """
    at = next((k for k, c in enumerate(comparison.changes) if c.id == change_id), None)
    if at is None:
        return []
    change = comparison.changes[at]
    if change.kind not in (ChangeKind.REMOVED, ChangeKind.ADDED):
        return []
    want = ChangeKind.ADDED if change.kind is ChangeKind.REMOVED else ChangeKind.REMOVED
    near = [c for c in comparison.changes[max(0, at - reach) : at + reach + 1] if c.kind is want]
    if change.nearest is not None:
        holder = next((c for c in comparison.changes if change.nearest[0] in c.original + c.rewrite), None)
        if holder is not None and holder.kind is want and holder not in near:
            near.append(holder)
    if not near:
        return []

    def text(c: Change) -> str:
        doc, ids = (comparison.original, c.original) if c.original else (comparison.rewrite, c.rewrite)
        return " ".join(doc.claims[claim_index(cid)].text for cid in ids)

    texts = [text(change), *map(text, near)]
    terms, sets, norms = terms_and_norms(texts)
    vocab = Vocabulary(sets)
    profiles = Profiles(texts, vocab, terms, norms)
    mine = profiles[0]
    scored = [(c, similarity(mine, profiles[k], vocab)) for k, c in enumerate(near, 1)]
    scored.sort(key=lambda cs: -cs[1])
    return scored[:limit]
