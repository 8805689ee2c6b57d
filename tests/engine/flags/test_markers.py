"""Marker flags: hedges, negation and attribution by class; only what changed is shown."""

from __future__ import annotations

from factcheck_gui.engine.flags import markers
from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.segment import split_claims


def flags(original: str, rewrite: str) -> list[tuple[str, str, str, str]]:
    a, b = split_claims(original, "o"), split_claims(rewrite, "r")
    return [
        (f.type.value, f.original, f.rewrite, f.message)
        for f in markers.marker_flags(a, b, tokens_of(a), tokens_of(b))
    ]


def test_hedges_of_one_class_are_no_change() -> None:
    assert flags("The plan might close the library.", "The plan may close the library.") == []
    assert flags("The plan might close the library.", "The plan will close the library.") == [
        ("hedge", "might close", "will close", "modality changed: might → will")
    ]


def test_negation_lost_and_added() -> None:
    assert flags("He did not say the plan would fail.", "He said the plan would fail.") == [
        ("negation", "not say", "", "negation lost: “not” is not in the rewrite")
    ]
    assert flags("He said it would fail.", "He denied it would not fail.") == [
        ("negation", "", "denied it … not fail", "negation added: “denied … not” is not in the original"),
        ("attribution", "said it", "denied it", "reporting verb: said → denied"),
    ]


def test_reporting_phrases() -> None:
    assert flags("He said the plan would fail.", "He issued a stark warning that the plan would fail.") == [
        (
            "attribution",
            "said the",
            "issued a stark warning that",
            "reporting verb: said → issued a stark warning",
        )
    ]
    assert markers._phrase_at(tokenize("issued a stark warning today"), 0) == (3, "warned")
    assert markers._phrase_at(tokenize("issued a statement"), 0) == (2, "said")
    assert markers._phrase_at(tokenize("issued bonds"), 0) is None


def said(original: str, rewrite: str) -> list[tuple[str, str, str, str]]:
    a, b = split_claims(original, "o"), split_claims(rewrite, "r")
    return [
        (f.type.value, f.change.value, f.severity.value, f.message)
        for f in markers.marker_flags(a, b, tokens_of(a), tokens_of(b))
    ]


def test_a_hedge_dropped_or_changed_changes_certainty() -> None:
    assert said("The plan may close the library next year.", "The plan closes the library next year.") == [
        ("hedge", "changed", "medium", "modality dropped: may")
    ]
    assert said("The plan might close the library.", "The plan will close the library.") == [
        ("hedge", "changed", "high", "modality changed: might → will")
    ]
    assert said("The rescued included 20 officers.", "It appears the rescued included 20 officers.") == [
        ("hedge", "changed", "medium", "modality added: appears")
    ]


def test_a_modal_of_tense_or_reported_speech_is_no_hedge_change() -> None:
    assert (
        said("The toll will rise as rescuers reach the areas.", "The toll rises as rescuers reach the areas.")
        == []
    )
    assert said("He said Moscow would respond to the move.", "He said Moscow will respond to the move.") == []
    assert said("The suspect appeared in court on Monday.", "The suspect was in court on Monday.") == []


def test_reporting_verbs_that_only_report_are_no_change_but_softer_or_harder_ones_are() -> None:
    assert said("The minister said the plan would fail.", "The minister announced the plan would fail.") == []
    assert said("The minister said the plan would fail.", "The minister claimed the plan would fail.") == [
        ("attribution", "changed", "medium", "reporting verb: said → claimed")
    ]
    assert said(
        "The minister indicated the plan would fail.", "The minister threatened the plan would fail."
    ) == [("attribution", "changed", "medium", "reporting verb: indicated → threatened")]


def test_attribution_added_is_no_flag_but_dropped_is() -> None:
    assert said("The plan would fail next year.", "The plan would fail next year, the minister said.") == []
    assert said("The minister said the plan would fail next year.", "The plan would fail next year.") == [
        ("attribution", "changed", "medium", "attribution dropped: said (the rewrite states it as fact)")
    ]
    # still attributed, by a noun: "accusations from", "claims … deny"
    assert (
        said(
            "The United States and Ukraine say North Korea supplied Russia with shells.",
            "Accusations from the U.S. and Ukraine that North Korea supplied Russia with shells persist.",
        )
        == []
    )


def test_a_reporting_word_used_as_a_noun_or_adjective_is_no_reporting_verb() -> None:
    assert said("There were 12 confirmed cases in the town.", "There were 12 cases in the town.") == []
    assert said("The report was denied.", "The claims were denied.") == []


def test_a_marker_left_out_with_the_words_it_qualified_is_an_omission() -> None:
    got = said(
        "We reserve the right to supply weapons to the region. I do not exclude selling tanks to the army either.",
        "We reserve the right to supply weapons to the region.",
    )
    assert got == [("negation", "omitted", "low", "negation omitted with the words it qualified: not")]
    # the attribution of words the rewrite does not state is no attribution dropped
    assert (
        said(
            "General Sultan says the death toll will continue to rise as rescue workers reach the areas.",
            "Pakistani troops have now restored road and communication links.",
        )
        == []
    )
