"""Substitution flags: a content word replaced by one that says the opposite or something else."""

from __future__ import annotations

import pytest

from factcheck_gui.engine.flags import substitutions
from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.types import FlagChange, FlagType, Severity
from factcheck_gui.engine.worddiff import word_diff


def said(original: str, rewrite: str) -> list[str]:
    a, b = split_claims(original, "o"), split_claims(rewrite, "r")
    found = substitutions.substitution_flags(tokens_of(a), tokens_of(b), word_diff(a, b))
    assert all(
        (f.type, f.change, f.severity) == (FlagType.SUBSTITUTION, FlagChange.CHANGED, Severity.HIGH)
        for f in found
    )
    return [f.message for f in found]


@pytest.mark.parametrize(
    ("original", "rewrite", "message"),
    [
        (
            "The sale of the land was illegal, the court ruled.",
            "The sale of the land was legal, the court ruled.",
            "illegal → legal",
        ),
        (
            "The soldiers crossed the border at night.",
            "The volunteers crossed the border at night.",
            "soldiers → volunteers",
        ),
        (
            "There were 12 confirmed cases in the town.",
            "There were 12 suspected cases in the town.",
            "confirmed → suspected",
        ),
        ("Prices rose sharply in the spring.", "Prices fell sharply in the spring.", "rose → fell"),
        (
            "The cause of the fire is known to the police.",
            "The cause of the fire is unknown to the police.",
            "known → unknown",
        ),
        (
            "Forty people were killed in the blast.",
            "Forty people were injured in the blast.",
            "killed → injured",
        ),
    ],
)
def test_a_word_replaced_by_its_opposite_is_flagged(original: str, rewrite: str, message: str) -> None:
    assert said(original, rewrite) == [f"word changed: {message} (says something else)"]


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        ("The soldiers crossed the border at night.", "The troops crossed the border at night."),  # synonyms
        (
            "The soldiers crossed the border at night.",
            "The soldier crossed the border at night.",
        ),  # inflection
        ("The defence ministry spoke at night.", "The defense ministry spoke at night."),  # spelling
        ("The firm will invest in the port.", "The firm will vest in the port."),  # no antonym prefix
        ("The plan might close the library.", "The plan will close the library."),  # a hedge flag's word
        ("He did not sell the house.", "He did sell the house."),  # a negation flag's word
    ],
)
def test_synonyms_inflections_spellings_and_other_families_are_no_substitution(
    original: str, rewrite: str
) -> None:
    assert said(original, rewrite) == []


def test_contrast() -> None:
    assert substitutions.contrast("illegal", "legal") and substitutions.contrast("legal", "illegal")
    assert substitutions.contrast("non-violent", "violent") and substitutions.contrast("inactive", "active")
    assert not substitutions.contrast("invaluable", "valuable")
    assert not substitutions.contrast("increase", "increase")
