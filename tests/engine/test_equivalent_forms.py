"""Forms a rewrite uses for the same fact are not changes: a dotted initialism ("U.K." / "UK"),
an agency's initials for its name ("USGS" / "U.S. Geological Survey"), a temperature's scale
("degrees Celsius" / "degree C"), "will be able to" for "can"; and a country's adjective for
its name ("Chilean" / "Chile") counts as a shared word when claims are linked. Each one seen
on real story pairs (a State Department statement and a report quoting it, a USGS release and
the article made from it, a NASA release and VOA's report, a VOA story and its Learning
English retelling)."""

from __future__ import annotations

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.types import ChangeKind, Comparison


def _flags(cmp: Comparison) -> list[tuple[str, str]]:
    return [(f.type.value, f.message) for c in cmp.changes for f in c.flags]


def test_a_quotation_with_u_k_for_uk_is_the_speakers_words() -> None:
    cmp = compare_texts(
        "We have full confidence in the UK’s investigation and its assessment that Russia was "
        "likely responsible for the attack.",
        "\"We have full confidence in the U.K.'s investigation and its assessment that Russia "
        'was likely responsible for the attack," Tillerson said in a statement.',
    )
    assert not [f for f in _flags(cmp) if f[0].startswith("quote")]


def test_the_word_diff_takes_u_s_for_us_as_style() -> None:
    cmp = compare_texts(
        "Troops from the US and the UK arrived on Monday.",
        "Troops from the U.S. and the U.K. arrived on Monday.",
    )
    (change,) = cmp.changes
    assert not change.flags
    edits = [op for op in change.diff if op.op.value != "equal"]
    assert edits and all(op.trivial for op in edits)  # shown as style, hidden with punctuation


def test_a_changed_quotation_is_still_caught_beside_an_initialism() -> None:
    cmp = compare_texts(
        "We have full confidence in the UK’s investigation.",
        '"We have no confidence in the U.K.\'s investigation," Tillerson said.',
    )
    assert any(t == "quote_altered" for t, _m in _flags(cmp))


def test_an_agencys_initials_are_its_name() -> None:
    cmp = compare_texts(
        "On March 28, USGS scientists will release a report and the first-ever maps of "
        "ground-shaking hazards from induced earthquakes.",
        "The U.S. Geological Survey will release a report and its first-ever maps of "
        "ground-shaking hazards from induced earthquakes.",
    )
    assert not [m for t, m in _flags(cmp) if t == "name"]


def test_a_temperature_scale_is_no_name() -> None:
    cmp = compare_texts(
        "Since 1880, the average surface temperature of Earth has warmed by about 0.8 degrees "
        "Celsius, a trend driven by carbon dioxide emissions.",
        "NASA said that since 1880, Earth's average surface temperature has gone up by about "
        "0.8 degree C, mostly due to carbon dioxide emissions.",
    )
    assert not [m for t, m in _flags(cmp) if "Celsius" in m or " C" in m]


def test_will_be_able_to_is_can_and_will_alone_is_not() -> None:
    able = compare_texts(
        "Engineers can use this product to evaluate the safety of bridges.",
        "Engineers will also be able to use the maps to evaluate the safety of bridges.",
    )
    assert not [f for f in _flags(able) if f[0] == "hedge"]
    sure = compare_texts(
        "Engineers could use this product to evaluate the safety of bridges.",
        "Engineers will use the maps to evaluate the safety of bridges.",
    )
    assert [f for f in _flags(sure) if f[0] == "hedge"]


def test_a_countrys_adjective_links_a_restated_death_toll() -> None:
    cmp = compare_texts(
        "Major Earthquake Strikes Chile\n"
        "Chilean President Michelle Bachelet says at least three people have died in a powerful "
        "earthquake and several strong aftershocks.\n"
        "The Pacific Tsunami Warning Center says hazardous waves are possible along the coast.",
        "Major Earthquake in Chile Leads to Tsunami Warnings\n"
        "Officials in Chile now say at least ten people were killed in a powerful earthquake "
        "Wednesday night.\n"
        "A tsunami warning center says hazardous waves are possible along the coast.",
    )
    (toll,) = [c for c in cmp.changes if c.original == ("o2",)]
    assert toll.kind is ChangeKind.REWORDED and toll.rewrite == ("r2",)
    assert any(f.type.value == "number" and "three" in f.message and "ten" in f.message for f in toll.flags)


def test_us_for_u_s_is_a_changed_word_not_style() -> None:
    cmp = compare_texts("He told U.S. reporters about the plan.", "He told us reporters about the plan.")
    edits = [op for c in cmp.changes for op in c.diff if op.op.value != "equal"]
    assert edits and not any(op.trivial for op in edits)


def test_will_be_able_to_for_will_says_what_changed() -> None:
    cmp = compare_texts("The firm will pay the fine.", "The firm will be able to pay the fine.")
    assert ("hedge", "modality changed: will → will be able to") in _flags(cmp)


def test_a_party_adjective_is_no_country() -> None:
    from factcheck_gui.engine.similarity import unified_forms

    assert unified_forms([["republican", "republ", "republic", "german", "germ", "chilean", "chile"]]) == {
        "chilean": "chile"
    }


def test_a_dotted_time_in_capitals_is_style() -> None:
    cmp = compare_texts("The meeting starts at 5 p.m. on Friday.", "The meeting starts at 5 PM on Friday.")
    edits = [op for c in cmp.changes for op in c.diff if op.op.value != "equal"]
    assert edits and all(op.trivial for op in edits)
