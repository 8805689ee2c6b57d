"""Reuse links between claims already linked elsewhere: shown only when they explain something."""

from __future__ import annotations

from factcheck_gui.engine import compare_texts


def test_look_alike_sentences_each_restated_are_not_cross_linked_as_reuse() -> None:
    # Two sentences of one release that share a phrase but not their numbers or places, each
    # restated by its own sentence of the article: nothing links the first to the second's
    # restatement, whose every shared word its own counterpart already says.
    original = (
        "U.S. military forces continued to attack ISIL terrorists in Syria Thursday and today "
        "using fighter aircraft to conduct seven airstrikes.\n\n"
        "Separately, partner nation military forces used fighter aircraft to conduct two "
        "airstrikes against ISIL in Iraq.\n"
    )
    rewrite = (
        "U.S. military forces continued to attack ISIL terrorists in Syria yesterday and today "
        "using fighter aircraft to conduct seven airstrikes.\n\n"
        "Separately, partner-nation military forces used fighter aircraft to conduct two "
        "airstrikes against ISIL in Iraq.\n"
    )
    pairs = sorted((c.original, c.rewrite) for c in compare_texts(original, rewrite).changes)
    assert pairs == [(("o1",), ("r1",)), (("o2",), ("r2",))], pairs


def test_a_sentence_that_folds_in_another_ones_facts_is_still_shown_as_reuse() -> None:
    # The rewrite's first sentence restates the first original and adds the second's figure:
    # that second link explains words its own counterpart lacks, so it stays.
    original = (
        "The United States will send eight military helicopters to assist relief efforts in the "
        "flooded province.\n\n"
        "The helicopters will carry food, water and medicine to about 40,000 stranded villagers "
        "in the mountains.\n"
    )
    rewrite = (
        "The United States will send eight military helicopters to assist relief efforts in the "
        "flooded province, carrying food, water and medicine to about 40,000 stranded villagers.\n\n"
        "The aircraft are to carry food, water and medicine to about 40,000 stranded villagers "
        "in the mountains.\n"
    )
    pairs = {(c.original, c.rewrite) for c in compare_texts(original, rewrite).changes}
    assert (("o2",), ("r1",)) in pairs, pairs
