"""What a reviewer sees of a comparison: the flags of changed or added facts, and apart from them
the omissions and low notes — a summary that only omits must not look like one that falsifies."""

from __future__ import annotations

from factcheck_gui.engine.types import FlagChange, FlagType, Severity
from tests.engine.flags.seen import flags, messages, omitted, review

STORY = (
    "Mayor Anna Berg said on Thursday that 36 people died in the flood in Ziarat district. "
    "About 250 homes were destroyed. The city may close the old bridge, she said.\n"
    "Officials said the flood lasted three years' worth of rain in 36 hours.\n"
)


def test_a_shorter_text_that_only_leaves_facts_out_has_no_flags_only_omissions() -> None:
    rewrite = (
        "Mayor Berg said people died in the flood. Homes were destroyed. "
        "The city may close the old bridge, she said.\n"
    )
    _, seen = review(STORY, rewrite)
    assert flags(seen) == []
    gone = omitted(seen)
    assert gone and all(f.change is FlagChange.OMITTED and f.severity is Severity.LOW for f in gone)
    assert "number omitted: 36 people" in messages(gone)


def test_a_text_that_states_other_values_has_changed_flags_of_high_severity() -> None:
    rewrite = STORY.replace("36 people", "42 people").replace("Thursday", "Friday")
    _, seen = review(STORY, rewrite)
    assert messages(flags(seen)) == ["number changed: 36 → 42", "date changed: Thursday → Friday"]
    assert {(f.change, f.severity) for f in flags(seen)} == {(FlagChange.CHANGED, Severity.HIGH)}


def test_a_value_is_added_only_if_the_whole_original_has_it_nowhere() -> None:
    rewrite = STORY.replace(
        "About 250 homes were destroyed.", "About 250 homes were destroyed in Ziarat, Berg said."
    )
    _, seen = review(STORY, rewrite)
    assert flags(seen) == []  # Ziarat and Berg are in the original; "Berg said" only attributes
    rewrite = STORY.replace("About 250 homes were destroyed.", "About 250 homes were destroyed in Quetta.")
    _, seen = review(STORY, rewrite)
    # a value only the rewrite gives is added detail: a note to check, not a changed fact
    assert flags(seen) == []
    (added,) = omitted(seen, FlagType.NAME)
    assert (added.type, added.change, added.severity) == (FlagType.NAME, FlagChange.ADDED, Severity.LOW)
    assert added.message == "name added: Quetta"


def test_a_consistent_restatement_is_a_low_note() -> None:
    rewrite = STORY.replace("About 250 homes", "More than 200 homes")
    _, seen = review(STORY, rewrite)
    assert flags(seen) == []
    assert messages(omitted(seen, FlagType.NUMBER)) == [
        "number restated, consistent with the original: About 250 → More than 200"
    ]


def test_a_hedge_dropped_is_a_flag_and_a_reporting_verb_added_is_not() -> None:
    rewrite = STORY.replace("The city may close", "The city will close")
    _, seen = review(STORY, rewrite)
    assert messages(flags(seen)) == ["modality changed: may → will"]
    rewrite = STORY.replace(
        "About 250 homes were destroyed.", "About 250 homes were destroyed, officials said."
    )
    _, seen = review(STORY, rewrite)
    assert flags(seen) == []


def test_a_headline_in_title_case_has_no_names_but_its_real_ones() -> None:
    original = "Death Toll Rising in South Asia Earthquake\n\nThe toll from South Asia's earthquake rose in Pakistan.\n"
    rewrite = "Rescue Effort Intensifies in Pakistan as Quake Toll Mounts\n\nThe toll from South Asia's earthquake rose in Pakistan.\n"
    _, seen = review(original, rewrite)
    assert flags(seen, FlagType.NAME) == []


def test_one_name_written_two_ways_is_no_flag() -> None:
    original = "The U.S. Navy said José Pérez commanded the ship near the coast.\n"
    rewrite = "The United States Navy said Jose Perez commanded the ship near the coast.\n"
    _, seen = review(original, rewrite)
    assert flags(seen) == [] and omitted(seen) == []


def test_a_quotation_of_the_speakers_own_statement_is_no_flag_but_an_altered_one_is() -> None:
    original = (
        "Good morning. We are still notifying the families of those who were killed. "
        "Our thoughts are with them, and we will not rest until the killers are found.\n"
    )
    rewrite = "Obama said: “We will not rest until the killers are found.”\n"
    _, seen = review(original, rewrite)
    assert flags(seen) == []
    _, seen = review(original, rewrite.replace("will not rest", "will never rest"))
    assert FlagType.QUOTE_ALTERED in [f.type for f in flags(seen)]


def test_background_a_rewrite_adds_is_a_note_not_a_changed_fact() -> None:
    # Simple English Wikipedia and its English Wikipedia source (benchmarks/pairs, heavy-rewrite-simple-english-wikipedia)
    original = "The Simple English Wikipedia was launched on September 18, 2001.\n"
    rewrite = (
        "The Simple English Wikipedia started on September 18, 2001, and is the 44th-largest Wikipedia, "
        "as of January 2024.\n"
    )
    _, seen = review(original, rewrite)
    assert flags(seen) == []
    notes = omitted(seen, FlagType.DATE)
    assert [(f.change, f.severity, f.rewrite) for f in notes] == [
        (FlagChange.ADDED, Severity.LOW, "January 2024")
    ]


def test_the_text_output_says_left_out_only_of_what_was_left_out() -> None:
    from factcheck_gui.cli.render import render_text

    rewrite = STORY.replace("About 250 homes were destroyed.", "About 250 homes were destroyed in Quetta.")
    rewrite = rewrite.replace("Mayor Anna Berg said on Thursday that", "Mayor Anna Berg said that")
    cmp, _ = review(STORY, rewrite)
    out = render_text(cmp)
    assert "· note: name added: Quetta" in out
    assert "· left out: date omitted: Thursday" in out
