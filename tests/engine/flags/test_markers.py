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
