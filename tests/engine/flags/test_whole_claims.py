"""Flags of two whole claims (all the families through :func:`fact_flags`): what counts as a
change of fact when the claims share few words, when the rewrite names who "we" are, and that
an omitted value never counts like a changed one."""

from __future__ import annotations

from factcheck_gui.engine.flags import fact_flags, split_omitted
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.types import Flag, FlagChange, FlagType, Severity
from factcheck_gui.engine.worddiff import word_diff


def parted(original: str, rewrite: str) -> tuple[list[Flag], list[Flag]]:
    """(flags a reviewer must check, omissions and low notes) of two texts as one change."""
    a, b = split_claims(original, "o"), split_claims(rewrite, "r")
    return split_omitted(fact_flags(a, b, frozenset(), word_diff(a, b)))


def test_a_figure_restated_with_what_it_counts_is_a_change_even_in_claims_sharing_few_words() -> None:
    kept, _ = parted(
        "Provincial officials say a powerful magnitude 6.4 earthquake has killed at least 170 people in "
        "an impoverished mountain region of the southwest and left thousands of villagers homeless.",
        "More than 160 people have been reported killed so far, and 200 were injured.",
    )
    assert [(f.type, f.change, f.severity) for f in kept] == [
        (FlagType.NUMBER, FlagChange.CHANGED, Severity.HIGH)
    ]
    assert kept[0].message == "number changed: at least 170 people → More than 160 people"


def test_figures_of_two_different_things_in_claims_sharing_few_words_stay_a_note() -> None:
    kept, notes = parted(
        "Seismologists said the epicentre was near the scenic district where several villages are "
        "home to about 50,000 people.",
        "Seventy-three years ago the city was almost completely destroyed, and the death toll was "
        "about 35,000 people.",
    )
    assert not [f for f in kept if f.type is FlagType.NUMBER]
    assert any(
        f.message.startswith("number changed: about 50,000") and f.severity is Severity.LOW for f in notes
    )


def test_naming_who_we_are_in_a_statement_is_no_added_name() -> None:
    kept, notes = parted(
        "We are also expanding existing programs and humanitarian activities in flood-affected areas.",
        "The Agency for International Development is also expanding existing programs and "
        "humanitarian activities in flood-affected areas.",
    )
    assert [f for f in kept if f.type is FlagType.NAME] == []
    assert [f.message for f in notes] == [
        "name given for the original's “we”: Agency for International Development"
    ]
    # a name put where the original names nobody is still added: a detail to check, noted
    kept, notes = parted(
        "The agency is also expanding existing programs in flood-affected areas.",
        "The agency is also expanding existing programs in flood-affected areas of Sindh.",
    )
    assert kept == []
    assert [(f.change, f.severity, f.message) for f in notes] == [
        (FlagChange.ADDED, Severity.LOW, "name added: Sindh")
    ]


def test_an_omitted_value_is_never_reported_as_a_changed_one() -> None:
    original = (
        "On Thursday, October 14, 2010, Mayor Anna Berg said 36 people may have died and 250 homes "
        "were destroyed in Ziarat, according to the police."
    )
    kept, notes = parted(original, "Mayor Berg said people may have died and homes were destroyed.")
    assert kept == []
    assert notes and all(f.change is FlagChange.OMITTED and f.severity is Severity.LOW for f in notes)
    assert {f.type for f in notes} >= {FlagType.NUMBER, FlagType.DATE, FlagType.NAME}
