"""Carry-over: verdicts follow identical wording into a re-run or a later version of a story."""

from __future__ import annotations

import pytest

from factcheck_gui.engine import Comparison, compare_texts
from factcheck_gui.store import ReviewStore, UnknownReviewError, fingerprint

ORIGINAL = (
    "The mayor said the bridge would cost 40 million euros. "
    "Work is due to start in March. "
    "Critics say the budget is unrealistic. "
    "The council will vote on Friday."
)
V2 = (
    "The mayor said the bridge will cost 45 million euros. "
    "Work is due to start in March. "
    "Critics claim the budget is unrealistic. "
    "The council will vote on Friday."
)
V3 = (
    "The mayor said the bridge will cost 45 million euros. "
    "Work is due to start in April. "
    "Critics claim the budget is unrealistic. "
    "The council will vote on Friday."
)


def cmp(a: str, b: str, na: str, nb: str) -> Comparison:
    return compare_texts(a, b, original_name=na, rewrite_name=nb)


def change_with(c: Comparison, words: str) -> str:
    return next(ch.id for ch in c.changes if words in c.text_of(ch, "rewrite"))


def test_verdicts_carry_to_a_new_version_against_the_same_original(store: ReviewStore) -> None:
    first = cmp(ORIGINAL, V2, "story.txt", "v2.txt")
    a = store.create_review(first, title="v2", reviewer="ann")
    cost, march, critics = (change_with(first, w) for w in ("45 million", "March", "Critics"))
    store.set_verdict(a, cost, "Distorted", reviewer="ann", note="40 → 45", expected_version=0)
    store.set_verdict(a, march, "Accurate", reviewer="ann", expected_version=0)
    store.set_verdict(a, critics, "Faithful paraphrase", reviewer="bob", expected_version=0)

    second = cmp(ORIGINAL, V3, "story.txt", "v3.txt")
    offers = store.carry_over_candidates(second)
    assert [(o.review_id, o.relation, o.verdicts) for o in offers] == [(a, "same original", 2)]  # not "March"

    b = store.create_review(second, title="v3", reviewer="cat")
    assert store.carry_over_candidates(second, exclude_review_id=b)[0].review_id == a
    critics_b = change_with(second, "Critics")
    mine = store.set_verdict(
        b, critics_b, "Misleading", reviewer="cat", expected_version=0
    )  # already decided

    assert store.carry_over(a, b, reviewer="cat") == 1
    review = store.load_review(b)
    cost_b = change_with(second, "45 million")
    carried = review.verdicts[cost_b]
    assert (carried.value, carried.note, carried.reviewer) == ("Distorted", "40 → 45", "ann")
    assert carried.carried_from == f"review {a} change {cost}"
    assert review.verdicts[critics_b] == mine  # a verdict already given is never overwritten
    assert change_with(second, "April") not in review.verdicts  # different wording: a person decides
    (entry,) = [h for h in review.history if h.action == "carried"]
    assert (entry.change_id, entry.reviewer, entry.new_value, entry.carried_from) == (
        cost_b,
        "cat",
        "Distorted",
        carried.carried_from,
    )
    # Deciding again replaces the carried mark: a person decided it now.
    again = store.set_verdict(b, cost_b, "Misleading", reviewer="cat", expected_version=carried.version)
    assert again.carried_from is None
    assert store.carry_over(a, b, reviewer="cat") == 0  # nothing left to carry


def test_fingerprints_ignore_case_spacing_and_quote_style_but_not_words() -> None:
    one = cmp("He said “yes”.  It rained.", 'He said "yes". It rained.', "a", "b")
    two = cmp('he said "yes". It rained.', "HE SAID “YES”.\nIt rained.", "a", "b")
    three = cmp("He said “no”. It rained.", 'He said "yes". It rained.', "a", "b")
    assert fingerprint(one, one.changes[0]) == fingerprint(two, two.changes[0])
    assert fingerprint(one, one.changes[0]) != fingerprint(three, three.changes[0])


def test_the_previous_version_is_offered_for_v2_against_v3(store: ReviewStore) -> None:
    first = cmp(ORIGINAL, V2, "story.txt", "v2.txt")
    a = store.create_review(first, title="v1→v2", reviewer="ann")
    council = change_with(first, "council")  # same wording in all three versions
    store.set_verdict(a, council, "Accurate", reviewer="ann", expected_version=0)
    store.set_verdict(a, change_with(first, "45 million"), "Distorted", reviewer="ann", expected_version=0)

    chained = cmp(V2, V3, "v2.txt", "v3.txt")
    offers = store.carry_over_candidates(chained)
    assert [(o.review_id, o.relation, o.verdicts) for o in offers] == [(a, "previous version", 1)]
    b = store.create_review(chained, title="v2→v3", reviewer="ann")
    assert store.carry_over(a, b, reviewer="ann") == 1
    assert store.load_review(b).verdicts[change_with(chained, "council")].value == "Accurate"


