"""Three false flags seen on real pairs, each a change of wording that keeps the facts:

- a sentence opening with a common word that the story once writes inside a name ("Mission
  engineers last received a signal" next to "Phoenix Mission"; NASA's Phoenix release and its
  coverage) was read as the name "Mission" and "changed" into "Phoenix";
- two people with one first name ("Gen. Chuck Jacoby" and "Defense Secretary Chuck Hagel",
  DoD's Ebola support team release) were taken for one, so a title "changed";
- one plain negation for another ("will never expose" / "would not expose", Sierra Leone's
  statement on toxic waste) was a "negation changed", high.

Each test also keeps the real change next to it flagged."""

from __future__ import annotations

from factcheck_gui.engine import Comparison, Flag, FlagType, compare_texts


def flags_of(cmp: Comparison, ftype: FlagType) -> list[Flag]:
    return [f for c in cmp.changes for f in c.flags if f.type is ftype]


def omitted_of(cmp: Comparison, ftype: FlagType) -> list[Flag]:
    return [f for c in cmp.changes for f in c.omitted if f.type is ftype]


PHOENIX_O = (
    "NASA's Phoenix Mars Lander has ceased communications after operating for five months.\n"
    "Mission engineers last received a signal from the lander on Nov. 2.\n"
    "The mission exceeded its planned lifetime of three months.\n"
)
PHOENIX_R = (
    "NASA has ended the Phoenix Mission, the agency said.\n"
    "The Phoenix lander last sent a signal to Earth on November 2.\n"
    "The lander worked two months longer than the mission planned.\n"
)


def test_a_sentence_opening_with_a_common_word_names_no_one() -> None:
    cmp = compare_texts(PHOENIX_O, PHOENIX_R)
    assert not any("Mission" in f.original for f in flags_of(cmp, FlagType.NAME))
    assert not any("Mission" in f.original for f in omitted_of(cmp, FlagType.NAME))


def test_a_name_at_a_sentence_start_is_still_a_name() -> None:
    both = "Aides to Karzai and to Abdullah said the road to Kabul was closed.\n"
    original = both + "Karzai met the envoy in the capital on Monday.\n"
    rewrite = both + "Abdullah met the envoy in the capital on Monday.\n"
    (flag,) = flags_of(compare_texts(original, rewrite), FlagType.NAME)
    assert (flag.original, flag.rewrite) == ("Karzai", "Abdullah")


def test_one_slip_into_lower_case_does_not_unmake_a_name() -> None:
    # Many "British" in running text and one "british": still a name at a sentence start.
    original = (
        "The minister praised the British and the French crews.\n"
        "He thanked the British team, the british embassy and the British navy.\n"
        "British police arrested 21 people on Tuesday.\n"
    )
    rewrite = (
        "The minister praised the British and the French crews.\n"
        "He thanked the British team, the british embassy and the British navy.\n"
        "Police arrested 21 people on Tuesday.\n"
    )
    got = omitted_of(compare_texts(original, rewrite), FlagType.NAME)
    assert [f.original for f in got] == ["British"]


EBOLA_O = (
    "Secretary Hagel today ordered his Northern Command Commander, Gen. Chuck Jacoby, to prepare "
    "and train a 30-person expeditionary medical support team.\n"
)
EBOLA_R = (
    "Defense Secretary Chuck Hagel today ordered U.S. Northern Command to prepare and train a "
    "30-member expeditionary medical support team.\n"
)


def test_two_people_with_one_first_name_are_two_people() -> None:
    cmp = compare_texts(EBOLA_O, EBOLA_R)
    assert not any("Jacoby" in f.message for f in flags_of(cmp, FlagType.NAME))


def test_a_title_changed_before_the_same_family_name_is_still_flagged() -> None:
    original = "Gen. Chuck Jacoby ordered the team to prepare for deployment next week.\n"
    rewrite = "Adm. Chuck Jacoby ordered the team to prepare for deployment next week.\n"
    (flag,) = flags_of(compare_texts(original, rewrite), FlagType.NAME)
    assert "title of Chuck Jacoby changed" in flag.message


def test_one_plain_negation_for_another_is_no_change_of_fact() -> None:
    original = "The government said it will never expose the public to such long-term risks.\n"
    rewrite = "The government said it would not expose the public to such long-term risks.\n"
    assert flags_of(compare_texts(original, rewrite), FlagType.NEGATION) == []


def test_a_negation_turned_into_an_affirmation_is_still_flagged() -> None:
    original = "The government said it will never expose the public to such long-term risks.\n"
    rewrite = "The government said it will expose the public to such long-term risks.\n"
    (flag,) = flags_of(compare_texts(original, rewrite), FlagType.NEGATION)
    assert flag.severity == "high"
