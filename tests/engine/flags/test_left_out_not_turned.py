"""A summary that leaves out the part of a sentence a negation or a hedge qualified has omitted
it; only one that still says the qualified thing, without the negation or hedge, has changed
it. Seen on the dev half of QAGS-C's news summaries (benchmarks/summaries_qags.py): "details
have not been released but police said …" summed up as what police said was flagged "negation
lost", and "a secret unit that would spy on …" cut after "unit" a certainty change."""

from __future__ import annotations

import pytest

from factcheck_gui.engine import Comparison, Flag, FlagType, compare_texts


def flags_of(cmp: Comparison, ftype: FlagType) -> list[Flag]:
    return [f for c in cmp.changes for f in c.flags if f.type is ftype]


def test_a_negated_clause_left_out_is_no_negation_lost() -> None:
    original = (
        "The child's details have not been released but a police spokesman said the child "
        "is expected to make a full recovery.\n"
    )
    rewrite = "The child is expected to make a full recovery.\n"
    assert flags_of(compare_texts(original, rewrite), FlagType.NEGATION) == []


def test_the_negated_statement_said_without_its_negation_is_still_flagged() -> None:
    original = "The minister has not approved the new dam on the river.\n"
    rewrite = "The minister has approved the new dam on the river.\n"
    (flag,) = flags_of(compare_texts(original, rewrite), FlagType.NEGATION)
    assert "negation lost" in flag.message


def test_not_immediately_clear_said_as_clear_is_flagged() -> None:
    original = "It was not immediately clear who fired the shots at the border post.\n"
    rewrite = "It was clear who fired the shots at the border post.\n"
    assert flags_of(compare_texts(original, rewrite), FlagType.NEGATION)


def test_a_modal_in_a_clause_left_out_is_no_certainty_change() -> None:
    original = (
        "The files show the government approved plans to send officers to run a secret unit "
        "that would spy on the extremists.\n"
    )
    rewrite = "The files show the government approved plans to send officers to run a secret unit.\n"
    assert flags_of(compare_texts(original, rewrite), FlagType.HEDGE) == []


def test_a_hedge_dropped_from_what_is_still_said_is_flagged() -> None:
    original = "Russia might supply weapons to North Korea, the president said on Thursday.\n"
    rewrite = "Russia will supply weapons to North Korea, the president said on Thursday.\n"
    assert flags_of(compare_texts(original, rewrite), FlagType.HEDGE)


def test_a_negation_left_out_with_what_it_negated_is_an_omission() -> None:
    # QAGS-C dev: "… crowned champions for the third year running without even kicking a ball"
    original = (
        "Bayern Munich were crowned champions for the third year running without even kicking "
        "a ball on Sunday.\n"
    )
    rewrite = "Bayern Munich were crowned champions for the third year running.\n"
    cmp = compare_texts(original, rewrite)
    assert flags_of(cmp, FlagType.NEGATION) == []
    # ... still there for a reader who wants every omission
    assert any(f.type is FlagType.NEGATION for c in cmp.changes for f in c.omitted)


def test_no_longer_dropped_from_what_is_still_said_is_flagged() -> None:
    original = "Australian shoppers will no longer be offered second best a season late.\n"
    rewrite = "Australian shoppers will be offered second best a season late.\n"
    (flag,) = flags_of(compare_texts(original, rewrite), FlagType.NEGATION)
    assert "negation lost" in flag.message


def test_a_quotation_trimmed_of_its_negated_sentence_is_flagged() -> None:
    # the demo pair's "I do not exclude this either": the rewrite still quotes the speaker
    original = (
        "“We reserve the right to supply weapons to other regions. I do not exclude this either,” he said.\n"
    )
    rewrite = "“We reserve the right to supply weapons to other regions,” he said.\n"
    assert flags_of(compare_texts(original, rewrite), FlagType.NEGATION)


@pytest.mark.parametrize(
    ("original", "rewrite", "ftype"),
    [
        # the verb that follows the negation changes form ("win" / "won"): the rest is still said
        (
            "The incumbent did not win the election in March.",
            "The incumbent won the election in March.",
            "negation",
        ),
        (
            "The suspect did not flee the scene, police said.",
            "The suspect fled the scene, police said.",
            "negation",
        ),
        ("The firm did not sell its stake in the bank.", "The firm sold its stake in the bank.", "negation"),
        (
            "The police did not find any weapons in the car.",
            "The police found weapons in the car.",
            "negation",
        ),
        ("The rules do not apply to small firms.", "The rules apply to small firms.", "negation"),
        (
            "Prices may rise by 5% next year, the bank said.",
            "Prices rose by 5% next year, the bank said.",
            "hedge",
        ),
    ],
)
def test_a_marker_dropped_before_another_form_of_its_verb_is_flagged(
    original: str, rewrite: str, ftype: str
) -> None:
    cmp = compare_texts(original + "\n", rewrite + "\n")
    assert flags_of(cmp, FlagType(ftype)), [f.message for c in cmp.changes for f in c.omitted]


def test_not_just_said_as_more_than_is_no_negation_lost() -> None:
    # a statement quoted by a news report (benchmarks/pairs/fresh): "not just" affirms
    original = (
        "So let's be clear: this disclosure is not just an attack on America's foreign policy interests.\n"
    )
    rewrite = "She called the release more than an attack on U.S. foreign policy interests.\n"
    assert flags_of(compare_texts(original, rewrite), FlagType.NEGATION) == []
    # ... while a plain "not" dropped still is one
    cmp = compare_texts(
        "The disclosure is not an attack on our interests.\n",
        "The disclosure is an attack on our interests.\n",
    )
    assert flags_of(cmp, FlagType.NEGATION)
