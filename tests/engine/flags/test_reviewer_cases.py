"""Cases an independent review of the app found: a change of fact the flags missed, and a
flag that said something false about the rewrite."""

from __future__ import annotations

from factcheck_gui.engine import Comparison, Flag, FlagType, compare_texts


def flags_of(cmp: Comparison) -> list[Flag]:
    return [f for c in cmp.changes for f in c.flags]


def test_peaceful_said_as_violent_is_a_word_changed() -> None:
    cmp = compare_texts("Police said the protest was peaceful.\n", "Police said the protest was violent.\n")
    (flag,) = flags_of(cmp)
    assert flag.type is FlagType.SUBSTITUTION and "peaceful → violent" in flag.message


def test_according_to_dropped_from_the_end_of_a_sentence_is_an_attribution_dropped() -> None:
    cmp = compare_texts(
        "At least 30 people were killed, according to the health ministry.\n", "30 people were killed.\n"
    )
    messages = [f.message for f in flags_of(cmp) if f.type is FlagType.ATTRIBUTION]
    assert messages == ["attribution dropped: according (the rewrite states it as fact)"]


def test_according_to_dropped_from_the_middle_of_a_sentence_too() -> None:
    cmp = compare_texts(
        "At least 30 people were killed, according to the health ministry, in the attack.\n",
        "At least 30 people were killed in the attack.\n",
    )
    assert [f.type for f in flags_of(cmp)] == [FlagType.ATTRIBUTION]


def test_the_source_left_out_with_what_it_said_is_no_attribution_dropped() -> None:
    cmp = compare_texts(
        "At least 30 people were killed, according to the health ministry.\n",
        "The health ministry counted the dead.\n",
    )
    assert not any(f.type is FlagType.ATTRIBUTION for f in flags_of(cmp))


def test_confirmed_said_as_suspected_is_a_word_changed_not_a_claim_stated_as_fact() -> None:
    cmp = compare_texts(
        "Officials confirmed the death of 12 people.\n", "Officials suspected the death of 12 people.\n"
    )
    (flag,) = flags_of(cmp)
    assert flag.type is FlagType.SUBSTITUTION and "confirmed → suspected" in flag.message


def test_a_reporting_verb_dropped_outright_is_still_an_attribution_dropped() -> None:
    cmp = compare_texts(
        "Officials confirmed that 12 people died in the fire at the depot.\n",
        "12 people died in the fire at the depot.\n",
    )
    assert [f.message for f in flags_of(cmp)] == [
        "attribution dropped: confirmed (the rewrite states it as fact)"
    ]


def test_a_figure_invented_for_what_the_original_states_is_a_flag() -> None:
    cmp = compare_texts(
        "Police arrested protesters in the square on Monday.\n",
        "Police arrested 40 protesters in the square on Monday.\n",
    )
    (flag,) = flags_of(cmp)
    assert flag.type is FlagType.NUMBER and flag.change == "added" and flag.severity == "medium"
    assert flag.message == "number added: 40 protesters"


def test_a_figure_for_background_the_rewrite_brings_in_stays_a_note() -> None:
    cmp = compare_texts(
        "The commander said the ships left port on Monday.\n",
        "The commander said the ships left port on Monday, 40 years after the war.\n",
    )
    assert not [f for f in flags_of(cmp) if f.type is FlagType.NUMBER]
    assert "number added: 40 years" in [f.message for c in cmp.changes for f in c.omitted]
