"""Rules found on real story pairs: flags a reviewer saw that no fact changed, and changed
facts shown only as notes. Each on a short sentence pair of the kind the stories hold."""

from __future__ import annotations

from factcheck_gui.engine import Comparison, Flag, FlagType, compare_texts
from factcheck_gui.engine.types import FlagChange, Severity


def flags_of(cmp: Comparison, ftype: FlagType) -> list[Flag]:
    """The flags a reviewer must check (not the omissions and low notes), of one type."""
    return [f for c in cmp.changes for f in c.flags if f.type is ftype]


# --- names: a designation the original writes too is no name swapped in ---------------------


def test_a_designation_written_in_the_original_is_no_name_changed() -> None:
    # the original's headline "Asteroid 2004 MN4" reads as a figure's designation, the
    # rewrite's "MN4" as a name: the same words, no "Earth → MN4"
    original = (
        "Possibility of an Earth Impact in 2029 Ruled Out for Asteroid 2004 MN4\n"
        "Astronomers said on Monday that the asteroid will miss the Earth in 2029.\n"
    )
    rewrite = (
        "MN4 2004 asteroid now considered safe\n"
        "Astronomers said on Monday that asteroid 2004 MN4 will miss the Earth in 2029.\n"
    )
    names = flags_of(compare_texts(original, rewrite), FlagType.NAME)
    assert not [f for f in names if "changed" in f.message], [f.message for f in names]


def test_a_name_the_original_does_not_write_is_still_a_name_changed() -> None:
    original = "The minister met Smith in Geneva on Monday to discuss the ceasefire.\n"
    rewrite = "The minister met Jones in Geneva on Monday to discuss the ceasefire.\n"
    (name,) = flags_of(compare_texts(original, rewrite), FlagType.NAME)
    assert name.message == "name changed: Smith → Jones"


# --- hedges: a superlative or a noun is no hedge -------------------------------------------


def test_most_likely_and_highest_potential_are_no_hedges() -> None:
    original = "The diagram shows the most likely position of the asteroid near the Earth in April 2029.\n"
    rewrite = (
        "The diagram shows the asteroid with the highest potential position near the Earth in April 2029.\n"
    )
    assert not flags_of(compare_texts(original, rewrite), FlagType.HEDGE)


def test_likely_made_certain_is_still_a_hedge_changed() -> None:
    original = "Officials said the bridge will likely reopen to traffic next month after repairs.\n"
    rewrite = "Officials said the bridge will reopen to traffic next month after repairs.\n"
    (hedge,) = flags_of(compare_texts(original, rewrite), FlagType.HEDGE)
    assert "likely" in hedge.message


# --- numbers: a figure replaced where it stood is a figure changed ----------------------------


def test_a_count_replaced_in_place_in_other_words_is_a_number_changed() -> None:
    # "12 aircraft" / "20 planes": not "12 aircraft" omitted and "20 planes" added as notes
    original = "The agency said 3 ships and 12 aircraft were sent to the region on Friday.\n"
    rewrite = "The agency said 3 ships and 20 planes were sent to the region on Friday.\n"
    (number,) = flags_of(compare_texts(original, rewrite), FlagType.NUMBER)
    assert number.message == "number changed: 12 aircraft → 20 planes"
    assert number.change is FlagChange.CHANGED
    assert number.severity is Severity.HIGH


def test_a_share_replaced_by_a_bare_figure_is_a_number_changed() -> None:
    original = "Turnout was 45 percent in the capital, the commission said on Sunday.\n"
    rewrite = "Turnout was 54 in the capital, the commission said on Sunday.\n"
    (number,) = flags_of(compare_texts(original, rewrite), FlagType.NUMBER)
    assert number.message == "number changed: 45 percent → 54"


# --- hedges: an attempt stated as a deed ----------------------------------------------------


def test_an_attempt_stated_as_done_is_a_hedge_dropped() -> None:
    original = (
        "General Sultan says soldiers are trying to restore the main road linking Kashmir to Pakistan.\n"
    )
    rewrite = "General Sultan says soldiers have restored the main road linking Kashmir to Pakistan.\n"
    (hedge,) = flags_of(compare_texts(original, rewrite), FlagType.HEDGE)
    assert hedge.message == "modality dropped: trying"
    assert hedge.change is FlagChange.CHANGED


def test_trying_times_and_an_attempt_kept_are_no_hedge() -> None:
    original = "Officials are trying to reach the villages cut off by the floods, the agency said.\n"
    rewrite = "Officials tried to reach the villages cut off by the floods, the agency said.\n"
    assert not flags_of(compare_texts(original, rewrite), FlagType.HEDGE)
    original = "These are trying times for the villages cut off by the floods, the agency said.\n"
    rewrite = "These are hard times for the villages cut off by the floods, the agency said.\n"
    assert not flags_of(compare_texts(original, rewrite), FlagType.HEDGE)
