"""The alignment's phases, each on its own."""

from __future__ import annotations

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.align.gaps import best_monotone, gaps


def test_best_monotone_takes_the_heaviest_chain_increasing_in_both() -> None:
    values = {(0, 0): 1.0, (1, 2): 0.5, (2, 1): 0.9, (3, 3): 1.0}
    assert best_monotone(values) == [(0, 0), (2, 1), (3, 3)]
    assert best_monotone({}) == []
    assert best_monotone({(0, 0): -1.0}) == []


def test_best_monotone_breaks_ties_the_same_way_whichever_text_is_the_original() -> None:
    forward = best_monotone({(3, 1): 1.0, (0, 2): 1.0})
    backward = best_monotone({(1, 3): 1.0, (2, 0): 1.0})
    assert [(r, o) for o, r in forward] == backward


def test_gaps_are_the_free_claims_between_consecutive_anchors() -> None:
    anchors = [(0, 0), (4, 3)]
    found = gaps(anchors, free_o=[1, 2, 5], free_r=[1, 2, 4], n_o=6, n_r=5)
    assert found == [([1, 2], [1, 2]), ([5], [4])]


def test_a_lossy_restatement_between_two_kept_claims_is_linked_by_the_gap() -> None:
    original = (
        "The council met on Monday evening in the town hall.\n\n"
        "Officials said the new bridge over the river would cost about 40 million euros and open in 2027.\n\n"
        "The mayor thanked residents for their patience during the works.\n"
    )
    rewrite = (
        "The council met on Monday evening in the town hall.\n\n"
        "A river bridge costing 40 million is due in 2027.\n\n"
        "The mayor thanked residents for their patience during the works.\n"
    )
    cmp = compare_texts(original, rewrite)
    kinds = {(c.original, c.rewrite): c.kind.value for c in cmp.changes}
    assert kinds.get((("o2",), ("r2",))) == "reworded", kinds


def test_a_headline_sums_up_its_lead_without_splitting_it() -> None:
    original = "Officials said the flood killed 40 people and forced thousands from the valley on Sunday.\n"
    rewrite = (
        "Flood kills 40 in valley\n\n"
        "Officials said the flood killed 40 people and forced thousands from the valley on Sunday.\n"
    )
    cmp = compare_texts(original, rewrite)
    by_rewrite = {c.rewrite: c for c in cmp.changes}
    assert by_rewrite[("r2",)].kind.value == "unchanged"
    assert by_rewrite[("r1",)].original == ("o1",)
    assert not [c for c in cmp.changes if c.kind.value == "added"]


def test_a_transcripts_presenters_line_is_not_linked_to_a_sentence_naming_them() -> None:
    # A DoD briefing transcript and the AFPS story about it (benchmarks/pairs, statement-gates-greenert-cno):
    # the header line names who spoke; the story's sentence quotes one of them and restates nothing of it.
    original = (
        "Presenters: Secretary of Defense Robert Gates and Chairman of the Joint Chiefs of Staff Adm. Mike Mullen\n"
        "SEC. GATES: Good afternoon.\n"
    )
    rewrite = (
        "Navy Adm. Mike Mullen, chairman of the Joint Chiefs of Staff, said Greenert is “an exceptional "
        "officer, and if confirmed, will be, I believe, an exceptional CNO.”\n"
    )
    cmp = compare_texts(original, rewrite)
    (mullen,) = [c for c in cmp.changes if c.rewrite == ("r1",)]
    assert mullen.kind.value == "added"  # (its quotation is not in this excerpt: flagged as such)
    # two such header lines are still each other's counterpart
    other = original.replace("Robert Gates", "Robert M. Gates")
    linked = {(c.original, c.rewrite) for c in compare_texts(original, other).changes}
    assert (("o1",), ("r1",)) in linked


LONE_O = (
    "The United Nations estimates 7.7 million people in Somalia need aid this year.\n"
    "Many are on the verge of famine because the rains have failed to fall for a third year in a row.\n"
    "Adam Abdelmoula, the U.N. coordinator for Somalia, spoke by video link from Mogadishu.\n"
)
LONE_R = (
    "The United Nations estimates that 7.7 million people in Somalia need aid this year.\n"
    "The country faces a famine because of a lack of rainfall for a third year straight.\n"
    "Adam Abdelmoula is the U.N. coordinator for Somalia and spoke by video link from Mogadishu.\n"
)


def test_a_lone_claim_a_side_between_two_links_is_linked_on_fewer_shared_words() -> None:
    # order says the middle sentences are one claim ("famine", "third year" in common)
    kinds = [ch.kind.value for ch in compare_texts(LONE_O, LONE_R).changes]
    assert kinds == ["reworded", "reworded", "reworded"]
    # the same two sentences alone share too few words to be linked
    alone = compare_texts(LONE_O.splitlines()[1] + "\n", LONE_R.splitlines()[1] + "\n")
    assert sorted(ch.kind.value for ch in alone.changes) == ["added", "removed"]


def test_a_lone_pair_sharing_only_when_and_where_is_not_linked() -> None:
    # "in the north of the country on Tuesday": two events, however the gap places them
    o, r = LONE_O.splitlines(), LONE_R.splitlines()
    o[1] = "The president met farmers in the north of the country on Tuesday."
    r[1] = "Rebels attacked a police post in the north of the country on Tuesday."
    kinds = [ch.kind.value for ch in compare_texts("\n".join(o) + "\n", "\n".join(r) + "\n").changes]
    assert kinds == ["reworded", "removed", "added", "reworded"]