def test_unrelated_stories_are_not_offered(store: ReviewStore) -> None:
    a = store.create_review(cmp(ORIGINAL, V2, "a", "b"), title="t", reviewer="ann")
    store.set_verdict(a, "c1", "Accurate", reviewer="ann", expected_version=0)
    assert (
        store.carry_over_candidates(cmp("Another story entirely.", "Another story, entirely.", "x", "y"))
        == []
    )


# An earlier draft of the original: "Compare again" replaced the original side, the rewrite
# stayed. Only the cost sentence differs from ORIGINAL.
DRAFT = (
    "The mayor said the bridge would cost 35 million euros. "
    "Work is due to start in March. "
    "Critics say the budget is unrealistic. "
    "The council will vote on Friday."
)


def test_a_review_of_the_same_rewrite_is_offered_when_the_original_changed(store: ReviewStore) -> None:
    first = cmp(DRAFT, V2, "draft.txt", "v2.txt")
    a = store.create_review(first, title="draft→v2", reviewer="ann")
    store.set_verdict(a, change_with(first, "45 million"), "Distorted", reviewer="ann", expected_version=0)
    store.set_verdict(
        a, change_with(first, "Critics"), "Faithful paraphrase", reviewer="ann", expected_version=0
    )
    store.set_verdict(a, change_with(first, "council"), "Accurate", reviewer="ann", expected_version=0)

    again = cmp(ORIGINAL, V2, "story.txt", "v2.txt")  # the final original, same rewrite
    offers = store.carry_over_candidates(again)
    # The cost sentence reads differently on the original side now: a person decides it.
    assert [(o.review_id, o.relation, o.verdicts) for o in offers] == [(a, "same rewrite", 2)]
    b = store.create_review(again, title="story→v2", reviewer="ann")
    assert store.carry_over_candidates(again, exclude_review_id=b)[0].review_id == a
    assert store.carry_over_count(a, b) == 2
    assert store.carry_over(a, b, reviewer="ann") == 2
    carried = store.load_review(b).verdicts
    assert carried[change_with(again, "Critics")].value == "Faithful paraphrase"
    assert carried[change_with(again, "council")].value == "Accurate"
    assert change_with(again, "45 million") not in carried


def test_a_review_of_the_same_original_is_still_called_same_original(store: ReviewStore) -> None:
    # Same pair again (both sides equal): the original is what the relation names.
    first = cmp(ORIGINAL, V2, "story.txt", "v2.txt")
    a = store.create_review(first, title="one", reviewer="ann")
    store.set_verdict(a, change_with(first, "council"), "Accurate", reviewer="ann", expected_version=0)
    assert [(o.relation, o.verdicts) for o in store.carry_over_candidates(first)] == [("same original", 1)]


def test_the_dry_run_count_is_exactly_what_carry_over_then_does(store: ReviewStore) -> None:
    first = cmp(ORIGINAL, V2, "story.txt", "v2.txt")
    a = store.create_review(first, title="v2", reviewer="ann")
    for words, value in (("45 million", "Distorted"), ("Critics", "Misquote"), ("council", "Accurate")):
        store.set_verdict(a, change_with(first, words), value, reviewer="ann", expected_version=0)
    store.set_verdict(a, change_with(first, "March"), "Accurate", reviewer="ann", expected_version=0)

    second = cmp(ORIGINAL, V3, "story.txt", "v3.txt")
    b = store.create_review(second, title="v3", reviewer="cat", scale=["Accurate", "Distorted", "Misleading"])
    # Cost and council carry; "Critics" was a Misquote, not on b's scale; "April" is new
    # wording. Once council has a verdict of its own, only the cost remains.
    assert store.carry_over_count(a, b) == 2
    store.set_verdict(b, change_with(second, "council"), "Misleading", reviewer="cat", expected_version=0)
    before = store.load_review(b)
    assert store.carry_over_count(a, b) == 1
    assert store.load_review(b) == before  # a dry run writes nothing, not even history
    assert store.carry_over(a, b, reviewer="cat") == 1
    assert store.load_review(b).verdicts[change_with(second, "45 million")].value == "Distorted"
    assert store.carry_over_count(a, b) == 0
    assert store.carry_over_count(b, a) == 0  # everything in a is decided already


def test_the_dry_run_count_names_an_unknown_review(store: ReviewStore) -> None:
    a = store.create_review(cmp(ORIGINAL, V2, "a", "b"), title="t", reviewer="ann")
    with pytest.raises(UnknownReviewError, match="no review 999"):
        store.carry_over_count(999, a)
    with pytest.raises(UnknownReviewError, match="no review 998"):
        store.carry_over_count(a, 998)
