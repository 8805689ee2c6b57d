"""Number flags: figures read with what they count and how exactly they are stated, paired
across the sides by what they count, and told apart as changed, omitted, added or restated."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine.flags import numbers
from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.types import Claim, Flag, FlagChange, FlagType, Severity
from factcheck_gui.engine.worddiff import word_diff


def figures(text: str) -> list[tuple[str, float, str, str, str]]:
    return [(f.kind, round(f.value, 2), f.unit, f.qual, f.text) for f in numbers.numbers_of(tokenize(text))]


def flags(original: str, rewrite: str, *, with_diff: bool = True, whole: str | None = None) -> list[Flag]:
    a: tuple[Claim, ...] = split_claims(original, "o")
    b: tuple[Claim, ...] = split_claims(rewrite, "r")
    diff = word_diff(a, b) if with_diff else ()
    lookups = Whole(whole, rewrite) if whole is not None else None
    return numbers.number_flags(a, b, tokens_of(a), tokens_of(b), diff, lookups)


def said(original: str, rewrite: str, **kw: object) -> list[tuple[str, str, str]]:
    """(change, severity, message) of each number flag."""
    return [(f.change.value, f.severity.value, f.message) for f in flags(original, rewrite, **kw)]  # type: ignore[arg-type]


# --- reading figures ------------------------------------------------------------------------


def test_figures_are_read_with_their_scale_currency_and_percent() -> None:
    assert figures("It cost $5 million, up 3.5% from 2019.") == [
        ("$", 5e6, "", "", "$5 million"),
        ("%", 3.5, "", "", "3.5%"),
    ]
    assert figures("About 3,500 people; 3,5 per cent.") == [
        ("n", 3500, "people", "~", "About 3,500"),
        ("%", 3.5, "", "", "3,5 per cent"),
    ]
    assert figures("No digits at all.") == []


def test_note_marks_are_no_figures_but_bracketed_numbers_are() -> None:
    assert figures("Wages rose 2 per cent.[1] The fund holds [1500] bonds.[E2]") == [
        ("%", 2, "", "", "2 per cent"),
        ("n", 1500, "", "", "1500"),
    ]


def test_number_words_add_up_and_loose_ones_do_not_count() -> None:
    assert figures("twenty five people and three million dollars") == [
        ("n", 25, "people", "", "twenty five"),
        ("$", 3e6, "", "", "three million"),
    ]
    assert figures("Ten thousand people marched; seventy-three died.") == [
        ("n", 10_000, "people", "", "Ten thousand"),
        ("n", 73, "died", "", "seventy-three"),
    ]
    assert figures("one of them came second, half the city") == []


def test_fractions_durations_and_ages() -> None:
    assert figures("One-third of the city and two-thirds of the town") == [
        ("%", 33.33, "", "", "One-third"),
        ("%", 66.67, "", "", "two-thirds"),
    ]
    assert figures("a three-year term, 36 months in prison") == [
        ("dur", 1095.75, "", "", "three-year"),
        ("dur", 1095.75, "", "", "36"),
    ]
    assert figures("The 16-year-old, aged 16, was 16 years old.") == [
        ("age", 16, "", "", "16-year-old"),
        ("age", 16, "", "", "16"),
        ("age", 16, "", "", "16"),
    ]


def test_times_days_of_the_month_years_and_designations_are_no_quantities() -> None:
    assert figures("It struck at 04:09 (23:09 UTC) and at 6 p.m. on October 14, 2010.") == []
    assert figures("Two helicopters, CH-53E, of the 15th Marine Expeditionary Unit") == [
        ("n", 2, "helicopt", "", "Two"),
    ]
    assert figures("Submarine Squadron 11 and the U.S. 7th Fleet; No. 10") == []
    assert figures("It happened 3 days ago, seventy-three years ago.") == []


def test_what_a_figure_counts_and_its_bound() -> None:
    assert figures("more than 16 million pounds of relief supplies and 26 U.S. military helicopters") == [
        ("n", 16e6, "lb", ">", "more than 16 million pounds"),
        ("n", 26, "helicopt", "", "26"),
    ]
    assert figures("the magnitude 6.4 quake and a 7.6 magnitude quake") == [
        ("n", 6.4, "magnitude", "", "6.4"),
        ("n", 7.6, "magnitude", "", "7.6"),
    ]
    # a range's first figure counts what its second does
    assert figures("Prices rose 5 to 10 percent.") == [("%", 5, "", "", "5"), ("%", 10, "", "", "10 percent")]


# --- equal, consistent, changed ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        ("Three people died on the road.", "3 people died on the road."),
        ("Ten thousand people marched.", "10,000 people marched."),
        ("One-third of the city lost power.", "33% of the city lost power."),
        ("He was jailed for 36 months.", "He was jailed for three years."),
        ("The 16-year-old was arrested.", "The 16 year old was arrested."),
        ("Smith, 16, was arrested.", "The 16-year-old Smith was arrested."),
    ],
)
def test_one_figure_written_two_ways_is_no_flag(original: str, rewrite: str) -> None:
    assert flags(original, rewrite) == []


@pytest.mark.parametrize(
    ("original", "rewrite", "message"),
    [
        (
            "Officials said 312 people were rescued.",
            "Officials said more than 300 people were rescued.",
            "312 → more than 300",
        ),
        (
            "Officials said 248 people were rescued.",
            "Officials said about 250 people were rescued.",
            "248 → about 250",
        ),
        (
            "More than 3,089 people were rescued.",
            "More than 3,000 people were rescued.",
            "More than 3,089 → More than 3,000",
        ),
        ("About 250 people were rescued.", "Officials said 248 people were rescued.", "About 250 → 248"),
    ],
)
def test_a_rounder_or_looser_figure_is_a_low_note(original: str, rewrite: str, message: str) -> None:
    (got,) = flags(original, rewrite)
    assert (got.change, got.severity) == (FlagChange.CHANGED, Severity.LOW)
    assert got.message == f"number restated, consistent with the original: {message}"


@pytest.mark.parametrize(
    ("original", "rewrite", "message"),
    [
        ("Twelve people were arrested.", "Fifteen people were arrested.", "number changed: Twelve → Fifteen"),
        (
            "More than 23,000 people fled.",
            "More than 26,000 people fled.",
            "number changed: More than 23,000 → More than 26,000",
        ),
        (
            "At least 170 people were killed.",
            "More than 160 people were killed.",
            "number changed: At least 170 → More than 160",
        ),
        (
            "About 60 km north of the city.",
            "Approximately 70 km north of the city.",
            "number changed: About 60 km → Approximately 70 km",
        ),
    ],
)
def test_a_different_figure_is_changed_and_high(original: str, rewrite: str, message: str) -> None:
    (got,) = flags(original, rewrite)
    assert (got.change, got.severity, got.message) == (FlagChange.CHANGED, Severity.HIGH, message)


def test_figures_are_paired_by_what_they_count() -> None:
    original = "The court jailed the 36-year-old for 36 months on March 14, police said."
    rewrite = "The court jailed the 42-year-old for three years on March 14, police said."
    assert said(original, rewrite) == [("changed", "high", "number changed: 36-year-old → 42-year-old")]
    original = "The report said 4,000 people were evacuated and 400,000 pounds of supplies delivered."
    rewrite = "The report said 3,000 people were evacuated and 322,000 pounds of supplies delivered."
    (got,) = flags(original, rewrite)
    assert got.message == "numbers changed: 4,000 people → 3,000 people; 400,000 pounds → 322,000 pounds"
    assert (got.original, got.rewrite) == ("4,000 people, 400,000 pounds", "3,000 people, 322,000 pounds")


def test_unrelated_figures_are_omitted_and_added_not_changed() -> None:
    got = said(
        "The flood killed 36 people.",
        "The flood killed people and cut 3 roads.",
        whole="The flood killed 36 people.",
    )
    assert got == [
        ("added", "medium", "number added: 3 roads"),
        ("omitted", "low", "number omitted: 36 people"),
    ]


def test_an_omitted_figure_is_low_and_an_added_one_is_medium() -> None:
    assert said(
        "The mayor said 36 people died in the flood.", "The mayor said people died in the flood."
    ) == [("omitted", "low", "number omitted: 36 people")]
    assert said(
        "The mayor said people died in the flood.", "The mayor said 36 people died in the flood."
    ) == [("added", "medium", "number added: 36 people")]


def test_a_figure_the_original_has_elsewhere_is_not_added() -> None:
    elsewhere = "The mayor said people died in the flood. Later, 19 aircraft and nine boats arrived."
    assert said("The mayor said people died.", "The mayor said 19 people died.", whole=elsewhere) == []
    assert said("The mayor said people died.", "The mayor said 9 people died.", whole=elsewhere) == []
    assert said("The mayor said people died.", "The mayor said 21 people died.", whole=elsewhere) == [
        ("added", "medium", "number added: 21 people")
    ]


def test_swapped_numbers_need_the_word_diff() -> None:
    (got,) = flags("Between 5 and 6 people were hurt.", "Between 6 and 5 people were hurt.")
    assert got.message == "numbers swapped: 5 and 6 → 6 and 5"
    assert (got.change, got.severity) == (FlagChange.CHANGED, Severity.HIGH)
    assert (got.original_span, got.rewrite_span) == ((8, 15), (8, 15))
    assert (
        flags("Between 5 and 6 people were hurt.", "Between 6 and 5 people were hurt.", with_diff=False) == []
    )


def test_numbers_moved_with_what_they_count_are_no_swap() -> None:
    assert flags("5 died and 6 were hurt in the crash.", "6 were hurt and 5 died in the crash.") == []
    assert (
        flags("It lasted 36 months and cost $5 million.", "It cost $5 million and lasted three years.") == []
    )


def test_every_flag_is_of_the_number_type_with_its_words_on_both_sides() -> None:
    for f in flags("Officials said 40 people were injured.", "Officials said 400 people were injured."):
        assert f.type is FlagType.NUMBER and (f.original, f.rewrite) == ("40", "400")


# --- the shortcut -------------------------------------------------------------------------------

_PIECES = ["May", "twenty", "five", "million", "ten", "hundred", "one-third", "seventy-three", "a", "third",
           "of", "3", "12", "2019", "$", "%", "people", "months", "ago", "said", ",", ".", "36-month", "16-year-old"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES)), st.integers(min_value=0, max_value=99))
def test_the_quick_look_never_misses_a_figure(ws: list[str], offset: int) -> None:
    text = " ".join(ws)
    claims = (Claim("o1", offset, offset + len(text), 0, text),)
    tokens = tokenize(text, offset)
    assert numbers.numbers_of(tokens, claims) == numbers.numbers_of(tokens)


@pytest.mark.parametrize(
    ("original", "rewrite", "consistent"),
    [
        ("About 250 homes", "More than 200 homes", True),  # an approximation, its lower bound rounded down
        ("More than 3,089 people", "About 3,000 people", True),
        ("More than 16 million pounds", "Approximately 20 million pounds", False),  # another figure
        ("More than 300 people", "Fewer than 400 people", False),  # a lower bound is no upper bound
        ("Fewer than 43 people", "Fewer than 50 people", True),  # an upper bound rounded up
        ("Up to 40 people", "Nearly 50 people", False),
    ],
)
def test_two_loose_figures_are_one_only_if_rounded_the_way_the_rewrite_says(
    original: str, rewrite: str, consistent: bool
) -> None:
    (a,) = numbers.numbers_of(tokenize(original))
    (b,) = numbers.numbers_of(tokenize(rewrite))
    assert numbers.consistent(a, b) is consistent


# --- restated bounds, qualifiers, units, headlines (issue 12, held-out classes) -------------


def test_bounds_from_opposite_sides_of_one_figure_are_a_change() -> None:
    # "more than 300" and "fewer than 300" (or "nearly 300") state the same figure but say two
    # different things: never the same figure said twice
    for other in ("fewer than 300", "nearly 300", "up to 300"):
        got = said(
            "Police said more than 300 protesters were held.", f"Police said {other} protesters were held."
        )
        assert got[0][:2] == ("changed", "high"), (other, got)
        assert got[0][2] == f"number changed: more than 300 → {other}"
    # a bound restated in a rounder figure or an exact one within it stays consistent
    assert said(
        "Police said more than 300 protesters were held.", "Police said 312 protesters were held."
    ) == [("changed", "low", "number restated, consistent with the original: more than 300 → 312")]
    got = said(
        "Police said more than 300 protesters were held.", "Police said about 200 protesters were held."
    )
    assert got == [("changed", "high", "number changed: more than 300 → about 200")]


def test_a_qualifier_dropped_from_the_same_figure_is_a_medium_change() -> None:
    got = said("The agency gave approximately $76 million in aid.", "The agency gave $76 million in aid.")
    assert got == [
        ("changed", "medium", "number stated without its qualifier: approximately $76 million → $76 million")
    ]
    # a figure made looser is a faithful restatement: no flag
    assert said("The agency gave $76 million in aid.", "The agency gave about $76 million in aid.") == []


def test_figures_of_people_in_other_words_are_one_figure_changed() -> None:
    got = said(
        "More than 300 people were evacuated on Monday and 12 schools closed, the mayor said.",
        "About 200 residents left their homes on Monday and 12 schools closed, the mayor said.",
    )
    assert got == [("changed", "high", "number changed: More than 300 people → About 200 residents")]
    # but a figure of people is never paired with one of pounds
    got = said(
        "Helicopters moved 4,000 people and 9,000 pounds of food.",
        "Helicopters moved 4,000 people and 7,000 tons of food.",
    )
    assert ("changed", "high", "number changed: 9,000 pounds → 7,000 tons") not in got


def test_a_figure_converted_to_another_unit_is_a_restatement() -> None:
    got = said(
        "The crews delivered more than 322,340 pounds of supplies.",
        "The crews delivered 146,000 kilograms of supplies.",
    )
    assert got[0][:2] == ("changed", "low") and "consistent with the original" in got[0][2]
    got = said(
        "The crews delivered 322,340 pounds of supplies.", "The crews delivered 46,000 kilograms of supplies."
    )
    assert got[0][:2] == ("changed", "high")


def test_a_number_in_a_title_case_headline_is_a_figure() -> None:
    # every word of such a headline is capitalised: "Kills 40" is no designation ("Squadron 11")
    assert figures("Flood Kills 40 In Valley Town") == []  # (no claims given: read as a sentence)
    got = said(
        "Flood Kills 40 In Valley Town\nA flood killed dozens in the valley on Monday.",
        "Flood Kills 60 In Valley Town\nA flood killed dozens in the valley on Monday.",
    )
    assert got == [("changed", "high", "number changed: 40 → 60")]
    # inside running text a capitalised word before a figure still names it
    assert said("He commanded Squadron 11 for two years.", "He commanded Squadron 12 for two years.") == []


def test_the_same_figure_counting_people_in_other_words_is_kept_not_changed() -> None:
    # "Two survivors" are the rewrite's "Two people"; the toll of 36 is left out, not changed
    original = "Two survivors were pulled from a building after a quake that killed at least 36 people."
    rewrite = "Two people were rescued from a collapsed building in Tainan."
    assert said(original, rewrite) == [("omitted", "low", "number omitted: at least 36 people")]
    # a different figure counted in other words is still a change
    (got,) = said("Two survivors were pulled from the rubble.", "Three people were pulled from the rubble.")
    assert got[:2] == ("changed", "high")
    # a weight is no count of people: "5 pounds" and "5 kg" are two figures
    assert said("The parcel held 5 pounds of rice.", "The parcel held 5 kg of rice.")[0][:2] == (
        "changed",
        "high",
    )


def test_a_range_end_against_a_bound_past_it_is_a_change() -> None:
    original = "The hydrogen detected indicates 20 to 50 percent ice by mass in the lower layer."
    got = said(original, "The hydrogen detected indicates more than fifty percent ice in the lower layer.")
    assert got == [
        ("changed", "high", "number changed: 50 percent → more than fifty percent"),
        ("omitted", "low", "number omitted: 20"),
    ]
    # within the range, or the same range again, is no change
    assert said(original, "The hydrogen detected indicates 20 to 50 percent ice in the lower layer.") == []
    assert (
        said("Between 20 and 50 people were hurt.", "Between 20 and 50 people were hurt, police said.") == []
    )


def test_a_bound_on_a_count_made_another_exact_count_is_a_change() -> None:
    # "at least 327" is a count so far; "348" is a new count (a developing story's update)
    assert said(
        "Officials say at least 327 people were killed.", "Officials now say 348 people were killed."
    ) == [("changed", "high", "number changed: at least 327 → 348")]
    # a round bound is the count rounded: an exact figure within it is consistent
    assert said(
        "Officials say at least 300 people were killed.", "Officials say 327 people were killed."
    ) == [("changed", "low", "number restated, consistent with the original: at least 300 → 327")]


def test_vague_quantities_are_read_with_what_they_count() -> None:
    assert figures("Hundreds of thousands of people need shelter.") == [
        ("n", 100000.0, "people", "v", "Hundreds of thousands")
    ]
    assert figures("Tens of thousands of homes were lost.")[0][1:4] == (10000.0, "hom", "v")
    assert figures("Several powerful aftershocks shook the island.")[0][2:] == ("aftershock", "v", "Several")
    # a duration or a share is no count
    assert figures("It lasted several days.") == [] and figures("Several of them left.") == []


def test_one_vague_quantity_for_another_is_a_change_and_a_figure_within_it_is_not() -> None:
    assert said(
        "Several powerful aftershocks were reported in the hours after the quake.",
        "Hundreds of powerful aftershocks were reported after the quake.",
    ) == [("changed", "high", "number changed: Several → Hundreds")]
    assert said("Thousands of people are homeless.", "Hundreds of thousands of people are homeless.") == [
        ("changed", "high", "number changed: Thousands → Hundreds of thousands")
    ]
    assert said(
        "Officials said 2,300 people are homeless.", "Officials said thousands of people are homeless."
    ) == [("changed", "low", "number restated, consistent with the original: 2,300 → thousands")]
    assert said("Hundreds of people fled.", "Hundreds of people fled, police said.") == []
    # a vague word only the rewrite has is a low note, not a figure added
    assert said(
        "Officials said people are homeless.", "Officials said thousands of people are homeless."
    ) == [("added", "low", "number added: thousands of people")]
    # and one that counts nothing the other figure counts is not paired with it
    got = said(
        "Death Toll Rises in Ecuador Quake, Recovery to Cost Billions",
        "Ecuador Quake Death Toll Rises to 654",
    )
    assert all(change != "changed" for change, _, _ in got), got


def test_figures_are_paired_by_what_befell_those_they_count() -> None:
    # the dead are not the missing: "nearly 300 missing" is the update's "282 … missing"
    got = said(
        "Officials say at least four people are dead and nearly 300 missing after a ferry sank.",
        "Divers resumed searching for 282 people - many of them teenagers - missing after the ferry capsized.",
    )
    assert (
        "changed",
        "low",
        "number restated, consistent with the original: nearly 300 missing → 282",
    ) in got
    assert all("four people →" not in message for _, _, message in got), got
    # and the rescued are not the dead, where the word diff swaps one for the other in place
    assert said(
        "Officials say more than 160 people have been rescued, with four confirmed deaths.",
        "Officials say 25 people were confirmed dead, and that 179 others had been rescued.",
    ) == [
        ("changed", "high", "number changed: four confirmed deaths → 25 people"),
        (
            "changed",
            "low",
            "number restated, consistent with the original: more than 160 people → 179 others",
        ),
    ]


# --- the independent review's cases (2026-12-08) ---------------------------------------------


def test_the_same_figure_in_other_words_must_count_people_to_whom_the_same_befell() -> None:
    # two survivors are not the two dead: the toll changed
    got = said(
        "The quake killed 36 people; two survivors were pulled out of the rubble.",
        "The quake killed two people, officials said.",
    )
    assert got[0] == ("changed", "high", "number changed: 36 people → two")
    # passengers are not survivors; families are not people
    assert said(
        "The bus carried 40 passengers, and 12 survivors were found.", "The bus carried 12 passengers."
    )[0] == ("changed", "high", "number changed: 40 passengers → 12")
    assert said("The flood displaced 300 families.", "The flood displaced 300 people.")[0][:2] == (
        "changed",
        "low",
    )


def test_several_with_a_scale_word_is_that_many_thousands() -> None:
    assert said("Several thousand homes were destroyed.", "A dozen homes were destroyed.") == [
        ("changed", "high", "number changed: Several thousand → dozen")
    ]
    assert said("Several thousand homes were destroyed.", "3,000 homes were destroyed.")[0][:2] == (
        "changed",
        "low",
    )


def test_a_range_end_is_paired_with_the_same_figure_restated() -> None:
    got = said(
        "Between 20 and 50 people were hurt in the crash.", "At least 50 people were hurt in the crash."
    )
    assert got == [
        ("changed", "high", "number changed: 50 → At least 50"),
        ("omitted", "low", "number omitted: 20"),
    ]
    got = said("The project will cost $5 to $10 million.", "The project will cost more than $10 million.")
    assert got[0] == ("changed", "high", "number changed: $10 million → more than $10 million")
    # a figure inside the range is consistent with it
    assert said("Officials said 20 to 30 people were hurt.", "Officials said 25 people were hurt.")[0][
        :2
    ] == (
        "changed",
        "low",
    )


def test_vague_words_that_count_nothing_are_no_figures() -> None:
    assert said("The team scores goals in every game.", "The team scored 40 goals.") == [
        ("added", "medium", "number added: 40 goals")
    ]
    assert said("The millions who watched were moved.", "The viewers were moved.") == []
    assert said("Thousands fled the city.", "Thousands of people fled the city.") == []


def test_vague_words_against_common_restatements_are_consistent() -> None:
    for original, rewrite in (
        ("Hundreds of people were hurt.", "More than 100 people were hurt."),
        ("Dozens of people were hurt.", "Scores of people were hurt."),
        ("Billions of dollars were lost.", "$3 billion was lost."),
    ):
        (got,) = said(original, rewrite)
        assert got[:2] == ("changed", "low"), (original, got)
    assert said("Two dozen people were hurt.", "24 people were hurt.") == []


def test_a_bound_on_a_share_or_a_duration_restated_exactly_is_consistent() -> None:
    for original, rewrite in (
        ("The rate was more than 3.5 percent.", "The rate was 3.6 percent."),
        ("He served more than 18 months.", "He served 19 months."),
    ):
        (got,) = said(original, rewrite)
        assert got[:2] == ("changed", "low"), (original, got)


def test_what_befell_people_is_read_from_plain_words_only() -> None:
    # "lives" saved are no deaths; "held" is no arrest word
    assert said("Rescuers saved 12 lives on Monday.", "Rescuers saved 15 lives on Monday.")[0][:2] == (
        "changed",
        "high",
    )
    assert said("12 people were held in the stadium.", "15 people were held in the stadium.")[0][:2] == (
        "changed",
        "high",
    )
    # the dead and the missing swapped are a change
    (got,) = said("Four people are dead and 300 are missing.", "Four people are missing and 300 are dead.")
    assert got[:2] == ("changed", "high")
